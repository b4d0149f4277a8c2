"""Training days and the key-run day: the question, and what the bot says when the chosen days cannot hold
a phase (CLINICAL A22, A23)."""

ASK_KEY_RUN = (
    "Which day is your long run or race day? I keep the day before it free of heavy and hopping work."
)
KEY_RUN_NONE = "None / it varies"
KEY_RUN_EXPECTED = 'one day of the week, like saturday, or "none"'
KEY_RUN_SAVED = "Long run or race day: {day}; the day before it stays free of heavy and hopping work."
NO_KEY_RUN = "No fixed long run or race day."

# what a phase's sessions are called in a sentence ("3 heavy strength sessions a week", "a light day")
KIND_LABELS = {
    "heavy": "heavy strength",
    "light": "light",
    "plyo": "hopping and jumping",
    "easy": "easy",
    "run": "run",
    "run_plyo": "run",
    "strength": "strength",
}
KEY_RUN_RULE = ", and never the day before your long run ({day})"
SPACING_RULE = " on days that are not next to each other"

CANNOT_HOLD = (
    "Those days can't hold phase {phase} ({name}): it needs at least {minimum} {label} sessions a week"
    "{rule}; with {days} there would be {count}."
)
PROPOSE = "I suggest {proposal}: {week}."
WEEK_DAY = "{day} {label}"
WEEK_REST = "{day} rest"
ACCEPT = "Use those days"
KEEP = "Keep my days"
CHECK_EXPECTED = f'"{ACCEPT}" or "{KEEP}"'

KEPT = "OK, keeping {days}. In phase {phase} ({name}) that means {sessions}"
KEPT_FEWER = ", fewer than the {minimum} a week it asks for, so each step up takes longer."
KEPT_RIDERS = " With no {missing} day, {exercises} joins your {label} sessions."
KEPT_END = " Change your days any time with /settings."
KEPT_NONE = (
    "OK, keeping {days}. In phase {phase} ({name}) that leaves no day for a {label} session: none will come "
    "until you choose other days with /settings."
)
REST = " {day} stays a rest day ({reason})."
REST_REASONS = {
    "before_key_run": "the day before your long run",
    "spacing": "next to another {label} day",
    "full": "the week already has its sessions",
}
ONE_SESSION = "1 {label} session ({days})"
SESSIONS = "{count} {label} sessions ({days})"
