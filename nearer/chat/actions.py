"""Changing Neighbor Chat state. Each action is atomic; news for open sockets goes out through
the channel layer after the commit (``nearer.chat.delivery``).

Saving a message (``post_message``) reads the member's words first, outside any lock (a slow
or failing reader holds no one up and loses no words), then is one short transaction of three
statements: raise the conversation's counter (an UPDATE, which takes the row's lock on
PostgreSQL; on SQLite the immediate transaction holds the write lock already), read the
conversation with what the participant check needs and any message already saved under the
client_id (one query), and insert the message with the new number (and, when the member's words
bring a safety finding, one more UPDATE keeps it on the conversation; so does a reader that
failed, marking the chat for the operators' review without a kind). A refusal or a repeated
client_id rolls the counter back. The caller acknowledges and delivers only after it returns, so
what was acknowledged is saved.
"""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connections, router, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from nearer.chat import delivery
from nearer.chat.models import (
    ChatBlock,
    ChatFeedback,
    ChatReport,
    Conversation,
    Listener,
    Message,
    Role,
)
from nearer.safety.notes import Reading, safe_read
from nearer.safety.reader import Finding

TOPIC_CHARS = 120
REPORT_EXCERPT = 30  # messages kept with a report for the moderators
# A request nobody took, or a chat nobody wrote in, ends after this long (purge_chat_history).
IDLE = timedelta(hours=24)


class ChatError(Exception):
    """Something that can't happen, with a code (the protocol's) and words to show."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class NotAllowed(ChatError):
    """The person is not (or no longer) a participant: a 404 page, a 4403 close."""

    def __init__(self, message: str = "This chat isn't open to you."):
        super().__init__("forbidden", message)


class Gone(ChatError):
    """The conversation no longer exists (deleted): a 404 page, a 4404 close."""

    def __init__(self):
        super().__init__("gone", "This chat has been deleted.")


EMPTY = "Your message is empty. Please write something first."
TOO_LONG = (
    "That message is too long to send in one go (the limit is about 4,000 letters). "
    "Could you split it into two or three messages?"
)
RATE_LIMITED = (
    "You're sending messages very quickly. Please pause for a few seconds, "
    "then send again — nothing you wrote is lost."
)
ENDED = "This chat has ended, so no more messages can be sent."
NOT_YET = "Your listener hasn't joined yet. You can write as soon as they do."
TOPIC_TOO_LONG = f"Please keep this to {TOPIC_CHARS} characters or fewer."
TAKEN = (
    "That chat is no longer waiting: another listener may have accepted it, or the member "
    "left. Thank you for being ready."
)
FULL = "You're already in {n} chats, your most at once. Please end one first."
AWAY = "You're set as away. Set yourself available to accept chats."
NOT_LISTENER = "The listener role is not active on your account."
STEPPED_AWAY = (
    "Your listener had to step away, so this chat has ended. "
    "You're welcome to ask for another chat."
)
QUIET = "This chat ended after a quiet day."

_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))  # keep tab and newline
_CONTROL[127] = None


def clean_body(body: object) -> str:
    """The text to save, or a ``ChatError`` saying what is wrong with it."""
    if not isinstance(body, str):
        raise ChatError("invalid", "A message must be text.")
    text = body.replace("\r\n", "\n").translate(_CONTROL).strip()
    if not text:
        raise ChatError("empty", EMPTY)
    if len(text.encode("utf-8")) > settings.NEARER_CHAT_MESSAGE_BYTES:
        raise ChatError("too_long", TOO_LONG)
    return text


def clean_client_id(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError) as e:
        raise ChatError(
            "invalid", "Each message needs a client_id: a random UUID chosen by the sender."
        ) from e


def within_rate(user) -> bool:
    """Count one message for ``user`` in the current window; False once over the limit.

    A fixed window in the Django cache "chat" (the shared Redis cache when REDIS_URL is set,
    so every process counts together; in memory otherwise, as chat is then one process): one
    counter per person per window, created on first use and gone when it expires.
    """
    cache = caches["chat"]
    seconds = max(1, settings.NEARER_CHAT_RATE_SECONDS)
    window = int(timezone.now().timestamp() // seconds)
    key = f"nearer:chat:rate:{user.pk}:{window}"
    try:
        count = cache.incr(key)  # the usual case: the window's counter exists
    except ValueError:
        if cache.add(key, 1, timeout=seconds + 1):
            return True  # the window's first message
        count = cache.incr(key)  # another process added it just now
    return count <= settings.NEARER_CHAT_RATE_MESSAGES


def _locked(conversation_id) -> Conversation:
    found = list(
        Conversation.objects.with_participants()
        .select_for_update(of=("self",))
        .filter(pk=conversation_id)
    )
    if not found:
        raise Gone()
    return found[0]


# --- the per-message path ----------------------------------------------------------------
# Saving a message first raises the conversation's counter (that UPDATE takes the row's lock
# on PostgreSQL; on SQLite the immediate transaction holds the write lock already), then reads
# the conversation with what the participant check needs and any message already saved with
# the client_id, in one query. The ORM compiles that query once per database (its SQL is the
# ORM's, right for SQLite and PostgreSQL alike) and it runs again with each message's values:
# compiling it costs about ten times running it.

_ROW = (
    "member_id",
    "member_pseudonym",
    "listener_id",
    "status",
    "last_seq",
    "member__is_active",
    "listener__pseudonym",
    "listener__is_active",
    "listener__user_id",
    "listener__user__is_active",
    "dup_seq",
)
_SOME_CONVERSATION = uuid.UUID(int=1)
_SOME_CLIENT_ID = uuid.UUID(int=2)
_compiled: dict[str, tuple[str, list]] = {}


class _Slot(str):
    """Where one of a message's values goes among the compiled query's parameters."""


def _row_query(alias: str) -> tuple[str, list]:
    """The SQL, and its parameters with a ``_Slot`` where each message's values go."""
    if alias not in _compiled:
        dup = Message.objects.filter(conversation=OuterRef("pk"), client_id=_SOME_CLIENT_ID)
        query = (
            Conversation.objects.using(alias)
            .filter(pk=_SOME_CONVERSATION)
            .annotate(dup_seq=Subquery(dup.order_by().values("seq")[:1]))
            .order_by()
            .values_list(*_ROW)
        )
        sql, params = query.query.get_compiler(alias).as_sql()
        connection = connections[alias]
        slots = {
            _prep_pk(_SOME_CONVERSATION, connection): _Slot("pk"),
            _prep_client_id(_SOME_CLIENT_ID, connection): _Slot("client_id"),
        }
        params = [slots.get(p, p) for p in params]
        assert sorted(p for p in params if isinstance(p, _Slot)) == ["client_id", "pk"]
        _compiled[alias] = (sql, params)
    return _compiled[alias]


def _prep_pk(value, connection):
    return Conversation._meta.pk.get_db_prep_value(value, connection)


def _prep_client_id(value, connection):
    return Message._meta.get_field("client_id").get_db_prep_value(value, connection)


def _partial(model, alias: str, **values):
    """An instance with only these fields loaded, as the ORM makes one from a row."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(alias, names, [values[name] for name in names])


def _read_for_message(conversation_id, client_id) -> tuple[Conversation, int | None]:
    """The conversation (its row already locked by the caller) with its member's and
    listener's state loaded for ``participant_role``; and the seq already saved under
    ``client_id`` (None if none). Raises Gone."""
    alias = router.db_for_write(Conversation)
    connection = connections[alias]
    sql, params = _row_query(alias)
    values = {
        "pk": _prep_pk(conversation_id, connection),
        "client_id": _prep_client_id(client_id, connection),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, [values[p] if isinstance(p, _Slot) else p for p in params])
        row = cursor.fetchone()
    if row is None:
        raise Gone()
    got = dict(zip(_ROW, row, strict=True))
    conversation = _partial(
        Conversation,
        alias,
        id=conversation_id,
        member_id=got["member_id"],
        member_pseudonym=got["member_pseudonym"],
        listener_id=got["listener_id"],
        status=got["status"],
        last_seq=got["last_seq"],
    )
    conversation.member = _partial(
        get_user_model(), alias, id=got["member_id"], is_active=bool(got["member__is_active"])
    )
    if got["listener_id"] is not None:
        listener = _partial(
            Listener,
            alias,
            id=got["listener_id"],
            user_id=got["listener__user_id"],
            pseudonym=got["listener__pseudonym"],
            is_active=bool(got["listener__is_active"]),
        )
        listener.user = _partial(
            get_user_model(),
            alias,
            id=got["listener__user_id"],
            is_active=bool(got["listener__user__is_active"]),
        )
        conversation.listener = listener
    return conversation, got["dup_seq"]


def participant_role(conversation: Conversation, user) -> str:
    """The user's role in the conversation, or "" if they have none now. ``conversation``
    must be freshly read ``with_participants()``: whether the accounts are active is the
    database's answer, not that of a ``user`` loaded when a socket opened."""
    if not user.is_authenticated:
        return ""
    if conversation.member_id == user.pk:
        return Role.MEMBER if conversation.member.is_active else ""
    listener = conversation.listener
    if listener is not None and listener.user_id == user.pk:
        return Role.LISTENER if listener.is_active and listener.user.is_active else ""
    return ""


def _add_message(conversation: Conversation, *, author: str, body: str, client_id=None, **extra):
    """Number and insert a message in the caller's transaction (the row must be locked)."""
    now = timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(
        last_seq=F("last_seq") + 1, last_activity_at=now
    )
    conversation.last_seq += 1
    conversation.last_activity_at = now
    return Message.objects.create(
        conversation=conversation,
        seq=conversation.last_seq,
        client_id=client_id or uuid.uuid4(),
        author=author,
        body=body,
        created_at=now,
        **extra,
    )


def _announce(conversation: Conversation, *messages: Message, status: bool = False) -> None:
    """After the commit: tell the sockets about new messages and a changed status."""

    def send() -> None:
        for message in messages:
            delivery.message_saved(message, conversation)
        if status:
            delivery.send(conversation.group_name, delivery.status_event(conversation))

    transaction.on_commit(send)


def _note_finding(conversation: Conversation, finding: Finding, *, now: datetime) -> None:
    """Keep the latest finding on the conversation (its row is locked by the caller): it
    decides the help each side is shown, and marks the chat for the operators' review."""
    values = {
        "concern": finding.kind,
        "concern_urgent": finding.urgent,
        "concern_at": now,
        "concern_reviewed": False,
    }
    Conversation.objects.filter(pk=conversation.pk).update(**values)
    for name, value in values.items():
        setattr(conversation, name, value)


def _note_unread(conversation: Conversation, *, now: datetime) -> None:
    """The reader failed on the member's words: mark the chat for the operators' review
    (``to_review``: when, and no kind), keeping any earlier finding as it was."""
    values = {"concern_at": now, "concern_reviewed": False}
    Conversation.objects.filter(pk=conversation.pk).update(**values)
    for name, value in values.items():
        setattr(conversation, name, value)


def request_chat(*, member, topic: str = "") -> Conversation:
    """Join the queue, or return the member's chat already waiting or under way. The topic is
    read like a message, before any lock: danger in it brings the care card and the refer
    prompt at once; a reader that fails marks the chat for the operators' review."""
    topic = " ".join((topic or "").split())
    if len(topic) > TOPIC_CHARS:
        raise ChatError("invalid", TOPIC_TOO_LONG)
    reading = safe_read(topic) if topic else Reading()
    return _open_request(member=member, topic=topic, reading=reading)


@transaction.atomic
def _open_request(*, member, topic: str, reading: Reading) -> Conversation:
    # One request at a time per member: their row lock makes a double click harmless.
    get_user_model().objects.select_for_update().filter(pk=member.pk).exists()
    existing = Conversation.objects.of_member(member).open().first()
    if existing is not None:
        return existing
    finding = reading.finding
    if finding is None:
        unread = {"concern_at": timezone.now()} if reading.failed else {}
        return Conversation.objects.create(member=member, topic=topic, **unread)
    return Conversation.objects.create(
        member=member,
        topic=topic,
        concern=finding.kind,
        concern_urgent=finding.urgent,
        concern_at=timezone.now(),
    )


@transaction.atomic
def accept_chat(*, listener: Listener, conversation: Conversation) -> Conversation:
    """The listener takes a waiting request, within their number of chats at once."""
    # The listener's row lock: two accepts by one listener count their chats one at a time.
    listener = Listener.objects.select_for_update().select_related("user").get(pk=listener.pk)
    if not listener.is_active or not listener.user.is_active:
        raise NotAllowed(NOT_LISTENER)
    if not listener.is_available:
        raise ChatError("invalid", AWAY)
    locked = _locked(conversation.pk)
    if not Conversation.objects.queue_for(listener).filter(pk=locked.pk).exists():
        # Taken, left, or not theirs to take (their own, their partner's, blocked): one answer.
        raise ChatError("invalid", TAKEN)
    holding = Conversation.objects.active().filter(listener=listener).count()
    if holding >= listener.max_chats:
        raise ChatError("invalid", FULL.format(n=listener.max_chats))
    locked.listener = listener
    locked.status = Conversation.Status.ACTIVE
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["listener", "status", "accepted_at"])
    joined = _add_message(
        locked,
        author=Role.SYSTEM,
        body=f"{listener.pseudonym} has joined. There's no rush: start whenever you're ready.",
    )
    _announce(locked, joined, status=True)
    return locked


def post_message(*, conversation: Conversation, user, client_id, body) -> tuple[Message, bool]:
    """Save a message (True) or return the one already saved with this client_id (False).

    Raises ``ChatError`` (empty, too long, not yet active, ended), ``NotAllowed`` when the
    user is not a participant any more, and ``Gone`` when the conversation was deleted.
    The caller delivers the message (``delivery.message_saved``) after this returns.
    """
    reading = _member_reading(conversation, user, body)
    return _post_message(
        conversation=conversation, user=user, client_id=client_id, body=body, reading=reading
    )


def _member_reading(conversation: Conversation, user, body) -> Reading:
    """The member's words read before the row's lock is taken; never the listener's. Words
    that can't be saved are not read: the transaction refuses them in its turn."""
    if getattr(user, "pk", None) != conversation.member_id:
        return Reading()
    try:
        text = clean_body(body)
    except ChatError:
        return Reading()
    return safe_read(text)


@transaction.atomic
def _post_message(
    *, conversation: Conversation, user, client_id, body, reading: Reading
) -> tuple[Message, bool]:
    try:
        parsed = clean_client_id(client_id)
    except ChatError:
        parsed = None  # refused below, once the sender is known to be a participant
    now = timezone.now()
    # The next number, and the row's lock. Any refusal below raises, which gives it back.
    numbered = Conversation.objects.filter(pk=conversation.pk).update(
        last_seq=F("last_seq") + 1, last_activity_at=now
    )
    if not numbered:
        raise Gone()
    locked, dup_seq = _read_for_message(conversation.pk, parsed)
    role = participant_role(locked, user)
    if not role:
        raise NotAllowed()
    client_id = clean_client_id(client_id)
    if dup_seq is not None:
        existing = Message.objects.get(conversation=locked, seq=dup_seq)
        transaction.set_rollback(True)  # nothing new was saved: give the number back
        return existing, False
    text = clean_body(body)
    if locked.is_ended:
        raise ChatError("ended", ENDED)
    if locked.is_waiting:
        raise ChatError("invalid", NOT_YET)
    # Only the member's words count: never the listener's.
    member = role == Role.MEMBER
    finding = reading.finding if member else None
    message = Message.objects.create(
        conversation=locked,
        seq=locked.last_seq,
        client_id=client_id,
        author=role,
        body=text,
        concern=finding.kind if finding else "",
        created_at=now,
    )
    if finding is not None:
        _note_finding(locked, finding, now=now)
    elif member and reading.failed:
        _note_unread(locked, now=now)
    return message, True


def send_message(*, conversation: Conversation, user, client_id, body) -> tuple[Message, bool]:
    """``post_message`` behind the sender's rate limit: the one way the socket and the form
    save what someone writes. Over the limit, a resend of an already saved message is still
    acknowledged (it costs nothing and loses nothing); anything new is refused for now."""
    if within_rate(user):
        return post_message(conversation=conversation, user=user, client_id=client_id, body=body)
    found = Conversation.objects.with_participants().filter(pk=conversation.pk).first()
    if found is None:
        raise Gone()
    if not participant_role(found, user):
        raise NotAllowed()
    try:
        existing = Message.objects.filter(
            conversation=found, client_id=uuid.UUID(str(client_id))
        ).first()
    except ValueError:
        existing = None
    if existing is not None:
        return existing, False
    raise ChatError("rate_limited", RATE_LIMITED)


def _end(locked: Conversation, *, by: str, note: str) -> Message | None:
    was_active = locked.is_active
    locked.status = Conversation.Status.ENDED
    locked.ended_at = timezone.now()
    locked.ended_by = by
    locked.save(update_fields=["status", "ended_at", "ended_by"])
    if not was_active:
        return None  # a request nobody took: nothing to say in a transcript
    return _add_message(locked, author=Role.SYSTEM, body=note)


def _ended_note(locked: Conversation, by: str) -> str:
    if by == Role.MEMBER:
        return f"{locked.member_pseudonym} ended the chat."
    if by == Role.LISTENER:
        return f"{locked.name_for(Role.LISTENER)} ended the chat."
    return "This chat has ended."


@transaction.atomic
def end_chat(*, conversation: Conversation, user) -> Conversation:
    """Either side ends the chat (a member ending a waiting request leaves the queue)."""
    locked = _locked(conversation.pk)
    role = participant_role(locked, user)
    if not role:
        raise NotAllowed()
    if locked.is_ended:
        return locked
    note = _end(locked, by=role, note=_ended_note(locked, role))
    _announce(locked, *([note] if note else []), status=True)
    return locked


def _excerpt(conversation: Conversation) -> str:
    recent = list(conversation.messages.order_by("-seq")[:REPORT_EXCERPT])
    lines = [
        f"#{m.seq} {m.created_at:%Y-%m-%d %H:%M} {conversation.name_for(m.author)} "
        f"({m.author}): {m.body}"
        for m in reversed(recent)
    ]
    return "\n".join(lines)


@transaction.atomic
def report_and_block(
    *, conversation: Conversation, user, reason: str, details: str = ""
) -> ChatReport:
    """In one step: a report for the moderators, a block so the two are never matched again,
    and the end of the chat."""
    locked = _locked(conversation.pk)
    role = participant_role(locked, user)
    if not role or locked.listener_id is None:
        raise NotAllowed()
    if reason not in ChatReport.Reason.values:
        raise ChatError("invalid", "Please choose what happened.")
    report = ChatReport.objects.create(
        conversation=locked,
        reported_by=role,
        member_id=locked.member_id,
        member_pseudonym=locked.member_pseudonym,
        listener=locked.listener,
        reason=reason,
        details=(details or "").strip()[:1000],
        excerpt=_excerpt(locked),
    )
    ChatBlock.objects.get_or_create(
        member_id=locked.member_id, listener=locked.listener, defaults={"blocked_by": role}
    )
    if not locked.is_ended:
        note = _end(locked, by=role, note="This chat has ended.")
        _announce(locked, *([note] if note else []), status=True)
    return report


@transaction.atomic
def leave_feedback(
    *, conversation: Conversation, member, rating: int | None, words: str
) -> ChatFeedback:
    conversation = _locked(conversation.pk)
    if conversation.member_id != member.pk:
        raise NotAllowed()
    if not conversation.is_ended or conversation.listener_id is None:
        raise ChatError("invalid", "Feedback opens once a chat with a listener has ended.")
    feedback, _ = ChatFeedback.objects.update_or_create(
        conversation=conversation,
        defaults={"rating": rating, "words": (words or "").strip()[:1000]},
    )
    return feedback


def _delete(conversations) -> int:
    """Delete conversations (messages and feedback go with them) and close their sockets."""
    ids = list(conversations.values_list("pk", flat=True))
    if not ids:
        return 0
    Conversation.objects.filter(pk__in=ids).delete()

    def close() -> None:
        for pk in ids:
            delivery.send(delivery.group_for(pk), delivery.gone_event())

    transaction.on_commit(close)
    return len(ids)


@transaction.atomic
def delete_history(*, member, conversation: Conversation | None = None) -> int:
    """The member deletes one of their conversations, or all of them, at any time: the
    listener's copy is the same rows, so it goes too. Returns how many were deleted."""
    mine = Conversation.objects.of_member(member)
    if conversation is not None:
        mine = mine.filter(pk=conversation.pk)
    return _delete(mine)


@transaction.atomic
def set_available(*, listener: Listener, available: bool) -> Listener:
    Listener.objects.filter(pk=listener.pk).update(is_available=available)
    listener.is_available = available
    return listener


@transaction.atomic
def end_listener_chats(*, listener: Listener) -> int:
    """When an operator ends someone's listener role: their open chats end at once."""
    ended = 0
    for pk in Conversation.objects.active().filter(listener=listener).values_list("pk", flat=True):
        locked = _locked(pk)
        if locked.is_ended:
            continue
        note = _end(locked, by=Role.SYSTEM, note=STEPPED_AWAY)
        _announce(locked, *([note] if note else []), status=True)
        ended += 1
    return ended


def purge_history(*, now: datetime) -> tuple[int, int]:
    """End chats left idle (a request nobody took, a chat nobody wrote in) for a day, and
    chats whose listener's account is gone; then delete ended chats older than the retention
    period. Returns (ended, deleted). Safe to run any number of times, anywhere at once."""
    ended = 0
    idle = Q(last_activity_at__lt=now - IDLE)
    orphaned = Q(status=Conversation.Status.ACTIVE, listener__isnull=True)
    for pk in Conversation.objects.open().filter(idle | orphaned).values_list("pk", flat=True):
        with transaction.atomic():
            locked = Conversation.objects.select_for_update().filter(pk=pk).first()
            if locked is None or locked.is_ended:
                continue
            quiet = locked.last_activity_at < now - IDLE
            if not quiet and not (locked.is_active and locked.listener_id is None):
                continue
            note = _end(locked, by=Role.SYSTEM, note=QUIET if quiet else STEPPED_AWAY)
            _announce(locked, *([note] if note else []), status=True)
            ended += 1
    cutoff = now - timedelta(days=settings.NEARER_CHAT_RETENTION_DAYS)
    with transaction.atomic():
        deleted = _delete(Conversation.objects.ended().filter(ended_at__lt=cutoff))
    return ended, deleted
