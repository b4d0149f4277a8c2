"""Today's session, status and pause/resume wording."""

SESSION_HEADER = "**{title} — phase {phase}: {phase_name}**\n{kind} session, {date}"
REST_DAY = (
    "Today ({date}) is a rest day in phase {phase}: {phase_name}. An easy walk is fine. "
    "Your next session is on {next_day}."
)
BOUTS = "Do this in {bouts} short bouts across the day."
CHECKIN_PROMPT = "When you've finished, send /checkin to log how it felt."
STATUS = (
    "**{title}** — {state}\n"
    "Phase {phase}: {phase_name} (day {phase_day}); programme week {week}.\n"
    "Sessions at {time} ({zone}) on {days}; morning check-in at {morning}.\n"
    "Current levels: {levels}"
)
STATE_LABELS = {
    "active": "active",
    "paused": "paused",
    "stopped": "stopped",
    "referred": "paused until you've been assessed",
    "completed": "completed",
}
PAUSED = "Paused. Your levels are kept; send /resume when you're ready to carry on."
ALREADY_PAUSED = "Your plan is already paused. Send /resume to carry on."
RESUMED = "Welcome back! Your plan is active again. Send /today for today's session."
NOT_PAUSED = "Your plan isn't paused."
CONFIRM_STOP = "Stop **{title}**? Your history is kept; you can enrol again with /start."
STOPPED = "Stopped. Thanks for training with me — look after that calf."
NOT_STOPPED = "OK, carrying on with your programme."
NOT_ACTIVE = "Your plan is paused, so there is nothing to log right now. Send /resume when you're ready."
