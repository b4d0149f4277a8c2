"""The safety net against three corpora written blind, from CLINICAL.md only (tests/safety/*.yaml).

`coachbot safety eval` must meet every target of issue 12 on each: emergency and urgent flags caught at
their tier or above, red flags caught, ordinary messages rarely stopped or asked, and fast.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from coachbot.cli.safety_check import CorpusError, evaluate, load_corpus

HERE = Path(__file__).parent
CORPORA = sorted(HERE.glob("*.yaml"))


def test_the_corpora_hold_400_labelled_messages_over_every_category() -> None:
    examples = [example for path in CORPORA for example in load_corpus(path)]
    assert len(examples) >= 400
    categories = {example.category for example in examples}
    assert {"dvt", "pe", "acute_compartment", "rupture", "sciatica", "exertional_compartment"} <= categories
    assert {
        "training_effort",
        "doms",
        "hyperbole",
        "other_people",
        "past_resolved",
        "everyday_words",
    } <= categories


@pytest.mark.parametrize("path", CORPORA, ids=lambda path: path.stem)
def test_each_corpus_meets_the_targets(path: Path) -> None:
    report = io.StringIO()
    assert evaluate([path], report) == 0, report.getvalue()


def test_eval_command_exits_non_zero_below_the_targets(tmp_path: Path) -> None:
    missed = tmp_path / "missed.yaml"
    missed.write_text('- {text: "calf is swollen, hot and red", tier: none, outcome: none, category: doms}\n')
    result = subprocess.run(
        [sys.executable, "-m", "coachbot", "safety", "eval", str(missed)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "FAIL ordinary messages stopped and referred: 1/1" in result.stdout
    assert "false alarms (ordinary messages stopped or asked): 1" in result.stdout


def test_a_bad_corpus_names_file_and_entry(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text('- {text: "calf hot", tier: severe, outcome: none, category: dvt}\n')
    with pytest.raises(CorpusError, match=r"broken.yaml: example 1: tier"):
        load_corpus(broken)
