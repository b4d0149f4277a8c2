"""Negation in the red-flag engine (CLINICAL A1): a negator covers only its own clause and its own sign.

"no pain, calf swollen" and "no pain and my calf is swollen" negate the pain only; "no swelling, redness
or heat" negates the list; "not that it isn't swollen" negates nothing. Pure: stdlib only.
"""

from __future__ import annotations

import re

from coachbot.coaching.lexicon import Lexicon
from coachbot.coaching.wording import WORD, Clauses

NEAR = 160  # characters before a sign that its negation window of words can reach
NEW_CLAUSE_AFTER_AND = frozenset({"my", "the", "it", "its", "calf", "leg", "now", "i"})


def negator_before(before: str, lexicon: Lexicon) -> bool:
    """An odd number of negators in the filler words just before ("not that it is not swollen": even)."""
    following, negators = "", 0
    for count, word in enumerate(reversed(WORD.findall(before[-NEAR:]))):
        if count >= lexicon.data.negation_window:
            break
        if word in lexicon.negators:
            negators += 1
        elif word == "and" and following in NEW_CLAUSE_AFTER_AND:
            break  # "no pain and my calf is swollen": a new clause in all but the comma
        elif word not in lexicon.fillers:
            break
        following = word
    return negators % 2 == 1


def negated(clauses: Clauses, index: int, start: int, lexicon: Lexicon) -> bool:
    """A negator before the sign in its own clause, with only filler words between."""
    text = clauses.text
    clause_start, clause_end = clauses.spans[index]
    if negator_before(text[clause_start : max(start, clause_start)], lexicon):
        return True
    # "no swelling, redness or heat": a bare list after a negated clause shares its negation
    if index == 0 or not all(word in lexicon.fillers for word in WORD.findall(text[clause_start:start])):
        return False
    tail = WORD.findall(text[clause_start:clause_end])
    return (
        len(tail) <= 4
        and ("or" in tail or "nor" in tail)
        and negator_before(clauses.clause(index - 1), lexicon)
    )


def affirmed(pattern: re.Pattern[str], scope: str, lexicon: Lexicon) -> bool:
    """A context that is said, not denied: "not cold, shoes not tight" rules out cold and laces."""
    for match in pattern.finditer(scope):
        inside = WORD.findall(match.group(0))
        if not any(word in lexicon.negators for word in inside) and not negator_before(
            scope[max(0, match.start() - 12) : match.start()], lexicon
        ):
            return True
    return False
