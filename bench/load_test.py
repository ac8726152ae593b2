"""Load test: a class of N sessions clicks Train at the same moment.

    python bench/load_test.py [--sessions 30] [--replicas N] [--direct] [--heavy]

By default it measures the classroom deployment (deploy/classroom.py): HAProxy on 127.0.0.1
with one Streamlit replica per core. ``--direct`` measures one ``streamlit run`` server instead.
N sessions (websocket clients speaking the app's protocol, bench/streamlit_client.py, keeping
the proxy's cookie like a browser) open the training page and click Train at once. ``--heavy``:
one of them first starts the heaviest run the sliders allow (8 hidden layers, n[1] = 256, the
others 512, Adam, batch 16), the other N - 1 run the lesson; the heavy run is stopped at the end.

Prints: runs that finished with the lesson's result, exceptions, server tracebacks, wall time
for all, median and max per session, /_stcore/health latency while they train, memory per
replica, and the efficiency N × solo ÷ (cores × wall time for all), where solo is the engine
seconds (``Trainer.seconds``) of the lesson's run alone on one core in this process (the median
of 3 runs before and 3 after the load). 1.0 is perfect use of every core; the live chart's
animation counts against it. Every loop is bounded in count and time; only 127.0.0.1 is
contacted.
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

from bench.streamlit_client import Session  # noqa: E402
from bench.streamlit_server import rss_mb, start_server, stop_server  # noqa: E402

# the lesson's 4-layer run as the page shows it: train and test accuracy, iterations
LESSON_RESULT = {"98.6%", "80.0%", "2,500"}
STOPPED = "Stopped at iteration"  # how the page says a run was stopped
HEAVY = {"hidden_layers": 8, "units": [256] + [512] * 7, "optimizer": "Adam", "batch_size": "16"}


def lesson_result(run) -> bool:
    """Whether a run ended with the lesson's numbers and no exception."""
    return LESSON_RESULT <= set(run.metrics.values()) and not run.exceptions


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


def make_heavy(session: Session) -> None:
    """Set the heaviest configuration through the page's widgets, as a visitor would."""
    session.set("hidden_layers", HEAVY["hidden_layers"])
    session.run()  # draws the eight n[l] inputs
    for k, units in enumerate(HEAVY["units"]):
        session.set(f"units_{k}", units)
    session.set("optimizer", HEAVY["optimizer"])
    session.set("batch_size", HEAVY["batch_size"])
    session.run()


def run_load(url: str, n: int, timeout: float = 300.0, heavy: bool = False) -> dict:
    """Open n sessions on the training page, click Train in all at once, collect results.

    With ``heavy``, session 0 starts the heaviest run first and is stopped once the others
    are done; its numbers are in ``result["heavy"]`` and not in the others'.
    """
    sessions = [Session(url, "training", timeout) for _ in range(n)]
    heavy_run: dict = {}
    try:
        with ThreadPoolExecutor(n) as pool:
            list(pool.map(lambda s: s.run(), sessions))  # every page drawn once
            lesson = sessions[1:] if heavy else sessions
            if heavy:
                make_heavy(sessions[0])
            health: list[float] = []
            stop = threading.Event()
            poller = threading.Thread(target=poll_health, args=(url, stop, health))
            poller.start()
            if heavy:
                heavy_start = time.perf_counter()
                heavy_future = pool.submit(sessions[0].run, ("train_button",))
                time.sleep(1.0)  # the heavy run has started
            start = time.perf_counter()
            runs = list(pool.map(lambda s: s.run(("train_button",)), lesson))
            total = time.perf_counter() - start
            if heavy:
                sessions[0].send_rerun(("stop_button",))  # the teacher stops it
                # the interrupted run sends no "finished" of its own (fast reruns): reading
                # until the first one reads to the end of the run the Stop click started,
                # unless the heavy run had ended by itself before the click
                ended = heavy_future.result()
                if not any(STOPPED in text for text in ended.texts):
                    ended = sessions[0].wait()
                heavy_run["train"] = ended
                heavy_run["seconds"] = time.perf_counter() - heavy_start
                heavy_run["replica"] = sessions[0].replica
                heavy_run["stop_seconds"] = ended.seconds  # from the click (see send_rerun)
            stop.set()
            poller.join()
    finally:
        for s in sessions:
            s.close()
    return {
        "sessions": n,
        "ok": sum(1 for r in runs if lesson_result(r)),
        "errors": sum(len(r.exceptions) for r in runs),
        "total": total,
        "per_session": [r.seconds for r in runs],
        "health": health,
        "replicas": [s.replica for s in sessions],
        "heavy": heavy_run,
    }


def solo_seconds(repeat: int = 3) -> list[float]:
    """Engine seconds of the lesson's 4-layer run alone, on one core, ``repeat`` times.

    ``dnn.train`` runs on one BLAS thread by itself (see :mod:`dnn.blas`), as in each replica.
    """
    import dnn

    data = dnn.load_dataset()
    return [
        dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1]).seconds for _ in range(repeat)
    ]


def warm_up(url: str, replicas: int) -> None:
    """Draw the page once in every replica: each loads the data set (shared by its sessions)."""
    sessions, seen = [], set()
    try:
        while len(seen) < replicas and len(sessions) < 4 * replicas:
            sessions.append(Session(url, "training"))
            sessions[-1].run()
            seen.add(sessions[-1].replica)
    finally:
        for s in sessions:
            s.close()


def report(result: dict, solo: float, cores: int, memory: dict, tracebacks: int) -> None:
    """Print the numbers of one scenario."""
    per, health = result["per_session"], sorted(result["health"])
    n = len(per)
    print(
        f"  finished with the lesson's result: {result['ok']}/{n}, exceptions: "
        f"{result['errors']}, server tracebacks: {tracebacks}"
    )
    print(
        f"  wall time for all: {result['total']:.1f} s; per session: median "
        f"{statistics.median(per):.1f} s, max {max(per):.1f} s"
    )
    print(
        f"  /_stcore/health during the run: {len(health)} probes, median "
        f"{1000 * statistics.median(health):.0f} ms, max {1000 * max(health):.0f} ms"
    )
    for name, (before, after) in memory.items():
        print(f"  memory of {name}: {before:.0f} MB before, {after:.0f} MB after")
    spread = {r: result["replicas"].count(r) for r in sorted(set(result["replicas"]), key=str)}
    if None not in spread:
        print(f"  sessions per replica: {spread}")
    eff = n * solo / (cores * result["total"])
    total = result["total"]
    print(f"  efficiency {n} × {solo:.2f} s ÷ ({cores} cores × {total:.1f} s) = {eff:.2f}")
    if heavy := result["heavy"]:
        run = heavy["train"]
        shown = ", ".join(f"{k} {v}" for k, v in run.metrics.items()) or "no result shown"
        on = f" on {heavy['replica']}" if heavy["replica"] else ""
        print(
            f"  heavy run{on}: {heavy['seconds']:.1f} s from its click to the end of its run "
            f"({shown}); the Stop click's rerun took {heavy['stop_seconds']:.1f} s"
        )


def main() -> None:
    from deploy.classroom import Classroom, free_port
    from deploy.replicas import cores

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--replicas", type=int, default=cores(), help="default: one per core")
    parser.add_argument("--direct", action="store_true", help="one streamlit server, no proxy")
    parser.add_argument("--heavy", action="store_true", help="one heavy run + N - 1 lessons")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    solos = solo_seconds()  # 3 runs before and 3 after: the machine may be shared
    if args.direct:
        proc, url = start_server()
        local, n_replicas = {"server": proc}, 1
    else:
        room = Classroom(free_port(), args.replicas, "127.0.0.1").start()
        url, local, n_replicas = room.url, room.replicas, args.replicas
    try:
        warm_up(url, n_replicas)
        before = {name: rss_mb(p.pid) for name, p in local.items()}
        result = run_load(url, args.sessions, args.timeout, heavy=args.heavy)
        memory = {name: (before[name], rss_mb(p.pid)) for name, p in local.items()}
    finally:
        logs = {"server": stop_server(proc)} if args.direct else room.stop()
    solos += solo_seconds()
    solo = statistics.median(solos)
    solo_text = ", ".join(f"{s:.2f}" for s in solos)
    print(f"solo: the lesson's run alone on one core: {solo:.2f} s (median of {solo_text})")
    where = "one server, directly" if args.direct else f"HAProxy + {n_replicas} replicas"
    what = "1 heavy run + the 4-layer preset" if args.heavy else "the 4-layer preset"
    print(f"{args.sessions} sessions training {what} at once on 127.0.0.1 ({where})")
    tracebacks = sum(log.count("Traceback") for log in logs.values())
    report(result, solo, cores(), memory, tracebacks)


if __name__ == "__main__":
    main()
