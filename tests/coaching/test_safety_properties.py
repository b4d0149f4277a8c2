"""Properties of the red-flag engine (issue 12 item 8), over messages from the blind-written corpora.

Appending a negated clause about another sign never lowers a true sign's tier; another person's
symptoms never stop this person's plan; case, punctuation and one-letter typos in the lexicon's words
do not change the outcome.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coachbot.cli.safety_check import load_corpus
from coachbot.coaching.lexicon import lexicon
from coachbot.coaching.redflags import TIER_ORDER
from coachbot.coaching.safety import detect
from coachbot.coaching.wording import one_edit

CORPORA = sorted((Path(__file__).parent.parent / "safety").glob("*.yaml"))
EXAMPLES = [example for path in CORPORA for example in load_corpus(path)]
CAUGHT = [e.text for e in EXAMPLES if e.tier != "none" and detect(e.text).found]
ORDINARY = [e.text for e in EXAMPLES if e.tier == "none"]
NEGATED_OTHER_SIGNS = (
    "no swelling", "not numb", "no chest pain", "no fever", "no pop or snap", "not breathless",
    "no bruising", "no pins and needles", "can walk fine", "no redness or heat", "not hot",
)  # fmt: skip
RELATIONS = ("friend", "mate", "wife", "husband", "dad", "mum", "teammate", "coach", "sister", "brother")
SYMPTOMS = (
    "calf is swollen and hot", "calf went red and puffy after the flight", "leg is swollen and warm",
    "foot has gone cold and pale", "achilles snapped at football", "calf is rock hard and getting worse",
    "shin bone hurts at night", "calf's blown up like a balloon",
)  # fmt: skip
OTHER_STORIES = (
    "my {who} felt a pop and can't get up on their toes",
    "my {who} is coughing up blood",
    "my {who} has been short of breath since the flight",
    "my {who} can't put any weight on the leg",
)  # fmt: skip


def rank(text: str) -> int:
    return TIER_ORDER.index(detect(text).tier)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CAUGHT), st.sampled_from(NEGATED_OTHER_SIGNS), st.sampled_from((", ", ". ", " but ")))
def test_a_negated_clause_about_another_sign_never_lowers_the_tier(
    text: str, negated: str, joint: str
) -> None:
    after = detect(text.rstrip(".!? ") + joint + negated)
    assert after.found
    assert TIER_ORDER.index(after.tier) >= rank(text)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(RELATIONS), st.sampled_from(SYMPTOMS), st.sampled_from(OTHER_STORIES))
def test_someone_elses_symptoms_never_stop_the_plan(who: str, symptom: str, story: str) -> None:
    for text in (f"my {who}'s {symptom}", story.format(who=who), f"my {who}s {symptom}"):
        detection = detect(text)
        assert not detection.found, text
        assert detection.someone_else != "none", text  # general advice for them instead


CASE = st.sampled_from((str.lower, str.upper, str.title, str.capitalize))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CAUGHT + ORDINARY), CASE, st.sampled_from(("", "!", "!!", "...", ".", " 🙁")))
def test_case_and_punctuation_do_not_change_the_outcome(text: str, case: object, ending: str) -> None:
    # (a question mark is not in the list: "my calf is swollen?" asks, so it is hedged on purpose)
    changed = case(text) + ending  # type: ignore[operator]
    before, after = detect(text), detect(changed)
    assert (after.outcome, after.tier) == (before.outcome, before.tier)


def _typo(word: str, kind: str, at: int) -> str:
    at = at % (len(word) - 1) + 1  # keep the first letter, as people mostly do
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    if kind == "swap" and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + ("e" if word[at] != "e" else "a") + word[at + 1 :]


VOCABULARY = tuple(sorted(w for w in lexicon().data.vocabulary if len(w) >= 5))
WITH_VOCABULARY = [t for t in CAUGHT + ORDINARY if any(re.search(rf"\b{w}\b", t.lower()) for w in VOCABULARY)]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(WITH_VOCABULARY),
    st.sampled_from(("drop", "double", "swap", "replace")),
    st.integers(min_value=0, max_value=20),
)
def test_one_letter_typos_in_the_lexicons_words_do_not_change_the_outcome(
    text: str, kind: str, at: int
) -> None:
    words = lexicon()
    word = next(w for w in VOCABULARY if re.search(rf"\b{w}\b", text.lower()))
    typo = _typo(word, kind, at)
    if typo == word or typo in words.data.protected or typo in words.data.vocabulary:
        return  # a real word, not a typo
    if sum(one_edit(typo, other) for other in words.data.vocabulary) != 1:
        return  # one letter from two key words ("wight": weight or night?): no safe correction
    changed = re.sub(rf"\b{word}\b", typo, text, count=1, flags=re.IGNORECASE)
    before, after = detect(text), detect(changed)
    assert (after.outcome, after.tier) == (before.outcome, before.tier), changed
