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
    # the free-text engine's routine sign ids (coaching/redflags.yaml)
    "night_pain": "pain at rest or pain that wakes you at night",
    "bone_pain": "pain on the shin bone",
    "achilles_pain": "pain in the Achilles tendon rather than the calf muscle",
    "claudication": "calf cramp that comes on at a set walking distance",
    "recurrent": "symptoms that have lasted a long time or keep coming back",
    "sciatica": "pain that seems to come from your back",
    "default": "the symptoms you've told me about",
}
ASK_ASSESSED = (
    "Before we carry on: have you been checked by a doctor or physiotherapist since I paused your plan?"
)
NOT_YET_ASSESSED = "OK. Your plan stays paused until you've been checked. Send /resume when you have."
RETRIAGE_INTRO = "Good. A few quick questions about how your calf is now, so we restart at the right place."
REST_FIRST = "Let's give your calf until {date} before we check again. Walking as comfortable is fine."

# CLINICAL A6: the one confirming question of an uncertain red flag, by the lexicon's group
CONFIRM = {
    "general": (
        "Is something about your own calf or foot new and worrying right now — swelling, heat, redness, "
        "numbness, a change of colour, or trouble putting weight on it?"
    ),
    "pe": "Are you short of breath, or does your chest hurt when you breathe in, right now and not from exercise?",
    "compartment": (
        "Is your calf very tight or hard with pain far worse than you'd expect, or getting worse by the "
        "hour, or is your foot pale, cold or numb?"
    ),
    "dvt": "Is your own calf swollen, warm or red right now, compared with the other one?",
    "rupture": (
        "Did you feel a snap, a pop or a kick at the back of the leg, and is it now hard to rise onto "
        "tiptoe on that leg alone?"
    ),
    "weight": "Right now, are you unable to put weight on the leg or to walk more than a few steps?",
    "bruise": "Is there a large bruise spreading down towards the ankle, or a lump or dent in the muscle?",
    "infection": "Is the calf red and hot, and do you have a fever or feel generally unwell?",
    "nerve": "Is there numbness, tingling or weakness in your foot or leg that is new and still there now?",
    "night": "Does the pain wake you at night, or stay when you rest and not ease?",
    "bone": "Is the pain on the shin bone itself, or is there one spot on the bone that hurts to press?",
    "achilles": "Is the pain in the tendon just above the heel, rather than in the calf muscle?",
    "claudication": "Does a cramp come on after walking a similar distance each time, and ease when you stand still?",
    "exertional": "Does the pain or tightness build at a similar point in every run and ease after you stop?",
    "chronic": "Have you had these symptoms for more than 3 months, or strained this calf twice in a year?",
    "sciatica": "Does the pain seem to start in your lower back or buttock and travel down the leg?",
}
CONFIRM_NEXT = "Thanks. One more question about what you wrote:"
SET_ASIDE_DECISION = "Words that were not counted as warning signs, and why: {words}."
CONFIRM_NO = "Thanks for checking. Let's carry on — tell me at once if that changes."
CONFIRM_NO_DECISION = 'Asked "{question}" after "{words}": answered no, so the plan carries on.'
SOMEONE_ELSE = (
    "That sounds like something they should get checked by a clinician soon — and if they're short of "
    "breath, have chest pain or can't move their foot, they should call {emergency}. Your own plan "
    "carries on as normal."
)
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
    "confirm": "you told me about {what}",
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
    # the free-text engine's signs (coaching/redflags.yaml)
    "fainting": "fainting or nearly fainting",
    "tense_calf": "a very tight or hard calf",
    "severe_pain": "pain far worse than you'd expect",
    "toe_stretch_pain": "pain on moving your toes",
    "worsening_fast": "pain or swelling getting worse by the hour",
    "painkillers_useless": "pain that painkillers don't touch",
    "clot_word": "a possible clot",
    "redness": "a red or darker calf",
    "throbbing": "a throbbing calf",
    "dvt_risk": "a risk factor for clots",
    "kicked_feeling": "feeling kicked or hit at the back of the leg",
    "ruptured": "a possibly torn Achilles",
    "heel_gap": "a dip or gap above the heel",
    "pop_or_snap": "a snap or pop",
    "foot_slap": "a foot that slaps or drags",
    "large_bruise": "a large bruise or a bulge",
    "wound_infection": "spreading redness or an infected wound",
    "weakness": "weakness in the foot or leg",
    "night_pain": "pain at rest or pain that wakes you at night",
    "bone_pain": "pain on the shin bone",
    "achilles_pain": "pain in the Achilles tendon",
    "claudication": "cramp that comes on when walking",
    "exertional": "pain or tightness that builds during exercise",
    "recurrent": "symptoms that keep coming back or have lasted months",
    "sciatica": "pain that seems to come from your back",
}
