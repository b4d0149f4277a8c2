"""`coachbot safety check` and `coachbot safety eval`: one message's detection as JSON, and a labelled corpus
scored against the targets of the safety net (confusion by tier and by category, misses, false alarms).

A corpus is a YAML list of {text, tier, outcome, category}; `tier` is the least a clinician would want.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from time import process_time
from typing import Literal, TextIO

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from coachbot.coaching.redflags import TIER_ORDER, Tier
from coachbot.coaching.safety import Detection, detect

# The targets of the safety net: emergency/urgent caught at their tier or above, any red flag caught,
# ordinary messages rarely stopped and rarely asked.
SERIOUS_AT_TIER = 0.98
ANY_FLAG = 0.95
ORDINARY_STOPPED = 0.05
ORDINARY_ASKED = 0.10
MAX_MILLISECONDS = 5.0


class CorpusError(ValueError):
    """A corpus file that can't be read; the message names the file and entry."""


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    tier: Tier
    outcome: Literal["certain", "uncertain", "none"]
    category: str


@dataclass(frozen=True)
class Scored:
    example: Example
    detection: Detection
    source: str

    @property
    def flag(self) -> bool:
        return self.example.tier != "none"

    @property
    def at_tier(self) -> bool:
        return self.detection.found and TIER_ORDER.index(self.detection.tier) >= TIER_ORDER.index(
            self.example.tier
        )


def load_corpus(path: Path) -> list[Example]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CorpusError(f"{path}: {error}") from error
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: expected a list of examples")
    examples = []
    for number, entry in enumerate(entries, 1):
        try:
            examples.append(Example.model_validate(entry))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "entry"
            raise CorpusError(f"{path}: example {number}: {field}: {first['msg']}") from error
    return examples


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * _rate(part, whole):.1f}%)"


def _confusion(scored: list[Scored], out: TextIO) -> None:
    columns = ("none", "routine?", "routine", "urgent?", "urgent", "emergency?", "emergency")
    out.write("\nexpected \\ detected (? = confirming question)\n")
    out.write(f"{'':10}" + "".join(f"{c:>11}" for c in columns) + "\n")
    for tier in reversed(TIER_ORDER):
        row = Counter(
            item.detection.tier + ("?" if item.detection.outcome == "uncertain" else "")
            for item in scored
            if item.example.tier == tier
        )
        out.write(f"{tier:10}" + "".join(f"{row.get(c, 0):>11}" for c in columns) + "\n")


def _categories(scored: list[Scored], out: TextIO) -> None:
    by_category: dict[str, list[Scored]] = defaultdict(list)
    for item in scored:
        by_category[item.example.category].append(item)
    out.write(f"\n{'category':24}{'n':>5}{'caught':>8}{'at tier':>9}{'stopped':>9}{'asked':>7}\n")
    for category, items in sorted(by_category.items(), key=lambda pair: (not pair[1][0].flag, pair[0])):
        caught = sum(item.detection.found for item in items)
        out.write(
            f"{category:24}{len(items):>5}{caught:>8}{sum(i.at_tier for i in items):>9}"
            f"{sum(i.detection.outcome == 'certain' for i in items):>9}"
            f"{sum(i.detection.outcome == 'uncertain' for i in items):>7}\n"
        )


def _listing(title: str, items: list[Scored], out: TextIO) -> None:
    out.write(f"\n{title}: {len(items)}\n")
    for item in items:
        got = f"{item.detection.outcome} {item.detection.tier}"
        out.write(f"  [{item.example.category}; want {item.example.tier}; got {got}] {item.example.text}\n")


def evaluate(paths: Sequence[Path], out: TextIO = sys.stdout) -> int:
    """Score the corpora, print the report, and return 0 when every target is met (1 otherwise)."""
    examples = [(example, str(path)) for path in paths for example in load_corpus(path)]
    started = process_time()  # CPU time: other processes on a busy machine don't count against the net
    scored = [Scored(example, detect(example.text), source) for example, source in examples]
    per_message = 1000 * (process_time() - started) / max(1, len(scored))
    flags = [item for item in scored if item.flag]
    serious = [item for item in flags if item.example.tier in ("emergency", "urgent")]
    ordinary = [item for item in scored if not item.flag]
    stopped = [item for item in ordinary if item.detection.outcome == "certain"]
    asked = [item for item in ordinary if item.detection.outcome == "uncertain"]
    checks = (
        ("emergency/urgent at their tier or above", sum(i.at_tier for i in serious), len(serious), SERIOUS_AT_TIER, True),
        ("red flags caught (certain or asked)", sum(i.detection.found for i in flags), len(flags), ANY_FLAG, True),
        ("ordinary messages stopped and referred", len(stopped), len(ordinary), ORDINARY_STOPPED, False),
        ("ordinary messages asked a question", len(asked), len(ordinary), ORDINARY_ASKED, False),
    )  # fmt: skip
    out.write(f"{len(scored)} messages from {', '.join(str(p) for p in paths)}\n")
    passed = True
    for label, part, whole, target, at_least in checks:
        ok = _rate(part, whole) >= target if at_least else _rate(part, whole) <= target
        passed &= ok
        sign = ">=" if at_least else "<="
        out.write(f"  {'ok  ' if ok else 'FAIL'} {label}: {_pct(part, whole)} (target {sign} {target:.0%})\n")
    fast = per_message <= MAX_MILLISECONDS
    passed &= fast
    out.write(
        f"  {'ok  ' if fast else 'FAIL'} {per_message:.2f} ms of CPU per message (target <= {MAX_MILLISECONDS} ms)\n"
    )
    _confusion(scored, out)
    _categories(scored, out)
    _listing(
        "missed (red flags not caught, or caught below their tier)", [i for i in flags if not i.at_tier], out
    )
    _listing("false alarms (ordinary messages stopped or asked)", stopped + asked, out)
    return 0 if passed else 1


def check(text: str, out: TextIO = sys.stdout) -> int:
    """Print one message's detection as JSON."""
    out.write(json.dumps(detect(text).as_json()) + "\n")
    return 0
