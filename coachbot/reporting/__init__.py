"""Pure renderers: the progress chart, the clinician report (PDF and CSV), the weekly summary and session cards in the bot's neutral markup."""
