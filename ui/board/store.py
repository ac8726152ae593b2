"""The class board's data: classes, their members and the runs they share (no Streamlit here).

Every function takes a SQLAlchemy engine (Streamlit's ``st.connection(type="sql")`` gives one,
:mod:`ui.board.db`) and the time ``now`` (seconds since the epoch; tests pass their own).
Writes are one transaction each; on SQLite they take the write lock first (``BEGIN
IMMEDIATE``, waiting up to the busy timeout) so that two processes never fail on a lock
upgrade; on PostgreSQL unique constraints and ``ON CONFLICT`` settle races. Each post carries
an idempotency key: posting it again changes nothing.

Secrets (the teacher's key, each student's session secret) are random, stored as SHA-256
hashes and compared in constant time; a student posts as the member their secret names, never
by nickname.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ui.board import schema as S
from ui.core.text import clean

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read from the back of a room
DAY = 86_400.0
BUSY_SECONDS = 15.0  # SQLite: how long a writer waits for another's lock


class BoardError(ValueError):
    """A request the board refuses; ``key`` names its message in ui/core/strings/board.py."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values


def hashed(secret: str) -> str:
    """The SHA-256 of a secret, as stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


def same_secret(given: str | None, stored_hash: str) -> bool:
    """Whether ``given`` hashes to ``stored_hash``, compared in constant time."""
    return given is not None and hmac.compare_digest(hashed(given), stored_hash)


def code_of(text: object) -> str | None:
    """A class code as typed (any case, spaces or dashes) → its canonical form, or None."""
    code = "".join(str(text or "").split()).replace("-", "").upper()[:32]
    ok = len(code) == S.CODE_CHARS and all(c in ALPHABET for c in code)
    return code if ok else None


def nickname_of(text: object) -> str:
    """A nickname as shown: one line of visible characters, 1–24 of them; else BoardError."""
    name = clean(text, limit=10_000)
    if not name:
        raise BoardError("board_name_empty")
    if len(name) > S.MAX_NICK:
        raise BoardError("board_name_long", n=S.MAX_NICK)
    return name


def options(url: str) -> dict:
    """``create_engine`` arguments for ``url``.

    SQLite: a busy timeout. PostgreSQL: a short connect timeout and a check of pooled
    connections (the server may have restarted under them).
    """
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": BUSY_SECONDS, "check_same_thread": False}}
    return {"connect_args": {"connect_timeout": 3}, "pool_pre_ping": True, "pool_size": 10}


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url`` with :func:`options`, its schema created (outside Streamlit)."""
    engine = sa.create_engine(url, **options(url))
    S.create(engine)
    return engine


@contextmanager
def writing(engine: sa.Engine):
    """A write transaction; on SQLite it holds the write lock from its first statement."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        yield conn
        conn.commit()


def upsert(engine: sa.Engine, table: sa.Table):
    """``INSERT`` with ``ON CONFLICT`` in the engine's dialect."""
    return (postgresql if engine.dialect.name == "postgresql" else sqlite).insert(table)


# ------------------------------------------------------------------------------ classes
@dataclass(frozen=True)
class Started:
    """A new class: its code (for everyone) and the teacher's key (for the teacher only)."""

    code: str
    key: str


def start_class(engine: sa.Engine, now: float, ttl: float = DAY) -> Started:
    """Start a class with a fresh code; expired classes are deleted first."""
    purge(engine, now)
    key = secrets.token_urlsafe(18)
    for _ in range(20):
        code = "".join(secrets.choice(ALPHABET) for _ in range(S.CODE_CHARS))
        row = dict(code=code, teacher_hash=hashed(key), created=now, active=now, ttl=ttl)
        with writing(engine) as conn:
            stmt = upsert(engine, S.classes).values(**row, revealed=False, answer_shown=False)
            stmt = stmt.on_conflict_do_nothing(index_elements=["code"]).returning(S.classes.c.code)
            if conn.execute(stmt).first() is not None:
                return Started(code, key)
    raise BoardError("board_no_code")  # 887 million codes: never in practice


def purge(engine: sa.Engine, now: float) -> int:
    """Delete every class untouched for longer than its ``ttl``, with all its rows."""
    with engine.connect() as conn:
        stale = conn.execute(
            sa.select(S.classes.c.code).where(S.classes.c.active + S.classes.c.ttl < now)
        ).scalars()
        codes = list(stale)
    if codes:
        with writing(engine) as conn:
            _delete(conn, codes)
    return len(codes)


def _delete(conn, codes: list[str]) -> None:
    for table in S.PER_CLASS:
        conn.execute(table.delete().where(table.c.code.in_(codes)))


def touch(conn, code: str, now: float) -> None:
    """The class was used now (it lives another ``ttl``)."""
    conn.execute(S.classes.update().where(S.classes.c.code == code).values(active=now))


def class_row(engine: sa.Engine, code: str, now: float):
    """The class's row, or None when there is no such class or it has expired."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(S.classes).where(S.classes.c.code == code)).first()
    return row if row is not None and row.active + row.ttl >= now else None


def is_teacher(engine: sa.Engine, code: str, key: str | None, now: float) -> bool:
    """Whether ``key`` is the teacher's key of the live class ``code`` (constant-time)."""
    row = class_row(engine, code, now)
    return row is not None and same_secret(key, row.teacher_hash)


def _teacher(engine: sa.Engine, code: str, key: str | None, now: float) -> None:
    if not is_teacher(engine, code, key, now):
        raise BoardError("board_not_teacher")


def end_class(engine: sa.Engine, code: str, key: str, now: float) -> None:
    """Delete the class and everything of it (teacher only)."""
    _teacher(engine, code, key, now)
    with writing(engine) as conn:
        _delete(conn, [code])


def set_flag(engine: sa.Engine, code: str, key: str, now: float, **flags) -> None:
    """Set ``revealed`` / ``answer_shown`` / ``question`` of the class (teacher only)."""
    _teacher(engine, code, key, now)
    with writing(engine) as conn:
        conn.execute(S.classes.update().where(S.classes.c.code == code).values(**flags, active=now))


# ------------------------------------------------------------------------------ members
def join(engine, code: str, nickname: str, now: float, browser=None) -> tuple[int, str]:
    """Join class ``code`` as ``nickname``: (member id, the session's secret).

    ``browser``: (the browser's hash, the secret, its nonce) from :mod:`ui.board.browsers`,
    kept in the same transaction so that a new session of that browser finds it again.
    """
    name = nickname_of(nickname)
    if class_row(engine, code, now) is None:
        raise BoardError("board_no_class", code=code)
    secret = secrets.token_urlsafe(24) if browser is None else browser[1]
    with writing(engine) as conn:
        stmt = upsert(engine, S.members).values(
            code=code,
            nickname=name,
            nick_key=name.casefold(),
            secret_hash=hashed(secret),
            joined=now,
        )
        stmt = stmt.on_conflict_do_nothing(index_elements=["code", "nick_key"])
        new = conn.execute(stmt.returning(S.members.c.id)).scalar()
        if new is None:
            raise BoardError("board_name_taken", name=name)
        if browser is not None:  # one class per browser: its last join
            conn.execute(S.browsers.delete().where(S.browsers.c.browser_hash == browser[0]))
            conn.execute(
                S.browsers.insert().values(
                    code=code, member=new, browser_hash=browser[0], nonce=browser[2], joined=now
                )
            )
        touch(conn, code, now)
    return new, secret


def member_id(engine: sa.Engine, code: str, secret: str | None) -> int | None:
    """The member of class ``code`` whose session secret is ``secret``, or None."""
    if not secret:
        return None
    with engine.connect() as conn:
        found = conn.execute(
            sa.select(S.members.c.id).where(
                S.members.c.code == code, S.members.c.secret_hash == hashed(secret)
            )
        )
        return found.scalar()


def members(engine: sa.Engine, code: str) -> dict[int, str]:
    """Member id → nickname."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(S.members.c.id, S.members.c.nickname).where(S.members.c.code == code)
        )
        return {r.id: r.nickname for r in rows}


# ------------------------------------------------------------------------------ runs
RUN_FIELDS = (
    "hidden_layers", "learning_rate", "iterations", "l2", "settings", "train_acc", "test_acc",
    "public_acc", "private_acc", "final_cost", "seconds", "grid_cell",
)  # fmt: skip


def post_run(engine, code: str, secret: str, run: dict, post_key: str, now: float) -> bool:
    """Post a run as the member ``secret`` names; False when ``post_key`` was posted before."""
    who = member_id(engine, code, secret)
    if who is None or class_row(engine, code, now) is None:
        raise BoardError("board_not_member", code=code)
    values = {f: run[f] for f in RUN_FIELDS}
    with writing(engine) as conn:
        stmt = upsert(engine, S.runs).values(
            code=code, member=who, post_key=post_key, posted=now, hidden=False, **values
        )
        stmt = stmt.on_conflict_do_nothing(index_elements=["code", "post_key"])
        new = conn.execute(stmt.returning(S.runs.c.id)).scalar()
        touch(conn, code, now)
    return new is not None


def class_runs(engine: sa.Engine, code: str) -> list[dict]:
    """Every run of the class, oldest first, with its member's nickname (``nickname``)."""
    query = (
        sa.select(S.runs, S.members.c.nickname)
        .join(S.members, S.members.c.id == S.runs.c.member)
        .where(S.runs.c.code == code)
        .order_by(S.runs.c.id)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def hide_run(engine, code: str, key: str, run_id: int, hidden: bool, now: float) -> None:
    """Hide (or show again) one entry of the board (teacher only)."""
    _teacher(engine, code, key, now)
    with writing(engine) as conn:
        conn.execute(
            S.runs.update()
            .where(S.runs.c.code == code, S.runs.c.id == int(run_id))
            .values(hidden=bool(hidden))
        )
        touch(conn, code, now)
