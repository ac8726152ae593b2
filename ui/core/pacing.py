"""One run's share of the server: a compute slot, turns at the CPU, a progress bar touched often.

Both a live run (:func:`ui.core.live.stream`) and an experiment-grid cell
(:func:`ui.grid.model.run_cell`) train through a :class:`Paced`: it computes only while holding
one of the server's compute slots (:mod:`ui.core.compute`), offers the slot to waiting sessions
after every ``compute.SLICE_SECONDS`` of computing (the trainer's ``pause`` hook), and touches
the page's progress bar at least every :data:`BAR_SECONDS` — each touch is where Streamlit can
interrupt the run when the visitor clicks Stop. No Streamlit here: the page passes ``touch``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import dnn.trainer as trainer_clock
from ui.core import compute

BAR_SECONDS = 0.1  # the longest a run goes without a chance to be stopped
WAIT_BAR_SECONDS = 0.25  # the same while in line for a compute slot (a touch costs the server)


class Paced:
    """A run's slot and progress touches.

    Parameters
    ----------
    touch : callable
        ``touch(waiting)`` updates the progress bar; ``waiting`` is True while in line for a
        slot. An exception from it (Streamlit stopping the script) ends the run.
    pool : ComputePool, optional
        The server's pool by default.
    """

    def __init__(self, touch: Callable[[bool], None], pool: compute.ComputePool | None = None):
        self._touch = touch
        self.slot = compute.Slot(pool or compute.POOL, lambda: self.show(True), WAIT_BAR_SECONDS)
        self.shown_at = 0.0  # when the bar was last touched (perf_counter)

    def show(self, waiting: bool = False) -> None:
        """Touch the progress bar now."""
        self._touch(waiting)
        self.shown_at = time.perf_counter()

    def due(self) -> bool:
        """Whether BAR_SECONDS have passed since the last touch."""
        return time.perf_counter() - self.shown_at >= BAR_SECONDS

    def tick(self) -> None:
        """Touch the bar if it is due (call at every progress report)."""
        if self.due():
            self.show()

    def pause(self) -> None:
        """The trainer's ``pause`` hook: let the first session in line compute, then go on."""
        self.slot.turn()
        self.tick()

    def give(self) -> None:
        """Let go of the slot (while a chart frame is paced and drawn)."""
        self.slot.give()

    def take(self) -> None:
        """Hold a slot again, waiting in line if needed."""
        self.slot.take()

    @contextmanager
    def holding(self) -> Iterator[Paced]:
        """Hold a slot for the block (waiting in line first); give it back however it ends."""
        try:
            self.slot.take()
            yield self
        finally:
            self.slot.give()

    def train(self, trainer, n: int, callback, every: int, max_seconds: float) -> str:
        """``trainer.run(n, …)`` with this run's turns; returns the trainer's status."""
        return trainer.run(
            n,
            callback=callback,
            every=every,
            max_seconds=max_seconds,
            pause=self.pause,
            slice_seconds=compute.SLICE_SECONDS,
        )


# ------------------------------------------------------------------------------ the pace
PACES = ("fast", "lesson")  # as fast as the server can / slow enough to talk over
FAST_FRAMES, FAST_FRAME_SECONDS = 20, 0.07  # a browser draws each frame: ≈ 1.4 s of animation
LESSON_FRAMES = 100
LESSON_ITERATIONS_PER_SECOND = 125.0  # the lesson's 2,500 iterations in 20 s
LESSON_SECONDS = (2.0, 30.0)  # a lesson-paced animation lasts at least / at most this long


def sleep(seconds: float) -> None:
    """Wait ``seconds`` (tests replace it: a fake clock's ``advance``)."""
    time.sleep(seconds)


class Timeline:
    """When each frame of a run's animation is due, at a pace (see :data:`PACES`).

    Frame k of ``frames`` is due k / frames of the animation's length after the start: at the
    ``fast`` pace 20 frames 0.07 s apart (the browser's time to draw one), at the ``lesson``
    pace 100 frames over n / 125 s (2 to 30 s: the lesson's run in 20 s). A run slower than
    its timeline (a heavy network, a busy server) is behind it and never waits. Time is read
    from ``dnn.trainer.clock``, so a test's fake clock drives it.

    Parameters
    ----------
    pace : str
        ``fast`` or ``lesson``.
    n : int
        Iterations in the run.
    """

    def __init__(self, pace: str, n: int) -> None:
        n = max(int(n), 1)
        if pace == "lesson":
            low, high = LESSON_SECONDS
            self.frames = min(LESSON_FRAMES, n)
            self.seconds = min(high, max(low, n / LESSON_ITERATIONS_PER_SECOND))
        else:
            self.frames = min(FAST_FRAMES, n)
            self.seconds = self.frames * FAST_FRAME_SECONDS
        self.n = n
        self.every = max(1, n // self.frames)  # iterations between two frames
        self.start = _now()

    def due(self, done: int) -> float:
        """The time (on ``dnn.trainer.clock``) the frame after ``done`` iterations is due."""
        return self.start + min(done, self.n) / self.n * self.seconds

    def wait(self, done: int) -> float:
        """Wait until the frame after ``done`` iterations is due; returns the seconds waited."""
        delay = self.due(done) - _now()
        if delay > 0:
            sleep(delay)
            return delay
        return 0.0


def _now() -> float:
    """``dnn.trainer.clock()``, looked up at each call (tests replace it)."""
    return trainer_clock.clock()
