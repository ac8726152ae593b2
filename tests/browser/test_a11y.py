"""WCAG 2.1 AA in Chromium: axe-core over every page and the states that matter (issue 20).

axe-core comes from the PyPI package ``axe-playwright-python`` (the script ships in the wheel,
nothing is downloaded at run time); it runs the WCAG 2.0 and 2.1 level A and AA rules in the
page and every violation fails the test. Every page in both languages, at a phone's 390 px and a
projector's 1280 px, in presenter mode, and after what a class does: a run with each result
tab open, an upload with "look inside" open, Step through at several steps, Your own classes
with pictures, the experiment grid run. ``<html lang>`` is checked on every page and after
every switch.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.a11y_checks import beyond_axe
from tests.browser.conftest import assert_no_errors, open_page, wait_for_app, wait_settled
from tests.browser.test_board import start_class
from tests.browser.test_classes import added, class_input, files
from tests.browser.test_e2e import picture_input, wait_for_title
from tests.browser.test_step_through import wait_for_step
from tests.test_images import PHOTO

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
PATHS = ["/theory", "/training", "/prediction", "/step", "/classes", "/board"]
HTML_LANG = {"en": "en", "zh": "zh-Hans"}
PHONE, PROJECTOR = 390, 1280


@pytest.fixture(scope="module")
def axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.fail("axe-playwright-python is in requirements.txt: pip install -r requirements.txt")
    return Axe()


def violations(axe, page) -> list[str]:
    """axe-core's WCAG A/AA violations on the page once settled, one line per element."""
    page.wait_for_function("() => window.__dnnA11yOn === true")  # the app's script has run
    wait_settled(page)
    found = axe.run(page, options=OPTIONS).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {n['target']} — {n['failureSummary']}"
        for v in found
        for n in v["nodes"]
    ]


# Every chart and picture on the page, with the text a screen reader gets for it: a chart's
# sentence (drawn by ui/shell/a11y.py from its figure) and table, a picture's alt text.
TEXTS_JS = """() => ({
    charts: [...document.querySelectorAll('.js-plotly-plot')].map(g => {
        const box = g.parentElement.parentElement;  // the chart's frame (ui/shell/a11y.py)
        const words = box.querySelector(':scope > .dnn-chart-words');
        const table = box.querySelector(':scope > .dnn-chart-table');
        if (table) table.open = true;  // the table is built when its disclosure opens
        const rows = box.querySelectorAll(':scope > .dnn-chart-table tbody tr');
        return {words: words ? words.textContent : null, table: Boolean(table)};
    }),
    images: [...document.querySelectorAll('[data-testid="stMain"] img')].map(
        i => i.getAttribute('alt')),
})"""
CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_described(page, where: str, lang: str) -> None:
    """Every chart says what it shows, and every picture has alt text, in the page's language."""
    page.wait_for_function(  # the script describes a chart on the frame after it is drawn
        "() => [...document.querySelectorAll('.js-plotly-plot')].every("
        "g => g.parentElement.parentElement.querySelector(':scope > .dnn-chart-words'))"
    )
    texts = page.evaluate(TEXTS_JS)
    for k, chart in enumerate(texts["charts"]):
        assert chart["words"] and len(chart["words"]) > 10, f"{where}: chart {k} has no text"
        assert bool(CJK.search(chart["words"])) == (lang == "zh"), (where, chart["words"])
    for k, alt in enumerate(texts["images"]):
        assert alt and alt.strip(), f"{where}: picture {k} has no alt text"


def assert_accessible(axe, page, where: str, lang: str = "en") -> None:
    """No axe violation, none of the checks beyond axe (tests/browser/a11y_checks.py: headings,
    chart text contrast, charts read as their words, sliders' values), the page's language is
    the visitor's, and no error on the page."""
    # drawn at the end of the run, the script may run a frame after the script state is idle
    page.wait_for_function("l => document.documentElement.lang === l", arg=HTML_LANG[lang])
    assert_described(page, where, lang)
    problems = violations(axe, page)
    assert not problems, f"{where}: {len(problems)} violations\n" + "\n".join(problems)
    beyond = beyond_axe(page)
    assert not beyond, f"{where}: {len(beyond)} problems axe does not see\n" + "\n".join(beyond)
    assert_no_errors(page)


def viewport(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844 if width == PHONE else 800})


@pytest.mark.parametrize("width", [PROJECTOR, PHONE])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PATHS)
def test_every_page_in_both_languages_and_both_widths(axe, page, path, lang, width):
    viewport(page, width)
    open_page(page, f"{path}?lang={lang}")
    assert_accessible(axe, page, f"{path} {lang} {width}px", lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PATHS)
def test_every_page_in_presenter_mode(axe, page, path, lang):
    open_page(page, f"{path}?lang={lang}&present=1")
    assert_accessible(axe, page, f"{path} {lang} presenter", lang)


def test_html_lang_follows_every_switch_and_page(page):
    open_page(page, "/training")
    assert page.evaluate("document.documentElement.lang") == "en"
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("简体中文").click()
    wait_for_title(page, "训练")
    page.wait_for_function("document.documentElement.lang === 'zh-Hans'")
    nav = page.locator('[data-testid="stSidebarNav"]')
    for name, path in (("理论", "theory"), ("是猫吗？", "prediction"), ("逐步演示", "step")):
        nav.get_by_text(name).click()
        page.wait_for_url(re.compile(rf"/{path}(\?.*)?$"))
        wait_for_app(page)
        assert page.evaluate("document.documentElement.lang") == "zh-Hans", name
    sidebar.get_by_text("English").click()
    wait_for_title(page, "One iteration")
    page.wait_for_function("document.documentElement.lang === 'en'")
    page.reload()  # a new session keeps the language of the link
    wait_for_app(page)
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("width", [PROJECTOR, PHONE])
def test_training_after_a_run_with_each_result_tab(axe, page, width):
    viewport(page, width)
    open_page(page, "/training?lang=zh" if width == PHONE else "/training")
    lang = "zh" if width == PHONE else "en"
    train, finished = ("▶ 训练", "完成：2500") if lang == "zh" else ("▶ Train", "Finished: 2500")
    page.get_by_role("button", name=train).click()
    page.get_by_text(finished).first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert_accessible(axe, page, f"training after a run {width}px", lang)
    tabs = page.get_by_role("tab")
    for k in range(tabs.count()):
        name = tabs.nth(k).inner_text()
        tabs.nth(k).click()
        page.wait_for_function(
            "n => [...document.querySelectorAll('[role=tab]')].find(t => t.innerText === n)"
            ".getAttribute('aria-selected') === 'true'",
            arg=name,
        )
        wait_for_app(page)
        if k == 0:  # the comparison with the accuracies on
            page.locator(".st-key-compare_accuracy label").first.click()
            wait_for_app(page)
        assert_accessible(axe, page, f"training, tab {name!r} {width}px", lang)


@pytest.mark.parametrize(
    "framing,verdict,inside",
    [
        ("crop", "P is fairly far from 0.5.", "What the network looked at."),
        # photo.jpg shrunk whole into the square silences layer 2: notices instead of a map
        ("fit", "Layer 2 went silent", "No pixel changes P here."),
    ],
)
def test_prediction_after_an_upload_with_look_inside_open(axe, page, framing, verdict, inside):
    open_page(page, f"/prediction?frame={framing}")
    picture_input(page).set_input_files(str(PHOTO))
    page.get_by_text("what the model sees (64×64)").wait_for()
    page.get_by_text(verdict).wait_for()
    wait_for_app(page)
    page.get_by_text("Look inside").first.click()
    page.get_by_text(inside).first.wait_for()
    wait_for_app(page)
    assert_accessible(axe, page, f"prediction ({framing}) with look inside open")
    viewport(page, PHONE)
    assert_accessible(axe, page, f"prediction ({framing}) with look inside open, phone")


def test_prediction_after_two_uploads_of_one_picture(axe, page, tmp_path):
    """Two verdicts with the same words: two headings at the level under the page's title, no
    two with one id and no "link to heading" anchors (tests/browser/a11y_checks.py)."""
    open_page(page, "/prediction")
    twin = tmp_path / "twin.jpg"
    twin.write_bytes(PHOTO.read_bytes())
    picture_input(page).set_input_files([str(PHOTO), str(twin)])
    page.wait_for_function(  # the same verdict twice
        "() => { const h = [...document.querySelectorAll('[data-testid=stMain] h2')];"
        " return h.length === 2 && h[0].innerText === h[1].innerText; }"
    )
    wait_for_app(page)
    assert_accessible(axe, page, "prediction with two uploads of one picture")


def test_step_through_at_several_steps(axe, page):
    open_page(page, "/step")
    wait_for_step(page, 1)
    nxt = page.get_by_role("button", name="Next ▶")
    for n in range(2, 12):
        nxt.click()
        wait_for_step(page, n)
        if n in (2, 6, 7, 11):  # forward, cost, backward, update
            assert_accessible(axe, page, f"step {n}")


def test_your_own_classes_with_pictures_trained(axe, page, tmp_path):
    open_page(page, "/classes")
    class_input(page, 0).set_input_files(files(tmp_path, "warm", range(5)))
    added(page, "“cat”: 5 added.")
    class_input(page, 1).set_input_files(files(tmp_path, "cool", range(5)))
    added(page, "“not cat”: 5 added.")
    assert_accessible(axe, page, "classes with pictures")
    page.get_by_role("button", name="▶ Train").click()
    page.get_by_text("Finished: 2500 iterations").wait_for(timeout=60_000)
    wait_for_app(page)
    assert_accessible(axe, page, "classes trained")


def test_the_grid_run(axe, page):
    open_page(page, "/training")
    page.get_by_text("Open the experiment grid").click()
    wait_for_app(page)
    page.get_by_role("button", name="▦ Run the grid").click()
    page.get_by_text(re.compile(r"Grid finished: \d+ runs")).wait_for(timeout=120_000)
    wait_for_app(page)
    assert_accessible(axe, page, "the grid run")


@pytest.mark.parametrize("width", [PROJECTOR, PHONE])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_class_board_with_a_class_started(axe, page, lang, width):
    """The teacher's board once a class is on: code, join link, QR code, the live scatter."""
    viewport(page, width)
    open_page(page, f"/board?lang={lang}")
    page.locator(".st-key-board_start button").click()
    page.locator(".st-key-class_code").wait_for()
    page.locator(".st-key-board_scatter .js-plotly-plot").wait_for()
    wait_for_app(page)
    assert_accessible(axe, page, f"/board started {lang} {width}px", lang)


@pytest.mark.parametrize("width", [PROJECTOR, PHONE])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_students_page_with_the_teachers_question_open(axe, browser, server, page, lang, width):
    """A joined student's Training page with a question: in the sidebar, and on a phone on top."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=server)
    try:
        teacher = context.new_page()
        code = start_class(teacher)
        teacher.locator(".st-key-board_ask button").click()
        teacher.locator(".st-key-board_question").wait_for()
        viewport(page, width)
        open_page(page, f"/training?class={code}&lang={lang}")
        page.locator(".st-key-join_name input").fill("Ada")
        page.locator(".st-key-join_button button").click()
        shown = "_main" if width == PHONE else ""
        page.locator(f".st-key-board_student_question{shown} .st-key-answer{shown}_0").wait_for()
        page.locator(f".st-key-answer{shown}_1 button").click()
        mine = re.compile("Your answer|你的回答")
        page.locator(f".st-key-board_student_question{shown}").get_by_text(mine).wait_for()
        wait_for_app(page)
        wait_settled(page)
        assert_accessible(axe, page, f"a student's question {lang} {width}px", lang)
    finally:
        context.close()
