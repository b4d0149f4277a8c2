"""The typo fixer of the red-flag engine never turns a real English word into a lexicon word.

pyspellchecker's English frequency list (a dev dependency) stands in for "what people really write";
a word it knows that the fixer would change must be added to `protected` in coachbot/coaching/redflags.yaml.
"""

from __future__ import annotations

from spellchecker import SpellChecker

from coachbot.coaching.lexicon import lexicon
from coachbot.coaching.wording import Spelling, normalise

MOST_FREQUENT = 100_000


def test_no_frequent_english_word_is_corrected_into_the_vocabulary() -> None:
    counts = SpellChecker().word_frequency.dictionary
    words = sorted((w for w in counts if w.isalpha() and w.isascii()), key=lambda w: -counts[w])
    words = words[:MOST_FREQUENT]
    fixer = Spelling(lexicon())
    changed = [w for w in words if w not in lexicon().data.spellings and fixer.fix(w) != w]
    assert changed == [], f"add to `protected` in redflags.yaml: {changed}"


def test_a_one_letter_typo_of_a_key_word_is_corrected() -> None:
    words = lexicon()
    assert normalise("my calf is swolen and tingleing", words) == "my calf is swollen and tingling"
    assert normalise("bood when i cough", words) == "blood when i cough"
    assert normalise("achilels hurts", words) == "achilles hurts"
