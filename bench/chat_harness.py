"""Real Neighbor Chat servers and clients: `make bench-chat` and the chat process tests use it.

A ``Site`` is a database of a run's own (a SQLite file in a directory, or a PostgreSQL
database made for the run and dropped after it; either may start as a copy of an
already-migrated one, as the tests' do) plus the environment that every process of the run
shares: the same secret key (sessions written by the seeder must be valid in the servers),
the same database and, when asked, the same Redis under a prefix of the run's own.
``ServerProcess`` is uvicorn serving nearer.asgi as scripts/serve does (uvloop, httptools),
on a free loopback port. ``connect`` opens a logged-in WebSocket to one conversation.
"""

import asyncio
import concurrent.futures
import contextlib
import functools
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
SETTINGS = "bench.chat_settings"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def database_url_for(base_url: str, name: str) -> str:
    """``base_url`` (a PostgreSQL URL) with its database name replaced by ``name``."""
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path="/" + name))


@dataclass
class Site:
    """One run's database and the environment its processes share."""

    data_dir: Path
    database_url: str = ""  # a PostgreSQL server to make a database of the run's own in
    redis_url: str = ""  # redis://host:port/db: the Redis channel layer, under ``prefix``
    log_level: str = "WARNING"
    prefix: str = field(default_factory=lambda: "nearer-chat-run-" + secrets.token_hex(6))
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    journal_key: str = field(default_factory=lambda: new_journal_key())
    own_database: str = ""
    migrated: Path | None = None  # a migrated SQLite file (and cache table) to start from
    template: str = ""  # or, on PostgreSQL, a migrated database of the same server to copy

    def __post_init__(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.database_url and not self.own_database:
            self.own_database = "nearer_" + self.prefix.replace("-", "_")
        if self.migrated and self.database_url:
            raise ValueError("a migrated SQLite file is for a run on SQLite")
        if self.template and not self.database_url:
            raise ValueError("a template database is for a run on PostgreSQL")
        if self.migrated:
            shutil.copy(self.migrated, self.sqlite_file)

    @property
    def sqlite_file(self) -> Path:
        return self.data_dir / "nearer.sqlite3"

    @property
    def env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
            and not k.startswith(("PYTEST_", "COV_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            NEARER_DATA_DIR=str(self.data_dir),
            DEBUG="0",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS=HOST,
            LOG_LEVEL=self.log_level,
            PYTHONUNBUFFERED="1",
            BENCH_CHAT_PREFIX=self.prefix,
            NEARER_JOURNAL_KEY=self.journal_key,
        )
        if self.database_url:
            env["DATABASE_URL"] = database_url_for(self.database_url, self.own_database)
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        return env

    @property
    def migrated_already(self) -> bool:
        return bool(self.migrated or self.template)

    def create_database(self) -> None:
        """On PostgreSQL, make the run's own database, empty or a copy of ``template``;
        SQLite makes its file itself."""
        if self.database_url:
            copy = f' TEMPLATE "{self.template}"' if self.template else ""
            with postgres(self.database_url) as cursor:
                cursor.execute(f'CREATE DATABASE "{self.own_database}"{copy}')

    def drop(self) -> None:
        """Remove what the run made outside its directory: its database, its Redis keys."""
        if self.database_url:
            with postgres(self.database_url) as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.own_database}" WITH (FORCE)')
        if self.redis_url:
            forget_redis_keys(self.redis_url, self.prefix)

    def python(self, *args: str, capture: bool = True, timeout: float = 300) -> str:
        done = subprocess.run(  # noqa: S603
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env,
            check=False,
            capture_output=capture,
            text=True,
            timeout=timeout,
        )
        if done.returncode:
            raise RuntimeError(
                f"{' '.join(args)} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}"
            )
        return done.stdout or ""

    def run_seed(self, *args: str):
        """``python -m bench.chat_seed <args>`` in this site's environment; its JSON answer."""
        return json.loads(self.python("-m", "bench.chat_seed", *args).strip().splitlines()[-1])

    def prepare(self, *, static: bool = False, conversations: int = 0) -> list[dict]:
        """Migrate, make the cache table, (for pages) collect static files, and seed
        ``conversations`` accepted conversations, all in one process; returns those.
        A site that starts migrated skips the first two (no process at all if there is
        nothing else to do)."""
        if self.migrated_already:
            if static:
                self.python("manage.py", "collectstatic", "--noinput", "-v0")
            return self.seed(conversations) if conversations else []
        args = ["--conversations", str(conversations)] + (["--static"] if static else [])
        return self.run_seed("prepare", *args)

    def seed(self, conversations: int, *, per_listener: int = 1) -> list[dict]:
        """Accepted conversations with both sides logged in (bench/chat_seed.py)."""
        args = ("--conversations", str(conversations), "--per-listener", str(per_listener))
        return self.run_seed("seed", *args)

    def people(self) -> dict:
        """A member and an away listener, logged in, with no conversation yet."""
        return self.run_seed("people")

    def transcript(self, conversation_id: str) -> list[dict]:
        """The conversation's saved messages, in seq order, read straight from the database
        with plain SQL (no Django, so no second of start-up per read)."""
        sql = (
            "SELECT seq, client_id, author, body FROM chat_message "
            "WHERE conversation_id = {} ORDER BY seq"
        )
        key = uuid.UUID(conversation_id)
        if self.database_url:
            import psycopg

            url = database_url_for(self.database_url, self.own_database)
            with psycopg.connect(url) as connection:
                rows = connection.execute(sql.format("%s"), (key,)).fetchall()
        else:
            # Django keeps UUIDs in SQLite as 32 hex digits.
            with contextlib.closing(sqlite3.connect(self.sqlite_file)) as db:
                rows = db.execute(sql.format("?"), (key.hex,)).fetchall()
        return [
            {"seq": seq, "client_id": str(uuid.UUID(str(cid))), "author": author, "body": body}
            for seq, cid, author, body in rows
        ]


def new_journal_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


@contextlib.contextmanager
def postgres(url: str) -> Iterator:
    """An autocommit cursor on the maintenance database of the server that ``url`` names."""
    import psycopg

    parts = urlsplit(url)
    with (
        psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username or "postgres",
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as connection,
        connection.cursor() as cursor,
    ):
        yield cursor


def redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except (redis.RedisError, OSError):
        return False


def forget_redis_keys(url: str, prefix: str) -> int:
    """Delete the keys under the run's prefix (cache and channel layer), and nothing else."""
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
    return client.delete(*keys) if keys else 0


class ServerProcess:
    """uvicorn serving nearer.asgi:application, as scripts/serve does, on a free port."""

    def __init__(
        self, site: Site, *, workers: int = 1, port: int | None = None, log: Path | None = None
    ) -> None:
        self.site = site
        self.workers = workers
        self.fixed_port = port is not None
        self.port = port or free_port()
        self.log_from = 0
        self.log_path = log or site.data_dir / f"server-{self.port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def ws_origin(self) -> str:
        return f"ws://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def command(self) -> list[str]:
        return [
            str(VENV_BIN / "uvicorn"),
            "nearer.asgi:application",
            *("--host", HOST, "--port", str(self.port), "--workers", str(self.workers)),
            *("--loop", "uvloop", "--http", "httptools", "--no-server-header"),
        ]

    def start(self, timeout: float = 60) -> "ServerProcess":
        self.spawn()
        self.wait_until_up(timeout)
        return self

    def spawn(self) -> None:
        """Start the server without waiting for it (start two, then wait for both)."""
        env = {**self.site.env, "SITE_URL": self.origin}
        with self.log_path.open("ab") as log:
            self.log_from = log.tell()
            self.process = subprocess.Popen(  # noqa: S603
                self.command(),
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_up(self, timeout: float) -> None:
        """Until /healthz answers 200 and this process says it runs on our port (so the
        answer is not from another server that took the port first). If another process
        did take the free port we picked, pick another one and start again."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if "address already in use" in self.own_log() and not self.fixed_port:
                    self.port = free_port()
                    self.spawn()
                    continue
                raise RuntimeError(f"The server stopped while starting:\n{self.log()}")
            if self.answers() and f"running on {self.origin}" in self.own_log():
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"The server did not answer within {timeout:.0f} s:\n{self.log()}")

    def answers(self) -> bool:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            return connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()

    def own_log(self) -> str:
        """What this process (the latest spawned) has written to the log."""
        try:
            with self.log_path.open("rb") as log:
                log.seek(self.log_from)
                return log.read().decode(errors="replace")
        except OSError:
            return ""

    def log(self, last: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-last:]
        except OSError:
            return ""

    def kill(self) -> None:
        """SIGKILL the whole process group at once: no shutdown, no flushing, no goodbyes."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        if self.process:
            self.process.wait()

    def pause(self) -> None:
        """SIGSTOP: the server takes no more work (the kernel still accepts bytes for it)."""
        os.killpg(self.pid, signal.SIGSTOP)

    def stop(self, timeout: float = 10) -> None:
        if not self.process or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGCONT)  # in case it was paused
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self) -> "ServerProcess":
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- clients --

    def ws_url(self, conversation_id: str, after: int | None = None) -> str:
        query = "" if after is None else f"?after={after}"
        return f"{self.ws_origin}/ws/chat/{conversation_id}/{query}"

    async def connect(self, conversation_id: str, session: str, *, after: int | None = None):
        """A logged-in WebSocket to a conversation (the websockets library's asyncio client)."""
        from websockets.asyncio.client import connect

        return await connect(
            self.ws_url(conversation_id, after),
            origin=self.origin,
            additional_headers={"Cookie": f"sessionid={session}"},
            open_timeout=20,
            max_queue=None,
            ping_interval=None,
        )

    def get(self, path: str, session: str, *, accept: str = "application/json"):
        """A logged-in GET: (status, body)."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=10)
        try:
            connection.request(
                "GET", path, headers={"Cookie": f"sessionid={session}", "Accept": accept}
            )
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()


def in_own_loop(test):
    """Run an async test function in a thread of its own, on a fresh event loop.

    Playwright's sync API (the end-to-end journeys) leaves its event loop running in the main
    thread for the rest of the session, and pytest-xdist may hand a worker an async test after
    a journey; pytest-asyncio then fails with "Runner.run() cannot be called from a running
    event loop". A test wrapped in this does not depend on the main thread's loop at all.
    """

    @functools.wraps(test)
    def run(*args, **kwargs):
        with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="test-loop") as pool:
            return pool.submit(asyncio.run, test(*args, **kwargs)).result()

    return run


async def receive_json(ws, timeout: float = 10) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


async def receive_until(ws, predicate, timeout: float = 10) -> tuple[dict, list[dict]]:
    """Read frames until one matches ``predicate``; returns it and every frame read before."""
    seen: list[dict] = []
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            raise TimeoutError(f"No matching frame within {timeout} s; got {seen}")
        frame = await receive_json(ws, left)
        if predicate(frame):
            return frame, seen
        seen.append(frame)


async def drain(ws, quiet: float = 0.3) -> list[dict]:
    """Every frame that arrives until none has for ``quiet`` seconds."""
    frames = []
    with contextlib.suppress(TimeoutError):
        while True:
            frames.append(await receive_json(ws, quiet))
    return frames
