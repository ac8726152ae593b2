"""A wide photo in Chromium: the square the network gets is drawn on it, and both framings.

Issue 19: a wide photo with the cat on the left was cut to its centre square without a word,
and the network saw only grass. Now the photo shows the square, and "Fit whole picture" puts
all of it in; the link keeps the choice.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from tests.browser.conftest import assert_no_errors, open_page, wait_for_app, wait_settled
from ui.core.pixels import OUTLINE

pytestmark = pytest.mark.browser
SHOT_DIR = os.environ.get("DNN_SCREENSHOT_DIR")


def wide_photo(data, path: Path) -> Path:
    """A 3:1 'photo': a test cat on the left, grass to its right (from the data set's pixels)."""
    cat = Image.fromarray(data.test_images[1]).resize((200, 200), Image.BICUBIC)
    rng = np.random.RandomState(0)
    grass = np.clip(rng.normal((70, 140, 60), 40, (200, 600, 3)), 0, 255).astype(np.uint8)
    scene = Image.fromarray(grass).filter(ImageFilter.GaussianBlur(2))  # blades, not noise
    scene.paste(cat, (0, 0))
    scene.save(path, "JPEG", quality=90)
    return path


def preview(page):
    """The uploaded picture as shown (found by its caption), and its rendered pixels."""
    box = page.locator('[data-testid="stImage"]').filter(has_text="wide.jpg")
    img = box.locator("img")
    img.wait_for()
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())
    size = img.evaluate("i => [i.naturalWidth, i.naturalHeight]")
    pixels = np.asarray(Image.open(io.BytesIO(img.screenshot())).convert("RGB")).astype(int)
    return box, size, pixels


def is_outline(pixel) -> bool:
    return bool(np.abs(pixel - np.array(OUTLINE)).max() <= 60)


def test_a_wide_photo_shows_its_square_and_both_framings(page, data, tmp_path):
    open_page(page, "/prediction")
    choice = page.locator(".st-key-framing")
    assert choice.get_by_text("Centre square").is_visible()
    assert choice.get_by_text("Fit whole picture").is_visible()
    upload = page.locator(".st-key-image_upload").locator(
        '[data-testid="stFileUploaderDropzoneInput"]'
    )
    upload.set_input_files(str(wide_photo(data, tmp_path / "wide.jpg")))
    page.get_by_text("what the model sees (64×64)").wait_for()
    wait_settled(page)
    box, size, pixels = preview(page)
    assert size == [360, 120]  # the whole photo, 3:1 …
    assert page.get_by_text("the orange square is what the network gets").is_visible()
    h, w, _ = pixels.shape
    row = pixels[h // 2]
    edges = [x for x in range(w) if is_outline(row[x])]
    assert edges and abs(edges[0] - w / 3) < w * 0.03  # … with the square's left side at 1/3
    assert abs(edges[-1] - 2 * w / 3) < w * 0.03  # … and its right side at 2/3
    assert pixels[h // 2, w // 6].mean() < row[w // 2].mean()  # the cut-off cat is darkened
    if SHOT_DIR:  # the verdict, the photo with its square and the choice under them
        Path(SHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1280, "height": 1400})
        wait_settled(page)
        page.locator('[data-testid="stMain"]').screenshot(path=f"{SHOT_DIR}/framing.png")
        page.set_viewport_size({"width": 1280, "height": 800})

    choice.get_by_text("Fit whole picture").click()
    page.get_by_text("the whole picture is shrunk into the orange square").wait_for()
    wait_settled(page)
    box, size, pixels = preview(page)
    assert size == [360, 360]  # the padded square
    h, w, _ = pixels.shape
    top, side = pixels[:4, w // 2], pixels[h // 2, :4]  # the frame, drawn smaller than sent
    assert any(map(is_outline, top)) and any(map(is_outline, side))  # framed all round
    assert "frame=fit" in page.url
    assert_no_errors(page)

    page.goto(page.url.replace("/prediction", "/classes"))  # the link keeps the choice
    wait_for_app(page)
    page.locator(".st-key-framing").wait_for()
    fit = page.locator(".st-key-framing").get_by_role("radio", name="Fit whole picture")
    page.wait_for_function("e => e.checked", arg=fit.element_handle())
