"""The experiment grid: two hyperparameters × 3–6 values each, one full training run per cell.

Every cell is the page's current :class:`ui.core.settings.Settings` with the two chosen fields
replaced, trained from scratch on the shared data exactly as the Train button would (same
trainer, same seed), so a cell's numbers are those of a separate ``dnn.train`` run. Cells run in
turn, row by row, each through the server's compute sharing (:func:`run_cell`).

Bounds, so that one grid's cost stays bounded on a shared server:

- 3 to 6 values per hyperparameter (at most 36 cells), each within the page's own bounds
  (:mod:`ui.grid.axes`);
- an estimated cost of at most :data:`MAX_COST` lesson runs (:func:`cost`), checked before the
  grid starts;
- :data:`MAX_SECONDS` of computing for the whole grid; the cells not reached are left empty.

No Streamlit here: the page passes a ``touch`` function that updates its progress bar (where a
Stop click interrupts the grid).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

import numpy as np

import dnn
from dnn.blas import limit_blas
from dnn.propagation import accuracy
from dnn.trainer import resolve_engine
from ui.core.figures.peak import Peak, held_out_peak
from ui.core.pacing import Paced
from ui.core.settings import Settings
from ui.grid.axes import Axis, GridError, label

MAX_COST = 40.0  # lesson runs (about 7 to 12 s of computing alone on 2 cores)
MAX_SECONDS = 60.0  # computing time of a whole grid
MAX_CHECKPOINTS = 1000  # test-accuracy points kept per cell
OVERHEAD = 1.0e6  # multiply-adds a step costs beyond its matrix products (Python, small arrays)


# ------------------------------------------------------------------------------ cost
def work(settings: Settings, m: int = 209) -> float:
    """Estimated multiply-adds of the run ``settings`` on ``m`` training pictures.

    Per full-batch step: the first layer costs n_1·m² in dual form (Gram matrix) or
    3·n_1·n_0·m in the textbook form (Adam: W^[1] X, dW^[1] and its element-wise update), each
    further layer 3·n_l·n_{l-1}·m (forward, dW, dA); each update adds :data:`OVERHEAD`.
    Mini-batches cost about the same per epoch, plus one overhead per batch. Measured
    computing times were 0.7 to 1.5 times this, relative to the lesson's run, on a shared
    2-core machine (``bench/grid_speed.py`` prints the comparison).
    """
    cfg = settings.config()
    dims = cfg.layer_dims
    first = dims[1] * m * m if resolve_engine(cfg, m) == "dual" else 3 * dims[1] * dims[0] * m
    rest = sum(3 * dims[k] * dims[k - 1] * m for k in range(2, len(dims)))
    updates = math.ceil(m / cfg.batch_size) if cfg.batch_size else 1
    return cfg.num_iterations * (first + rest + updates * OVERHEAD)


def cost(plan: list[Settings], m: int = 209) -> float:
    """What the runs of ``plan`` cost, in lesson runs (the lesson's 4-layer run is 1)."""
    return sum(work(s, m) for s in plan) / work(Settings(), m)


# ------------------------------------------------------------------------------ the grid
@dataclass
class Cell:
    """One finished (or diverged) run of the grid."""

    settings: Settings
    status: str  # "finished" or "diverged"
    train_accuracy: float
    test_accuracy: float
    final_cost: float  # J before the last update (nan when the run diverged)
    curve: list[tuple[int, float]]  # (iteration, test accuracy), the final model's last
    seconds: float
    pictures: int = 50  # test pictures its accuracies are measured on

    @property
    def peak(self) -> Peak | None:
        """Where its averaged test accuracy really peaked (see :mod:`ui.core.figures.peak`)."""
        return held_out_peak(self.curve, self.pictures)


@dataclass
class Grid:
    """A grid: its two axes over fixed ``base`` settings, and the cells run so far."""

    base: Settings
    x: Axis  # columns
    y: Axis  # rows
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (row, column) → Cell
    status: str = "new"  # new, running, finished, stopped, timed_out
    seconds: float = 0.0  # computing time of its cells
    estimate: float = 0.0  # its cost in lesson runs (see :func:`cost`), set by :func:`make`

    def settings(self, row: int, col: int) -> Settings:
        """The settings of cell (row, col)."""
        return replace(
            self.base, **{self.y.param: self.y.values[row], self.x.param: self.x.values[col]}
        )

    def order(self) -> list[tuple[int, int]]:
        """The cells in the order they run: row by row."""
        return [(r, c) for r in range(len(self.y.values)) for c in range(len(self.x.values))]

    def name(self, row: int, col: int) -> str:
        """``0.0075 · [20, 7, 5]``: the cell's column value, then its row value."""
        x, y = self.x.values[col], self.y.values[row]
        return f"{label(self.x.param, x)} · {label(self.y.param, y)}"

    def best(self) -> tuple[int, int] | None:
        """The finished cell with the highest test accuracy (then train accuracy, then first)."""
        done = [(rc, c) for rc, c in self.cells.items() if c.status == "finished"]
        if not done:
            return None
        order = self.order()
        return max(
            done, key=lambda d: (d[1].test_accuracy, d[1].train_accuracy, -order.index(d[0]))
        )[0]

    def values(self, metric: str) -> np.ndarray:
        """(rows, columns) of ``test``, ``train`` accuracy or final ``cost``; nan: no value."""
        z = np.full((len(self.y.values), len(self.x.values)), np.nan)
        attr = {"test": "test_accuracy", "train": "train_accuracy", "cost": "final_cost"}[metric]
        for (r, c), cell in self.cells.items():
            if cell.status == "finished":
                z[r, c] = getattr(cell, attr)
        return z


def make(base: Settings, x: Axis, y: Axis) -> Grid:
    """A grid over ``base``, checked: two different hyperparameters, a bounded cost."""
    if x.param == y.param:
        raise GridError("choose two different hyperparameters", "grid_same")
    grid = Grid(base, x, y)
    grid.estimate = estimate = cost([grid.settings(r, c) for r, c in grid.order()])
    if estimate > MAX_COST:
        raise GridError(
            f"this grid would cost about {estimate:.0f} lesson runs; at most {MAX_COST:.0f}",
            "grid_cost",
            cost=f"{estimate:.0f}",
            max=f"{MAX_COST:.0f}",
        )
    return grid


def checkpoint_every(iterations: int) -> int:
    """How often a cell measures test accuracy: every 10 iterations, at most MAX_CHECKPOINTS."""
    return max(10, math.ceil(iterations / MAX_CHECKPOINTS))


def score(trainer: dnn.Trainer, settings: Settings, data) -> Cell:
    """A finished or diverged cell's numbers, from the parameters its trainer holds."""
    n, hidden, status = int(settings.iterations), settings.activation, trainer.status
    params = trainer.params
    train_acc = accuracy(dnn.predict_proba(params, data.train_x, hidden), data.train_y)
    test_acc = accuracy(dnn.predict_proba(params, data.test_x, hidden), data.test_y)
    curve = [(p.iteration, p.test_accuracy) for p in trainer.history if p.iteration < n]
    curve.append((trainer.iteration, test_acc))
    final = trainer.costs[-1] if status == "finished" and trainer.costs else float("nan")
    pictures = data.test_y.shape[1]
    return Cell(settings, status, train_acc, test_acc, final, curve, trainer.seconds, pictures)


def run_cell(
    new_trainer: Callable[[Settings], dnn.Trainer],
    settings: Settings,
    data,
    touch: Callable[[int, bool], None],
    max_seconds: float,
) -> tuple[Cell | None, float]:
    """Train one cell from scratch: (its Cell, or None if it did not finish; computing seconds).

    All its computing (the trainer's set-up, the run, the scoring) happens while it holds one of
    the server's compute slots, through the same :class:`ui.core.pacing.Paced` as every live run
    on the page, BLAS on one thread. ``touch(iteration, waiting)`` is called at least every
    ``pacing.BAR_SECONDS`` (``waiting`` while in line); an exception from it (Stop) ends the
    cell.
    """
    n = int(settings.iterations)
    box = {}

    def iteration() -> int:
        return box["trainer"].iteration if "trainer" in box else 0

    paced = Paced(lambda waiting: touch(iteration(), waiting))
    with limit_blas(1), paced.holding():
        trainer = box["trainer"] = new_trainer(settings)
        status = paced.train(trainer, n, lambda _p: paced.tick(), checkpoint_every(n), max_seconds)
        done = status in ("finished", "diverged")
        return (score(trainer, settings, data) if done else None), trainer.seconds


def run(
    grid: Grid,
    new_trainer: Callable[[Settings], dnn.Trainer],
    data,
    touch: Callable[[tuple[int, int], int, bool], None],
    on_cell: Callable[[tuple[int, int]], None] = lambda rc: None,
) -> Grid:
    """Run the grid's cells in turn (skipping those already done) until all are done.

    ``new_trainer(settings)`` makes a cell's trainer; ``touch(cell, iteration, waiting)`` shows
    progress (and is where the page can be interrupted); ``on_cell(cell)`` follows each cell.
    Whatever ends it (the last cell, the time budget, an exception from ``touch``), ``status``
    says so and the finished cells stay.
    """
    grid.status = "running"
    try:
        for rc in grid.order():
            if rc in grid.cells:
                continue
            left = MAX_SECONDS - grid.seconds
            if left <= 0:
                grid.status = "timed_out"
                return grid
            settings, show = grid.settings(*rc), partial(touch, rc)
            cell, seconds = run_cell(new_trainer, settings, data, show, left)
            grid.seconds += seconds
            if cell is None:
                grid.status = "timed_out"
                return grid
            grid.cells[rc] = cell
            on_cell(rc)
        grid.status = "finished"
    finally:
        if grid.status == "running":
            grid.status = "stopped"
    return grid
