"""Times and days in everyday English, rewritten into the short forms schedule/wallclock.py reads: "half past six"
→ "6:30", "quarter to seven" → "6:45", "noon" → "12:00", "7 in the evening" → "7pm", "mondays and
thursdays" → "monday thursday". Pure: the stdlib only.
"""

from __future__ import annotations

import re

_HOURS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_MINUTES = {
    "five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20, "twenty-five": 25, "twenty five": 25,
    "half": 30,
}  # fmt: skip
_TENS = {"oh": 0, "o": 0, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_HOUR = r"(\d{1,2}|" + "|".join(_HOURS) + r")"
_PARTS_OF_DAY = (
    (re.compile(r"\s*(?:in the morning|this morning|morning)$"), "am"),
    (re.compile(r"\s*(?:in the afternoon|in the evening|at night|tonight|evening|afternoon)$"), "pm"),
)
_NAMED = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}
_LEADING = re.compile(r"^(?:at|around|about|by|say|maybe|roughly|ish)\s+")


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else _HOURS[word]


def spoken_time(text: str) -> str:
    """`text` with spoken times rewritten as H:MM (am/pm kept); anything else comes back unchanged."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'")).strip(" .!?")
    cleaned = _LEADING.sub("", cleaned).removesuffix(" ish").removesuffix("ish").strip()
    if cleaned in _NAMED:
        return _NAMED[cleaned]
    suffix = ""
    for pattern, part in _PARTS_OF_DAY:
        if pattern.search(cleaned) and not cleaned.endswith(("am", "pm")):
            cleaned, suffix = pattern.sub("", cleaned).strip(), part
    cleaned = re.sub(r"\s*o'?\s?clock$", "", cleaned)
    minutes = "|".join(sorted(_MINUTES, key=len, reverse=True))
    if match := re.fullmatch(rf"({minutes}|\d{{1,2}})(?: minutes?)? (past|after|to) {_HOUR}", cleaned):
        amount = _MINUTES.get(match[1]) or int(match[1])
        hour = _hour(match[3])
        if match[2] == "to":
            hour, amount = (hour - 1) % 24, 60 - amount
        return f"{hour}:{amount:02d}{suffix}"
    if match := re.fullmatch(rf"half {_HOUR}", cleaned):  # British "half six" is 6:30
        return f"{_hour(match[1])}:30{suffix}"
    if match := re.fullmatch(
        rf"{_HOUR} ({'|'.join(_TENS)})(?:[ -](one|two|three|four|five|six|seven|eight|nine))?", cleaned
    ):
        units = _HOURS.get(match[3] or "", 0)
        return f"{_hour(match[1])}:{_TENS[match[2]] + units:02d}{suffix}"
    if cleaned in _HOURS:
        return f"{_HOURS[cleaned]}:00{suffix}"
    return cleaned + suffix


_DAY_WORDS = re.compile(r"\b(?:every|each|on|only|the|days?|please)\b")


def spoken_days(text: str) -> str:
    """`text` with plurals and filler words gone: "on mondays and thursdays" → "monday and thursday"."""
    cleaned = text.strip().lower().replace("’", "'")
    if re.fullmatch(r"(?:every ?day|daily|all days|every|week ?days|weekends?|workdays)", cleaned):
        return cleaned
    cleaned = _DAY_WORDS.sub(" ", cleaned)
    return re.sub(r"\b(\w+day)s\b", r"\1", cleaned).strip()
