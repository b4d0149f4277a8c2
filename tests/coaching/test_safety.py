"""The red-flag detector on everyday messages: tiers, negation, misspellings and ordinary training talk.

The set of signs each case names is the old vocabulary; only the tier is checked here (the corpus in
tests/safety scores outcomes and categories)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coachbot.coaching.safety import detect

CASES: list[tuple[str, str, set[str]]] = [
    # emergency (CLINICAL 7.2)
    ("I'm really short of breath and my calf is sore", "emergency", {"breathless"}),
    ("feeling breathless since this morning", "emergency", {"breathless"}),
    ("Chest pain when I breathe in, and the calf is still tight", "emergency", {"chest_pain"}),
    ("i have pain in my chest", "emergency", {"chest_pain"}),
    ("coughing up blood last night", "emergency", {"coughing_blood"}),
    ("I cant catch my breath", "emergency", {"breathless"}),
    ("my foot has gone cold and pale", "emergency", {"circulation_loss"}),
    ("can't move my toes at all", "emergency", {"circulation_loss"}),
    ("the pain is unbearable and getting worse", "emergency", {"pain_out_of_proportion"}),
    ("fell badly, there's bone sticking out", "emergency", {"deformity"}),
    ("my breathing is difficult and I feel dizzy", "emergency", {"breathless"}),
    # urgent (CLINICAL 7.3)
    ("my calf is swollen and hot", "urgent", {"swelling", "warm_red"}),
    ("Calf swolen and warm to the touch", "urgent", {"swelling", "warm_red"}),
    ("the back of my leg is red and swollen", "urgent", {"swelling", "warm_red"}),
    ("there's a lot of swelling around the calf", "urgent", {"swelling"}),
    ("not as swollen as yesterday but still there", "urgent", {"swelling"}),
    ("the veins feel hard and sore", "urgent", {"hard_veins"}),
    ("I felt a pop in my calf during intervals", "urgent", {"snap_or_pop"}),
    ("heard a snap when I pushed off", "urgent", {"snap_or_pop"}),
    ("it felt like someone kicked me in the back of the leg", "urgent", {"snap_or_pop"}),
    ("like I'd been shot in the calf", "urgent", {"snap_or_pop"}),
    ("something snapped near my heel", "urgent", {"snap_or_pop"}),
    ("I can't get up on my toes on that side", "urgent", {"cant_tiptoe"}),
    ("cannot stand on tiptoe on the left", "urgent", {"cant_tiptoe"}),
    ("unable to do a single leg heel raise", "urgent", {"cant_tiptoe"}),
    ("there's a dent just above my heel", "urgent", {"cant_tiptoe"}),
    ("I can't walk on it", "urgent", {"cant_bear_weight"}),
    ("can't put any weight on my leg", "urgent", {"cant_bear_weight"}),
    ("huge bruise spreading down to my ankle", "urgent", {"large_bruise_or_bulge"}),
    ("there's a lump in my calf now", "urgent", {"large_bruise_or_bulge"}),
    ("calf is red and I've got a fever", "urgent", {"warm_red", "fever"}),
    ("pins and needles in my foot", "urgent", {"numbness"}),
    ("my foot feels numb", "urgent", {"numbness"}),
    ("tingly toes since the run", "urgent", {"numbness"}),
    ("tingeling down my leg", "urgent", {"numbness"}),
    ("my foot slaps when I walk, foot drop?", "urgent", {"numbness"}),
    ("I can walk fine, but my calf is red and hot", "urgent", {"warm_red"}),
    ("no pain, but it's a bit swollen", "urgent", {"swelling"}),
    ("the achillies went pop", "urgent", {"snap_or_pop", "achilles"}),
    # routine (CLINICAL 7.4)
    ("the pain wakes me up at night", "routine", {"night_or_rest_pain"}),
    ("it aches even when resting", "routine", {"night_or_rest_pain"}),
    ("pain on my shin bone, one small spot", "routine", {"shin_bone"}),
    ("it's more my achilles that hurts", "routine", {"achilles"}),
    ("I get calf cramps when I walk to the shop, they stop when I stand still", "routine", {"walking_cramp"}),
    ("both calves get tight and tingly on every run", "urgent", {"exertional", "numbness"}),
    ("throbs at night", "routine", {"night_or_rest_pain"}),
    # nothing to flag: negations and ordinary training talk
    ("my calves are tight after the hills", "none", set()),
    ("no swelling, not numb", "none", set()),
    ("No swelling or redness today", "none", set()),
    ("I don't have any pins and needles", "none", set()),
    ("didn't feel a pop or anything", "none", set()),
    ("not breathless at all, just tired legs", "none", set()),
    ("Calf tightness after intervals, DOMS probably", "none", set()),
    ("popped out for a quick 5k", "none", set()),
    ("a bit stiff this morning, 2/10", "none", set()),
    ("legs feel heavy after the long run", "none", set()),
    ("sore calves from the new shoes", "none", set()),
    ("felt great, no pain at all", "none", set()),
    ("my spelling is terrible sorry", "none", set()),
    ("hot day, ran slowly", "none", set()),
    ("I read that red meat helps recovery", "none", set()),
    ("I can walk normally now", "none", set()),
    ("ran 5k, calf felt fine", "none", set()),
    ("I have a fever and a cold", "none", set()),
    ("without any swelling it feels much better", "none", set()),
    ("the tendon feels fine, calf a bit tight", "none", set()),
]


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60
    assert sum(1 for _, tier, _ in CASES if tier == "none") >= 15


@pytest.mark.parametrize(("text", "tier", "signs"), CASES)
def test_detector(text: str, tier: str, signs: set[str]) -> None:
    detection = detect(text)
    # an uncertain higher tier asks first and falls back to what is certain anyway
    assert tier in (detection.tier, detection.fallback)
    assert detection.found == (tier != "none")


def test_cli_prints_one_json_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coachbot", "safety", "check", "I felt a pop and can't stand on my toes"],
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(result.stdout)
    assert (answer["outcome"], answer["tier"]) == ("certain", "urgent")
    assert answer["signs"] == ["pop_or_snap", "cant_tiptoe"]
    assert answer["triggers"] == ["felt a pop", "cant stand on my toes"]
    assert "pop_with_tiptoe_trouble" in answer["rules"]
    assert result.stdout.count("\n") == 1
