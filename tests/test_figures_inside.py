"""The look-inside figures, checked on their trace data."""

from pathlib import Path

import numpy as np

import dnn
from dnn.datasets import flatten
from dnn.images import preprocess_image
from ui.core.figures import style
from ui.core.figures.gradient_map import input_gradient_map
from ui.core.figures.inside import NUMBERS_UP_TO, layer_activations, matrix_heatmap, spaced


def test_small_matrix_shows_every_value_with_numbers():
    M = np.array([[1.5, -2.0, 0.0], [0.25, 3.0, -1.0]])
    heat = matrix_heatmap(M, "W[2]").data[0]
    np.testing.assert_array_equal(heat.z, M)
    assert list(heat.x) == ["1", "2", "3"] and list(heat.y) == ["1", "2"]
    assert heat.texttemplate == "%{z:.3f}"
    assert heat.zmid == 0 and heat.zmin == -3.0 and heat.zmax == 3.0
    assert "W[2][%{y}, %{x}]" in heat.hovertemplate


def test_large_matrix_is_reduced_with_real_indices():
    rng = np.random.RandomState(0)
    X = rng.rand(12288, 209)
    fig = matrix_heatmap(X, "X")
    heat = fig.data[0]
    assert np.asarray(heat.z).shape == (40, 60)
    assert heat.y[0] == "1" and heat.y[-1] == "12288" and heat.x[-1] == "209"
    rows = [int(v) - 1 for v in heat.y]
    cols = [int(v) - 1 for v in heat.x]
    np.testing.assert_array_equal(heat.z, X[np.ix_(rows, cols)])
    assert heat.texttemplate is None  # 2,400 cells: hover only
    assert "12,288 × 209" in fig.layout.title.text


def test_numbers_in_cells_only_for_small_matrices():
    assert matrix_heatmap(np.ones((6, NUMBERS_UP_TO // 6)), "a").data[0].texttemplate
    assert matrix_heatmap(np.ones((6, NUMBERS_UP_TO // 6 + 1)), "a").data[0].texttemplate is None


def test_spaced_indices():
    assert spaced(5, 10).tolist() == [0, 1, 2, 3, 4]
    idx = spaced(12288, 60)
    assert len(idx) == 60 and idx[0] == 0 and idx[-1] == 12287 and np.all(np.diff(idx) > 0)


def test_layer_activations_one_bar_per_unit():
    acts = [np.linspace(-1, 1, 20), np.arange(7.0), np.ones(5), np.array([0.93])]
    fig = layer_activations(acts)
    assert [len(tr.x) for tr in fig.data] == [20, 7, 5, 1]
    for tr, a in zip(fig.data[:-1], acts, strict=False):
        np.testing.assert_array_equal(tr.y, a)
    # the output is one horizontal bar on 0…1; every layer has a row of its own (a phone's
    # width reads them), its title at the left edge
    out = fig.data[-1]
    assert out.orientation == "h" and list(out.x) == [0.93]
    assert list(fig.layout[f"xaxis{len(acts)}"].range) == [0, 1]
    domains = [fig.layout[f"yaxis{k}"].domain for k in range(1, 5)]
    assert all(d[1] <= prev[0] for prev, d in zip(domains, domains[1:], strict=False))
    assert all(fig.layout[f"xaxis{k}"].domain == (0.0, 1.0) for k in range(1, 5))
    assert all(a.x == 0 and a.xanchor == "left" for a in fig.layout.annotations)
    assert [a.text for a in fig.layout.annotations] == [
        "A[1] (20)",
        "A[2] (7)",
        "A[3] (5)",
        "A[4] = P(cat)",
    ]
    negative, positive = fig.data[0].marker.color[0], fig.data[0].marker.color[-1]
    assert (negative, positive) == (style.TRAIN_COLOR, style.COST_COLOR)  # blue < 0, vermillion > 0


def test_input_gradient_map_sums_over_colours():
    rng = np.random.RandomState(1)
    picture = rng.randint(0, 256, (64, 64, 3)).astype(np.uint8)
    grad = rng.randn(12288)
    fig = input_gradient_map(picture, grad, ("a", "b", "c"))
    kinds = [tr.type for tr in fig.data]
    assert kinds == ["image", "heatmap", "heatmap"]  # no grey copy of the picture under a map
    g = grad.reshape(64, 64, 3)
    np.testing.assert_allclose(fig.data[1].z, np.abs(g).sum(axis=2))
    np.testing.assert_allclose(fig.data[2].z, g.sum(axis=2))


def _rgba(color) -> np.ndarray:
    """'rgb(…)', 'rgba(…)' or '#rrggbb' as r, g, b in 0…1 and alpha."""
    color = color.strip()
    if color.startswith("#"):
        return np.array([int(color[k : k + 2], 16) / 255 for k in (1, 3, 5)] + [1.0])
    parts = [float(v) for v in color[color.index("(") + 1 : -1].split(",")]
    return np.array([v / 255 for v in parts[:3]] + [parts[3] if len(parts) == 4 else 1.0])


def drawn_darkness(fig, axis: str) -> np.ndarray:
    """How dark each cell of the panel on x-axis ``axis`` is drawn (1 − luminance, 0…1).

    Every heatmap on that panel, in drawing order, mapped through its colour scale (linear
    between stops in RGBA, as Plotly does between zmin and zmax) and laid over the one below
    by its alpha, over a white page.
    """
    out = None
    for tr in fig.data:
        if tr.type != "heatmap" or (tr.xaxis or "x") != axis:
            continue
        z = np.asarray(tr.z, dtype=float)
        lo, hi = (tr.zmin, tr.zmax) if tr.zmin is not None else (z.min(), z.max())
        u = np.clip((z - lo) / ((hi - lo) or 1.0), 0, 1)
        stops = np.array([s for s, _ in tr.colorscale], dtype=float)
        colours = np.array([_rgba(c) for _, c in tr.colorscale])
        rgba = np.stack([np.interp(u, stops, colours[:, k]) for k in range(4)], axis=-1)
        below = np.ones(z.shape + (3,)) if out is None else out
        a = rgba[..., 3:]
        out = a * rgba[..., :3] + (1 - a) * below
    luminance = out @ np.array([0.2126, 0.7152, 0.0722])
    return 1 - luminance


def test_the_sensitivity_map_is_dark_where_p_is_sensitive_not_where_the_picture_is(data):
    """Review item 2: the middle panel's darkness came from the picture's grey copy under it
    (the lesson's model on the test photo: correlation with |∂P/∂x| low, with the picture's
    darkness high). Drawn, it must follow |∂P/∂x| and not the picture."""
    model = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1])
    seen = preprocess_image(Path(__file__).parent / "files" / "photo.jpg")
    grad = dnn.input_gradient(model.params, flatten(seen[np.newaxis]))[:, 0]
    fig = input_gradient_map(seen, grad, ("input", "|∂P/∂x|", "∂P/∂x"))
    dark = drawn_darkness(fig, "x2").ravel()
    magnitude = np.abs(grad.reshape(64, 64, 3)).sum(axis=2).ravel()
    picture_dark = 255 - seen.astype(float).mean(axis=2).ravel()
    with_gradient = np.corrcoef(dark, magnitude)[0, 1]
    with_picture = np.corrcoef(dark, picture_dark)[0, 1]
    print(f"drawn darkness: corr with |dP/dx| {with_gradient:.3f}, with picture {with_picture:.3f}")
    assert with_gradient > 0.95
    assert abs(with_picture) < abs(np.corrcoef(magnitude, picture_dark)[0, 1]) + 0.05
    # the darkest drawn pixel is the most sensitive one
    assert np.argmax(dark) == np.argmax(magnitude)


def test_the_gradient_maps_hover_counts_rows_and_columns_from_1():
    grad = np.zeros(12288)
    grad[3 * (64 * 41 + 19)] = 1.0  # 0-based row 41, column 19: row 42, column 20
    fig = input_gradient_map(np.zeros((64, 64, 3), np.uint8), grad)
    for heat in fig.data[1:]:
        assert list(heat.x) == list(range(1, 65)) and list(heat.y) == list(range(1, 65))
        z = np.asarray(heat.z)
        i, j = np.unravel_index(np.argmax(np.abs(z)), z.shape)
        assert (heat.y[i], heat.x[j]) == (42, 20)
