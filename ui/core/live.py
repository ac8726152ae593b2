"""Running a trainer from a page: the live chart, the progress bar, a link's runs trained again.

Every run goes through :func:`stream` (the same computation, with or without the live chart).
"""

from __future__ import annotations

import itertools
import time

import dnn
from ui.core import compute, work
from ui.core.figures import charts as figures
from ui.core.figures.style import legible
from ui.core.i18n import t
from ui.core.labels import chart_labels, describe
from ui.core.model import use_model
from ui.core.pacing import Paced, Timeline
from ui.core.replays import RUNS
from ui.core.runs import (
    RunRecord,
    add_run,
    checkpoints,
    model_metadata,
    new_run,
    new_trainer,
    record_finished,
    replace_trainer,
    run_record,
)
from ui.core.settings import Settings
from ui.core.url_state import RunSpec

FRAMES = 20  # chart updates in one run (at the fast pace; see ui.core.pacing.Timeline)
STREAM_POINTS = 400  # cost points sent per frame
# When other sessions wait for the CPU, an intermediate frame is drawn at most this often: each
# frame costs the server ~6 ms, and thirty students pressing Train at once would spend more on
# frames than on training. Alone, a run shows every frame.
BUSY_FRAME_SECONDS = 1.0
MAX_RUN_SECONDS = 60.0  # computing time of one run on a shared server (waits not counted)
REPLAY_SECONDS = 10.0  # all the runs of one link, on a shared server

FRAME_KEY = "dnn_frame_"  # a live frame's container: hidden while training with reduced motion
_STREAMS = itertools.count(1)  # a number for each run's frame container (keys never repeat)


def stream(
    trainer: dnn.Trainer,
    record: RunRecord,
    n: int,
    data,
    chart,
    bar,
    max_seconds: float | None = None,
    keep=None,
    pace: str = "fast",
    every: int | None = None,
) -> None:
    """Run ``n`` more iterations, redrawing ``chart`` at ``pace`` and ``bar`` often.

    ``chart`` None: no animation (a run restored from a link, one step), the same computation.
    The first frame is drawn after the first update, then frames follow the pace's timeline
    (:class:`ui.core.pacing.Timeline`: 20 frames in ≈ 1.4 s, or 100 frames slow enough to
    talk over); ``every``: the chart shows the cost every that many iterations only.
    ``max_seconds`` shortens the MAX_RUN_SECONDS budget. ``keep(trainer, record)`` stores the
    network at the end (default: it becomes the prediction page's model, see
    :func:`session_model_keeper`). After a Stop every Streamlit call raises, session state
    included, so ``keep`` uses none: it fills in what was stored before the run.

    The progress bar is touched at least every BAR_SECONDS: each touch is where Streamlit can
    interrupt the run when the visitor clicks Stop. The run computes only while it holds one of
    the server's compute slots (:mod:`ui.core.compute`), offers it to waiting sessions every
    ``compute.SLICE_SECONDS`` of computing, and lets go of it while a chart frame is drawn.
    Whatever ends the run (the end, Stop, a rerun, a closed tab, divergence), the record and
    the session's model are brought up to date in ``finally``, from the trainer itself.
    """
    labels = chart_labels(bool(getattr(record.settings, "validation", 0)))
    keep = keep or session_model_keeper(trainer, record)
    first, end = trainer.iteration, trainer.iteration + n
    timeline = Timeline(pace, n)
    frame_every = timeline.every
    clock = {"frame": 0.0, "next": first + 1}  # the first frame at once, after one update
    last: dict[str, dnn.Progress | None] = {"p": None}

    def show_progress(waiting: bool) -> None:
        p = last["p"]
        if waiting:
            text = t("waiting_slot")
        else:
            rate = "…" if p is None else f"{p.iterations_per_second:,.0f}"
            text = t("progress", i=trainer.iteration, n=end, rate=rate)
        bar.progress((trainer.iteration - first) / max(n, 1), text=text)

    paced = Paced(show_progress)

    def skip_frame() -> bool:  # under load: fewer intermediate frames
        busy = compute.POOL.waiting > 0
        return busy and time.perf_counter() - clock["frame"] < BUSY_FRAME_SECONDS

    def draw_frame() -> None:  # the page draws the final chart itself
        paced.give()  # a frame is paced and drawn without holding the CPU from others
        timeline.wait(trainer.iteration - first)  # a run behind its timeline never waits
        clock["frame"] = time.perf_counter()
        fig = figures.training_chart(
            trainer.costs,
            checkpoints(trainer.history),
            labels,
            max_points=STREAM_POINTS,
            every=every,
        )
        # in a container keyed as a frame, so that CSS hides it from its first paint for a
        # visitor who asked for reduced motion; one container for all the run's frames (a key
        # is unique in a script run), each frame in its same place: the browser updates the
        # chart drawn (measured: a new container a frame mounted a new chart each time, and
        # on a busy machine the chart stayed blank for a whole lesson-paced run)
        if "box" not in clock:
            clock["box"] = chart.container(key=f"{FRAME_KEY}{next(_STREAMS)}").empty()
        clock["box"].plotly_chart(legible(fig))
        paced.show()
        paced.take()

    def on_progress(p: dnn.Progress) -> None:
        last["p"] = p
        if chart is not None and end > trainer.iteration >= clock["next"]:
            while clock["next"] <= trainer.iteration:
                clock["next"] += frame_every
            if not skip_frame():
                draw_frame()
                return
        paced.tick()

    budget = min(MAX_RUN_SECONDS, max_seconds or MAX_RUN_SECONDS)
    try:
        with work.at_risk("run" if chart is not None else None), paced.holding():
            paced.train(trainer, n, on_progress, min(frame_every, 10), budget)
            paced.show()  # where the run ended (the page then draws the final chart)
    finally:
        record.update_from(trainer, data)
        keep(trainer, record)


def session_model_keeper(trainer: dnn.Trainer, record: RunRecord):
    """Make the run the prediction page's model now; return the ``keep`` that completes it.

    Everything that needs Streamlit (the label's words, session state) happens here, before
    the run; ``keep`` only fills in the list stored as the session's model. Measured: when
    ``keep`` wrote session state itself, a Stop left the prediction page on its old model.
    """
    label = f"#{record.run_id} {describe(record.settings)}"
    model = use_model(trainer.params, model_metadata(record, label), "session")

    def keep(trainer: dnn.Trainer, record: RunRecord) -> None:  # no Streamlit here
        model.params, model.meta = trainer.params, model_metadata(record, label)

    return keep


def train(shared, settings: Settings, chart, bar, pace="fast", every=None) -> RunRecord:
    """A new run of ``settings``, drawn live in ``chart`` at ``pace`` (see :func:`stream`)."""
    trainer = new_trainer(shared, settings.config(), settings.validation)
    record = new_run(trainer, settings)
    stream(trainer, record, settings.iterations, shared.data, chart, bar, pace=pace, every=every)
    record_finished(record, trainer.params, shared.data)  # e.g. to the class board
    return record


def replay(shared, pending: list[RunSpec], bar) -> bool:
    """Train again the runs a link names, in order, without animation; True if all are done.

    Runs are deterministic, so they end with the sender's costs and accuracies. They share a
    budget of REPLAY_SECONDS: a run past it stops where it got to (Continue goes on).

    A run joins the session only once it has ended: when a rerun interrupts one (a page that
    is loading can ask for one while the run waits for a compute slot), it stays pending and
    the next script run trains it again from the start, instead of keeping a run cut at 0.
    """
    total = len(pending)
    start = time.perf_counter()
    complete = True
    while pending:
        spec = pending[0]
        left = REPLAY_SECONDS - (time.perf_counter() - start)
        note = t("link_replaying", k=total - len(pending) + 1, n=total)
        bar.caption(note)
        trainer = _shared_run(shared, spec, left, bar, lambda: bar.caption(note))  # noqa: B023
        record = run_record(trainer, spec.settings, spec.number)
        record.update_from(trainer, shared.data)
        add_run(record, trainer)
        use_model(trainer.params, model_metadata(record), "session")  # as after any run
        pending.pop(0)
        complete &= record.iteration >= spec.done or record.status == "diverged"
    return complete


def _shared_run(shared, spec: RunSpec, left: float, bar, on_wait) -> dnn.Trainer:
    """The trainer of ``spec``: shared if this server trained it already, else trained now.

    One session trains a run that several want at once; the others wait (``on_wait``) and then
    share it. A run the link's time budget cut (or never started) is shared as it is: 30 tabs
    opening a link too heavy for its budget each trained their own cut runs and held their own
    untrained networks (85 CPU s and 5 GB for 10 of the heaviest runs, bench/link_load.py). Only
    a run cut by a Stop or a rerun, at a moment of one session's choosing, is not shared.
    """
    key = (spec.settings, spec.done)
    trainer = RUNS.get(key)
    if trainer is not None:
        return trainer
    with RUNS.claim(key, on_wait):
        trainer = RUNS.get(key)  # trained by another session while this one waited
        if trainer is not None:
            return trainer
        trainer = new_trainer(shared, spec.settings.config(), spec.settings.validation)
        if left > 0 and spec.done > 0:
            scratch = run_record(trainer, spec.settings, spec.number)
            stream(trainer, scratch, spec.done, shared.data, None, bar, left, _keep_nothing)
        if trainer.status != "stopped":  # not cut by a Stop or a rerun: what any session gets
            RUNS.put(key, trainer)
        return trainer


def make_private(shared, trainer: dnn.Trainer, record: RunRecord, bar) -> dnn.Trainer:
    """Before going on with a shared run: a trainer of the session's own at the same point.

    Runs are deterministic, so training it again to the same iteration gives the same network
    (bit for bit); it then replaces the shared one as the session's current trainer.
    """
    own = new_trainer(shared, trainer.config, record.settings.validation)
    scratch = RunRecord(record.run_id, record.settings, own.config, own.engine, trainer.iteration)
    stream(own, scratch, trainer.iteration, shared.data, None, bar, None, _keep_nothing)
    replace_trainer(own)
    return own


def _keep_nothing(trainer: dnn.Trainer, record: RunRecord) -> None:
    """A replayed run is kept only once it has ended (see :func:`replay`)."""
