"""A visitor's own work kept across a reload of the same server: their pictures and their model.

Session state ends with the browser tab's session: a reload (or a phone that dropped the
connection for good) started afresh, and the pictures a student collected on "Your own classes"
were gone without a word. So each browser gets a random token in a cookie (the shell sets it,
:mod:`ui.shell.visitor_cookie`), and a feature keeps the objects that are the student's work
under that token here, in the server's memory: a new session of the same browser finds them
again. The token is 128 random bits, never part of a link; a forged or unknown token finds
nothing. At most :data:`MAX_VISITORS` visitors are kept, the least recently seen go first.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable

import streamlit as st

from ui.core import session

COOKIE = "dnn_visitor"
TOKEN = session.register("visitor_token", None)  # this session's visitor token
MAX_VISITORS = 64  # a visitor's pictures take up to 3.5 MB (300 × 64 × 64 × 3)
_VALID = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
_kept: OrderedDict[str, dict] = OrderedDict()  # token → {name: object}
_lock = threading.Lock()


def new_token() -> str:
    """A fresh random token (for a browser that has none)."""
    return secrets.token_urlsafe(16)


def valid(token) -> bool:
    """Whether ``token`` has the form of ours (anything else from a cookie is ignored)."""
    return isinstance(token, str) and bool(_VALID.match(token))


def token() -> str | None:
    """The visitor token of this session, once the shell has set it."""
    return st.session_state.get(TOKEN)


def keep(name: str, make: Callable[[], object]):
    """The visitor's object ``name``: the one kept for their browser, else ``make()`` (kept)."""
    visitor = token()
    if visitor is None:
        return make()
    with _lock:
        mine = _kept.setdefault(visitor, {})
        _kept.move_to_end(visitor)
        while len(_kept) > MAX_VISITORS:
            _kept.popitem(last=False)
        if name not in mine:
            mine[name] = make()
        return mine[name]


def put(name: str, value) -> None:
    """Keep ``value`` as the visitor's ``name`` (a new model, say)."""
    visitor = token()
    if visitor is not None:
        with _lock:
            _kept.setdefault(visitor, {})[name] = value


def forget(name: str) -> None:
    """Let go of the visitor's ``name``."""
    visitor = token()
    if visitor is not None:
        with _lock:
            _kept.get(visitor, {}).pop(name, None)


def known(visitor: str) -> bool:
    """Whether this server keeps anything for ``visitor``."""
    with _lock:
        return bool(_kept.get(visitor))
