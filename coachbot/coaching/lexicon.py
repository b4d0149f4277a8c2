"""The red-flag lexicon (redflags.yaml beside this module) as validated, compiled data.

Pure: reads one packaged YAML file once. `lexicon()` is the only entry point; a broken lexicon raises
LexiconError naming the entry, because it is a programmer's error, not a person's.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from coachbot.coaching.redflags import Tier

MACRO = re.compile(r"<([a-z]+)>")
SUPPORT = "support"  # the group of signs that only count in rules; it has no confirming question


class LexiconError(ValueError):
    """The packaged lexicon does not validate or a pattern does not compile."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SignEntry(_Strict):
    id: str
    group: str
    tier: Tier
    alone: Literal["certain", "uncertain"]
    patterns: tuple[str, ...]
    discount: tuple[str, ...] = ()  # context ids that set a mention aside
    keeps: tuple[Literal["past", "long_ago", "hedged"], ...] = ()  # markers that do not apply to this sign
    negatable: bool = True


class ContextEntry(_Strict):
    reason: str
    scope: Literal["clause", "sentence", "message"]
    patterns: tuple[str, ...]
    unless: tuple[str, ...] = ()


class PastEntry(_Strict):
    patterns: tuple[str, ...]
    unless: tuple[str, ...]
    after: tuple[str, ...]  # the next clause says the mention is over ("..., but that was weeks ago")
    long_ago: tuple[str, ...]  # anywhere in the sentence ("when I was young, I broke my shin")


class RuleEntry(_Strict):
    id: str
    all: tuple[tuple[str, ...], ...] = Field(min_length=1)
    tier: Tier
    outcome: Literal["certain", "uncertain"] = "certain"
    distinct: bool = False  # the groups must be met by different signs
    group: str | None = None  # the confirming question, when not the first sign's
    certain_when_hedged: bool = False  # A3: a risk factor makes even "a bit swollen" urgent
    needs_words: str | None = None


class LexiconFile(_Strict):
    macros: dict[str, str]
    groups: tuple[str, ...]
    signs: tuple[SignEntry, ...]
    contexts: dict[str, ContextEntry]
    negators: tuple[str, ...]
    negation_fillers: tuple[str, ...]
    negation_window: int
    hedges: tuple[str, ...]
    past: PastEntry
    someone_else: tuple[str, ...]
    object_words: tuple[str, ...]
    reporting_words: tuple[str, ...]
    self_: tuple[str, ...] = Field(alias="self")
    rules: tuple[RuleEntry, ...]
    vocabulary: tuple[str, ...]
    protected: tuple[str, ...]
    spellings: dict[str, str]

    @model_validator(mode="after")
    def _references(self) -> LexiconFile:
        for name in ("vocabulary", "negators", "negation_fillers", "hedges", "protected"):
            words = getattr(self, name)
            if len(set(words)) != len(words):
                raise ValueError(f"{name}: listed twice: {sorted({w for w in words if words.count(w) > 1})}")
        ids = {sign.id for sign in self.signs}
        groups = {sign.id: sign.group for sign in self.signs}
        for sign in self.signs:
            if sign.group not in self.groups:
                raise ValueError(f"sign {sign.id}: unknown group {sign.group!r}")
            for context in sign.discount:
                if context not in self.contexts:
                    raise ValueError(f"sign {sign.id}: unknown context {context!r}")
        for rule in self.rules:
            for name in (name for group in rule.all for name in group):
                if name not in ids:
                    raise ValueError(f"rule {rule.id}: unknown sign {name!r}")
            named = [groups[name] for group in rule.all for name in group if groups[name] != SUPPORT]
            if (rule.group or (named[0] if named else SUPPORT)) == SUPPORT:
                raise ValueError(f"rule {rule.id}: give it a `group` (its confirming question)")
        return self


class Lexicon:
    """The lexicon with every pattern compiled: `signs` by id, `sign_patterns`, `context_patterns` and the
    markers of negation, hedging, time and who has the symptom."""

    def __init__(self, data: LexiconFile) -> None:
        self.data = data
        self.signs = {sign.id: sign for sign in data.signs}
        self.sign_patterns = {sign.id: self.compile(sign.patterns, sign.id) for sign in data.signs}
        self.context_patterns = {
            name: (self.compile(entry.patterns, name), self.compile(entry.unless, name, empty=True))
            for name, entry in data.contexts.items()
        }
        self.past = self.compile(data.past.patterns, "past")
        self.present = self.compile(data.past.unless, "past")
        self.over_after = self.compile(data.past.after, "past")
        self.long_ago = self.compile(data.past.long_ago, "past")
        self.someone_else = self.compile(data.someone_else, "someone_else")
        self.object_words = frozenset(data.object_words)
        self.reporting_words = frozenset(data.reporting_words)
        self.self_ = self.compile(data.self_, "self")
        self.hedges = self.compile(data.hedges, "hedges")
        self.negators = frozenset(data.negators)
        self.fillers = frozenset(data.negation_fillers)

    def expand(self, pattern: str) -> str:
        def macro(match: re.Match[str]) -> str:
            words = self.data.macros.get(match.group(1))
            if words is None:
                raise LexiconError(f"unknown macro <{match.group(1)}> in {pattern!r}")
            return f"(?:{words})"

        return MACRO.sub(macro, pattern)

    def compile(self, patterns: tuple[str, ...], where: str, *, empty: bool = False) -> re.Pattern[str]:
        if not patterns:
            if not empty:
                raise LexiconError(f"{where}: no patterns")
            return re.compile(r"(?!x)x")  # matches nothing
        alternatives = "|".join(f"(?:{self.expand(pattern)})" for pattern in patterns)
        try:
            return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
        except re.error as error:
            raise LexiconError(f"{where}: {error}") from error


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, validated and compiled once per process."""
    text = _lexicon_text()
    try:
        return Lexicon(LexiconFile.model_validate(yaml.load(text, Loader=_UniqueKeyLoader)))
    except (ValidationError, yaml.YAMLError) as error:
        raise LexiconError(f"redflags.yaml: {error}") from error


def _lexicon_text() -> str:
    return resources.files("coachbot.coaching").joinpath("redflags.yaml").read_text(encoding="utf-8")


class _UniqueKeyLoader(yaml.SafeLoader):
    """The safe loader, refusing a key given twice (YAML would silently keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        twice = {key for key in keys if keys.count(key) > 1}
        if twice:
            raise yaml.constructor.ConstructorError(
                None, None, f"key given twice: {sorted(map(str, twice))}", node.start_mark
            )
        return super().construct_mapping(node, deep=deep)
