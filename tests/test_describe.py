"""Every chart in words and as a table, in both languages (ui/core/figures/describe.py)."""

from __future__ import annotations

import numpy as np
import pytest

from ui.core.figures import charts, describe, inside
from ui.core.i18n import text


def text_in(lang: str):
    return lambda key, **values: text(lang, key, **values)


EN, ZH = text_in("en"), text_in("zh")
LESSON_LIKE = (
    list(np.linspace(0.7717, 0.0881, 2500)),
    [(i, 0.5 + i / 5200, 0.4 + i / 6500) for i in range(0, 2500, 100)] + [(2499, 0.986, 0.8)],
)


def test_the_cost_chart_says_from_what_to_what_over_which_iterations_and_the_accuracies():
    fig = charts.training_chart(*LESSON_LIKE, {"cost": "cost"})
    words = describe.describe(fig, EN)
    assert "cost: from 0.7717 to 0.0881, iteration 0 to 2,499." in words.summary
    assert "train accuracy: from 50.0% to 98.6%" in words.summary
    assert "test accuracy: from 40.0% to 80.0%" in words.summary
    # the table: one row per checkpoint (26), each curve's value there
    assert words.columns == ["iteration", "cost", "train accuracy", "test accuracy"]
    assert len(words.rows) == 26 and words.rows[-1] == ["2,499", "0.0881", "98.6%", "80.0%"]
    assert words.rows[0] == ["0", "0.7717", "50.0%", "40.0%"]


def test_the_chinese_description_uses_the_chinese_templates():
    labels = {"cost": "代价", "train": "训练准确率", "test": "测试准确率", "iteration": "迭代"}
    words = describe.describe(charts.training_chart(*LESSON_LIKE, labels), ZH)
    assert "代价：从 0.7717 到 0.0881，迭代 0 至 2,499。" in words.summary
    assert words.columns[0] == "迭代"


def test_an_empty_chart_says_so():
    assert describe.describe(charts.training_chart([], ()), EN).summary.startswith("An empty")
    assert describe.describe(charts.training_chart([], ()), ZH).summary.startswith("空图表")


@pytest.mark.parametrize("p, shown", [(0.93, "93.0%"), (0.0004, "0.0%"), (0.5, "50.0%")])
def test_the_verdict_bar_says_the_probability(p, shown):
    words = describe.describe(charts.probability_bar(p, {"p": "P(cat)"}), EN)
    assert words.summary == f"P(cat) = {shown}."
    assert words.rows == [["P(cat)", shown]]


def test_a_heatmap_says_what_it_maps_and_where_it_is_largest():
    M = np.zeros((3, 4))
    M[1, 2] = 5.0
    words = describe.describe(inside.matrix_heatmap(M, "W[2]"), EN)
    assert words.summary.startswith("W[2]")
    assert "3 × 4 values from 0 up to 5, largest at row 2, column 3." in words.summary
    assert len(words.rows) == 3 and words.rows[1][3] == "5"
    truth, predicted = np.array([[0, 1, 1, 0, 1]]), np.array([[0, 1, 0, 0, 1]])
    fig = charts.confusion_matrix(truth, predicted, ["non-cat", "cat"], {})
    words = describe.describe(fig, EN)
    assert "largest at true non-cat, predicted non-cat" in words.summary
    assert words.rows == [["non-cat", "2", "0"], ["cat", "1", "2"]]


def test_the_gradient_map_skips_the_picture_under_it_and_finds_the_largest_pixel():
    grad = np.zeros(12288)
    grad[3 * (64 * 10 + 20)] = 1.0  # row 10, column 20, channel R
    picture = np.zeros((64, 64, 3), dtype=np.uint8)
    fig = inside.input_gradient_map(picture, grad, ("picture", "magnitude", "sign"))
    words = describe.describe(fig, EN).summary
    assert words.count("magnitude:") == 1 and "largest at row 11, column 21" in words
    assert "1 picture: picture." in words  # one picture, singular


def test_the_layer_activations_name_the_largest_unit():
    acts = [np.array([0.1, 0.7, 0.2]), np.array([0.9])]
    fig = inside.layer_activations(acts, "unit", "A[{l}] ({n})", "A[{l}] = P(cat)")
    words = describe.describe(fig, EN).summary
    assert "3 values from 0.1 to 0.7, largest at unit 2." in words and "= 0.9." in words


def test_a_comparison_names_every_curve_and_attach_keeps_other_meta():
    runs = [("a", [0.7, 0.5], [(0, 0.5, 0.4), (1, 0.9, 0.7)]), ("b", [0.7, 0.6], [(0, 0.5, 0.5)])]
    fig = charts.compare_chart(runs)
    words = describe.describe(fig, EN)
    for name in ("a · cost", "a · test accuracy", "a · train accuracy", "b · cost"):
        assert name + ": from" in words.summary
    fig.layout.meta = {"min_width": 300}
    described = describe.attach(fig, words, "table")
    assert described.layout.meta["min_width"] == 300
    assert described.layout.meta[describe.META]["summary"] == words.summary


def test_the_grid_heatmap_names_cells_by_their_values_and_its_marks_by_cell():
    from ui.grid.figures import heatmap

    z = np.array([[0.74, np.nan], [0.8, 0.62]])
    labels = {"x": "α", "y": "layers", "test": "test accuracy", "lesson": "lesson", "best": "best"}
    fig = heatmap(z, ["0.0075", "0.01"], ["[7]", "[20, 7]"], "test", {(0, 1): "diverged"},
                  [(0, 0, "2-layer"), (1, 0, "4-layer")], (1, 0), labels=labels)  # fmt: skip
    words = describe.describe(fig, EN)
    assert words.summary.startswith("test accuracy: a map of 2 × 2 values from 62.0% up to 80.0%")
    assert "largest at layers [20, 7], α 0.0075." in words.summary
    assert "lesson: layers [7], α 0.0075 (74.0%); layers [20, 7], α 0.0075 (80.0%)." in (
        words.summary
    )
    assert "best: layers [20, 7], α 0.0075 (80.0%)." in words.summary
    assert "-0.3" not in words.summary and "1.3" not in words.summary  # no marker coordinates
    assert words.columns == ["layers \\ α", "0.0075", "0.01"]
    assert words.rows == [["[7]", "74.0%", "diverged"], ["[20, 7]", "80.0%", "62.0%"]]
    zh = describe.describe(fig, ZH).summary
    assert "lesson：layers [7]、α 0.0075（74.0%）；layers [20, 7]、α 0.0075（80.0%）。" in zh


def test_curves_of_different_lengths_each_end_in_the_table():
    from ui.grid.figures import peak_curves

    short = [(i, 0.5) for i in range(0, 300, 10)] + [(299, 0.5), (300, 0.54)]
    long = [(i, 0.6) for i in range(0, 701, 10)] + [(701, 0.76)]
    words = describe.describe(peak_curves([("short", short), ("long", long)]), EN)
    rows = {row[0]: row[1:] for row in words.rows}
    assert rows["300"] == ["54.0%", "60.0%"] and rows["701"] == ["—", "76.0%"]
    assert rows["0"] == ["50.0%", "60.0%"] and len(words.rows) <= describe.MAX_ROWS
