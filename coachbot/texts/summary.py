"""The weekly summary sent with the weekly check."""

SUMMARY = (
    "**Your week {week}**\n"
    "- Sessions done in the last 7 days: {done}\n"
    "- Morning calf pain compared with the week before: {trend}\n"
    "- You're in phase {phase} ({phase_name}). {milestone}\n"
    "Tip — {exercise}: {tip}"
)
TRENDS = {"better": "better", "same": "about the same", "worse": "worse", "unknown": "not enough answers yet"}
NEXT_PHASE = "Next: phase {number} ({name}), once your weekly checks show you're ready."
LAST_PHASE = "Next: finishing the programme (week {weeks})."

ACHILLES_CHECK = (
    "Reminder: if you haven't yet, book a routine check of your Achilles tendon with a physio or doctor."
)
