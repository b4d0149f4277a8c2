"""Disclaimer, pain education, and the hold / regress / stop / referral messages (CLINICAL 12)."""

DISCLAIMER = (
    "**Before we start**\n"
    "coachbot is an exercise coach, not a doctor or physiotherapist. It can't examine you or diagnose "
    "an injury, and its plan is general guidance that may not suit you. If you're unsure what's wrong, "
    "or things aren't improving, please see a qualified clinician. If you ever have symptoms that feel "
    "serious, stop and get medical help — don't wait for the bot.\n"
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

SUDDEN_STOP = (
    "Thanks for telling me. Let's stop loading for 2–3 days and check how things are. Walk as "
    "comfortably as you can, keep the leg raised when resting, and answer a few quick questions again "
    "on {date}. If you can't put weight on the leg, or the calf is swollen, hot or numb, please contact "
    "a doctor or urgent care today. I've paused your plan."
)

DEFAULT_EMERGENCY = "112 or your local emergency number"

WARNING_SIGNS = (
    "**Stop and get help if you notice:** sudden breathlessness or chest pain (call {emergency}); "
    "a swollen, warm, red or darker calf; a snap or pop with trouble rising onto your toes; pins and "
    "needles or numbness; or being unable to put weight on the leg."
)
