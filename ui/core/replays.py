"""A link's runs, trained once per server process and shared by every session that opens it.

Runs are deterministic: a link names settings and a number of iterations, and every session
that opens it would train the very same network. Measured before this module: a link of 10
of the heaviest runs cost about 13 s of CPU and 160 MB per tab, and a class opening one shared
link trained the same runs 30 times. Now the first session to need a run trains it (the others
wait for it, in line like any run); each later one gets the finished trainer itself, read-only.
A session that goes on with a shared run (Continue, One step) first gets a private trainer
trained again to the same iteration (:func:`ui.core.live.make_private`), so nobody changes
another's run.

Bounded: at most :data:`MAX_RUNS` trainers and :data:`MAX_BYTES` of their parameter vectors
(times the buffers an engine keeps) are held; the least recently used go first. A run cut short by
a Stop or a rerun is never shared; one cut by the link's time budget is, as it is.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from streamlit.logger import get_logger

import dnn

_LOG = get_logger(__name__)

MAX_RUNS = 32
MAX_BYTES = 512 * 2**20
BUFFERS = 6  # parameter-sized arrays a trainer holds: θ, θ before, gradient, optimizer state …
WAIT_SECONDS = 0.25  # how often a session waiting for another's run touches its page


def nbytes(trainer: dnn.Trainer) -> int:
    """About what a finished trainer holds beyond the shared data."""
    dims = trainer.config.layer_dims
    weights = sum(dims[k] * dims[k - 1] + dims[k] for k in range(1, len(dims)))
    return BUFFERS * 8 * weights


class SharedRuns:
    """Finished trainers by (settings, iterations), with one lock per run being trained."""

    def __init__(self, max_runs: int = MAX_RUNS, max_bytes: int = MAX_BYTES) -> None:
        self.max_runs, self.max_bytes = max_runs, max_bytes
        self._runs: OrderedDict = OrderedDict()  # key → trainer, least recently used first
        self._training: dict = {}  # key → the lock of the session training it
        self._lock = threading.Lock()
        self._shared: weakref.WeakSet = weakref.WeakSet()  # every trainer ever shared
        self.trained = 0  # runs trained for the cache (a test and the bench count them)
        self.served = 0  # runs handed out without training

    def get(self, key) -> dnn.Trainer | None:
        """The finished trainer of ``key``, if held (it becomes the most recently used)."""
        with self._lock:
            trainer = self._runs.get(key)
            if trainer is not None:
                self._runs.move_to_end(key)
                self.served += 1
            return trainer

    def put(self, key, trainer: dnn.Trainer) -> None:
        """Keep a finished trainer, letting go of the least recently used past the bounds."""
        with self._lock:
            self._runs[key] = trainer
            self._runs.move_to_end(key)
            self._shared.add(trainer)
            self.trained += 1
            _LOG.info("shared run trained: %s", key)  # bench/link_load.py counts these lines
            while len(self._runs) > self.max_runs or (
                len(self._runs) > 1 and sum(map(nbytes, self._runs.values())) > self.max_bytes
            ):
                self._runs.popitem(last=False)  # sessions holding it still may not change it

    def is_shared(self, trainer: dnn.Trainer | None) -> bool:
        """Whether ``trainer`` is one of the shared ones (so nobody may go on with it)."""
        with self._lock:
            return trainer is not None and trainer in self._shared

    @contextmanager
    def claim(self, key, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
        """Be the one session training ``key`` for the block; others wait, touching ``on_wait``.

        Whoever enters after the first finds the run with :meth:`get` (unless the first was cut
        short: then it trains it itself).
        """
        with self._lock:
            lock = self._training.setdefault(key, threading.Lock())
        while not lock.acquire(timeout=WAIT_SECONDS):
            on_wait()  # where Streamlit stops a waiting session
        try:
            yield
        finally:
            lock.release()

    def clear(self) -> None:
        """Forget every shared run (tests)."""
        with self._lock:
            self._runs.clear()
            self.trained = self.served = 0


RUNS = SharedRuns()  # this server process's shared runs
