"""Running a trainer from a page: the live chart, the progress bar, and what a run leaves."""

from __future__ import annotations

import csv
import io
import time

import streamlit as st

import dnn
from dnn.model_io import model_bytes
from ui import compute, figures, run_checks, state
from ui.controls import describe
from ui.i18n import t

FRAMES = 20  # chart updates in one run
MIN_FRAME_SECONDS = 0.07  # a browser draws each frame; the lesson run animates for ≈ 1.5 s
STREAM_POINTS = 400  # cost points sent per frame
CHART_POINTS = 2500  # the final chart: every iteration of the lesson's run, at most this many
BAR_SECONDS = 0.1  # the longest a run goes without a chance to be stopped
WAIT_BAR_SECONDS = 0.25  # the same while in line for a compute slot (a touch costs the server)
# When other sessions wait for the CPU, an intermediate frame is drawn at most this often: each
# frame costs the server ~6 ms, and thirty students pressing Train at once would spend more on
# frames than on training. Alone, a run shows every frame.
BUSY_FRAME_SECONDS = 1.0
MAX_RUN_SECONDS = 60.0  # computing time of one run on a shared server (waits not counted)


def chart_labels() -> dict[str, str]:
    """Axis and legend text for the charts, in the UI's language."""
    return {k: t("chart_" + k) for k in ("cost", "train", "test", "iteration", "accuracy", "peak")}


def checkpoints(history) -> list[tuple[int, float, float | None]]:
    """(iteration, train accuracy, test accuracy) of each progress report."""
    return [(p.iteration, p.train_accuracy, p.test_accuracy) for p in history]


def stream(
    trainer: dnn.Trainer,
    record: state.RunRecord,
    n: int,
    data,
    chart,
    bar,
    max_seconds: float | None = None,
    keep=None,
) -> None:
    """Run ``n`` more iterations, redrawing ``chart`` about FRAMES times and ``bar`` often.

    ``chart`` None: no animation (a run restored from a link, one step), the same computation.
    ``max_seconds`` shortens the MAX_RUN_SECONDS budget. ``keep(trainer, record)`` stores the
    network at the end (default: it becomes the prediction page's model, see
    :func:`session_model_keeper`). After a Stop every Streamlit call raises, session state
    included, so ``keep`` uses none: it fills in what was stored before the run.

    The progress bar is touched at least every BAR_SECONDS: each touch is where Streamlit can
    interrupt the run when the visitor clicks Stop. The run computes only while it holds one of
    the server's compute slots (:mod:`ui.compute`), offers it to waiting sessions every
    ``compute.SLICE_SECONDS`` of computing, and lets go of it while a chart frame is drawn.
    Whatever ends the run (the end, Stop, a rerun, a closed tab, divergence), the record and
    the session's model are brought up to date in ``finally``, from the trainer itself.
    """
    labels = chart_labels()
    keep = keep or session_model_keeper(trainer, record)
    first, end = trainer.iteration, trainer.iteration + n
    frame_every = max(1, n // FRAMES)
    clock = {"start": time.perf_counter(), "frame": 0.0, "bar": 0.0, "next": first + frame_every}
    last: dict[str, dnn.Progress | None] = {"p": None}

    def show_progress(p: dnn.Progress | None, waiting: bool = False) -> None:
        done = trainer.iteration - first
        if waiting:
            text = t("waiting_slot")
        else:
            rate = "…" if p is None else f"{p.iterations_per_second:,.0f}"
            text = t("progress", i=trainer.iteration, n=end, rate=rate)
        bar.progress(done / max(n, 1), text=text)
        clock["bar"] = time.perf_counter()

    # while in line for a slot: also where a Stop click gets through
    slot = compute.Slot(compute.POOL, lambda: show_progress(last["p"], True), WAIT_BAR_SECONDS)

    def skip_frame() -> bool:  # under load: fewer intermediate frames
        busy = compute.POOL.waiting > 0
        return busy and time.perf_counter() - clock["frame"] < BUSY_FRAME_SECONDS

    def pause() -> None:  # between mini-batches, after every time slice of computing
        slot.turn()
        if time.perf_counter() - clock["bar"] > BAR_SECONDS:
            show_progress(last["p"])  # where a Stop click takes effect

    def on_progress(p: dnn.Progress) -> None:
        last["p"] = p
        if chart is None:
            if time.perf_counter() - clock["bar"] > BAR_SECONDS:
                show_progress(p)
        elif end > trainer.iteration >= clock["next"] and skip_frame():
            while clock["next"] <= trainer.iteration:
                clock["next"] += frame_every
            if time.perf_counter() - clock["bar"] > BAR_SECONDS:
                show_progress(p)
        elif end > trainer.iteration >= clock["next"]:  # the page draws the final chart itself
            slot.give()  # a frame is paced and drawn without holding the CPU from others
            # the animation's own timeline: frame k is due k × MIN_FRAME_SECONDS after the
            # start; a run slowed down by other sessions is behind it and never waits
            due = clock["start"] + (trainer.iteration - first) / n * FRAMES * MIN_FRAME_SECONDS
            if due > time.perf_counter():
                time.sleep(due - time.perf_counter())
            clock["frame"] = time.perf_counter()
            while clock["next"] <= trainer.iteration:
                clock["next"] += frame_every
            fig = figures.training_chart(
                trainer.costs, checkpoints(trainer.history), labels, max_points=STREAM_POINTS
            )
            chart.plotly_chart(fig)
            show_progress(p)
            slot.take()
        elif time.perf_counter() - clock["bar"] > BAR_SECONDS:
            show_progress(p)

    try:
        slot.take()
        trainer.run(
            n,
            callback=on_progress,
            every=min(frame_every, 10),
            max_seconds=min(MAX_RUN_SECONDS, max_seconds or MAX_RUN_SECONDS),
            pause=pause,
            slice_seconds=compute.SLICE_SECONDS,
        )
        show_progress(last["p"])  # where the run ended (the page then draws the final chart)
    finally:
        slot.give()
        record.update_from(trainer, data)
        keep(trainer, record)


def session_model_keeper(trainer: dnn.Trainer, record: state.RunRecord):
    """Make the run the prediction page's model now; return the ``keep`` that completes it.

    Everything that needs Streamlit (the label's words, session state) happens here, before
    the run; ``keep`` only fills in the list stored as the session's model. Measured: when
    ``keep`` wrote session state itself, a Stop left the prediction page on its old model.
    """
    label = f"#{record.run_id} {describe(record.settings)}"
    model = [trainer.params, model_metadata(record, label), "session"]
    st.session_state.model = model  # (params, metadata, source), as state.use_model stores it

    def keep(trainer: dnn.Trainer, record: state.RunRecord) -> None:  # no Streamlit here
        model[0], model[1] = trainer.params, model_metadata(record, label)

    return keep


def model_metadata(record: state.RunRecord, label: str | None = None) -> dict:
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


def status_message(record: state.RunRecord, guess: float, names=None, resumable=True) -> None:
    """How the run ended (info, warning or success box), and whether it learned anything.

    ``guess`` is the cost of guessing the share of cats (:func:`ui.run_checks.guessing_cost`);
    ``names`` the class names of labels 0 and 1 (default: non-cat, cat); ``resumable`` False
    on a page without Continue (its texts then say to train again).
    """
    i, n = record.iteration, record.planned
    end = "" if resumable else "_final"
    if record.status == "diverged":
        why = divergence_text(record.divergence)
        st.warning(t("status_diverged_cause", i=record.diverged_at, kept=i, cause=why))
    elif record.status == "timed_out":
        st.warning(t("status_timed_out" + end, s=MAX_RUN_SECONDS, i=i) + " " + t("plan_left", n=n))
    elif i == 0:
        st.info(t("status_zero" + end))
    elif not record.done:
        st.info(t("status_paused" + end, i=i, n=n))
    else:
        st.success(t("status_finished", i=i, s=f"{record.seconds:.2f}"))
    if record.status == "diverged":
        return
    reasons = run_checks.diagnose(record.costs, record.cat_share, guess)
    if any(code == "cost_up" for code, _ in reasons):
        st.warning(t("cost_went_up"))
    useless = []
    for code, values in reasons:
        if code == "one_class":
            names = names or (t("class_noncat"), t("class_cat"))
            useless.append(t("useless_one_class", cls=names[1 if values["cat"] else 0]))
        elif code == "stalled":
            useless.append(t("useless_stalled", last=f"{values['last']:.3f}", guess=f"{guess:.3f}"))
    if useless and record.done:
        st.warning(t("useless_intro") + " " + " ".join(useless))


def divergence_text(divergence: dnn.Divergence) -> str:
    """The setting that most likely made a run diverge, in the visitor's language."""
    return t("diverged_" + divergence.cause, **divergence.values)


def costs_csv(record: state.RunRecord) -> bytes:
    """iteration,cost rows, plus the accuracies where they were measured."""
    acc = {p.iteration: p for p in record.history}
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["iteration", "cost", "train_accuracy", "test_accuracy"])
    for i, c in enumerate(record.costs):
        p = acc.get(i)
        w.writerow([i, repr(c), p.train_accuracy if p else "", p.test_accuracy if p else ""])
    return buf.getvalue().encode()


def download_model(params, record: state.RunRecord) -> bytes:
    """The current model as .safetensors bytes."""
    return model_bytes(params, **model_metadata(record))
