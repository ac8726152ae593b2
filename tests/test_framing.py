"""How a picture becomes 64×64: the centre square or the whole picture, padded (issue 19.3).

The engine's crop and pad on pictures whose every pixel is known, the picture shown with its
square, the choice in the link, and both pages using the same choice (AppTest).
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

import dnn
from dnn.images import frame_box, open_image, square_64
from tests.apptest_helpers import APP, app
from ui.core import framing as framing_link
from ui.core.pixels import OUTLINE, SHADE, framed
from ui.core.url_state import LinkState, encode, parse


def wide_picture(w: int = 300, h: int = 100) -> Image.Image:
    """Three colour blocks side by side: red | green | blue, each h×h (a wide 'photo')."""
    a = np.zeros((h, w, 3), np.uint8)
    third = w // 3
    a[:, :third] = (200, 30, 30)
    a[:, third : 2 * third] = (30, 200, 30)
    a[:, 2 * third :] = (30, 30, 200)
    return Image.fromarray(a)


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_frame_boxes():
    assert frame_box((300, 100), "crop") == (100, 0, 200, 100)  # the middle square
    assert frame_box((100, 300), "crop") == (0, 100, 100, 200)
    assert frame_box((300, 100), "fit") == (0, 100, 300, 200)  # in a 300×300 square
    assert frame_box((100, 300), "fit") == (100, 0, 200, 300)
    assert frame_box((64, 64), "crop") == frame_box((64, 64), "fit") == (0, 0, 64, 64)


def test_the_centre_square_keeps_only_the_middle():
    seen = np.asarray(square_64(wide_picture(), "crop"))
    assert seen.shape == (64, 64, 3)
    np.testing.assert_allclose(seen.reshape(-1, 3).mean(axis=0), (30, 200, 30), atol=1)
    assert np.array_equal(seen, np.asarray(square_64(wide_picture())))  # crop is the default


def test_fitting_keeps_the_whole_picture_and_repeats_its_edges():
    seen = np.asarray(square_64(wide_picture(), "fit")).astype(int)
    # 300×100 shrinks to 64×21 in the middle rows 21…41; 21 rows above, 22 below
    band = slice(21, 42)
    assert np.abs(seen[band, 2] - (200, 30, 30)).max() <= 2  # red on the left …
    assert np.abs(seen[band, 32] - (30, 200, 30)).max() <= 2  # green in the middle …
    assert np.abs(seen[band, 61] - (30, 30, 200)).max() <= 2  # … blue on the right
    assert (seen[:21] == seen[21]).all() and (seen[42:] == seen[41]).all()  # edges repeated
    tall = np.asarray(square_64(wide_picture().transpose(Image.Transpose.TRANSPOSE), "fit"))
    assert (tall[:, :21] == tall[:, 21:22]).all()  # a tall picture: bands left and right


def test_a_long_strip_is_shrunk_before_it_is_padded():
    strip = Image.fromarray(np.full((2, 4000, 3), 90, np.uint8))
    seen = np.asarray(square_64(strip, "fit"))
    assert seen.shape == (64, 64, 3) and (seen == 90).all()  # no 4000×4000 canvas was made


def test_framing_through_the_engines_entry_points():
    raw = png(wide_picture())
    assert dnn.load_image(raw, "fit").shape == (12288, 1)
    assert not np.array_equal(dnn.load_image(raw, "fit"), dnn.load_image(raw))
    with pytest.raises(ValueError, match="framing"):
        square_64(open_image(raw), "stretch")


def test_the_preview_shows_the_square():
    img = wide_picture()
    crop = np.asarray(framed(img, "crop")).astype(int)
    assert crop.shape == (100, 300, 3)
    assert (crop[50, 10] == np.array((200, 30, 30)) * SHADE // 1).all()  # cut off: darkened
    assert tuple(crop[50, 150]) == (30, 200, 30)  # inside: as it was
    assert tuple(crop[0, 150]) == OUTLINE and tuple(crop[50, 100]) == OUTLINE  # the square
    fit = np.asarray(framed(img, "fit")).astype(int)
    assert fit.shape == (300, 300, 3)  # the padded square
    assert tuple(fit[150, 150]) == (30, 200, 30) and tuple(fit[20, 150]) != (30, 200, 30)
    assert tuple(fit[0, 150]) == OUTLINE


def test_the_choice_in_a_link():
    sections = (framing_link.SECTION,)
    assert parse({"frame": "fit"}, sections).extra["frame"] == "fit"
    refused = parse({"frame": "<b>stretch</b>"}, sections)
    assert "frame" not in refused.extra or refused.extra["frame"] is None
    assert refused.notes  # said, not silently dropped
    assert encode(LinkState(extra={"frame": "fit"}), sections) == {"frame": "fit"}
    assert encode(LinkState(extra={"frame": "crop"}), sections) == {}  # the default: not written


def upload(at: AppTest, key: str, files) -> AppTest:
    at.file_uploader(key=key).set_value(files).run()
    assert not at.exception, at.exception
    return at


def captions(at: AppTest) -> list[str]:
    return [c for e in at.get("image") for c in e.captions]


def test_the_prediction_page_offers_both_and_the_link_keeps_the_choice(data):
    at = app("pages/prediction.py")
    radio = at.radio(key="framing")
    assert radio.value == "crop" and radio.options == ["Centre square", "Fit whole picture"]
    upload(at, "image_upload", [("wide.png", png(wide_picture()), "image/png")])
    assert "wide.png" in captions(at)  # the file's name alone: it may be anything
    shown = [c.value for c in at.caption if "orange square" in c.value]
    assert shown == ["the orange square is what the network gets; the darkened rest is cut off"]
    assert "frame" not in at.query_params
    at.radio(key="framing").set_value("fit").run()
    assert not at.exception, at.exception
    shown = [c.value for c in at.caption if "orange square" in c.value]
    assert shown == [
        "the whole picture is shrunk into the orange square; the darkened bands repeat its edges"
    ]
    assert at.query_params["frame"] == "fit"
    at.switch_page("pages/classes.py").run()  # the same choice on "Your own classes"
    assert not at.exception, at.exception
    assert at.radio(key="framing").value == "fit"


def test_a_link_opens_with_its_framing_and_own_classes_use_it(data):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["frame"] = "fit"
    at.run()
    at.switch_page("pages/classes.py").run()
    assert at.radio(key="framing").value == "fit"
    at.file_uploader(key="classes_files_0_0").set_value(
        [("wide.png", png(wide_picture()), "image/png")]
    ).run()
    assert not at.exception, at.exception
    from ui.classes.intake import STATE

    kept_pixels = at.session_state[STATE].pictures[0][0].pixels
    assert np.array_equal(kept_pixels, np.asarray(square_64(wide_picture(), "fit")))
