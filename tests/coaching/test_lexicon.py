"""The red-flag lexicon is checked when it loads: a broken entry is an error that names it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coachbot.coaching import lexicon as lexicon_module
from coachbot.coaching.lexicon import LexiconError, LexiconFile, lexicon
from coachbot.core.tokens import MAX_BYTES as MAX_TOKEN_BYTES
from coachbot.texts import safety

LEXICON = Path(lexicon_module.__file__).with_name("redflags.yaml")


def data() -> dict[str, object]:
    loaded = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_every_question_group_has_its_confirming_question() -> None:
    groups = {sign.group for sign in lexicon().data.signs if sign.tier != "none"}
    groups |= {rule.group for rule in lexicon().data.rules if rule.group}
    assert groups <= set(safety.CONFIRM)
    assert all(len(question) < 200 for question in safety.CONFIRM.values())
    assert MAX_TOKEN_BYTES  # the questions' buttons are the shared Yes / No / Not sure tokens


def test_a_rule_naming_an_unknown_sign_is_refused() -> None:
    broken = data()
    broken["rules"] = [{"id": "typo", "all": [["swelling"], ["swollenn"]], "tier": "urgent"}]
    with pytest.raises(ValueError, match="rule typo: unknown sign 'swollenn'"):
        LexiconFile.model_validate(broken)


def test_a_rule_of_supporting_signs_needs_its_question_group() -> None:
    broken = data()
    broken["rules"] = [{"id": "vague", "all": [["leg_word"], ["pain_word"]], "tier": "routine"}]
    with pytest.raises(ValueError, match="rule vague: give it a `group`"):
        LexiconFile.model_validate(broken)


def test_a_key_given_twice_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = LEXICON.read_text(encoding="utf-8") + "\n  swolen: swollen\n"
    monkeypatch.setattr(lexicon_module, "_lexicon_text", lambda: text)
    lexicon_module.lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match="key given twice"):
            lexicon_module.lexicon()
    finally:
        lexicon_module.lexicon.cache_clear()
