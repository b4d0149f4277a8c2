"""Proactive delivery: the ticker that turns due schedules into outbox rows, and the sender that sends them
within each platform's limits, with leases, retries and dead letters."""
