"""BLAS on one thread while a run trains, put back as it was afterwards (threadpoolctl).

An iteration of the lesson's network is many small matrix products: a second BLAS thread only
adds synchronisation, and on a busy machine it made a 1 s run take 12 s. The limit is
process-wide (it is the BLAS library's own setting), so concurrent runs share it: the first run
to start sets it, and the last one to end restores the original. threadpoolctl lets only one
thread at a time change OpenBLAS's setting (others are silently ignored), so the thread that
sets or restores it takes that role first: runs in a server's session threads work too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import threadpoolctl
from threadpoolctl import threadpool_info, threadpool_limits

_lock = threading.Lock()
_users = 0
_limiter = None


@contextmanager
def limit_blas(threads: int | None) -> Iterator[None]:
    """Hold BLAS to ``threads`` threads inside the ``with`` block; None leaves it as it is."""
    global _users, _limiter
    if threads is None:
        yield
        return
    with _lock:
        if _users == 0:
            _control(True)
            _limiter = threadpool_limits(limits=int(threads), user_api="blas")
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0 and _limiter is not None:
                _control(True)
                _limiter.restore_original_limits()
                _limiter = None
                _control(False)


def one_thread():
    """:func:`limit_blas` (1) around a product whose rounding must not depend on the caller.

    BLAS splits a product among its threads, and the split changes the order in which sums are
    rounded: Xᵀ X of the cat data on 1 or 2 threads differ by 1.8e-12, and W0 X too. Some runs
    amplify that much: the lesson's network with tanh, set up on 2 threads rather than 1, ended
    2.4e-4 apart in cost and 0.6 apart along the way. Runs train on one thread, and their set-up
    (W0 X, Xᵀ X, Xᵀ X_val) and W^[1] = a · W0 + P Xᵀ are made on one thread too: so a run is the
    same in ``dnn.train``, in a grid cell (set up under :func:`limit_blas`) and in a session of
    a server while another session trains (the limit is process-wide).
    """
    return limit_blas(1)


def _control(take: bool) -> None:
    """Make this thread the one threadpoolctl lets set OpenBLAS's limit (take), or let go."""
    clear = getattr(
        getattr(threadpoolctl, "OpenBLASController", None), "clear_controlling_thread", None
    )
    if clear is not None:
        clear(force=take)


def blas_thread_counts() -> list[int]:
    """The thread count of every BLAS library loaded in this process, as BLAS reports it."""
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
