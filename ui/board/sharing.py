"""A student's side of the class: who they are in it, and the runs waiting to be posted.

Joining keeps the class code, the nickname and the session's secret in session state (the
secret never leaves the server: it is what lets this session, and only it, post as that
nickname), and in the database for the browser (:mod:`ui.board.browsers`), so that a new
session of the same browser, on any server, is still that member. Every finished run and grid
cell (:func:`ui.core.runs.on_run_finished`) is put in the session's outbox with a fresh
idempotency key while sharing is on; :func:`flush` posts the outbox in order and stops at
the first failure, so while the database is down runs wait, and a retry never posts one twice.
What waits is also written to this machine's spool (:mod:`ui.board.spool`) before the page
says it waits, so that a replica dying then loses nothing: a new session of the browser, on
any replica of the machine, counts and posts it (and while the database is still down, knows
its class from it); every replica posts what is left (:mod:`ui.board.flusher`). Posts are
rate-limited per session (:class:`Bucket`).
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass

import streamlit as st

from ui.board import browsers, db, halves, spool, store
from ui.core import runs, session, url_state, visitor, work
from ui.core.i18n import t
from ui.core.runs import FinishedRun

MEMBER = session.register("board_member", None)  # (code, nickname, secret) once joined
OUTBOX = session.register("board_outbox", list)  # [(post key, run dict)], oldest first
SHARE = "board_share"  # the sidebar's "share my runs" switch (its widget key)
LIMIT = session.register("board_bucket", None)  # this session's rate limit
OFFLINE = session.register("board_offline", False)  # the last try failed
SPOOLED = session.register("board_spooled", set)  # post keys of the outbox on the disk too
FROM_SPOOL = session.register("board_from_spool", False)  # MEMBER known from the spool only
SEEN = session.register("board_seen", 0)  # the browser's membership change last looked up
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


_changes: dict[str, int] = {}  # browser hash → its joins and leaves in this process
_changes_lock = threading.Lock()
MAX_CHANGES = 10_000  # browsers remembered (the oldest forgotten first)


def _changed() -> None:
    """The browser joined or left: its other tabs on this server look it up on their next run."""
    mine = _browser()
    if mine is not None:
        with _changes_lock:
            if mine not in _changes and len(_changes) >= MAX_CHANGES:
                del _changes[next(iter(_changes))]
            _changes[mine] = _changes.get(mine, 0) + 1


def _change() -> int:
    mine = _browser()
    return 0 if mine is None else _changes.get(mine, 0)


def member() -> tuple[str, str, str] | None:
    """(code, nickname, secret) of the class this session joined, or None.

    A new session (a reload, a restarted server, another replica) looks its browser up in the
    database once (:mod:`ui.board.browsers`): a student never has to join again. While the
    database is down it tries again every :data:`RETRY` seconds (and not at all while another
    session of this process found it down within that time); meanwhile, a browser with runs
    in this machine's spool is the member that posted them, until the database answers. When
    another tab of the browser joins or leaves a class (on this server: HAProxy keeps a
    browser on one replica), this one looks again on its next run.
    """
    joined, change = st.session_state.get(MEMBER), _change()
    stale = change != st.session_state.get(SEEN, 0)  # another tab joined or left
    unsure = joined is None or st.session_state.get(FROM_SPOOL) or stale
    if unsure and (stale or time.monotonic() >= st.session_state.get(LOOKED, 0.0)):
        if not db.offline_lately(RETRY):  # another session just failed: no page waits for it
            try:
                found = db.call(browsers.find, visitor.token(), time.time())
            except db.Offline:
                st.session_state[LOOKED] = time.monotonic() + RETRY
            else:
                st.session_state[LOOKED] = float("inf")  # found, or not a member: asked once
                if joined is not None and found != joined:  # what waits goes where it was for
                    _keep(joined)
                    st.session_state[OUTBOX] = []
                st.session_state[MEMBER], st.session_state[FROM_SPOOL] = found, False
                st.session_state[SEEN] = change
                return found
        if st.session_state.get(MEMBER) is None and (mine := _spooled()):
            last = mine[-1]  # the database is down: the browser's last post knows its class
            st.session_state[MEMBER] = (last.code, last.nickname, last.secret)
            st.session_state[FROM_SPOOL] = True
        joined = st.session_state.get(MEMBER)
    return joined


def _browser() -> str | None:
    token = visitor.token()
    return browsers.browser_hash(token) if token else None


def _spooled() -> list[spool.Post]:
    """The posts of this browser in this machine's spool (any of its sessions, any replica)."""
    mine = _browser()
    if mine is None:
        return []
    return spool.waiting(spool.folder(), spool.database_id(db.url()), time.time(), browser=mine)


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

    It is posted at once; when the database was unreachable on the last try, it goes to the
    spool and the class box in the sidebar posts it instead (it tries every few seconds), so
    that training never waits.
    """
    if sharing():
        st.session_state[OUTBOX].append((uuid.uuid4().hex, as_row(run)))
        if st.session_state.get(OFFLINE):
            _keep()
        elif not flush():  # else the class box retries
            st.toast(t("board_waiting", n=waiting()), icon="⏳")
        mark()


runs.on_run_finished(queue)


def waiting() -> int:
    """How many runs wait to be posted: this session's and its browser's in the spool."""
    keys = {key for key, _ in st.session_state.get(OUTBOX) or ()}
    return len(keys | {p.key for p in _spooled()}) if member() is not None else len(keys)


def mark() -> None:
    """Name this session's waiting runs in the browser's work marker.

    A new session on another server process then says they were kept on the disk
    (``spooled``), or lost when the disk refused them (``unspooled``). The class box's
    fragment posts them; the browser's marker follows on the next full run, so it may name
    runs already posted, which the page's words allow for.
    """
    box, kept = st.session_state.get(OUTBOX) or (), st.session_state.get(SPOOLED) or set()
    on_disk = sum(1 for key, _ in box if key in kept)
    work.hold("spooled", on_disk)
    work.hold("unspooled", len(box) - on_disk)


def _keep(joined: tuple[str, str, str] | None = None) -> None:
    """Write what waits in the outbox to the spool (before the page says it waits).

    ``joined``: the membership the outbox is for (default: this session's).
    """
    joined, done = joined or member(), st.session_state[SPOOLED]
    where, base, mine = spool.folder(), spool.database_id(db.url()), _browser()
    for key, row in st.session_state.get(OUTBOX) or ():
        if key not in done and spool.put(where, base, mine, joined, key, row, time.time()):
            done.add(key)


def _done(keys: list[str]) -> None:
    """Posted (or with nowhere to go): out of the outbox and the spool."""
    if keys:
        gone = set(keys)
        box = st.session_state.get(OUTBOX) or []
        box[:] = [(key, row) for key, row in box if key not in gone]
        st.session_state[SPOOLED] -= gone
        spool.drop(spool.folder(), keys)


def flush() -> bool:
    """Post what waits, oldest first; False when the database could not be reached.

    First this browser's posts in the spool (a session of it that died left them), then the
    outbox. A spooled post for another class (the browser joined another since) that the
    board refuses is dropped; a refusal for this class means it ended: the student left it.
    """
    joined = member()
    if joined is None:
        return True
    code, nickname, secret = joined
    todo = _spooled()
    kept = {p.key for p in todo}
    box = st.session_state.get(OUTBOX) or []
    todo += [spool.Post(k, code, nickname, secret, row) for k, row in box if k not in kept]
    limit, posted = bucket(), []
    try:
        for post in todo:
            if not limit.take(time.monotonic()):
                break
            try:
                db.call(store.post_run, post.code, post.secret, post.run, post.key, time.time())
            except store.BoardError:  # the class ended or expired (its rows with it)
                if post.code == code:
                    _left()
                    return True
            posted.append(post.key)
    except db.Offline:
        st.session_state[OFFLINE] = True
        _keep()
        return False
    finally:
        _done(posted)
        mark()
    st.session_state[OFFLINE] = False
    return True


def join(code: str, nickname: str) -> None:
    """Join class ``code`` as ``nickname`` (BoardError or db.Offline say why not)."""
    _, secret = db.call(browsers.join, code, nickname, visitor.token(), time.time())
    st.session_state[MEMBER] = (code, store.nickname_of(nickname), secret)
    st.session_state[OUTBOX], st.session_state[SPOOLED] = [], set()
    st.session_state[FROM_SPOOL] = False
    _changed()
    st.session_state[SEEN] = _change()


def leave() -> None:
    """Leave the class, for this browser too (db.Offline: not now); its runs stay on the board."""
    db.call(browsers.forget, visitor.token())
    _left()
    _changed()
    st.session_state[SEEN] = _change()


def _left() -> None:
    """Out of the class: what waits for it has nowhere to go (the spool's copies too)."""
    keys = [key for key, _ in st.session_state.get(OUTBOX) or ()]
    spool.drop(spool.folder(), keys + [p.key for p in _spooled()])
    st.session_state[SPOOLED] = set()
    st.session_state[FROM_SPOOL] = False
    st.session_state[MEMBER] = None
    st.session_state[LOOKED] = float("inf")
    st.session_state[OUTBOX] = []
    mark()
