"""The database down and the student's replica killed: the waiting run still reaches the board once.

The classroom deployment (HAProxy + two replicas, one real PostgreSQL, the replicas' spool in
one folder as on one machine). A teacher on r1 has the board open; a student on r2 joined. The
database is stopped; the student trains: the run waits (the page says so) and is written to the
spool. r2 is killed outright (SIGKILL): the session and its outbox are gone. The student's page
reconnects by itself to r1, where a new session knows the class from the spool while the
database is still down and says the run waits, and that it was kept, not lost (the browser's
work marker named it). The database is started again: the run reaches
the teacher's board, and the database holds it exactly once, under the key the spool held.
Without the spool the run dies with r2 and the board never shows it. Every wait is a page
condition.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from deploy import proxy
from deploy.classroom import Classroom, free_port
from tests.browser.conftest import assert_no_errors, wait_for_app
from tests.browser.test_board import WAIT, button
from tests.browser.test_board_replica import WATCH_JS, class_on_two_replicas
from tests.conftest import require
from ui.board import spool, store


@pytest.fixture(scope="module")
def room(data, postgres, tmp_path_factory):
    if proxy.haproxy_binary() is None:
        require("proxy", "haproxy is not installed (apt-get install haproxy)")
    url = postgres.new_database()
    where = tmp_path_factory.mktemp("machine-spool")
    with Classroom(free_port(), replicas=2, bind="127.0.0.1", board_db=url, board_spool=where) as r:
        r.spool = where
        yield r


def test_a_run_waiting_when_its_replica_is_killed_reaches_the_board_once(browser, room, postgres):
    url = room.env["DNN_BOARD_DB"]
    base = spool.database_id(url)
    opened, stopped = [], False
    try:
        code, teacher, ctx, ada = class_on_two_replicas(browser, room, opened, "/training")
        wait_for_app(ada, WAIT)

        postgres.stop()
        stopped = True
        button(ada, "train_button").click()
        box = ada.locator(".st-key-board_class_box", has_text="1 run waits to be posted")
        box.wait_for()  # said once it is on the disk
        (kept,) = spool.waiting(room.spool, base, time.time())
        assert kept.code == code and kept.nickname == "Ada"

        ada.evaluate(WATCH_JS)
        r2 = room.replicas["r2"]
        os.kill(r2.pid, signal.SIGKILL)  # the student's replica, its session and outbox
        r2.wait(timeout=30)
        ada.wait_for_function("window.__dnnBack === true", timeout=WAIT)
        wait_for_app(ada, WAIT)
        replica = {c["name"]: c["value"] for c in ctx.cookies()}.get(proxy.COOKIE)
        assert replica == "r1"
        box = ada.locator(".st-key-board_class_box", has_text=f"In class {code} as Ada.")
        box.filter(has_text="1 run waits to be posted").wait_for()  # still true, still said
        notice = ada.locator(".st-key-work_lost", has_text="1 finished run was waiting")
        assert "It is not lost" in notice.inner_text()  # the old server's marker, said here
        assert ada.locator('.st-key-work_lost [data-testid="stAlertContentWarning"]').count() == 0

        postgres.start()
        stopped = False
        teacher.locator(".st-key-board_counts", has_text="1 run from 1 student").wait_for()
        ada.get_by_text("waits to be posted").wait_for(state="detached")
        assert_no_errors(teacher)
        assert_no_errors(ada)
    finally:
        if stopped:
            postgres.start()
        for ctx in opened:
            ctx.close()

    engine = store.make_engine(url)
    try:
        rows = store.class_runs(engine, code)
    finally:
        engine.dispose()
    assert [(r["nickname"], r["post_key"]) for r in rows] == [("Ada", kept.key)]  # exactly once
    assert rows[0]["test_acc"] == 0.8  # the lesson's run, as trained on r2
    assert spool.waiting(room.spool, base, time.time()) == []  # and gone from the disk
