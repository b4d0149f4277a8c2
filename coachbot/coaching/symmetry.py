"""Limb symmetry index (CLINICAL 8.1: LSI = injured ÷ uninjured × 100), one definition for the exit
criteria, the weekly results, the progress chart and the clinician report."""

from __future__ import annotations


def lsi(injured: int, other: int) -> int | None:
    """The injured (or weaker) leg as a percentage of the other, rounded down; None if the other is 0.
    Rounded down, so a shown 90 % always meets an "LSI ≥ 90 %" criterion and 89 % never does."""
    return 100 * injured // other if other > 0 else None
