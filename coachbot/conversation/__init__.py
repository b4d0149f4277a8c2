"""Multi-step conversations whose current question is stored, so a restart resumes at the same step."""
