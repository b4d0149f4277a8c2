"""What the bot says in a group when someone there needs a private answer (CLINICAL A10), and Discord's
/tell. None of it may carry any health detail: the group only learns that a private message exists."""

SENT_PRIVATELY = "I've sent you a private message, {person}."
READ_PRIVATELY = "I have a private message for you, {person}: tap below to read it in our private chat."
PRIVATE_CHAT_CLOSED = (
    "I couldn't send you a private message, {person}. Tap below to open our private chat and read it there."
)
DMS_REFUSED = (
    "I couldn't send you a direct message, {person}. Allow direct messages from this server's members "
    "(server menu → Privacy Settings), or tap **Read it here** and only you will see it."
)
READ_HERE = "Read it here"
NOTHING_KEPT = "There's no message waiting for you."
SOMEONE = "friend"  # how a mention reads where the platform does not know the person's name

TELL = "tell"
TELL_DESCRIPTION = "Tell me something in your own words (only you see my answer)"
TELL_OPTION = "What you want to tell me"
