"""The programme outline of `coachbot programme show ID`: how phases, levels and exit criteria read."""

PHASE_HEADER = "Phase {number}: {name} (pain group {group}, {sessions} sessions a week)"
ADVANCE = "  Moves one exercise up a level after {count} green sessions, in this order: {order}"
LEVEL = "      {tag} {name}: {prescription}"
# exit criteria in plain English (issue 14 item 10)
REPS = "{count} reps or more"
REPS_NORM = "{count} reps or more (or the usual count for your age and sex, if that is lower)"
REPS_NORM_FLOOR = (
    "{count} reps or more (or the usual count for your age and sex if that is lower, but never fewer than "
    "{floor})"
)
LSI = {
    "rehab": "the injured leg doing at least {percent}% of the other leg's count",
    "prevention": "the weaker leg doing at least {percent}% of the stronger leg's count",
}
PAIN_FREE = "pain-free"
PAIN = "pain {pain}/10 or less"
MINUTES = "{count} min or more"
SECONDS = "{count} s or more"
SCORE = "{score}/10 or more"
LEVEL_AT = "at {tag} or above"
CONTROL = {"good": "with good control", "ok": "with at least OK control"}
SYMMETRIC = "the same on both legs"
NO_LIMP = "without a limp"
SETTLED = "with a settled next morning"
WEEKS = "for {count} weeks"
TIMES = "{count} times"
