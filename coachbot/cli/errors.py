"""One clear line instead of a traceback for what an operator can cause: a database that cannot be
reached or refuses the connection. Used by the `coachbot` command line only."""

from __future__ import annotations

from coachbot.store.db import DatabaseError, failure_reason


def database_problem(error: OSError | DatabaseError, label: str) -> str:
    """What went wrong with the database `label` (its URL without password), in one line."""
    if isinstance(error, OSError):
        return f"cannot reach the database {label}: {failure_reason(error)}; is the server running and the URL right?"
    return f"cannot use the database {label}: {failure_reason(error)}"
