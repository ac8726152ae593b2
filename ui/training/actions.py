"""What the training page's buttons do beyond Train: Continue and One step.

A run heads for a planned total (``RunRecord.planned``): Continue finishes a run that was
stopped early, or adds iterations to one that is done.
"""

from __future__ import annotations

import streamlit as st

from ui.core import runs
from ui.core.i18n import t
from ui.core.labels import divergence_text
from ui.core.live import make_private, stream
from ui.core.replays import RUNS
from ui.core.runs import current_run, new_run, new_trainer
from ui.core.settings import Settings
from ui.training import step_effect

LAST_STEP = "last_step"  # the last One step: (run id, iteration after, StepEffect, α)
DEFAULT_MORE = 500  # Continue on a finished run, when no number is given


def resume(shared, more: int | None, chart, bar, pace="fast", every=None) -> None:
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
    stream(trainer, record, more, shared.data, chart, bar, pace=pace, every=every)
    runs.record_finished(record, trainer.params, shared.data)


def one_step(shared, settings: Settings, bar) -> None:
    """One update of the current run (a new run of ``settings`` if there is none).

    Stores (run id, iteration after, :class:`StepEffect`, α) in :data:`LAST_STEP` for the page.
    """
    trainer, record = runs.trainer(), current_run()
    if trainer is None or record is None:
        trainer = new_trainer(shared, settings.config(), settings.validation)
        record = new_run(trainer, settings)
    elif trainer.status == "diverged":
        st.warning(t("cannot_continue_diverged_cause", cause=divergence_text(trainer.divergence)))
        return
    if RUNS.is_shared(trainer):
        trainer = make_private(shared, trainer, record, bar)
    before = trainer.params
    record.planned = max(record.planned, record.iteration + 1)
    stream(trainer, record, 1, shared.data, None, bar)
    if trainer.status == "diverged":
        return
    cfg = trainer.config
    step = step_effect.effect(
        before,
        trainer.params,
        lambda p: step_effect.full_cost(p, trainer.X, trainer.Y, cfg.hidden_activation, cfg.l2),
        compare=cfg.batch_size is None or cfg.batch_size >= trainer.m,
    )
    st.session_state[LAST_STEP] = (record.run_id, record.iteration, step, cfg.learning_rate)


def step_note(record) -> str | None:
    """The last One step, while ``record`` is where it left the run (else None).

    Its costs (a fall green ▼, a rise red ▲), its size, and on a rise why, with the costs a
    smaller α would have given.
    """
    last = st.session_state.get(LAST_STEP)
    if not last or last[:2] != (record.run_id, record.iteration):
        return None
    _, i, step, lr = last
    change = step.after - step.before
    delta = f":{'red' if step.rose else 'green'}[{'▲' if step.rose else '▼'} {change:+.6f}]"
    text = t(
        "one_step_result",
        i=i,
        before=f"{step.before:.6f}",
        after=f"{step.after:.6f}",
        delta=delta,
        size=f"{step.size:.4g}",
    )
    if step.rose:
        text += " " + t("one_step_rose", lr=f"{lr:g}")
        if step.smaller:
            text += " " + t(
                "one_step_smaller",
                lr=f"{lr:g}",
                half=_costed(step.smaller[2], step.before),
                tenth=_costed(step.smaller[10], step.before),
            )
        else:
            text += " " + t("one_step_batches")
    return text


def _costed(cost: float, before: float) -> str:
    """``0.088401 (▼ −0.000012)`` in green, or red with ▲ where the cost is above ``before``."""
    up = cost > before
    arrow = f":{'red' if up else 'green'}[{'▲' if up else '▼'} {cost - before:+.6f}]"
    return f"{cost:.6f} {arrow}"
