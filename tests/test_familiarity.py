"""dnn.unfamiliar: the test photos pass, drawings, text, blanks and noise are flagged."""

import io

import numpy as np
import pytest
from PIL import Image

import dnn
from dnn.familiarity import STATISTICS, Familiarity, familiarity, statistics
from tests.odd_pictures import odd_pictures

ODD = odd_pictures(seeds=3)


def test_no_test_picture_is_flagged(data):
    flags = dnn.unfamiliar(data.train_x, data.test_x)
    assert flags.shape == (1, 50) and flags.dtype == bool
    assert flags.sum() == 0


def test_test_pictures_uploaded_as_files_are_not_flagged(data):
    """The test photos, enlarged, saved as JPEG and loaded like an upload, are still familiar."""
    cols = []
    for picture in data.test_images[:20]:
        buf = io.BytesIO()
        Image.fromarray(picture).resize((320, 320), Image.BICUBIC).save(buf, "JPEG", quality=85)
        cols.append(dnn.load_image(buf.getvalue()))
    assert dnn.unfamiliar(data.train_x, np.hstack(cols)).sum() <= 1


@pytest.mark.parametrize("name", list(ODD))
def test_odd_pictures_are_flagged(data, name):
    assert dnn.unfamiliar(data.train_x, ODD[name][:, np.newaxis]).tolist() == [[True]]


def test_reasons_name_the_kind_of_oddity(data):
    model = familiarity(data.train_x)
    names = list(ODD)
    reasons = dict(zip(names, model.reasons(np.stack([ODD[n] for n in names], 1)), strict=True))
    assert all(reasons[n] == "blank" for n in names if n.startswith("solid"))
    assert all(reasons[n] == "noise" for n in names if n.startswith("noise"))
    assert all(reasons[n] == "unlike" for n in names if n.startswith(("flowchart", "text_page")))
    assert model.reasons(data.test_x[:, :5]) == [None] * 5


def test_fit_is_cached_per_array_and_refitted_for_another(data):
    first = familiarity(data.train_x)
    assert familiarity(data.train_x) is first
    copy = data.train_x.copy()
    other = familiarity(copy)
    assert other is not first  # a different array is fitted on its own
    assert other.threshold == pytest.approx(first.threshold, rel=1e-4)  # … to the same numbers
    copy[::97, ::3] = 0.5  # changed in place: the fingerprint notices
    assert familiarity(copy).threshold != pytest.approx(first.threshold, rel=1e-4)


def test_threshold_is_the_training_sets_own_99th_percentile(data):
    model = Familiarity.fit(data.train_x)
    assert model.own.shape == (209,) and np.isclose(np.percentile(model.own, 99), model.threshold)
    assert 1 <= (model.own > model.threshold).sum() <= 3  # left out of their own neighbours
    # a training picture's own nearest neighbour, by brute force, is what ``own`` holds
    Z = (statistics(data.train_x) - model.mean) / model.scale
    gaps = np.sqrt(((Z[:, None, :] - Z[None, :, :]) ** 2).sum(-1)) + np.diag([np.inf] * 209)
    np.testing.assert_allclose(model.own, gaps.min(axis=1), rtol=1e-9, atol=1e-9)
    seen = model.distance(data.train_x[:, :5])  # a training picture is its own nearest: 0
    np.testing.assert_allclose(seen, 0.0, atol=1e-6)


def test_statistics_of_known_pictures():
    flat = np.full((12288, 1), 0.5)
    rng = np.random.RandomState(0)
    stats = statistics(np.hstack([flat, rng.rand(12288, 1)]))
    assert stats.shape == (2, 9) and np.isfinite(stats).all()
    assert np.exp(stats[0, 0]) - 0.01 < 1e-12  # no contrast at all
    assert stats[0, 3] == pytest.approx(np.log(1.01))  # every neighbour equal
    assert abs(stats[1, 2]) < 0.1  # noise: neighbours uncorrelated
    assert stats[0, 6] == pytest.approx(0.0)  # palette: one colour is every pixel (log 1)
    assert stats[1, 6] < np.log(0.01)  # noise: 3 colours of 32,768 hold under 1 %
    assert stats[0, 8] == pytest.approx(np.log(1.01))  # every row and column one colour


def test_palette_paper_and_lines_of_a_window_drawn_on_white():
    page = np.ones((64, 64, 3))  # a white dialog …
    page[8:12, 4:60] = [0.2, 0.3, 0.8]  # … with a blue title bar
    page[20:50:6, 8:40] = 0.1  # … and five lines of "text"
    X = page.reshape(-1, 1)
    stats = dict(zip(STATISTICS, statistics(X)[0], strict=True))
    assert np.exp(stats["palette"]) == pytest.approx(1.0)  # white, blue, black: 3 colours
    white = (64 * 64 - 4 * 56 - 5 * 32) / (64 * 64)
    assert np.exp(stats["paper"]) - 0.01 == pytest.approx(white)
    rows = (64 - 4 - 5) / 64  # rows without the bar or a line of text
    cols = (64 - 56) / 64  # columns left and right of the title bar
    assert np.exp(stats["lines"]) - 0.01 == pytest.approx((rows + cols) / 2)


def test_unusual_names_the_statistics_outside_the_training_range(data):
    model = familiarity(data.train_x)
    white = np.ones((64, 64, 3))
    white[20:40:4, 8:56] = 0.0  # lines of text on white paper
    found = model.unusual(white.reshape(-1, 1), most=9)[0]
    assert ("paper", "high") in found and ("lines", "high") in found
    assert len(model.unusual(white.reshape(-1, 1))[0]) == 2  # the two most unusual by default
    inside = model.unusual(data.test_x)
    assert sum(map(len, inside)) <= 10  # test photos: now and then one statistic at an edge
    S = statistics(data.train_x)  # the range is the 1st to 99th percentile of the training set
    np.testing.assert_allclose(model.low, np.percentile(S, 1, axis=0))
    np.testing.assert_allclose(model.high, np.percentile(S, 99, axis=0))


def test_rejects_pictures_of_another_size(data):
    with pytest.raises(ValueError, match="12288"):
        dnn.unfamiliar(data.train_x, np.zeros((100, 1)))
