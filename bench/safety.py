"""The safety reader, timed per 4 KB message: `python -m bench.safety`.

Builds messages of 4,096 characters the way a long journal entry or post reads: the team's
ordinary labeled lines (which borrow danger words on purpose), with one risky line placed at a
random point in half of them; each message is different, in a fixed order. Reads each once
with ``nearer.safety.reader``,
and prints `SAFETY p50_ms=… p99_ms=…` (target: p99 ≤ 5 ms). The model is trained and the
patterns compiled before the clock starts. No database, no network, no Django setup.
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nearer.safety import model, reader  # noqa: E402

SIZE = 4096


def lines() -> tuple[list[str], list[str]]:
    """(ordinary, risky) texts of the labeled files."""
    ordinary, risky = [], []
    for path in sorted((ROOT / "nearer" / "safety" / "data" / "labeled").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            (risky if row["risk"] else ordinary).append(row["text"])
    return ordinary, risky


def messages(ordinary: list[str], risky: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        parts, size = [], 0
        while size < SIZE:
            part = rng.choice(ordinary)
            parts.append(part)
            size += len(part) + 1
        if n % 2:
            parts.insert(rng.randrange(len(parts)), rng.choice(risky))
        out.append(" ".join(parts)[:SIZE])
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000, help="messages to time")
    args = parser.parse_args()
    ordinary, risky = lines()
    model.trained()
    for message in messages(ordinary, risky, 50, seed=1):  # warm-up: compile, fill word caches
        reader.read(message)
    timings = []
    clock = time.perf_counter
    for message in messages(ordinary, risky, args.messages, seed=2):
        started = clock()
        reader.read(message)
        timings.append((clock() - started) * 1000)
    print(
        f"SAFETY p50_ms={percentile(timings, 0.50):.3f} p99_ms={percentile(timings, 0.99):.3f} "
        f"(messages={len(timings)} size={SIZE} mean_ms={statistics.fmean(timings):.3f})"
    )


if __name__ == "__main__":
    main()
