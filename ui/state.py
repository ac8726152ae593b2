"""Session state, initialized in one place: each visitor's runs and models live here.

A finished (or stopped) run is a :class:`RunRecord`; the trainer behind the latest run is kept so
that Continue can resume it. Nothing a page shows is kept in a button's return value, so reruns,
language switches and page changes never lose a chart, a metric or a model.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import streamlit as st

import dnn
from dnn.propagation import accuracy as accuracy_of
from ui import kept
from ui.i18n import t
from ui.settings import Settings

MAX_RUNS = 10
WAIT_SECONDS = 20.0  # for an interrupted run to finish its last iteration


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

    @property
    def done(self) -> bool:
        """Whether the planned run is complete (a diverged run is never complete)."""
        return self.status != "diverged" and self.iteration >= self.planned

    def update_from(self, trainer: dnn.Trainer, data) -> None:
        """Copy the trainer's state, with accuracies of the parameters it holds now."""
        self.costs = list(trainer.costs[: trainer.iteration])
        self.history = [p for p in trainer.history if p.iteration < trainer.iteration]
        self.status, self.seconds = trainer.status, trainer.seconds
        self.iteration, self.diverged_at = trainer.iteration, trainer.diverged_at
        self.divergence = trainer.divergence
        hidden = trainer.config.hidden_activation
        params = trainer.params
        proba = dnn.predict_proba(params, data.train_x, hidden)
        self.train_accuracy = accuracy_of(proba, data.train_y)
        self.cat_share = float((proba > 0.5).mean())
        self.test_accuracy = accuracy(params, data.test_x, data.test_y, hidden)


def accuracy(params, X, Y, hidden) -> float:
    """Share of the columns of X that the network labels as Y."""
    return accuracy_of(dnn.predict_proba(params, X, hidden), Y)


DEFAULTS = {
    "lang": "en",
    "runs": list,  # RunRecord, oldest first, at most MAX_RUNS
    "trainer": None,  # the dnn.Trainer of the latest run, for Continue
    "trainer_run_id": None,
    "run_count": 0,  # runs started in this session: the next is #run_count + 1
    "model": None,  # (params, metadata, source) used by the prediction page
    "session_lock": threading.Lock,  # see exclusive()
}


def init_state() -> None:
    """Create every session key the app uses, once per session."""
    for key, default in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = default() if callable(default) else default


@contextmanager
def exclusive() -> Iterator[None]:
    """Hold the session's lock: one script run at a time reads or changes its runs and model.

    Streamlit starts the rerun that a click (Stop, another page) asks for while the interrupted
    run is still finishing; the new run waits here until the old one has saved its state.
    """
    lock = st.session_state.session_lock
    if not lock.acquire(timeout=WAIT_SECONDS):
        st.warning(t("busy"))
        st.stop()
    try:
        yield
    finally:
        lock.release()


def new_run(trainer: dnn.Trainer, settings: Settings, number: int | None = None) -> RunRecord:
    """Register a run for ``trainer``; the oldest run is dropped past MAX_RUNS.

    Runs are numbered from #1 in each session; ``number`` (from a link) skips ahead to it.
    """
    return add_run(run_record(trainer, settings, number), trainer)


def run_record(trainer: dnn.Trainer, settings: Settings, number: int | None = None) -> RunRecord:
    """The record of the session's next run (numbered as :func:`new_run` says), not yet added."""
    count = st.session_state.run_count
    run_id = count + 1 if number is None or number <= count else number
    return RunRecord(run_id, settings, trainer.config, trainer.engine, settings.iterations)


def add_run(record: RunRecord, trainer: dnn.Trainer) -> RunRecord:
    """Add ``record`` (of ``trainer``) to the session's runs: the current run from now on."""
    st.session_state.run_count = max(st.session_state.run_count, record.run_id)
    runs = st.session_state.runs
    runs.append(record)
    del runs[:-MAX_RUNS]
    st.session_state.trainer = trainer
    st.session_state.trainer_run_id = record.run_id
    compared = kept.value("compare_runs")
    if compared is not None:  # a new run joins the comparison chart
        kept.put("compare_runs", [*compared, record.run_id])
    return record


def current_run() -> RunRecord | None:
    """The record of the trainer that Continue would resume, if it is still kept."""
    rid = st.session_state.get("trainer_run_id")
    return next((r for r in st.session_state.get("runs", []) if r.run_id == rid), None)


def use_model(params, metadata: dict, source: str) -> None:
    """Make ``params`` the model the prediction page uses."""
    st.session_state.model = (params, metadata, source)


def reset() -> None:
    """Forget every run, grid and model of this session (the language and settings stay)."""
    runs = ("runs", "trainer", "trainer_run_id", "model", "run_count", "compare_runs")
    for key in (*runs, "grid", "grid_curves", "grid_curves_of", kept.PREFIX + "compare_runs"):
        st.session_state.pop(key, None)
    init_state()
