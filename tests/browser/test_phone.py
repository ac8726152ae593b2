"""The app on a phone (390×844 CSS pixels) in headless Chromium: nothing is cut off sideways.

Every visible element of the main content is measured against the viewport. An element may be
wider than the screen only inside a box that scrolls sideways on purpose (a long equation, the
dimension table, the network diagram of a deep net) — and such a box must itself fit.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import VIEWPORT, assert_no_errors, open_page, wait_for_app
from tests.browser.test_board import start_class

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")

# For each visible element of the main area: is it outside the viewport (and not inside a box
# that scrolls sideways), or does it hide part of its own content (overflow hidden / clip)?
MEASURE_JS = """() => {
    const vw = document.documentElement.clientWidth;
    const main = document.querySelector('[data-testid="stMain"]');
    const name = el => {
        const id = el.getAttribute('data-testid');
        const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
        const text = (el.innerText || el.textContent || '').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}${id ? '[' + id + ']' : ''}${cls ? '.' + cls : ''}`
            + ` "${text}"`;
    };
    const scroller = el => {
        for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if (o === 'auto' || o === 'scroll') return a;
        }
        return null;
    };
    const problems = [];
    for (const el of main.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;
        if (el.closest('.katex-mathml')) continue;  // KaTeX's copy for screen readers
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none') continue;
        if (!scroller(el) && (r.left < -1 || r.right > vw + 1)) {
            problems.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
        }
        if (el.tagName === 'text' && el.ownerSVGElement) {  // a chart's text, cut by its chart
            const b = (el.closest('svg.main-svg') || el.ownerSVGElement).getBoundingClientRect();
            if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1
                    || r.bottom > b.bottom + 1) {
                problems.push(`${name(el)} is cut by its chart's edge`);
            }
        }
        const o = s.overflowX;
        if ((o === 'hidden' || o === 'clip') && el.scrollWidth > el.clientWidth + 2
                && s.textOverflow !== 'ellipsis') {
            problems.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px of itself`);
        }
    }
    for (const box of [document.documentElement, main]) {
        if (box.scrollWidth > vw + 1) {
            problems.push(`the page scrolls sideways: ${box.scrollWidth} px in ${vw} px`);
        }
    }
    return problems;
}"""


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(
        viewport=PHONE, base_url=server, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    context.grant_permissions(["camera"], origin=server)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def shot(page, name: str, tmp_path: Path) -> None:
    """A screenshot of what the phone shows, into $DNN_SCREENSHOT_DIR when set."""
    out = Path(SHOT_DIR) if SHOT_DIR else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=out / f"{name}.png")
    assert (out / f"{name}.png").stat().st_size > 10_000


# Finite CSS transitions and animations still running (a progress bar's fill slides in from the
# left for a moment after a run; a spinner's endless turn is not waited for).
SETTLED_JS = """() => document.getAnimations().every(
    a => a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"""


def assert_fits(page, where: str) -> None:
    """Nothing in the main area is cut sideways at phone width, once the page has settled."""
    wait_for_app(page)
    page.wait_for_function(SETTLED_JS)
    problems = page.evaluate(MEASURE_JS)
    assert not problems, f"{where}:\n" + "\n".join(problems)


# The network diagram's layer labels, as drawn: pairs of labels whose boxes intersect.
LABEL_OVERLAPS_JS = """() => {
    const boxes = [...document.querySelectorAll('.st-key-network_box g.annotation')]
        .filter(g => (g.textContent || '').includes('['))  // layer labels, not the "⋮"
        .map(g => [g.textContent, g.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, r] = boxes[i], [b, q] = boxes[j];
        if (r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom) {
            out.push(`${a} / ${b}`);
        }
    }
    return [boxes.length, out];
}"""

# Display equations wider than their box (they would have to be scrolled to be read).
WIDE_EQUATIONS_JS = """() => [...document.querySelectorAll('.katex-display')]
    .filter(e => e.scrollWidth > e.clientWidth + 4).map(e => e.innerText.slice(0, 60))"""


def set_layer_sizes(page, sizes: str) -> None:
    box = page.locator(".st-key-dims_arch input")  # not the sidebar's class code box
    box.fill(sizes)
    box.press("Enter")
    wait_for_app(page)


def diagram_labels(page, expected: int) -> list[str]:
    page.wait_for_function(f"({LABEL_OVERLAPS_JS})()[0] === {expected}")
    return page.evaluate(LABEL_OVERLAPS_JS)[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_theory_fits_a_phone(phone, tmp_path, lang):
    open_page(phone, "/")
    if lang == "zh":
        phone.get_by_test_id("stExpandSidebarButton").click()
        phone.locator('[data-testid="stSidebar"]').get_by_text("简体中文").click()
        phone.wait_for_function("document.querySelector('h1').innerText.includes('深层')")
        phone.keyboard.press("Escape")
        wait_for_app(phone)
    phone.locator(".katex-display").first.wait_for()
    phone.locator(".js-plotly-plot").first.wait_for()
    assert_fits(phone, f"theory ({lang})")
    # every display equation is readable without scrolling it sideways
    assert phone.evaluate(WIDE_EQUATIONS_JS) == []
    assert diagram_labels(phone, 5) == []  # the lesson's network
    if lang == "en":
        shot(phone, "phone_theory", tmp_path)
        phone.locator(".katex-display").nth(5).scroll_into_view_if_needed()
        shot(phone, "phone_theory_equations", tmp_path)
    # a deep network (10 layers, typed with spaces): its labels still do not overlap; the
    # diagram scrolls inside its own box and the page still fits
    set_layer_sizes(phone, "12288 512 512 512 512 512 512 512 512 512 1")
    assert diagram_labels(phone, 11) == []
    assert_fits(phone, f"theory ({lang}), a 10-layer network")
    box = phone.locator(".st-key-network_box")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # it does scroll, inside itself
    if lang == "en":
        box.scroll_into_view_if_needed()
        shot(phone, "phone_theory_diagram", tmp_path)
    assert_no_errors(phone)


# The training chart's legend entries that the chart's toolbars (Plotly's modebar, Streamlit's
# element toolbar; both shown on a tap) would cover, and how many entries were measured.
COVERED_LEGEND_JS = """() => {
    const chart = document.querySelector('[data-testid="stPlotlyChart"]');
    const cover = [...chart.parentElement.querySelectorAll(
        '.modebar, [data-testid="stElementToolbar"]')].map(e => e.getBoundingClientRect());
    const entries = [...chart.querySelectorAll('.infolayer .legend .traces')];  // not the hover box
    const covered = entries.filter(e => {
        const r = e.getBoundingClientRect();
        return cover.some(b => b.width > 0 && r.left < b.right && b.left < r.right
            && r.top < b.bottom && b.top < r.bottom);
    }).map(e => e.textContent);
    return [entries.length, covered];
}"""


def test_training_fits_a_phone_before_and_after_a_run(phone, tmp_path):
    open_page(phone, "/training")
    assert_fits(phone, "training, no run yet")
    phone.get_by_role("button", name="▶ Train").click()
    phone.get_by_text("Finished: 2500 iterations").wait_for()
    wait_for_app(phone)
    assert_fits(phone, "training, after a run")
    chart = phone.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    chart.tap()  # a tap shows the toolbars: they do not cover the legend
    assert phone.evaluate(COVERED_LEGEND_JS) == [3, []]
    shot(phone, "phone_training", tmp_path)
    for tab in ("Compare runs", "Confusion matrix", "Mistakes", "First-layer weights"):
        phone.get_by_role("tab", name=tab).click()
        assert_fits(phone, f"training, tab {tab}")
    assert_no_errors(phone)


def picture_input(page):
    box = page.locator('[data-testid="stFileUploader"]').filter(has_text="several at once")
    return box.locator('[data-testid="stFileUploaderDropzoneInput"]')


def test_prediction_fits_a_phone_and_shows_the_verdict_first(phone, data, tmp_path):
    open_page(phone, "/prediction")
    assert_fits(phone, "prediction, nothing uploaded")
    photo = tmp_path / "cat.jpg"  # a test-set cat, enlarged as a phone photo would be
    Image.fromarray(data.test_images[1]).resize((768, 768), Image.BICUBIC).save(photo)
    picture_input(phone).set_input_files(str(photo))
    phone.wait_for_selector(".js-plotly-plot")
    assert_fits(phone, "prediction of an uploaded picture")
    # the verdict and the P(cat) bar are on the first screen, before any scrolling
    assert phone.evaluate("window.scrollY") == 0
    verdict = phone.locator('[data-testid="stMain"] h2').filter(has_text="Cat")
    for element in (verdict, phone.locator(".js-plotly-plot")):
        box = element.first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    # what the network sees: 64×64 sent as 256×256, each pixel a 4×4 square
    seen = phone.locator('[data-testid="stImage"]').filter(has_text="what the model sees")
    assert seen.locator("img").evaluate("i => [i.naturalWidth, i.naturalHeight]") == [256, 256]
    shot(phone, "phone_prediction", tmp_path)
    phone.get_by_role("tab", name="Test set").click()
    assert_fits(phone, "prediction, test set")
    phone.get_by_role("tab", name="Camera").click()
    phone.get_by_text("Use the camera").click()
    phone.locator('[data-testid="stCameraInputButton"]').wait_for()
    # Streamlit's camera first plays the fake camera's 3840-px stream for a moment, then asks
    # for one as wide as its box (its width attribute goes from -1 to that): measure after
    phone.wait_for_function(
        "(v => v && v.readyState >= 2 && v.getAttribute('width') !== '-1')"
        "(document.querySelector('video'))"
    )
    assert_fits(phone, "prediction, camera")
    assert_no_errors(phone)


def test_a_student_on_a_phone_answers_at_the_top_of_the_page_sidebar_folded(
    browser, server, phone, tmp_path
):
    """A class's question on a phone: shown above the page, answered there, counted once."""
    context = browser.new_context(viewport=VIEWPORT, base_url=server)
    try:
        teacher = context.new_page()
        teacher.set_default_timeout(30_000)
        code = start_class(teacher)
        open_page(phone, f"/training?class={code}")  # the QR code's link
        phone.locator(".st-key-join_name input").fill("Pip")
        phone.locator(".st-key-join_button button").tap()
        phone.locator(".st-key-board_join_box").wait_for(state="detached")  # joined
        wait_for_app(phone)
        assert not phone.locator(".st-key-board_phone_question").is_visible()  # no question yet

        teacher.locator(".st-key-board_ask button").click()
        question = phone.locator(".st-key-board_student_question_main")
        question.wait_for()  # by itself, no reload
        assert phone.get_by_test_id("stExpandSidebarButton").is_visible()  # still folded
        choice = phone.locator(".st-key-answer_main_1 button")
        r = choice.bounding_box()  # on the first screen, within its width
        assert r["x"] >= 0 and r["x"] + r["width"] <= PHONE["width"]
        assert 0 <= r["y"] and r["y"] + r["height"] <= PHONE["height"]
        assert question.bounding_box()["y"] < phone.locator("h1").first.bounding_box()["y"]
        choice.tap()
        question.get_by_text("Your answer:").wait_for()
        teacher.locator(".st-key-board_question", has_text=re.compile(r"\b1 answer\b")).wait_for()
        assert_fits(phone, "the training page with a class's question")
        shot(phone, "phone_question", tmp_path)
        assert_no_errors(phone)
        phone.set_viewport_size({"width": 1280, "height": 800})  # a wide screen: the sidebar's
        phone.locator(".st-key-board_phone_question").wait_for(state="hidden")
    finally:
        context.close()
