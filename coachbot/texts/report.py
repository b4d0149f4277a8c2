"""The clinician report (/report): headings and lines. It reports answers and rules, never a diagnosis."""

HEADER = "coachbot report: {title} ({track})"
SUBHEADER = (
    "Started {started} · now phase {phase} ({phase_name}) · status {status} · generated {today} · "
    "times in {zone}"
)
DISCLAIMER = (
    "Self-reported answers and the programme's rules as applied by an exercise coach bot; not a diagnosis."
)
TRIAGE = "Triage"
PATTERN = "Pattern: {grade} · flags: {flags}"
NO_FLAGS = "none"
CLINICIAN = (
    "Clinician-led (A16): phase {phase} ({name}) as recorded from the visit on {date}; levels: {levels}"
)
AS_PLANNED = "as the plan says"
ANSWERS = "Answers: {answers}"
TESTS = "Self-tests (weekly)"
TEST_LINE = "{date}: heel raises {injured} / {other}{lsi}{more}"
NO_TESTS_YET = "none yet"
REFERRALS = "Referrals ({count}, newest last)"
REFERRAL_LINE = "{date} {tier} ({source}) · signs: {signs} · words: {words}"
REFERRAL_TOLD = "told: {text}"
EARLIER_REFERRALS = "…{count} earlier referrals are in the referrals CSV and the data export."
NO_REFERRALS = "none"
DECISIONS = "Decisions ({count}, newest last)"
DECISION_LINE = "{date} {kind} {what} [{rule}] {reason}"
EARLIER = "…{count} earlier decisions are in the data export."
NO_DECISIONS = "none yet"
SENT = "Your report for a clinician: one page (PDF) and every check-in as a spreadsheet (CSV)."
CSV_SENT = "Every check-in, one row each."
REFERRALS_CSV_SENT = (
    "Every referral, one row each: when, how urgent, the signs, your words and what I advised."
)
