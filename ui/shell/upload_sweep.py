"""Uploads of closed tabs are let go within seconds, not when Streamlit ends their session.

Streamlit keeps a disconnected session (and every file it uploaded) for minutes, so that a phone
that switched apps can reconnect: 515,899,374 bytes were still held with no tab open, and other
students' uploads were refused. A daemon thread checks every :data:`SWEEP_SECONDS` which
sessions have an open connection and forgets the files of the others. What a tab needs to go
on lives in session state (its pictures as 64×64 arrays, its models), not in the raw files; if
it reconnects, its page says which uploads to give again (:func:`ui.shell.uploads.show_lost`).
The same thread gives memory back to the system when uploads were let go or sessions ended
(:mod:`ui.shell.memory`).
"""

from __future__ import annotations

import threading

from streamlit.runtime import Runtime

from ui.shell import memory

SWEEP_SECONDS = 2.0
_started = threading.Event()
_ended = threading.Event()  # expired sessions were shut down since the last sweep


def open_sessions(runtime: Runtime, session_ids) -> set[str]:
    """The ids among ``session_ids`` whose browser tab is connected now."""
    return {sid for sid in session_ids if runtime.is_active_session(sid)}


def session_count(runtime: Runtime) -> int:
    """How many sessions the server keeps (connected or waiting for their tab to come back)."""
    try:
        return len(runtime._session_mgr.list_sessions())  # no public count in Streamlit 1.67
    except AttributeError:
        return 0


def end_expired(runtime: Runtime) -> None:
    """End the closed tabs' sessions past ``server.disconnectedSessionTTL``, on the event loop.

    Streamlit keeps a closed tab's session in a TTL cache that drops expired entries only when
    another tab closes, and never shuts them down: 9 closed tabs of uploads kept +487 MB for
    good (bench/closed_tabs_memory.py). Here they are shut down (their media and files let go)
    as Streamlit's own ``close_session`` does, on its event loop (Streamlit 1.67 internals).
    """
    try:
        storage = runtime._session_mgr._session_storage
        loop = runtime._get_async_objs().eventloop
    except (AttributeError, RuntimeError):
        return

    def end() -> None:
        expire = getattr(getattr(storage, "_cache", None), "expire", None)
        for _, info in expire() if expire else ():
            info.session.shutdown()
            _ended.set()

    if not loop.is_closed():
        loop.call_soon_threadsafe(end)


def _sweep(manager, stop: threading.Event) -> None:
    known = 0  # sessions at the last sweep
    while not stop.wait(SWEEP_SECONDS):
        if not Runtime.exists():
            continue
        runtime = Runtime.instance()
        sessions = list(manager.file_storage)
        freed = manager.forget_closed(open_sessions(runtime, sessions)) if sessions else 0
        end_expired(runtime)  # on the event loop: seen as _ended at the next sweep
        now = session_count(runtime)
        if freed or now < known or _ended.is_set():  # uploads let go, or sessions ended
            _ended.clear()
            memory.give_back()
        known = now


def start(manager) -> None:
    """Sweep ``manager`` (the server's upload store) from now on; once per process."""
    if Runtime.exists() and not _started.is_set():
        _started.set()
        thread = threading.Thread(
            target=_sweep, args=(manager, threading.Event()), daemon=True, name="upload-sweep"
        )
        thread.start()
