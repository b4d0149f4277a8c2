"""Where the shipped data folders (programmes/, migrations/) are, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # coachbot/, from coachbot/programme/paths.py


def data_dir(name: str) -> Path:
    """The folder `name`: packaged under coachbot/_data in a wheel, at the top of a source checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cannot find the {name}/ folder next to the coachbot package")
