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
ASK_NOTE = "In a few words, what got in the way? (Or press Skip.)"
NOTE_EXPECTED = "a few words (up to {limit} characters), or skip"
NOTE_FORM = "Write a short note"
NOTE_LABEL = "Your note"
ASK_RUN = "Did the run go as planned?"
RUN_LABELS = {"planned": "As planned", "shortened": "Shortened", "stopped": "Stopped early"}
ASK_SUDDEN = "Did anything sudden happen — a sharp pull, a pop, or a new limp?"
YES_NO_EXPECTED = "yes or no"
RECORDED = (
    "Logged: pain {during}/10 during, {after}/10 now, did {completion}. "
    "I'll ask about your calf tomorrow morning, which tells us most about how it's coping."
)
# pain above the phase's limit, below the stop line (issue 14 item 8): what it means and what to do
ABOVE_LIMIT = (
    "{pain}/10 {when} the exercises is above the {cap}/10 limit for this stage: a sign that today's work "
    "was more than your calf is ready for. Give it an easy rest of the day (ordinary walking is fine, no "
    "more calf exercises or running), and answer tomorrow's morning check so I can ease the plan back. "
    "If pain reaches {stop}/10, or you notice swelling, heat or a sudden pull, stop and tell me."
)
ABOVE_WHEN = {"during": "during", "after": "right after", "both": "during and right after"}
ALREADY_LOGGED = "You've already logged today's session; these answers replace the earlier ones."

# morning check-in (CLINICAL 8: M and the one-tap safety check)
ASK_MORNING = (
    "Good morning! When you first walked this morning, how much calf pain or stiffness did you have? "
    "0 = none, 10 = worst imaginable."
)
ASK_SAFETY = "Anything new since yesterday?"
SAFETY_LABELS = {
    "none": "None of these",
    "swelling": "Swelling",
    "warmth": "Warmth or redness",
    "numbness": "Numbness or tingling",
    "rest_pain": "Pain at rest or at night",
}
MORNING_RECORDED = "Thanks — morning {pain}/10 logged."

# weekly check-in (CLINICAL 8 weekly row, 8.1 self-tests)
WEEKLY_INTRO = "Time for this week's calf check. Skip any test you can't do today."
SKIP = "Skip"
COUNT_EXPECTED = "a number of repetitions like 18, or skip"
MINUTES_EXPECTED = "a number of minutes like 25, or skip"
SECONDS_EXPECTED = "a number of seconds like 30, or skip"
ASK_HEEL_INJURED = (
    "Single-leg heel raises to fatigue, **injured leg**: flat floor, fingertips on a wall, knee straight, one "
    "rise every 2 seconds, stop when height or pace drops or pain passes 3/10. How many?"
)
ASK_HEEL_OTHER = "Same test on the **other leg**: how many?"
ASK_HEEL_BOTH_FIRST = (
    "Single-leg heel raises to fatigue, **left leg**: flat floor, fingertips on a wall, knee straight, one "
    "rise every 2 seconds, stop when height or pace drops. How many?"
)
ASK_HEEL_BOTH_SECOND = "Same test on the **right leg**: how many?"
ASK_HEEL_PAIN = "Worst calf pain during that test, 0–10?"
ASK_BENT_INJURED = "Now the same with the **knee bent** (about 30 degrees), injured leg: how many?"
ASK_BENT_OTHER = "Knee bent, other leg: how many?"
ASK_WALK = "Your longest brisk walk this week with pain at 2/10 or less and no limp: how many minutes?"
ASK_WALKING_PAIN = "Calf pain while walking at your normal pace, 0–10?"
ASK_POGO = "10 small double-leg bounces on the spot (pogo hops). Calf pain, 0–10?"
ASK_HOPS = "10 single-leg hops on the spot on the injured leg. Calf pain, 0–10?"
ASK_HOPS_SAME = "Did the hops feel the same as on the other leg?"
ASK_SQUAT = "10 single-leg squats, knee over your first two toes. Calf pain, 0–10?"
ASK_CONTROL = "How was your control in those squats?"
CONTROL_LABELS = {"good": "Good", "ok": "OK", "poor": "Poor"}
ASK_BALANCE = (
    "Single-leg balance on the injured leg, eyes closed (or on a cushion): how many seconds, up to 30?"
)
ASK_TREND = "Compared with last week, your calf is:"
TREND_LABELS = {"better": "Better", "same": "Same", "worse": "Worse"}
ASK_ADHERENCE = "How well did you stick to the plan this week? 0 = not at all, 10 = completely."
ASK_CONFIDENCE = "How confident do you feel about running? 0 = not at all, 10 = completely."
ASK_SYMPTOMS = "Any calf pain, tightness or cramping this week at its worst, 0–10?"
WEEKLY_RECORDED = "Thanks — this week's check is logged."

# phase change confirmation (CLINICAL 9.2 "the user confirms")
ASK_PHASE_UP = "Ready to try the next stage?"
PHASE_STARTED = "Phase {phase}: {name} starts today. Send /today to see the new session."
PHASE_DECLINED = "No problem — we'll stay in this phase and I'll ask again after next week's check."
