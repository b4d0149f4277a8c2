"""How a message is prepared for the red-flag engine (CLINICAL A1, A2): normalised words and clauses.

`normalise` lower-cases, expands contractions ("calf's" -> "calf is", "can't"/"unable to" -> "cant",
"didn't" -> "did not"), fixes the lexicon's everyday misspellings and one-letter typos of its key words.
`clauses` splits at `, . ; ! ?` and at "but", "just", "though", "and now" (A1). Pure: stdlib only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from coachbot.coaching.lexicon import Lexicon

LAUGHTER = re.compile("[\U0001f602\U0001f923\U0001f605\U0001f606\U0001f480\U0001f62d\U0001f643]")
WORD = re.compile(r"[a-z0-9]+")
CLAUSE_BREAK = re.compile(
    r"[.!?;,:()\n]+|\s[-\u2013\u2014]+\s|\.\.\.|\u2026"
    r"|\b(?:but|just|though|although|however|whereas|except|apart from|other than|and now|now that)\b"
)
SENTENCE_END = re.compile(r"[.!?;\n]+")
# Words whose "'s" is "is" ("calf's swollen"), not a possessive; neither is a possessive of someone else
IS_AFTER = (
    "calf", "leg", "it", "that", "there", "what", "he", "she", "who", "foot", "ankle", "knee", "shin", "heel",
    "achilles", "swelling", "pain", "skin", "bruise", "bruising", "everything", "nothing", "something", "this",
    "here", "where", "muscle", "tendon", "toe", "back", "breathing", "chest", "mine",
)  # fmt: skip
_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:can ?not|can'?t|unable to|couldn'?t|could not|(?:not|never) (?:be |being )?able to|incapable of)\b",
        "cant",
    ),
    (r"\b(?:daren'?t|dare not|too scared to|too afraid to|scared to|afraid to)\b", "darent"),
    (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "is not"),
    (r"\b(do|does|did|is|are|was|were|has|have|had|should|would|must|need)n'?t\b", r"\1 not"),
    (r"\bi'?m\b", "i am"),
    (r"\bi'?ve\b", "i have"),
    (r"\bi'd\b", "i had"),
    (r"\bi'll\b", "i will"),
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'ll\b", " will"),
    (rf"\b({'|'.join(IS_AFTER)})'s\b", r"\1 is"),
    (r"'s\b", ""),  # a possessive: "my friend's calf" -> "my friend calf"
    (r"'", ""),
)
CONTRACTIONS = tuple((re.compile(pattern), replacement) for pattern, replacement in _CONTRACTIONS)


class Spelling:
    """Fixes the lexicon's listed misspellings, then one-letter typos of its vocabulary."""

    def __init__(self, lexicon: Lexicon) -> None:
        data = lexicon.data
        words = sorted(data.spellings, key=len, reverse=True)
        self.listed = re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(w) for w in words) + r")(?![a-z0-9])")
        self.spellings = data.spellings
        self.vocabulary = frozenset(data.vocabulary)
        literal = {
            word for entry in data.signs for p in entry.patterns for word in re.findall("[a-z]{3,}", p)
        }
        self.known = self.vocabulary | frozenset(data.protected) | literal
        self.near: dict[str, set[str]] = {}
        for word in self.vocabulary:
            for key in _deletes(word):
                self.near.setdefault(key, set()).add(word)

    def fix(self, text: str) -> str:
        text = self.listed.sub(self._listed, text)
        # a typo can hide a listed phrase ("weght bare"): look for the phrases again once typos are fixed
        return self.listed.sub(self._listed, WORD.sub(self._typo, text))

    def _listed(self, match: re.Match[str]) -> str:
        return self.spellings[match.group(1)]

    def _typo(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 4 or word in self.known or word.isdigit():
            return word
        candidates = {c for key in _deletes(word) for c in self.near.get(key, ())}
        close = sorted(c for c in candidates if one_edit(word, c))
        return close[0] if len(close) == 1 else word


def _deletes(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def one_edit(first: str, second: str) -> bool:
    """Damerau-Levenshtein distance of exactly one (insert, delete, replace or swap two neighbours)."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        diffs = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and first[i] == second[j] and first[j] == second[i]
    longer, shorter = (first, second) if len(first) > len(second) else (second, first)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@cache
def _spelling(lexicon: Lexicon) -> Spelling:
    return Spelling(lexicon)


# "Sarah's calf", "the runner's achilles": anyone's possessive but the writer's names someone else (A5)
NAME_POSSESSIVE = re.compile(
    rf"\b(?!(?:my|your|his|her|our|their|its|today|yesterday|week|month|year|day|night|morning|{'|'.join(IS_AFTER)})\b)"
    r"[a-z]+['\u2019]s(?= (?:\w+ ){0,2}(?:calf|calves|leg|legs|foot|feet|ankle|achilles|knee|shin|heel"
    r"|chest|breathing|toes?)\b)",
    re.IGNORECASE,
)


# "Sarah from parkrun tore her calf": a capitalised name said with where the person is from (A5)
NAME_FROM = re.compile(
    r"\b(?!(?:The|My|Our|It|This|That|Today|Yesterday|Still|Just|Now|Then|Back|Out|Up|Even|Also)\b)"
    r"[A-Z][a-z]+(?<!ing)(?<!ed)(?= (?:from|at|in|on) (?:the |my |our )?(?:parkrun|club|work|running|gym|team|office|school|uni)\b)"
)


def normalise(text: str, lexicon: Lexicon) -> str:
    """The text the lexicon's patterns read: lower case, expanded, misspellings fixed, spaces folded."""
    text = NAME_FROM.sub("someone", NAME_POSSESSIVE.sub("someone", text))
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = LAUGHTER.sub(" lol ", text)
    text = re.sub(r"[^a-z0-9'.,;:!?&+/()\n\u2013\u2014\u2026 -]", " ", text)
    text = _spelling(lexicon).fix(_expand(text))
    text = _expand(text)  # a fixed typo can be a contraction again ("cnnot" -> "cannot" -> "cant")
    return re.sub(r"[ \t]+", " ", text).strip()


def _expand(text: str) -> str:
    for pattern, replacement in CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


class Clauses:
    """The clauses and sentences of a normalised text as spans, to find the one a position is in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = _spans(text, CLAUSE_BREAK)
        self.starts = [start for start, _ in self.spans]
        self.sentences = _spans(text, SENTENCE_END, keep_break=True)
        self.sentence_starts = [start for start, _ in self.sentences]

    def index(self, position: int) -> int:
        return max(0, bisect_right(self.starts, position) - 1)

    def clause(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

    def sentence_index(self, position: int) -> int:
        return max(0, bisect_right(self.sentence_starts, position) - 1)

    def sentence(self, position: int) -> str:
        start, end = self.sentences[self.sentence_index(position)]
        return self.text[start:end]


def _spans(text: str, breaks: re.Pattern[str], *, keep_break: bool = False) -> list[tuple[int, int]]:
    spans, previous = [], 0
    for match in breaks.finditer(text):
        spans.append((previous, match.end() if keep_break else match.start()))
        previous = match.end()
    spans.append((previous, len(text)))
    return spans
