"""Disclaimer, pain education, and the hold / regress / stop / referral messages (CLINICAL 12)."""

DISCLAIMER = (
    "**Before we start**\n"
    "coachbot is an exercise coach, not a doctor or physiotherapist. It can't examine you or diagnose "
    "an injury, and its plan is general guidance that may not suit you. If you're unsure what's wrong, "
    "or things aren't improving, please see a qualified clinician. If you ever have symptoms that feel "
    "serious, stop and get medical help — don't wait for the bot.\n"
    "I store your answers about pain and symptoms (health data) so the plan can adapt, and any warning "
    "sign you tell me about with the advice I gave. Only you see them, in private. /export sends you "
    "everything I store as a file; /forget erases all of it.\n"
    "By continuing you confirm you're 18 or over and that you'll stop and seek care if you notice any "
    "of the warning signs I'll show you."
)
AGREE = "I agree"
DECLINE = "No thanks"
DECLINED = "No problem. Nothing has been saved about your calf. Send /start if you change your mind."

PAIN_EDUCATION = (
    "Some discomfort during your exercises is OK — up to about {cap}/10 — as long as it has calmed down "
    'by the next morning and isn\'t creeping up week by week. Sharp, sudden pain, a "pop", or a new '
    "limp is not OK: stop and tell me."
)

WARNING_SIGNS = (
    "**Stop and get help if you notice:** sudden breathlessness or chest pain (call {emergency}); "
    "a swollen, warm, red or darker calf; a snap or pop with trouble rising onto your toes; pins and "
    "needles or numbness; or being unable to put weight on the leg."
)

# CLINICAL 12.2-12.4, the advice alone; the places and numbers come from the person's region
# (coaching/regions.py), so no regional term is written here.
EMERGENCY = (
    "⚠️ What you've described can be a sign of something that needs emergency care. Please call "
    "{emergency} or go to {emergency_department} now. Don't do any exercises until a clinician has seen you."
)
URGENT = (
    "⚠️ These symptoms should be checked by a clinician today. Please contact {urgent}, or go to "
    "{walk_in}. A blood clot in the calf or a torn Achilles tendon can feel like a pulled calf, and both "
    "need prompt assessment (being able to walk doesn't rule out an Achilles tear)."
)
ROUTINE = (
    "This sounds like something a physiotherapist or doctor should look at before we go further{example}. "
    "It isn't an emergency, but please book an appointment in the next few days."
)
ROUTINE_EXAMPLE = ", for example {reason}"  # left out when a rule has said why already, or nothing specific
# Added only when the person has a plan, which the referral has paused (someone with none is not told so)
PAUSED = "I've paused your programme."
# Someone with no consent on record yet (a message before /start): what was kept, and how to remove it
REFER_DECISION = "Referred ({tier}) because {why}."  # the Decision row of a referral, for the report
NOTED = "I've kept a note of this warning sign and my advice; /export shows it and /forget erases it."
ROUTINE_REASONS = {
    "night_or_rest_pain": "pain at rest or pain that wakes you at night",
    "shin_bone": "pain on the shin bone",
    "achilles": "pain in the Achilles tendon rather than the calf muscle",
    "walking_cramp": "calf cramp that comes on at a set walking distance",
    "exertional": "tightness or tingling that builds during runs",
    "regressions": "a calf that keeps flaring up after sessions",
    "rising_trend": "a calf that has been getting worse week by week",
    "sore_mornings": "a calf that has been sore two mornings running",
    "plateau": "progress that has stalled for several weeks",
    "no_single_leg_raise": "not yet being able to rise onto the toes of the injured leg",
    "clinician_plan": "following the plan your own clinician gave you",
    "exclusion": "a health condition that needs a clinician's go-ahead first",
    "history": "symptoms that have lasted a long time or keep coming back",
    "default": "the symptoms you've told me about",
}
ASK_ASSESSED = (
    "Before we carry on: have you been checked by a doctor or physiotherapist since I paused your plan?"
)
NOT_YET_ASSESSED = "OK. Your plan stays paused until you've been checked. Send /resume when you have."
RETRIAGE_INTRO = "Good. A few quick questions about how your calf is now, so we restart at the right place."
REST_FIRST = "Let's give your calf until {date} before we check again. Walking as comfortable is fine."

# /today and /status while a plan is paused for safety (CLINICAL A12): why in plain words, never a diagnosis
TODAY_REFERRED = "**No exercises today: your plan is paused for safety** (since {date}, because {why})."
TODAY_RESTING = (
    "**No exercises today: your plan is paused for a rest from loading** (since {date}, because {why}). "
    "Walk as comfortably as you can and keep the leg raised when resting."
)
STATUS_REFERRED = "Paused for safety since {date}: {tier}, because {why}."
STATUS_RESTING = "Paused for a rest from loading since {date}, because {why}."
NEXT_STEP = "Next step: {step}"
TIER_WORDS = {
    "emergency": "emergency care",
    "urgent": "urgent, to be seen today",
    "routine": "routine, to be seen within a few days",
}
NEXT_STEPS = {
    "emergency": "if you haven't been seen yet, call {emergency} or go to {emergency_department} now. Then send /resume.",
    "urgent": "get checked by a clinician today if you haven't yet: contact {urgent}, or go to {walk_in}. Then send /resume.",
    "routine": "book an appointment with a physiotherapist or doctor, then send /resume once you've been seen.",
}
NEXT_AFTER_REST = "on {date}, send /resume for a few quick questions and we'll restart at the right level."
NEXT_REST_OVER = (
    "the rest is over: send /resume for a few quick questions and we'll restart at the right level."
)
WHY = {
    "message": "you told me about {what}",
    "screen": "you told me about {what}",
    "rule": "your check-ins showed {what}",
    "triage": "your answers showed {what}",
}
WHY_REST = "your answers after a session called for it"
SOMETHING = "something a clinician should check"
# Plain words for the signs a referral stores (red-flag ids, morning warning signs, triage steps);
# the ROUTINE_REASONS keys are plain words already. Symptoms the person reported, never a diagnosis.
SIGN_WORDS = {
    "breathless": "sudden breathlessness",
    "chest_pain": "chest pain",
    "coughing_blood": "coughing up blood",
    "circulation_loss": "a pale, cold or blue foot, or toes you can't move",
    "pain_out_of_proportion": "severe pain that keeps getting worse",
    "deformity": "a leg that looks deformed",
    "swelling": "a swollen calf",
    "warm_red": "a warm, red or darker calf",
    "warmth": "a warm or red calf",
    "hard_veins": "hard or sore veins",
    "snap_or_pop": "a snap or pop, or feeling kicked or hit",
    "cant_tiptoe": "trouble rising onto your toes",
    "cant_bear_weight": "not being able to put weight on the leg",
    "large_bruise_or_bulge": "a large bruise or a bulge",
    "fever": "a fever with a hot or swollen calf",
    "numbness": "numbness, tingling or weakness",
    "rest_pain": "pain at rest or at night",
    "emergency": "signs that need emergency care",
    "swelling_check": "a swollen, warm or red calf",
    "walking": "not really being able to walk",
    "bruising": "a large bruise or a bulge",
    "double_rise": "not being able to rise onto your toes",
    "limp": "a new limp",
    "grade2": "a more significant (grade-2-like) pattern",
}
