"""Seed Neighbor Chat conversations, and read them back, in a database of a run's own.

Used in-process by `make bench-chat` (bench/chat.py) and as a subprocess by the chat process
tests, whose own Django points at pytest's test database, not at the servers' one:

    python -m bench.chat_seed prepare [--static] [--conversations N]  # migrate (and seed)
    python -m bench.chat_seed seed --conversations 2 [--per-listener 1]
    python -m bench.chat_seed people                   # a member and an away listener, no chat
    python -m bench.chat_seed transcript <conversation uuid>
    python -m bench.chat_seed stored

Each prints JSON on stdout. Members and listeners get unusable passwords (no hashing) and a
session written straight into the session store, so a client is logged in by its cookie.
Every conversation goes through the chat's own actions: requested, then accepted.
"""

import argparse
import json
import secrets
import sys
from importlib import import_module

BENCH_TOPIC = "a bench conversation"


def log_in(user) -> str:
    """A session key that logs ``user`` in, as django.contrib.auth.login would store it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def make_user(email: str, name: str):
    """A verified member who can only log in by a session (no password to hash)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from nearer.accounts.models import User

    user = User.objects.create(email=email, display_name=name, password=make_password(None))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_listener(n: int, tag: str, *, available: bool = True, max_chats: int = 3):
    from nearer.chat.models import Listener

    user = make_user(f"listener-{n}-{tag}@example.com", f"Listener Person {n} {tag}")
    return Listener.objects.create(
        user=user,
        pseudonym=f"Listener {n}",
        is_active=True,
        is_available=available,
        max_chats=max_chats,
    )


def seed(*, conversations: int, per_listener: int = 1) -> list[dict]:
    """``conversations`` accepted conversations, each with its own member; a listener takes
    ``per_listener`` of them. Returns, for each, its id and both sides' session keys."""
    from django.db import transaction

    from nearer.chat.actions import accept_chat, request_chat

    tag = secrets.token_hex(3)  # seeding twice in one database makes new people
    listeners_needed = -(-conversations // per_listener)
    with transaction.atomic():
        listeners = [
            make_listener(n, tag, max_chats=max(per_listener, 1))
            for n in range(1, listeners_needed + 1)
        ]
        members = [
            make_user(f"member-{n}-{tag}@example.com", f"Member Person {n} {tag}")
            for n in range(1, conversations + 1)
        ]
    listener_sessions = {listener.pk: log_in(listener.user) for listener in listeners}
    seeded = []
    for n, member in enumerate(members):
        listener = listeners[n // per_listener]
        conversation = request_chat(member=member, topic=BENCH_TOPIC)
        conversation = accept_chat(listener=listener, conversation=conversation)
        seeded.append(
            {
                "id": str(conversation.pk),
                "member_session": log_in(member),
                "listener_session": listener_sessions[listener.pk],
                "member_email": member.email,
                "member_name": member.display_name,
                "member_pseudonym": conversation.member_pseudonym,
                "listener_pseudonym": listener.pseudonym,
            }
        )
    return seeded


def people() -> dict:
    """A member and an active listener who is away, each logged in; no conversation yet."""
    tag = secrets.token_hex(3)
    member = make_user(f"member-{tag}@example.com", f"Rosalind {tag}")
    listener = make_listener(1, tag, available=False)
    return {
        "member_session": log_in(member),
        "member_email": member.email,
        "member_name": member.display_name,
        "listener_session": log_in(listener.user),
        "listener_pseudonym": listener.pseudonym,
    }


def prepare(*, static: bool, conversations: int = 0) -> list[dict]:
    """Migrate, make the cache table, collect static files if asked, and seed
    ``conversations`` (all in one process: Django starts once)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)
    return seed(conversations=conversations) if conversations else []


def transcript(conversation_id: str) -> list[dict]:
    """Every saved message of a conversation, in seq order, straight from the database."""
    from nearer.chat.models import Message

    rows = Message.objects.filter(conversation_id=conversation_id).order_by("seq")
    return [
        {"seq": m.seq, "client_id": str(m.client_id), "author": m.author, "body": m.body}
        for m in rows
    ]


def stored() -> list[list]:
    """Every saved message: [conversation id, client id, seq], for the bench's final check."""
    from nearer.chat.models import Message

    rows = Message.objects.order_by("conversation_id", "seq")
    return [
        [str(c), str(cid), seq]
        for c, cid, seq in rows.values_list("conversation_id", "client_id", "seq")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    preparing = commands.add_parser("prepare")
    preparing.add_argument("--static", action="store_true", help="collect static files too")
    preparing.add_argument("--conversations", type=int, default=0, help="then seed these")
    seeding = commands.add_parser("seed")
    seeding.add_argument("--conversations", type=int, default=1)
    seeding.add_argument("--per-listener", type=int, default=1)
    commands.add_parser("people")
    reading = commands.add_parser("transcript")
    reading.add_argument("conversation")
    commands.add_parser("stored")
    args = parser.parse_args(argv)

    import django

    django.setup()
    result: object
    if args.command == "prepare":
        result = prepare(static=args.static, conversations=args.conversations)
    elif args.command == "seed":
        result = seed(conversations=args.conversations, per_listener=args.per_listener)
    elif args.command == "people":
        result = people()
    elif args.command == "transcript":
        result = transcript(args.conversation)
    else:
        result = stored()
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
