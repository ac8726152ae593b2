"""The step-through page and "look inside" in headless Chromium, with screenshots."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import assert_no_errors, open_page, wait_for_app, wait_settled
from tests.odd_pictures import flowchart

pytestmark = pytest.mark.browser

SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")
STEPS = 11
# the element near the top of the view, under Streamlit's header (scrolled in its own container)
SCROLL_TO_TOP = """e => {
    e.scrollIntoView({block: 'start'});
    let p = e.parentElement;
    while (p && !(p.scrollHeight > p.clientHeight && getComputedStyle(p).overflowY !== 'visible'))
        p = p.parentElement;
    (p || window).scrollBy(0, -100);
}"""


def shots(tmp_path) -> Path:
    out = Path(SHOT_DIR) if SHOT_DIR else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    return out


def step_heading(page) -> str:
    return page.locator('[data-testid="stMain"] h2').first.inner_text()


def wait_for_step(page, n: int) -> None:
    page.wait_for_function(
        "n => ((document.querySelector('[data-testid=stMain] h2') || {}).innerText || '')"
        ".startsWith(n + '/')",
        arg=n,
    )
    wait_for_app(page)


def test_walk_every_step_forward_and_back(page, tmp_path):
    open_page(page, "/step")
    wait_for_step(page, 1)
    headings = [step_heading(page)]
    nxt = page.get_by_role("button", name="Next ▶")
    for n in range(2, STEPS + 1):
        nxt.click()
        wait_for_step(page, n)
        headings.append(step_heading(page))
        assert page.locator(".js-plotly-plot").count() >= 2  # the step's matrices
        assert page.locator(".katex").count() >= 1  # its equations
        assert_no_errors(page)
    assert nxt.is_disabled()
    assert "Forward, layer 1" in headings[1] and "Backward, layer 4" in headings[6]
    assert "The update" in headings[-1]
    assert "J after the update" in page.inner_text("body")
    back = page.get_by_role("button", name="◀ Back")
    for n in range(STEPS - 1, 0, -1):
        back.click()
        wait_for_step(page, n)
        assert step_heading(page) == headings[n - 1]
    assert back.is_disabled()
    assert_no_errors(page)


def screenshot_step(page, path: Path) -> None:
    """The step's heading, equations, shapes and first heatmaps, with Back / Next above."""
    page.get_by_role("button", name="Next ▶").evaluate(SCROLL_TO_TOP)
    wait_settled(page)  # Plotly has finished drawing
    page.screenshot(path=path)


def test_cat_network_steps_and_screenshots(page, tmp_path):
    out = shots(tmp_path)
    open_page(page, "/step")
    wait_for_step(page, 1)
    page.get_by_role("button", name="Next ▶").click()
    wait_for_step(page, 2)
    page.wait_for_selector(".js-plotly-plot")
    screenshot_step(page, out / "step_through.png")
    page.get_by_text("The cat network").click()
    page.get_by_text("Too large to show whole").first.wait_for(timeout=60_000)
    wait_for_app(page)
    text = page.inner_text("body")
    assert "(20, 12,288)" in text and "(12,288, 209)" in text
    screenshot_step(page, out / "step_through_cat.png")
    for n in range(3, 8):  # to "Backward, layer 4"
        page.get_by_role("button", name="Next ▶").click()
        wait_for_step(page, n)
    assert "Backward, layer 4" in step_heading(page)
    assert_no_errors(page)
    assert (out / "step_through.png").stat().st_size > 20_000


def picture_input(page):
    box = page.locator('[data-testid="stFileUploader"]').filter(has_text="several at once")
    return box.locator('[data-testid="stFileUploaderDropzoneInput"]')


def test_look_inside_a_photo_and_a_diagram_screenshots(page, tmp_path, data):
    out = shots(tmp_path)
    cat = tmp_path / "cat.jpg"
    Image.fromarray(data.test_images[1]).resize((256, 256), Image.BICUBIC).save(cat, quality=92)
    chart = tmp_path / "flowchart.png"
    flowchart().save(chart)
    open_page(page, "/prediction")
    picture_input(page).set_input_files([str(cat), str(chart)])
    page.get_by_text("does not look like the training photos").wait_for()
    wait_for_app(page)
    assert page.get_by_text("does not look like the training photos").count() == 1
    assert page.get_by_text("The model has only seen photos like these").count() == 1
    assert page.get_by_text("No answer to trust").count() == 1  # the diagram: no verdict heading
    page.get_by_text("Look inside: what the network computed").first.click()
    page.get_by_text("From 12,288 numbers to 1").first.wait_for()
    wait_for_app(page)
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=\"stExpander\"] .js-plotly-plot').length >= 2"
    )
    bars = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stExpander"] .js-plotly-plot')]
            .map(g => g._fullData.filter(t => t.type === 'bar').map(t => t.x.length))
            .filter(a => a.length)"""
    )
    assert bars[0] == [20, 7, 5, 1]
    expander = page.locator('[data-testid="stExpander"]').filter(has_text="From 12,288").first
    page.set_viewport_size({"width": 1280, "height": 1300})
    expander.scroll_into_view_if_needed()
    wait_settled(page)  # Plotly has finished drawing
    expander.screenshot(path=out / "look_inside.png")
    warning = page.locator('[data-testid="stAlert"]').filter(has_text="training photos")
    warning.scroll_into_view_if_needed()
    box = page.locator('[data-testid="stHorizontalBlock"]').filter(has=warning).first
    box.screenshot(path=out / "unfamiliar.png")
    assert_no_errors(page)
    for name in ("look_inside", "unfamiliar"):
        img = Image.open(io.BytesIO((out / f"{name}.png").read_bytes()))
        assert img.width > 400 and img.height > 150
