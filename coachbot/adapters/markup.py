"""What every adapter does with the neutral markup: cut long texts at line ends for a platform's limit."""

from __future__ import annotations


def split(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at line ends (a single over-long line is cut hard).

    Bold never spans lines in our markup, so cutting at a line end never breaks it.
    """
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces
