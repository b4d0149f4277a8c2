"""The quick safety screens: the rupture questions after a sudden event (CLINICAL A7), the DVT risk
screen at enrolment and the checks after travelling (A9). Worrying answers say what something can be
a sign of, never what it is."""

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

# A9: the DVT risk screen at enrolment (one multi-select)
ASK_DVT_RISKS = (
    "Do any of these apply to you? Tap each one that does, then Done, or tap None of these. (You can "
    'also type them, like "the pill and a long flight" or "1, 3".)\n'
    "1. a blood clot in the past (in a leg or the lungs)\n"
    "2. the contraceptive pill with oestrogen, or HRT\n"
    "3. pregnant, or gave birth in the last 6 weeks\n"
    "4. treatment for cancer at the moment\n"
    "5. surgery, a plaster cast or the leg kept still (a boot, bed rest) in the last 12 weeks\n"
    "6. a journey of more than 4 hours (plane, car, train or bus) in the last 4 weeks\n"
    "These don't stop you training; they make me more careful about calf swelling."
)
DVT_RISK_LABELS = {
    "previous_clot": "Clot in the past",
    "oestrogen": "Pill or HRT",
    "pregnancy": "Pregnant or new baby",
    "cancer": "Cancer treatment",
    "immobilisation": "Surgery or plaster",
    "long_journey": "Journey over 4 hours",
}
DVT_RISKS_EXPECTED = (
    'the ones that apply, by number or name (like "1, 3" or "the pill"), or "none" — or tap the buttons '
    "and then Done"
)

# A9: resuming after a "travelling" pause
TRAVEL_INTRO = (
    "Before we restart: long journeys make blood clots a little more likely, so two quick checks first."
)
ASK_TRAVEL_CALF = (
    "Since you travelled, is one calf swollen, warm, red or darker, or are the veins hard or sore?"
)
ASK_TRAVEL_BREATHING = "Any breathlessness, chest pain on breathing in, or coughing blood?"
TRAVEL_BREATHING_WORRYING = (
    "Thank you. Breathlessness, chest pain on breathing in or coughing blood after travelling can be a sign "
    "of a blood clot in the lungs."
)
TRAVEL_CALF_WORRYING = (
    "Thank you. A swollen, warm, red or darker calf, or hard or sore veins, after travelling can be a sign "
    "of a blood clot in the leg."
)
