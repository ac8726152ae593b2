"""A real ``streamlit run`` server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import app_server, require

CHROMIUM = os.environ.get("DNN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # a fake camera that always allows access, for st.camera_input
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
VIEWPORT = {"width": 1280, "height": 800}  # a projector


@pytest.fixture(scope="session")
def server(data):
    """One app server for every browser test."""
    yield from app_server()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        require("browser", f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require("browser", "the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def warmed(browser, server):
    """One visit before the first test: a fresh Chromium builds its caches on its first page."""
    context = browser.new_context(viewport=VIEWPORT, base_url=server)
    try:
        open_page(context.new_page(), "/training")
    finally:
        context.close()
    return server


@pytest.fixture
def page(browser, server, warmed):
    context = browser.new_context(viewport=VIEWPORT, base_url=server)
    context.grant_permissions(["camera"], origin=server)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait as Streamlit's own end-to-end tests do: connected, and the script not running."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
        '[data-test-script-state="notRunning"]',
        timeout=timeout,
    )


# The page has settled: no finite CSS animation or transition runs (a spinner's endless turn is
# not waited for), every Plotly chart shown is drawn at the width of its box (after a resize Plotly
# first redraws at a stale width, then at the new one), and the charts' boxes and widths have
# not moved for three animation frames in a row.
SETTLED_JS = """() => {
    const animating = document.getAnimations().some(a => a.playState === 'running'
        && a.effect && a.effect.getComputedTiming().iterations !== Infinity);
    const plots = [...document.querySelectorAll('.js-plotly-plot')]
        .filter(p => p.getBoundingClientRect().width > 0);  // not in a closed tab
    const drawn = plots.every(p => p._fullLayout
        && Math.abs(p._fullLayout.width - p.getBoundingClientRect().width) < 1);
    const layout = JSON.stringify(plots.map(p => {
        const r = p.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height, p._fullLayout && p._fullLayout.width];
    }));
    if (animating || !drawn || layout !== window.__dnnLayout) {
        window.__dnnLayout = layout;
        window.__dnnStill = 0;
        return false;
    }
    return ++window.__dnnStill >= 3;
}"""


def wait_settled(page, timeout: float = 30_000) -> None:
    """Wait until the script is idle and the page has settled (see SETTLED_JS)."""
    wait_for_app(page, timeout)
    page.wait_for_function(SETTLED_JS, polling="raf", timeout=timeout)


def open_page(page, path: str = "/") -> None:
    page.goto(path)
    wait_for_app(page)
    page.wait_for_selector("h1")


def assert_no_errors(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert "Traceback" not in page.inner_text("body")
