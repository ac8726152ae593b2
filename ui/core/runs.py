"""The session's training runs: what the app remembers of each, their numbers, their trainers.

A finished (or stopped) run is a :class:`RunRecord`; the trainer behind the latest run is kept so
that Continue can resume it. Nothing a page shows is kept in a button's return value, so reruns,
language switches and page changes never lose a chart, a metric or a model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

import dnn
from dnn.propagation import accuracy as accuracy_of
from ui.core import session
from ui.core.labels import describe
from ui.core.settings import Settings, with_iterations
from ui.core.url_state import MAX_RUNS, RunSpec
from ui.core.validation import cached_split

RUNS = session.register("runs", list, reset=True)  # RunRecord, oldest first, at most MAX_RUNS
TRAINER = session.register("trainer", None, reset=True)  # the latest run's dnn.Trainer (Continue)
TRAINER_RUN = session.register("trainer_run_id", None, reset=True)  # that run's number
RUN_COUNT = session.register("run_count", 0, reset=True)  # runs numbered so far in this session
_joined: list = []  # what is called with each new run's number (see on_new_run)
_finished: list = []  # what is told of each finished run or grid cell (see on_run_finished)


@dataclass
class RunRecord:
    """What the app remembers of one training run (the trainer's numbers, copied)."""

    run_id: int  # #1, #2, … in this session
    settings: Settings  # what the widgets said when Train was pressed
    config: dnn.TrainConfig
    engine: str
    planned: int = 0  # the total the run is heading for (Continue finishes it)
    costs: list[float] = field(default_factory=list)
    history: list[dnn.Progress] = field(default_factory=list)
    status: str = "new"
    seconds: float = 0.0
    iteration: int = 0
    diverged_at: int | None = None
    divergence: dnn.Divergence | None = None  # why it diverged
    train_accuracy: float | None = None
    test_accuracy: float | None = None
    cat_share: float | None = None  # share of the training pictures it calls "cat"
    val_accuracy: float | None = None  # on the validation pictures, when some are held out

    @property
    def done(self) -> bool:
        """Whether the planned run is complete (a diverged run is never complete)."""
        return self.status != "diverged" and self.iteration >= self.planned

    def update_from(self, trainer: dnn.Trainer, data) -> None:
        """Copy the trainer's state, with accuracies of the parameters it holds now.

        Train accuracy is on the pictures the trainer trained on (without a validation split:
        all of ``data``'s), test accuracy on ``data``'s test pictures.
        """
        self.costs = list(trainer.costs[: trainer.iteration])
        self.history = [p for p in trainer.history if p.iteration < trainer.iteration]
        self.status, self.seconds = trainer.status, trainer.seconds
        self.iteration, self.diverged_at = trainer.iteration, trainer.diverged_at
        self.divergence = trainer.divergence
        hidden = trainer.config.hidden_activation
        params = trainer.params
        proba = dnn.predict_proba(params, trainer.X, hidden)
        self.train_accuracy = accuracy_of(proba, trainer.Y)
        self.cat_share = float((proba > 0.5).mean())
        self.test_accuracy = accuracy(params, data.test_x, data.test_y, hidden)
        if getattr(self.settings, "validation", 0) and trainer.X_val is not None:
            self.val_accuracy = accuracy(params, trainer.X_val, trainer.Y_val, hidden)


def accuracy(params, X, Y, hidden) -> float:
    """Share of the columns of X that the network labels as Y."""
    return accuracy_of(dnn.predict_proba(params, X, hidden), Y)


def new_run(trainer: dnn.Trainer, settings: Settings, number: int | None = None) -> RunRecord:
    """Register a run for ``trainer``; the oldest run is dropped past MAX_RUNS.

    Runs are numbered from #1 in each session; ``number`` (from a link) skips ahead to it.
    """
    return add_run(run_record(trainer, settings, number), trainer)


def run_record(trainer: dnn.Trainer, settings: Settings, number: int | None = None) -> RunRecord:
    """The record of the session's next run (numbered as :func:`new_run` says), not yet added."""
    run_id = next_number(RUN_COUNT, number)
    return RunRecord(run_id, settings, trainer.config, trainer.engine, settings.iterations)


def next_number(counter: str, number: int | None = None) -> int:
    """The next run number of the count kept in session key ``counter`` (#1, #2, …).

    ``number`` (a run from a link keeps its own) is taken when it is past the count. The count
    itself moves on when the run is kept (:func:`count`).
    """
    done = st.session_state.get(counter, 0)
    return done + 1 if number is None or number <= done else number


def count(counter: str, run_id: int) -> None:
    """Record that run ``run_id`` was kept: the count in ``counter`` reaches it."""
    st.session_state[counter] = max(st.session_state.get(counter, 0), run_id)


def on_new_run(hook) -> None:
    """Call ``hook(run_id)`` when a run joins the session (the comparison's choice follows)."""
    if hook not in _joined:
        _joined.append(hook)


def add_run(record: RunRecord, trainer: dnn.Trainer) -> RunRecord:
    """Add ``record`` (of ``trainer``) to the session's runs: the current run from now on."""
    count(RUN_COUNT, record.run_id)
    runs = st.session_state[RUNS]
    runs.append(record)
    del runs[:-MAX_RUNS]
    st.session_state[TRAINER] = trainer
    st.session_state[TRAINER_RUN] = record.run_id
    for hook in _joined:
        hook(record.run_id)
    return record


def replace_trainer(trainer: dnn.Trainer) -> None:
    """Go on with ``trainer`` as the current run's (a private copy of a shared run)."""
    st.session_state[TRAINER] = trainer


def runs() -> list[RunRecord]:
    """The session's runs, oldest first."""
    return st.session_state.get(RUNS, [])


def trainer() -> dnn.Trainer | None:
    """The trainer of the current run (what Continue resumes), if any."""
    return st.session_state.get(TRAINER)


def current_run() -> RunRecord | None:
    """The record of the trainer that Continue would resume, if it is still kept."""
    rid = st.session_state.get(TRAINER_RUN)
    return next((r for r in runs() if r.run_id == rid), None)


def new_trainer(shared, config: dnn.TrainConfig, validation: int = 0) -> dnn.Trainer:
    """A trainer on the shared data (with its cached Gram matrices).

    ``validation`` > 0: it trains on the rest of the training pictures and reports accuracy
    on the ``validation`` % held out (:mod:`ui.core.validation`) instead of the test pictures.
    """
    data = shared.data
    if validation:
        part = cached_split(data, validation)
        X, Y, X_val, Y_val, grams = part.train_x, part.train_y, part.val_x, part.val_y, part
    else:
        X, Y, X_val, Y_val, grams = data.train_x, data.train_y, data.test_x, data.test_y, shared
    return dnn.Trainer(X, Y, config, X_val, Y_val, gram=grams.gram, gram_val=grams.gram_val)


def spec_of(record: RunRecord) -> RunSpec:
    """The run as a link names it: settings, planned total, iterations to train again.

    A diverged run is trained again to its plan, where it diverges at the same iteration.
    """
    settings = with_iterations(record.settings, record.planned)
    done = record.planned if record.status == "diverged" else min(record.iteration, record.planned)
    return RunSpec(settings, done, record.run_id)


def checkpoints(history) -> list[tuple[int, float, float | None]]:
    """(iteration, train accuracy, test accuracy) of each progress report."""
    return [(p.iteration, p.train_accuracy, p.test_accuracy) for p in history]


def run_checkpoints(record: RunRecord) -> list[tuple[int, float, float | None]]:
    """:func:`checkpoints` of a run, ending with its final state: the summary's numbers.

    A progress report at iteration i measures the parameters before update i, so the last one
    of a run stopped after 701 updates is that of 700: one update behind, and on 50 pictures
    one update can move test accuracy by 14 points (62 % at 700, 76 % at 701 on the lesson's
    run). The point (iteration, train accuracy, held-out accuracy) of the parameters the run
    ended with, the summary's, is added after it. The held-out column is the validation
    accuracy on a run with a validation split (as its reports), else the test accuracy.
    """
    points = checkpoints(record.history)
    if record.iteration < 1 or record.train_accuracy is None:
        return points
    if points and points[-1][0] >= record.iteration:
        return points
    held = (
        record.val_accuracy if getattr(record.settings, "validation", 0) else record.test_accuracy
    )
    if points and points[0][2] is None:  # a run measured on no held-out pictures
        held = None
    points.append((record.iteration, record.train_accuracy, held))
    return points


def model_metadata(record: RunRecord, label: str | None = None) -> dict:
    """What a saved model says about itself (enough to predict and to describe it).

    ``label`` (default: the run's number and settings, in the UI's language) names it.
    """
    cfg = record.config
    return {
        "label": label or f"#{record.run_id} {describe(record.settings)}",
        "hidden_activation": cfg.hidden_activation,
        "learning_rate": cfg.learning_rate,
        "iterations": record.iteration,
        "optimizer": cfg.optimizer,
        "l2": cfg.l2,
        "seed": cfg.seed,
        "train_accuracy": record.train_accuracy,
        "test_accuracy": record.test_accuracy,
    }


@dataclass(frozen=True)
class FinishedRun:
    """A run (or a grid cell) that reached its planned total, as features are told of it."""

    settings: Settings
    train_accuracy: float
    test_accuracy: float
    final_cost: float | None
    iterations: int
    seconds: float
    test_right: tuple[bool, ...]  # each test picture labelled right (True) or wrong
    grid_cell: bool = False


def on_run_finished(hook) -> None:
    """Call ``hook(FinishedRun)`` after each finished run or grid cell of a session.

    A feature that follows runs (the class board) registers here, so that the pages that
    train never import it. Hooks run in the session's script thread and must not raise.
    """
    if hook not in _finished:
        _finished.append(hook)


def finished(settings: Settings, params, data, **numbers) -> FinishedRun:
    """Tell every :func:`on_run_finished` hook of a finished run (its numbers, its predictions)."""
    proba = dnn.predict_proba(params, data.test_x, settings.activation)
    right = ((proba > 0.5) == (data.test_y > 0.5)).ravel()
    run = FinishedRun(settings, test_right=tuple(bool(r) for r in right), **numbers)
    for hook in _finished:
        hook(run)
    return run


def record_finished(record: RunRecord, params, data) -> None:
    """:func:`finished` for a run of the Training page, when it reached its planned total."""
    if record.status != "finished" or record.iteration < record.planned:
        return
    finished(
        with_iterations(record.settings, record.iteration),
        params,
        data,
        train_accuracy=record.train_accuracy,
        test_accuracy=record.test_accuracy,
        final_cost=record.costs[-1] if record.costs else None,
        iterations=record.iteration,
        seconds=record.seconds,
    )
