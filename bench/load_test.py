"""Load test: N real sessions train the lesson's 4-layer preset at the same time.

    python bench/load_test.py [--sessions 30] [--timeout 300]

Starts ``streamlit run`` on 127.0.0.1, opens N sessions (websocket clients speaking the app's
protocol, see bench/streamlit_server.py), clicks Train in all of them at once, and prints: how
many runs finished with the lesson's result, per-session and total wall time, the latency of
/_stcore/health while they train, and the server's memory before and after. Every loop is
bounded in count and time; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.streamlit_server import Session, rss_mb, start_server, stop_server  # noqa: E402

DONE = "Finished: 2500 iterations"


def poll_health(url: str, stop: threading.Event, out: list[float]) -> None:
    """GET /_stcore/health every 0.2 s until ``stop``; append each latency (s)."""
    while not stop.is_set():
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as r:
                r.read()
            out.append(time.perf_counter() - start)
        except OSError:
            out.append(float("inf"))
        stop.wait(0.2)


def run_load(url: str, n: int, timeout: float = 300.0) -> dict:
    """Open n sessions on the training page, click Train in all at once, collect results."""
    sessions = [Session(url, "training", timeout) for _ in range(n)]
    try:
        with ThreadPoolExecutor(n) as pool:
            list(pool.map(lambda s: s.run(), sessions))  # every page drawn once
            health: list[float] = []
            stop = threading.Event()
            poller = threading.Thread(target=poll_health, args=(url, stop, health))
            poller.start()
            start = time.perf_counter()
            runs = list(pool.map(lambda s: s.run(("train_button",)), sessions))
            total = time.perf_counter() - start
            stop.set()
            poller.join()
    finally:
        for s in sessions:
            s.close()
    ok = sum(1 for r in runs if any(DONE in t for t in r.texts) and not r.exceptions)
    return {
        "sessions": n,
        "ok": ok,
        "errors": sum(len(r.exceptions) for r in runs),
        "total": total,
        "per_session": [r.seconds for r in runs],
        "health": health,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    proc, url = start_server()
    try:
        Session(url, "training").run()  # load the data set once (shared by all sessions)
        before = rss_mb(proc.pid)
        result = run_load(url, args.sessions, args.timeout)
        after = rss_mb(proc.pid)
    finally:
        log = stop_server(proc)
    per, health = result["per_session"], sorted(result["health"])
    print(f"{result['sessions']} sessions training the 4-layer preset at once on 127.0.0.1")
    print(
        f"  finished with the lesson's result: {result['ok']}/{result['sessions']}, "
        f"exceptions: {result['errors']}, server tracebacks: {log.count('Traceback')}"
    )
    print(
        f"  wall time for all: {result['total']:.1f} s; per session: median "
        f"{statistics.median(per):.1f} s, max {max(per):.1f} s"
    )
    print(
        f"  /_stcore/health during the run: {len(health)} probes, median "
        f"{1000 * statistics.median(health):.0f} ms, max {1000 * max(health):.0f} ms"
    )
    print(
        f"  server memory: {before:.0f} MB before, {after:.0f} MB after "
        f"({(after - before) / result['sessions']:.1f} MB per session)"
    )


if __name__ == "__main__":
    main()
