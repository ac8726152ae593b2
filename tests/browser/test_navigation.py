"""Settings survive every navigation in Chromium: each ordered pair of pages, there and back.

Going to "Your own classes" once wiped the training settings (1 unit, α = 1e-05, 0 iterations,
seed 0, in the widgets and in every link shared afterwards), 3 of 3 fresh tabs in Chromium.
The walk clicks the sidebar's page links as a visitor does and reads the address after each.
"""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import assert_no_errors, open_page, wait_for_app

pytestmark = pytest.mark.browser

NAV = {  # page → its sidebar link
    "theory": "Theory",
    "training": "Training",
    "prediction": "Is it a cat?",
    "classes": "Your own classes",
    "step": "Step through",
}
SET = {"dims": "12288-12-6-1", "lr": "0.05", "it": "1234", "seed": "7"}


def query(page) -> dict[str, str]:
    found = parse_qs(urlsplit(page.url).query)
    return {k: found[k][-1] for k in SET if k in found}


def go(page, name: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(NAV[name], exact=True).click()
    page.wait_for_url(f"**/{name}**")
    wait_for_app(page)
    page.wait_for_selector("h1")


def test_every_pair_of_pages_keeps_the_settings_in_the_address_and_the_widgets(page):
    from playwright.sync_api import expect  # installed whenever the browser tests run

    open_page(page, "/training?" + "&".join(f"{k}={v}" for k, v in SET.items()))
    box = page.get_by_role("spinbutton", name="Iterations", exact=True)
    expect(box).to_have_value("1234")
    wrong = []
    for a, b in itertools.permutations(NAV, 2):
        for name in (a, b, a):  # page → page → back
            go(page, name)
            if query(page) != SET:
                wrong.append((a, b, name, query(page)))
    assert wrong == []
    go(page, "training")
    expect(page.get_by_role("spinbutton", name="Iterations", exact=True)).to_have_value("1234")
    expect(page.get_by_role("spinbutton", name="Random seed", exact=True)).to_have_value("7")
    expect(page.get_by_role("spinbutton", name="n[1]", exact=True)).to_have_value("12")
    expect(page.get_by_role("spinbutton", name="n[2]", exact=True)).to_have_value("6")
    assert_no_errors(page)
