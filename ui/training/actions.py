"""What the training page's buttons do beyond Train: Continue and One step.

A run heads for a planned total (``RunRecord.planned``): Continue finishes a run that was
stopped early, or adds iterations to one that is done.
"""

from __future__ import annotations

import streamlit as st

import dnn
from dnn.propagation import cross_entropy, forward, l2_penalty
from ui.core import runs
from ui.core.i18n import t
from ui.core.labels import divergence_text
from ui.core.live import make_private, stream
from ui.core.replays import RUNS
from ui.core.runs import current_run, new_run, new_trainer
from ui.core.settings import Settings

LAST_STEP = "last_step"  # the last One step: (run id, iteration after, J before, J after)
DEFAULT_MORE = 500  # Continue on a finished run, when no number is given


def resume(shared, more: int | None, chart, bar) -> None:
    """Continue the current run: to its planned total, or ``more`` iterations when given.

    A run that is done (or told ``more``) plans further: its total grows to what this click
    reaches, so "Finished" appears once that is done.
    """
    trainer, record = runs.trainer(), current_run()
    if trainer is None or record is None:
        st.info(t("nothing_to_continue"))
        return
    if trainer.status == "diverged":
        st.warning(t("cannot_continue_diverged_cause", cause=divergence_text(trainer.divergence)))
        return
    if more is None:
        more = record.planned - record.iteration if not record.done else DEFAULT_MORE
    more = int(more)
    if RUNS.is_shared(trainer):  # a link's run, shared with other sessions: train our own
        trainer = make_private(shared, trainer, record, bar)
    record.planned = max(record.planned, record.iteration + more)
    stream(trainer, record, more, shared.data, chart, bar)
    runs.record_finished(record, trainer.params, shared.data)


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

    Stores (run id, iteration after, cost before, cost after) in :data:`LAST_STEP` for the page.
    """
    trainer, record = runs.trainer(), current_run()
    if trainer is None or record is None:
        trainer = new_trainer(shared, settings.config())
        record = new_run(trainer, settings)
    elif trainer.status == "diverged":
        st.warning(t("cannot_continue_diverged_cause", cause=divergence_text(trainer.divergence)))
        return
    if RUNS.is_shared(trainer):
        trainer = make_private(shared, trainer, record, bar)
    before = full_cost(trainer.params, shared.data, trainer.config)
    record.planned = max(record.planned, record.iteration + 1)
    stream(trainer, record, 1, shared.data, None, bar)
    after = full_cost(trainer.params, shared.data, trainer.config)
    st.session_state[LAST_STEP] = (record.run_id, record.iteration, before, after)


def step_note(record) -> str | None:
    """The last One step's costs before and after, while ``record`` is where it left the run."""
    step = st.session_state.get(LAST_STEP)
    if step and step[:2] == (record.run_id, record.iteration):
        return t("one_step_result", i=step[1], before=f"{step[2]:.6f}", after=f"{step[3]:.6f}")
    return None
