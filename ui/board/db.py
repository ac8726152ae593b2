"""The board's database through Streamlit's ``st.connection(type="sql")``, and its outages.

Where it is: ``$DNN_BOARD_DB`` (a SQLAlchemy URL, e.g. ``postgresql+psycopg://user:pw@host/db``,
what ``python -m deploy.classroom --board-db URL`` sets for every replica), else a SQLite file
in ``.board/`` beside the app (``$DNN_BOARD_DIR`` moves it), which every replica of one machine
shares. The schema is created on first use (and again after an outage).

:func:`call` runs one store function; when the database is down, locked too long or refuses
the connection it raises :class:`Offline`, which the pages turn into a note: training and every
page go on as before.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import sqlalchemy as sa
import streamlit as st
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from ui.board import schema, store

URL_ENV = "DNN_BOARD_DB"
DIR_ENV = "DNN_BOARD_DIR"
ROOT = Path(__file__).resolve().parent.parent.parent
_ready: set[str] = set()  # URLs whose schema this process has created
_lock = threading.Lock()
_offline_at: float | None = None  # when a call last found the database unreachable (monotonic)


class Offline(RuntimeError):
    """The board's database cannot be reached now."""


def url() -> str:
    """The database's SQLAlchemy URL (see the module's docstring)."""
    given = os.environ.get(URL_ENV, "").strip()
    if given:
        return given
    folder = Path(os.environ.get(DIR_ENV) or ROOT / ".board")
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'classes.sqlite3'}"


def engine() -> sa.Engine:
    """The engine of Streamlit's SQL connection (one per process), its schema created."""
    where = url()
    conn = st.connection("board", type="sql", url=where, **store.options(where))
    engine = conn.engine
    if where not in _ready:
        with _lock:
            if where not in _ready:
                schema.create(engine)
                _ready.add(where)
    return engine


def call(fn, *args, **kwargs):
    """``fn(engine, *args, **kwargs)``; :class:`Offline` when the database is unreachable."""
    global _offline_at
    try:
        found = fn(engine(), *args, **kwargs)
    except (OperationalError, DBAPIError, OSError) as exc:
        _offline_at = time.monotonic()
        raise Offline(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
    except SQLAlchemyError as exc:  # anything else the database says: not a crash of the page
        _offline_at = time.monotonic()
        raise Offline(type(exc).__name__) from exc
    _offline_at = None
    return found


def offline_lately(seconds: float) -> bool:
    """Whether this process's last call, within ``seconds``, found the database unreachable.

    What only might concern a visitor (is this new session's browser in a class?) skips the
    database then, rather than make every new page wait for a connection that fails.
    """
    return _offline_at is not None and time.monotonic() - _offline_at < seconds
