"""Figure builders are pure functions: check the data in their traces."""

import re
import string

import numpy as np

from dnn.shapes import dimension_table
from ui import figures
from ui.strings import EN, STRINGS, ZH


def test_training_chart_traces():
    costs = [0.7, 0.6, 0.5, 0.45]
    fig = figures.training_chart(costs, [(0, 0.5, 0.4), (3, 0.9, 0.7)])
    cost, train, test = fig.data
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
    assert fig.layout.xaxis.range == (0, 1)
    assert fig.data[0].marker.color != figures.probability_bar(0.2).data[0].marker.color


def test_network_diagram_elides_wide_layers():
    fig = figures.network_diagram([12288, 20, 7, 5, 1], max_shown=8)
    edges, nodes = fig.data
    assert len(nodes.x) == 8 + 8 + 7 + 5 + 1  # 12288 and 20 drawn as 8 units each
    labels = [a.text for a in fig.layout.annotations]
    assert any("12,288" in s for s in labels) and sum(s == "⋮" for s in labels) == 2
    assert sum(1 for v in edges.x if v is None) == 8 * 8 + 8 * 7 + 7 * 5 + 5 * 1
    assert "a<sup>[0]</sup><sub>12288</sub>" in nodes.text


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


def placeholders(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_both_languages_have_every_text_with_the_same_placeholders():
    assert set(EN) == set(ZH)
    for key in EN:
        if "{" in EN[key] and "$" not in EN[key]:
            assert placeholders(EN[key]) == placeholders(ZH[key]), key
        assert ZH[key].strip(), key
    assert set(STRINGS) == {"en", "zh"}


def test_every_text_key_used_in_the_code_exists():
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent
    used = set()
    for path in [*root.glob("pages/*.py"), *root.glob("ui/*.py")]:
        used |= set(re.findall(r'\bt\("([a-z0-9_]+)"[,)]', path.read_text()))
    missing = used - set(EN)
    assert not missing, missing
