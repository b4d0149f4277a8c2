"""Who a symptom belongs to (CLINICAL A5): the writer, or someone they name ("my dad's calf", "she").

The last person named before a mention decides, unless the writer is named within it; "I", "me" and
"my calf" name the writer. A relation named
as an object ("using my kid's scooter", "told my wife") or as a reporter ("my husband noticed my calf is
red") names nobody. Words inside a sign's own phrase ("like someone kicked me") name nobody. Pure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from coachbot.coaching.lexicon import Lexicon
from coachbot.coaching.wording import WORD

POSSESSIVES = frozenset({"his", "her", "their"})


class Subjects:
    """The positions where a message names who it is about, to ask who a mention belongs to."""

    def __init__(self, text: str, lexicon: Lexicon, sign_spans: list[tuple[int, int]]) -> None:
        ordered = sorted(sign_spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end up to each start
        others = [m.span() for m in lexicon.someone_else.finditer(text) if _names_subject(text, m, lexicon)]
        # "like someone kicked me" names nobody, but "put weight on his leg" names him
        marks = [
            (start, True)
            for start, end in others
            if text[start:end] in POSSESSIVES or not self._inside(start, end)
        ]
        for match in lexicon.self_.finditer(text):
            start = match.start()
            if any(a <= start < b for a, b in others) or _object(text, match, lexicon):
                continue  # "next to me", "told me": the writer named as an object, not as who has it
            marks.append((start, False))
        marks.sort()
        self._starts_of_marks = [start for start, _ in marks]
        self._others = [other for _, other in marks]

    def _inside(self, start: int, end: int) -> bool:
        """Within a longer sign phrase that starts at or before `start`."""
        index = bisect_right(self._starts, start) - 1
        return (
            index >= 0
            and self._reach[index] >= end
            and (self._starts[index], self._reach[index]) != (start, end)
        )

    def someone_else(self, start: int, end: int) -> bool:
        """Whether a mention is another person's: the writer named within it ("walks because my calf
        cramps") makes it theirs; otherwise the last subject named before it decides (nobody: the writer)."""
        first = bisect_right(self._starts_of_marks, start - 1)
        last = bisect_right(self._starts_of_marks, end - 1)
        if any(not other for other in self._others[first:last]):
            return False
        return first > 0 and self._others[first - 1]


def _object(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """Named as an object: "using my kid's scooter", "visiting my daughter", "next to me"."""
    before = (WORD.findall(text[max(0, match.start() - 16) : match.start()]) or [""])[-1]
    return before in lexicon.object_words or (before.endswith("ing") and len(before) > 4)


def _names_subject(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    after = WORD.findall(text[match.end() : match.end() + 24])[:2]
    return not _object(text, match, lexicon) and not any(word in lexicon.reporting_words for word in after)
