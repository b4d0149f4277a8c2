"""One module per feature of the bot (enrolment, check-ins, the weekly check, pause and resume, settings, clubs, data rights...): its commands, button choices and conversation steps."""
