"""The quick safety screens: the rupture questions after a sudden event (CLINICAL A7). Worrying answers
say what something can be a sign of, never what it is."""

# A7: after "anything sudden?" = yes
RUPTURE_INTRO = "Thanks for telling me. Three quick questions about that leg before anything else."
ASK_TIPTOE = (
    "Can you rise onto tiptoe on that leg alone? (Hold a wall for balance, other foot off the floor.)"
)
ASK_DIP = "Is there a dip above the heel? (Run your fingers down the back of the ankle and compare sides.)"
ASK_KICKED = "Did it feel like being kicked or hit in the back of the leg, even though nothing touched you?"
RUPTURE_WORRYING = (
    "Thank you. Trouble rising onto tiptoe, a dip above the heel, or feeling as if you were kicked can be a "
    "sign of a torn Achilles tendon. **Being able to walk does not rule that out**, and when you're not sure "
    "it's safest to be checked, so please get it looked at today."
)
STOP_SCREENED = (
    "Thanks. Let's stop loading for 2–3 days, until {date}: walk as comfortably as you can, keep the leg raised when "
    "resting, and gentle ankle pumps are fine. If you can't put weight on the leg, or the calf becomes "
    "swollen, hot or numb, please contact a doctor or urgent care today. I've paused your plan."
)
ASK_RETRIAGE_NOW = (
    "You don't have to wait for the rest to end: I can ask a few questions about your calf now to see "
    "where to pick up. Now, or after the rest?"
)
ASK_RETRIAGE_DURING_REST = (
    "Your calf's rest runs until {date}; walking as comfortably as you can is fine. You can answer the "
    "check-up questions now instead of waiting. Now, or after the rest?"
)
RETRIAGE_WHEN_LABELS = {"now": "Answer now", "later": "After the rest"}
RETRIAGE_LATER = (
    "OK. Rest until {date}, then send /resume. If you'd like to check sooner, send /resume at any time."
)
