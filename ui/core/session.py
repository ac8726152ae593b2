"""The session's lifecycle: its keys created once, one script run at a time, and reset.

Each piece of session state has one owner, the module that defines its key as a constant. The
owner registers the key's default here (:func:`register`) and, if Reset should forget more than
its registered keys, a hook (:func:`on_reset`); this module names no feature's keys.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

from ui.core.i18n import t

WAIT_SECONDS = 20.0  # for an interrupted run to finish its last iteration
LOCK = "session_lock"  # see exclusive()

_defaults: dict[str, object] = {LOCK: threading.Lock}  # key → value, or a factory of one
_forgotten: set[str] = set()  # keys Reset gives back their defaults
_hooks: list[Callable[[], None]] = []  # what else Reset calls


def register(key: str, default=None, reset: bool = False) -> str:
    """Own ``key``: it starts as ``default`` (called if callable); ``reset``: Reset restores it.

    Returns ``key``, so an owner writes ``RUNS = session.register("runs", list, reset=True)``.
    """
    if key in _defaults and key not in _forgotten and reset:
        raise KeyError(f"session key {key!r} is registered twice")
    _defaults[key] = default
    if reset:
        _forgotten.add(key)
    return key


def on_reset(hook: Callable[[], None]) -> Callable[[], None]:
    """Call ``hook`` on every Reset (a feature forgetting what it keeps); usable as a decorator."""
    if hook not in _hooks:
        _hooks.append(hook)
    return hook


def init_state() -> None:
    """Create every registered session key that this session does not have yet."""
    for key, default in _defaults.items():
        if key not in st.session_state:
            st.session_state[key] = default() if callable(default) else default


@contextmanager
def exclusive() -> Iterator[None]:
    """Hold the session's lock: one script run at a time reads or changes its runs and model.

    Streamlit starts the rerun that a click (Stop, another page) asks for while the interrupted
    run is still finishing; the new run waits here until the old one has saved its state.
    """
    init_state()
    lock = st.session_state[LOCK]
    if not lock.acquire(timeout=WAIT_SECONDS):
        st.warning(t("busy"))
        st.stop()
    try:
        yield
    finally:
        lock.release()


def reset() -> None:
    """Forget every run, grid and model of this session (the language and settings stay)."""
    for key in _forgotten:
        st.session_state.pop(key, None)
    for hook in _hooks:
        hook()
    init_state()
