"""Clinical judgement as pure functions: no database, no clock, no platform (CLINICAL.md)."""
