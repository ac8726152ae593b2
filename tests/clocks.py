"""A fake clock for the trainer: time that moves only when it is read (or told to).

``dnn.trainer.clock`` is the one function a Trainer reads its time from. A test replaces it with
a :class:`FakeClock` so that a budget of "computing seconds" becomes a budget of clock readings,
the same on a fast machine and a loaded one: a time cap ends a run at a known point, and a
pause can take "an hour" at no cost.
"""

from __future__ import annotations

import threading

import dnn.trainer


class FakeClock:
    """Each reading returns the time and then moves it ``step`` seconds on.

    Parameters
    ----------
    step : float
        Seconds added at every reading.
    """

    def __init__(self, step: float = 0.001) -> None:
        self.step, self.now, self.readings = step, 0.0, 0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            now = self.now
            self.now += self.step
            self.readings += 1
            return now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass at once (a long wait, say)."""
        with self._lock:
            self.now += seconds


def fake_trainer_clock(monkeypatch, step: float = 0.001) -> FakeClock:
    """Make every Trainer read ``FakeClock(step)`` for the rest of the test; return it."""
    clock = FakeClock(step)
    monkeypatch.setattr(dnn.trainer, "clock", clock)
    return clock
