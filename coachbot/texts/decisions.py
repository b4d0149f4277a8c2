"""How each progression decision is explained to the person, in one or two sentences (CLINICAL 12.6)."""

HOLD_NO_MORNING = (
    "I didn't get a morning rating after your last session, so we'll repeat the same level today: "
    "the next-morning response is what tells us it's safe to move on."
)
HOLD_AMBER = (
    "Your calf was a bit more sensitive, so we'll repeat the same level today. That's normal and part of "
    "the plan."
)
HOLD_PARTIAL = "You didn't finish the whole session, so we'll repeat the same level next time."
HOLD_PARTIAL_PAIN = (
    "Pain cut the session short, so we'll repeat the same level next time and see how your calf settles."
)
OFFER_EASIER = (
    "Fitting the sessions in looks hard at the moment. Would a shorter plan help? Tell me and we'll trim it; "
    "the levels stay the same."
)
HOLD_STREAK = "Good session and a settled morning: {count} of {needed} green sessions at this level."
HOLD_WEEK_ACTIVE = "Good session. We're holding levels this week because last week was a little worse."
HOLD_AT_TOP = (
    "Good session. You're at the top level this phase allows for each exercise; the weekly tests decide "
    "when to move on."
)
ADVANCE = (
    "Two settled sessions in a row: {exercise} moves up to {level} ({name}). Everything else stays the same."
)
REGRESS = (
    "{cause}, so we'll step back one level for a few days: {changes}. Going back a step is how you avoid "
    "a setback — we'll move forward again soon. Keep today light."
)
# what set off row 5 (issue 14 item 8): the session's pain, the morning, or both
REGRESS_MORNING = "Your calf hasn't settled after the last session"
REGRESS_SESSION = (
    "Your pain reached {pain}/10 {when} the last session, above the {cap}/10 limit, even though your "
    "calf had settled by this morning"
)
REGRESS_BOTH = (
    "Your pain reached {pain}/10 {when} the last session, above the {cap}/10 limit, and your calf hasn't "
    "settled this morning"
)
PAIN_WHEN = {"during": "during", "after": "right after", "both": "during and right after"}
STOP = (
    "Let's stop loading for 2–3 days and check how things are. Walk as comfortably as you can, keep the leg "
    "raised when resting, and answer a few quick questions again on {date}."
)
STOP_SUDDEN = (
    "Thanks for telling me. Let's stop loading for 2–3 days and check how things are. Walk as "
    "comfortably as you can, keep the leg raised when resting, and answer a few quick questions again "
    "on {date}. If you can't put weight on the leg, or the calf is swollen, hot or numb, please contact "
    "a doctor today. I've paused your plan."
)

# a referral pauses the plan (no exercises until seen, CLINICAL A12); the advice follows (referral.compose)
REFER_REGRESSIONS = "Your calf has flared up several times recently."
REFER_NOTHING_EASIER = "Your calf is still reacting at the easiest levels."
HOLD_WEEK = (
    "Your calf has been a bit more sensitive this week than last, so we'll hold all levels for the next "
    "7 days. Sessions still count."
)
PHASE_DOWN = (
    "Your calf has been more sensitive two weeks running, so we'll step back to phase {phase}: {name}. "
    "It would be worth asking a physio to take a look."
)
HOLD_WEEK_SAID_WORSE = (
    "You said your calf feels worse than last week, so we'll hold all levels for the next 7 days and stay "
    "in this phase. Sessions still count."
)
ROW6_LOWER = (
    "Your morning pain has been creeping up, so we'll ease one exercise back a level and hold for a week. "
    "It would be worth asking a physio to take a look."
)
REFER_ROW6 = (
    "Your morning pain has crept up again within a few weeks, even after we eased off. Let's get a physio "
    "to look at this before more loading."
)
GRADUATION_READY = (
    "You've met every goal of the return-to-run phase: strength on both legs, no symptoms, and your runs "
    "with strides and turns sat well."
)
GRADUATION_REVIEW = (
    "That's the 12 weeks, and a few goals are still open, so we won't go back to full training yet: we'll "
    "carry on from where you are. It would be worth booking a routine physio review to check what's holding "
    "things up."
)
PHASE_UP = "You've met this phase's goals and your calf is settled. Next up is phase {phase}: {name}."
# CLINICAL A22: soreness after new work in the prevention track
HOLD_SORENESS = (
    "Some calf soreness the morning after new exercises or in the first weeks of a block is expected "
    "muscle soreness, not a setback: we'll repeat the same level next time rather than add more. An easy "
    "walk or gentle calf movement helps it ease. Tell me if it reaches 5/10, if you feel pain during the "
    "exercises, or if it isn't easing after a few days."
)
PREVENTION_TRIAGE = (
    "That's more than ordinary training soreness two times now, so let's check your calf properly with a few "
    "quick questions before more loading."
)
PLATEAU = (
    "You've been in this phase for a while. It's worth booking a physio review to check what's holding "
    "things up; we'll keep going meanwhile."
)
REFER_TICK = "You told me about a new warning sign this morning."
REFER_MORNINGS = "Your calf has been sore two mornings running."
REFER_REST_PAIN = "New pain at rest or at night is worth a check."
REFER_RED_FLAG = "You told me about a warning sign, so I've paused your plan until a clinician has seen you."
WELCOME_BACK_LOWER = (
    "Welcome back! After a week or more away we restart one level below where you left off, so your calf can "
    "get used to the work again."
)
WELCOME_BACK_SAME = "Welcome back! We'll pick up gently at the levels you were on."

# CLINICAL A16
HOLD_CLINICIAN = (
    "Your clinician is guiding when you move up, so this level stays. When they say so, send /clinician."
)
