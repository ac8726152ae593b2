"""The app in headless Chromium against a real server: what a class would do with it."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image
from threadpoolctl import threadpool_limits

import dnn
from tests.browser.conftest import assert_no_errors, open_page, wait_for_app, wait_settled
from tests.test_images import PHOTO

pytestmark = pytest.mark.browser

CHART_POINTS_JS = """() => {
    const g = document.querySelector('.js-plotly-plot');
    const t = g && g._fullData && g._fullData[0];
    const x = t && t.x;
    const last = x && x.length ? Number(x[x.length - 1]) : NaN;
    return Number.isFinite(last) ? last + 1 : 0;
}"""
# Samples the first chart's length at every animation frame until told to stop: what the
# browser drew while the run streamed, with no clock or sleep on the test's side.
SAMPLE_POINTS_JS = f"""() => {{
    const points = {CHART_POINTS_JS};
    window.__dnnSeen = [];
    window.__dnnSampling = true;
    const sample = () => {{
        window.__dnnSeen.push(points());
        if (window.__dnnSampling) requestAnimationFrame(sample);
    }};
    sample();
}}"""
PAGES = {
    "/": "Deep (L-layer) neural networks",
    "/training": "Train a deep network",
    "/prediction": "Is it a cat?",
}


def wait_for_title(page, text: str) -> None:
    """Wait until the page's title (its h1, which is redrawn on a rerun) contains ``text``."""
    page.wait_for_function(
        "t => ((document.querySelector('h1') || {}).innerText || '').includes(t)", arg=text
    )


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_loads_without_errors(page, path):
    open_page(page, path)
    assert page.locator("h1").first.inner_text() == PAGES[path]
    assert_no_errors(page)


def test_sidebar_navigation_and_language_switch(page):
    open_page(page, "/")
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_text("Training").click()
    page.wait_for_url(re.compile(r"/training(\?.*)?$"))  # the page writes its state as a query
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Train a deep network"
    page.locator('[data-testid="stSidebar"]').get_by_text("简体中文").click()
    wait_for_title(page, "训练")
    wait_for_app(page)
    assert page.get_by_role("button", name="▶ 训练").is_visible()
    assert nav.get_by_text("理论").is_visible()  # the navigation is translated too
    nav.get_by_text("理论").click()
    wait_for_title(page, "深层")
    assert_no_errors(page)


@pytest.mark.parametrize("path", ["/training?act=tanh&opt=adam", "/classes", "/step", "/board"])
def test_a_language_round_trip_keeps_every_setting(page, path):
    # a reviewer saw English → 简体中文 → English give an error box on /training and /classes:
    # each select box kept its English label in the browser, which the Chinese run's options no
    # longer held, and Streamlit handed "ReLU (lesson)" to the page instead of relu
    open_page(page, path)
    wait_settled(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    for name, code in [("简体中文", "zh-Hans"), ("English", "en")] * 2:
        sidebar.get_by_text(name, exact=True).click()
        page.wait_for_function(f"document.documentElement.lang === '{code}'")
        wait_settled(page)
        assert_no_errors(page)
        assert ("lang=zh" in page.url) == (code == "zh-Hans"), page.url
        if path.startswith("/training"):  # the settings the link chose, still chosen
            assert "act=tanh" in page.url and "opt=adam" in page.url, page.url


def chart_points(page) -> int:
    """Iterations drawn in the first Plotly chart: last x + 1 (0 when there is no chart)."""
    return page.evaluate(CHART_POINTS_JS)


def test_training_streams_a_live_chart_and_reproduces_the_lesson(page):
    # at lesson pace (100 frames over about 20 s, the teacher's pace): the chart grows on
    # screen, frame after frame. (As fast as possible, the whole run takes about a second and
    # the browser may draw only one or two of its 20 frames; that the server sends them all
    # is checked in tests/test_server.py.)
    open_page(page, "/training?pace=lesson")
    page.evaluate(SAMPLE_POINTS_JS)  # the page notes the chart's length at every frame
    page.get_by_role("button", name="▶ Train").click()
    page.get_by_text("Finished: 2500 iterations").wait_for(timeout=120_000)
    seen = page.evaluate("() => { window.__dnnSampling = false; return window.__dnnSeen; }")
    wait_for_app(page)
    page.locator('[data-testid="stMetricValue"]').nth(2).wait_for()
    growing = sorted({n for n in seen if 0 < n})
    print(f"frames seen: {len(growing)}")
    # a reviewer saw this chart blank for a whole lesson-paced run when each frame mounted a
    # new chart: now it grows in place
    assert len(growing) >= 10, growing
    assert chart_points(page) == 2500
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert metrics[:3] == ["98.6%", "80.0%", "2,500"]
    assert_no_errors(page)


def start_long_run(page) -> None:
    """A run of 10,000 iterations with 256 first-layer units: slow enough to act during it."""
    open_page(page, "/training")
    units = page.get_by_role("spinbutton", name="n[1]")
    units.fill("256")
    units.press("Enter")
    page.wait_for_function(  # the server has taken the new size: the preset became "Custom"
        "() => document.querySelector('input[aria-label=\"Preset\"]').value === 'Custom'"
    )
    wait_for_app(page)
    iterations = page.get_by_role("spinbutton", name="Iterations", exact=True)
    iterations.fill("10000")
    iterations.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="▶ Train").click()
    page.wait_for_function(f"({CHART_POINTS_JS})() > 50")


def stopped_at(page) -> int:
    stopped = page.get_by_text(re.compile(r"Stopped at iteration \d+"))
    stopped.wait_for()
    wait_for_app(page)
    return int(re.search(r"iteration (\d+)", stopped.inner_text()).group(1))


def test_stop_mid_run_then_continue_is_bit_for_bit(page, data):
    start_long_run(page)
    page.get_by_role("button", name="■ Stop").click()
    reached = stopped_at(page)
    assert 50 < reached < 10_000
    assert page.locator('[data-testid="stMetricValue"]').nth(2).inner_text() == f"{reached:,}"
    page.get_by_role("button", name="⏩ Continue").click()
    page.get_by_text(re.compile(r"Finished: \d+ iterations")).wait_for(timeout=60_000)
    wait_for_app(page)
    total = 10_000  # Continue finishes the planned run
    assert page.locator('[data-testid="stMetricValue"]').nth(2).inner_text() == f"{total:,}"
    assert chart_points(page) == total
    # the cost history, downloaded, equals an uninterrupted run of the same length
    page.get_by_role("tab", name="Download").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Cost history (CSV)").click()
    rows = download.value.path().read_text().splitlines()[1:]
    costs = [float(r.split(",")[1]) for r in rows]
    with threadpool_limits(1, "blas"):  # as the server computes
        whole = dnn.train(
            data.train_x, data.train_y, [12288, 256, 7, 5, 1], num_iterations=total, every=0
        )
    assert costs == whole.costs
    assert_no_errors(page)


def test_page_change_during_a_run_keeps_a_consistent_run(page):
    start_long_run(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Theory").click()
    page.wait_for_url(re.compile(r"/theory"))
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Training").click()
    reached = stopped_at(page)
    assert chart_points(page) == reached
    assert page.locator('[data-testid="stMetricValue"]').nth(2).inner_text() == f"{reached:,}"
    assert_no_errors(page)


def test_bad_uploads_get_messages_and_good_ones_are_still_scored(page, tmp_path):
    open_page(page, "/prediction")
    requests = []
    page.on(
        "request", lambda r: r.method == "PUT" and "upload_file" in r.url and requests.append(r)
    )
    big = tmp_path / "big.jpg"
    big.write_bytes(os.urandom(11 * 2**20))  # over the 10 MB limit
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    corrupt = tmp_path / "corrupt.jpg"
    corrupt.write_bytes(PHOTO.read_bytes()[:5000])
    good = jpeg(tmp_path / "good.jpg")
    picture_input(page).set_input_files([str(big), str(notes), str(corrupt), str(good)])
    page.get_by_text("File must be 10.0MB or smaller.").wait_for()
    page.get_by_text("text/plain files are not allowed.").wait_for()
    page.wait_for_selector(".js-plotly-plot")
    wait_for_app(page)
    errors = page.locator('[data-testid="stAlertContentError"]').all_inner_texts()
    assert len(errors) == 1 and "corrupt.jpg" in errors[0]
    assert verdict_bars(page).count() == 1  # good.jpg was scored
    # the server itself refuses a body over the limit (HTTP 413), whatever the browser does
    upload = requests[0]
    token = {"X-Xsrftoken": upload.headers["x-xsrftoken"]}
    body = {"file": {"name": "x.jpg", "mimeType": "image/jpeg", "buffer": b""}}
    body["file"]["buffer"] = os.urandom(11 * 2**20)
    assert page.request.put(upload.url, headers=token, multipart=body).status == 413
    body["file"]["buffer"] = b"small"
    assert page.request.put(upload.url, headers=token, multipart=body).status in (200, 204)


def jpeg(path: Path, array=None, size=(512, 384)) -> Path:
    img = Image.new("RGB", size, (200, 120, 40)) if array is None else Image.fromarray(array)
    img.save(path, "JPEG", quality=90)
    return path


def verdict_bars(page):
    """The P(cat) bars: the Plotly charts outside the "Look inside" expanders."""
    return page.locator('.js-plotly-plot:not([data-testid="stExpander"] *)')


def picture_input(page):
    """The file input of the picture uploader (not the model uploader's)."""
    box = page.locator('[data-testid="stFileUploader"]').filter(has_text="several at once")
    return box.locator('[data-testid="stFileUploaderDropzoneInput"]')


def test_prediction_upload_real_photo_then_corrupt_with_good(page, tmp_path):
    open_page(page, "/prediction")
    upload = picture_input(page)
    upload.set_input_files(str(PHOTO))
    page.get_by_text("what the model sees (64×64)").wait_for()
    wait_for_app(page)
    text = main_text(page)
    assert ("Cat" in text) or ("Not a cat" in text)
    page.wait_for_selector(".js-plotly-plot")  # the P(cat) bar
    assert verdict_bars(page).count() == 1
    assert_no_errors(page)

    page.reload()  # a new session: an empty uploader
    wait_for_app(page)
    upload = picture_input(page)
    corrupt = tmp_path / "corrupt.jpg"
    corrupt.write_bytes(PHOTO.read_bytes()[:5000])  # a truncated JPEG
    good = jpeg(tmp_path / "orange.jpg")
    upload.set_input_files([str(corrupt), str(good)])
    page.get_by_text("corrupt.jpg").first.wait_for()
    wait_for_app(page)
    errors = page.locator('[data-testid="stAlertContentError"]')
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=\"stAlertContentError\"]').length === 1"
    )
    assert "corrupt.jpg" in errors.first.inner_text()
    page.wait_for_selector(".js-plotly-plot")
    assert verdict_bars(page).count() == 1
    assert page.get_by_text("orange.jpg").count() >= 1


def test_camera_picture_is_classified(page):
    open_page(page, "/prediction")
    page.get_by_role("tab", name="Camera").click()
    page.get_by_text("Use the camera").click()
    wait_for_app(page)
    button = page.locator('[data-testid="stCameraInputButton"]')
    button.wait_for()
    page.wait_for_function("(document.querySelector('video') || {}).readyState >= 2")
    button.click()
    page.get_by_text("what the model sees (64×64)").wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.get_by_text("camera picture").count() >= 1
    page.wait_for_selector(".js-plotly-plot")
    assert_no_errors(page)


def test_theory_dimension_table_updates(page):
    open_page(page, "/")
    table = page.locator('[data-testid="stTable"]').first
    assert "(20, 12,288)" in table.inner_text()
    box = page.get_by_role("textbox", name="Layer sizes n[0], n[1], …, n[L]")
    box.fill("3, 5, 5, 3, 1")
    box.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-testid=\"stTable\"]').innerText.includes('(5, 3)')"
    )
    wait_for_app(page)
    text = table.inner_text()
    assert "(5, 3)" in text and "(1, 3)" in text and "(20, 12,288)" not in text
    assert_no_errors(page)


SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")


def test_screenshots(page, tmp_path):
    """Screenshots of every page at 1280×800 (saved to $DNN_SCREENSHOT_DIR when set)."""
    out = Path(SHOT_DIR) if SHOT_DIR else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    open_page(page, "/")
    page.screenshot(path=out / "theory.png")
    page.locator('[data-testid="stSidebar"]').get_by_text("简体中文").click()
    wait_for_title(page, "深层")
    wait_for_app(page)
    page.screenshot(path=out / "theory_zh.png")
    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    wait_for_title(page, "Deep")
    open_page(page, "/training")
    page.get_by_role("button", name="▶ Train").click()
    page.get_by_text("Finished: 2500 iterations").wait_for()
    wait_for_app(page)
    page.screenshot(path=out / "training.png")
    open_page(page, "/prediction")
    cat = Image.open(io.BytesIO(PHOTO.read_bytes()))
    cat.thumbnail((800, 800))
    photo = tmp_path / "photo.jpg"
    cat.save(photo, "JPEG")
    picture_input(page).set_input_files(str(photo))
    page.get_by_text("what the model sees (64×64)").wait_for()
    wait_for_app(page)
    page.screenshot(path=out / "prediction.png")
    for name in ("theory", "theory_zh", "training", "prediction"):
        assert (out / f"{name}.png").stat().st_size > 20_000
