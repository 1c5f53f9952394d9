"""`make bench`: Nearer measured through the real stack, on a database of its own.

1. A fresh SQLite database in var/bench (never the user's var/nearer.sqlite3): migrate, then
   ``seed_demo`` a population with years of history.
2. The production server, as ``make run`` starts it (uvicorn, 2 workers, uvloop, httptools),
   DEBUG off, a freshly generated SECRET_KEY, on a free loopback port.
3. A real login (form POST with the CSRF token) as the bench member, keeping the cookies.
4. wrk on loopback, 8 connections, a short warm-up, then interleaved rounds of fixed length
   (medians reported): the Today page, check-in POSTs that each change something, and a bare
   authenticated view (bench/urls.py) that shows what the stack alone costs. Then Today and
   the check-in once more with a single connection: their latency without queueing.

The server is stopped at the end, whatever happens. Results go to stdout and to
var/bench/results.json.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
SPY = "py-spy==0.4.3"  # for --profile only, installed into var/bench/tools


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--years", type=float, default=2)
    parser.add_argument("--connections", type=int, default=8, help="for throughput")
    parser.add_argument(
        "--latency-connections",
        type=int,
        default=2,
        help="for latency: one per server worker, so requests are served, not queued",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each, interleaved")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up for each page")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--keep-data", action="store_true", help="reuse an earlier seeded db")
    parser.add_argument(
        "--profile", action="store_true", help="then sample the server with py-spy, and report"
    )
    args = parser.parse_args()

    started = time.monotonic()
    env = bench_environment(args.data_dir)
    results: dict = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_before": " ".join(f"{n:.2f}" for n in os.getloadavg()),  # what `uptime` shows
    }
    if not (args.keep_data and (args.data_dir / "nearer.sqlite3").exists()):
        results["seed_seconds"] = prepare_database(env, args)
    email, password = bench_login(env)
    with server(env, args.data_dir) as (base, server_pid):
        client = Client(base)
        client.log_in(email, password)
        bare, today, checkin = targets(client, base, email)
        results.update(measure_all(args, bare, today, checkin))
        if args.profile:
            profile(args, server_pid, today)
            profile(args, server_pid, checkin)
    results.update(
        machine=machine(),
        members=args.members,
        years=args.years,
        connections=args.connections,
        latency_connections=args.latency_connections,
        duration=args.duration,
        total_seconds=round(time.monotonic() - started, 1),
    )
    (args.data_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    report(results)
    return 0


@dataclass
class Target:
    """One thing to measure: a URL, the headers that log in, and for check-ins the POSTs."""

    name: str
    url: str
    headers: list[str]
    units: list[tuple[str, str, str, str]] = field(default_factory=list)
    reset: Callable[[], None] = lambda: None


def targets(client: "Client", base: str, email: str) -> tuple[Target, Target, Target]:
    today_html = client.expect("GET", "/today/", 200)
    client.expect("GET", "/bench/bare/", 200)
    units = checkin_units(email, today_html)
    htmx = {"X-CSRFToken": client.cookies["csrftoken"], "HX-Request": "true"}
    headers = [f"Cookie: {client.cookie_header()}"]
    return (
        Target("bare", base + "/bench/bare/", headers),
        Target("today", base + "/today/", headers),
        Target(
            "checkin",
            base + units[0][2],
            [*headers, *(f"{k}: {v}" for k, v in htmx.items())],
            units=units,
            reset=lambda: reset_checkins(client, units, htmx),
        ),
    )


def measure_all(args: argparse.Namespace, bare: Target, today: Target, checkin: Target) -> dict:
    """Warm up, then interleave rounds so a burst of other work touches every page alike."""
    step(f"warming up, {args.warmup} s each")
    for target in (bare, today, checkin):
        measure(args, target, seconds=args.warmup, quiet=True)
    rounds: list[dict] = []
    for number in range(1, args.rounds + 1):
        busy = wait_for_quiet()
        step(
            f"round {number} of {args.rounds}: {args.connections} connections, "
            f"{args.duration} s each (other work: {busy:.0%} of the CPUs)"
        )
        this = {"others_cpu": busy}
        for target in (bare, today, checkin):
            this[target.name] = measure_spread(args, target, connections=args.connections)
        this["ratio"] = this["today"]["rps"] / this["bare"]["rps"]
        rounds.append(this)
    step(
        f"latency: {args.latency_connections} connections (one per worker, no queueing), "
        f"{args.duration} s each"
    )
    alone = {
        t.name: measure_spread(args, t, connections=args.latency_connections)
        for t in (today, checkin)
    }
    return {
        "rounds": rounds,
        "alone": alone,
        "median": {
            name: {
                key: statistics.median(r[name][key] for r in rounds)
                for key in ("rps", "p50_ms", "p90_ms", "p99_ms", "server_cpu_ms")
            }
            for name in ("bare", "today", "checkin")
        }
        | {"ratio": statistics.median(r["ratio"] for r in rounds)},
        "checkin_units": len(checkin.units),
    }


def report(results: dict) -> None:
    median = results["median"]
    bare, today, checkin = median["bare"], median["today"], median["checkin"]
    ratio = median["ratio"]
    rounds, alone = results["rounds"], results["alone"]
    lat_today, lat_checkin = alone["today"], alone["checkin"]
    print(f"\nlatency, {results['latency_connections']} connections (one per worker):")
    print(f"TODAY p50_ms={lat_today['p50_ms']:.2f} p99_ms={lat_today['p99_ms']:.2f}")
    print(f"CHECKIN p50_ms={lat_checkin['p50_ms']:.2f} p99_ms={lat_checkin['p99_ms']:.2f}")
    print(f"\nthroughput, medians of {len(rounds)} rounds, {results['connections']} connections:")
    print(f"BARE rps={bare['rps']:.0f}")
    print(f"TODAY rps={today['rps']:.0f}")
    print(f"RATIO today_vs_bare={ratio:.2f}")
    print(
        f"server CPU per request: bare {bare['server_cpu_ms']:.2f} ms, Today "
        f"{today['server_cpu_ms']:.2f} ms, check-in {checkin['server_cpu_ms']:.2f} ms "
        f"(bare / Today {bare['server_cpu_ms'] / max(today['server_cpu_ms'], 1e-9):.2f}: "
        "steadier than requests/s when other work shares the machine)"
    )
    print(
        f"\nalso, saturated at {results['connections']} connections (latency is mostly "
        f"queueing there): Today p50 {today['p50_ms']:.2f} ms, p99 {today['p99_ms']:.2f} ms; "
        f"check-in p50 {checkin['p50_ms']:.2f} ms, p99 {checkin['p99_ms']:.2f} ms; "
        f"bare p50 {bare['p50_ms']:.2f} ms, p99 {bare['p99_ms']:.2f} ms; "
        f"check-ins {checkin['rps']:.0f}/s; rounds' ratios "
        + ", ".join(
            f"{r['ratio']:.2f} (workers: bare {r['bare']['workers']}, "
            f"Today {r['today']['workers']})"
            for r in rounds
        )
    )
    print(
        f"goals: Today p99 <= 40 ms {verdict(lat_today['p99_ms'] <= 40)}, "
        f"check-in p99 <= 30 ms {verdict(lat_checkin['p99_ms'] <= 30)}, "
        f"ratio >= 0.5 {verdict(ratio >= 0.5)}"
    )
    print(f"load average before the bench began (1, 5, 15 min): {results['load_before']}")
    busiest = max(r["others_cpu"] for r in rounds)
    if busiest > QUIET:
        print(
            f"note: other work was using up to {busiest:.0%} of the CPUs as rounds began; "
            "a quiet machine gives higher figures."
        )
    print(f"{results['total_seconds']:.0f} s in all; details in var/bench/results.json")


QUIET = 0.1  # the share of CPU other work may use when a round begins


def wait_for_quiet(limit: float = 30) -> float:
    """Wait (a little) for other work on the machine to calm down; return its CPU share."""
    deadline = time.monotonic() + limit
    busy = others_cpu()
    while busy > QUIET and time.monotonic() < deadline:
        busy = others_cpu()
    return busy


def others_cpu(seconds: float = 1.0) -> float:
    """The share of CPU time busy (or stolen by the hypervisor) while the server is idle."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields[:8]) - idle, sum(fields[:8])

    busy_before, total_before = sample()
    time.sleep(seconds)
    busy_after, total_after = sample()
    return round((busy_after - busy_before) / max(1, total_after - total_before), 3)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def step(message: str) -> None:
    print(f"\n== bench: {message}", flush=True)


# -- database and server ---------------------------------------------------------------------


def bench_environment(data_dir: Path) -> dict[str, str]:
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        NEARER_DATA_DIR=str(data_dir),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        LOG_LEVEL="WARNING",
        BENCH_DIR=str(BENCH_DIR),
        PYTHONUNBUFFERED="1",
    )
    try:  # the journal's encryption key, should any page need it
        from cryptography.fernet import Fernet

        env["NEARER_JOURNAL_KEY"] = Fernet.generate_key().decode()
    except ImportError:
        pass
    return env


def bench_login(env: dict[str, str]) -> tuple[str, str]:
    """The bench member's login, as seed_demo defines it (importing it needs Django set up)."""
    import django

    os.environ.update(env)
    django.setup()
    from nearer.goals.management.commands import seed_demo

    return seed_demo.BENCH_EMAIL, seed_demo.BENCH_PASSWORD


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare_database(env: dict[str, str], args: argparse.Namespace) -> float:
    step(f"a fresh database in {args.data_dir}")
    for name in ("nearer.sqlite3", "nearer.sqlite3-wal", "nearer.sqlite3-shm"):
        (args.data_dir / name).unlink(missing_ok=True)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    step(f"seeding {args.members} members with {args.years:g} years of history")
    started = time.monotonic()
    manage(env, "seed_demo", "--members", str(args.members), "--years", str(args.years))
    seconds = time.monotonic() - started
    print(f"seeding took {seconds:.1f} s", flush=True)
    return round(seconds, 1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def server(env: dict[str, str], data_dir: Path):
    port = free_port()
    base = f"http://{HOST}:{port}"
    env = {**env, "SITE_URL": base}
    command = [
        str(VENV_BIN / "uvicorn"),
        "nearer.asgi:application",
        *("--host", HOST, "--port", str(port), "--workers", "2"),
        *("--loop", "uvloop", "--http", "httptools", "--no-server-header"),
    ]
    step("starting " + " ".join(command[1:]))
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        wait_until_up(port, process)
        yield base, process.pid
    finally:
        stop(process)
        log.close()
        signal.signal(signal.SIGTERM, previous)
        print("server stopped", flush=True)


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("The server stopped while starting; see var/bench/server.log.")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("The server did not answer within 60 s; see var/bench/server.log.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# -- a small HTTP client with cookies --------------------------------------------------------


class Client:
    def __init__(self, base: str) -> None:
        self.host, port = base.removeprefix("http://").split(":")
        self.port = int(port)
        self.cookies: dict[str, str] = {}

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        sent = {"Cookie": self.cookie_header(), **(headers or {})}
        body = None
        if form is not None:
            body = urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
        text = response.read().decode()
        connection.close()
        return response.status, response.getheader("Location"), text

    def expect(self, method: str, path: str, status: int, form=None, headers=None) -> str:
        got, location, text = self.request(method, path, form, headers)
        if got != status:
            raise SystemExit(f"{method} {path} answered {got} (location {location}), not {status}")
        return text

    def log_in(self, email: str, password: str) -> None:
        page = self.expect("GET", "/accounts/login/", 200)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"csrfmiddlewaretoken": token, "login": email, "password": password}
        status, location, _ = self.request("POST", "/accounts/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"Logging in as {email} failed (status {status}, to {location}).")
        step(f"logged in as {email}")


# -- check-ins -------------------------------------------------------------------------------

CHECKIN_DAYS = 7  # today and the six days before: all inside the back-dating window


def checkin_units(email: str, html: str) -> list[tuple[str, str, str, str]]:
    """(undo path, undo body, check-in path, check-in body) for each daily or weekly goal of
    the bench member and each recent day."""
    from django.db import connection

    from nearer.goals.models import Goal, Shape

    goals = Goal.objects.filter(
        owner__email=email, status=Goal.Status.ACTIVE, shape__in=[Shape.DAILY, Shape.WEEKLY]
    )
    today = goals.first().owner.today()
    units = []
    for goal in goals:
        check_in, undo = f"/today/goals/{goal.pk}/check-in/", f"/today/goals/{goal.pk}/undo/"
        if f'id="goal-{goal.pk}"' not in html:
            raise SystemExit(f"Today shows no card for goal {goal.pk} ({check_in}).")
        for back in range(CHECKIN_DAYS):
            body = "day=" + (today - timedelta(days=back)).isoformat()
            units.append((undo, body, check_in, body))
    connection.close()
    return units


def reset_checkins(client: Client, units, headers: dict[str, str]) -> None:
    """Check every unit in, so the measured run starts by undoing: each POST does real work.

    Then make sure it worked, straight from the database.
    """
    from django.db import connection

    from nearer.goals.models import CheckIn

    for _, _, path, body in units:
        day = body.removeprefix("day=")
        client.expect("POST", path, 200, {"day": day}, headers)
    wanted = {(int(path.split("/")[3]), body.removeprefix("day=")) for _, _, path, body in units}
    found = {
        (goal_id, day.isoformat())
        for goal_id, day in CheckIn.objects.filter(
            goal_id__in={g for g, _ in wanted}, kind=CheckIn.Kind.DONE
        ).values_list("goal_id", "day")
    }
    connection.close()
    if wanted - found:
        raise SystemExit(f"Check-ins did not record: {sorted(wanted - found)[:5]}")


# -- wrk --------------------------------------------------------------------------------------


def wrk_command(
    args: argparse.Namespace, target: Target, seconds: int, connections: int
) -> list[str]:
    threads = min(args.threads, connections)
    script = BENCH_DIR / ("checkin.lua" if target.units else "report.lua")
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += [f"-s{script}", *(f"-H{h}" for h in target.headers), target.url]
    if target.units:
        command += ["--", str(threads), *("|".join(unit) for unit in target.units)]
    return command


def measure(
    args: argparse.Namespace,
    target: Target,
    *,
    seconds: int | None = None,
    connections: int | None = None,
    quiet: bool = False,
) -> dict:
    """One wrk run against ``target``; any 4xx, 5xx or socket error stops the bench.

    Also notes how wrk's connections were shared among the server's workers (uvicorn leaves
    that to the kernel): "4+4" is even, "6+2" leaves one worker waiting on the other's queue.
    """
    target.reset()
    seconds = seconds or args.duration
    command = wrk_command(args, target, seconds, connections or args.connections)
    seen: dict[str, str] = {}
    port = int(target.url.split(":")[2].split("/")[0])
    serving = server_pids(port)
    cpu_before = cpu_seconds(serving)
    look = threading.Timer(min(2.0, seconds / 2), lambda: seen.update(spread=spread(port)))
    look.start()
    try:
        figures = run_wrk(command)
    finally:
        look.cancel()
    figures["workers"] = seen.get("spread", "?")
    # The server's own CPU time per request: unlike requests/s, it hardly moves when other
    # work shares the machine (only through caches and the hypervisor).
    cpu = cpu_seconds(serving) - cpu_before
    figures["server_cpu_ms"] = round(cpu * 1000 / max(1, figures["requests"]), 3)
    bad = figures["s4xx"] + figures["s5xx"] + figures["socket_errors"]
    if bad:
        raise SystemExit(f"{target.name}: {bad} of {figures['requests']} requests went wrong")
    if not quiet:
        print(
            f"  {target.name:8} {figures['rps']:6.0f}/s  p50 {figures['p50_ms']:6.2f} ms  "
            f"p90 {figures['p90_ms']:6.2f} ms  p99 {figures['p99_ms']:6.2f} ms  "
            f"({figures['requests']} requests, {figures['s2xx']} 2xx, {figures['s3xx']} 3xx; "
            f"workers {figures['workers']}; server CPU {figures['server_cpu_ms']:.2f} ms each)",
            flush=True,
        )
    return figures


WORKERS = 2  # the server's processes, as server() starts them
SPREAD_ATTEMPTS = 3


def measure_spread(args: argparse.Namespace, target: Target, *, connections: int) -> dict:
    """``measure``, run again (up to ``SPREAD_ATTEMPTS`` times in all) while the kernel has
    left a worker without any of wrk's connections, or given one worker both of two.

    uvicorn leaves it to the kernel which worker accepts a connection, and wrk keeps its
    connections for the whole run, so now and then all of them land on one worker ("8" rather
    than "4+4", "2" rather than "1+1"). Then half the server sits idle while the other half
    queues, which measures the kernel's luck rather than the page. Every attempt is printed;
    the figures kept are the last one's, with the number of attempts.
    """
    for attempt in range(1, SPREAD_ATTEMPTS + 1):
        figures = measure(args, target, connections=connections)
        counts = [int(n) for n in figures["workers"].split("+") if n.isdigit()]
        if len(counts) >= min(WORKERS, connections):  # every worker holds a connection
            break
        if attempt < SPREAD_ATTEMPTS:
            print(f"  {'':8} (connections on one worker: measured again)", flush=True)
    figures["attempts"] = attempt
    return figures


def server_pids(port: int) -> list[int]:
    """The processes that share the server's listening socket: uvicorn and its workers."""
    try:
        listing = subprocess.run(  # noqa: S603
            ["ss", "-tlnpH", f"( sport = :{port} )"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({int(pid) for pid in re.findall(r"pid=(\d+)", listing)})


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far, in seconds."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def spread(port: int) -> str:
    """How the open connections to ``port`` are shared among server processes, e.g. "4+4"."""
    try:
        listing = subprocess.run(  # noqa: S603
            ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    owners = Counter(re.findall(r"pid=(\d+)", listing))
    return "+".join(str(n) for n in sorted(owners.values(), reverse=True)) or "?"


def profile(args: argparse.Namespace, server_pid: int, target: Target) -> None:
    """Sample both workers with py-spy while wrk runs, then print where the time went.

    py-spy is installed into var/bench/tools, outside the project's environment. The raw
    stacks are kept in var/bench (open them in speedscope.app for a flame graph).
    """
    tools = args.data_dir / "tools"
    spy = tools / "bin" / "py-spy"
    if not spy.exists():
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(tools), SPY],
            check=True,
        )
    out = args.data_dir / f"profile-{target.name}.txt"
    seconds = args.duration
    step(f"profiling {target.name} for {seconds} s (the figures above are without it)")
    target.reset()
    record = ["record", "--pid", str(server_pid), "--subprocesses", "--gil", "--rate", "250"]
    record += ["--duration", str(seconds + 1), "--format", "raw", "--output", str(out)]
    sampler = subprocess.Popen(  # noqa: S603
        [str(spy), *record], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(0.5)
    run_wrk(wrk_command(args, target, seconds, args.connections))
    sampler.wait(timeout=60)
    summarize_profile(out)


def summarize_profile(path: Path, top: int = 30) -> None:
    """Where the workers spent their CPU: the inclusive share of samples per function."""
    inclusive: dict[str, int] = {}
    total = handling = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        samples = int(count)
        total += samples
        frames = stack.split(";")
        if any("django/core/handlers" in frame for frame in frames):
            handling += samples
        for frame in set(frames[2:]):  # the first two name the processes
            inclusive[frame] = inclusive.get(frame, 0) + samples
    if not total:
        print("no samples")
        return
    print(
        f"{total} samples on CPU; {handling / total:.0%} inside Django's request handling, "
        "the rest in uvicorn, asyncio and asgiref. Inclusive share of all samples:"
    )
    ranked = sorted(inclusive.items(), key=lambda item: -item[1])
    wanted = ("nearer/", "template", "django/db/", "urls/", "middleware", "sessions", "auth/")
    shown = [(f, n) for f, n in ranked if any(w in f for w in wanted)]
    for frame, samples in shown[:top]:
        print(f"  {samples / total:6.1%}  {frame}")
    print(f"(raw stacks: {path})")


def run_wrk(command: list[str]) -> dict:
    result = subprocess.run(  # noqa: S603
        command,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "BENCH_DIR": str(BENCH_DIR)},
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("WRK "))
    raw = json.loads(line[4:])
    figures = {
        **raw,
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
    }
    return figures


def machine() -> dict:
    import sqlite3

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(int(memory) / 1024 / 1024, 1),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
    }


if __name__ == "__main__":
    sys.exit(main())
