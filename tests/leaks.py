"""What a group may never see (CLINICAL A10): the words of the safety messages and of the symptom typed.

`health_words(typed)` are the longer words of every referral message (each tier, every routine reason)
and of what the person wrote (but its function words), plus the short health words those miss; `leaked(texts, typed)` lists
the ones a group message contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coachbot.texts import safety

SHORT = frozenset({"calf", "pain", "clot", "torn", "care", "call", "warm", "hot", "red", "sore", "hurt", "nhs",
                   "111", "911", "999", "112", "flag", "refer", "⚠️"})  # fmt: skip
FUNCTION_WORDS = frozenset({"and", "the", "have", "has", "had", "was", "are", "but", "for", "not", "when", "with",
                            "onto", "into", "from", "this", "that", "you", "your", "our", "its", "all", "any",
                            "out", "get", "got", "can", "cannot", "can't"})  # fmt: skip
_WORD = re.compile(r"[\w']+|⚠️")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def health_words(*typed: str) -> set[str]:
    messages = [safety.EMERGENCY, safety.URGENT, safety.ROUTINE, *safety.ROUTINE_REASONS.values(), *typed]
    long = {word for text in messages for word in _words(text) if len(word) >= 5}
    said = {word for text in typed for word in _words(text) if len(word) >= 3} - FUNCTION_WORDS
    return long | SHORT | said


def leaked(texts: Iterable[str], *typed: str) -> list[tuple[str, set[str]]]:
    """Each group text that shares a health word, with the words it shares."""
    words = health_words(*typed)
    return [(text, found) for text in texts if (found := _words(text) & words)]
