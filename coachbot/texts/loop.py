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
