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
