"""Take it home in Chromium: after the lesson's run, its notebook and its ``.py`` twin download.

The buttons sit in the training page's result tab "Download" (keys ``notebook_download_run``
and ``notebook_script_run``); the files are those :mod:`ui.notebook.build` makes for the run's
configuration in the page's language, byte for byte (``tests/test_notebook_run.py`` runs them).
"""

from __future__ import annotations

import nbformat
import pytest

import dnn
from tests.browser.conftest import assert_no_errors, open_page, wait_for_app
from ui.core.settings import Settings
from ui.notebook.build import notebook_bytes, script_text

pytestmark = pytest.mark.browser


def train_the_lesson(page, train: str, finished: str) -> None:
    page.get_by_role("button", name=train).click()
    page.get_by_text(finished).wait_for(timeout=60_000)
    wait_for_app(page)


def open_tab(page, name: str) -> None:
    """Open a result tab and wait for the rerun that draws it (only the open tab is drawn)."""
    page.get_by_role("tab", name=name).click()
    wait_for_app(page)
    page.locator(".st-key-notebook_download_run").get_by_role("button").wait_for()


def download(page, key: str) -> bytes:
    """Click the download button with this key; the file's bytes."""
    with page.expect_download() as started:
        page.locator(f".st-key-{key}").get_by_role("button").click()
    return started.value.path().read_bytes()


def test_the_lessons_run_downloads_as_a_notebook_and_a_script(page):
    open_page(page, "/training")
    train_the_lesson(page, "▶ Train", "Finished: 2500 iterations")
    open_tab(page, "Download")
    button = page.locator(".st-key-notebook_download_run").get_by_role("button")
    assert "Open as a notebook (.ipynb)" in button.inner_text()
    raw = download(page, "notebook_download_run")
    nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    nbformat.validate(nb)
    assert raw == notebook_bytes(dnn.TrainConfig(), "en")  # the lesson's run, in English
    text = download(page, "notebook_script_run").decode("utf-8")
    assert text == script_text(dnn.TrainConfig(), "en")
    wait_for_app(page)
    assert_no_errors(page)


def test_the_notebook_speaks_the_pages_language(page):
    open_page(page, "/training?lang=zh")
    train_the_lesson(page, "▶ 训练", "完成：2500 次迭代")
    open_tab(page, "下载")
    assert download(page, "notebook_download_run") == notebook_bytes(dnn.TrainConfig(), "zh")
    assert_no_errors(page)


def test_a_run_with_a_validation_split_downloads_with_its_split(page):
    settings = Settings(hidden=(7,), iterations=300, validation=20)
    open_page(page, "/training?dims=12288-7-1&it=300&val=20")
    train_the_lesson(page, "▶ Train", "Finished: 300 iterations")
    open_tab(page, "Download")
    raw = download(page, "notebook_download_run")
    assert raw == notebook_bytes(settings.config(), "en", validation=20)
    assert "validation_share = 20" in raw.decode("utf-8")  # the same pictures held out
    text = download(page, "notebook_script_run").decode("utf-8")
    assert text == script_text(settings, "en")
    assert page.get_by_text("without this run's").count() == 0  # no "it ignores the split" note
    assert_no_errors(page)
