"""dnn.unfamiliar on real non-photographs made by others, from Debian's packages (issue 19.5).

``bench/real_pictures.py`` says where each comes from and which are the calibration set (what
the check was tuned on) and the report set (kept apart). The bounds below are a little under
what was measured, so that a change that makes the check worse fails here.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

import dnn
from bench.real_pictures import FOLDER, pictures
from dnn.familiarity import familiarity
from tests.conftest import require

# Share of each kind flagged, at least (measured: see the README's table).
AT_LEAST = {
    ("calibration", "screenshot"): 0.85,
    ("calibration", "diagram"): 1.0,
    ("calibration", "scanned text"): 1.0,
    ("calibration", "chart"): 1.0,
    ("calibration", "slide"): 0.75,
    ("report", "screenshot"): 0.85,
    ("report", "help drawing"): 0.9,
    ("report", "document / flowchart"): 0.95,
    ("report", "diagram"): 1.0,
    ("report", "chart"): 1.0,
    ("report", "slide"): 0.4,  # slides whose background is a photograph pass, rightly or not
}


@functools.cache
def real() -> dict[tuple[str, str], list]:
    found: dict[tuple[str, str], list] = {}
    for p in pictures():
        found.setdefault((p.split, p.kind), []).append(p)
    return found


@pytest.fixture(scope="module")
def by_kind():
    if not real():
        require(
            "pictures",
            f"no real non-photographs in {FOLDER}: run `python bench/real_pictures.py --fetch` "
            "(apt-get download of a few Debian documentation packages)",
        )
    return real()


@pytest.mark.parametrize(("split", "kind"), list(AT_LEAST))
def test_real_non_photographs_are_flagged(data, by_kind, split, kind):
    found = by_kind[(split, kind)]
    X = np.hstack([dnn.load_image(p.data) for p in found])
    flagged = dnn.unfamiliar(data.train_x, X)[0]
    assert flagged.mean() >= AT_LEAST[(split, kind)], [
        p.name for p, f in zip(found, flagged, strict=True) if not f
    ]


def test_the_flowcharts_of_presentation_software_are_flagged_and_say_why(data, by_kind):
    """Gradient-filled, shadowed shapes from LibreOffice Draw/Impress: the case issue 19 saw."""
    everything = [p for group in by_kind.values() for p in group]
    cases = [p for p in everything if p.path.endswith(("ueberblenden.png", "bpmn.otg"))]
    assert len(cases) == 2 and all(p.split == "report" for p in cases)
    X = np.hstack([dnn.load_image(p.data) for p in cases])
    model = familiarity(data.train_x)
    assert model.unfamiliar(X).all()
    assert all(model.unusual(X)), model.unusual(X)  # each names what is out of range


def test_the_two_sets_do_not_share_a_picture(by_kind):
    calibration = {
        p.data for (split, _), group in by_kind.items() if split == "calibration" for p in group
    }
    report = {p.data for (split, _), group in by_kind.items() if split == "report" for p in group}
    assert calibration and report and not calibration & report
