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


def open_sessions(runtime: Runtime, session_ids) -> set[str]:
    """The ids among ``session_ids`` whose browser tab is connected now."""
    return {sid for sid in session_ids if runtime.is_active_session(sid)}


def session_count(runtime: Runtime) -> int:
    """How many sessions the server keeps (connected or waiting for their tab to come back)."""
    try:
        return len(runtime._session_mgr.list_sessions())  # no public count in Streamlit 1.67
    except AttributeError:
        return 0


def _sweep(manager, stop: threading.Event) -> None:
    known = 0  # sessions at the last sweep
    while not stop.wait(SWEEP_SECONDS):
        if not Runtime.exists():
            continue
        runtime = Runtime.instance()
        sessions = list(manager.file_storage)
        freed = manager.forget_closed(open_sessions(runtime, sessions)) if sessions else 0
        now = session_count(runtime)
        if freed or now < known:  # uploads let go, or sessions ended: give the memory back
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
