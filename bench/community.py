"""`python -m bench.community`: a Community Group with 100,000 posts, read through the real server.

1. A SQLite database of its own in var/bench-community (never var/nearer.sqlite3): migrated,
   then seeded with bulk_create in batches: one group ("New parents", from the community's
   data migration) with 100,000 posts by 1,500 members over three years, their replies and
   reactions (counters on the rows match the rows), a few hundred hidden or held posts, a
   few open reports, and the bench member, who has joined, accepted the code of conduct and
   has one held and one hidden post of their own. One recent thread, the one measured, has
   200 replies (several pages of the app's REPLIES_PER_PAGE), a few hidden or held, some with
   the bench member's reactions. Bodies are made the way the app makes them
   (``markup.render``), once per distinct text. A later run reuses the database while it is
   still valid (same seed, same community migrations, same markup output); ``--rebuild``
   starts afresh.
2. Each page is fetched once in this process with Django's test client to count its
   queries and check their plans (``--explain`` prints every plan; a scan or a sort in a
   temporary b-tree is always shown).
3. The production server, as `make bench` starts it (bench.run.server: uvicorn, 2 workers,
   uvloop, httptools), a real login with the CSRF token, then wrk on loopback: interleaved
   rounds of fixed length at 2 connections (one per worker, if uvicorn spreads them; which
   it did is printed beside each figure), for the group page, the group page 500 pages back
   (a keyset cursor), and the measured thread; then each page once with 1 connection. The
   1-minute load average (what `uptime` shows) is written beside every figure.

Prints p50/p99 for each page and the lines
``COMMUNITY group_p99_ms=… deep_p99_ms=… thread_p99_ms=… posts=100000 …`` (2 connections,
medians of the rounds) and ``COMMUNITY_ALONE …`` (1 connection). Goal: p99 ≤ 50 ms.
Results also go to var/bench-community/results.json.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.run import (
    ROOT,
    Client,
    Target,
    bench_environment,
    machine,
    manage,
    measure,
    measure_spread,
    server,
    step,
    wait_for_quiet,
)

SEED_VERSION = 1
GROUP_SLUG = "new-parents"
BENCH_EMAIL = "community-bench@example.com"
BENCH_PASSWORD = "soft-lantern-morning-27"  # noqa: S105 (a bench-only login, printed on purpose)
BENCH_NAME = "Quiet Harbour"
GOAL_P99_MS = 50
BATCH = 5_000  # posts per batch, with their replies and reactions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=1_500, help="who wrote the posts")
    parser.add_argument("--thread-replies", type=int, default=200, help="in the measured thread")
    parser.add_argument("--deep-page", type=int, default=500, help="the group page far back")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each, interleaved")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up for each page")
    parser.add_argument(
        "--connections",
        type=int,
        default=2,
        help="2: one per server worker, when the kernel spreads them so (shown as 1+1)",
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "bench-community")
    parser.add_argument("--rebuild", action="store_true", help="seed afresh even if still valid")
    parser.add_argument("--explain", action="store_true", help="print every query and its plan")
    parser.add_argument("--seed-only", action="store_true", help="prepare the database, then stop")
    parser.add_argument(
        "--strict", action="store_true", help=f"exit 1 when a p99 is over {GOAL_P99_MS} ms"
    )
    parser.add_argument(
        "--quiet-wait",
        type=int,
        default=0,
        metavar="SECONDS",
        help="first wait up to this long for the load average to fall below --quiet-load",
    )
    parser.add_argument("--quiet-load", type=float, default=0.5)
    args = parser.parse_args()
    if args.data_dir.resolve() == (ROOT / "var").resolve():
        raise SystemExit("Please give the bench a directory of its own, not var/.")

    started = time.monotonic()
    env = bench_environment(args.data_dir)
    os.environ.update(env)
    import django

    django.setup()
    results: dict = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_before": load(),
    }
    results["seed_seconds"] = prepare(env, args)
    if args.seed_only:
        return 0
    bench = bench_objects(args)
    results["queries"] = count_queries(bench, explain=args.explain)
    if args.quiet_wait:
        wait_for_load(args.quiet_load, args.quiet_wait)
    with server(env, args.data_dir) as (base, _pid):
        client = Client(base)
        client.log_in(BENCH_EMAIL, BENCH_PASSWORD)
        targets = make_targets(client, base, bench)
        results.update(measure_all(args, targets))
    results.update(
        machine=machine(),
        posts=args.posts,
        thread_replies=args.thread_replies,
        deep_page=args.deep_page,
        connections=args.connections,
        duration=args.duration,
        total_seconds=round(time.monotonic() - started, 1),
    )
    (args.data_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    met = report(results)
    return 1 if args.strict and not met else 0


def load() -> float:
    """The 1-minute load average, as `uptime` shows it."""
    return round(os.getloadavg()[0], 2)


def wait_for_load(below: float, seconds: int) -> None:
    step(f"waiting up to {seconds} s for the load average to fall below {below}")
    deadline = time.monotonic() + seconds
    while load() >= below and time.monotonic() < deadline:
        time.sleep(5)
    print(f"load average (1 min) is {load():.2f}", flush=True)


# -- the database ----------------------------------------------------------------------------


def prepare(env: dict[str, str], args: argparse.Namespace) -> float | None:
    """Reuse the seeded database when it is still valid; otherwise make and seed a new one.
    Returns the seconds seeding took (None when reused)."""
    marker = args.data_dir / "seed.json"
    why = None if not args.rebuild else "--rebuild"
    if why is None:
        why = still_valid(marker, args)
    if why is None:
        step(f"reusing the seeded database in {args.data_dir} (--rebuild to start afresh)")
        manage(env, "migrate", "--noinput", "--verbosity", "0")  # other apps' new migrations
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        return None
    step(f"a fresh database in {args.data_dir} ({why})")
    from django.db import connection

    connection.close()
    for name in ("nearer.sqlite3", "nearer.sqlite3-wal", "nearer.sqlite3-shm", "seed.json"):
        (args.data_dir / name).unlink(missing_ok=True)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    started = time.monotonic()
    counts = Seeder(args).run()
    seconds = round(time.monotonic() - started, 1)
    print(f"seeding took {seconds:.1f} s: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    marker.write_text(
        json.dumps(
            {
                "version": SEED_VERSION,
                "posts": args.posts,
                "members": args.members,
                "thread_replies": args.thread_replies,
                "community_migrations": community_migrations(),
                "markup": markup_fingerprint(),
                "counts": counts,
                "seed_seconds": seconds,
            },
            indent=2,
        )
        + "\n"
    )
    return seconds


def community_migrations() -> list[str]:
    """The community app's migrations, applied or not: a new one means a new database."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return sorted(name for app, name in loader.disk_migrations if app == "community")


def markup_fingerprint() -> str:
    """What the app's markup makes of a few sample texts: stored bodies are made by it."""
    import hashlib

    from nearer.community import markup

    made = [markup.render(text) for text in make_bodies(random.Random(7), 20) + REPLY_TEXTS]
    return hashlib.sha256("\n".join(made).encode()).hexdigest()[:16]


def still_valid(marker: Path, args: argparse.Namespace) -> str | None:
    """None when the seeded database can be reused, else why not."""
    if not (args.data_dir / "nearer.sqlite3").exists() or not marker.exists():
        return "none seeded yet"
    try:
        seeded = json.loads(marker.read_text())
    except ValueError:
        return "its seed.json is unreadable"
    wanted = {
        "version": SEED_VERSION,
        "posts": args.posts,
        "members": args.members,
        "thread_replies": args.thread_replies,
    }
    for key, value in wanted.items():
        if seeded.get(key) != value:
            return f"it was seeded with {key}={seeded.get(key)}, not {value}"
    if seeded.get("community_migrations") != community_migrations():
        return "the community's migrations have changed"
    if seeded.get("markup") != markup_fingerprint():
        return "the app now turns words into HTML differently"
    from django.db import DatabaseError, connection

    from nearer.community.models import Post

    try:
        found = Post.objects.filter(group__slug=GROUP_SLUG).count()
    except DatabaseError as e:
        return f"it can't be read ({e})"
    finally:
        connection.close()
    if found != seeded.get("counts", {}).get("posts"):
        return f"it holds {found:,} posts, not the {seeded.get('counts', {}).get('posts')} seeded"
    return None


# What people write about. Bodies are made from these, a few hundred distinct ones, each
# rendered once by the app's own markup.
OPENINGS = [
    "Small win tonight:",
    "Does anyone else",
    "What helped you",
    "A question about",
    "Trying again with",
    "Finally managed",
    "Struggling a little with",
    "Ideas for",
    "How do you find time for",
    "Grateful for",
    "Slowly getting better at",
    "Any tips on",
    "One thing that worked:",
    "Feeling far apart during",
    "Ten minutes of",
]
TOPICS = [
    "the night feeds",
    "a proper conversation",
    "date nights at home",
    "saying thank you more",
    "the 6 pm meltdown hour",
    "sharing the mental load",
    "our first walk without the pram",
    "being touched out",
    "talking after bedtime",
    "the weekend routine",
    "asking for help",
    "sleeping in shifts",
    "making up after a snappy morning",
    "visits from family",
    "going back to work",
    "the check-in question",
    "tea on the back step",
    "laughing together again",
    "a phone-free dinner",
    "the long evenings",
]
SENTENCES = [
    "We've been trying the daily check-in question after the baby goes down.",
    "Some nights it's two minutes, some nights it turns into an hour.",
    "Honestly, most evenings we're both too tired to say much at all.",
    "What surprised me is how much a small thank you changes the mood.",
    "My partner took the early shift on Saturday so I could sleep, and I told them it mattered.",
    "I keep forgetting that we're on the same team when it's 3 am.",
    "We wrote the plan on the fridge so neither of us has to remember it.",
    "It isn't perfect, but it's better than it was a month ago.",
    "Has anyone found a way to talk that doesn't turn into logistics?",
    "We tried a walk round the block together while my mum watched the little one.",
    "Ten minutes felt short, but we came back smiling.",
    "I noticed I was keeping score, and that wasn't helping either of us.",
    "The pause practice has helped when voices start to rise.",
    "We agreed on a word that means 'I need a minute, not a fight'.",
    "Some days the best we manage is a hug in the kitchen, and that counts.",
    "I'd love to hear what small rituals have kept you close.",
    "Our health visitor suggested we name one good thing each day.",
    "Bedtime is chaos, so we moved our time together to breakfast.",
    "It's strange how lonely you can feel in a full house.",
    "Thank you all for the ideas last week: the phone basket is working.",
    "We're learning to ask rather than guess what the other needs.",
    "I'm not sure we're doing it right, but we're doing it together.",
]
LIST_ITEMS = [
    "a cup of tea before anything else",
    "one question each, no problem-solving",
    "phones in the basket",
    "a short walk when we can",
    "saying one thing we appreciated",
    "taking turns with the early shift",
]
REPLY_TEXTS = [
    "This really helped, thank you for sharing.",
    "Me too. The evenings are the hardest part for us.",
    "We do something similar with a note on the fridge. It *does* get easier.",
    "Ten minutes counts. Really.",
    "Have you tried swapping the early shift on weekends? It gave us a bit of space.",
    "Thank you for writing this. I thought it was just us.",
    "> some nights it's two minutes\n\nSame here, and those two minutes still matter.",
    "We started with one question at breakfast. Small is enough.",
    "Sending you both a lot of warmth.",
    "**This.** Naming one good thing each day changed a lot for us.",
    "It took us a while too. Be gentle with yourselves.",
    "We found the pause practice useful when things got tense.",
    "What worked for us:\n\n- a phone-free dinner twice a week\n- a walk on Sunday",
    "I'm saving this for the next hard evening.",
    "Thank you, I needed to read this tonight.",
]
NAME_WORDS = [
    "Quiet",
    "River",
    "Harbour",
    "Maple",
    "Willow",
    "Lantern",
    "Meadow",
    "Cedar",
    "Morning",
    "Ember",
    "Tide",
    "Sparrow",
    "Juniper",
    "Hollow",
    "Birch",
    "Pebble",
    "Fern",
    "Cloud",
    "Linen",
    "Orchard",
]


def make_bodies(rng: random.Random, count: int) -> list[str]:
    bodies = []
    for n in range(count):
        paragraphs = []
        for _ in range(rng.randint(1, 3)):
            paragraphs.append(" ".join(rng.sample(SENTENCES, rng.randint(2, 4))))
        if n % 5 == 0:
            paragraphs.append("\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, 3)))
        if n % 7 == 0:
            paragraphs[0] = paragraphs[0].replace("small", "*small*", 1)
        if n % 11 == 0:
            paragraphs.append("There's a [gentle guide](https://example.org/closeness) I liked.")
        if n % 13 == 0:
            paragraphs.insert(0, "> " + rng.choice(SENTENCES))
        bodies.append("\n\n".join(paragraphs))
    return bodies


class Seeder:
    """Seeds one group with ``args.posts`` posts and everything around them, in batches."""

    def __init__(self, args: argparse.Namespace) -> None:
        from nearer.community import markup

        self.args = args
        self.rng = random.Random(7)  # the same database every time
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.start = self.now - timedelta(days=3 * 365)
        self.markup = markup
        bodies = make_bodies(self.rng, 300)
        # The app's own markup, once per distinct text: (raw, html, search words).
        self.bodies = [(b, markup.render(b), markup.clean_text(b).lower()) for b in bodies]
        self.replies = [(b, markup.render(b)) for b in REPLY_TEXTS]
        self.titles = [
            (t, markup.clean_text(t).lower())
            for t in (f"{o} {p}" for o in OPENINGS for p in TOPICS)
        ]
        self.counts = {
            "members": 0,
            "posts": 0,
            "hidden or held posts": 0,
            "replies": 0,
            "reactions": 0,
            "reports": 0,
        }

    def run(self) -> dict[str, int]:
        from django.db import connection, transaction

        with connection.cursor() as cursor:
            # A throwaway database: no waiting for the disk, no write-ahead log to copy back,
            # and a cache that holds the indexes. The server's connections set WAL again.
            cursor.execute("PRAGMA journal_mode=MEMORY")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-262144")
        with transaction.atomic():
            self.group = self.group_row()
            self.bench_profile = self.people()
            self.posts()
            self.thread()
        connection.close()
        return self.counts

    def group_row(self):
        from nearer.community.models import Group

        return Group.objects.get(slug=GROUP_SLUG)

    def people(self):
        """The writers, a moderator, and the bench member (the only one with a password)."""
        from allauth.account.models import EmailAddress
        from django.contrib.auth.hashers import make_password

        from nearer.accounts.models import User
        from nearer.community import names
        from nearer.community.models import CommunityProfile, Membership, Moderator

        step(f"seeding {self.args.members:,} members of {GROUP_SLUG}")
        joined = self.start - timedelta(days=30)
        no_password = make_password(None)
        users = [
            User(
                email=f"writer{n:05d}@example.com",
                display_name=f"Writer {n}",
                password=no_password,
                date_joined=joined,
                welcomed_at=joined,
            )
            for n in range(self.args.members)
        ]
        bench = User(
            email=BENCH_EMAIL,
            display_name="Bench Reader",
            password=make_password(BENCH_PASSWORD),
            date_joined=joined,
            welcomed_at=joined,
        )
        moderator = User(
            email="community-moderator@example.com",
            display_name="Bench Moderator",
            password=no_password,
            date_joined=joined,
            welcomed_at=joined,
        )
        users = User.objects.bulk_create([*users, bench, moderator], batch_size=1000)
        EmailAddress.objects.create(user=bench, email=BENCH_EMAIL, verified=True, primary=True)
        Moderator.objects.create(group=self.group, user=moderator, granted_at=joined)
        profiles = []
        for n, user in enumerate(users[: self.args.members]):
            first, second = NAME_WORDS[n % 20], NAME_WORDS[(n // 20) % 20]
            name = f"{first} {second} {n}" if first != second else f"{first} {n}"
            profiles.append(
                CommunityProfile(
                    user=user,
                    name=name,
                    name_key=names.fold(name),
                    conduct_accepted_at=joined,
                    approved_count=5,
                    created_at=joined,
                )
            )
        name, key = names.validate(BENCH_NAME, user=bench)
        profiles.append(
            CommunityProfile(
                user=bench, name=name, name_key=key, conduct_accepted_at=joined, created_at=joined
            )
        )
        profiles = CommunityProfile.objects.bulk_create(profiles, batch_size=1000)
        Membership.objects.bulk_create(
            [Membership(group=self.group, profile=p, joined_at=joined) for p in profiles],
            batch_size=1000,
        )
        self.writers = profiles[:-1]
        self.writer_ids = [p.pk for p in self.writers]
        self.counts["members"] = len(profiles)
        return profiles[-1]

    def posts(self) -> None:
        """``args.posts`` posts in time order (the bench member's own two among the newest),
        each with its replies and reactions, in batches."""
        total = self.args.posts
        step(f"seeding {total:,} posts with their replies and reactions, {BATCH:,} at a time")
        span = (self.now - timedelta(days=2) - self.start).total_seconds()
        started = time.monotonic()
        for first in range(0, total, BATCH):
            size = min(BATCH, total - first)
            self.batch(first, size, span)
            done = first + size
            rate = done / max(0.001, time.monotonic() - started)
            print(
                f"  {done:7,} of {total:,} posts, {self.counts['replies']:,} replies, "
                f"{self.counts['reactions']:,} reactions ({rate:,.0f} posts/s)",
                flush=True,
            )

    def batch(self, first: int, size: int, span: float) -> None:
        from nearer.community.models import Post, Reaction, Reply, Report, State

        rng, posts, plans = self.rng, [], []
        total = self.args.posts
        for i in range(first, first + size):
            created = self.start + timedelta(seconds=span * i / total + rng.random() * 60)
            title, title_words = self.titles[rng.randrange(len(self.titles))]
            body, body_html, body_words = self.bodies[rng.randrange(len(self.bodies))]
            mine = i in (total - 40, total - 25)  # the bench member's own: held, and hidden
            state = State.VISIBLE
            if mine:
                state = State.HELD if i == total - 40 else State.HIDDEN
            elif i % 400 == 199:
                state = State.HIDDEN
            elif i % 2500 == 1234:
                state = State.HELD
            replies = 0 if state != State.VISIBLE else rng.choice(REPLY_COUNTS)
            times = sorted(
                created + timedelta(seconds=rng.randint(60, 3 * 86400)) for _ in range(replies)
            )
            times = [min(t, self.now - timedelta(minutes=5)) for t in times]
            reactions = [] if state != State.VISIBLE else self.reaction_plan()
            posts.append(
                Post(
                    group_id=self.group.pk,
                    author_id=self.bench_profile.pk if mine else rng.choice(self.writer_ids),
                    title=title,
                    body=body,
                    body_html=body_html,
                    search_text=f"{title_words}\n{body_words}"[:12_000],
                    state=state,
                    created_at=created,
                    last_activity_at=times[-1] if times else created,
                    reply_count=replies,
                    helped_count=sum(1 for _, kind in reactions if kind == "helped"),
                    me_too_count=sum(1 for _, kind in reactions if kind == "me_too"),
                )
            )
            plans.append((times, reactions))
            if state != State.VISIBLE:
                self.counts["hidden or held posts"] += 1
        if first == 0:  # the app's own search words, checked once against the shortcut above
            sample = posts[0]
            assert sample.search_text == self.markup.search_text(sample.title, sample.body)
        posts = Post.objects.bulk_create(posts, batch_size=1000)
        replies, reactions, reports = [], [], []
        for post, (times, planned) in zip(posts, plans, strict=True):
            for moment in times:
                body, body_html = self.replies[rng.randrange(len(self.replies))]
                replies.append(
                    Reply(
                        post_id=post.pk,
                        group_id=self.group.pk,
                        author_id=rng.choice(self.writer_ids),
                        body=body,
                        body_html=body_html,
                        state=State.VISIBLE,
                        created_at=moment,
                        published_at=moment,
                    )
                )
            for profile_id, kind in planned:
                reactions.append(
                    Reaction(
                        profile_id=profile_id,
                        kind=kind,
                        post_id=post.pk,
                        created_at=post.created_at,
                    )
                )
            if post.pk % 9973 == 0 and post.state == State.VISIBLE:
                reports.append(
                    Report(
                        group_id=self.group.pk,
                        reporter_id=rng.choice(self.writer_ids),
                        post_id=post.pk,
                        reason=Report.Reason.SPAM,
                        created_at=post.created_at + timedelta(hours=1),
                    )
                )
        Reply.objects.bulk_create(replies, batch_size=2000)
        Reaction.objects.bulk_create(reactions, batch_size=2000)
        Report.objects.bulk_create(reports)
        self.counts["posts"] += len(posts)
        self.counts["replies"] += len(replies)
        self.counts["reactions"] += len(reactions)
        self.counts["reports"] += len(reports)

    def reaction_plan(self) -> list:
        """A few members' "this helped" or "me too": at most one of each kind per member."""
        count = self.rng.choice(REACTION_COUNTS)
        return [
            (profile_id, self.rng.choice(("helped", "me_too")))
            for profile_id in self.rng.sample(self.writer_ids, count)
        ]

    def thread(self) -> None:
        """The measured thread: recent, with ``--thread-replies`` replies, a few hidden or
        held, one held reply by the bench member, and the bench member's reactions."""
        from nearer.community.models import Post, Reaction, Reply, State

        count = self.args.thread_replies
        step(f"seeding the measured thread with {count} replies")
        rng = self.rng
        body, body_html, _ = self.bodies[0]
        title = "What helped you through the first months?"
        created = self.now - timedelta(days=2)
        post = Post.objects.create(
            group=self.group,
            author=self.writers[0],
            title=title,
            body=body,
            body_html=body_html,
            search_text=self.markup.search_text(title, body),
            state=State.VISIBLE,
            created_at=created,
            last_activity_at=created,
        )
        replies = []
        for n in range(count):
            moment = created + timedelta(minutes=10 * (n + 1))
            text, text_html = self.replies[n % len(self.replies)]
            state, author = State.VISIBLE, rng.choice(self.writers)
            if n % 67 == 30:
                state = State.HIDDEN
            elif n == 10:
                state, author = State.HELD, self.bench_profile
            replies.append(
                Reply(
                    post=post,
                    group=self.group,
                    author=author,
                    body=text,
                    body_html=text_html,
                    state=state,
                    created_at=moment,
                    published_at=moment if state == State.VISIBLE else None,
                )
            )
        replies = Reply.objects.bulk_create(replies)
        visible = [r for r in replies if r.state == State.VISIBLE]
        reactions = [Reaction(profile=self.bench_profile, kind="helped", post=post)]
        reactions += [
            Reaction(profile=self.bench_profile, kind=kind, reply=reply)
            for reply, kind in zip(visible[:40:3], ["helped", "me_too"] * 20, strict=False)
        ]
        others = rng.sample(self.writers, 30)
        reactions += [Reaction(profile=p, kind="me_too", post=post) for p in others]
        Reaction.objects.bulk_create(reactions)
        for reaction in reactions:
            if reaction.reply is not None:
                field = "helped_count" if reaction.kind == "helped" else "me_too_count"
                setattr(reaction.reply, field, getattr(reaction.reply, field) + 1)
        Reply.objects.bulk_update(visible, ["helped_count", "me_too_count"])
        post.reply_count = len(visible)
        post.helped_count = 1
        post.me_too_count = len(others)
        post.last_activity_at = visible[-1].created_at
        post.save(update_fields=["reply_count", "helped_count", "me_too_count", "last_activity_at"])
        self.counts["posts"] += 1
        self.counts["replies"] += len(replies)
        self.counts["reactions"] += len(reactions)


# Replies per post and reactions per post: most conversations are small, a few are long.
REPLY_COUNTS = [0] * 8 + [1] * 6 + [2] * 4 + [3] * 3 + [4, 5, 6, 9, 12]
REACTION_COUNTS = [0] * 8 + [1] * 5 + [2] * 3 + [3, 4, 6]


# -- what is measured ------------------------------------------------------------------------


def bench_objects(args: argparse.Namespace) -> dict:
    """The pages' addresses, and what each must show, read from the database."""
    from django.db import connection

    from nearer.community import views
    from nearer.community.models import Group, Post, State
    from nearer.community.paging import time_cursor

    group = Group.objects.get(slug=GROUP_SLUG)
    thread = Post.objects.get(group=group, title="What helped you through the first months?")
    feed = Post.objects.filter(group=group, state=State.VISIBLE).order_by(
        "-last_activity_at", "-pk"
    )
    # The last post of page deep_page - 1: its cursor opens page deep_page.
    size = views.POSTS_PER_PAGE
    if args.deep_page < 2 or args.deep_page * size > args.posts:
        raise SystemExit(
            f"--deep-page must be from 2 to {args.posts // size} for {args.posts} posts."
        )
    edge = feed[(args.deep_page - 1) * size - 1]
    first_on_deep = feed[(args.deep_page - 1) * size]
    base = f"/community/{group.slug}/"
    objects = {
        "group_url": base,
        "deep_url": f"{base}?before={time_cursor(edge.last_activity_at, edge.pk)}",
        "deep_first_pk": first_on_deep.pk,
        "thread_url": f"{base}posts/{thread.pk}/",
        "thread_pk": thread.pk,
        "posts": Post.objects.filter(group=group).count(),
    }
    connection.close()
    return objects


def count_queries(bench: dict, *, explain: bool) -> dict[str, int]:
    """Each page once through Django's test client: its queries, counted; a plan that scans
    a table or sorts in a temporary b-tree is named (``explain`` prints every plan)."""
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test.utils import CaptureQueriesContext

    from nearer.accounts.models import User

    step("queries per page (Django's test client, in this process)")
    browser = DjangoClient(HTTP_HOST="127.0.0.1")
    browser.force_login(User.objects.get(email=BENCH_EMAIL))
    counts = {}
    for name, url in pages(bench).items():
        with CaptureQueriesContext(connection) as captured:
            response = browser.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}, not 200")
        counts[name] = len(captured.captured_queries)
        print(f"  {name:7} {counts[name]} queries  {url}")
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN QUERY PLAN " + sql)
                plan = [row[-1] for row in cursor.fetchall()]
                worry = [line for line in plan if "TEMP B-TREE" in line or line.startswith("SCAN ")]
                if explain or worry:
                    print(f"    {sql[:600]}")
                    for line in plan:
                        print(f"      {'!! ' if line in worry else ''}{line}")
    connection.close()
    return counts


def pages(bench: dict) -> dict[str, str]:
    return {"group": bench["group_url"], "deep": bench["deep_url"], "thread": bench["thread_url"]}


def make_targets(client: Client, base: str, bench: dict) -> list[Target]:
    """One wrk target per page, after checking through the server that each shows what it
    should: a full page of posts with a link further back, or a full page of replies."""
    from nearer.community import views

    group = client.expect("GET", bench["group_url"], 200)
    deep = client.expect("GET", bench["deep_url"], 200)
    thread = client.expect("GET", bench["thread_url"], 200)
    for name, html in (("group", group), ("deep", deep)):
        shown = html.count('class="community-post-title"')
        if shown != views.POSTS_PER_PAGE or "before=" not in html:
            raise SystemExit(f"The {name} page shows {shown} posts, not a full page of them.")
    if f"/posts/{bench['deep_first_pk']}/" not in deep:
        raise SystemExit("The deep page doesn't start where its cursor says.")
    replies = len(re.findall(r'class="community-item community-reply', thread))
    if replies != views.REPLIES_PER_PAGE or "after=" not in thread:
        raise SystemExit(f"The thread shows {replies} replies, not a full page of them.")
    headers = [f"Cookie: {client.cookie_header()}"]
    return [Target(name, base + url, headers) for name, url in pages(bench).items()]


def measure_all(args: argparse.Namespace, targets: list[Target]) -> dict:
    """Warm up, then interleaved rounds at ``--connections``, then each page once with a
    single connection: its latency with nothing queued behind another request."""
    step(f"warming up, {args.warmup} s each")
    for target in targets:
        measure(args, target, seconds=args.warmup, connections=args.connections, quiet=True)
    rounds = []
    for number in range(1, args.rounds + 1):
        step(
            f"round {number} of {args.rounds}: {args.connections} connections, "
            f"{args.duration} s each"
        )
        rounds.append({t.name: measure_one(args, t, args.connections) for t in targets})
    step(f"alone: 1 connection, {args.duration} s each")
    alone = {t.name: measure_one(args, t, 1) for t in targets}
    median = {
        t.name: {
            key: round(statistics.median(r[t.name][key] for r in rounds), 2)
            for key in ("rps", "p50_ms", "p99_ms", "load", "others_cpu", "server_cpu_ms")
        }
        for t in targets
    }
    return {"rounds": rounds, "median": median, "alone": alone}


def measure_one(args: argparse.Namespace, target: Target, connections: int) -> dict:
    """One wrk run (bench.run.measure, which also notes how the connections were spread over
    the server's workers and the server's CPU time per request), with the machine's load as
    it began."""
    busy = wait_for_quiet(limit=10)  # a little, for other work on the machine to calm down
    before = load()
    figures = measure_spread(args, target, connections=connections)
    figures.update(load=before, others_cpu=busy)
    figures.setdefault("workers", "?")
    figures.setdefault("server_cpu_ms", float("nan"))
    print(
        f"           as it began: load average (1 min) {before:.2f}, other work "
        f"{busy:.0%} of the CPUs",
        flush=True,
    )
    return figures


def report(results: dict) -> bool:
    median, alone, queries = results["median"], results["alone"], results["queries"]
    rounds = results["rounds"]
    print()
    print(
        f"Community, {results['posts']:,} posts in one group; {results['connections']} "
        f"connections, {results['duration']} s x {len(rounds)} rounds (medians), then 1 "
        "connection alone:"
    )
    met = True
    for name, label in (
        ("group", "group page"),
        ("deep", f"page {results['deep_page']}"),
        ("thread", "thread"),
    ):
        m, a = median[name], alone[name]
        ok = m["p99_ms"] <= GOAL_P99_MS
        met = met and ok
        spreads = ", ".join(r[name]["workers"] for r in rounds)
        print(
            f"  {label:11} {results['connections']} connections: p50 {m['p50_ms']:6.2f} ms  "
            f"p99 {m['p99_ms']:6.2f} ms  {m['rps']:4.0f}/s (workers {spreads}; load "
            f"{m['load']:.2f})\n  {'':11} 1 connection:  p50 {a['p50_ms']:6.2f} ms  "
            f"p99 {a['p99_ms']:6.2f} ms  {a['rps']:4.0f}/s (load {a['load']:.2f})\n  {'':11} "
            f"server CPU {m['server_cpu_ms']:.1f} ms a request; {queries[name]} queries; "
            f"p99 <= {GOAL_P99_MS} ms {'met' if ok else 'NOT met'}"
        )
    busiest = max(r[name]["others_cpu"] for r in rounds for name in median)
    print(
        f"load average (1 min) before the bench began: {results['load_before']:.2f}; other work "
        f"used up to {busiest:.0%} of the CPUs as runs began (below ~0.5 is a quiet machine)"
    )
    if any(r[name]["workers"] == "2" for r in rounds for name in median):
        print(
            "note: uvicorn hands a new connection to whichever worker accepts first, so both "
            'connections can land on one worker ("2" above): then each request waits for the '
            "other, and p50/p99 are up to twice the one-connection figures."
        )
    print(
        f"COMMUNITY group_p99_ms={median['group']['p99_ms']:.2f} "
        f"deep_p99_ms={median['deep']['p99_ms']:.2f} "
        f"thread_p99_ms={median['thread']['p99_ms']:.2f} posts={results['posts']} "
        f"queries={queries['group']}/{queries['deep']}/{queries['thread']} "
        f"cpu_ms={median['group']['server_cpu_ms']:.1f}/{median['deep']['server_cpu_ms']:.1f}/"
        f"{median['thread']['server_cpu_ms']:.1f} "
        f"load={max(m['load'] for m in median.values()):.2f}"
    )
    print(
        f"COMMUNITY_ALONE group_p99_ms={alone['group']['p99_ms']:.2f} "
        f"deep_p99_ms={alone['deep']['p99_ms']:.2f} "
        f"thread_p99_ms={alone['thread']['p99_ms']:.2f} "
        f"load={max(a['load'] for a in alone.values()):.2f}"
    )
    return met


if __name__ == "__main__":
    sys.exit(main())
