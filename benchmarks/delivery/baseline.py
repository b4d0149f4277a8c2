"""The bot a Python developer writes by default, for comparison: python-telegram-bot's Application with its
JobQueue (one `run_once` job per person, all at the same due time, default misfire grace) and
AIORateLimiter (its defaults), plus a /checkin CommandHandler replying with a short question.

    python -m benchmarks.delivery.baseline --token T --api-url http://127.0.0.1:P --people N \
        --first-chat 1000000 --due 2026-12-01T14:00:00+00:00
"""

from __future__ import annotations

import argparse
from datetime import datetime

from telegram import Update
from telegram.ext import AIORateLimiter, Application, CommandHandler, ContextTypes

PROMPT = "Time for today's session: E1 heel raises, level 2. Tell me how it went afterwards."
QUESTION = "How much did your calf hurt during the session, 0 to 10?"


async def prompt(context: ContextTypes.DEFAULT_TYPE) -> None:
    assert context.job is not None
    assert context.job.chat_id is not None
    await context.bot.send_message(context.job.chat_id, PROMPT)


async def checkin(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(QUESTION)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--token", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--first-chat", type=int, required=True)
    parser.add_argument("--due", required=True, help="ISO time every prompt is due")
    args = parser.parse_args()
    due = datetime.fromisoformat(args.due)

    async def schedule(application: Application) -> None:  # type: ignore[type-arg]
        assert application.job_queue is not None
        for chat in range(args.first_chat, args.first_chat + args.people):
            application.job_queue.run_once(prompt, when=due, chat_id=chat, name=str(chat))

    application = (
        Application.builder()
        .token(args.token)
        .base_url(f"{args.api_url}/bot")
        .base_file_url(f"{args.api_url}/file/bot")
        .rate_limiter(AIORateLimiter())
        .post_init(schedule)
        .build()
    )
    application.add_handler(CommandHandler("checkin", checkin))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
