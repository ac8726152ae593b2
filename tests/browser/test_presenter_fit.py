"""Presenter mode on a projector, measured in Chromium: nothing clipped, Back/Next on screen.

At 1280×720 and 1920×1080, every page opened with ``?present=1`` has its sidebar collapsed, and
every visible element of the main area is measured: none may reach past the screen's edges,
and no box may hide or scroll away part of its content (equations (6) and (7) lost their right
end at 1280×720, code lines ran off the page). On Step through, the Back and Next buttons and
the step's heading are on the first screen after each Next, and Back/Next stay on screen when
the presenter has scrolled down to the heatmaps.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_no_errors, wait_for_app, wait_settled

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1920, 1080)]
PAGES = ["/theory", "/theory?lang=zh", "/training", "/prediction", "/classes", "/step"]
# Every visible element of the main area: outside the screen sideways, or clipping itself?
CLIPPED_JS = """() => {
    const vw = document.documentElement.clientWidth;
    const main = document.querySelector('[data-testid="stMain"]');
    const name = el => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} `
        + `"${(el.innerText || el.textContent || '').trim().slice(0, 40)}"`;
    const problems = [];
    for (const el of main.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || el.closest('.katex-mathml')) continue;
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none') continue;
        if (r.left < -1 || r.right > vw + 1) {
            problems.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
        }
        if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)
                && el.scrollWidth > el.clientWidth + 2 && s.textOverflow !== 'ellipsis') {
            problems.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px of itself`);
        }
    }
    if (document.documentElement.scrollWidth > vw + 1) problems.push('the page scrolls sideways');
    return problems;
}"""
# Chinese text: a comma, full stop … that starts a line (after an equation or a word)
LEADING_PUNCTUATION_JS = """() => {
  const out = [];  // lines that start with CJK punctuation
  const main = document.querySelector('[data-testid="stMain"]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    if (n.parentElement.closest('.katex')) continue;
    const text = n.textContent;
    for (let i = 0; i < text.length; i++) {
      if (!'，。、；：）！？'.includes(text[i])) continue;
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
      const box = r.getClientRects()[0]; if (!box) continue;
      // the previous character (or element) on the page
      let prev = null;
      if (i > 0) {
        const q = document.createRange(); q.setStart(n, i - 1); q.setEnd(n, i);
        prev = q.getClientRects()[0];
      } else {
        const e = n.previousSibling;
        if (e && e.getClientRects) { const rs = e.getClientRects(); prev = rs[rs.length - 1]; }
      }
      if (prev && box.top > prev.bottom - 2) out.push(text.slice(Math.max(0, i - 10), i + 15));
    }
  }
  return out;
}"""
SIDEBAR_JS = """() => {
    const s = document.querySelector('[data-testid="stSidebar"]');
    return s ? s.getBoundingClientRect().right : 0;
}"""
NAV_JS = """() => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; };
    const button = text => [...document.querySelectorAll('[data-testid="stMain"] button')]
        .find(b => b.innerText.includes(text));
    return {back: box(button('Back')), next: box(button('Next')),
            heading: box(document.querySelector('[data-testid="stMain"] h2')),
            header: box(document.querySelector('[data-testid="stHeader"]')),
            height: window.innerHeight};
}"""


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def projector(request, browser, server, warmed):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=server)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def open_presenting(page, path: str) -> None:
    page.goto(path + ("&" if "?" in path else "?") + "present=1")
    wait_for_app(page, 60_000)
    page.locator("h1").first.wait_for()
    wait_settled(page, 60_000)


@pytest.mark.parametrize("path", PAGES)
def test_no_page_clips_anything_and_the_sidebar_is_folded(projector, path):
    open_presenting(projector, path)
    assert projector.evaluate(SIDEBAR_JS) <= 1  # collapsed: the projector's whole width
    assert projector.evaluate(CLIPPED_JS) == []
    errors = projector.locator('[data-testid="stAlertContentError"]').all_inner_texts()
    assert errors == []
    assert_no_errors(projector)


@pytest.mark.parametrize("path", ["/theory?lang=zh", "/step?lang=zh", "/training?lang=zh"])
def test_no_chinese_line_starts_with_punctuation(projector, path):
    open_presenting(projector, path)
    assert projector.evaluate(LEADING_PUNCTUATION_JS) == []


def on_screen(box, view) -> bool:
    return box[0] >= view["header"][1] - 1 and box[1] <= view["height"]


def next_step(page, k: int) -> None:
    """Click Next; wait until step ``k`` is drawn."""
    page.get_by_role("button", name="Next").click()
    heading = page.locator('[data-testid="stMain"] h2').first
    page.wait_for_function(
        "k => (document.querySelector('[data-testid=\"stMain\"] h2') || {}).innerText"
        "?.startsWith(k + '/')",
        arg=k,
    )
    wait_settled(page, 60_000)
    assert heading.inner_text().startswith(f"{k}/")


def test_step_through_keeps_back_next_and_the_step_on_screen(projector):
    open_presenting(projector, "/step")
    for k in (2, 3, 4):
        next_step(projector, k)
        view = projector.evaluate(NAV_JS)
        assert on_screen(view["back"], view) and on_screen(view["next"], view), view
        assert view["heading"][0] < view["height"] - 150, view  # the step starts on screen
    scrolled = projector.locator('[data-testid="stMain"]').evaluate(
        "m => { m.scrollTo(0, m.scrollHeight); return m.scrollTop; }"  # down to the heatmaps
    )
    view = projector.evaluate(NAV_JS)
    assert on_screen(view["back"], view) and on_screen(view["next"], view), (scrolled, view)
    next_step(projector, 5)  # and it can be clicked there
    assert projector.locator('[data-testid="stAlertContentError"]').all_inner_texts() == []
    assert_no_errors(projector)
