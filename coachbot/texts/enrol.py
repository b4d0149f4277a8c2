"""Enrolment conversation: programme, time zone, schedule, and the welcome once enrolled."""

ALREADY_ENROLLED = (
    "You're already following **{title}**. Send /status to see where you are, or /stop to leave it first."
)
CHOOSE_PROGRAMME = "Which programme would you like to follow?"
PROGRAMME_EXPECTED = "one of these programmes: {options}"
ASK_ZONE = (
    "Which time zone are you in? Type your city (like Sydney or San Francisco) or the zone as Region/City, "
    "for example Europe/London or America/New_York."
)
ZONE_EXPECTED = (
    "a time zone written as Region/City, like Europe/London, America/New_York or Asia/Kolkata "
    '("{given}" isn\'t one I know)'
)
ZONE_AMBIGUOUS = 'one time zone; "{given}" could be {options}'
ZONE_DID_YOU_MEAN = 'a time zone I know ("{given}" isn\'t one: did you mean {options}?)'
ASK_SESSION_TIME = "What time should I send your daily session? Type a time such as 07:30 or 6pm."
ASK_MORNING_TIME = (
    "And when should I ask how your calf feels in the morning? Pick a time within two hours of getting up."
)
TIME_EXPECTED = "a time of day such as 07:30, 7:30am or 18:00"
ASK_DAYS = (
    "Which days can you train? The programme puts its sessions on these days. "
    "Pick a button or type days like mon,wed,fri."
)
DAYS_EXPECTED = 'days of the week such as mon,wed,fri, or "every day"'
EVERY_DAY = "Every day"
WEEKDAYS_ONLY = "Weekdays"
WELCOME = (
    "You're enrolled in **{title}**, starting with phase {phase}: {phase_name}.\n"
    "Sessions at {time} ({zone}) on {days}; morning check-in at {morning}.\n"
    "Send /today to see today's session and /checkin when you've done it."
)

SHARE_HEADER = (
    "Share codes (anyone can start a programme with /start <code>, or a club with /club start <code>):"
)
SHARE_LINE = "- **{title}**: {code}"

# /start <code> with a code nobody made (issue 14 item 7): say so, and what to do, instead of enrolling
UNKNOWN_CODE = (
    "I don't know the code “{code}”. Please check it with whoever gave it to you — a programme's share "
    "code starts with p and a club's join code with c — and send /start followed by the code again."
)
UNKNOWN_CODE_NEW = " To start without a code, send /start on its own."
UNKNOWN_CODE_ENROLLED = " You're following **{title}**; send /status to see where you are."
# a code's programme that the triage doesn't fit: say which programme was chosen instead, and why
CODE_OVERRIDDEN = "You came with a code for **{wanted}**, but I've put you on **{chosen}** instead: {why}"
OVERRIDE_WHY = {
    "rehab": (
        "you told me about a calf injury, and a strengthening programme for healthy calves could overload "
        "it. This one starts gently and builds up as your calf settles."
    ),
    "prevention": (
        "you told me you're not injured, so a rehab programme would hold you back. This one builds "
        "strength for healthy calves."
    ),
}
# time zones (issue 14 item 11): every zone is confirmed with the local time
ZONE_CONFIRM = "It's {time} on {day} for you ({zone}) — right?"
ZONE_FIXED_NOTE = "A fixed offset like {offset} doesn't change for summer time; if your clocks do, say No and type your city."
ZONE_PICK_ABBREVIATION = '"{given}" is used in more than one place. Which one is yours?'
ZONE_PICK_SPELLING = 'I don\'t know "{given}". Did you mean one of these?'
ZONE_PICK_OFFSET = (
    "{offset} is the time in these places right now. Which one is yours? A city keeps to its own summer "
    "time; a fixed {offset} never changes."
)
ZONE_PICK_EXPECTED = "one of these zones: {options} (or type another one, like Europe/London)"
ZONE_OFFSET_UNKNOWN = (
    'a time zone written as a city or Region/City, like Asia/Kolkata ("{given}" is an offset no place '
    "uses right now)"
)
ZONE_LOCATION_UNKNOWN = "a time zone typed as a city or Region/City (I couldn't find one at that location)"
FIXED_OFFSET_LABEL = "{offset} (fixed)"
ZONE_CHOICE_LABEL = "{place} · {offset}"
SHARE_LOCATION = "📍 Share location"
ZONE_NOW = (
    "It's {time} on {day} for you now ({zone}). If that's not right, send /settings zone with your city."
)
