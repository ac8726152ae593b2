"""Runs waiting for the class's database, kept on this machine's disk (no Streamlit here).

While the board's database cannot be reached, a finished run waits in its session's outbox
(:mod:`ui.board.sharing`); a replica that dies then (SIGKILL, a crash) would take it along.
So every waiting post is also written here, to a small SQLite file, before the page says it
waits: its idempotency key, the class code, the member's nickname and secret, the hash of the
browser that finished it and the run itself. It is removed once the database has it. A session
of the same browser on any replica of this machine finds it (and posts it), and every replica
posts what it finds when it starts and every few seconds after (:mod:`ui.board.flusher`); the
post key makes a second post of the same run change nothing.

Where: ``$DNN_BOARD_SPOOL`` (a folder; ``python -m deploy.classroom --board-spool DIR``), else
``spool/`` in the board's folder (``.board/`` beside the app, ``$DNN_BOARD_DIR`` moves it): one
file per machine, shared by its replicas, which survives a restart of any of them. Entries name
the database they are for (a hash of its URL, never the URL: it may hold a password), so a
replica posts only its own database's. The file holds the members' secrets: it is created
readable by its owner only.

Bounds: :data:`MAX_ENTRIES` in all, :data:`MAX_PER_BROWSER` per browser, :data:`MAX_AGE`
(a class untouched that long is gone anyway). The file is untrusted data: every entry read is
checked (:func:`valid_run` and the forms of key, code and secret) and a wrong one deleted; a
file that is not a spool (corrupt, forged, another kind of database) is moved aside to
``spool.sqlite3.bad`` and a new one started. No error of the spool reaches a page: it answers
False or nothing, and the run still waits in its session.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ui.board import store

ENV = "DNN_BOARD_SPOOL"
NAME = "spool.sqlite3"
MAX_ENTRIES = 5_000  # a class of 30 running a 6 × 6 grid is 1,080
MAX_PER_BROWSER = 400
MAX_AGE = store.DAY
MAX_RUN_CHARS = 4_000  # a run's JSON (about 400 characters in practice)
MAX_BYTES = 32 * 1024 * 1024  # a bigger file is not ours: moved aside
TIMEOUT = 5.0  # seconds a writer waits for another replica's lock
_KEY = re.compile(r"^[0-9a-f]{32}$")
_HASH = re.compile(r"^[0-9a-f]{64}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_LAYERS = re.compile(r"^\d{1,3}(-\d{1,3}){0,7}$")
_SETTINGS = re.compile(r"^[A-Za-z0-9._~,:;=+-]{0,400}$")
_PASSING = ("locked", "busy", "readonly", "disk", "unable to open", "full")
_COLUMNS = ("id", "db", "post_key", "browser", "code", "nickname", "secret", "run", "queued")
SCHEMA = """CREATE TABLE IF NOT EXISTS posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, db TEXT NOT NULL, post_key TEXT NOT NULL UNIQUE,
    browser TEXT, code TEXT NOT NULL, nickname TEXT NOT NULL, secret TEXT NOT NULL,
    run TEXT NOT NULL, queued REAL NOT NULL)"""
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Post:
    """One waiting post, as checked on the way out of the file."""

    key: str
    code: str
    nickname: str
    secret: str
    run: dict
    browser: str | None = None


def folder() -> Path:
    """The spool's folder (see the module's note)."""
    given = os.environ.get(ENV, "").strip()
    if given:
        return Path(given)
    board = os.environ.get("DNN_BOARD_DIR") or Path(__file__).resolve().parents[2] / ".board"
    return Path(board) / "spool"


def database_id(url: str) -> str:
    """Which database an entry is for: a hash of its URL (the URL may hold a password)."""
    return hashlib.sha256(b"dnn-board-db:" + url.encode()).hexdigest()


def _number(value, low: float, high: float) -> bool:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return ok and math.isfinite(value) and low <= value <= high


def valid_run(run) -> bool:
    """Whether ``run`` is a run as :func:`ui.board.sharing.as_row` makes it (fields, ranges)."""
    if not isinstance(run, dict) or set(run) != set(store.RUN_FIELDS):
        return False
    accuracies = ("train_acc", "test_acc", "public_acc", "private_acc")
    return (
        isinstance(run["hidden_layers"], str)
        and bool(_LAYERS.match(run["hidden_layers"]))
        and isinstance(run["settings"], str)
        and bool(_SETTINGS.match(run["settings"]))
        and _number(run["learning_rate"], 1e-9, 10.0)
        and isinstance(run["iterations"], int)
        and _number(run["iterations"], 0, 10**8)
        and _number(run["l2"], 0.0, 1e6)
        and all(_number(run[a], 0.0, 1.0) for a in accuracies)
        and (run["final_cost"] is None or _number(run["final_cost"], 0.0, math.inf))
        and _number(run["seconds"], 0.0, 1e7)
        and isinstance(run["grid_cell"], bool)
    )


def _checked(row) -> Post | None:
    """An entry of the file as a :class:`Post`, or None when any part of it is not of its form."""
    _, _, key, browser, code, nickname, secret, text, queued = row
    if not (isinstance(key, str) and _KEY.match(key)) or store.code_of(code) != code:
        return None
    if not (isinstance(secret, str) and _SECRET.match(secret)) or not _number(queued, 0, 1e12):
        return None
    if browser is not None and not (isinstance(browser, str) and _HASH.match(browser)):
        return None
    try:
        if store.nickname_of(nickname) != nickname:
            return None
    except store.BoardError:
        return None
    if not isinstance(text, str) or len(text) > MAX_RUN_CHARS:
        return None
    try:
        run = json.loads(text)
    except ValueError:
        return None
    return Post(key, code, nickname, secret, run, browser) if valid_run(run) else None


def _move_aside(path: Path) -> None:
    log.warning("the board's spool %s is not a spool: moved aside to %s.bad", path, path.name)
    for tail in ("-wal", "-shm", "-journal"):
        Path(f"{path}{tail}").unlink(missing_ok=True)
    try:
        path.replace(path.with_name(path.name + ".bad"))
    except OSError:
        path.unlink(missing_ok=True)


def _with(where: Path, create: bool, fn, default):
    """``fn(connection)`` on the spool in ``where``, or ``default``; never raises sqlite3's errors.

    ``create``: make the file when there is none (else there is nothing to read). A file that is
    too big, not SQLite, or whose table is not exactly ours is moved aside and a new one made.
    """
    path = where / NAME
    for _ in (1, 2):
        if not create and not path.is_file():
            return default
        try:
            if path.is_file() and path.stat().st_size > MAX_BYTES:
                raise sqlite3.DatabaseError("too big")
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
            fresh = not path.exists()
            with closing(sqlite3.connect(path, timeout=TIMEOUT, isolation_level=None)) as conn:
                if fresh:
                    os.chmod(path, 0o600)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")  # a committed post is on the disk
                conn.execute(SCHEMA)
                kinds = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
                names = tuple(r[1] for r in conn.execute("PRAGMA table_info(posts)"))
                if names != _COLUMNS or ("table", "posts") not in kinds or len(kinds) > 3:
                    raise sqlite3.DatabaseError("not a spool's table")  # a view, a trigger...
                return fn(conn)
        except sqlite3.OperationalError as exc:
            if any(w in str(exc) for w in _PASSING):  # locked too long, read-only, no space
                log.warning("the board's spool %s cannot be used now: %s", path, exc)
                return default
            _move_aside(path)  # a view or index in the way: a file not made here
        except sqlite3.DatabaseError:
            _move_aside(path)
        except OSError as exc:
            log.warning("the board's spool %s cannot be used now: %s", path, exc)
            return default
    return default


def _purge(conn, now: float) -> None:
    conn.execute("DELETE FROM posts WHERE NOT (queued > ?)", (now - MAX_AGE,))


def put(where: Path, db: str, browser: str | None, member: tuple, key: str, run: dict, now: float):
    """Keep one waiting post (``member``: code, nickname, secret); whether it is on the disk.

    Refused (False) when the spool is full, for everyone or for this browser, or not usable, or
    when the run is not one :func:`valid_run` lets out (then it waits in its session only).
    """
    code, nickname, secret = member
    if not valid_run(run):  # e.g. an infinite cost: it would be refused on the way out
        return False
    text = json.dumps(run)

    def write(conn) -> bool:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _purge(conn, now)
            total = conn.execute("SELECT count(*) FROM posts").fetchone()[0]
            mine = conn.execute("SELECT count(*) FROM posts WHERE browser IS ?", (browser,))
            if total >= MAX_ENTRIES or mine.fetchone()[0] >= MAX_PER_BROWSER:
                return False
            conn.execute(
                "INSERT OR IGNORE INTO posts (db, post_key, browser, code, nickname, secret, run,"
                " queued) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (db, key, browser, code, nickname, secret, text, now),
            )
            return True
        finally:
            conn.execute("COMMIT")

    return _with(where, True, write, False)


def drop(where: Path, keys) -> None:
    """Forget the posts ``keys`` (posted, or with nowhere to go)."""
    keys = list(keys)
    if keys:
        marks = ",".join("?" * len(keys))
        _with(
            where,
            False,
            lambda c: c.execute(f"DELETE FROM posts WHERE post_key IN ({marks})", keys),
            None,
        )


def waiting(where: Path, db: str, now: float, browser: str | None = None, limit: int = MAX_ENTRIES):
    """The posts waiting for database ``db`` (only browser ``browser``'s if given), oldest first.

    Every entry is checked on the way out; one that is not of its form is deleted.
    """

    def read(conn) -> list[Post]:
        query = f"SELECT {', '.join(_COLUMNS)} FROM posts WHERE db = ? AND queued > ?"
        values = [db, now - MAX_AGE]
        if browser is not None:
            query += " AND browser = ?"
            values.append(browser)
        rows = conn.execute(query + " ORDER BY id LIMIT ?", (*values, limit)).fetchall()
        good, bad = [], []
        for row in rows:
            post = _checked(row)
            (good if post is not None else bad).append(post or row[0])
        if bad:
            log.warning("the board's spool held %d entries not of their form: deleted", len(bad))
            conn.execute(f"DELETE FROM posts WHERE id IN ({','.join('?' * len(bad))})", bad)
        return good

    return _with(where, False, read, [])
