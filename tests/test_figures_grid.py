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


def test_peak_curves_mark_the_first_highest_point_of_each_run():
    a = [(0, 0.5), (10, 0.82), (20, 0.8), (30, 0.82), (40, 0.8)]
    b = [(0, 0.4), (10, 0.6), (20, 0.74)]
    fig = peak_curves([("A", a), ("B", b)], {"peak_at": "peak {acc} at {it}"})
    line_a, star_a, line_b, star_b = fig.data
    assert list(line_a.x) == [0, 10, 20, 30, 40] and list(line_a.y) == [p[1] for p in a]
    assert list(star_a.x) == [10] and list(star_a.y) == [0.82]  # the first of two equal peaks
    assert list(star_b.x) == [20] and list(star_b.y) == [0.74]  # the last point is the peak
    assert line_a.name == "A · peak 82.0% at 10" and star_a.showlegend is False
    assert line_a.line.color == star_a.marker.color != line_b.line.color


def test_training_chart_marks_the_test_peak_even_where_the_line_is_thinned():
    n = 3001
    test = [0.7] * n
    test[1001] = 0.86  # a checkpoint that thinning to 100 points leaves out
    checkpoints = [(i, 0.9, test[i]) for i in range(n)]
    fig = figures.training_chart(np.linspace(1, 0, n), checkpoints, max_points=100)
    drawn = fig.data[2]
    assert 1001 not in list(drawn.x)
    peak = fig.data[3]
    assert list(peak.x) == [1001] and list(peak.y) == [0.86] and peak.yaxis == "y2"
    (note,) = fig.layout.annotations  # named beside the star, not in the legend
    assert note.text == "test peak 86% @ 1,001" and (note.x, note.y) == (1001, 0.86)
    assert peak.name == "test peak" and peak.showlegend is False
    labelled = figures.training_chart([0.5], [(0, 0.5, 0.5)], {"peak": "测试峰值"})
    assert labelled.layout.annotations[0].text == "测试峰值 50% @ 0"


def test_test_peak_is_the_first_highest_checkpoint():
    assert accuracy_peak([(0, 0.5, 0.7), (10, 0.6, 0.8), (20, 0.7, 0.8)]) == (10, 0.8)
    assert accuracy_peak([(0, 0.5, None)]) is None and accuracy_peak([]) is None
