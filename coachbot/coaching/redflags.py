"""The red-flag vocabulary (CLINICAL 5, 7.2-7.4, 8): each sign, its tier, and the phrasings that show it.

Data only; `safety.py` does the matching. Tiers: emergency > urgent > routine. Patterns are regular
expressions over lower-cased text in which "can not", "cannot", "unable to" have become "can't".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tier = Literal["emergency", "urgent", "routine", "none"]
TIER_ORDER: tuple[Tier, ...] = ("none", "routine", "urgent", "emergency")

CALF = r"(calf|calves|leg|legs|shin|lower leg)"
TOES = r"(toes|tip ?toes?|tippy ?toes|tiptoe|the balls? of my foot)"


@dataclass(frozen=True)
class Sign:
    id: str
    tier: Tier
    patterns: tuple[str, ...]


SIGNS: tuple[Sign, ...] = (
    # Gate 1 E1: possible pulmonary embolism
    Sign("breathless", "emergency", (
        r"short(ness)? of breath", r"\bbreathless", r"can't (catch my )?breathe?\b", r"can't catch my breath",
        r"(struggling|hard|difficult|difficulty|trouble) (to )?breath", r"out of breath for no reason",
        r"breathing (is |feels )?(difficult|hard|laboured|labored|painful)",
    )),
    Sign("chest_pain", "emergency", (
        r"chest (pain|hurts|is hurting|feels tight|tightness)", r"pain in (my|the) chest",
        r"hurts? (in my chest|to breathe in)",
    )),
    Sign("coughing_blood", "emergency", (r"cough(ing|ed)? (up )?blood", r"blood when i cough",)),
    # Gate 1 E2: acute compartment syndrome
    Sign("circulation_loss", "emergency", (
        r"foot (is|looks|feels|went|turned|has gone) (pale|white|cold|blue|grey|gray)",
        r"(pale|white|cold|blue) (and cold )?foot",
        r"can't (move|wiggle|feel) (my )?(toes|foot)",
    )),
    Sign("pain_out_of_proportion", "emergency", (
        r"(unbearable|excruciating|agonising|agonizing|worst pain (of my life|ever))",
        r"pain (is )?(getting|keeps getting) (much )?worse and (my )?" + CALF + r" (is|feels) (very |really )?(tight|hard|swollen)",
    )),
    # Gate 1 E3
    Sign("deformity", "emergency", (r"bone (is )?(sticking|poking) out", r"(see|visible) (the )?bone", r"leg (is|looks) (bent|deformed)",)),
    # Gate 2 U1: possible DVT
    Sign("swelling", "urgent", (
        r"\bswell(ing|ed)\b", r"\bswollen\b", r"\bpuffy\b", CALF + r" (has )?(blown|puffed) up",
    )),
    Sign("warm_red", "urgent", (
        CALF + r" (is|feels|looks|gone|went|turned) (very |really |quite )?(hot|warm|red|purple|dark(er)?)",
        r"\b(hot|warm) (to (the )?touch)", r"\bredness\b", r"(hot|red|warm)(,| and) (swollen|tender|sore)",
        r"(swollen|tender|sore)(,| and) (hot|red|warm)",
    )),
    Sign("hard_veins", "urgent", (r"veins? (is |are |feels? |feel )?(hard|sore|lumpy|tender|bulging)", r"(hard|lumpy|sore) veins?",)),
    # Gate 2 U2: possible Achilles rupture (being able to walk does not rule it out)
    Sign("snap_or_pop", "urgent", (
        r"\b(felt|heard|was|there was|had|got) (a |like a |some ?thing like a |a sort of )?(sudden |loud )?(snap|pop|twang)\b",
        r"\bfelt (a |something )?(crack|rip|tear)\b",
        r"\b(something|it|calf|muscle|tendon|achilles|leg) (just |suddenly )?(snapped|popped|went pop|went snap|gave way)",
        r"\b(snap|pop|popping|snapping) (sound|noise|feeling|sensation)", r"\bwent (pop|snap)\b", r"\b(snapped|popped) (in|at) (my|the)\b",
        r"(kicked|hit|shot|struck)( me)? (in|on) the (back of (my|the) )?(leg|calf|heel|ankle)",
        r"(like|as if|as though) (someone|somebody|something|i was|i'd been|i got) (had )?(kicked|hit|shot|struck)",
    )),
    Sign("cant_tiptoe", "urgent", (
        r"can't (get|go|rise|stand|push|come|lift) (myself )?(up )?on(to)? (my )?" + TOES,
        r"can't (do a )?(single[- ]leg )?(heel|calf) raise", r"can't tip ?toe",
        r"(gap|dent|dip|hole) (just )?above (my |the )?heel",
    )),
    # Gate 2 U3 / U4
    Sign("cant_bear_weight", "urgent", (
        r"can't (walk|weight ?bear|bear weight|put (any )?weight|stand on (it|that leg|my (leg|foot|bad|injured|left|right)))",
        r"can't take (more than )?(a few|two|2|three|3|four|4) steps",
    )),
    Sign("large_bruise_or_bulge", "urgent", (
        r"(big|large|huge|massive|spreading) bruis", r"bruis\w* (is )?spread", r"(lump|bulge|bump) in (my|the) " + CALF,
    )),
    # Gate 2 U5 and U6
    Sign("fever", "urgent", (r"\bfever", r"feverish", r"\b(chills|shivery|shivering)\b", r"high temperature",)),
    Sign("numbness", "urgent", (
        r"\bnumb(ness)?\b", r"pins (and|&) needles", r"\btingl(e|es|ing|y)\b", r"foot (drop|slaps|is weak|feels weak)",
        r"(weak|weakness in) (my )?(foot|ankle)",
    )),
    # Gate 3 (routine): R1 night / rest pain, R2 shin bone, R3 Achilles, R4 claudication, R5 exertional
    Sign("night_or_rest_pain", "routine", (
        r"wakes? me( up)?", r"woke me( up)?", r"(pain|hurts|aches?|throbs?) (at|in the|during the) night",
        r"night pain", r"(pain|hurts|aches?) (at rest|when (i'?m )?resting|sitting still|lying down|even when resting)",
    )),
    Sign("shin_bone", "routine", (r"shin ?bone", r"(front|inside|inner edge) of (my|the) shin", r"spot on the bone",)),
    Sign("achilles", "routine", (r"achill", r"tendon (just )?above (my |the )?heel",)),
    Sign("walking_cramp", "routine", (r"cramp\w* (when|after|whenever) (i )?walk", r"(eases|stops|goes away) when i stand still",)),
    Sign("exertional", "routine", (r"both (calves|legs) (go|get|feel) (tight|numb|tingly)", r"(burning|tight) (in|on) both (calves|legs)",)),
)  # fmt: skip

# Signs that change tier together (CLINICAL 7.3 U2 and U5).
# A pop or snap is urgent on its own (a time-critical Achilles rupture can still let people walk).
FEVER_NEEDS = frozenset({"warm_red", "swelling"})

NEGATORS = frozenset({
    "no", "not", "never", "without", "none", "nothing", "zero", "neither", "nor", "denies", "don't",
    "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "won't",
})  # fmt: skip
# "not as swollen", "no less numb": the sign is still there
HEDGES = frozenset({"as", "so", "too", "less", "more", "much", "that", "very"})
NEGATION_WINDOW = 5  # words before a sign that a negator may stand in
CLAUSE_BREAKS = r"[.!?;\n]|\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\byet\b"

# Words worth correcting when misspelt by one letter or so (difflib ratio >= SPELLING_CUTOFF)
VOCABULARY = (
    "swollen", "swelling", "tingling", "tingly", "numbness", "breathless", "breathing", "achilles",
    "bruising", "bruised", "snapped", "popped", "kicked", "tiptoes", "needles", "redness", "shivering",
    "unbearable", "excruciating", "coughing", "feverish",
)  # fmt: skip
SPELLING_CUTOFF = 0.9

# Everyday misspellings and contractions, applied before matching.
SPELLINGS: dict[str, str] = {
    "cannot": "can't", "can not": "can't", "cant": "can't", "unable to": "can't", "couldn't": "can't",
    "could not": "can't", "not able to": "can't", "dont": "don't", "doesnt": "doesn't", "isnt": "isn't",
    "swolen": "swollen", "swollon": "swollen", "swolllen": "swollen", "sweling": "swelling", "swellin": "swelling",
    "tingeling": "tingling", "tinglin": "tingling", "tinglying": "tingling", "numbnes": "numbness", "numbe": "numb",
    "brusing": "bruising", "bruseing": "bruising", "bruized": "bruised", "achillies": "achilles", "achilies": "achilles",
    "achiles": "achilles", "akilles": "achilles", "breathles": "breathless", "brething": "breathing",
    "breething": "breathing", "poped": "popped", "snaped": "snapped", "kiked": "kicked", "tip-toe": "tiptoe",
    "tip toe": "tiptoe", "tippytoes": "tiptoes", "calve": "calf", "claf": "calf", "clalf": "calf", "feaver": "fever",
    "fevar": "fever", "pins n needles": "pins and needles", "pins & needles": "pins and needles",
}  # fmt: skip
