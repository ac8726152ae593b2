"""Hostile file names as Chromium draws them: plain text, no link, image, heading or tag.

The AppTest side (tests/test_hostile_names.py) checks the Markdown the server sends; this checks
what Streamlit's own Markdown renderer makes of it in a real browser, for the prediction page's
picture uploader (a refusal and a preview's caption) and an own-classes uploader (a refusal and
a thumbnail's tooltip-free caption).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page, wait_for_app
from tests.class_pictures import picture_bytes

pytestmark = pytest.mark.browser

# file name → the text a reader must see (bidi and zero-width characters gone); no quotes, which
# a browser sends as %22 in a form's file name
NAMES = {
    "[click me](https://evil.example/steal).png": "[click me](https://evil.example/steal).png",
    "![tracker](https://evil.example/p.gif).png": "![tracker](https://evil.example/p.gif).png",
    "# Big ## heading.png": "# Big ## heading.png",
    "<img src=x onerror=alert(1)><b>bold</b>.png": "<img src=x onerror=alert(1)><b>bold</b>.png",
    "**b** _i_ ~~s~~ `c` $x^2$ :red[r] :cat:.png": "**b** _i_ ~~s~~ `c` $x^2$ :red[r] :cat:.png",
    "- www.evil.example me@evil.example.png": "- www.evil.example me@evil.example.png",
    "cat\u202egnp.exe\u200b.png": "catgnp.exe.png",
}
# what markup would have made of a name: any of these inside an element showing one is a failure
MARKUP = (
    "a, img, h1, h2, h3, h4, h5, h6, strong, em, del, code, b, table, li, hr, .katex, span[style]"
)

SHOWN_JS = """([selector, markup]) => [...document.querySelectorAll(selector)].map(e => ({
    text: e.innerText.replace(/\\u00a0/g, ' ').replace(/\\u2060/g, ''),  // joiners: invisible
    markup: [...e.querySelectorAll(markup)].map(m => m.outerHTML.slice(0, 120)),
}))"""


def files(names: dict[str, str], good: bool) -> list[dict]:
    return [
        {
            "name": name,
            "mimeType": "image/png",
            "buffer": picture_bytes("warm", k) if good else b"not a picture",
        }
        for k, name in enumerate(names)
    ]


def shown(page, selector: str, markup: str = MARKUP) -> list[dict]:
    return page.evaluate(SHOWN_JS, [selector, markup])


def test_refused_and_shown_pictures_keep_their_names_plain(page):
    open_page(page, "/prediction")
    box = page.locator(".st-key-image_upload [data-testid='stFileUploaderDropzoneInput']")
    box.set_input_files(files(NAMES, good=False))
    page.locator('[data-testid="stAlertContentError"]').nth(len(NAMES) - 1).wait_for()
    wait_for_app(page)
    errors = shown(page, '[data-testid="stAlertContentError"]', MARKUP.replace("strong, ", ""))
    assert len(errors) == len(NAMES)
    for error, expected in zip(errors, NAMES.values(), strict=True):
        assert error["text"].startswith(expected + " — "), error["text"][:200]
        assert error["markup"] == [], error["markup"]  # the app's own bold is all there is
    strong = shown(page, '[data-testid="stAlertContentError"] strong', "a, img, code")
    assert [s["text"] for s in strong] == list(NAMES.values())
    box.set_input_files(files(NAMES, good=True))
    page.get_by_text("what the model sees").nth(len(NAMES) - 1).wait_for()
    wait_for_app(page)
    captions = shown(page, '[data-testid="stImageCaption"]')
    previews = [c for c in captions if c["text"] in NAMES.values()]
    assert [c["text"] for c in previews] == list(NAMES.values()), [c["text"] for c in captions]
    assert all(c["markup"] == [] for c in captions), captions


def test_a_refused_own_class_picture_keeps_its_name_plain(page):
    open_page(page, "/classes")
    box = page.locator('[class*="st-key-classes_files_0_"]')
    box.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files(NAMES, good=False)
    )
    page.locator('[data-testid="stAlertContentError"]').nth(len(NAMES) - 1).wait_for()
    wait_for_app(page)
    errors = shown(page, '[data-testid="stAlertContentError"]', MARKUP.replace("strong, ", ""))
    assert len(errors) == len(NAMES)
    for error, expected in zip(errors, NAMES.values(), strict=True):
        assert error["text"].startswith(expected + " was not added: "), error["text"][:200]
        assert error["markup"] == [], error["markup"]
