"""Every picture goes through one path; good ones load correctly, bad ones fail clearly."""

import io
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import dnn
from dnn.images import InvalidImageError, preprocess_image
from tests.images_corpus import BAD, GOOD, encode

PHOTO = Path(__file__).resolve().parents[2] / "shared" / "photos" / "thumbs_up.jpg"


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_pictures_load(name):
    x = dnn.load_image(GOOD[name]())
    assert x.shape == (12288, 1) and x.dtype == np.float64
    assert 0 <= x.min() and x.max() <= 1


def img(name):
    return preprocess_image(GOOD[name]()).astype(int)


def test_exif_orientation_is_applied():
    # orientation 6: the camera was turned; displaying rotates 90° clockwise, top → right
    six = img("exif6.jpg")
    assert six[32, 60, 0] > 200 and six[32, 60, 2] < 60  # right is red
    assert six[32, 3, 2] > 200 and six[32, 3, 0] < 60  # left is blue
    eight = img("exif8.jpg")  # 90° counter-clockwise: top → left
    assert eight[32, 3, 0] > 200 and eight[32, 60, 2] > 200


def test_transparency_is_composited_onto_white():
    for name, colour in (
        ("rgba.png", (255, 0, 0)),
        ("palette_transparent.png", (255, 0, 0)),
        ("la.png", (0, 0, 0)),
    ):
        a = img(name)
        assert tuple(a[32, 5]) == (255, 255, 255), name  # transparent half
        assert tuple(a[32, 60]) == colour, name  # opaque half


def test_sixteen_bit_is_rescaled_not_clipped():
    a = img("gray16.png")
    assert tuple(a[32, 5]) == (255, 255, 255)
    assert tuple(a[32, 60]) == (128, 128, 128)


def test_cmyk_animated_tiny_and_strip():
    assert tuple(img("cmyk.jpg")[32, 32]) == pytest.approx((0, 255, 255), abs=3)
    assert tuple(img("animated.gif")[32, 32]) == (255, 0, 0)  # first frame
    assert (img("one_pixel.png") == (10, 200, 30)).all()
    assert tuple(img("strip_10000x20.png")[10, 10]) == (0, 128, 0)
    webp, bmp = img("picture.webp"), img("picture.bmp")
    assert (webp == bmp).all() and tuple(bmp[5, 5]) == (255, 0, 0)


@pytest.mark.parametrize(
    "name,message",
    [
        ("truncated.jpg", "truncated"),
        ("truncated.png", "truncated"),
        ("bomb.png", "100 MP"),
        ("bomb_huge.png", "too many pixels"),
        ("empty.jpg", "empty"),
        ("text.png", "not a picture"),
        ("picture.tiff", "not a picture"),
    ],
)
def test_bad_pictures_are_refused_fast_with_a_reason(name, message):
    data = BAD[name]()
    start = time.perf_counter()
    with pytest.raises(InvalidImageError) as e:
        dnn.load_image(data)
    assert time.perf_counter() - start < 1.0  # refused before any large decode
    assert message in str(e.value)
    assert isinstance(e.value, ValueError)


def test_oversized_file_is_refused(tmp_path):
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff" * (26 * 2**20))
    with pytest.raises(InvalidImageError, match="MB"):
        dnn.load_image(big)


def test_sources_path_bytes_and_file_object(tmp_path):
    data = GOOD["picture.bmp"]()
    p = tmp_path / "x.bmp"
    p.write_bytes(data)
    a, b, c = dnn.load_image(p), dnn.load_image(data), dnn.load_image(io.BytesIO(data))
    assert np.array_equal(a, b) and np.array_equal(b, c)


def test_real_photo_loads():
    x = dnn.load_image(PHOTO)
    assert x.shape == (12288, 1) and 0.05 < x.mean() < 0.95


def test_dataset_picture_round_trip(data, lesson_4layer):
    """A test-set picture saved as PNG is the same column; enlarged ×4, nearly the same P(cat)."""
    for i in range(5):
        png = encode(Image.fromarray(data.test_images[i]), "PNG")
        np.testing.assert_array_equal(dnn.load_image(png), data.test_x[:, [i]])
        big = Image.fromarray(data.test_images[i]).resize((256, 256), Image.Resampling.BICUBIC)
        p_big = dnn.predict_proba(
            lesson_4layer.params, dnn.load_image(encode(big, "JPEG", quality=95))
        )
        p = dnn.predict_proba(lesson_4layer.params, data.test_x[:, [i]])
        assert abs(p_big - p).item() < 0.25
