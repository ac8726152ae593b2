"""Every picture goes through one path; good ones load correctly, bad ones fail clearly."""

import io
import os
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFile

import dnn
from dnn.images import InvalidImageError, preprocess_image
from tests.images_corpus import BAD, GOOD, MEMORY, encode
from tests.memory_probe import measure
from ui.core.strings import STRINGS

# A 12 MP camera-style JPEG made by tests/files/make_photo.py (committed): stored sideways with
# EXIF orientation 6, upright it shows sky on top, an orange sun upper left, a green hill below.
PHOTO = Path(__file__).resolve().parent / "files" / "photo.jpg"


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
    "name,message,decoded",
    [
        ("truncated.jpg", "truncated", True),  # only decoding finds the missing bytes
        ("truncated.png", "truncated", True),
        ("bomb.png", "100 MP", False),  # refused from its header alone
        ("bomb_huge.png", "too many pixels", False),
        ("empty.jpg", "empty", False),
        ("text.png", "not a picture", False),
        ("picture.tiff", "not a picture", False),
    ],
)
def test_bad_pictures_are_refused_with_a_reason_decoding_only_what_must_be(
    name, message, decoded, monkeypatch
):
    loads = []
    load = ImageFile.ImageFile.load

    def counted(img):  # every decode of pixel data goes through ImageFile.load
        loads.append(img.size)
        return load(img)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counted)
    with pytest.raises(InvalidImageError) as e:
        dnn.load_image(BAD[name]())
    assert message in str(e.value)
    assert isinstance(e.value, ValueError)
    assert bool(loads) == decoded, loads  # a bomb's pixels are never decoded


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


def test_full_size_camera_photo_loads_upright():
    with Image.open(PHOTO) as raw:
        assert raw.size == (4000, 3000) and raw.getexif()[0x0112] == 6  # 12 MP, turned
    x = dnn.load_image(PHOTO)
    assert x.shape == (12288, 1) and 0.05 < x.mean() < 0.95
    a = preprocess_image(PHOTO).astype(int)
    sky, hill, sun = a[4, 32], a[60, 32], a[12, 14]
    assert sky[2] > 200 and sky[2] > sky[0] + 100  # blue on top: the rotation was applied
    assert hill[1] > 80 and hill[1] > hill[2] + 40 and hill[1] > hill[0] + 40  # green below
    assert sun[0] > 220 and 120 < sun[1] < 200 and sun[2] < 90  # orange, upper left


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


LEAKS = ("Truncated File Read", "MAX_TEXT_CHUNK", "PIL", "Pillow", "cannot identify", "errno")


def assert_plain(error: InvalidImageError) -> None:
    """A code with a text in both languages, and no library's wording."""
    assert error.code and error.code.startswith("image_")
    for lang in ("en", "zh"):
        text = STRINGS[lang][f"err_{error.code}"]
        assert text.format(**error.values)  # every placeholder has its value
    assert not any(leak in str(error) for leak in LEAKS), str(error)


def test_only_regular_files_are_opened(tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    (tmp_path / "folder.jpg").mkdir()
    cases = {
        fifo: "image_not_file",
        tmp_path / "folder.jpg": "image_not_file",
        tmp_path / "missing.jpg": "image_missing",
        Path("/dev/zero"): "image_not_file",
    }
    outcome = {}

    def read_all():
        for path in cases:
            with pytest.raises(InvalidImageError) as e:
                dnn.load_image(path)
            outcome[path] = e.value

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    reader.join(timeout=30)  # a generous bound: only a hang would exceed it
    assert not reader.is_alive(), "reading a pipe, a folder or a device hung"
    assert {p: e.code for p, e in outcome.items()} == {p: c for p, c in cases.items()}
    for error in outcome.values():
        assert_plain(error)
        assert str(tmp_path) not in str(error)  # no server path in a message


def pillow_wording_cases() -> dict[str, bytes]:
    """Files on which Pillow's own messages once reached the user."""
    import struct
    import zlib

    from tests.images_corpus import _chunk

    png = encode(Image.new("RGB", (8, 8), (1, 2, 3)), "PNG")
    text_bomb = _chunk(b"zTXt", b"k\0\0" + zlib.compress(b"a" * (2 * 2**20)))
    return {
        "Truncated File Read": png[:33] + struct.pack(">I", 1000) + b"tEXt" + b"abc",
        "MAX_TEXT_CHUNK": png[:33] + text_bomb + png[33:],
        "truncated bmp": encode(Image.new("RGB", (64, 64)), "BMP")[:300],
        "gif without frames": encode(Image.new("P", (8, 8)), "GIF")[:20],
    }


@pytest.mark.parametrize("name", ["Truncated File Read", "MAX_TEXT_CHUNK", "truncated bmp"])
def test_pillow_wording_never_reaches_the_user(name):
    with pytest.raises(InvalidImageError) as e:
        dnn.load_image(pillow_wording_cases()[name])
    assert e.value.code == "image_damaged"
    assert_plain(e.value)


def test_every_refusal_has_a_code_in_both_languages():
    files = {**{k: f() for k, f in BAD.items()}, **pillow_wording_cases()}
    files["rgba16_6320.png"] = MEMORY["rgba16_6320.png"][0]()
    codes = set()
    for data in files.values():
        with pytest.raises(InvalidImageError) as e:
            dnn.load_image(data)
        assert_plain(e.value)
        codes.add(e.value.code)
    assert {"image_damaged", "image_format", "image_memory", "image_pixels", "image_empty"} <= codes


def test_mutated_pictures_load_or_are_refused_plainly():
    """A small fuzz: random bytes of every good picture changed; nothing but InvalidImageError."""
    rng = np.random.RandomState(12)
    originals = [f() for f in GOOD.values()]
    refused = 0
    for i in range(300):
        data = bytearray(originals[i % len(originals)])
        for _ in range(rng.randint(1, 6)):
            data[rng.randint(len(data))] = rng.randint(256)
        if rng.rand() < 0.2:
            data = data[: rng.randint(1, len(data))]
        try:
            x = dnn.load_image(bytes(data))
            assert x.shape == (12288, 1) and np.isfinite(x).all()
        except InvalidImageError as e:
            assert_plain(e)
            refused += 1
    assert 0 < refused < 300


def test_the_memory_probe_sees_an_allocation():
    peak = measure("calibrate", "48")
    assert 47 < peak["peak_mb"] < 60


@pytest.mark.parametrize("name", sorted(MEMORY))
def test_decoding_peaks_under_200_mb(name, tmp_path):
    """Issue 12's pictures (once 1.1 GB, ~700 MB): decoded reduced, or refused by the header."""
    make, accepted = MEMORY[name]
    path = tmp_path / name
    path.write_bytes(make())
    result = measure("image", path)
    assert result["outcome"] == ("ok" if accepted else "image_memory")
    assert result["peak_mb"] < 200


class WatchedSlots(threading.BoundedSemaphore):
    """The decode slots, saying when somebody has to wait for one."""

    def __init__(self, value: int):
        super().__init__(value)
        self.waiting = threading.Event()

    def acquire(self, blocking=True, timeout=None):
        if super().acquire(blocking=False):
            return True
        self.waiting.set()
        return super().acquire(blocking, timeout)

    __enter__ = acquire


def test_decoding_waits_for_a_free_slot(monkeypatch):
    """At most two pictures decode at once in a process; a third waits for a slot."""
    slots = WatchedSlots(2)  # as many as dnn.images.DECODE_SLOTS
    monkeypatch.setattr(dnn.images, "DECODE_SLOTS", slots)
    data = GOOD["picture.webp"]()
    done = threading.Event()
    worker = threading.Thread(target=lambda: (dnn.load_image(data), done.set()), daemon=True)
    with slots, slots:  # both slots taken
        worker.start()
        assert slots.waiting.wait(10)  # the worker is in line for a slot…
        assert not done.is_set()  # …and has decoded nothing
    assert done.wait(30)  # a slot given back: it decodes
    worker.join(10)
    assert not worker.is_alive()
