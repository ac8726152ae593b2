"""30 students post a run and answer a question within the same second while the board is open.

    .venv/bin/python bench/board_load.py [--students 30] [--db URL | --postgres] [--rounds 1]

A real ``streamlit run`` server (the app as a laptop runs it) with the class board on a fresh
database (a SQLite file; ``--db`` a PostgreSQL URL; ``--postgres`` a throw-away PostgreSQL
server started from Debian's binaries as in the tests, tests/pg_server.py), and the teacher's
/board open in headless Chromium (Debian's /usr/bin/chromium). The teacher starts a class and
asks a question; then the students — threads posting through the board's own store, as their
sessions do (``ui.board.store.post_run``, ``ui.board.asking.answer``), each post sent twice
as a retry would be — are released together by a barrier. While they post, the bench reads
the board's counters in the page (runs, answers) every 20 ms. It prints:

- rows lost: posts that never reached the database (goal 0);
- duplicates: rows beyond one per post (goal 0);
- the board's delay: for the k-th post to complete, how long until the board showed k runs (or
  k answers) — median and max over all posts (goal: max ≤ 2 s).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.streamlit_server import start_server, stop_server  # noqa: E402
from tests.board_workers import sample_run  # noqa: E402
from ui.board import asking, store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
COUNTS = """() => {
    const runs = document.querySelector('.st-key-board_counts');
    const q = document.querySelector('.st-key-board_question');
    const r = runs ? runs.innerText.match(/(\\d+) runs/) : null;
    const a = q ? q.innerText.match(/(\\d+) answers/) : null;
    return [r ? +r[1] : 0, a ? +a[1] : 0];
}"""


def students(engine, code: str, n: int, done: dict) -> list[str]:
    """Join n students, then post a run and an answer each, all at once; errors."""
    qid = asking.current(engine, code, time.time())["id"]
    secrets = [store.join(engine, code, f"s{k}", time.time())[1] for k in range(n)]
    barrier, errors = threading.Barrier(n), []

    def one(k: int) -> None:
        try:
            barrier.wait()
            for _ in range(2):  # the second time is a retry of the first
                store.post_run(engine, code, secrets[k], sample_run(k), f"r{k}", time.time())
            done["runs"].append(time.time())
            for _ in range(2):
                asking.answer(engine, code, secrets[k], qid, k % 4, f"a{k}", time.time())
            done["answers"].append(time.time())
        except Exception as exc:  # noqa: BLE001 - counted and printed
            errors.append(f"s{k}: {exc}")

    threads = [threading.Thread(target=one, args=(k,)) for k in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return errors


def delays(completed: list[float], seen: list[tuple[float, int]]) -> list[float]:
    """For the k-th completion, seconds until the board first showed at least k."""
    out = []
    for k, t_done in enumerate(sorted(completed), start=1):
        shown = next((t for t, count in seen if count >= k), None)
        out.append(float("inf") if shown is None else max(0.0, shown - t_done))
    return out


def one_round(page, url: str, db_url: str, n: int) -> dict:
    page.goto(f"{url}/board")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.locator(".st-key-board_start button").click()
    box = page.locator(".st-key-class_code", has_text=re.compile(r"^\s*[A-Z2-9]{6}\s*$"))
    box.wait_for()
    code = box.inner_text().strip()
    page.locator(".st-key-board_ask button").click()
    page.locator(".st-key-board_question", has_text="0 answers").wait_for()
    engine = store.make_engine(db_url)
    done = {"runs": [], "answers": []}
    result = {}
    worker = threading.Thread(target=lambda: result.update(errors=students(engine, code, n, done)))
    worker.start()
    seen_runs, seen_answers = [], []
    deadline = time.time() + 60
    while time.time() < deadline:
        runs, answers = page.evaluate(COUNTS)
        now = time.time()
        seen_runs.append((now, runs))
        seen_answers.append((now, answers))
        if runs >= n and answers >= n and not worker.is_alive():
            break
        page.wait_for_timeout(20)
    worker.join()
    rows = store.class_runs(engine, code)
    per = {}
    for r in rows:
        per[r["nickname"]] = per.get(r["nickname"], 0) + 1
    answers = asking.all_answers(engine, code)
    engine.dispose()
    return {
        "errors": result.get("errors", []),
        "lost": (n - len(per)) + (n - len({a["nickname"] for a in answers})),
        "duplicates": sum(c - 1 for c in per.values())
        + len(answers)
        - len({a["nickname"] for a in answers}),
        "delays": delays(done["runs"], seen_runs) + delays(done["answers"], seen_answers),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--db", default=None, help="a PostgreSQL URL (default: a SQLite file)")
    parser.add_argument("--postgres", action="store_true", help="start a PostgreSQL server")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    server = None
    if args.postgres:
        from tests.pg_server import PgServer

        server = PgServer()
        server.start()
        args.db = server.new_database()
    try:
        return run(args)
    finally:
        if server is not None:
            server.close()


def run(args) -> int:
    from playwright.sync_api import sync_playwright

    folder = tempfile.mkdtemp(prefix="dnn-board-bench-")
    db_url = args.db or f"sqlite:///{folder}/classes.sqlite3"
    proc, url = start_server({"DNN_BOARD_DB": db_url})
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.set_default_timeout(60_000)
            results = [one_round(page, url, db_url, args.students) for _ in range(args.rounds)]
            browser.close()
    finally:
        log = stop_server(proc)
    errors = [e for r in results for e in r["errors"]]
    waits = [d for r in results for d in r["delays"]]
    database = "PostgreSQL" if db_url.startswith("postgres") else "SQLite"
    print(f"{args.students} students × {args.rounds} round(s), {database}")
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(f"rows lost: {sum(r['lost'] for r in results)}")
    print(f"duplicates: {sum(r['duplicates'] for r in results)}")
    print(f"board delay: median {statistics.median(waits):.2f} s, max {max(waits):.2f} s")
    if "Traceback" in log:
        print(log)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
