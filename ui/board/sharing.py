"""A student's side of the class: who they are in it, and the runs waiting to be posted.

Joining keeps the class code, the nickname and the session's secret in session state (the
secret never leaves the server: it is what lets this session, and only it, post as that
nickname), and in the database for the browser (:mod:`ui.board.browsers`), so that a new
session of the same browser, on any server, is still that member. Every finished run and grid
cell (:func:`ui.core.runs.on_run_finished`) is put in the session's outbox with a fresh
idempotency key while sharing is on; :func:`flush` posts the outbox in order and stops at
the first failure, so while the database is down runs wait, and a retry never posts one twice.
Posts are rate-limited per session (:class:`Bucket`).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import streamlit as st

from ui.board import browsers, db, halves, store
from ui.core import runs, session, url_state, visitor
from ui.core.i18n import t
from ui.core.runs import FinishedRun

MEMBER = session.register("board_member", None)  # (code, nickname, secret) once joined
OUTBOX = session.register("board_outbox", list)  # [(post key, run dict)], oldest first
SHARE = "board_share"  # the sidebar's "share my runs" switch (its widget key)
LIMIT = session.register("board_bucket", None)  # this session's rate limit
OFFLINE = session.register("board_offline", False)  # the last try failed
LOOKED = session.register("board_looked", 0.0)  # when to look the browser up (monotonic)
RETRY = 10.0  # seconds between look-ups while the database is down
POSTS_PER_MINUTE = 60  # a 6 × 6 grid's cells and then some; the rest wait in the outbox
BURST = 40


@dataclass
class Bucket:
    """A token bucket: ``take()`` is True at most ``burst`` times at once, ``rate`` a second."""

    burst: float
    rate: float
    tokens: float
    stamp: float

    def take(self, now: float) -> bool:
        """Take one token at time ``now`` if there is one."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def bucket() -> Bucket:
    """The session's rate limit (created on first use)."""
    if st.session_state.get(LIMIT) is None:
        st.session_state[LIMIT] = Bucket(BURST, POSTS_PER_MINUTE / 60, BURST, time.monotonic())
    return st.session_state[LIMIT]


def member() -> tuple[str, str, str] | None:
    """(code, nickname, secret) of the class this session joined, or None.

    A new session (a reload, a restarted server, another replica) looks its browser up in the
    database once (:mod:`ui.board.browsers`): a student never has to join again. While the
    database is down it tries again every :data:`RETRY` seconds (and not at all while another
    session of this process found it down within that time).
    """
    joined = st.session_state.get(MEMBER)
    if joined is None and time.monotonic() >= st.session_state.get(LOOKED, 0.0):
        if db.offline_lately(RETRY):  # another session just failed: no page waits for it
            return None
        try:
            joined = db.call(browsers.find, visitor.token(), time.time())
        except db.Offline:
            st.session_state[LOOKED] = time.monotonic() + RETRY
            return None
        st.session_state[LOOKED] = float("inf")  # found, or not a member: asked once
        st.session_state[MEMBER] = joined
    return joined


def sharing() -> bool:
    """Whether this session's runs go to its class."""
    return member() is not None and st.session_state.get(SHARE, True)


def as_row(run: FinishedRun) -> dict:
    """A finished run as the board stores it (the public/private halves computed here)."""
    public, private = halves.split(run.test_right)
    s = run.settings
    cost = run.final_cost
    return {
        "hidden_layers": "-".join(map(str, s.hidden)),
        "learning_rate": float(s.learning_rate),
        "iterations": int(run.iterations),
        "l2": float(s.l2),
        "settings": url_state.encode_run(url_state.RunSpec(s, s.iterations, 1), 1)[:400],
        "train_acc": float(run.train_accuracy),
        "test_acc": float(run.test_accuracy),
        "public_acc": public,
        "private_acc": private,
        "final_cost": None if cost is None or cost != cost else float(cost),
        "seconds": float(run.seconds),
        "grid_cell": bool(run.grid_cell),
    }


def queue(run: FinishedRun) -> None:
    """The hook on every finished run: into the outbox when this session shares with a class.

    It is posted at once; when the database was unreachable on the last try, the class box in
    the sidebar posts it instead (it tries every few seconds), so that training never waits.
    """
    if sharing():
        st.session_state[OUTBOX].append((uuid.uuid4().hex, as_row(run)))
        if not st.session_state.get(OFFLINE) and not flush():  # else the class box retries
            st.toast(t("board_waiting", n=waiting()), icon="⏳")


runs.on_run_finished(queue)


def waiting() -> int:
    """How many runs wait to be posted."""
    return len(st.session_state.get(OUTBOX) or ())


def flush() -> bool:
    """Post the outbox, oldest first; False when the database could not be reached."""
    joined, box = member(), st.session_state.get(OUTBOX) or []
    if joined is None:
        return True
    code, _, secret = joined
    limit = bucket()
    try:
        while box and limit.take(time.monotonic()):
            key, row = box[0]
            db.call(store.post_run, code, secret, row, key, time.time())
            box.pop(0)
    except db.Offline:
        st.session_state[OFFLINE] = True
        return False
    except store.BoardError:  # the class ended or expired (its rows with it): nowhere to go
        _left()
        return True
    st.session_state[OFFLINE] = False
    return True


def join(code: str, nickname: str) -> None:
    """Join class ``code`` as ``nickname`` (BoardError or db.Offline say why not)."""
    _, secret = db.call(browsers.join, code, nickname, visitor.token(), time.time())
    st.session_state[MEMBER] = (code, store.nickname_of(nickname), secret)
    st.session_state[OUTBOX] = []


def leave() -> None:
    """Leave the class, for this browser too (db.Offline: not now); its runs stay on the board."""
    db.call(browsers.forget, visitor.token())
    _left()


def _left() -> None:
    st.session_state[MEMBER] = None
    st.session_state[LOOKED] = float("inf")
    st.session_state[OUTBOX] = []
