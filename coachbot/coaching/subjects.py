"""Who a symptom belongs to (CLINICAL A5): the writer, or someone they name ("my dad's calf", "she").

The last person named before a mention decides; "I", "me" and "my calf" name the writer. A relation named
as an object ("using my kid's scooter", "told my wife") or as a reporter ("my husband noticed my calf is
red") names nobody. Words inside a sign's own phrase ("like someone kicked me") name nobody. Pure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from coachbot.coaching.lexicon import Lexicon
from coachbot.coaching.wording import WORD


class Subjects:
    """The positions where a message names who it is about, to ask who a mention belongs to."""

    def __init__(self, text: str, lexicon: Lexicon, sign_spans: list[tuple[int, int]]) -> None:
        ordered = sorted(sign_spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end up to each start
        others = [m.span() for m in lexicon.someone_else.finditer(text) if _names_subject(text, m, lexicon)]
        marks = [(end, True) for start, end in others if not self._inside(start, end)]
        for match in lexicon.self_.finditer(text):
            start, end = match.span()
            if not any(a <= start < b for a, b in others) and not self._inside(start, end):
                marks.append((end, False))
        marks.sort()
        self._ends = [end for end, _ in marks]
        self._others = [other for _, other in marks]

    def _inside(self, start: int, end: int) -> bool:
        """Within a longer sign phrase that starts at or before `start`."""
        index = bisect_right(self._starts, start) - 1
        return (
            index >= 0
            and self._reach[index] >= end
            and (self._starts[index], self._reach[index]) != (start, end)
        )

    def someone_else(self, position: int) -> bool:
        """Whether the last subject named before this position is another person (nobody named: the writer)."""
        index = bisect_right(self._ends, position) - 1
        return index >= 0 and self._others[index]


def _names_subject(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    before = (WORD.findall(text[max(0, match.start() - 16) : match.start()]) or [""])[-1]
    after = WORD.findall(text[match.end() : match.end() + 24])[:2]
    if before in lexicon.object_words or (before.endswith("ing") and len(before) > 4):
        return False  # an object: "using my kid's scooter", "visiting my daughter"
    return not any(word in lexicon.reporting_words for word in after)
