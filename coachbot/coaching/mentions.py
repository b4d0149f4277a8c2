"""Finding the signs a message mentions and setting aside the mentions that are not red flags (CLINICAL A1-A5).

A mention is set aside when it is negated in its own clause (negation.py), someone else's (subjects.py),
in the past or over, or in a context its sign lists (training effort, hyperbole, a state the programme
expects, cold or laces). Every set-aside mention keeps its reason, for the audit trail of A6. Each check
over a clause, sentence or the whole message is worked out once per message. Pure: stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coachbot.coaching.lexicon import Lexicon, SignEntry
from coachbot.coaching.negation import affirmed, negated
from coachbot.coaching.subjects import Subjects
from coachbot.coaching.wording import Clauses

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
    found = [(e, m) for e in lexicon.data.signs for m in lexicon.sign_patterns[e.id].finditer(text)]
    scan = _Scan(text, lexicon, Subjects(text, lexicon, [match.span() for _, match in found]))
    return [scan.mention(entry, match) for entry, match in found]


class _Scan:
    """One message being read: its clauses, who it names, and the checks already worked out."""

    def __init__(self, text: str, lexicon: Lexicon, subjects: Subjects) -> None:
        self.text, self.lexicon, self.subjects = text, lexicon, subjects
        self.clauses = Clauses(text)
        self._known: dict[tuple[object, ...], bool] = {}

    def mention(self, entry: SignEntry, match: re.Match[str]) -> Mention:
        index = self.clauses.index(max(match.start(), match.end() - 1))
        hedged = "hedged" not in entry.keeps and self._once(("hedged", index), self._hedged, index)
        return Mention(entry.id, match.group(0), match.start(), hedged, self._discount(entry, match, index))

    def _once(self, key: tuple[object, ...], work: Callable[..., bool], *args: Any) -> bool:
        """`work(*args)`, worked out once for each clause, sentence or message it depends on."""
        if key not in self._known:
            self._known[key] = work(*args)
        return self._known[key]

    def _hedged(self, index: int) -> bool:
        """A hedge in the clause (A2), or the clause is itself a question ("calf swollen?")."""
        start, end = self.clauses.spans[index]
        clause = self.text[start:end]
        asks = self.text[end : end + 1] == "?" or clause.rstrip(" !.").endswith("?")
        return asks or self.lexicon.hedges.search(clause) is not None

    def _discount(self, entry: SignEntry, match: re.Match[str], index: int) -> str | None:
        start = match.start()
        if entry.negatable and negated(self.clauses, index, start, self.lexicon):
            return NEGATED
        if self.subjects.someone_else(start, match.end()):
            return SOMEONE_ELSE
        sentence = self.clauses.sentence_index(start)
        if "long_ago" not in entry.keeps and self._once(("long ago", sentence), self._long_ago, start):
            return PAST  # "in my twenties, ...": even signs that keep their past ("third strain this year")
        if "past" not in entry.keeps and self._once(("past", index, sentence), self._over, index, start):
            return PAST
        for name in entry.discount:
            context = self.lexicon.data.contexts[name]
            where = {"clause": index, "sentence": sentence, "message": 0}[context.scope]
            if self._once((name, where), self._in_context, name, start, index):
                return context.reason
        return None

    def _in_context(self, name: str, start: int, index: int) -> bool:
        context = self.lexicon.data.contexts[name]
        scope = {
            "clause": self.clauses.clause(index),
            "sentence": self.clauses.sentence(start),
            "message": self.text,
        }[context.scope]
        found, unless = self.lexicon.context_patterns[name]
        return affirmed(found, scope, self.lexicon) and not unless.search(scope)

    def _long_ago(self, position: int) -> bool:
        """Said long ago anywhere in the sentence ("when I was 20, I snapped my achilles")."""
        sentence, lexicon = self.clauses.sentence(position), self.lexicon
        return bool(lexicon.long_ago.search(sentence)) and not lexicon.present.search(sentence)

    def _over(self, index: int, _position: int) -> bool:
        """In the past or resolved (A5): said in the clause, or by the clause right after it."""
        lexicon, clauses = self.lexicon, self.clauses
        clause = clauses.clause(index)
        if lexicon.present.search(clause):
            return False
        later = (clauses.clause(i).strip() for i in range(index + 1, len(clauses.spans)))
        following = next((clause for clause in later if clause), "")  # ", but it's fine now": skip the empty
        if following.startswith("still"):
            return False  # "not as swollen as yesterday, but still there"
        return affirmed(lexicon.past, clause, lexicon) or lexicon.over_after.match(following) is not None
