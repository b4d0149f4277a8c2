"""Conversation steps that several features ask: training days, time zone, the triage questions, the DVT screen, the rupture screen."""
