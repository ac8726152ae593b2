"""A class in Chromium: one teacher and three students, two replicas behind HAProxy, one PostgreSQL.

The classroom deployment (deploy/classroom.py) runs two replicas with ``--board-db`` pointing at
a real PostgreSQL server; students are placed on both replicas by HAProxy's own cookie. Their
runs and answers must reach the teacher's board by themselves (the board is never reloaded;
every wait is a page condition, `bench/board_load.py` measures the delay), the reveal must show
the private half, and the CSV must hold every run.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from deploy import proxy
from deploy.classroom import Classroom, free_port
from tests.browser.conftest import VIEWPORT, assert_no_errors, wait_for_app, wait_settled
from tests.conftest import require

WAIT = 60_000  # ms: a generous bound for a condition on a busy 2-core machine
SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")


@pytest.fixture(scope="module")
def room(data, postgres):
    if proxy.haproxy_binary() is None:
        require("proxy", "haproxy is not installed (apt-get install haproxy)")
    url = postgres.new_database()
    with Classroom(free_port(), replicas=2, bind="127.0.0.1", board_db=url) as r:
        yield r


def visitor(browser, room, replica: str | None = None):
    """A new browser (own cookies); ``replica`` pins it to r1 or r2 with HAProxy's cookie."""
    ctx = browser.new_context(viewport=VIEWPORT, base_url=room.url, accept_downloads=True)
    if replica:
        ctx.add_cookies([{"name": proxy.COOKIE, "value": replica, "url": room.url}])
    page = ctx.new_page()
    page.set_default_timeout(WAIT)
    return ctx, page


def button(page, key: str):
    return page.locator(f".st-key-{key} button")


def start_class(teacher) -> str:
    """The teacher opens /board and starts a class: its code, once shown."""
    teacher.goto("/board")
    wait_for_app(teacher, WAIT)
    teacher.locator(".st-key-board_start button").click()
    box = teacher.locator(".st-key-class_code", has_text=re.compile(r"^\s*[A-Z2-9]{6}\s*$"))
    box.wait_for()
    return box.inner_text().strip()


def go_to(page, path: str) -> None:
    """Another page through the sidebar's navigation (the same session, as a student would)."""
    page.locator(f'[data-testid="stSidebarNav"] a[href$="{path}"]').click()
    page.wait_for_url(re.compile(re.escape(path)))
    wait_for_app(page, WAIT)


def test_a_class_of_three_on_two_replicas_runs_and_answers_reach_the_board(browser, room):
    opened = []
    try:
        ctx, teacher = visitor(browser, room, "r1")
        opened.append(ctx)
        code = start_class(teacher)
        teacher.wait_for_url(re.compile("teacher="))
        link = teacher.locator('[data-testid="stMarkdown"] code', has_text="?class=").inner_text()
        assert link.strip().endswith(f"/?class={code}") and "teacher" not in link

        students = []
        for name, replica in (("Ada", "r1"), ("Bob", "r2"), ("Cy <b>", "r2")):
            ctx, page = visitor(browser, room, replica)
            opened.append(ctx)
            response = page.goto(f"/?class={code}")
            assert response.headers.get("x-replica") == replica
            wait_for_app(page, WAIT)
            page.wait_for_function(  # the code, filled in from the link
                "c => document.querySelector('.st-key-join_code input')?.value === c", arg=code
            )
            page.locator(".st-key-join_name input").fill(name)
            button(page, "join_button").click()
            page.locator(".st-key-board_class_box").wait_for()
            students.append((name, page))
        ada = students[0][1]
        ada.reload()  # a new session of the same browser: still in the class, same nickname
        wait_for_app(ada, WAIT)
        ada.locator(".st-key-board_class_box", has_text="as Ada").wait_for()

        for name, page in students:
            if name == "Bob":  # the lesson's other network, from a link: still in the class
                page.goto("/training?dims=12288-7-1")
                wait_for_app(page, WAIT)
                page.locator(".st-key-board_class_box", has_text="as Bob").wait_for()
            else:
                go_to(page, "/training")
            button(page, "train_button").click()
        for _, page in students:
            page.get_by_text(f"shared with class {code}").wait_for()
        teacher.locator(".st-key-board_counts", has_text="3 runs from 3 students").wait_for()

        button(teacher, "board_ask").click()  # the bank's first question: the shape of W^[1]
        for k, (_, page) in enumerate(students):  # three different answers
            button(page, f"answer_{k}").wait_for()
            button(page, f"answer_{k}").click()
        teacher.locator(".st-key-board_question", has_text="3 answers").wait_for()
        button(teacher, "board_show_answer").click()
        teacher.locator(".st-key-board_question", has_text="Right answer").wait_for()
        if SHOT_DIR:
            screenshots(teacher, "", "Hide the private half")

        button(teacher, "board_reveal").click()
        teacher.get_by_text("Revealed:").wait_for()
        with teacher.expect_download() as download:
            button(teacher, "board_csv").click()
        rows = list(
            csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read()))
        )
        runs = [r for r in rows if r and r[0] == "run"]
        answers = [r for r in rows if r and r[0] == "answer"]
        assert sorted(r[1] for r in runs) == ["Ada", "Bob", "Cy <b>"]
        assert [r[3] for r in runs if r[1] == "Bob"] == ["7"]  # its hidden layers
        assert sorted(r[1] for r in answers) == ["Ada", "Bob", "Cy <b>"]
        assert_no_errors(teacher)
        for _, page in students:
            assert_no_errors(page)
        if SHOT_DIR:  # the same board in Chinese: the teacher's address with lang=zh
            teacher.goto(re.sub(r"lang=en", "lang=zh", teacher.url))
            wait_for_app(teacher, WAIT)
            button(teacher, "board_reveal").click()  # back to the public half, as before
            teacher.get_by_text("排名只用").wait_for()
            screenshots(teacher, "_zh", "再次隐藏那一半")
    finally:
        for ctx in opened:
            ctx.close()


def screenshots(page, suffix: str, unreveal: str) -> None:
    """The README's pictures: join (code and QR), the runs, the question, then the reveal."""
    folder = Path(SHOT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    header = page.locator(
        '[data-testid="stHorizontalBlock"]', has=page.locator(".st-key-class_code")
    )
    header.scroll_into_view_if_needed()
    wait_settled(page)
    header.screenshot(path=folder / f"board_join{suffix}.png")
    page.locator(".st-key-board_scatter").scroll_into_view_if_needed()
    page.locator(".st-key-board_scatter").screenshot(path=folder / f"board_runs{suffix}.png")
    page.locator(".st-key-board_question").screenshot(path=folder / f"board_question{suffix}.png")
    button(page, "board_reveal").click()
    button(page, "board_reveal").filter(has_text=unreveal).wait_for()
    page.locator(".st-key-board_ranking_box").wait_for()
    wait_settled(page)
    page.locator(".st-key-board_ranking_box").scroll_into_view_if_needed()
    page.locator(".st-key-board_ranking_box").screenshot(path=folder / f"board_reveal{suffix}.png")
    button(page, "board_reveal").click()  # back to the public half
    button(page, "board_reveal").filter(has_text=unreveal).wait_for(state="detached")
