"""Nothing lost silently: a page that comes back on a server without its work says what was lost.

Real processes in real Chromium. A plain ``streamlit run`` is killed with SIGKILL while one tab
of a browser trains, another shows a photo's verdict and the own-classes page holds three
pictures; a new server is started on the same port, every tab reconnects by itself and says what
was lost, in its language. Then the deployment: HAProxy in front of two replicas, the replica
that holds a tab's verdict and run is killed, the proxy sends the tab to the other one, and the
page says so. A reload of the same server says nothing (and keeps the pictures).
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from deploy import replicas as rp
from deploy.classroom import Classroom, free_port
from tests.browser.conftest import CHROMIUM, assert_no_errors, open_page, wait_for_app
from tests.browser.test_classes import added, class_input, files
from tests.browser.test_e2e import CHART_POINTS_JS

pytestmark = pytest.mark.browser

PHOTO = str(Path(__file__).resolve().parent.parent / "files" / "photo.jpg")
WARNING = '.st-key-work_lost [data-testid="stAlert"]'
# a slow run on the training page (the link's settings): 256 first-layer units, 10,000 it.
LONG_RUN = "/training?dims=12288-256-7-5-1&it=10000"
RECONNECTED = 60_000  # ms: Streamlit's reconnection back-off, then the page's first run


def start(port: int) -> subprocess.Popen:
    proc = rp.start_replica(port, "127.0.0.1", subprocess.DEVNULL)
    rp.wait_healthy([f"http://127.0.0.1:{port}"], 60, [proc])
    return proc


def kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def show_verdict(page) -> None:
    open_page(page, "/prediction")
    box = page.locator(".st-key-image_upload [data-testid='stFileUploaderDropzoneInput']")
    box.set_input_files(PHOTO)
    page.get_by_text("what the model sees").first.wait_for()
    wait_for_app(page)


def start_training(page, path: str = LONG_RUN, train: str = "▶ Train") -> None:
    open_page(page, path)
    page.get_by_role("button", name=train).click()
    page.wait_for_function(f"({CHART_POINTS_JS})() > 50")  # it is training


def warning(page) -> str:
    box = page.locator(WARNING)
    box.wait_for(timeout=RECONNECTED)
    return box.inner_text()


@pytest.fixture
def browser_context(browser):
    made = []

    def make(base_url: str):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=base_url)
        context.set_default_timeout(60_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def test_a_restarted_server_says_what_each_tab_lost(browser_context, data, tmp_path):
    port = free_port()
    server = start(port)
    try:
        context = browser_context(f"http://127.0.0.1:{port}")
        classes = context.new_page()
        open_page(classes, "/classes")
        class_input(classes, 0).set_input_files(files(tmp_path, "warm", range(3)))
        added(classes, "“cat”: 3 added.")
        classes.reload()  # the same server: nothing was lost, nothing is said
        wait_for_app(classes)
        classes.locator('[data-testid="stImage"]').nth(2).wait_for()  # the 3 pictures are back
        assert classes.get_by_text("No pictures yet.").count() == 1  # the second class
        assert classes.locator(WARNING).count() == 0
        photo = context.new_page()
        show_verdict(photo)
        training = context.new_page()
        start_training(training)

        kill(server)  # mid-run
        server = start(port)  # the same address: every tab reconnects by itself

        said = warning(training)
        assert "server that does not have what it showed before" in said
        assert "the run that was training: press ▶ Train" in said
        assert "the verdict of the photo you uploaded or took" in said
        assert "your 3 pictures, the two class names" in said
        assert said == warning(photo) == warning(classes)  # one browser: one account of it
        assert classes.get_by_text("No pictures yet.").count() == 2  # they were indeed lost
        training.get_by_role("button", name="OK").click()
        training.locator(WARNING).wait_for(state="detached")
        wait_for_app(training)
        training.reload()  # now the marker names this server: nothing more to say
        wait_for_app(training)
        assert training.locator(WARNING).count() == 0
        assert_no_errors(training)
    finally:
        kill(server)


def test_a_reconnected_chinese_page_says_it_in_chinese(browser_context, data):
    port = free_port()
    server = start(port)
    try:
        page = browser_context(f"http://127.0.0.1:{port}").new_page()
        start_training(page, LONG_RUN + "&lang=zh", "▶ 训练")
        kill(server)
        server = start(port)
        said = warning(page)
        assert "这个页面现在连接的服务器没有它之前显示的内容" in said
        assert "正在训练的那次运行：点击 ▶ 训练 重新训练" in said
        assert "照片" not in said and "图片" not in said  # only what this browser had
    finally:
        kill(server)


def test_a_failover_to_another_replica_says_what_was_lost(browser_context, haproxy, data):
    assert os.path.exists(CHROMIUM)
    with Classroom(free_port(), replicas=2, bind="127.0.0.1") as room:
        context = browser_context(room.url)
        photo = context.new_page()
        show_verdict(photo)
        training = context.new_page()
        start_training(training)
        (replica,) = [c["value"] for c in context.cookies() if c["name"] == "dnn_replica"]
        kill(room.replicas[replica])  # the proxy sends the tabs to the other replica

        said = warning(training)
        assert "the run that was training" in said and "the verdict of the photo" in said
        assert "pictures" not in said  # this browser had no own classes
        assert warning(photo) == said
        assert_no_errors(photo)
