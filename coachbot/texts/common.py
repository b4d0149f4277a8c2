"""Help, command descriptions, and what the bot says when it didn't understand."""

HELP = (
    "**coachbot** guides you through a 12-week calf programme, with sessions on the days you choose.\n"
    "- /start — enrol and set your schedule\n"
    "- /today — today's session\n"
    "- /checkin — log pain after a session\n"
    "- /morning — how your calf feels this morning\n"
    "- /weekly — this week's calf tests\n"
    "- /status — where you are in the programme\n"
    "- /settings — session time, days, time zone, morning time, quiet hours\n"
    "- /snooze — remind me later (30 min, 1 h or 3 h)\n"
    "- /skip — skip today's session\n"
    "- /pause and /resume — take a break and come back\n"
    "- /stop — leave the programme\n"
    "- /cancel — stop answering the current questions\n"
    "- /programme share — a code others can start your programme with\n"
    "- /club — a shared club programme for a group (group admins)\n"
    "- /export — everything I store about you, as a file; /forget — erase it all\n"
    "- /progress — a chart of your pain, sessions and calf tests\n"
    "- /report — a one-page report (PDF) and your check-ins and any referrals (CSV) for a physio\n"
    "I'm an exercise coach, not a clinician. If something feels serious, stop and get medical help."
)

COMMANDS: dict[str, str] = {
    "start": "Enrol in a calf programme",
    "today": "Today's session",
    "checkin": "Log pain after a session",
    "morning": "How your calf feels this morning",
    "weekly": "This week's calf tests",
    "status": "Where you are in the programme",
    "settings": "Change your schedule",
    "snooze": "Remind me later",
    "skip": "Skip today's session",
    "pause": "Take a break",
    "resume": "Carry on after a break",
    "stop": "Leave the programme",
    "cancel": "Stop answering the current questions",
    "progress": "Your progress so far",
    "report": "A one-page report for your physio",
    "clinician": "Record what your physio or doctor said",
    "export": "Download all your data",
    "forget": "Erase all your data",
    "programme": "Share codes for the programmes",
    "help": "What I can do",
}

NOT_UNDERSTOOD = "I didn't catch that. Send /checkin to log a session, /today for today's plan, or /help."
UNKNOWN_COMMAND = "I don't know /{name}. Send /help to see what I can do."
PRIVATE_ONLY = "Let's keep that private: please send /{name} to me in a direct message."
CONTINUE_PRIVATELY = "Continue in a private chat"
ADMIN_ONLY = "Only this group's admins can do that."
CLUB_IN_GROUP = "Club programmes are set up from the club's group chat, by one of its admins."
UNREACHABLE_NOTICE = (
    "{person}, I couldn't send you a direct message, so I've paused your plan. To carry on, allow direct "
    "messages from this server's members (server menu → Privacy Settings), then use /resume."
)
DMS_CLOSED = (
    "I can't send you direct messages, and your plan happens there. Allow direct messages from this "
    "server's members (server menu → Privacy Settings), then try again."
)
SOMETHING_WENT_WRONG = "Something went wrong on my side. Please try again in a minute."
SENT_TO_DMS = "I've replied in our direct messages: {link}"
EXPORTED = (
    "Here is everything I store about you, as JSON: your answers, check-ins, decisions, referrals, "
    "schedules, messages and club memberships. /forget erases all of it."
)
NOTHING_STORED = "I don't store anything about you."
ASK_FORGET = (
    "This erases everything I store about you: your plan and its history, check-ins, decisions, referrals, "
    "messages and club memberships. It can't be undone (use /export first to keep a copy). Erase it all?"
)
FORGET_YES = "Erase everything"
FORGET_NO = "Keep my data"
FORGET_EXPECTED = "Erase everything or Keep my data"
FORGOTTEN = "Done: everything I stored about you is erased. If you come back, /start begins afresh."
FORGET_KEPT = "Nothing was erased."
NOT_ENROLLED = "You're not enrolled yet. Send /start to begin."
CANCELLED = "OK, I've put those questions away. Nothing was changed."
NOTHING_TO_CANCEL = "There's nothing to cancel."
STALE_BUTTON = "That button belongs to an earlier question. Here is where we are:"
OLD_BUTTON = (
    "That button is from an older message, and there's nothing open for it to answer now. Send /help to see "
    "what I can do."
)
EXPECTED_PREFIX = "Sorry, I need {expected}."
OR = "or"
YES = "Yes"
NO = "No"
NOT_SURE = "Not sure"
YES_NO_UNSURE_EXPECTED = "yes, no or not sure"
NONE_OF_THESE = "None of these"
DONE = "Done"
PICKED = "✓ {label}"
PICKED_SO_FAR = "Ticked so far: {items}. Tap any others that apply, then {done}."
