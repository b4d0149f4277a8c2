"""coachbot: a Telegram, Discord and console coach for a 12-week calf programme."""
