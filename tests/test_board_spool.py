"""The board's spool: runs that wait for a database that is down, kept on the machine's disk.

Real SQLite spool files (ui/board/spool.py), a real board database (a SQLite file, then a real
PostgreSQL server) and real sessions of the app (AppTest): a post is kept, checked on the way
out and posted once; a forged or corrupt file never reaches a page as an error; the spool is
bounded; a session that died while the database was down leaves its run to the next session of
the same browser, which knows its class from the spool until the database answers, says the run
waits, and posts it once. tests/browser/test_board_spool.py does it with SIGKILL in Chromium.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
import uuid

import pytest
from streamlit.testing.v1 import AppTest

from bench.streamlit_server import free_port
from tests.apptest_helpers import APP, texts
from tests.test_board_page import class_of, student, teacher
from ui.board import browsers, flusher, spool, store
from ui.board.db import URL_ENV
from ui.core import work

RUN = {
    "hidden_layers": "20-7-5", "learning_rate": 0.0075, "iterations": 2500, "l2": 0.0,
    "settings": "dims.12288-20-7-5-1", "train_acc": 0.98, "test_acc": 0.8, "public_acc": 0.84,
    "private_acc": 0.76, "final_cost": 0.09, "seconds": 12.5, "grid_cell": False,
}  # fmt: skip
BROWSER = "ab" * 32


@pytest.fixture
def engine(board_url):
    engine = store.make_engine(board_url)
    yield engine
    engine.dispose()


def a_member(engine) -> tuple[str, str, str]:
    code = store.start_class(engine, time.time()).code
    _, secret = store.join(engine, code, "Ada", time.time())
    return code, "Ada", secret


def test_a_kept_post_is_on_disk_for_its_database_only_and_posted_once(engine, board_url, tmp_path):
    member = a_member(engine)
    base, key = spool.database_id(board_url), uuid.uuid4().hex
    assert spool.put(tmp_path, base, BROWSER, member, key, RUN, time.time())
    assert board_url.encode() not in (tmp_path / spool.NAME).read_bytes()  # only its hash
    assert stat.S_IMODE(os.stat(tmp_path / spool.NAME).st_mode) == 0o600  # it holds secrets
    assert spool.put(
        tmp_path, spool.database_id("sqlite:///other"), None, member, "c" * 32, RUN, time.time()
    )
    (post,) = spool.waiting(tmp_path, base, time.time())  # only this database's
    assert (post.key, post.code, post.secret, post.run) == (key, member[0], member[2], RUN)
    assert spool.waiting(tmp_path, base, time.time(), browser="cd" * 32) == []

    assert flusher.post_waiting(engine, tmp_path, base) == (1, 0)
    assert spool.waiting(tmp_path, base, time.time()) == []
    spool.put(tmp_path, base, BROWSER, member, key, RUN, time.time())  # the dead session's copy
    assert flusher.post_waiting(engine, tmp_path, base) == (1, 0)  # posted again: a no-op
    rows = store.class_runs(engine, member[0])
    assert [(r["post_key"], r["test_acc"]) for r in rows] == [(key, 0.8)]  # exactly once

    other = store.start_class(engine, time.time()).code  # a secret not of that class: dropped
    spool.put(
        tmp_path, base, BROWSER, (other, "Ada", member[2]), uuid.uuid4().hex, RUN, time.time()
    )
    assert flusher.post_waiting(engine, tmp_path, base) == (0, 1)
    assert (
        spool.waiting(tmp_path, base, time.time()) == [] and store.class_runs(engine, other) == []
    )


def forged(row: dict) -> tuple:
    good = dict(db="d", post_key=uuid.uuid4().hex, browser=BROWSER, code="ABCDEF", nickname="Ada")
    good.update(secret="s" * 32, run=json.dumps(RUN), queued=time.time())
    good.update(row)
    return tuple(good[c] for c in spool._COLUMNS[1:])


BAD_ENTRIES = [
    {"post_key": "not-hex"},
    {"code": "abc0O1"},
    {"nickname": "a" * 200},
    {"nickname": "Ada\u202e"},
    {"secret": "short"},
    {"browser": "../../etc"},
    {"queued": "soon"},
    {"run": "{not json"},
    {"run": json.dumps({**RUN, "test_acc": 1.5})},
    {"run": json.dumps(RUN).replace("0.8", "NaN")},
    {"run": json.dumps({**RUN, "extra": 1})},
    {"run": json.dumps({**RUN, "iterations": "2500"})},
    {"run": json.dumps({**RUN, "grid_cell": 1})},
    {"run": json.dumps({**RUN, "hidden_layers": "<b>x</b>"})},
    {"run": json.dumps({**RUN, "settings": "x" * 500})},
    {"run": "[" * 100_000},
]


def test_forged_entries_are_deleted_on_the_way_out_and_the_good_one_kept(tmp_path):
    assert spool.put(
        tmp_path, "d", BROWSER, ("ABCDEF", "Ada", "s" * 32), "a" * 32, RUN, time.time()
    )
    with sqlite3.connect(tmp_path / spool.NAME) as conn:
        marks = ",".join("?" * 8)
        names = ",".join(spool._COLUMNS[1:])
        for row in BAD_ENTRIES:
            conn.execute(f"INSERT INTO posts ({names}) VALUES ({marks})", forged(row))
    found = spool.waiting(tmp_path, "d", time.time())
    assert [p.key for p in found] == ["a" * 32]
    with sqlite3.connect(tmp_path / spool.NAME) as conn:
        assert conn.execute("SELECT count(*) FROM posts").fetchone()[0] == 1  # the rest deleted


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(b"\x00garbage, not SQLite" * 100),
        lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000),  # a torn header
        lambda p: sqlite3.connect(p).execute("CREATE VIEW posts AS SELECT 1 AS id"),
        lambda p: sqlite3.connect(p).execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, x)"),
        lambda p: [
            sqlite3.connect(p).executescript(
                spool.SCHEMA + "; CREATE TRIGGER t AFTER INSERT ON posts BEGIN "
                "UPDATE posts SET secret = 'x'; END"
            )
        ],
        lambda p: p.write_bytes(b"\x00" * (spool.MAX_BYTES + 1)),
    ],
    ids=["garbage", "torn", "view", "other-table", "trigger", "too-big"],
)
def test_a_file_that_is_not_a_spool_is_moved_aside_and_a_new_one_started(tmp_path, make):
    make(tmp_path / spool.NAME)
    assert spool.waiting(tmp_path, "d", time.time()) == []  # no error, nothing read
    assert (tmp_path / (spool.NAME + ".bad")).exists()
    assert spool.put(tmp_path, "d", None, ("ABCDEF", "Ada", "s" * 32), "a" * 32, RUN, time.time())
    assert [p.key for p in spool.waiting(tmp_path, "d", time.time())] == ["a" * 32]


def test_the_spool_is_bounded_per_browser_in_all_and_in_age(tmp_path, monkeypatch):
    monkeypatch.setattr(spool, "MAX_PER_BROWSER", 3)
    monkeypatch.setattr(spool, "MAX_ENTRIES", 5)
    who, now = ("ABCDEF", "Ada", "s" * 32), time.time()
    kept = [spool.put(tmp_path, "d", BROWSER, who, f"{k:032x}", RUN, now) for k in range(4)]
    assert kept == [True, True, True, False]  # this browser's share is full
    other = [spool.put(tmp_path, "d", "cd" * 32, who, f"{k + 10:032x}", RUN, now) for k in range(3)]
    assert other == [True, True, False]  # the spool is full
    assert len(spool.waiting(tmp_path, "d", now)) == 5
    later = now + spool.MAX_AGE + 1  # a day on: every class of then has expired
    assert spool.waiting(tmp_path, "d", later) == []
    assert spool.put(tmp_path, "d", BROWSER, who, "f" * 32, RUN, later)  # the old ones purged
    assert len(spool.waiting(tmp_path, "d", later)) == 1


def test_an_unwritable_spool_or_an_odd_run_leaves_the_run_waiting_in_its_session(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    where, who = tmp_path / "file" / "spool", ("ABCDEF", "Ada", "s" * 32)
    assert not spool.put(where, "d", None, who, "a" * 32, RUN, 1e9)
    assert spool.waiting(where, "d", 1e9) == []
    blown_up = {**RUN, "final_cost": float("inf")}  # α far too large: J overflowed
    assert not spool.put(tmp_path, "d", None, who, "a" * 32, blown_up, time.time())
    assert spool.waiting(tmp_path, "d", time.time()) == []


def test_a_session_dead_in_an_outage_leaves_its_run_to_the_next_session_of_its_browser(
    postgres, monkeypatch, data
):
    url = postgres.new_database()
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.setattr("ui.board.db._offline_at", None)
    engine = store.make_engine(url)
    code, _ = class_of(teacher())
    ada = student(code, "Ada")
    token = ada.session_state["visitor_token"]
    postgres.stop()
    try:
        ada.button(key="train_button").click().run()
        assert "1 run waits to be posted" in " ".join(x.value for x in ada.toast)
        (kept,) = spool.waiting(spool.folder(), spool.database_id(url), time.time())
        assert kept.browser == browsers.browser_hash(token) and kept.code == code
        held = work._held[token].values()  # what the browser's work marker names
        assert [h.get("spooled") for h in held if h.get("spooled")] == [1]
        del ada  # the session dies with its replica: nothing of it is used again

        again = AppTest.from_file(APP, default_timeout=120)  # the browser on another replica
        again.session_state["visitor_token"] = token
        again.run()
        again.switch_page("pages/training.py").run()
        assert not again.exception, again.exception
        shown = texts(again)
        assert f"In class **{code}** as" in shown and "Ada" in shown  # known from the spool
        assert "1 run waits to be posted" in shown
    finally:
        postgres.start()
    monkeypatch.setattr("ui.board.db._offline_at", None)  # as RETRY seconds later
    again.session_state["board_looked"] = 0.0
    again.run()
    again.run()
    rows = store.class_runs(engine, code)
    assert [(r["nickname"], r["post_key"]) for r in rows] == [("Ada", kept.key)]  # once
    assert "wait to be posted" not in texts(again)
    assert spool.waiting(spool.folder(), spool.database_id(url), time.time()) == []
    engine.dispose()


def test_a_replica_starting_posts_what_its_machine_spooled_and_drops_what_has_nowhere_to_go(
    tmp_path,
):
    from tests.test_proxy import start_command, wait_for_line

    url = f"sqlite:///{tmp_path / 'board.sqlite3'}"
    engine = store.make_engine(url)
    member, where = a_member(engine), tmp_path / "spool"
    base, key = spool.database_id(url), uuid.uuid4().hex
    spool.put(where, base, BROWSER, member, key, RUN, time.time())  # left by a replica that died
    ended = ("ABCDEF", "Eve", "s" * 32)  # a class that is gone (or a forged secret)
    spool.put(where, base, BROWSER, ended, uuid.uuid4().hex, RUN, time.time())
    proc, lines = start_command(
        *("--replicas-only", "--replicas", "1", "--port", str(free_port())),
        *("--board-db", url, "--board-spool", str(where)),
    )
    try:
        wait_for_line(lines, "board spool: posted 1 waiting run(s), dropped 1")
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    rows = store.class_runs(engine, member[0])
    assert [(r["nickname"], r["post_key"]) for r in rows] == [("Ada", key)]
    assert spool.waiting(where, base, time.time()) == []
    engine.dispose()
