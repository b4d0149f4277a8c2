"""Programme files: their schema, their loader, and readable outlines of them."""

from coachbot.programme.schema import Programme

__all__ = ["Programme"]
