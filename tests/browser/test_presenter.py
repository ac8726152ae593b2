"""Presenter mode in Chromium: the live chart and the four numbers on one projector screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import assert_no_errors, open_page, wait_for_app, wait_settled

pytestmark = pytest.mark.browser

SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")
BOXES_JS = """() => {
    const box = e => { const r = e.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                width: r.width, height: r.height}; };
    const chart = document.querySelector('.st-key-presenter_chart .js-plotly-plot');
    const metrics = [...document.querySelectorAll('[data-testid="stMetric"]')];
    return {chart: chart && box(chart), metrics: metrics.map(box),
            scroll: document.querySelector('[data-testid="stMain"]').scrollTop + window.scrollY,
            width: window.innerWidth, height: window.innerHeight,
            font: parseFloat(getComputedStyle(document.documentElement).fontSize)};
}"""


def visible(box, view) -> bool:
    return (
        box["top"] >= 0
        and box["left"] >= 0
        and box["bottom"] <= view["height"]
        and (box["right"] <= view["width"])
    )


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_chart_and_numbers_fit_one_screen(browser, server, tmp_path, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=server)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_page(page, "/training?present=1")
        page.get_by_role("button", name="▶ Train").click()
        page.get_by_text("Finished: 2500 iterations").wait_for()
        wait_settled(page)  # the chart's last relayout
        out = Path(SHOT_DIR) if SHOT_DIR else tmp_path
        out.mkdir(parents=True, exist_ok=True)
        shot = out / f"presenter_{width}.png"
        page.screenshot(path=shot)
        assert shot.stat().st_size > 20_000
        view = page.evaluate(BOXES_JS)
        assert view["font"] >= 20  # large type
        assert view["scroll"] == 0
        assert view["chart"] and view["chart"]["height"] >= 300, view
        assert visible(view["chart"], view), view
        assert len(view["metrics"]) == 4
        assert all(visible(m, view) for m in view["metrics"]), view
        values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
        assert values[:3] == ["98.6%", "80.0%", "2,500"]
        assert page.get_by_text("Architecture and hyperparameters", exact=False).count() >= 1
        assert not page.get_by_role("spinbutton", name="Iterations", exact=True).is_visible()
        assert_no_errors(page)
    finally:
        context.close()


def test_the_sidebar_toggle_turns_presenter_mode_on_and_the_link_keeps_it(page):
    open_page(page, "/training")
    small = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.locator('[data-testid="stSidebar"]').get_by_text("Presenter mode").click()
    page.wait_for_url("**present=1**")
    wait_for_app(page)
    page.wait_for_function("parseFloat(getComputedStyle(document.documentElement).fontSize) >= 20")
    assert small < 20
    page.reload()
    wait_for_app(page)
    page.wait_for_function("parseFloat(getComputedStyle(document.documentElement).fontSize) >= 20")
    assert_no_errors(page)


def test_theory_in_presenter_mode_has_large_equations(browser, server, tmp_path):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, base_url=server)
    page = context.new_page()
    try:
        open_page(page, "/theory?present=1")
        page.locator(".katex").first.wait_for()
        katex = "document.querySelector('.katex-display .katex')"
        js = f"parseFloat(getComputedStyle({katex}).fontSize)"
        # the presenter style arrives with the script run's elements: wait for it, then measure
        page.wait_for_function(f"({js}) >= 30", timeout=15_000)
        size = page.evaluate(js)
        assert size >= 30  # 1.45 em of 22 px text
        out = Path(SHOT_DIR) if SHOT_DIR else tmp_path
        out.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=out / "presenter_theory.png")
        assert_no_errors(page)
    finally:
        context.close()
