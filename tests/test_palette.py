"""The figures' colours stay apart for colour-blind students, and never carry meaning alone.

Dichromacy is simulated in linear RGB with two standard models: Machado, Oliveira & Fernandes
(2009, severity 1.0) and Viénot, Brettel & Mollon (1999). The distance is CIE76 ΔE in CIELAB
(D65): about 2.3 is a just-noticeable difference, and colours told apart at a glance on a
projector need several times that.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from ui.core.figures import charts, style

MACHADO = {  # Machado et al. 2009, Table 1, severity 1.0
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
}
VIENOT = {  # Viénot et al. 1999, as a linear-RGB projection onto the dichromat's plane
    "protanopia": [[0.11238, 0.88762, 0.0], [0.11238, 0.88762, 0.0], [0.00401, -0.00401, 1.0]],
    "deuteranopia": [[0.29275, 0.70725, 0.0], [0.29275, 0.70725, 0.0], [-0.02234, 0.02234, 1.0]],
}
SIMULATIONS = {
    **{f"Machado {k}": np.array(m) for k, m in MACHADO.items()},
    **{f"Viénot {k}": np.array(m) for k, m in VIENOT.items()},
    "trichromat": np.eye(3),
}
MIN_DELTA_E_RUNS = 15.0  # any two runs' colours in a comparison
MIN_DELTA_E_LINES = 30.0  # cost, train and test accuracy on the training chart


def linear_rgb(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of a linear sRGB colour."""
    to_xyz = np.array(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
    )
    xyz = to_xyz @ np.clip(rgb_linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    d = 6 / 29
    f = np.where(xyz > d**3, np.cbrt(xyz), xyz / (3 * d * d) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours, simulation: np.ndarray) -> tuple[float, str, str]:
    seen = [lab(simulation @ linear_rgb(c)) for c in colours]
    return min(
        (float(np.linalg.norm(seen[i] - seen[j])), colours[i], colours[j])
        for i, j in itertools.combinations(range(len(colours)), 2)
    )


def contrast_on_white(hex_colour: str) -> float:
    y = float(np.array([0.2126, 0.7152, 0.0722]) @ linear_rgb(hex_colour))
    return 1.05 / (y + 0.05)


def test_the_simulations_are_right_on_known_colours():
    # white and black stay themselves; a dichromat sees pure red and green alike far more than a
    # trichromat does (the model is not the identity)
    for name, m in SIMULATIONS.items():
        assert np.allclose(m @ np.ones(3), 1, atol=1e-3), name
    red, green = linear_rgb("#ff0000"), linear_rgb("#00ff00")
    normal = np.linalg.norm(lab(red) - lab(green))
    for name in ("Machado deuteranopia", "Viénot deuteranopia"):
        m = SIMULATIONS[name]
        assert np.linalg.norm(lab(m @ red) - lab(m @ green)) < normal / 3, name


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_run_colours_stay_apart(simulation):
    distance, a, b = closest_pair(style.PALETTE, SIMULATIONS[simulation])
    assert distance >= MIN_DELTA_E_RUNS, f"{a} and {b}: ΔE {distance:.1f} under {simulation}"


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_the_training_charts_three_lines_stay_apart(simulation):
    lines = [style.COST_COLOR, style.TRAIN_COLOR, style.TEST_COLOR]
    distance, a, b = closest_pair(lines, SIMULATIONS[simulation])
    assert distance >= MIN_DELTA_E_LINES, f"{a} and {b}: ΔE {distance:.1f} under {simulation}"


def test_line_colours_have_graphics_contrast_on_white():
    # WCAG 1.4.11: 3:1 for the lines a student must see; the first five runs' colours too
    for colour in [style.COST_COLOR, style.TRAIN_COLOR, style.TEST_COLOR, *style.PALETTE[:5]]:
        assert contrast_on_white(colour) >= 3.0, colour


def test_curves_differ_by_more_than_colour():
    fig = charts.training_chart([0.7, 0.6, 0.5], [(0, 0.5, 0.4), (2, 0.8, 0.6)])
    dashes = {t.name: t.line.dash for t in fig.data if t.mode != "markers" and t.name}
    assert dashes["cost"] in (None, "solid") and dashes["train accuracy"] == "dot"
    assert dashes["test accuracy"] == "dash"
    runs = [(f"run {k}", [0.7, 0.5], [(0, 0.5, 0.4), (1, 0.7, 0.6)]) for k in range(8)]
    fig = charts.compare_chart(runs, accuracy=True)
    assert len(fig.data) == 24 and all(t.showlegend is not False for t in fig.data)
    styles = {(t.line.dash, t.marker.symbol) for t in fig.data}
    assert len(styles) == 24  # no two curves drawn alike, whatever their colour
