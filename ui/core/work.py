"""What a browser had on a server that a restart or a failover loses, so its page can say so.

A session's live work lives in one server process: a run that is training, the verdict of a
photo whose upload only that process holds, a visitor's own classes (:mod:`ui.core.visitor`).
When the process restarts, or HAProxy sends the browser to another replica, Streamlit starts a
new session there and that work is gone. The browser keeps a small marker of what it had — the
``dnn_work`` cookie, written by the shell on every script run and at once when a run starts —
naming the server process (:data:`BOOT`, random per process) and the kinds of work held:

    ``3f9a0c1b2d4e.run.photo.classes-23``

Finished runs waiting for the class board while its database is down are named too: those
kept on the machine's disk (``spooled``, not lost: :mod:`ui.board.spool`) and those only in
the session (``unspooled``: the disk refused them).

A new session reads the marker sent with its connection (:func:`found_lost`): if another
process wrote it, the kinds it names are lost, except own classes this server happens to keep.
The first tab to reconnect rewrites the marker, so what was lost is kept here, per visitor, until
the visitor says OK: every tab of the browser that reconnects says the same. The
marker is the union over the visitor's open sessions on this server (two tabs of one browser
share one cookie), so a tab that redraws never erases what another tab is doing.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.core import visitor

COOKIE = "dnn_work"
BOOT = secrets.token_hex(6)  # this server process; another process, another marker
KINDS = ("run", "grid", "photo", "classes", "unspooled", "spooled")  # in the page's order
KEPT = {"spooled"}  # named, but not lost: runs waiting for the class board, on the disk
MAX_COUNT = 100_000
_PART = re.compile(r"^(run|grid|photo|classes|unspooled|spooled)(?:-(\d{1,6}))?$")
_BOOT = re.compile(r"^[0-9a-f]{12}$")
_lock = threading.Lock()
_held: dict[str, dict[str, dict[str, int]]] = {}  # visitor → session id → kind → count
VISITOR_WIDE = {"classes"}  # held by the browser, not a tab: kept under this pseudo-session
_ALL_TABS = "*"
MAX_VISITORS = 4 * visitor.MAX_VISITORS
_listeners: list[Callable[[], None]] = []
_lost: dict[str, dict[str, int]] = {}  # visitor → what their browser lost, until they say OK
PER_RUN = {"photo"}  # held while the page shows it: a run that does not draw it lets it go
_run = threading.local()  # the per-run kinds this script run drew


def listen(callback: Callable[[], None]) -> None:
    """Call ``callback()`` (in the script run) whenever this session's work changes."""
    if callback not in _listeners:
        _listeners.append(callback)


def _where() -> tuple[str, str] | None:
    ctx = get_script_run_ctx()
    token = visitor.token()
    if ctx is None or token is None:
        return None
    return token, ctx.session_id


def _set(where: tuple[str, str] | None, kind: str, count: int) -> bool:
    """Record ``count`` of ``kind`` for a session; whether it changed (no Streamlit call)."""
    if where is None:
        return False
    token, sid = where
    sid = _ALL_TABS if kind in VISITOR_WIDE else sid
    with _lock:
        if token not in _held and len(_held) >= MAX_VISITORS:
            del _held[next(iter(_held))]  # the visitor seen first goes first
        mine = _held.setdefault(token, {}).setdefault(sid, {})
        before = mine.get(kind, 0)
        if count > 0:
            mine[kind] = min(count, MAX_COUNT)
        else:
            mine.pop(kind, None)
        return before != mine.get(kind, 0)


def start_run() -> None:
    """At the start of a script run (the shell): no per-run kind drawn yet."""
    _run.seen = set()


def settle() -> None:
    """At the end of a whole script run: let go of per-run kinds the page did not draw."""
    seen = getattr(_run, "seen", None)
    if seen is not None:
        for kind in PER_RUN - seen:
            _set(_where(), kind, 0)


def hold(kind: str, count: int = 1) -> None:
    """Record that this session holds ``count`` of ``kind`` (0: none); the marker follows at once.

    In a fragment's own run (it may not draw outside the fragment) it follows on the next full
    run. A per-run kind (:data:`PER_RUN`) is held for as long as each script run draws it.
    """
    if kind in PER_RUN and count > 0 and hasattr(_run, "seen"):
        _run.seen.add(kind)
    if _set(_where(), kind, count) and not _in_fragment():
        for callback in _listeners:  # a fragment's run: the next full run writes the marker
            callback()


def _in_fragment() -> bool:
    """Whether this is a fragment's own run (it may not draw outside the fragment)."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


@contextmanager
def at_risk(kind: str | None) -> Iterator[None]:
    """Hold ``kind`` for the block (None: nothing), e.g. a run while it trains.

    The marker is written before the block starts. However the block ends (a Stop raises on
    every Streamlit call), the hold is let go without calling Streamlit; the next script run
    writes the marker without it.
    """
    if kind is None:
        yield
        return
    where = _where()
    hold(kind)
    try:
        yield
    finally:
        _set(where, kind, 0)


def _open(sid: str, current: str) -> bool:
    return (
        sid in (current, _ALL_TABS)
        or not Runtime.exists()
        or Runtime.instance().is_active_session(sid)
    )


def marker() -> str:
    """The marker to write now: this process and what the visitor's open sessions here hold."""
    where = _where()
    totals: dict[str, int] = {}
    if where is not None:
        token, current = where
        with _lock:
            sessions = _held.get(token, {})
            for sid in [s for s in sessions if not _open(s, current)]:
                del sessions[sid]  # a closed tab holds nothing any more
            for held in sessions.values():
                for kind, count in held.items():
                    totals[kind] = max(totals.get(kind, 0), count)
    parts = [BOOT] + [
        kind if totals[kind] == 1 and kind != "classes" else f"{kind}-{totals[kind]}"
        for kind in KINDS
        if totals.get(kind)
    ]
    return ".".join(parts)


def parse(value) -> tuple[str | None, dict[str, int]]:
    """(process, {kind: count}) from a marker; (None, {}) for anything not of its form."""
    if not isinstance(value, str) or len(value) > 200:
        return None, {}
    boot, *parts = value.split(".")
    if not _BOOT.match(boot):
        return None, {}
    kinds: dict[str, int] = {}
    for part in parts:
        m = _PART.match(part)
        if m is None:
            return None, {}
        kinds[m.group(1)] = int(m.group(2) or 1)
    return boot, kinds


def lost(value, keeps_classes: bool) -> dict[str, int]:
    """What the browser's marker ``value`` names that this server process does not hold.

    Nothing when this process wrote the marker (a reload of the same server keeps the
    visitor's classes; a reload is the visitor's own doing). ``keeps_classes``: this server
    has the visitor's own classes (then they were not lost).
    """
    boot, kinds = parse(value)
    if boot is None or boot == BOOT:
        return {}
    if keeps_classes:
        kinds.pop("classes", None)
    return {kind: kinds[kind] for kind in KINDS if kind in kinds}


def found_lost(value, keeps_classes: bool) -> dict[str, int]:
    """What this visitor's browser lost, from its marker ``value`` and from its other tabs."""
    token = visitor.token()
    kinds = lost(value, keeps_classes)
    if token is None:
        return kinds
    with _lock:
        if kinds:
            if token not in _lost and len(_lost) >= MAX_VISITORS:
                del _lost[next(iter(_lost))]
            _lost[token] = {**_lost.get(token, {}), **kinds}
        return dict(_lost.get(token, {}))


def dismiss() -> None:
    """The visitor has read what was lost: no tab of theirs says it again."""
    token = visitor.token()
    with _lock:
        _lost.pop(token, None)
