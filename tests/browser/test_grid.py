"""The experiment grid in Chromium: a 3 × 3 grid runs to its heatmap on the training page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import assert_no_errors, open_page, wait_for_app, wait_settled

pytestmark = pytest.mark.browser

SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")
HEATMAP_JS = """() => {
    const plots = [...document.querySelectorAll('.st-key-grid_section .js-plotly-plot')];
    const heat = plots.map(g => g._fullData && g._fullData[0]).find(t => t && t.type === 'heatmap');
    return heat ? {z: heat.z.map(row => [...row]), text: heat.text.map(row => [...row])} : null;
}"""


def test_a_3x3_grid_shows_its_heatmap(page, tmp_path):
    open_page(page, "/training")
    page.get_by_text("Open the experiment grid").click()
    wait_for_app(page)
    box = page.get_by_role("textbox", name="Values of learning rate α")
    box.fill("0.005, 0.0075, 0.01")
    box.press("Enter")
    page.get_by_text("9 runs, about").wait_for()
    wait_for_app(page)
    page.get_by_role("button", name="▦ Run the grid").click()
    page.get_by_text("Grid finished: 9 runs").wait_for(timeout=120_000)
    wait_for_app(page)
    heat = page.evaluate(HEATMAP_JS)
    assert heat is not None and len(heat["z"]) == 3 and all(len(row) == 3 for row in heat["z"])
    # rows [7], [20, 7], [20, 7, 5]; the middle column α = 0.0075 holds the lesson's runs
    assert heat["z"][0][1] == 0.74 and heat["z"][2][1] == 0.8
    assert heat["text"][2][1] == "80.0%"
    assert page.get_by_role("button", name="Load the best run as the current model").is_visible()
    assert_no_errors(page)
    page.set_viewport_size({"width": 1280, "height": 2400})  # the whole section on screen
    section = page.locator(".st-key-grid_section")
    section.scroll_into_view_if_needed()
    wait_settled(page)  # the charts' relayout to the new size
    out = Path(SHOT_DIR) if SHOT_DIR else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    section.screenshot(path=out / "grid.png")
    assert (out / "grid.png").stat().st_size > 20_000
