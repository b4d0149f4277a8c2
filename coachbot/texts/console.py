"""What the console says itself: the welcome at start and the demo mode's clock commands."""

WELCOME = "Welcome to coachbot. Type /start to begin, or /help for the commands (Ctrl-D quits)."
WELCOME_BACK = "Welcome back. /today shows today's session; /help lists the commands (Ctrl-D quits)."
WELCOME_PENDING = "Welcome back. We were in the middle of this (or type /cancel):"

DEMO_WELCOME = (
    "**Demo mode**: a practice database of its own and a clock you move: /later jumps to the next "
    "prompt, /nextday to the first prompt of the next day."
)
DEMO_HELP = (
    "**Demo mode** moves the bot's clock, so you can live a week in minutes:\n"
    "- /later — jump to the next prompt\n"
    "- /nextday — jump to the first prompt of the next day"
)
DEMO_MOVED = "⏩ It's now {when} for you."
DEMO_NOTHING_DUE = (
    "Nothing is scheduled yet: /start enrols you (or /resume a paused plan), and then prompts follow."
)
DEMO_WHEN = "%A %d %B, %H:%M"  # strftime: Tuesday 03 March, 07:30
