"""What the training page's buttons do: Train, Continue, One step — and runs named by a link.

Every run goes through :func:`ui.training.stream` (the same computation, with or without the
live chart). A run heads for a planned total (``RunRecord.planned``): Continue finishes a run
that was stopped early, or adds iterations to one that is done.
"""

from __future__ import annotations

import time

import numpy as np
import streamlit as st

import dnn
from dnn.propagation import cross_entropy, forward, initialize, l2_penalty
from ui import state
from ui.i18n import t
from ui.settings import Settings, with_iterations
from ui.training import divergence_text, model_metadata, stream
from ui.url_state import RunSpec

DEFAULT_MORE = 500  # Continue on a finished run, when no number is given
REPLAY_SECONDS = 10.0  # all the runs of one link, on a shared server


def new_trainer(shared, config: dnn.TrainConfig) -> dnn.Trainer:
    """A trainer on the shared data (with its cached Gram matrices)."""
    data = shared.data
    return dnn.Trainer(
        data.train_x,
        data.train_y,
        config,
        data.test_x,
        data.test_y,
        gram=shared.gram,
        gram_val=shared.gram_val,
    )


def train(shared, settings: Settings, chart, bar) -> state.RunRecord:
    """A new run of ``settings``, drawn live in ``chart``."""
    trainer = new_trainer(shared, settings.config())
    record = state.new_run(trainer, settings)
    stream(trainer, record, settings.iterations, shared.data, chart, bar)
    return record


def resume(shared, more: int | None, chart, bar) -> None:
    """Continue the current run: to its planned total, or ``more`` iterations when given.

    A run that is done (or told ``more``) plans further: its total grows to what this click
    reaches, so "Finished" appears once that is done.
    """
    trainer, record = st.session_state.trainer, state.current_run()
    if trainer is None or record is None:
        st.info(t("nothing_to_continue"))
        return
    if trainer.status == "diverged":
        st.warning(t("cannot_continue_diverged_cause", cause=divergence_text(trainer.divergence)))
        return
    if more is None:
        more = record.planned - record.iteration if not record.done else DEFAULT_MORE
    more = int(more)
    record.planned = max(record.planned, record.iteration + more)
    stream(trainer, record, more, shared.data, chart, bar)


def full_cost(params, data, config: dnn.TrainConfig) -> float:
    """J on the whole training set (with the L2 term), for the parameters ``params``.

    The engine's own forward pass and cost, as in training.
    """
    X, Y = data.train_x, data.train_y
    _, caches = forward(params, X, config.hidden_activation, keep_input=False)
    cost = cross_entropy(caches[-1][1], Y)  # from Z^[L], finite where A^[L] rounds to 0 or 1
    return cost + l2_penalty(params, config.l2, X.shape[1])


def one_step(shared, settings: Settings, bar) -> None:
    """One update of the current run (a new run of ``settings`` if there is none).

    Stores ``last_step`` = (run id, iteration after, cost before, cost after) for the page.
    """
    trainer, record = st.session_state.trainer, state.current_run()
    if trainer is None or record is None:
        trainer = new_trainer(shared, settings.config())
        record = state.new_run(trainer, settings)
    elif trainer.status == "diverged":
        st.warning(t("cannot_continue_diverged_cause", cause=divergence_text(trainer.divergence)))
        return
    before = full_cost(trainer.params, shared.data, trainer.config)
    record.planned = max(record.planned, record.iteration + 1)
    stream(trainer, record, 1, shared.data, None, bar)
    after = full_cost(trainer.params, shared.data, trainer.config)
    st.session_state.last_step = (record.run_id, record.iteration, before, after)


def spec_of(record: state.RunRecord) -> RunSpec:
    """The run as a link names it: settings, planned total, iterations to train again.

    A diverged run is trained again to its plan, where it diverges at the same iteration.
    """
    settings = with_iterations(record.settings, record.planned)
    done = record.planned if record.status == "diverged" else min(record.iteration, record.planned)
    return RunSpec(settings, done, record.run_id)


def replay(shared, specs: list[RunSpec], bar) -> bool:
    """Train again the runs a link names, in order, without animation; True if all are done.

    Runs are deterministic, so they end with the sender's costs and accuracies. They share a
    budget of REPLAY_SECONDS: a run past it stops where it got to (Continue goes on).

    A run joins the session only once it has ended: when a rerun interrupts one (a page that
    is loading can ask for one while the run waits for a compute slot), it stays pending and
    the next script run trains it again from the start, instead of keeping a run cut at 0.
    """
    pending = st.session_state.pending_runs
    start = time.perf_counter()
    complete = True
    while pending:
        spec = pending[0]
        left = REPLAY_SECONDS - (time.perf_counter() - start)
        bar.caption(t("link_replaying", k=len(specs) - len(pending) + 1, n=len(specs)))
        trainer = new_trainer(shared, spec.settings.config())
        record = state.run_record(trainer, spec.settings, spec.number)
        if left > 0 and spec.done > 0:
            stream(trainer, record, spec.done, shared.data, None, bar, left, _keep_nothing)
        else:
            record.update_from(trainer, shared.data)
        state.add_run(record, trainer)
        state.use_model(trainer.params, model_metadata(record), "session")  # as after any run
        pending.pop(0)
        complete &= record.iteration >= spec.done or record.status == "diverged"
    return complete


def _keep_nothing(trainer: dnn.Trainer, record: state.RunRecord) -> None:
    """A replayed run is kept only once it has ended (see :func:`replay`)."""


def initial_first_layer(settings: Settings) -> np.ndarray:
    """W^[1] at the random start of a run of ``settings``, of shape (n_1, 12288).

    The same draw as the engine's: :func:`dnn.propagation.initialize` on the run's seed.
    """
    cfg = settings.config()
    rng = np.random.RandomState(cfg.seed)
    return initialize(cfg.layer_dims, rng, cfg.initialization)["W1"]
