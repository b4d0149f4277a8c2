"""Finding the signs a message mentions and setting aside the mentions that are not red flags (CLINICAL A1-A5).

A mention is discounted when it is negated in its own clause, about someone else, in the past, or in a
context that its sign lists (training effort, hyperbole, a state the programme expects, cold or laces).
Every discounted mention keeps its reason, for the audit trail of A6. Pure: stdlib only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coachbot.coaching.lexicon import Lexicon, SignEntry
from coachbot.coaching.wording import WORD, Clauses

NEGATED = "negated"
SOMEONE_ELSE = "someone else"
PAST = "in the past or over"


@dataclass(frozen=True)
class Mention:
    """Words of the message that show a sign; `discounted` says why they do not count, if they don't."""

    sign: str
    words: str
    start: int
    hedged: bool
    discounted: str | None = None


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """Every mention of every sign in a normalised text, in lexicon order."""
    clauses = Clauses(text)
    raw = [
        (entry, match)
        for entry in lexicon.data.signs
        for match in lexicon.sign_patterns[entry.id].finditer(text)
    ]
    spans = [match.span() for _, match in raw]
    subjects = _subjects(text, lexicon, spans)
    return [_mention(entry, match, text, clauses, subjects, lexicon) for entry, match in raw]


def _mention(
    entry: SignEntry,
    match: re.Match[str],
    text: str,
    clauses: Clauses,
    subjects: list[tuple[int, bool]],
    lexicon: Lexicon,
) -> Mention:
    index = clauses.index(max(match.start(), match.end() - 1))
    clause = clauses.clause(index)
    hedged = "hedged" not in entry.keeps and (
        lexicon.hedges.search(clause) is not None or _asks(clauses, index)
    )
    reason = _discount(entry, match, text, clauses, index, subjects, lexicon)
    return Mention(entry.id, match.group(0), match.start(), hedged, reason)


def _asks(clauses: Clauses, index: int) -> bool:
    """The mention's own clause is a question ("calf swollen?"), not a question after it ("is that normal?")."""
    start, end = clauses.spans[index]
    return clauses.text[end : end + 1] == "?" or clauses.text[start:end].rstrip(" !.").endswith("?")


def _discount(
    entry: SignEntry,
    match: re.Match[str],
    text: str,
    clauses: Clauses,
    index: int,
    subjects: list[tuple[int, bool]],
    lexicon: Lexicon,
) -> str | None:
    clause = clauses.clause(index)
    if entry.negatable and (_negated(text, clauses, index, match.start(), lexicon)):
        return NEGATED
    if _someone_else(subjects, match.start()):
        return SOMEONE_ELSE
    if "past" not in entry.keeps and _over(clauses, index, lexicon, match.start()):
        return PAST
    for name in entry.discount:
        context = lexicon.data.contexts[name]
        scope = {"clause": clause, "sentence": clauses.sentence(match.start()), "message": text}[
            context.scope
        ]
        found, unless = lexicon.context_patterns[name]
        if _affirmed(found, scope, lexicon) and not unless.search(scope):
            return context.reason
    return None


def _affirmed(pattern: re.Pattern[str], scope: str, lexicon: Lexicon) -> bool:
    """A context that is said, not denied: "not cold, shoes not tight" rules out cold and laces."""
    for match in pattern.finditer(scope):
        inside = WORD.findall(match.group(0))
        if not any(word in lexicon.negators for word in inside) and not _negator_before(
            scope[max(0, match.start() - 12) : match.start()], lexicon
        ):
            return True
    return False


def _over(clauses: Clauses, index: int, lexicon: Lexicon, position: int) -> bool:
    """In the past or resolved (A5): said in the clause, by the clause right after it, or long ago in
    the sentence."""
    clause, sentence = clauses.clause(index), clauses.sentence(position)
    if lexicon.long_ago.search(sentence) and not lexicon.present.search(sentence):
        return True
    if lexicon.present.search(clause):
        return False
    following = (clauses.clause(index + 1) if index + 1 < len(clauses.spans) else "").strip()
    if following.startswith("still"):
        return False  # "not as swollen as yesterday, but still there"
    return _affirmed(lexicon.past, clause, lexicon) or lexicon.over_after.match(following) is not None


def _negated(text: str, clauses: Clauses, index: int, start: int, lexicon: Lexicon) -> bool:
    """A negator before the sign in its own clause, with only filler words between (A1)."""
    clause_start = clauses.spans[index][0]
    if _negator_before(text[clause_start : max(start, clause_start)], lexicon):
        return True
    # "no swelling, redness or heat": a bare list after a negated clause shares its negation
    words = WORD.findall(text[clause_start:start])
    if index > 0 and all(word in lexicon.fillers for word in words):
        previous = clauses.clause(index - 1)
        tail = WORD.findall(text[clause_start : clauses.spans[index][1]])
        if len(tail) <= 4 and ("or" in tail or "nor" in tail) and _negator_before(previous, lexicon):
            return True
    return False


def _negator_before(before: str, lexicon: Lexicon) -> bool:
    """An odd number of negators in the filler words just before ("not that it is not swollen": even)."""
    words = WORD.findall(before)
    following, negators = "", 0
    for count, word in enumerate(reversed(words)):
        if count >= lexicon.data.negation_window:
            break
        if word in lexicon.negators:
            negators += 1
        elif word == "and" and following in ("my", "the", "it", "its", "calf", "leg", "now", "i"):
            break  # "no pain and my calf is swollen": a new clause in all but the comma
        elif word not in lexicon.fillers:
            break
        following = word
    return negators % 2 == 1


def _subjects(text: str, lexicon: Lexicon, signs: list[tuple[int, int]]) -> list[tuple[int, bool]]:
    """Where the message names who it is about: (position, is someone else), outside sign words."""
    others = [
        match.span() for match in lexicon.someone_else.finditer(text) if _names_subject(text, match, lexicon)
    ]

    def inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        return any(start <= span[0] and span[1] <= end and (start, end) != span for start, end in spans)

    marks = [(end, True) for start, end in others if not inside((start, end), signs)]
    for match in lexicon.self_.finditer(text):
        span = match.span()
        if not any(start <= span[0] < end for start, end in others) and not inside(span, signs):
            marks.append((span[1], False))
    return sorted(marks)


def _names_subject(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """A person named as who has the symptom, not as an object ("using my kid's scooter") or a reporter
    ("my husband noticed my calf is red")."""
    before = (WORD.findall(text[max(0, match.start() - 16) : match.start()]) or [""])[-1]
    after = WORD.findall(text[match.end() : match.end() + 24])[:2]
    if before in lexicon.object_words or (before.endswith("ing") and len(before) > 4):
        return False
    return not any(word in lexicon.reporting_words for word in after)


def _someone_else(subjects: list[tuple[int, bool]], position: int) -> bool:
    """Who the last subject named before this position is (nobody named: the person)."""
    last = [other for end, other in subjects if end <= position]
    return bool(last) and last[-1]
