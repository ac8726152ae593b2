"""Figure builders are pure functions: check the data in their traces."""

import re
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
import streamlit as st
from PIL import ImageFont

from dnn.shapes import dimension_table
from ui.core.figures import axes
from ui.core.figures import charts as figures
from ui.theory.figures import network_diagram


def test_training_chart_traces():
    costs = [0.7, 0.6, 0.5, 0.45]
    fig = figures.training_chart(costs, [(0, 0.5, 0.4), (3, 0.9, 0.7)])
    cost, train, test = fig.data  # no star: tests/test_peak.py says where there is one
    assert list(cost.x) == [0, 1, 2, 3] and list(cost.y) == costs
    assert list(train.x) == [0, 3] and list(train.y) == [0.5, 0.9] and list(test.y) == [0.4, 0.7]
    assert cost.yaxis == "y" and train.yaxis == test.yaxis == "y2"
    assert fig.layout.yaxis2.range == (0, 1.02)
    assert "%{y:.6f}" in cost.hovertemplate


def test_training_chart_without_validation_and_decimated():
    fig = figures.training_chart(list(np.linspace(1, 0, 2500)), [(0, 0.5, None)], max_points=100)
    assert len(fig.data) == 2  # cost and train accuracy, no test trace
    x = list(fig.data[0].x)
    assert len(x) <= 101 and x[0] == 0 and x[-1] == 2499


def test_compare_chart_has_cost_and_accuracy_per_run():
    fig = figures.compare_chart([("A", [0.7, 0.5], [(0, 0.6, 0.5)]), ("B", [0.8], [])])
    names = [tr.name for tr in fig.data]
    assert names == ["A · cost", "A · test accuracy", "A · train accuracy", "B · cost"]
    assert fig.data[0].line.color != fig.data[3].line.color


def test_compare_chart_names_a_validation_runs_held_out_curve_as_such():
    """A run with a validation split holds out validation pictures: its curve says so."""
    runs = [("A", [0.7], [(0, 0.6, 0.5)]), ("V", [0.7], [(0, 0.6, 0.4)], "validation accuracy")]
    names = [tr.name for tr in figures.compare_chart(runs).data]
    assert names == [
        "A · cost",
        "A · test accuracy",
        "A · train accuracy",
        "V · cost",
        "V · validation accuracy",
        "V · train accuracy",
    ]


def test_confusion_matrix_counts():
    y_true = np.array([[1, 1, 0, 0, 0]])
    y_pred = np.array([[1, 0, 0, 0, 1]])
    fig = figures.confusion_matrix(y_true, y_pred, ["non-cat", "cat"])
    z = np.array(fig.data[0].z)
    assert z.tolist() == [[2, 1], [1, 1]]  # rows true (non-cat, cat), columns predicted
    assert list(fig.data[0].x) == ["non-cat", "cat"]


def test_probability_bar():
    fig = figures.probability_bar(0.83)
    assert list(fig.data[0].x) == [0.83] and fig.data[0].text == ("83.0%",)
    assert fig.data[0].marker.color != figures.probability_bar(0.2).data[0].marker.color


def test_probability_bar_axis_runs_0_to_100_percent_with_its_label():
    fig = figures.probability_bar(0.31, {"p": "P(猫)"})
    axis = fig.layout.xaxis
    assert axis.range == (0, 1) and axis.tickformat == ".0%"
    assert axis.tickvals[0] == 0 and axis.tickvals[-1] == 1  # a 0 % and a 100 % tick
    assert fig.layout.margin.r >= 20  # room for the "100%" centred on the axis' end
    assert list(fig.data[0].y) == ["P(猫)"]
    assert list(figures.probability_bar(0.31).data[0].y) == ["P(cat)"]


def test_network_diagram_elides_wide_layers():
    fig = network_diagram([12288, 20, 7, 5, 1], max_shown=8)
    edges, nodes = fig.data
    assert len(nodes.x) == 8 + 8 + 7 + 5 + 1  # 12288 and 20 drawn as 8 units each
    labels = [a.text for a in fig.layout.annotations]
    assert any("12,288" in s for s in labels) and sum(s == "⋮" for s in labels) == 2
    assert sum(1 for v in edges.x if v is None) == 8 * 8 + 8 * 7 + 7 * 5 + 5 * 1
    assert "a<sup>[0]</sup><sub>12288</sub>" in nodes.text


SOURCE_SANS = next(
    (Path(st.__file__).parent / "static" / "static" / "media").glob("SourceSansVF-Upright*")
)
ZH_DIAGRAM = {"input": "输入层", "hidden": "隐藏层", "output": "输出层", "unit": "个单元"}
ZH_DIAGRAM["units"] = "个单元"


def label_px(text: str, size: float) -> float:
    """A label's width as the browser draws it: Source Sans (Streamlit's font, read by Pillow)
    for Latin text, in bold where the label is bold, and 1 em for each CJK character."""
    widest = 0.0
    for line in text.split("<br>"):
        bold = "<b>" in line
        plain = re.sub(r"<[^>]*>", "", line)
        font = ImageFont.truetype(str(SOURCE_SANS), int(size))
        if bold:
            font.set_variation_by_axes([700])
        latin = "".join(c for c in plain if ord(c) < 0x2E80)
        cjk = len(plain) - len(latin)
        widest = max(widest, font.getlength(latin) + cjk * size)
    return widest


def label_boxes(fig, width: float) -> list[tuple[float, float, float]]:
    """(left px, right px, y) of each layer label when the figure is ``width`` px wide."""
    x0, x1 = fig.layout.xaxis.range
    m = fig.layout.margin
    boxes = []
    for a in fig.layout.annotations:
        if a.text == "⋮":
            continue
        centre = m.l + (a.x - x0) / (x1 - x0) * (width - m.l - m.r) + (a.xshift or 0)
        w = label_px(a.text, a.font.size)
        left = {"left": centre, "right": centre - w}.get(a.xanchor, centre - w / 2)
        boxes.append((left, left + w, a.y))
    return boxes


@pytest.mark.parametrize(
    "dims",
    [[3, 1], [12288, 7, 1], [3, 5, 5, 3, 1], [12288, 20, 7, 5, 1], [12288] + [512] * 9 + [1]]
    + [[12288] + [100_000] * 18 + [1]],
)
@pytest.mark.parametrize("labels", [None, ZH_DIAGRAM], ids=["en", "zh"])
def test_network_diagram_labels_never_overlap_nor_leave_the_figure(dims, labels):
    fig = network_diagram(dims, labels=labels)
    narrowest = fig.layout.meta["min_width"]
    for width in (narrowest, narrowest * 1.7):  # the page never draws it narrower
        boxes = label_boxes(fig, width)
        assert len(boxes) == len(dims)
        assert all(0 <= left and right <= width for left, right, _ in boxes), boxes
        for row in {y for *_, y in boxes}:
            same_row = sorted(b for b in boxes if b[2] == row)
            for (_, right, _), (left, _, _) in zip(same_row, same_row[1:], strict=False):
                assert left - right >= 4, (width, same_row)
    # the lesson's network fits a phone (356 px of content at 390 px) without scrolling
    if dims == [12288, 20, 7, 5, 1]:
        assert narrowest <= 356


def test_network_diagram_says_1_unit_and_n_units():
    fig = network_diagram([3, 5, 1])
    labels = [a.text for a in fig.layout.annotations]
    assert labels[0].endswith("3 units") and labels[2].endswith("1 unit")
    assert not any("1 units" in s for s in labels)
    zh = [a.text for a in network_diagram([3, 1], labels=ZH_DIAGRAM).layout.annotations]
    assert zh[1].endswith("1 个单元") and "输出层" in zh[1]
    assert len({a.y for a in fig.layout.annotations}) == 2  # alternating rows from L = 2


def test_weight_images_are_the_rows_of_W1():
    rng = np.random.RandomState(0)
    W1 = rng.randn(3, 12288)
    fig = figures.weight_images(W1)
    assert len(fig.data) == 3
    z = np.asarray(fig.data[0].z)
    assert z.shape == (64, 64, 3) and z.min() == 0 and z.max() == 255
    expected = np.argmax(W1[0])
    assert z.reshape(-1)[expected] == 255  # the largest weight is the brightest value


def test_dimension_rows_feed_the_theory_table():
    rows = dimension_table([3, 5, 5, 3, 1], 10)
    assert [r.W for r in rows] == [(0, 0), (5, 3), (5, 5), (3, 5), (1, 3)]


def test_charts_built_without_validation_are_valid_plotly():
    """training_chart and compare_chart skip Plotly's validation for speed: check it here."""
    costs = list(np.linspace(0.7, 0.1, 300))
    checkpoints = [(i, 0.5 + i / 1000, 0.4 + i / 2000) for i in range(0, 300, 10)]
    for fig in (
        figures.training_chart(costs, checkpoints, max_points=100),
        figures.training_chart(costs, checkpoints, every=100),
        figures.training_chart(*_peaked(), max_points=100, pictures=50),  # a star
        figures.training_chart([1.0, 1e5], []),  # a log cost axis
        figures.compare_chart([("a", costs, checkpoints), ("b", costs[:50], ())]),
        figures.compare_chart([("a", costs, checkpoints)], accuracy=False),
    ):
        go.Figure(fig.to_dict())  # raises ValueError on any invalid property
    bad = axes.unchecked([{"type": "scatter", "x": [0], "colour": "red"}], {})
    with pytest.raises(ValueError):
        go.Figure(bad.to_dict())  # the check above can fail


def _peaked():
    """Costs and checkpoints of a run whose test accuracy really peaked (a star is drawn)."""
    it = range(0, 2001, 10)
    test = [0.5 + 0.3 * np.exp(-(((i - 800) / 300) ** 2)) for i in it]
    return np.linspace(1, 0, 2001), [(i, 0.9, a) for i, a in zip(it, test, strict=True)]
