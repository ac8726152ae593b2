"""Bounds on what uploads hold in the server's memory, per file, per session and in all.

Streamlit keeps every file a session uploads in memory (its ``MemoryUploadedFileManager``) until
the session ends, even once no widget shows it, and accepts uploads to any file id: 30 uploads
of 10 MB in one session were all held. The app's server runs with
:class:`BoundedUploadedFileManager` instead (the same object, its class switched on the first
script run, see :func:`track`), which adds three bounds:

- per file, by content (not by name, :func:`ui.core.limits.file_limit`): a file that starts
  like a safetensors model up to ``server.maxUploadSize`` (40 MB), any other file (a picture)
  up to ``IMAGE_UPLOAD_MB`` — larger ones get HTTP 413;
- per session, ``SESSION_BYTES``: a new file makes room by forgetting the session's oldest
  files, those no widget holds first;
- in all, ``TOTAL_BYTES``: past it, files no widget holds are forgotten, oldest first, in every
  session; if that is not enough, a session holding more than its fair share (the total over
  the sessions holding files) is refused (HTTP 507, its page says why), and one within its
  share makes room by taking files from those above it, the largest holder first.

Files of a session whose tab closed are forgotten within seconds (:mod:`ui.shell.upload_sweep`),
not when Streamlit ends the disconnected session minutes later. Whatever a session loses to
these bounds while its widgets still hold it is remembered (:meth:`lost`), and its page says so.

And at the start of every run, a session's files that none of its widgets holds any more (a
removed picture, an uploader on another page) are forgotten once older than ``GRACE_SECONDS``
(a file just uploaded is held only from the run its widget reports it).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable

import streamlit as st
from starlette.exceptions import HTTPException
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from ui.core.i18n import t
from ui.core.limits import file_limit
from ui.shell import upload_sweep

SESSION_BYTES = 64 * 2**20  # a model file and a few pictures
TOTAL_BYTES = 512 * 2**20  # every session together
GRACE_SECONDS = 30.0
LOST = "_uploads_lost"  # session key: why uploads the page held were let go, shown once
_install_lock = threading.Lock()


class BoundedUploadedFileManager(MemoryUploadedFileManager):
    """Streamlit's in-memory upload store with bounds per file, per session and in all."""

    def __init__(self, upload_endpoint: str) -> None:
        super().__init__(upload_endpoint)
        self._init_bounds()

    def _init_bounds(self) -> None:
        self._added: dict[tuple[str, str], float] = {}  # (session, file id) → when it came
        self._held: dict[str, set[str]] = {}  # session → file ids its widgets hold
        self._lost: dict[str, dict[str, str]] = {}  # session → {file id: why it was let go}
        self._seen: dict[str, float] = {}  # session → when its last script run began

    def add_file(self, session_id: str, file: UploadedFileRec) -> None:
        """Store ``file``, then forget older files until the bounds hold (HTTP 413 / 503)."""
        if len(file.data) > file_limit(file.data):
            raise HTTPException(status_code=413, detail="File too large")
        with self._lock:
            self._drop(session_id, file.file_id)
            self.file_storage[session_id][file.file_id] = file
            self._added[(session_id, file.file_id)] = time.monotonic()
            self._total_bytes += len(file.data)
            self._file_count += 1
            self._evict(self._candidates([session_id], file.file_id), SESSION_BYTES, session_id)
            if self._total_bytes > TOTAL_BYTES:
                everyone = self._candidates(list(self.file_storage), file.file_id, unheld=True)
                self._evict(everyone, TOTAL_BYTES, None)
            if self._total_bytes > TOTAL_BYTES:
                self._share_fairly(session_id, file.file_id)

    def _share_fairly(self, session_id: str, file_id: str) -> None:
        """Under the lock, with the store full: refuse a session above its share, else make room.

        The share is TOTAL_BYTES over the sessions holding files; room is taken from the
        sessions most above it, their oldest files first, never below the share.
        """
        holders = [sid for sid, files in self.file_storage.items() if files]
        share = TOTAL_BYTES // max(1, len(holders))
        if self._session_size(session_id) > share:
            self._drop(session_id, file_id)
            raise HTTPException(status_code=507, detail="This tab's share of uploads is full")
        for sid in sorted(holders, key=self._session_size, reverse=True):
            if sid == session_id or self._total_bytes <= TOTAL_BYTES:
                continue
            for other in self._candidates([sid], keep=""):
                if self._session_size(sid) <= share or self._total_bytes <= TOTAL_BYTES:
                    break
                self._lose(*other, "room")
        if self._total_bytes > TOTAL_BYTES:  # every other session is within its share
            self._drop(session_id, file_id)
            raise HTTPException(status_code=507, detail="Upload storage is full")

    def _lose(self, session_id: str, file_id: str, why: str) -> None:
        """Under the lock: forget a file to the bounds, remembering why for the session's page.

        Remembered when a widget holds it, or when it came after the session's last script
        run (its widget has not reported it yet: 30 photos dropped at once, 8 went to the
        tab's share); a file no widget shows any more goes without a word.
        """
        fresh = self._added.get((session_id, file_id), 0.0) > self._seen.get(session_id, 0.0)
        if fresh or file_id in self._held.get(session_id, set()):
            self._lost.setdefault(session_id, {})[file_id] = why
        self._drop(session_id, file_id)

    def lost(self, session_id: str) -> dict[str, str]:
        """{file id: why} of the session's files let go since it last asked (see :meth:`_lose`)."""
        with self._lock:
            return self._lost.pop(session_id, {})

    def forget_closed(self, open_sessions: set[str]) -> int:
        """Forget the files of every session not in ``open_sessions``; how many bytes went."""
        with self._lock:
            before = self._total_bytes
            for sid in [s for s in self.file_storage if s not in open_sessions]:
                for fid in list(self.file_storage[sid]):
                    self._lose(sid, fid, "closed")
            return before - self._total_bytes

    def forget_unheld(self, session_id: str, held: Iterable[str], before: float) -> None:
        """Remember what the session's widgets hold; forget its other files added ``before``."""
        with self._lock:
            self._held[session_id] = set(held)
            self._seen[session_id] = time.monotonic()
            for file_id in list(self.file_storage.get(session_id, {})):
                if file_id not in self._held[session_id]:
                    if self._added.get((session_id, file_id), 0.0) < before:
                        self._drop(session_id, file_id)

    def session_bytes(self, session_id: str) -> int:
        """Bytes held for ``session_id``."""
        with self._lock:
            return self._session_size(session_id)

    def remove_file(self, session_id: str, file_id: str) -> None:
        """Forget one file (the browser's DELETE when a picture is removed)."""
        with self._lock:
            self._drop(session_id, file_id)

    def remove_session_files(self, session_id: str) -> None:
        """Forget everything of a session that ended."""
        with self._lock:
            for file_id in list(self.file_storage.get(session_id, {})):
                self._drop(session_id, file_id)
            self.file_storage.pop(session_id, None)
            self._held.pop(session_id, None)
            self._lost.pop(session_id, None)
            self._seen.pop(session_id, None)

    # -- under self._lock ------------------------------------------------------------------

    def _drop(self, session_id: str, file_id: str) -> None:
        storage = self.file_storage.get(session_id)
        old = storage.pop(file_id, None) if storage is not None else None
        self._added.pop((session_id, file_id), None)
        if old is not None:
            self._total_bytes -= len(old.data)
            self._file_count -= 1

    def _candidates(self, sessions: list[str], keep: str, unheld: bool = False) -> list:
        """(session, file id) pairs that may be forgotten: unheld first, then oldest first."""
        pairs = []
        for sid in sessions:
            held = self._held.get(sid, set())
            for fid in self.file_storage.get(sid, {}):
                if fid != keep and not (unheld and fid in held):
                    pairs.append((fid in held, self._added.get((sid, fid), 0.0), sid, fid))
        return [(sid, fid) for _, _, sid, fid in sorted(pairs)]

    def _evict(self, pairs: list, limit: int, session_id: str | None) -> None:
        """Forget ``pairs`` in order until the session's (or, for None, every) total ≤ limit."""
        size = self._session_size(session_id) if session_id else self._total_bytes
        for sid, fid in pairs:
            if size <= limit:
                return
            size -= len(self.file_storage[sid][fid].data)
            self._lose(sid, fid, "share")

    def _session_size(self, session_id: str) -> int:
        return sum(len(f.data) for f in self.file_storage.get(session_id, {}).values())


def install(manager) -> BoundedUploadedFileManager | None:
    """Give Streamlit's upload store (the one its upload route writes to) the bounds.

    The server builds a plain ``MemoryUploadedFileManager`` before any app code runs and passes
    the same object to its upload route and to every script run, so its class is switched in
    place (once, under a lock); its files and counters stay as they are.
    """
    with _install_lock:
        if type(manager) is MemoryUploadedFileManager:
            with manager._lock:
                manager.__class__ = BoundedUploadedFileManager
                manager._init_bounds()
            upload_sweep.start(manager)
    return manager if isinstance(manager, BoundedUploadedFileManager) else None


def held_file_ids(widget_states) -> set[str]:
    """File ids that file-uploader and camera widgets hold, from serialized widget states."""
    held = set()
    for state in widget_states:
        if state.WhichOneof("value") == "file_uploader_state_value":
            held.update(info.file_id for info in state.file_uploader_state_value.uploaded_file_info)
    return held


def track() -> None:
    """At the start of a script run: install the bounds, forget this session's unheld files."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    manager = install(ctx.uploaded_file_mgr)
    if manager is None:
        return
    held = held_file_ids(ctx.session_state.get_widget_states())
    lost = manager.lost(ctx.session_id)
    if lost:
        st.session_state[LOST] = sorted({*st.session_state.get(LOST, ()), *lost.values()})
    manager.forget_unheld(ctx.session_id, held, time.monotonic() - GRACE_SECONDS)


def show_lost() -> None:
    """Say which uploads were let go while the page still showed them, and why.

    Said until a script run reaches its end (:func:`lost_said`): a page that reruns itself
    at once (the own-classes page after taking in files) would otherwise swallow it.
    """
    for why in st.session_state.get(LOST, ()):
        st.warning(t("uploads_lost_" + why, mb=SESSION_BYTES // 2**20))


def lost_said() -> None:
    """After a script run that ended normally: the visitor has read what was let go."""
    st.session_state.pop(LOST, None)
