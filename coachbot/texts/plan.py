"""Today's session, status and pause/resume wording."""

SESSION_HEADER = "**{title} — phase {phase}: {phase_name}**\n{kind} session, {date}"
REST_DAY = (
    "Today ({date}) is a rest day in phase {phase}: {phase_name}. An easy walk is fine. "
    "Your next session is on {next_day}."
)
BOUTS = "Do this in {bouts} short bouts across the day."
CHECKIN_PROMPT = "When you've finished, send /checkin to log how it felt."

# an exercise card (issue 14 item 10): what, how much, which leg, tempo, rest, one cue, if it hurts
CARD_TITLE = "- **{exercise}** ({tag}): {name}"
CARD_DOSE = "  {dose}"
CARD_CUE = "  Cue: {cue}"
CARD_NOTE = "  Note: {note}"
CARD_HURTS = "  {advice}"
TEMPO = "tempo {tempo}"
REST = "rest {rest}"
LEGS = {
    "injured": "injured leg only",
    "both": "both legs",
    "each": "each leg",
    "sides": "each side",
    "alternate": "alternating legs",
}
# what to do if an exercise hurts, by its kind; {cap} is the phase's limit
IF_IT_HURTS = {
    "strength": "If it hurts over {cap}/10: stop it for today.",
    "balance": "If it hurts over {cap}/10: stop for today.",
    "mobility": "If it hurts: ease off to a gentle pull, 2/10 at most.",
    "walking": "If you limp or it hurts over {cap}/10: slow down and cut it short.",
    "circulation": "If it hurts over {cap}/10: make it smaller, or stop.",
    "plyometric": "If it hurts over {cap}/10, or landings feel heavy: stop the jumps for today.",
    "running": "If it hurts over {cap}/10: walk home, and tell me before the next run.",
}
CARD_STOP = "Sharp or sudden pain, a pop, a new limp, or {stop}/10 or more: stop at once and send /checkin."
# /help for someone enrolled: how often their programme's current phase trains (issue 14 item 10)
HELP_PLAN = "Your plan: **{title}**, phase {phase}: {phase_name} — {count} sessions a week ({days})."
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

# CLINICAL A16: clinician-led mode
ASK_CLINICIAN_PHASE = (
    "Which phase has your clinician (physio or doctor) put you on? I'll follow that and won't move you on "
    "by myself; tell me again with /clinician whenever they change it."
)
CLINICIAN_PHASE_LABEL = "Phase {number}: {name}"
CLINICIAN_PHASE_EXPECTED = "one of the phases listed (its number is enough)"
CLINICIAN_RECORDED = (
    "Recorded: your clinician has you on phase {phase} ({name}) as of {date}. I'll keep to it and won't "
    "move you up on my own; I'll still ease off if your calf flares up."
)
ASK_CLINICIAN_LEVELS = "Did your clinician set levels for any exercise?"
CLINICIAN_LEVELS_LABELS = {"yes": "Yes", "skip": "Skip"}
CLINICIAN_LEVELS_EXPECTED = "yes, or skip"
ASK_CLINICIAN_LEVEL = (
    "**{exercise}**: which level did your clinician set? The plan would have you on {tag} ({name})."
)
CLINICIAN_AS_PLANNED = "As the plan says"
CLINICIAN_LEVEL_EXPECTED = "one of the levels shown (like {example}), or “as the plan says”"
ASK_CLINICIAN_DATE = "When did you see them? Press Today, or type the date (like 2026-11-28 or 28 Nov)."
CLINICIAN_TODAY = "Today"
CLINICIAN_DATE_EXPECTED = "a date like 2026-11-28 or 28 Nov, or today"
CLINICIAN_DATE_FUTURE = "the day you saw them, today or earlier ({date} hasn't come yet)"
CLINICIAN_LEVELS_RECORDED = "; levels: {levels}"
CLINICIAN_LEVELS_SET = "Levels your clinician set: {levels}."
CLINICIAN_RECORD = "Your clinician's plan (seen {date}): phase {phase} ({name}){levels}."
CLINICIAN_NO_LEVELS = "; levels as the plan says"

# graduation (CLINICAL A15)
ASK_GRADUATE = "Ready to finish the programme and go back to your own training, built up gradually?"
GRADUATE_LATER = (
    "No problem — we'll keep your runs where they are and I'll ask again after next week's check."
)
GRADUATED = (
    "Congratulations — you've completed the programme. From here, build your usual training back up "
    "gradually: add no more than 10–20% to your weekly volume at a time. If calf pain comes back above "
    "3/10, or anything feels wrong, ease off and get it checked."
)
MAINTENANCE_INTRO = (
    "To keep your calf strong — re-injury is common — keep a short strength session {times} times a week, "
    "after a run or on an easy day:"
)
MAINTENANCE_ITEM = "• {name}: {dose}"
MAINTENANCE_OFFER = (
    "For a structured plan, the {title} programme builds on this: send /start {code} to begin it."
)
