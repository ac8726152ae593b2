"""Links in Chromium: a shared URL reproduces the sender's page; language, reload, hostile URLs."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import VIEWPORT, assert_no_errors, open_page, wait_for_app

pytestmark = pytest.mark.browser

THEORY_EN, THEORY_ZH = "Deep (L-layer) neural networks", "深层（L 层）神经网络"
TRAINING_ZH = "训练深层神经网络"


def metrics(page) -> list[str]:
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


def fresh(browser, server, **options):
    """A new browser context (no cookies, no storage: another computer) and its page."""
    context = browser.new_context(viewport=VIEWPORT, base_url=server, **options)
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_runs(page, n: int) -> None:
    page.wait_for_function(
        "n => (new URL(location.href).searchParams.get('runs') || '').split('~').length === n",
        arg=n,
    )


def test_a_link_with_settings_and_runs_reproduces_the_senders_page(page, browser, server):
    from playwright.sync_api import expect  # installed whenever the browser tests run

    open_page(page, "/training")
    page.get_by_role("button", name="▶ Train").click()
    page.get_by_text("Finished: 2500 iterations").wait_for()
    wait_for_app(page)
    box = page.get_by_role("spinbutton", name="Iterations", exact=True)
    box.fill("777")
    box.press("Enter")
    page.wait_for_url("**it=777**")
    wait_for_app(page)
    page.get_by_role("button", name="▶ Train").click()
    page.get_by_text("Finished: 777 iterations").wait_for()
    wait_for_app(page)
    wait_for_runs(page, 2)
    sent, url = metrics(page), page.url
    table = page.locator('[data-testid="stDataFrame"]').first.inner_text()
    assert query_of(page)["runs"] == ["dims.12288-20-7-5-1_it.2500~dims.12288-20-7-5-1_it.777"]
    context, other = fresh(browser, server)
    try:
        other.goto(url)
        wait_for_app(other)
        other.get_by_text("Finished: 777 iterations").wait_for()
        other.locator('[data-testid="stMetricValue"]').nth(3).wait_for()
        wait_for_runs(other, 2)
        assert metrics(other)[:3] == sent[:3]
        # the box as the page settles (not one early read): 777, never the widget's minimum 0
        expect(other.get_by_role("spinbutton", name="Iterations", exact=True)).to_have_value("777")
        other_table = other.locator('[data-testid="stDataFrame"]').first.inner_text()
        assert other_table == table  # the comparison: same runs, same numbers
        assert_no_errors(other)
    finally:
        context.close()


def test_reload_keeps_runs_and_language(page):
    open_page(page, "/training")
    page.locator('[data-testid="stSidebar"]').get_by_text("简体中文").click()
    page.wait_for_url("**lang=zh**")
    wait_for_app(page)
    page.get_by_role("button", name="▶ 训练").click()
    page.locator('[data-testid="stMetricValue"]').nth(3).wait_for()
    wait_for_app(page)
    wait_for_runs(page, 1)
    before = metrics(page)
    page.reload()
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    assert page.locator("h1").first.inner_text() == TRAINING_ZH
    page.locator('[data-testid="stMetricValue"]').nth(3).wait_for()
    assert metrics(page)[:3] == before[:3] == ["98.6%", "80.0%", "2,500"]
    assert page.title() == "深层神经网络，现场训练"
    assert_no_errors(page)


@pytest.mark.parametrize(
    "locale, path, title",
    [("en-US", "/theory?lang=zh", THEORY_ZH), ("zh-CN", "/", THEORY_ZH), ("en-US", "/", THEORY_EN)],
)
def test_language_from_the_link_or_the_browser(browser, server, locale, path, title):
    context, page = fresh(browser, server, locale=locale)
    try:
        open_page(page, path)
        assert page.locator("h1").first.inner_text() == title
        zh = title == THEORY_ZH
        page.wait_for_url("**/theory?lang=" + ("zh" if zh else "en"))
        assert page.title() == ("深层神经网络，现场训练" if zh else "Deep neural networks, live")
        assert query_of(page)["lang"] == ["zh" if zh else "en"]
        assert_no_errors(page)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/theory", "/training", "/prediction"])
def test_every_page_has_its_own_url(page, path):
    open_page(page, path)
    assert urlsplit(page.url).path == path
    assert "Page not found" not in page.inner_text("body")
    assert_no_errors(page)


def test_the_root_url_goes_on_to_theory(page):
    open_page(page, "/?lang=en")
    page.wait_for_url("**/theory?lang=en")
    assert page.locator("h1").first.inner_text() == THEORY_EN


HOSTILE = [
    "/training?dims=" + "-".join(["12288", *["5"] * 3000, "1"]),
    "/training?lr=NaN&it=-7&seed=99999999999&batch=full&act=%3Cscript%3E",
    "/training?runs=" + "~".join(["dims.12288-9999-1_it.20_done.999"] * 40),
    "/training?runs=%F0%9F%90%B1_%00_..~~~&cmp=1-2-x&present=maybe",
    "/prediction?lang=xx&" + "&".join(f"k{i}=v" for i in range(200)),
    "/theory?lang=zh&lang=en&" + "x" * 5000 + "=1",
]


@pytest.mark.parametrize("path", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_query_strings_give_a_note_not_an_exception(page, path):
    open_page(page, path)
    assert_no_errors(page)
    assert page.locator('[data-testid="stAlertContentWarning"]').count() >= 1
    assert "<script>" not in page.inner_text("body")


def test_copy_link_puts_the_pages_url_on_the_clipboard(browser, server):
    context, page = fresh(browser, server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    try:
        open_page(page, "/training?it=300")
        page.get_by_role("button", name="▶ Train").click()
        page.get_by_text("Finished: 300 iterations").wait_for()
        wait_for_app(page)
        wait_for_runs(page, 1)
        button = page.locator('[data-testid="copyLinkButton"]')
        button.click()
        page.wait_for_function("document.querySelector('.dnn-copy-link').dataset.copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.url
        assert "runs=dims.12288-20-7-5-1_it.300" in copied
    finally:
        context.close()


def test_a_link_shows_its_page_with_a_note_while_its_runs_train(page):
    # it opened as a blank page with a progress bar until every run was trained again
    page.goto("/training?runs=dims.12288-256-7-5-1_it.3000~dims.12288-20-7-5-1_it.2500")
    note = page.get_by_text("This link's runs (2) are being trained again")
    note.wait_for()
    assert page.locator("h1").first.is_visible()  # the page is there, above and below the note
    assert page.get_by_text("Pick an architecture and hyperparameters").is_visible()
    # under the note, where the chart will be: not "No run yet", which the note contradicts
    assert page.get_by_text("The link's runs appear here once they are trained").is_visible()
    assert page.get_by_text("No run yet").count() == 0
    note.wait_for(state="detached")  # then the page with the runs, without the note
    page.get_by_text("Finished: 2500 iterations").wait_for()
    page.locator('[data-testid="stMetricValue"]').nth(2).wait_for()
    wait_for_app(page)
    assert metrics(page)[2] == "2,500"
    assert_no_errors(page)
