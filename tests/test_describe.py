"""Every chart in words and as a table, in both languages (ui/core/figures/describe.py)."""

from __future__ import annotations

import numpy as np
import pytest

from ui.core.figures import charts, describe, gradient_map, inside
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
    assert (
        "3 × 4 values from 0 up to 5; the largest in size is 5 (positive), at row 2, column 3."
        in (words.summary)
    )
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
    fig = gradient_map.input_gradient_map(picture, grad, ("picture", "magnitude", "sign"))
    words = describe.describe(fig, EN).summary
    assert words.count("magnitude:") == 1 and "largest at row 11, column 21" in words
    assert words.startswith("picture: a picture of 64 × 64 pixels.")  # not "1 picture: picture."


def test_the_signed_gradient_map_names_its_largest_value_in_size_and_its_sign():
    """Review item 2: test picture #1's signed map has min -0.000912, stronger than its max
    +0.000903; "largest" took the max."""
    grad = np.zeros((64, 64, 3))
    grad[40, 5, 0], grad[7, 30, 1] = -0.000912, 0.000903
    black = np.zeros((64, 64, 3), np.uint8)
    fig = gradient_map.input_gradient_map(black, grad.ravel(), ("p", "m", "s"))
    en, zh = describe.describe(fig, EN).summary, describe.describe(fig, ZH).summary
    assert (
        "s: a map of 64 × 64 values from -0.000912 up to 0.000903; the largest in size is "
        "-0.000912 (negative), at row 41, column 6." in en
    )
    assert "m: a map of 64 × 64 values from 0 up to 0.000912, largest at row 41, column 6." in en
    assert "绝对值最大的是 -0.000912（负值），在第 41 行、第 6 列。" in zh
    # the hover of that pixel says the same row and column
    signed = fig.data[2]
    i, j = np.unravel_index(np.argmax(np.abs(np.asarray(signed.z))), (64, 64))
    assert (signed.y[i], signed.x[j]) == (41, 6) and "(%{y}, %{x})" in signed.hovertemplate


def test_chinese_positions_read_as_ordinals():
    """Review item 16: "最大值在 行 46、列 33" → "在第 46 行、第 33 列", "在第 2 个单元"."""
    M = np.zeros((50, 40))
    M[45, 32] = 1.0
    zh = describe.describe(inside.matrix_heatmap(M, "W", unit_interval=True), ZH).summary
    assert "最大值在第 46 行、第 33 列" in zh and "行 46" not in zh
    acts = [np.array([0.1, 0.7, 0.2]), np.array([0.9])]
    fig = inside.layer_activations(acts, ZH("inside_units"), "A[{l}]（{n}）", "A[{l}] = P(猫)")
    assert "最大值在第 2 个单元。" in describe.describe(fig, ZH).summary


def test_a_reduced_matrix_is_described_whole_and_zeros_as_all_zero():
    """Review item 12: the words gave the range and the largest of the 20 × 60 drawn as the
    whole W[1]'s; and b[1] = 0 was "from 0 up to 0, largest at row 1, column 1"."""
    rng = np.random.RandomState(1)
    W = rng.randn(20, 12288) * 0.01
    i, j = np.unravel_index(np.argmax(np.abs(W)), W.shape)
    fig = inside.matrix_heatmap(W, "W[1]")
    assert np.asarray(fig.data[0].z).shape == (20, 60)
    for T in (EN, ZH):
        words = describe.describe(fig, T).summary
        assert f"{W.min():.4g}" in words and f"{W.max():.4g}" in words
        assert f"{W[i, j]:.4g}" in words
        place = (f"row {i + 1}, column {j + 1:,}", f"第 {i + 1} 行、第 {j + 1:,} 列")
        assert place[T is ZH] in words
        assert ("20 × 60", "20 行 × 60 列")[T is ZH] in words
    assert describe.describe(inside.matrix_heatmap(np.zeros((20, 1)), "b[1]"), EN).summary == (
        "b[1]  (20 × 1): a map of 20 × 1 values, all 0."
    )
    assert (
        "全部为 0" in describe.describe(inside.matrix_heatmap(np.zeros((20, 1)), "b"), ZH).summary
    )


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


@pytest.mark.parametrize("validation", [False, True])
def test_the_peak_star_is_called_a_peak_in_the_words(validation):
    """Review item 10: the words ended "…test accuracy, mean of 100 iterations: 82.0% at
    iteration 550." — the star under the dashed mean line's name, never called a peak."""
    from ui.core.figures.peak import accuracy_peak
    from ui.core.i18n import text as translated

    checkpoints = [
        (i, 0.9, 0.5 + 0.3 * min(i, 550) / 550 - 0.2 * (i > 700)) for i in range(0, 1000, 10)
    ]
    peak = accuracy_peak(checkpoints, 50)
    assert peak is not None
    for lang, T in (("en", EN), ("zh", ZH)):
        prefix = "chart_val_" if validation else "chart_"
        labels = {
            k: translated(lang, prefix + k) for k in ("test", "peak", "peak_name", "smoothed")
        }
        fig = charts.training_chart([0.7] * 1000, checkpoints, labels, pictures=50)
        words = describe.describe(fig, T).summary
        star = labels["peak_name"].format(window=peak.window)
        acc = f"{peak.accuracy:.1%}"
        expected = {
            "en": f"{star}: {acc} at iteration {peak.iteration:,}.",
            "zh": f"{star}：iteration {peak.iteration:,} 处为 {acc}。",
        }[lang]
        assert expected in words, words
        assert ("peak" if lang == "en" else "峰值") in star
