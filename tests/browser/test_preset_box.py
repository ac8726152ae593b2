"""The Training page's Preset box at a projector's 1280 px: the chosen preset is read whole."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

# The select box's shown value (an <input>): its text, and whether that text is wider than the
# box (Chromium's scrollWidth of an input counts its whole text).
SHOWN_VALUE_JS = """(box) => {
    const input = box.querySelector('input[role="combobox"]');
    return [input.value, input.scrollWidth > input.clientWidth + 1];
}"""


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_the_chosen_preset_is_not_cut(browser, server, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=server)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        open_page(page, "/training")
        box = page.get_by_test_id("stSelectbox").filter(has_text="Preset")
        shown = box.evaluate(SHOWN_VALUE_JS)
        assert shown == ["Lesson: 4-layer", False], shown
        sizes = page.locator(".st-key-preset_dims")
        assert sizes.inner_text() == "Layer sizes [12288, 20, 7, 5, 1]"
        cut = sizes.locator("p").evaluate("p => p.scrollWidth > p.clientWidth + 1")
        assert not cut
    finally:
        context.close()
