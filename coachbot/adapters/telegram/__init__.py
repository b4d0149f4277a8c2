"""The Telegram adapter: python-telegram-bot embedded in the app's loop, translating updates into messages and replies into Bot API calls."""
