"""What the community says: the code of conduct, gentle notices, and notification words.

Discreet members (``user.discreet``) get notifications and emails without relationship or
community words: someone glancing at a phone learns only that Nearer has something new.
"""

CONDUCT_VERSION = 1
CONDUCT = [
    (
        "Be kind, even when you disagree.",
        "Everyone here is going through something. Answer the person, gently, not the point.",
    ),
    (
        "Share your own experience, not verdicts.",
        "Say what helped you. Please don't diagnose anyone, or tell someone what their "
        "partner is or feels.",
    ),
    (
        "Keep what you read here, here.",
        "Don't copy posts elsewhere or try to work out who anyone is. No real names, "
        "places or photos of other people.",
    ),
    (
        "Protect yourself too.",
        "Your community name keeps you private. Share only what you're comfortable with.",
    ),
    (
        "Nothing for sale, nothing to recruit.",
        "No selling, advertising or asking people to contact you elsewhere.",
    ),
    (
        "If someone may be in danger, say so.",
        "Use “Let a moderator know” on any post. This group is not a crisis service: "
        "if you or someone else is at risk now, please reach out to the people on our "
        "“Too hard right now?” page.",
    ),
]
MODERATION_NOTE = (
    "Moderators may hold, hide or remove posts, and pause or remove members, to keep the "
    "group safe. Every step they take is written down."
)

# Notices shown after an action.
WELCOME = "Welcome to {group}. Read for a while first if you like — there's no rush."
WELCOME_BACK = "Good to see you again in {group}."
LEFT = (
    "You've left {group}. What you wrote stays, under your community name. "
    "You're welcome back any time."
)
POSTED = "Thank you for sharing this."
REPLIED = "Thank you for your reply."
HELD_NEW = (
    "Thank you. Because you're new here, a moderator reads your first few posts before "
    "others see them. It's usually quick, and you can see it on this page meanwhile."
)
HELD_CARE = (
    "Thank you for trusting the group with this. A moderator will read it first, so "
    "someone looks out for you before it's shared. You haven't done anything wrong."
)
NAME_CHANGED = "Your community name is now {name}."
SETTINGS_SAVED = "Your community choices are saved."
REPORTED = (
    "Thank you for letting us know. A moderator will look at it; you won't need to do "
    "anything else."
)

# When someone can't take part, and why, said plainly.
NOT_A_MEMBER = "Please join {group} to read and write here."
BANNED = (
    "You can no longer take part in {group}. If you think this is a mistake, please write "
    "to the people who run this Nearer."
)
SUSPENDED = "You're paused from writing in {group} until {until}. You're welcome to read meanwhile."
CLOSED = "This group is closed for now."
SLOW_DOWN = (
    "You've written a lot in the last hour. Please take a breather and try again in about "
    "{minutes} minutes — what you wrote is still in the box below."
)
ODD_PAGE = "That page link looked unusual, so here are the newest posts."
NOT_YOURSELF = "That's you — moderators can't take this step about themselves."

# Moderator notices to a member (in-app).
NOTE_TEXT = "A note from the moderators of {group}: {reason}"
NOTE_TEXT_DISCREET = "There's a note for you on Nearer."
REPLY_TEXT = "{name} replied to your post “{title}” in {group}."
REPLY_TEXT_DISCREET = "Something new is waiting for you on Nearer."

# The daily email.
DIGEST_SUBJECT = "New replies to your posts"
DIGEST_SUBJECT_DISCREET = "Something new on Nearer"


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
