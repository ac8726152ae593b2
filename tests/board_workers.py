"""Many students posting to one board at once, from one process (tests and bench/board_load.py).

    python -m tests.board_workers URL CODE FIRST COUNT

starts COUNT threads, one per student (nicknames s<FIRST>…), each joining class CODE, posting a
run (then the same post again, as a retry would) and answering the question asked now (twice);
prints one JSON line: {"errors": [...], "joined": n}.
"""

from __future__ import annotations

import json
import sys
import threading
import time

from ui.board import asking, store


def sample_run(k: int) -> dict:
    """A plausible run of student ``k`` (the numbers only need to round-trip)."""
    return {
        "hidden_layers": "20-7-5" if k % 2 else "7",
        "learning_rate": 0.0075,
        "iterations": 2500,
        "l2": 0.0,
        "settings": f"dims.12288-{20 if k % 2 else 7}-1_it.2500",
        "train_acc": 0.9 + k / 1000,
        "test_acc": 0.72 + k / 1000,
        "public_acc": 0.76,
        "private_acc": 0.68,
        "final_cost": 0.1,
        "seconds": 0.2,
        "grid_cell": bool(k % 3 == 0),
    }


def student(engine, code: str, k: int, qid: int | None, errors: list, barrier) -> None:
    try:
        _, secret = store.join(engine, code, f"s{k}", time.time())
        barrier.wait()  # everyone posts within the same moment
        for _ in range(2):  # the second post is a retry of the first
            store.post_run(engine, code, secret, sample_run(k), f"run-{k}", time.time())
            if qid is not None:
                asking.answer(engine, code, secret, qid, k % 4, f"ans-{k}", time.time())
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        errors.append(f"s{k}: {type(exc).__name__}: {exc}")


def main(url: str, code: str, first: int, count: int) -> dict:
    engine = store.make_engine(url)
    question = asking.current(engine, code, time.time())
    qid = question["id"] if question else None
    errors: list[str] = []
    barrier = threading.Barrier(count, timeout=60)
    threads = [
        threading.Thread(target=student, args=(engine, code, first + i, qid, errors, barrier))
        for i in range(count)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    engine.dispose()
    return {"errors": errors, "joined": count}


if __name__ == "__main__":
    url, code, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(main(url, code, first, count)), flush=True)
