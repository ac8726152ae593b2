"""Fair turns at the CPU for the sessions of one server process.

Sessions are threads of one Streamlit process. Many of them computing at once thrash on the GIL
(each small BLAS call releases it, and getting it back waits behind the others): 10 sessions
ran at 1/6 of the speed of one. So at most :data:`SLOTS` compute at a time, and the others wait
in line, first come, first served. A session holding a slot gives it back after a time slice of
computing (:data:`SLICE_SECONDS`) if anybody is waiting, and queues again at the back: a heavy
run cannot hold a core for seconds, and a light one started behind it gets every other turn.

While a session waits, it calls its ``on_wait`` function every ``every`` seconds: that is where
the page touches a Streamlit element, which is where Streamlit stops a run when the visitor
clicks Stop.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable

from dnn.trainer import SLICE_SECONDS as SLICE_SECONDS  # computing time before a turn is offered

SLOTS = max(1, (os.cpu_count() or 2) // 2)


class ComputePool:
    """``slots`` compute slots, handed out in the order they were asked for.

    Parameters
    ----------
    slots : int
        How many sessions may compute at the same time.
    """

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._queue: deque[threading.Event] = deque()  # one event per waiting session
        self._lock = threading.Lock()

    @property
    def waiting(self) -> int:
        """How many sessions are waiting for a slot now."""
        return len(self._queue)

    @property
    def free(self) -> int:
        """How many slots nobody holds now."""
        return self._free

    def acquire(self, on_wait: Callable[[], None] | None = None, every: float = 0.1) -> None:
        """Take a slot, waiting in line if none is free (see :meth:`_wait`)."""
        with self._lock:
            if self._free and not self._queue:
                self._free -= 1
                return
            ticket = threading.Event()
            self._queue.append(ticket)
        self._wait(ticket, on_wait, every)

    def release(self) -> None:
        """Give a slot back: to the first session in line, or to the pool."""
        with self._lock:
            self._hand_on()

    def turn(self, on_wait: Callable[[], None] | None = None, every: float = 0.1) -> bool:
        """If anybody waits, give the slot to the first in line and queue again at the back.

        Returns True if the slot was given away (and taken again after waiting).
        """
        with self._lock:
            if not self._queue:
                return False
            self._hand_on()
            ticket = threading.Event()
            self._queue.append(ticket)
        self._wait(ticket, on_wait, every)
        return True

    def _hand_on(self) -> None:
        """With the lock held: pass one slot to the head of the line, or free it."""
        if self._queue:
            self._queue.popleft().set()
        else:
            self._free += 1

    def _wait(self, ticket: threading.Event, on_wait, every: float) -> None:
        """Wait until ``ticket`` is granted, calling ``on_wait`` every ``every`` seconds.

        If ``on_wait`` raises (Streamlit stopping the run), the place in line is given up, or
        the slot passed on if it arrived meanwhile, and the exception goes on.
        """
        try:
            while not ticket.wait(every):
                if on_wait is not None:
                    on_wait()
        except BaseException:
            with self._lock:
                if ticket.is_set():
                    self._hand_on()
                else:
                    self._queue.remove(ticket)
            raise


class Slot:
    """One session's use of a pool: take, turn and give back, and whether it holds a slot.

    Parameters
    ----------
    pool : ComputePool
    on_wait : callable, optional
        Called every ``every`` seconds while waiting.
    every : float
    """

    def __init__(self, pool: ComputePool, on_wait=None, every: float = 0.1) -> None:
        self.pool, self.on_wait, self.every = pool, on_wait, every
        self.held = False

    def take(self) -> None:
        """Hold a slot (waiting in line if needed); nothing if already held."""
        if not self.held:
            self.pool.acquire(self.on_wait, self.every)
            self.held = True

    def give(self) -> None:
        """Give the slot back, if held."""
        if self.held:
            self.held = False
            self.pool.release()

    def turn(self) -> None:
        """Let the first session in line compute, if there is one; then go on."""
        if not self.held:
            self.take()
            return
        self.held = False  # while in line, the slot is not ours
        self.pool.turn(self.on_wait, self.every)
        self.held = True


POOL = ComputePool(SLOTS)  # the one pool of this server process
