"""Check-in questions (CLINICAL 8) and what the bot says once answers are recorded."""

ASK_DURING = "Worst calf pain **during** today's exercises? 0 = no pain, 10 = worst pain imaginable."
ASK_AFTER = "Calf pain **now**? 0 = no pain, 10 = worst pain imaginable."
PAIN_EXPECTED = "a number from 0 to 10 (0 = no pain, 10 = worst imaginable)"
ASK_COMPLETION = "How much of today's session did you do?"
COMPLETION_LABELS = {"all": "All", "most": "Most (⅔ or more)", "some": "Some", "none": "None"}
COMPLETION_EXPECTED = "one of: all, most, some or none"
ASK_REASON = "What got in the way?"
REASON_LABELS = {"pain": "Pain", "time": "Time", "forgot": "Forgot", "other": "Other"}
REASON_EXPECTED = "one of: pain, time, forgot or other"
ASK_SUDDEN = "Did anything sudden happen — a sharp pull, a pop, or a new limp?"
YES_NO_EXPECTED = "yes or no"
RECORDED = (
    "Logged: pain {during}/10 during, {after}/10 now, did {completion}. "
    "I'll ask about your calf tomorrow morning, which tells us most about how it's coping."
)
ALREADY_LOGGED = "You've already logged today's session; these answers replace the earlier ones."
