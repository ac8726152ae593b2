"""A replica killed mid-class loses nothing: the student is back on another one, still a member.

The classroom deployment (HAProxy + two replicas sharing a real PostgreSQL, as in
tests/browser/test_board.py): a teacher on r1 has a board open, a student joined on r2 and
shared a run. r2 is killed outright (SIGKILL, no goodbye). The student's page reconnects by
itself; HAProxy sends it to r1, where a new session finds the membership by the browser's
token in the database: the same nickname, the same secret, no join form. The student trains
again and the run reaches the teacher's board; the database holds both runs, once each, from
one member. Every wait is a page condition (the page's own reconnection and first script run).
"""

from __future__ import annotations

import os
import signal

import sqlalchemy as sa

from deploy import proxy
from tests.browser.conftest import assert_no_errors, wait_for_app
from tests.browser.test_board import WAIT, button, go_to, room, start_class, visitor
from ui.board import db, schema, store

__all__ = ["room"]  # the classroom fixture of tests/browser/test_board.py, a new one here

# Set before the kill: true once the page lost its connection, got it back and a whole script
# run finished after that (the new session's first run on the replica it reconnected to).
WATCH_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__dnnBack = false;
  let dropped = false, ran = false;
  new MutationObserver(() => {
    const connected = app.getAttribute('data-test-connection-state') === 'CONNECTED';
    const state = app.getAttribute('data-test-script-state');
    if (!connected) dropped = true;
    else if (dropped && state === 'running') ran = true;
    else if (dropped && ran && state === 'notRunning') window.__dnnBack = true;
  }).observe(app, {attributes: true});
}"""


def class_on_two_replicas(browser, room, opened: list, path: str = "/"):
    """A teacher on r1 starts a class; Ada on r2 opens its link at ``path`` and joins.

    (code, the teacher's page, Ada's browser context, Ada's page); the contexts go in ``opened``.
    """
    ctx, teacher = visitor(browser, room, "r1")
    opened.append(ctx)
    code = start_class(teacher)
    ctx, ada = visitor(browser, room, "r2")
    opened.append(ctx)
    assert ada.goto(f"{path}?class={code}").headers.get("x-replica") == "r2"
    wait_for_app(ada, WAIT)
    ada.locator(".st-key-join_name input").fill("Ada")
    button(ada, "join_button").click()
    ada.locator(".st-key-board_class_box", has_text="as Ada").wait_for()
    return code, teacher, ctx, ada


def test_a_replica_killed_mid_class_loses_nothing_and_its_student_stays_a_member(browser, room):
    db_url = room.env[db.URL_ENV]  # the PostgreSQL database every replica uses
    opened = []
    try:
        code, teacher, ctx, ada = class_on_two_replicas(browser, room, opened)
        go_to(ada, "/training")
        button(ada, "train_button").click()
        ada.get_by_text(f"shared with class {code}").wait_for()
        teacher.locator(".st-key-board_counts", has_text="1 run from 1 student").wait_for()
        wait_for_app(ada, WAIT)

        ada.evaluate(WATCH_JS)
        r2 = room.replicas["r2"]
        os.kill(r2.pid, signal.SIGKILL)  # the replica serving the student, killed outright
        r2.wait(timeout=30)
        ada.wait_for_function("window.__dnnBack === true", timeout=WAIT)
        wait_for_app(ada, WAIT)
        replica = {c["name"]: c["value"] for c in ctx.cookies()}.get(proxy.COOKIE)
        assert replica == "r1"  # HAProxy moved the browser to the living replica
        ada.locator(".st-key-board_class_box", has_text=f"In class {code} as Ada.").wait_for()
        assert ada.locator(".st-key-join_name").count() == 0  # never asked to join again

        button(ada, "train_button").click()  # in the new session, on r1
        teacher.locator(".st-key-board_counts", has_text="2 runs from 1 student").wait_for()
        ada.get_by_text(f"shared with class {code}").wait_for()
        assert_no_errors(teacher)
        assert_no_errors(ada)
    finally:
        for ctx in opened:
            ctx.close()

    engine = store.make_engine(db_url)
    try:
        rows = store.class_runs(engine, code)
        with engine.connect() as conn:
            kept = conn.execute(sa.select(schema.browsers.c.member)).scalars().all()
    finally:
        engine.dispose()
    assert [r["nickname"] for r in rows] == ["Ada", "Ada"]  # nothing lost
    assert len({r["post_key"] for r in rows}) == 2  # nothing twice
    assert {r["member"] for r in rows} == set(kept) and len(kept) == 1  # one member, its browser
