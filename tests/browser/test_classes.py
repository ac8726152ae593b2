"""The own-classes page in Chromium: two classes from files and the fake camera, trained, tried."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import assert_no_errors, open_page, wait_for_app
from tests.browser.test_e2e import CHART_POINTS_JS, start_long_run, stopped_at
from tests.class_pictures import picture

pytestmark = pytest.mark.browser
SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")


def files(folder: Path, kind: str, seeds) -> list[str]:
    """Warm or cool pictures saved as PNG files; their paths."""
    paths = []
    for s in seeds:
        path = folder / f"{kind}{s}.png"
        picture(kind, s).save(path)
        paths.append(str(path))
    return paths


def class_input(page, k: int):
    """The file input of class k's uploader (0: the first class), found by the widget's key.

    Not "the k-th uploader on the page": uploaders mount lazily and not always in page order, so
    right after a load the first one present can be the second class's.
    """
    box = page.locator(f'[class*="st-key-classes_files_{k}_"]')
    return box.locator('[data-testid="stFileUploaderDropzoneInput"]')


def added(page, text: str) -> None:
    """Wait for the note of pictures added; if it never comes, say what the page shows."""
    try:
        page.get_by_text(text).wait_for()
    except Exception as exc:  # Playwright's TimeoutError: keep what the page said instead
        main = page.locator('[data-testid="stMain"]').inner_text()
        raise AssertionError(f"no {text!r} on the page; it shows:\n{main[:3000]}") from exc
    wait_for_app(page)


def test_classes_from_files_and_the_camera_trained_then_predicting(page, tmp_path):
    open_page(page, "/classes")
    class_input(page, 0).set_input_files(files(tmp_path, "warm", range(4)))
    added(page, "“cat”: 4 added.")
    # one more picture of the first class, from the (fake) camera
    page.locator(".st-key-classes_camera_on_0").get_by_text("Use the camera").click()
    wait_for_app(page)
    camera = page.locator('[class*="st-key-classes_camera_0_"]')
    button = camera.locator('[data-testid="stCameraInputButton"]')
    button.wait_for()
    page.wait_for_function("(document.querySelector('video') || {}).readyState >= 2")
    button.click()
    added(page, "“cat”: 1 added.")
    assert page.get_by_text("📷\u00a05").count() == 1  # its thumbnail, 64×64
    class_input(page, 1).set_input_files(files(tmp_path, "cool", range(5)))
    added(page, "“not cat”: 5 added.")
    assert page.get_by_text("Pictures: 5", exact=False).count() == 2
    page.get_by_role("button", name="▶ Train").click()
    page.get_by_text("Finished: 2500 iterations").wait_for(timeout=60_000)
    wait_for_app(page)
    try_box = page.locator(".st-key-classes_try_upload")
    new = files(tmp_path, "warm", [99])
    try_box.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(new)
    page.get_by_text("what the model sees (64×64)").wait_for()
    wait_for_app(page)
    verdicts = page.locator('[data-testid="stMain"] h3').all_inner_texts()
    assert verdicts[-1] == "👉 cat"
    assert_no_errors(page)
    if SHOT_DIR:
        out = Path(SHOT_DIR)
        out.mkdir(parents=True, exist_ok=True)
        # the camera off: a shorter page
        page.locator(".st-key-classes_camera_on_0").get_by_text("Use the camera").click()
        wait_for_app(page)
        page.set_viewport_size({"width": 1280, "height": 1640})
        page.locator('[data-testid="stMain"]').evaluate("e => e.scrollTo(0, 0)")
        page.get_by_role(
            "heading", name="Teach it your own two classes"
        ).scroll_into_view_if_needed()
        wait_for_app(page)
        page.screenshot(path=out / "classes.png")


def test_stop_keeps_the_network_a_run_reached(page, tmp_path, data):
    open_page(page, "/classes?dims=12288-256-7-5-1&it=10000")  # a link sets a long run
    class_input(page, 0).set_input_files(files(tmp_path, "warm", range(5)))
    added(page, "“cat”: 5 added.")
    class_input(page, 1).set_input_files(files(tmp_path, "cool", range(5)))
    added(page, "“not cat”: 5 added.")
    page.get_by_text("Add the lesson's pictures").click()  # 219 pictures: a slower run
    wait_for_app(page)
    page.get_by_role("button", name="▶ Train").click()
    page.wait_for_function(f"({CHART_POINTS_JS})() > 50")
    page.get_by_role("button", name="■ Stop").click()
    stopped = page.get_by_text(re.compile(r"Stopped at iteration \d+ of 10000; the network"))
    stopped.wait_for()
    wait_for_app(page)
    reached = int(re.search(r"iteration (\d+)", stopped.inner_text()).group(1))
    assert 50 < reached < 10_000
    assert page.locator('[data-testid="stMetricValue"]').nth(2).inner_text() == f"{reached:,}"
    assert page.get_by_text("Your test pictures:").count() == 1  # the stopped network is kept
    assert page.get_by_role("button", name="Model (.safetensors)").count() == 1
    assert_no_errors(page)


def test_a_run_stopped_on_the_training_page_is_the_prediction_pages_model(page):
    """The training page shares ``ui.training.stream``: its stopped run is kept there too."""
    start_long_run(page)
    page.get_by_role("button", name="■ Stop").click()
    stopped_at(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("Is it a cat?").click()
    page.get_by_text("Using your latest model from the Training page: #1").wait_for()
    assert_no_errors(page)


def test_each_picture_and_remove_button_is_named_apart(page, tmp_path):
    """Review items 6 and 18: alt text "A picture of class c_11.png" (no class), twelve ✕ buttons
    all named "✕", two "Remove all" alike; held-out pictures only framed in thin blue."""
    open_page(page, "/classes")
    class_input(page, 0).set_input_files(files(tmp_path, "warm", range(6)))
    added(page, "“cat”: 6 added.")
    class_input(page, 1).set_input_files(files(tmp_path, "cool", range(6)))
    added(page, "“not cat”: 6 added.")
    main = page.locator('[data-testid="stMain"]')
    alts = main.locator('[data-testid="stImage"] img').evaluate_all("l => l.map(i => i.alt)")
    for kind, cls in (("warm", "cat"), ("cool", "not cat")):
        mine = [a for a in alts if a.startswith(kind)]
        assert len(mine) == 6, alts
        assert all(f"a picture of class “{cls}”" in a for a in mine), mine
        held = [a for a in mine if a.endswith("held out for the test set (🧪)")]
        assert len(held) == 1, mine  # 20 % of 6, at least one
    # the accessible names, as the browser computes them (Playwright's role query)
    names = []
    for k in range(6):
        for kind, cls in (("warm", "cat"), ("cool", "not cat")):
            name = f"Remove {kind}{k}.png from “{cls}”"
            page.get_by_role("button", name=name, exact=True).wait_for()
            names.append(name)
    assert page.get_by_role("button", name="✕", exact=True).count() == 0
    for cls in ("cat", "not cat"):
        button = page.get_by_role("button", name=f"Remove all of “{cls}”", exact=True)
        assert button.count() == 1 and button.inner_text() == f"Remove all of “{cls}”"
    # a held-out picture's caption starts with 🧪
    captions = main.locator('[data-testid="stImageCaption"]').all_inner_texts()
    assert sum(c.startswith("🧪") for c in captions) == 2, captions
    assert_no_errors(page)
