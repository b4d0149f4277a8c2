"""Running clubs: set-up, joining, the daily club post and the weekly digest (adherence only, never pain)."""

USAGE = (
    "Club commands (group admins):\n"
    "- /club start <programme or share code> time 18:30 zone Europe/London days mon,wed,fri "
    "digest sun leaderboard off\n"
    "- /club settings time 07:00 (any of time, zone, days, digest, leaderboard)\n"
    "- /club pause, /club resume, /club stop\n"
    "- /club upload, with a programme YAML file attached (see `coachbot programme show`); /club share <id>\n"
    "Programmes: {programmes}"
)
START_EXPECTED = (
    "a programme and settings written like /club start calf-strength-12w time 18:30 zone Europe/London"
)
SETTINGS_EXPECTED = "settings written like /club settings time 07:00 zone Europe/London days mon,wed,fri"
UNKNOWN_PROGRAMME = "I don't know the programme {given!r}. Use one of: {programmes}, or a share code."
LEADERBOARD_EXPECTED = "leaderboard on or off"
DIGEST_EXPECTED = "one day of the week for the digest, like sun"
STARTED = (
    "**{title}** is now this group's club programme.\n"
    "- Club post: {time} ({zone}) on {days}\n"
    "- Weekly digest: {digest}; leaderboard {leaderboard}\n"
    "Everyone follows the same programme with their own dose, adjusted privately to how their calf "
    "responds. The group only ever sees who trained, never how anyone's calf feels."
)
SUMMARY = (
    "**{title}** ({state}): club post at {time} ({zone}) on {days}; weekly digest on {digest}; "
    "leaderboard {leaderboard}. Join code: {code}"
)
NO_POST_DAYS = (
    "Note: the programme's first phase trains on {days}, none of them a club day, so no club post will "
    "come. Change the days with /club settings days mon,wed,fri (for example)."
)
STATE_LABELS = {"active": "running", "paused": "paused", "stopped": "stopped"}
ON, OFF = "on", "off"
NO_CLUB = "This group has no club programme yet. {usage}"
ALREADY = "This group already runs **{title}**. Use /club settings to change it, or /club stop first."
PAUSED = "Club posts are paused. /club resume brings them back; members' own plans carry on."
RESUMED = "Club posts are back on."
STOPPED = "The club programme has stopped. Members keep their own plans and history."
JOIN = "Join"
JOIN_INVITE = (
    "Tap **Join** to follow **{title}** with the club: a few private questions first, then your own plan."
)

JOINED = (
    "Welcome to the club! You follow **{title}** at your own pace: your doses and check-ins stay between "
    "you and me. The club sees only whether you trained."
)
JOINED_WITH_PLAN = (
    "You're now in the club, and you keep your own plan (**{title}**) and its progress. The club sees "
    "only whether you trained."
)
ALREADY_MEMBER = "You're already in this club."
CLUB_GONE = "That club link no longer works: the club has stopped or the code is wrong."
ASK_LEADERBOARD = "Shall I show your first name and sessions done on the club's weekly leaderboard?"
LEADERBOARD_YES = "Show me"
LEADERBOARD_NO = "Keep me off"
LEADERBOARD_ON = "You're on the club leaderboard (sessions only). Change it any time with the buttons again."
LEADERBOARD_OFF = "You're off the club leaderboard."
LEFT = "You've left the club; your own plan carries on."

POST_HEADER = "**{title}** — club session, {date} (base level)"
POST_FOOTER = "Your own dose is in our private chat. Tap **Done** when you've trained."
POST_REST = "**{title}** — no club session today, {date}. Rest well."
DONE = "Done ✓"

DIGEST_HEADER = "**Weekly club digest** — {title}"
DIGEST_TOTALS = "{active} of {members} members trained this week: {sessions} sessions in all."
DIGEST_NEW = "New this week: {count} joined. Welcome!"
DIGEST_LEADERBOARD = "Leaderboard (members who opted in):"
DIGEST_ENTRY = "- {name}: {sessions} sessions, streak {streak}"
DIGEST_NUDGE = "Small, regular sessions build calf capacity. See you at the next club post!"
DIGEST_EMPTY = "No members yet: tap **Join** on a club post to take part."

UPLOAD_MISSING = "Attach the programme's YAML file to the /club upload message (as a file, up to 256 KiB)."
UPLOAD_TOO_LARGE = "That file is {size} KiB; programme files may be at most 256 KiB."
UPLOAD_NOT_TEXT = "That file is not UTF-8 text; a programme is a YAML text file."
UPLOAD_PROBLEMS = "I can't use this programme yet. Please fix:\n{problems}"
UPLOAD_MORE = "- …and {count} more"
UPLOAD_ID_TAKEN = "Another group already uses the programme id {id!r}: please choose another id."
UPLOAD_VERSION = "Version {version} of {id!r} is stored already: raise `version` in the file to replace it."
UPLOAD_SAVED = (
    "Saved **{title}** ({id}, version {version}) for this group. Start it with /club start {id}, or let "
    "other groups use it with /club share {id}."
)
SHARE_UNKNOWN = "This group has no uploaded programme {id!r}; shipped programmes are shared already."
SHARED = (
    "**{title}** is shared: anyone can start it with /start {code}, and any club with /club start {code}."
)
