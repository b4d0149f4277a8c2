"""/settings, /pause reasons, /skip and /snooze."""

ASK_SETTING = "What would you like to change?"
SETTING_LABELS = {
    "session_time": "Session time",
    "days": "Training days",
    "zone": "Time zone",
    "morning_time": "Morning check-in time",
    "quiet": "Quiet hours",
    "weekly_day": "Weekly check day",
    "key_run": "Long run day",
}
ASK_QUIET = 'Quiet hours, as two times: from and until, like 22:00-07:00 (or "none").'
QUIET_EXPECTED = "two times like 22:00-07:00, or none"
ASK_WEEKLY_DAY = "Which day should the weekly calf check come?"
WEEKLY_DAY_EXPECTED = "one day of the week, like sunday"
SAVED = (
    "Saved. Sessions at {time} ({zone}) on {days}; morning check-in at {morning}; weekly check on {weekly}; "
    "quiet hours {quiet}."
)
NO_QUIET = "none"
TYPED_EXPECTED = (
    "settings written like /settings zone Europe/London time 07:30 (zone, time and morning can be given)"
)

ASK_PAUSE_REASON = "Taking a break is fine. What's the reason?"
PAUSE_LABELS = {"sick": "Ill", "travelling": "Travelling", "flare_up": "Flare-up", "other": "Something else"}
PAUSED_FOR_FLARE = (
    "Paused. With a flare-up, rest from loading, walk as comfortably as you can, and tell me if anything "
    "feels serious. Send /resume when it has settled."
)
REENTRY = (
    "Welcome back after {days} days. We restart one level below where you left off so your calf can get used "
    "to the work again."
)

ASK_SKIP_REASON = "Skipping today's session is OK. What's getting in the way?"
SKIP_LABELS = {"pain": "Pain", "time": "No time", "ill": "Ill", "other": "Something else"}
SKIPPED = "Skipped today. Your next session is on {next_day}."
SKIPPED_FOR_PAIN = (
    "Skipped today. If the calf is sore, keep walking as comfortable and see how it feels tomorrow morning; "
    "tell me straight away if anything feels serious."
)

SNOOZE_LABELS = {"30": "30 minutes", "60": "1 hour", "180": "3 hours"}
