"""Database URLs as the settings and the command line need them, so neither imports SQLAlchemy."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import make_url


@dataclass(frozen=True)
class DatabaseUrl:
    driver: str  # e.g. sqlite+aiosqlite, postgresql+asyncpg
    database: str  # the SQLite file, or the PostgreSQL database name ("" if none)
    label: str  # the URL with any password hidden, for messages and logs
    password: str | None = field(repr=False)


def parse_url(url: str) -> DatabaseUrl:
    """The parts of a database URL; ValueError (without the URL, which may hold a password) if it is not one."""
    try:
        parsed = make_url(url)
    except Exception:  # SQLAlchemy raises ArgumentError with the URL in the message; keep it out
        raise ValueError("not a database URL") from None
    return DatabaseUrl(
        driver=parsed.drivername,
        database=parsed.database or "",
        label=parsed.render_as_string(hide_password=True),
        password=parsed.password,
    )
