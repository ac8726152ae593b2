"""Every server posts what waits in its machine's spool: when it starts, then every few seconds.

A run left in the spool (:mod:`ui.board.spool`) by a replica that died while the database was
down has no session to post it if its student went to another machine, or never came back.
So each server process (``streamlit_app.py`` starts this when ``streamlit run`` imports it)
looks at the spool at once and every :data:`EVERY` seconds, and posts its own database's posts
as soon as the database answers, oldest first, with their own keys (a post a session already
made changes nothing). A post the board refuses (the class ended, a secret that is not a
member's) has nowhere to go and is dropped. With nothing in the spool this is a file check.
"""

from __future__ import annotations

import sys
import threading
import time

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from ui.board import db, spool, store

EVERY = 5.0  # seconds between looks at the spool
BATCH = 200  # posts at most per look
_started = threading.Lock()
_thread: threading.Thread | None = None
_stop = threading.Event()  # set: the thread ends after its current look


def post_waiting(engine: sa.Engine, where, base: str) -> tuple[int, int]:
    """Post the spool's posts for database ``base``: (posted or already there, dropped).

    Stops at the first error of the database (it is down again): the rest waits.
    """
    sent, dropped = [], []
    try:
        for post in spool.waiting(where, base, time.time(), limit=BATCH):
            try:
                store.post_run(engine, post.code, post.secret, post.run, post.key, time.time())
                sent.append(post.key)
            except store.BoardError:
                dropped.append(post.key)
    except (SQLAlchemyError, OSError):
        pass
    finally:
        spool.drop(where, sent + dropped)
    return len(sent), len(dropped)


def _loop() -> None:
    engine, url = None, None
    while True:
        where = spool.folder()
        if (where / spool.NAME).is_file():
            if url != db.url():
                url, engine = db.url(), None
            base = spool.database_id(url)
            if spool.waiting(where, base, time.time(), limit=1):
                try:
                    engine = engine or store.make_engine(url)
                except (SQLAlchemyError, OSError):
                    engine = None  # the database is still down
                if engine is not None:
                    sent, dropped = post_waiting(engine, where, base)
                    if sent or dropped:
                        print(
                            f"board spool: posted {sent} waiting run(s), dropped {dropped}",
                            file=sys.stderr,
                            flush=True,
                        )
        if _stop.wait(EVERY):
            return


def start() -> threading.Thread:
    """Start the server's spool poster once (a daemon thread); the thread."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=_loop, name="board-spool", daemon=True)
            _thread.start()
    return _thread
