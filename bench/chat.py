"""`make bench-chat`: Neighbor Chat at scale through real processes, and nothing lost.

1. A fresh SQLite database in var/bench-chat (never the user's var/nearer.sqlite3), or with
   --postgres a PostgreSQL database of the run's own, dropped after it: migrated, then seeded
   through the chat's own actions (bench/chat_seed.py): 200 members, each with a
   conversation that a listener has accepted (2 per listener), and a session written
   straight into the session store for everyone, so clients log in by cookie.
2. The production server, as scripts/serve starts it (uvicorn, uvloop, httptools), DEBUG off,
   a fresh SECRET_KEY, on a free loopback port: 1 worker with the in-memory channel layer by
   default; `--workers 2 --redis` for two workers sharing the Redis layer (under a key prefix
   of the run's own, removed after it: bench/chat_settings.py).
3. 400 WebSocket clients (one per side of each conversation; the websockets library on
   uvloop, in one process unless --client-processes says more) connect, then for 60 s
   (BENCH_CHAT_SECONDS, or --seconds) each sends a message every 1–2 s with a fresh client_id
   and its send time in the body. Every client records what it receives, and when. Like the
   page's script, a client whose connection drops reconnects with ?after=<its last seq> and
   sends again what was never acknowledged (same client_id); the bench counts those resumes.
4. Sending stops; the clients wait while messages still arrive (until --grace seconds pass
   with no progress). The server is stopped, and the database is read back: every
   acknowledged message must be stored exactly once, at the seq it was acknowledged with, and
   each conversation's seqs must run 1, 2, 3… without a gap.

Printed: conversations, messages sent, acked, delivered (to the other side), lost (acked but
never delivered to the other side), duplicated (one client_id delivered twice to one client),
send→receive latency p50/p90/p99/max and send→ack, the server's CPU (share of one core while
sending, and CPU milliseconds per message), the machine's load before and after, and last the
`CHAT ...` line. Exits 1 if anything was lost, duplicated, left unacknowledged, delivered out
of order, or stored wrongly. Results also go to var/bench-chat/results.json.
"""

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import random
import re
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from bench.chat_harness import ROOT, ServerProcess, Site, redis_reachable
from bench.run import machine, wait_for_quiet

DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
SENT_AT = re.compile(r"sent at (\d+\.\d+)")
P99_GOAL_MS = 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--per-listener", type=int, default=2, help="conversations a listener has")
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_CHAT_SECONDS", 60))
    )
    parser.add_argument("--every", type=float, nargs=2, default=(1.0, 2.0), metavar=("MIN", "MAX"))
    parser.add_argument(
        "--grace", type=float, default=10, help="seconds without progress before giving up"
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--redis",
        nargs="?",
        const=DEFAULT_REDIS,
        default="",
        help=f"serve the Redis channel layer (default URL {DEFAULT_REDIS}, under a run prefix)",
    )
    parser.add_argument(
        "--postgres",
        default="",
        metavar="URL",
        help="a PostgreSQL server (postgres://user@host:port/any) to make the run's own "
        "database in, and drop after, instead of SQLite",
    )
    parser.add_argument("--client-processes", type=int, default=1)
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=30,
        help="seconds to wait, at most, for other work on the machine to calm down first",
    )
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "bench-chat")
    parser.add_argument("--profile", action="store_true", help="sample the server with py-spy")
    args = parser.parse_args()
    if args.workers > 1 and not args.redis:
        parser.error("the in-memory channel layer reaches one process only: add --redis")
    if args.redis and not redis_reachable(args.redis):
        parser.error(f"Redis does not answer at {args.redis}")

    started = time.monotonic()
    site = Site(args.data_dir, database_url=args.postgres, redis_url=args.redis)
    site.create_database()
    try:
        return run(args, site, started)
    finally:
        site.drop()  # its Redis keys and PostgreSQL database; a SQLite file stays for a look


def run(args: argparse.Namespace, site: Site, started: float) -> int:
    where = f"PostgreSQL ({site.own_database})" if args.postgres else args.data_dir
    step(f"a fresh database in {where}")
    for name in ("nearer.sqlite3", "nearer.sqlite3-wal", "nearer.sqlite3-shm"):
        (args.data_dir / name).unlink(missing_ok=True)
    site.prepare()
    step(f"seeding {args.conversations} accepted conversations")
    seeded_at = time.monotonic()
    conversations = site.seed(args.conversations, per_listener=args.per_listener)
    seed_seconds = time.monotonic() - seeded_at
    print(f"seeding took {seed_seconds:.1f} s", flush=True)

    step(f"waiting up to {args.quiet_wait:g} s for other work on the machine to calm down")
    busy = wait_for_quiet(args.quiet_wait)
    load_before = load_average()
    server = ServerProcess(site, workers=args.workers, log=args.data_dir / "server.log")
    layer = "Redis" if args.redis else "in-memory"
    step(f"starting {' '.join(server.command()[1:])} ({layer} channel layer)")
    with server:
        sampler = start_profile(args, server) if args.profile else None
        step(
            f"{2 * len(conversations)} clients, {args.seconds:g} s, a message every "
            f"{args.every[0]:g}–{args.every[1]:g} s from each "
            f"(before: load {load_before}, other work {busy:.0%} of the CPUs)"
        )
        tallies, cpu = run_clients(args, server, conversations)
        load_after = load_average()
        if sampler:
            finish_profile(args, sampler)
    step("reading the database back")
    stored = json.loads(site.python("-m", "bench.chat_seed", "stored").strip().splitlines()[-1])

    results = summarize(tallies, stored, conversations)
    results.update(
        date=datetime.now(UTC).isoformat(timespec="seconds"),
        machine=machine(),
        workers=args.workers,
        layer=layer,
        database="PostgreSQL" if args.postgres else "SQLite",
        seconds=args.seconds,
        every=list(args.every),
        per_listener=args.per_listener,
        client_processes=args.client_processes,
        seed_seconds=round(seed_seconds, 1),
        load_before=load_before,
        load_after=load_after,
        others_cpu_before=busy,
        server_cpu_share=round(cpu["server"] / cpu["seconds"], 2),
        client_cpu_share=round(cpu["clients"] / cpu["seconds"], 2),
        # What everything else on the machine used meanwhile, as a share of all its CPUs.
        others_cpu_during=round(
            max(0.0, cpu["machine"] - cpu["server"] - cpu["clients"])
            / (cpu["seconds"] * (os.cpu_count() or 1)),
            2,
        ),
        server_cpu_ms_per_message=round(1000 * cpu["server_all"] / max(1, results["sent"]), 2),
        total_seconds=round(time.monotonic() - started, 1),
    )
    results["results_file"] = str(args.data_dir / "results.json")
    (args.data_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    return report(results)


# -- the clients ------------------------------------------------------------------------------


@dataclass
class Side:
    """One WebSocket client: one side of one conversation. Like the page's script, it keeps
    what it sent until acknowledged, and if its connection drops it reconnects with
    ?after=<the last seq it has> and sends the unacknowledged ones again (same client_id)."""

    conversation: str
    role: str  # member or listener
    session: str
    sent: dict[str, float] = field(default_factory=dict)  # client_id -> send time
    bodies: dict[str, str] = field(default_factory=dict)  # client_id -> body, for resending
    acked: dict[str, int] = field(default_factory=dict)  # client_id -> seq
    received: Counter = field(default_factory=Counter)  # client_id -> times delivered here
    latencies: list[float] = field(default_factory=list)  # ms, others' messages only
    sent_times: list[float] = field(default_factory=list)  # their send times (wall clock)
    ack_latencies: list[float] = field(default_factory=list)  # ms
    errors: Counter = field(default_factory=Counter)
    out_of_order: int = 0
    last_seq: int = 0
    ws: object = None  # the open connection, or None while (re)connecting
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    closures: list[str] = field(default_factory=list)  # why connections ended early

    @property
    def other_role(self) -> str:
        return "listener" if self.role == "member" else "member"


def run_clients(args, server: ServerProcess, conversations: list[dict]):
    """Run the clients (in one or more processes): every side's tally, and the CPU time the
    server and the clients used while messages were being sent."""
    shares = [conversations[n :: args.client_processes] for n in range(args.client_processes)]
    target = SimpleNamespace(port=server.port, origin=server.origin, pid=server.pid)
    if args.client_processes == 1:
        parts = [client_process(args, target, shares[0], None)]
    else:  # forked, so the barrier and the queue are inherited, not pickled
        context = multiprocessing.get_context("fork")
        ready, answers = context.Barrier(args.client_processes), context.Queue()
        children = [
            context.Process(
                target=client_child, args=(n, answers, args, target, share, ready), daemon=True
            )
            for n, share in enumerate(shares)
        ]
        for child in children:
            child.start()
        answered = dict(answers.get() for _ in children)
        for child in children:
            child.join()
        parts = [answered[n] for n in range(len(children))]
    tallies = [tally for part, _ in parts for tally in part]
    cpu = {
        "server": parts[0][1]["server"],
        "clients": sum(c["clients"] for _, c in parts),
        "seconds": parts[0][1]["seconds"],
        "server_all": parts[0][1]["server_all"],
        "machine": parts[0][1]["machine"],
    }
    return tallies, cpu


def client_child(n: int, answers, args, server, conversations: list[dict], ready) -> None:
    answers.put((n, client_process(args, server, conversations, ready)))


def client_process(args, server: SimpleNamespace, conversations: list[dict], ready):
    import uvloop

    return uvloop.run(clients(args, server, conversations, ready))


async def clients(args, server: SimpleNamespace, conversations: list[dict], ready):
    sides = [
        Side(c["id"], role, c[f"{role}_session"])
        for c in conversations
        for role in ("member", "listener")
    ]
    by_role = {(s.conversation, s.role): s for s in sides}
    gate = asyncio.Semaphore(50)  # connect in waves, not all 400 in the same millisecond
    stopping = asyncio.Event()
    keepers = [
        asyncio.create_task(keep_connected(side, server, by_role, gate, stopping)) for side in sides
    ]
    await asyncio.gather(*(side.connected.wait() for side in sides))
    if ready is not None:
        await asyncio.get_running_loop().run_in_executor(None, ready.wait)
    loop = asyncio.get_running_loop()
    start = loop.time()
    end = start + args.seconds
    server_cpu, own_cpu = group_cpu_seconds(server.pid), time.process_time()
    machine_before = machine_cpu_seconds()
    await asyncio.gather(*(write(side, end, args.every) for side in sides))
    sending_stopped = loop.time()
    cpu = {
        "server": group_cpu_seconds(server.pid) - server_cpu,
        "clients": time.process_time() - own_cpu,
        "seconds": sending_stopped - start,
        "machine": machine_cpu_seconds() - machine_before,
    }
    await wait_for_stragglers(sides, by_role, args.grace)
    measured = loop.time() - start
    cpu["server_all"] = group_cpu_seconds(server.pid) - server_cpu  # the backlog's work too
    stopping.set()
    for side in sides:
        if side.ws is not None:
            await side.ws.close()
    await asyncio.gather(*keepers, return_exceptions=True)
    return [
        tally(side, by_role) | {"measured": measured, "sending": sending_stopped - start}
        for side in sides
    ], cpu


async def keep_connected(side: Side, server, by_role: dict, gate, stopping) -> None:
    """Connect, read until the connection ends, and (unless the bench is stopping) reconnect
    with ?after=<last seq>, resending what was never acknowledged."""
    from websockets.asyncio.client import connect

    first = True
    while not stopping.is_set():
        after = "" if first else f"?after={side.last_seq}"
        try:
            async with gate:
                ws = await connect(
                    f"ws://127.0.0.1:{server.port}/ws/chat/{side.conversation}/{after}",
                    origin=server.origin,
                    additional_headers={"Cookie": f"sessionid={side.session}"},
                    open_timeout=60,
                    max_queue=None,
                    ping_interval=None,
                    compression=None,
                )
        except Exception as error:
            side.closures.append(f"connect: {error!r}")
            await asyncio.sleep(1)
            continue
        side.ws = ws
        if not first:
            for client_id in [c for c in side.sent if c not in side.acked]:
                with contextlib.suppress(Exception):
                    await ws.send(frame(client_id, side.bodies[client_id]))
        first = False
        side.connected.set()
        reason = await read(ws, side, by_role)
        side.ws = None
        if not stopping.is_set():
            side.closures.append(reason)
            await asyncio.sleep(random.uniform(0.5, 1.5))


def frame(client_id: str, body: str) -> str:
    return json.dumps({"type": "message", "client_id": client_id, "body": body})


async def write(side: Side, end: float, every: tuple[float, float]) -> None:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(random.uniform(0, every[1]))  # spread the first messages out
    number = 0
    while loop.time() < end:
        number += 1
        client_id = str(uuid.uuid4())
        now = time.time()
        body = f"Message {number} from the {side.role}, sent at {now:.6f}"
        side.sent[client_id] = now
        side.bodies[client_id] = body
        ws = side.ws
        if ws is not None:  # otherwise it goes when the connection is back
            with contextlib.suppress(Exception):
                await ws.send(frame(client_id, body))
        await asyncio.sleep(random.uniform(*every))


async def read(ws, side: Side, by_role: dict) -> str:
    """Record every frame until the connection ends; returns why it ended."""
    other = by_role[(side.conversation, side.other_role)]
    try:
        async for raw in ws:
            now = time.time()
            frame = json.loads(raw)
            kind = frame.get("type")
            if kind == "message":
                client_id = frame.get("client_id")
                side.received[client_id] += 1
                seq = frame.get("seq", 0)
                if seq <= side.last_seq:
                    side.out_of_order += 1
                side.last_seq = max(side.last_seq, seq)
                if client_id in other.sent and side.received[client_id] == 1:
                    match = SENT_AT.search(frame.get("body", ""))
                    sent_at = float(match.group(1)) if match else other.sent[client_id]
                    side.latencies.append((now - sent_at) * 1000)
                    side.sent_times.append(sent_at)
            elif kind == "ack":
                client_id = frame.get("client_id")
                if client_id in side.sent and client_id not in side.acked:
                    side.ack_latencies.append((now - side.sent[client_id]) * 1000)
                side.acked[client_id] = frame.get("seq")
            elif kind == "error":
                side.errors[frame.get("code", "?")] += 1
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return f"closed by the server ({ws.close_code} {ws.close_reason})"


async def wait_for_stragglers(sides: list[Side], by_role: dict, grace: float) -> None:
    """Until every sent message is acked and every acked one delivered, or nothing has moved
    for ``grace`` seconds (an overloaded server is slow, not lossy: wait while it catches up,
    up to ten graces in all)."""
    loop = asyncio.get_running_loop()
    give_up = loop.time() + 10 * grace

    def outstanding() -> int:
        count = 0
        for side in sides:
            other = by_role[(side.conversation, side.other_role)]
            count += sum(1 for cid in side.sent if cid not in side.acked)
            count += sum(1 for cid in side.acked if not other.received[cid])
        return count

    left, moved_at = outstanding(), loop.time()
    while left and loop.time() - moved_at < grace and loop.time() < give_up:
        await asyncio.sleep(0.2)
        now_left = outstanding()
        if now_left < left:
            moved_at = loop.time()
        left = now_left


def tally(side: Side, by_role: dict) -> dict:
    other = by_role[(side.conversation, side.other_role)]
    acked = set(side.acked)
    return {
        "conversation": side.conversation,
        "role": side.role,
        "sent": len(side.sent),
        "acked": sorted(acked),
        "acked_seqs": dict(side.acked),
        "unacked": sum(1 for cid in side.sent if cid not in acked),
        "delivered": sum(1 for cid in side.sent if other.received[cid]),
        "lost": sorted(cid for cid in acked if not other.received[cid]),
        "echo_missing": sum(1 for cid in acked if not side.received[cid]),
        "duplicated": sum(n - 1 for n in side.received.values() if n > 1),
        "latencies": side.latencies,
        "sent_times": side.sent_times,
        "ack_latencies": side.ack_latencies,
        "errors": dict(side.errors),
        "out_of_order": side.out_of_order,
        "closures": side.closures,
    }


# -- results ----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summarize(tallies: list[dict], stored: list[list], conversations: list[dict]) -> dict:
    latencies = [ms for t in tallies for ms in t["latencies"]]
    # p99 for each 5 s of sending: a steady queue, or stalls?
    timed = [
        (at, ms) for t in tallies for at, ms in zip(t["sent_times"], t["latencies"], strict=True)
    ]
    first = min((at for at, _ in timed), default=0)
    windows: dict[int, list[float]] = {}
    for at, ms in timed:
        windows.setdefault(int((at - first) // 5), []).append(ms)
    ack_latencies = [ms for t in tallies for ms in t["ack_latencies"]]
    errors: Counter = Counter()
    for t in tallies:
        errors.update(t["errors"])
    # The database, read back after the server stopped: each acked message once, at its seq.
    rows: Counter = Counter()
    seqs: dict[str, list[int]] = {}
    at_seq: dict[tuple[str, str], int] = {}
    for conversation, client_id, seq in stored:
        rows[(conversation, client_id)] += 1
        seqs.setdefault(conversation, []).append(seq)
        at_seq[(conversation, client_id)] = seq
    acked = [(t["conversation"], cid, t["acked_seqs"][cid]) for t in tallies for cid in t["acked"]]
    not_stored = [a for a in acked if not rows[(a[0], a[1])]]
    stored_twice = sum(n - 1 for n in rows.values() if n > 1)
    wrong_seq = [a for a in acked if rows[(a[0], a[1])] and at_seq[(a[0], a[1])] != a[2]]
    gaps = [c for c, s in seqs.items() if sorted(s) != list(range(1, len(s) + 1))]
    return {
        "conversations": len(conversations),
        "clients": len(tallies),
        "sent": sum(t["sent"] for t in tallies),
        "acked": len(acked),
        "unacked": sum(t["unacked"] for t in tallies),
        "delivered": sum(t["delivered"] for t in tallies),
        "lost": sum(len(t["lost"]) for t in tallies),
        "lost_examples": [cid for t in tallies for cid in t["lost"]][:5],
        "duplicated": sum(t["duplicated"] for t in tallies),
        "echo_missing": sum(t["echo_missing"] for t in tallies),
        "out_of_order": sum(t["out_of_order"] for t in tallies),
        "errors": dict(errors),
        "reconnects": sum(len(t["closures"]) for t in tallies),
        "reconnect_reasons": dict(
            Counter(reason.split(" (")[0][:90] for t in tallies for reason in t["closures"])
        ),
        "stored": len(stored),
        "not_stored": len(not_stored),
        "stored_twice": stored_twice,
        "wrong_seq": len(wrong_seq),
        "seq_gaps": len(gaps),
        "p50_ms": percentile(latencies, 0.50),
        "p90_ms": percentile(latencies, 0.90),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": max(latencies, default=float("nan")),
        "p99_ms_by_5s": [round(percentile(windows[w], 0.99)) for w in sorted(windows)],
        "ack_p50_ms": percentile(ack_latencies, 0.50),
        "ack_p99_ms": percentile(ack_latencies, 0.99),
        "measured_seconds": max((t["measured"] for t in tallies), default=1),
        "sending_seconds": max((t["sending"] for t in tallies), default=1),
    }


def report(r: dict) -> int:
    rate = r["sent"] / r["sending_seconds"]
    print(f"\nconversations       {r['conversations']} ({r['clients']} clients)")
    print(f"messages sent       {r['sent']} ({rate:.0f}/s for {r['sending_seconds']:.0f} s)")
    print(f"acked               {r['acked']} (unacked {r['unacked']}, errors {r['errors'] or 0})")
    print(f"delivered           {r['delivered']} (to the other side)")
    print(f"lost                {r['lost']} {r['lost_examples'] or ''}")
    print(f"duplicated          {r['duplicated']}")
    print(
        f"stored              {r['stored']} (acked but not stored {r['not_stored']}, stored "
        f"twice {r['stored_twice']}, at another seq {r['wrong_seq']}, "
        f"conversations with seq gaps {r['seq_gaps']})"
    )
    print(
        f"latency send→receive p50 {r['p50_ms']:.1f} ms, p90 {r['p90_ms']:.1f} ms, "
        f"p99 {r['p99_ms']:.1f} ms, max {r['max_ms']:.1f} ms; "
        f"send→ack p50 {r['ack_p50_ms']:.1f} ms, p99 {r['ack_p99_ms']:.1f} ms"
    )
    print(f"p99 ms for each 5 s of sending: {' '.join(map(str, r['p99_ms_by_5s']))}")
    print(
        f"also: echoes to the sender missing {r['echo_missing']}, received out of seq order "
        f"or twice {r['out_of_order']}, connections lost and resumed {r['reconnects']} "
        f"{r['reconnect_reasons'] or ''}"
    )
    print(
        f"server: {r['workers']} worker(s), {r['layer']} channel layer, {r['database']}; "
        "while sending, the "
        f"server used {r['server_cpu_share']:.0%} of one CPU "
        f"({r['server_cpu_ms_per_message']:.2f} ms a message), the clients "
        f"{r['client_cpu_share']:.0%}; "
        f"load before {r['load_before']}, "
        f"after {r['load_after']}; other work used {r['others_cpu_before']:.0%} of the CPUs "
        f"just before, {r['others_cpu_during']:.0%} while sending"
    )
    failed = r["lost"] + r["duplicated"] + r["not_stored"] + r["stored_twice"] + r["wrong_seq"]
    failed += r["seq_gaps"] + r["unacked"] + r["out_of_order"] + r["echo_missing"]
    print(f"goal p99 <= {P99_GOAL_MS} ms {'met' if r['p99_ms'] <= P99_GOAL_MS else 'NOT met'}")
    print(f"{r['total_seconds']:.0f} s in all; details in {r['results_file']}")
    print(
        f"CHAT conversations={r['conversations']} sent={r['sent']} acked={r['acked']} "
        f"delivered={r['delivered']} lost={r['lost']} duplicated={r['duplicated']} "
        f"p50_ms={r['p50_ms']:.1f} p99_ms={r['p99_ms']:.1f}"
    )
    return 1 if failed else 0


# -- the machine ------------------------------------------------------------------------------


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine_cpu_seconds() -> float:
    """CPU time the whole machine has spent busy (all CPUs, all processes) since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    busy = sum(fields[:8]) - fields[3] - fields[4]  # all but idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by every process in a process group."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid:  # fields[2] is the process group
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def step(message: str) -> None:
    print(f"\n== bench-chat: {message}", flush=True)


# -- profiling --------------------------------------------------------------------------------

SPY = "py-spy==0.4.3"


def start_profile(args, server: ServerProcess):
    """Sample the server with py-spy (installed into var/bench-chat/tools, not the project's
    environment): only the thread holding the GIL, as the server is bound by it."""
    import subprocess

    tools = args.data_dir / "tools"
    spy = tools / "bin" / "py-spy"
    if not spy.exists():
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(tools), SPY],
            check=True,
        )
    out = args.data_dir / "profile.txt"
    record = ["record", "--pid", str(server.pid), "--subprocesses", "--gil", "--threads"]
    record += ["--rate", "250", "--duration", str(int(args.seconds)), "--format", "raw"]
    record += ["--output", str(out)]
    process = subprocess.Popen(  # noqa: S603
        [str(spy), *record], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return process, out


def finish_profile(args, sampler) -> None:
    process, out = sampler
    process.wait(timeout=120)
    summarize_profile(out)


WATCHED = (
    "nearer/",
    "channels/",
    "channels_redis/",
    "django/db/",
    "django/core/cache",
    "asgiref/",
    "websockets/",
    "uvicorn/",
    "json/",
    "redis/",
)


def summarize_profile(path: Path, top: int = 30) -> None:
    """Where the server's GIL time went: per thread, per function (inclusive), and the
    functions that held it themselves (exclusive)."""
    threads: Counter = Counter()
    inclusive: Counter = Counter()
    exclusive: Counter = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        samples = int(count)
        total += samples
        frames = stack.split(";")
        thread = next((f for f in frames[:2] if f.startswith("thread")), "?")
        code = [f for f in frames if not f.startswith(("process", "thread"))]
        event_loop = any("uvicorn/main.py" in f or "asyncio/runners" in f for f in code)
        threads["event loop" if event_loop else f"other ({thread})"] += samples
        for frame in set(code):
            if any(w in frame for w in WATCHED):
                inclusive[frame] += samples
        if code:
            exclusive[code[-1]] += samples
    if not total:
        print("no samples")
        return
    print(f"\n{total} samples of the thread holding the GIL, by thread:")
    for name, samples in threads.most_common(6):
        print(f"  {samples / total:6.1%}  {name}")
    print("inclusive (the function and what it called):")
    for frame, samples in inclusive.most_common(top):
        print(f"  {samples / total:6.1%}  {frame}")
    print("exclusive (the function itself):")
    for frame, samples in exclusive.most_common(15):
        print(f"  {samples / total:6.1%}  {frame}")
    print(f"(raw stacks: {path}; speedscope.app draws them as a flame graph)")


if __name__ == "__main__":
    sys.exit(main())
