"""What a shared link costs a server when a whole class opens it at once (issue 17, point 6).

    python bench/link_load.py [--sessions 30] [--runs 10] [--iterations 1] [--light]

A link names ``--runs`` of the heaviest runs the page allows (8 hidden layers, n[1] = 256, the
others 512, Adam, batches of 16; each with its own seed, ``--iterations`` each), or with
``--light`` the lesson's 4-layer run at 2,500 iterations. On a fresh ``streamlit run`` server
(127.0.0.1) the script opens the link in 1 session, then, on another fresh server, in
``--sessions`` sessions at once (websocket clients speaking the app's protocol,
bench/streamlit_client.py). For each it prints the server's CPU seconds (user + system, from
/proc) and resident memory before, when every page has drawn the link, and after the tabs
closed (at once, then once Streamlit has ended the closed sessions), and how many runs the
server trained: it logs one line per run trained for sharing (ui/core/replays.py), counted here.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.streamlit_client import Session  # noqa: E402
from bench.streamlit_server import rss_mb, start_server, stop_server  # noqa: E402

HEAVY = "dims.12288-256-512-512-512-512-512-512-512-1_opt.adam_batch.16"
LIGHT = "dims.12288-20-7-5-1_it.2500"
TRAINED = "shared run trained:"  # the server's log line per run trained (ui/core/replays.py)
TTL = 5  # server.disconnectedSessionTTL for the bench's servers: closed tabs end 5 s later


def link(runs: int, iterations: int, light: bool) -> str:
    """The link's query string."""
    if light:
        return f"runs={LIGHT}"
    return "runs=" + "~".join(f"{HEAVY}_seed.{k + 1}_it.{iterations}" for k in range(runs))


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def open_link(url: str, query: str) -> tuple[Session, float, dict]:
    """One tab opening the link; it stays open. (session, seconds, the metrics it shows)."""
    start = time.perf_counter()
    s = Session(url, "training", timeout=600, query=query)
    run = s.run()
    while run.rerun:  # the page first, then the link's runs trained again and a rerun
        run = s.wait()
    return s, time.perf_counter() - start, run.metrics


def measure(n: int, query: str) -> dict:
    """A fresh server, ``n`` tabs opening ``query`` at once; its CPU, memory and runs trained."""
    proc, url = start_server(args=("--server.disconnectedSessionTTL", str(TTL)))
    try:
        warm = Session(url, "training")  # the data loaded, as on a server already in use
        warm.run()
        warm.close()
        time.sleep(TTL + 3)
        out = {"cpu0": cpu_seconds(proc.pid), "rss0": rss_mb(proc.pid)}
        with ThreadPoolExecutor(n) as pool:
            opened = list(pool.map(lambda _: open_link(url, query), range(n)))
        out["cpu1"], out["rss1"] = cpu_seconds(proc.pid), rss_mb(proc.pid)
        out["seconds"] = [s for _, s, _ in opened]
        out["metrics"] = {tuple(sorted(m.items())) for _, _, m in opened}
        for session, _, _ in opened:
            session.close()
        time.sleep(3)  # the upload sweep's turn; the sessions are still kept by Streamlit
        out["rss2"] = rss_mb(proc.pid)
        time.sleep(TTL + 30)  # Streamlit ends the closed sessions (it checks now and then)
        out["rss3"], out["cpu3"] = rss_mb(proc.pid), cpu_seconds(proc.pid)
    finally:
        log = stop_server(proc)
    out["trained"] = log.count(TRAINED)
    out["tracebacks"] = len(re.findall("Traceback", log))
    return out


def main() -> None:
    """Print the two measurements side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=1)
    parser.add_argument("--light", action="store_true")
    args = parser.parse_args()
    query = link(args.runs, args.iterations, args.light)
    named = "the lesson's 4-layer run" if args.light else f"{args.runs} of the heaviest runs"
    print(f"a link naming {named} ({len(query)} characters), opened on a fresh server")
    rows = {1: measure(1, query), args.sessions: measure(args.sessions, query)}
    print(f"{'tabs':>5}{'runs trained':>14}{'CPU s':>8}{'CPU s/tab':>10}{'s/tab (median)':>16}"
          f"{'RSS before':>12}{'all drawn':>11}{'closed':>9}{'ended':>8}  results")  # fmt: skip
    for n, r in rows.items():
        cpu = r["cpu1"] - r["cpu0"]
        print(
            f"{n:>5}{r['trained']:>14}{cpu:>8.1f}{cpu / n:>10.2f}"
            f"{statistics.median(r['seconds']):>16.1f}{r['rss0']:>9.0f} MB{r['rss1']:>8.0f} MB"
            f"{r['rss2']:>6.0f} MB{r['rss3']:>5.0f} MB  {len(r['metrics'])} distinct"
            + (f", {r['tracebacks']} tracebacks" if r["tracebacks"] else "")
        )
    print("(RSS of the server process; 'ended': 30 s after Streamlit's session TTL of 5 s)")


if __name__ == "__main__":
    main()
