"""Triage questions and results (CLINICAL 7). Results describe a pattern, never a diagnosis."""

ASK_AGE = "How old are you? (Just the number — it helps me set sensible targets.)"
AGE_EXPECTED = "your age as a number, like 34"
TOO_YOUNG = (
    "Thanks for your interest. coachbot is only for adults (18 and over), so I can't guide you. A physio or "
    "your doctor can help with a calf problem."
)
ASK_EXCLUSION = (
    "Do any of these apply to you?\n"
    "- leg surgery in the last 3 months\n"
    "- blood-thinning medicine or a bleeding disorder\n"
    "- diabetes with numb feet\n"
    "- known circulation problems in the legs (peripheral arterial disease)\n"
    "- pregnant, or had a baby in the last 6 weeks, and now calf pain"
)
EXCLUSION_LABELS = {
    "none": "None of these",
    "surgery": "Leg surgery",
    "referred_surgery": "Leg surgery, and my clinician sent me here",
    "blood_thinners": "Blood thinners / bleeding disorder",
    "diabetes": "Diabetes with numb feet",
    "circulation": "Circulation problems",
    "pregnancy": "Pregnancy or new baby",
}
ASK_EMERGENCY = (
    "Right now, or in the last few days, have you had any of these?\n"
    "- sudden shortness of breath, chest pain (especially breathing in) or coughing up blood\n"
    "- severe calf pain that keeps getting worse with a very tight or swollen calf, pins and needles, a pale "
    "or cold foot, or toes you can't move\n"
    "- a leg injury that looks deformed, or bone or a wound showing"
)
ASK_URGENT = (
    "Any of these?\n"
    "- one calf swollen, warm, and red or darker, or calf veins that feel hard or sore\n"
    "- a snap, pop or feeling of being kicked at the back of the leg, and now you can't rise onto tiptoe "
    "on that leg or there's a dip above the heel (being able to walk doesn't rule this out)\n"
    "- you can't put weight on the leg or walk more than a few steps\n"
    "- large bruising spreading down the calf or ankle, or a lump or bulge in the muscle\n"
    "- a red, hot calf with a fever or feeling unwell\n"
    "- new numbness, tingling or weakness in the foot"
)
ASK_URGENT_WHICH = "Which fits best?"
URGENT_LABELS = {
    "dvt": "Swollen, warm, red calf",
    "rupture": "Snap/pop, can't tiptoe",
    "weight": "Can't bear weight",
    "bruise": "Large bruise or bulge",
    "infection": "Hot calf and fever",
    "nerve": "Numb or weak foot",
}
ASK_ROUTINE = (
    "And any of these?\n"
    "- pain that wakes you at night, or pain at rest that isn't easing after the first 3 days\n"
    "- pain on the shin bone, or a small spot on the bone that hurts to press\n"
    "- pain in the Achilles tendon (just above the heel) rather than the calf muscle\n"
    "- calf cramp that comes on at a set walking distance and stops when you stand still\n"
    "- pain that builds predictably during runs and eases within 30 minutes, with tingling or tightness\n"
    "- symptoms for more than 3 months, or 2 or more calf strains in the last 12 months\n"
    "- a clinician is already treating you with a different plan"
)
ASK_ROUTINE_WHICH = "Which fits best?"
ROUTINE_LABELS = {
    "night_or_rest_pain": "Night or rest pain",
    "shin_bone": "Shin bone pain",
    "achilles": "Achilles tendon pain",
    "walking_cramp": "Cramp when walking",
    "exertional": "Builds during runs",
    "history": "Long-lasting or repeated strains",
    "clinician_plan": "Already seeing a clinician",
}
ASK_INJURY = "Do you have calf pain or an injury right now?"
INJURY_LABELS = {"yes": "Yes", "no": "No — I want to prevent injury", "before": "I had one before, now fine"}
ASK_DAYS = "How many days ago did it start?"
ASK_FLARE_DAYS = "How many days ago did this flare-up start?"  # re-triage (CLINICAL A24)
DAYS_LABELS = {
    "0-2": "0–2",
    "3-7": "3–7",
    "8-21": "8–21",
    "22-42": "22–42",
    "43-90": "43–90",
    "90+": "More than 90",
}
ASK_ONSET = "How did it start?"
ONSET_LABELS = {
    "sudden": "Sudden pull or twang during activity",
    "after": "Tightness or cramp after I stopped",
    "gradual": "Built up gradually",
    "unclear": "No clear moment",
}
ASK_SWELLING_CHECK = "Is the calf swollen, warm, or red or darker than the other one?"
ASK_WALKING = "Right now, can you walk normally without a limp?"
WALKING_LABELS = {"yes": "Yes", "limp": "With a limp", "not_really": "Not really"}
ASK_WALKING_PAIN = "How much does it hurt to walk right now? 0 = no pain, 10 = worst imaginable."
ASK_TENDER = "Is there one spot that is sore to press?"
TENDER_LABELS = {"no": "No", "bit": "A bit", "clearly": "Clearly sore"}
ASK_IMMEDIATE = "Did it hurt straight away during the activity, especially walking or running?"
IMMEDIATE_LABELS = {"yes": "Yes, straight away", "after": "Only afterwards"}
ASK_BRUISING = "Any bruising, or a dent or bulge in the calf?"
BRUISING_LABELS = {"none": "None", "small": "A small bruise", "large": "Large bruise or bulge"}
ASK_DOUBLE_RISE = (
    'Holding a wall, stand on both feet and rise onto your toes. How much pain, 0–10? Or tap "Can\'t do it".'
)
CANT_DO_IT = "Can't do it"
ASK_SINGLE_RISES = (
    "Now on the injured leg only: how many rises can you do before the pain passes 3/10 or your form "
    "breaks down?"
)
SINGLE_RISES_LABELS = {"0": "0", "1-4": "1–4", "5-9": "5–9", "10-19": "10–19", "20+": "20+"}
ASK_LOCATION = "Where is it?"
LOCATION_LABELS = {
    "upper": "Upper calf, near the knee",
    "mid": "Mid calf",
    "lower": "Lower calf",
    "achilles": "Achilles tendon, just above the heel",
    "shin": "Inner shin bone",
}
ASK_WORSE_KNEE = "Which hurts more: a heel raise with the knee straight, or with the knee bent?"
WORSE_KNEE_LABELS = {"straight": "Knee straight", "bent": "Knee bent", "same": "About the same"}
ASK_CLINICIAN = "Has a clinician told you the grade of your strain?"
CLINICIAN_LABELS = {
    "no": "No",
    "grade1": "Grade 1",
    "grade2": "Grade 2",
    "grade3": "Grade 3",
    "other": "Another diagnosis",
}
# CLINICAL A22 and 8.1: the prevention baseline test sets the starting dose
ASK_BASELINE_RAISES = (
    "How many single-leg heel raises can you do on each leg?\n"
    "Flat floor, fingertips on a wall, knee straight: rise as high as you can, one rep every 2 seconds, and "
    "stop when you can't keep the height or the pace. Count each leg, then type both numbers, like "
    '"18 and 22". Or tap Skip and I\'ll start you gently.'
)
BASELINE_RAISES_EXPECTED = "the number of heel raises on each leg, like 18 and 22, or skip"
ASK_RUNNING = "About how many kilometres do you usually run in a week (before any injury)? A number, or skip."
RUNNING_EXPECTED = "a number of kilometres like 25, or skip"
SKIP = "Skip"
ASK_SEX = "Last one, optional: your sex, for the age-and-sex calf strength norms."
SEX_LABELS = {"female": "Female", "male": "Male", "skip": "Prefer not to say"}
CHOICE_EXPECTED = "one of these answers: {options} (tap it, or type it or its first word)"

RESULT_GRADE1 = "Your answers fit a **milder (grade-1-like)** pattern."
RESULT_GRADE2 = "Your answers fit a **more significant (grade-2-like)** pattern."
RESULT_CLINICIAN = (
    "I'll follow the plan your clinician set: I won't move you up a level or a stage on my own. When they "
    "tell you which stage you're at (and any levels), send /clinician to record it."
)
RESULT_PREVENTION = "No current injury: I'll suggest the calf strengthening programme for runners."
# CLINICAL A22: why the first levels are gentler than the block's usual start
START_LOW_CAPACITY = (
    "Fewer than {count} single-leg heel raises on a leg (or no count yet), so the calf raises start on both "
    "legs and build up one level at a time."
)
START_OLDER = "From {age}, every exercise starts one level easier and builds up from there."
START_PLYOMETRICS = "Jumps and hops join your sessions after two weeks of settled training."
RESULT_START = "We'll start at phase {phase}: {name}. If anything changes, tell me straight away."
PEACE = (
    "For the first couple of days: protect the calf from painful activity, keep it raised when resting and "
    "use compression if it helps, and move gently as pain allows. Questions about medicines are for a "
    "pharmacist or doctor."
)
REFER_AGAIN = "Once you've been checked, send /start and we'll begin."
REFER_RESUME = "Once you've been checked, send /resume and we'll carry on."
NO_PROGRAMME = "I don't have a programme for that track installed. Please ask whoever runs this bot."

# CLINICAL A17: pain in the Achilles tendon rather than the calf muscle (routine, prevention can run)
ACHILLES_CHECK = (
    "Because the pain is in your Achilles tendon rather than the calf muscle, please book a routine check "
    "with a physiotherapist or doctor to have it assessed; the exercises here are general calf work."
)
