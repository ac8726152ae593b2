"""The app's server restarted mid-class: the class, its runs and the teacher's board survive.

A real ``streamlit run`` on a SQLite file (the default kind of database); a teacher starts a
class, a student joins and trains in Chromium; then the server is stopped and a new one started
on the same file. The teacher's own address (it holds the key) opens the same class with the
same run; the student, whose session died with the server, is still in the class as "Ada" in
the new server's session (their browser's token finds the membership in the database), without
joining again, and their next run is added: nothing lost and nothing twice.
"""

from __future__ import annotations

import re

from bench.streamlit_server import start_server, stop_server
from tests.browser.conftest import VIEWPORT, assert_no_errors, wait_for_app
from ui.board import store

WAIT = 60_000


def test_a_server_restart_loses_nothing_of_the_class(browser, data, tmp_path):
    url_db = f"sqlite:///{tmp_path / 'classes.sqlite3'}"
    proc, url = start_server({"DNN_BOARD_DB": url_db})
    ctx = browser.new_context(viewport=VIEWPORT)
    try:
        teacher, ada = ctx.new_page(), browser.new_page(viewport=VIEWPORT)
        for p in (teacher, ada):
            p.set_default_timeout(WAIT)
        teacher.goto(f"{url}/board")
        wait_for_app(teacher, WAIT)
        teacher.locator(".st-key-board_start button").click()
        box = teacher.locator(".st-key-class_code", has_text=re.compile(r"^\s*[A-Z2-9]{6}\s*$"))
        box.wait_for()
        code = box.inner_text().strip()
        teacher.wait_for_url(re.compile("teacher="))
        own_address = teacher.url.replace(url, "")
        join_and_train(ada, url, code, "Ada")
        teacher.locator(".st-key-board_counts", has_text="1 run from 1 student").wait_for()

        stop_server(proc)
        proc, url = start_server({"DNN_BOARD_DB": url_db})  # another port: a new server
        teacher.goto(url + own_address)
        wait_for_app(teacher, WAIT)
        teacher.locator(".st-key-board_counts", has_text="1 run from 1 student").wait_for()
        ada.goto(f"{url}/training")  # the same browser, its cookie: no link, no join
        wait_for_app(ada, WAIT)
        ada.locator(".st-key-board_class_box", has_text=f"In class {code} as Ada.").wait_for()
        assert ada.locator(".st-key-join_name").count() == 0
        ada.locator(".st-key-train_button button").click()
        teacher.locator(".st-key-board_counts", has_text="2 runs from 1 student").wait_for()
        assert_no_errors(teacher)
        assert_no_errors(ada)
        engine = store.make_engine(url_db)
        rows = store.class_runs(engine, code)
        engine.dispose()
        assert [r["nickname"] for r in rows] == ["Ada", "Ada"]
        assert len({r["member"] for r in rows}) == 1 and len({r["post_key"] for r in rows}) == 2
        ada.close()
    finally:
        ctx.close()
        log = stop_server(proc)
    assert "Traceback" not in log, log


def join_and_train(page, url: str, code: str, name: str) -> None:
    """Open the join link, join as ``name``, train the lesson's run once joined."""
    page.goto(f"{url}/training?class={code}")
    wait_for_app(page, WAIT)
    page.locator(".st-key-join_name input").fill(name)
    page.locator(".st-key-join_button button").click()
    page.locator(".st-key-board_class_box").wait_for()  # joined
    wait_for_app(page, WAIT)
    page.locator(".st-key-train_button button").click()
