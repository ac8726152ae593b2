"""The grid's figures and the training chart's peak marker, checked on their trace data."""

import numpy as np

from ui.core.figures import charts as figures
from ui.core.figures.peak import accuracy_peak
from ui.grid.figures import heatmap, peak_curves, value_text


def test_heatmap_values_text_marks_and_best_cell():
    z = np.array([[0.74, 0.8, np.nan], [0.76, 0.84, 0.5]])  # (rows, columns)
    fig = heatmap(
        z,
        ["0.005", "0.0075", "0.01"],
        ["[7]", "[20, 7, 5]"],
        "test",
        notes={(0, 2): "diverged"},
        marks=[(0, 1, "4-layer (lesson)")],
        best=(1, 1),
        extra={(1, 1): "peak 86.0% at iteration 1,020"},
        labels={"x": "learning rate α", "y": "hidden layers"},
    )
    heat, lesson, best = fig.data
    np.testing.assert_array_equal(np.array(heat.z, dtype=float), z)
    assert list(heat.text[0]) == ["74.0%", "80.0%", "diverged"]
    assert list(heat.text[1]) == ["76.0%", "84.0%", "50.0%"]
    assert "peak 86.0% at iteration 1,020" in heat.customdata[1][1]
    assert "learning rate α: 0.0075" in heat.customdata[0][1]
    # the lesson's run: a star in column 1, near the top of row 0
    assert list(lesson.x) == [1] and list(lesson.y) == [-0.3] and lesson.marker.symbol == "star"
    assert list(lesson.text) == ["4-layer (lesson)"]
    # the best cell: framed, and a diamond near the bottom of its cell
    (frame,) = fig.layout.shapes
    assert (frame.x0, frame.x1, frame.y0, frame.y1) == (0.5, 1.5, 0.5, 1.5)
    assert list(best.x) == [1] and list(best.y) == [1.3]
    assert list(fig.layout.xaxis.ticktext) == ["0.005", "0.0075", "0.01"]
    assert list(fig.layout.yaxis.ticktext) == ["[7]", "[20, 7, 5]"]
    assert fig.layout.yaxis.range == (1.5, -0.5)  # the first row on top
    assert fig.layout.xaxis.title.text == "learning rate α"


def test_heatmap_of_costs_reads_lower_as_better():
    z = np.array([[0.0929, 0.3], [0.5, 0.7]])
    fig = heatmap(z, ["a", "b"], ["c", "d"], "cost")
    heat = fig.data[0]
    assert len(fig.data) == 1 and not fig.layout.shapes  # nothing marked
    assert list(heat.text[0]) == ["0.0929", "0.3000"]
    assert heat.colorscale != heatmap(z, ["a", "b"], ["c", "d"], "test").data[0].colorscale
    assert value_text(float("nan"), "test") == "" and value_text(0.98564, "train") == "98.6%"


def rise_and_fall(top: int, n: int = 2000) -> list[tuple[int, float]]:
    """Test accuracy that rises to 80 % at ``top`` and falls back to 50 %, in 2 % steps."""
    it = np.arange(0, n + 1, 10)
    acc = np.round((0.5 + 0.3 * np.exp(-(((it - top) / 300) ** 2))) * 50) / 50
    return [(int(i), float(a)) for i, a in zip(it, acc, strict=True)]


def test_peak_curves_star_only_a_held_peak_of_each_run():
    a = rise_and_fall(800)
    b = [(i, 0.74 + 0.08 * (i == 860)) for i in range(0, 2001, 10)]  # one spike: no peak
    labels = {"peak_at": "peak {acc} at {it}", "no_peak": "no clear peak"}
    fig = peak_curves([("A", a), ("B", b)], labels)
    line_a, star_a, line_b = fig.data
    assert list(line_a.x) == [p[0] for p in a] and list(line_a.y) == [p[1] for p in a]
    peak = accuracy_peak([(i, None, acc) for i, acc in a], 50)
    assert list(star_a.x) == [peak.iteration] and list(star_a.y) == [peak.accuracy]
    assert abs(peak.iteration - 800) <= 20
    assert line_a.name == f"A · peak {peak.accuracy:.1%} at {peak.iteration:,}"
    assert star_a.showlegend is False and star_a.marker.symbol == "star"
    assert line_b.name == "B · no clear peak"
    assert line_a.line.color == star_a.marker.color != line_b.line.color


def test_training_chart_marks_the_averaged_peak_even_where_the_line_is_thinned():
    n = 3001
    curve = dict(rise_and_fall(1000, n - 1))
    checkpoints = [(i, 0.9, curve[i]) for i in sorted(curve)]
    fig = figures.training_chart(np.linspace(1, 0, n), checkpoints, max_points=100, pictures=50)
    peak = accuracy_peak(checkpoints, 50)  # of every checkpoint, before thinning
    drawn, mean, star = fig.data[2], fig.data[3], fig.data[4]
    assert len(drawn.x) <= 101 and len(mean.x) == len(drawn.x)
    assert list(star.x) == [peak.iteration] and list(star.y) == [peak.accuracy]
    assert star.yaxis == "y2" and star.showlegend is False
    (note,) = fig.layout.annotations  # named beside the star, not in the legend
    assert note.text == (
        f"★ peak of the mean of<br>300 iterations of<br>test accuracy:<br>78% @ {peak.iteration:,}"
    )
    assert (note.x, note.y) == (peak.iteration, peak.accuracy)
    labels = {"peak": "峰值 {acc} @ {it:,}（{window}）"}
    labelled = figures.training_chart(np.linspace(1, 0, n), checkpoints, labels, pictures=50)
    assert labelled.layout.annotations[0].text == f"峰值 78% @ {peak.iteration:,}（300）"


def test_no_peak_without_a_test_column():
    assert accuracy_peak([(0, 0.5, None)], 50) is None and accuracy_peak([], 50) is None
