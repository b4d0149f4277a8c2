"""Scheduled prompts: the daily session, the morning question, the weekly check, reminders."""

LOG_SESSION = "Done — log it"
MORNING = (
    "Good morning! How does your calf feel on your first steps today? Tap to answer (two quick questions)."
)
ANSWER = "Answer"
WEEKLY = "It's time for this week's calf check: a few quick tests and how the week went."
START_WEEKLY = "Start the check"
LATE = "(Sorry this is late — I was offline for a while.)"
NOTHING_TO_SNOOZE = "There's no prompt from today to snooze."
