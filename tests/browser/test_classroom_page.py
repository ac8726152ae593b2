"""The app in Chromium through the classroom's HAProxy: it loads, light, and never framed elsewhere.

The proxy refuses /_stcore/metrics and gzips text; the page must still load (it needs
/_stcore/host-config, which stays served). Another site's page may not frame it: Chromium
refuses because of ``frame-ancestors 'self'``. Skips without HAProxy or Chromium.
"""

from __future__ import annotations

import pytest

from deploy import proxy
from deploy.classroom import Classroom, free_port
from tests.browser.conftest import VIEWPORT, assert_no_errors, open_page, wait_for_app
from tests.conftest import require


@pytest.fixture(scope="module")
def room(data):
    if proxy.haproxy_binary() is None:
        require("proxy", "haproxy is not installed (apt-get install haproxy)")
    with Classroom(free_port(), replicas=1, bind="127.0.0.1") as r:
        yield r


@pytest.fixture
def context(browser, room):
    ctx = browser.new_context(viewport=VIEWPORT, base_url=room.url)
    yield ctx
    ctx.close()


def test_the_app_loads_through_the_proxy_with_its_scripts_gzipped(context):
    page = context.new_page()
    page.set_default_timeout(60_000)
    scripts = []
    page.on(
        "response",
        lambda r: r.url.endswith(".js") and scripts.append(r.headers.get("content-encoding")),
    )
    open_page(page, "/theory")
    assert_no_errors(page)
    assert len(scripts) > 10 and set(scripts) == {"gzip"}
    open_page(page, "/training")  # another page: the scripts come from the browser's cache
    assert_no_errors(page)


def test_another_site_cannot_frame_the_app(context, room):
    page = context.new_page()
    refused = lambda m: "frame-ancestors" in m.text  # noqa: E731
    with page.expect_console_message(refused, timeout=30_000) as refusal:
        page.set_content(f'<iframe src="{room.url}/theory" width="800" height="600"></iframe>')
    assert "frame-ancestors" in refusal.value.text  # "Refused to frame … frame-ancestors 'self'"
    assert page.frames[1].locator('[data-testid="stApp"]').count() == 0

    # the app's own pages may frame it (same origin)
    page.goto("/theory")
    wait_for_app(page)
    page.evaluate(
        """url => { const f = document.createElement('iframe');
                    f.src = url; f.width = 800; f.height = 600; document.body.append(f); }""",
        f"{room.url}/theory",
    )
    framed = page.frame_locator("iframe").locator('[data-testid="stApp"]')
    framed.wait_for(timeout=60_000)
