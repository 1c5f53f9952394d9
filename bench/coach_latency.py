"""The SMART coach's offline engine, timed per goal: `python -m bench.coach_latency [FILE]`.

Runs the engine over every text of a labeled file (nearer/coach/data/labeled.jsonl by default)
many times, one goal per timing, and prints `COACH p50_ms=… p99_ms=…` (target: p99 ≤ 10 ms).
No database, no network, no Django setup: the engine is plain Python.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nearer.coach.engine import analyze  # noqa: E402
from nearer.coach.engine.proposals import breakdown, rewrite  # noqa: E402

DEFAULT_FILE = ROOT / "nearer" / "coach" / "data" / "labeled.jsonl"


def texts_from(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the file (default 20)")
    parser.add_argument(
        "--full", action="store_true", help="time the rewrite and small steps too, as the page does"
    )
    args = parser.parse_args()
    texts = texts_from(args.file)
    for text in texts:  # warm-up: compile the patterns, fill the caches
        analyze(text)
    timings: list[float] = []
    clock = time.perf_counter
    for _ in range(args.rounds):
        for text in texts:
            started = clock()
            analysis = analyze(text)
            if args.full:
                rewrite(analysis)
                if analysis.is_challenge:
                    breakdown(analysis)
            timings.append((clock() - started) * 1000)
    print(
        f"COACH p50_ms={percentile(timings, 0.50):.3f} p99_ms={percentile(timings, 0.99):.3f} "
        f"(goals={len(texts)} runs={len(timings)} mean_ms={statistics.fmean(timings):.3f}"
        f"{' full' if args.full else ''})"
    )


if __name__ == "__main__":
    main()
