"""The daily loop's own wording: the silence pause, skipping a logged day, snoozing a named prompt, quiet hours."""

# CLINICAL 8 missing data: the one message the silence pause sends (issue 14 item 2)
SILENCE_PAUSED = (
    "I haven't heard from you for {span}, so I've paused your plan — send /resume when you're back."
)
SILENCE_SPANS = {"7": "a week", "14": "two weeks"}
SILENCE_DAYS = "{days} days"

# /skip after the session was logged: refused, the record is kept (issue 14 item 3)
SKIP_ALREADY_LOGGED = (
    "You've already logged today's session, so there's nothing to skip — it counts as done. "
    "To change your answers, send /checkin again."
)

# quiet hours: no prompt starts inside them; one due inside moves to their end (issue 14 item 5)
QUIET_MOVES = "{what} at {time} falls inside your quiet hours ({quiet}), so it will come at {end} instead."
QUIET_WHAT = {
    "session_time": "Your session prompt (and the weekly check)",
    "morning_time": "Your morning check-in",
}

# snoozing a prompt by name, from /snooze or the prompt's own Snooze button (issue 14 item 4)
SNOOZE_BUTTON = "Snooze"
PROMPT_NAMES = {
    "session": "today's session",
    "morning": "this morning's check-in",
    "weekly": "this week's calf check",
}
ASK_SNOOZE_NAMED = "Snooze {prompt} — remind you again in:"
TOMORROW_LABEL = "Tomorrow"
SNOOZED_NAMED = "OK, I'll remind you in {minutes} minutes about {prompt} (at {time})."
SNOOZED_TOMORROW = "OK, I'll send {prompt} again tomorrow at {time}."
TOMORROW_AS_USUAL = "OK, let today's session go: tomorrow's session comes at {time} as usual."
SNOOZE_ANSWERED = "You've already answered {prompt}, so there's nothing to snooze."
SNOOZE_USED_NAMED = "You've already snoozed {prompt} once; it stays as it is."
SNOOZE_TOO_LATE = (
    "That prompt is from an earlier day, so it can't be snoozed now; the next one comes as usual."
)
MORNING_REPLACED = "You'd already answered this morning ({pain}/10); this answer replaces it."
WEEKLY_REPLACED = "You'd already done this week's check today; these answers replace the earlier ones."
