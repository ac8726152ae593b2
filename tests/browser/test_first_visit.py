"""A fresh machine in Chromium: the data is fetched on the first visit, or the failure says why."""

from __future__ import annotations

import shutil

import pytest

from bench.streamlit_server import start_server, stop_server
from dnn import datasets
from dnn.datasets import download
from tests.browser.conftest import assert_no_errors, wait_for_app
from tests.conftest import serve

pytestmark = pytest.mark.browser


def test_first_visit_fails_clearly_then_the_button_downloads(browser, data, tmp_path):
    www = tmp_path / "www"  # a mirror that does not have the files yet
    www.mkdir()
    folder = tmp_path / "data"
    with serve(www, delay=1.0) as (mirror, requested):
        env = {"DNN_DATA_DIR": str(folder), "DNN_DATA_MIRRORS": mirror}
        proc, url = start_server(env)
        context = browser.new_context(base_url=url)
        try:
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto("/training")
            wait_for_app(page)
            error = page.locator('[data-testid="stAlertContentError"]').first
            assert "The download failed" in error.inner_text()
            assert "HTTP 404" in error.inner_text() and "copy" in error.inner_text()
            assert page.locator('[data-testid="stProgress"]').count() == 0
            assert str(tmp_path) not in page.inner_text("body")
            # the first visit tried by itself, once (pooch retries once), and stopped there
            assert requested == ["/train_catvnoncat.h5"] * (1 + download.RETRIES)

            for name in datasets.FILES:
                shutil.copy(datasets.data_dir() / name, www / name)
            page.get_by_role("button", name="Download the data").click()
            page.wait_for_selector('[data-testid="stProgress"]')  # the mirror takes 1 s a file
            page.wait_for_function(
                "() => (document.querySelector('h1') || {}).innerText === 'Train a deep network'"
            )
            wait_for_app(page)
            assert page.get_by_role("button", name="▶ Train").count() == 1
            assert page.locator('[data-testid="stProgress"]').count() == 0
            assert_no_errors(page)
        finally:
            context.close()
            log = stop_server(proc)
    assert "Traceback" not in log, log
    assert datasets.load_dataset(folder).train_x.shape == (12288, 209)
