"""dnn.unfamiliar: the test photos pass, drawings, text, blanks and noise are flagged."""

import io

import numpy as np
import pytest
from PIL import Image

import dnn
from dnn.familiarity import Familiarity, familiarity, statistics
from tests.odd_pictures import odd_pictures

ODD = odd_pictures(seeds=3)


def test_at_most_two_test_pictures_are_flagged(data):
    flags = dnn.unfamiliar(data.train_x, data.test_x)
    assert flags.shape == (1, 50) and flags.dtype == bool
    assert flags.sum() <= 2


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
    own = model.distance(data.train_x)
    assert own.shape == (1, 209)
    assert np.isclose(np.percentile(own, 99), model.threshold)
    assert 1 <= model.unfamiliar(data.train_x).sum() <= 3


def test_statistics_of_known_pictures():
    flat = np.full((12288, 1), 0.5)
    rng = np.random.RandomState(0)
    stats = statistics(np.hstack([flat, rng.rand(12288, 1)]))
    assert stats.shape == (2, 6) and np.isfinite(stats).all()
    assert np.exp(stats[0, 0]) - 0.01 < 1e-12  # no contrast at all
    assert stats[0, 3] == pytest.approx(np.log(1.01))  # every neighbour equal
    assert abs(stats[1, 2]) < 0.1  # noise: neighbours uncorrelated


def test_rejects_pictures_of_another_size(data):
    with pytest.raises(ValueError, match="12288"):
        dnn.unfamiliar(data.train_x, np.zeros((100, 1)))
