"""The class board's tables (SQLAlchemy Core), created and versioned by the app itself.

The same tables on SQLite (one file, the default) and PostgreSQL (several machines). Every row
belongs to one class (``code``), so ending a class is one delete per table. What is stored is
only what the board shows: nicknames (no account, no e-mail), the settings and numbers of the
runs students shared, the teacher's questions and the answers; secrets are stored as SHA-256
hashes, and so is each member's browser token (``board_browsers``: a new session of the same
browser finds its membership again, :mod:`ui.board.browsers`). :data:`VERSION` is written in
``board_meta``; an older database is brought up to it by :data:`MIGRATIONS`, a database of a
newer version is refused rather than changed.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

VERSION = 2  # 2: board_browsers
CODE_CHARS = 6  # a class code: 6 characters of an alphabet without 0/O, 1/I/L
MAX_NICK = 24
HASH_CHARS = 64  # SHA-256, hex

metadata = sa.MetaData()

meta = sa.Table(
    "board_meta",
    metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.String(64), nullable=False),
)

classes = sa.Table(
    "board_classes",
    metadata,
    sa.Column("code", sa.String(CODE_CHARS), primary_key=True),
    sa.Column("teacher_hash", sa.String(HASH_CHARS), nullable=False),
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("active", sa.Float, nullable=False),  # last activity (seconds since the epoch)
    sa.Column("ttl", sa.Float, nullable=False),  # deleted when untouched this long
    sa.Column("revealed", sa.Boolean, nullable=False, default=False),
    sa.Column("question", sa.Integer, nullable=True),  # the question asked now
    sa.Column("answer_shown", sa.Boolean, nullable=False, default=False),
)

members = sa.Table(
    "board_members",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_CHARS), nullable=False, index=True),
    sa.Column("nickname", sa.String(MAX_NICK * 4), nullable=False),
    sa.Column("nick_key", sa.String(MAX_NICK * 4), nullable=False),  # casefolded: unique
    sa.Column("secret_hash", sa.String(HASH_CHARS), nullable=False, unique=True),
    sa.Column("joined", sa.Float, nullable=False),
    sa.UniqueConstraint("code", "nick_key", name="board_members_nick"),
)

runs = sa.Table(
    "board_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_CHARS), nullable=False, index=True),
    sa.Column("member", sa.Integer, nullable=False),
    sa.Column("post_key", sa.String(64), nullable=False),
    sa.Column("posted", sa.Float, nullable=False),
    sa.Column("hidden_layers", sa.String(64), nullable=False),  # "20-7-5"
    sa.Column("learning_rate", sa.Float, nullable=False),
    sa.Column("iterations", sa.Integer, nullable=False),
    sa.Column("l2", sa.Float, nullable=False),
    sa.Column("settings", sa.String(400), nullable=False),  # every setting, as a link writes it
    sa.Column("train_acc", sa.Float, nullable=False),
    sa.Column("test_acc", sa.Float, nullable=False),
    sa.Column("public_acc", sa.Float, nullable=False),
    sa.Column("private_acc", sa.Float, nullable=False),
    sa.Column("final_cost", sa.Float, nullable=True),
    sa.Column("seconds", sa.Float, nullable=False),
    sa.Column("grid_cell", sa.Boolean, nullable=False, default=False),
    sa.Column("hidden", sa.Boolean, nullable=False, default=False),
    sa.UniqueConstraint("code", "post_key", name="board_runs_post"),
)

questions = sa.Table(
    "board_questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_CHARS), nullable=False, index=True),
    sa.Column("post_key", sa.String(64), nullable=False),
    sa.Column("asked", sa.Float, nullable=False),
    sa.Column("kind", sa.String(24), nullable=False),  # a bank question's kind, or "own"
    sa.Column("spec", sa.Text, nullable=False),  # JSON: the prompt's parts and the choices
    sa.Column("correct", sa.Integer, nullable=True),  # the right choice; None: a poll
    sa.UniqueConstraint("code", "post_key", name="board_questions_post"),
)

answers = sa.Table(
    "board_answers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_CHARS), nullable=False, index=True),
    sa.Column("question", sa.Integer, nullable=False),
    sa.Column("member", sa.Integer, nullable=False),
    sa.Column("choice", sa.Integer, nullable=False),
    sa.Column("post_key", sa.String(64), nullable=False),
    sa.Column("posted", sa.Float, nullable=False),
    sa.UniqueConstraint("question", "member", name="board_answers_one"),  # the last one counts
)

browsers = sa.Table(
    "board_browsers",  # version 2: which browser is which member (one class per browser)
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_CHARS), nullable=False, index=True),
    sa.Column("member", sa.Integer, nullable=False),
    sa.Column("browser_hash", sa.String(HASH_CHARS), nullable=False, unique=True),
    sa.Column("nonce", sa.String(64), nullable=False),  # the member's secret is HMAC(token, nonce)
    sa.Column("joined", sa.Float, nullable=False),
)

PER_CLASS = (browsers, answers, questions, runs, members, classes)  # deleted in this order


class SchemaError(RuntimeError):
    """The database holds a board of a newer version than this app knows."""


def _add_browsers(conn) -> None:
    browsers.create(conn, checkfirst=True)


MIGRATIONS = {2: _add_browsers}  # version → the step from the one before (in one transaction)


def create(engine: sa.Engine) -> None:
    """Create the tables or migrate them to :data:`VERSION` (safe from many processes at once).

    On SQLite the file is switched to write-ahead logging (readers never wait for a writer;
    the setting stays with the file). A database of a newer version is left untouched.
    """
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    for attempt in range(3):  # two processes creating at once: one wins, the other sees it
        try:
            version = _create_or_migrate(engine)
            break
        except DBAPIError:
            if attempt == 2:
                raise
    if version > VERSION:
        raise SchemaError(f"the board's database is version {version}; this app knows {VERSION}")


def _version(conn) -> int | None:
    found = conn.execute(sa.select(meta.c.value).where(meta.c.key == "version")).scalar()
    return None if found is None else int(found)


def _create_or_migrate(engine: sa.Engine) -> int:
    """The version found (after creating or migrating when it was missing or older)."""
    meta.create(engine, checkfirst=True)
    with engine.connect() as conn:
        version = _version(conn)
    if version is None:
        metadata.create_all(engine, checkfirst=True)
        with engine.begin() as conn:
            if _version(conn) is None:
                conn.execute(meta.insert().values(key="version", value=str(VERSION)))
        return VERSION
    while version < VERSION:
        with engine.begin() as conn:
            MIGRATIONS[version + 1](conn)
            conn.execute(
                meta.update()
                .where(meta.c.key == "version", meta.c.value == str(version))
                .values(value=str(version + 1))
            )
        with engine.connect() as conn:
            version = _version(conn)
    return version
