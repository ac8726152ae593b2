"""Benchmark: a 5 × 5 experiment grid of the lesson's 4-layer network, as the page runs it.

    python bench/grid_speed.py [--repeat 3]

The grid is 5 learning rates × 5 iteration counts over the lesson's 4-layer preset (37,500
iterations in all, 15 lesson runs' worth), run by ``ui.grid.run`` exactly as the training page
runs it: one cell after another, each through the server's compute slots, test accuracy
measured every 10 iterations. Printed beside it, from the same process:

- the baseline: one lesson run (2,500 iterations) alone, the same way, and what 15 of them
  would take;
- fairness: a lesson run started by "another visitor" while the grid is running, through the
  same compute slots, against the same run alone;
- the grid's cost estimate (``ui.grid.cost``, in lesson runs) against measured computing time
  for a few settings, which is what the grid's bound relies on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dnn  # noqa: E402
from dnn.dual import gram  # noqa: E402
from ui.core.settings import Settings  # noqa: E402
from ui.grid import model as grid
from ui.grid.axes import parse  # noqa: E402

RATES = "0.0025, 0.005, 0.0075, 0.01, 0.025"
ITERATIONS = "500, 1000, 1500, 2000, 2500"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timings per figure (median printed)")
    args = ap.parse_args()
    data = dnn.load_dataset()
    G, G_val = gram(data.train_x), gram(data.train_x, data.test_x)

    def new_trainer(settings: Settings) -> dnn.Trainer:
        return dnn.Trainer(
            data.train_x, data.train_y, settings.config(), data.test_x, data.test_y, G, G_val
        )

    def one_run(settings: Settings) -> float:
        """Wall seconds of one run through the compute slots, as a grid cell runs."""
        start = time.perf_counter()
        grid.run_cell(new_trainer, settings, data, lambda i, waiting: None, 600.0)
        return time.perf_counter() - start

    def computing(settings: Settings) -> float:
        """The least computing time of ``--repeat`` runs (the least disturbed by others)."""
        return min(
            grid.run_cell(new_trainer, settings, data, lambda i, w: None, 600.0)[1]
            for _ in range(args.repeat)
        )

    def one_grid() -> tuple[float, grid.Grid]:
        g = grid.make(lesson, parse("learning_rate", RATES), parse("iterations", ITERATIONS))
        start = time.perf_counter()
        grid.run(g, new_trainer, data, lambda rc, i, waiting: None)
        return time.perf_counter() - start, g

    lesson = Settings()
    one_run(lesson)  # warm up (first BLAS calls, imports)
    alone = statistics.median(one_run(lesson) for _ in range(args.repeat))
    timed = [one_grid() for _ in range(args.repeat)]
    wall = statistics.median(w for w, _ in timed)
    grid_computing = statistics.median(g.seconds for _, g in timed)
    g = timed[-1][1]
    runs = sum(c.settings.iterations for c in g.cells.values()) / lesson.iterations
    print(f"5 × 5 grid: lesson 4-layer preset, α in ({RATES}) × iterations in ({ITERATIONS})")
    print(f"  cells finished: {len(g.cells)}/25, status {g.status}")
    print(f"  wall time: {wall:.2f} s (computing {grid_computing:.2f} s), median of {args.repeat}")
    print(
        f"  one lesson run alone (same way): {alone:.3f} s; × {runs:.0f} lesson runs = "
        f"{alone * runs:.2f} s → grid / that = {wall / (alone * runs):.2f}"
    )
    estimate = grid.cost([c.settings for c in g.cells.values()])
    print(f"  estimate (ui.grid.cost): {estimate:.1f} lesson runs; bound {grid.MAX_COST:.0f}")

    # fairness: another visitor's lesson runs, started while a grid is running
    others: list[float] = []

    def visitor() -> None:
        for _ in range(args.repeat):
            time.sleep(0.5)
            others.append(one_run(lesson))

    thread = threading.Thread(target=visitor)
    thread.start()
    busy, _ = one_grid()
    thread.join()
    other = statistics.median(others)
    print("fairness: another visitor's lesson runs during a grid, through the same compute slots")
    print(
        f"  their run: {other:.2f} s (alone {alone:.2f} s, × {other / alone:.1f}); "
        f"the grid: {busy:.2f} s (alone {wall:.2f} s)"
    )

    print("cost estimate vs computing time, in lesson runs (least of --repeat runs each)")
    unit = computing(lesson)
    for name, s in (
        ("2-layer [7]", Settings(hidden=(7,))),
        ("[50, 20, 7, 5]", Settings(hidden=(50, 20, 7, 5))),
        ("[256, 7, 5]", Settings(hidden=(256, 7, 5))),
        ("lesson, batch 64, 500 it.", Settings(batch_size=64, iterations=500)),
        ("lesson, momentum", Settings(optimizer="momentum")),
        ("lesson, Adam, 100 it.", Settings(optimizer="adam", iterations=100)),
        ("lesson, 10,000 it.", replace(lesson, iterations=10_000)),
    ):
        measured = computing(s) / unit
        estimate = grid.cost([s])
        print(
            f"  {name:28s} estimate {estimate:6.2f}  measured {measured:6.2f}  "
            f"ratio {measured / estimate:4.2f}"
        )
    print("(a shared machine: compare the ratios, not the seconds)")


if __name__ == "__main__":
    main()
