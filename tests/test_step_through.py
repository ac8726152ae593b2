"""The step-through: its numbers are one iteration of dnn.train, and its page walks every step."""

import re

import numpy as np
import pytest
from plotly.colors import sample_colorscale

import dnn
from tests.apptest_helpers import app, plotly_specs, texts
from ui.core.figures.inside import reduce
from ui.step.walk import CAT_DIMS, SMALL_DIMS, shape_rule, small_example, walk

ACTIVATIONS = ["relu", "tanh", "leaky_relu", "sigmoid"]


def assert_one_training_iteration(w, X, Y, dims, hidden, alpha):
    one = dnn.train(X, Y, dims, alpha, 1, hidden_activation=hidden, every=0)
    assert w.cost == pytest.approx(one.costs[0], abs=1e-15)
    for k, p in one.params.items():
        np.testing.assert_allclose(w.new_params[k], p, rtol=0, atol=1e-12)
    two = dnn.train(X, Y, dims, alpha, 2, hidden_activation=hidden, every=0)
    assert w.cost_after == pytest.approx(two.costs[1], abs=1e-12)


@pytest.mark.parametrize("hidden", ACTIVATIONS)
@pytest.mark.parametrize("alpha", [0.0075, 0.3])
def test_small_example_step_is_one_iteration_of_train(hidden, alpha):
    X, Y = small_example()
    assert X.shape == (3, 5) and set(Y.ravel()) == {0.0, 1.0}
    w = walk(X, Y, SMALL_DIMS, hidden, alpha)
    assert_one_training_iteration(w, X, Y, SMALL_DIMS, hidden, alpha)


def test_cat_network_step_is_the_lessons_first_iteration(data):
    w = walk(data.train_x, data.train_y, CAT_DIMS)
    assert round(w.cost, 6) == 0.771749  # the lesson's cost at iteration 0
    assert_one_training_iteration(w, data.train_x, data.train_y, CAT_DIMS, "relu", 0.0075)


def test_steps_show_the_lessons_quantities():
    X, Y = small_example()
    w = walk(X, Y, SMALL_DIMS)
    kinds = [(s.kind, s.layer) for s in w.steps]
    assert kinds == [("input", 0), *[("forward", l) for l in (1, 2, 3, 4)], ("cost", 0)] + [
        ("backward", l) for l in (4, 3, 2, 1)
    ] + [("update", 0)]
    by_label = {m.label: m.values for s in w.steps for m in s.matrices if s.kind == "backward"}
    AL = w.steps[4].matrices[-1].values
    np.testing.assert_allclose(by_label["dZ[4]"], AL - Y)  # the lesson's dZ^[L], not dZ/m
    for l in (1, 2, 3, 4):
        A_prev = X if l == 1 else [m for m in w.steps[l - 1].matrices if m.label == f"A[{l - 1}]"]
        A_prev = A_prev if l == 1 else A_prev[0].values
        np.testing.assert_allclose(by_label[f"dW[{l}]"], by_label[f"dZ[{l}]"] @ A_prev.T / 5)
        np.testing.assert_allclose(by_label[f"dW[{l}]"], w.grads[f"dW{l}"])
    assert "dA[0]" not in by_label  # training never computes it
    for s in w.steps:
        for m in s.matrices:
            assert shape_rule(m).count(",") == 1


def test_reduce_keeps_real_values_and_indices():
    M = np.arange(12288 * 20, dtype=float).reshape(20, 12288)
    part = reduce(M)
    assert part.is_reduced and part.values.shape == (20, 60)
    assert part.cols[0] == 0 and part.cols[-1] == 12287
    np.testing.assert_array_equal(part.values, M[:, part.cols])
    assert not reduce(np.ones((5, 3))).is_reduced


def expected_shapes(dims, m):
    """The shapes every label should have, from dnn.dimension_table."""
    rows = dnn.dimension_table(dims, m)
    out = {"A[0] = X": rows[0].A, "Y": (1, m)}
    for r in rows[1:]:
        l = r.layer
        out |= {f"W[{l}]": r.W, f"b[{l}]": r.b, f"Z[{l}]": r.Z, f"A[{l}]": r.A}
        out |= {f"dW[{l}]": r.dW, f"db[{l}]": r.db, f"dZ[{l}]": r.Z, f"dA[{l}]": r.A}
        out |= {f"W[{l}] (new)": r.W, f"b[{l}] (new)": r.b}
    for r in rows[:-1]:
        out[f"dA[{r.layer}]"] = r.A
    return out


def shown_shapes(at):
    table = at.table[0].value
    return {
        row.iloc[0]: tuple(int(v.replace(",", "")) for v in re.findall(r"[\d,]+", row.iloc[1]))
        for _, row in table.iterrows()
    }


@pytest.mark.parametrize("network,dims,m", [("small", SMALL_DIMS, 5), ("cat", CAT_DIMS, 209)])
def test_page_walks_every_step_forward_and_back(data, network, dims, m):
    at = app("pages/step.py")
    if network == "cat":
        at.radio(key="step_network").set_value("cat").run()
    expected = expected_shapes(dims, m)
    titles = []
    for step in range(1, 12):
        assert not at.exception, at.exception
        assert at.session_state.step_index == step
        titles.append(at.header[0].value)
        assert titles[-1].startswith(f"{step}/11")
        shapes = shown_shapes(at)
        assert shapes and all(expected[k] == v for k, v in shapes.items()), shapes
        assert len(plotly_specs(at)) == len(shapes) or step == 11
        assert at.latex, "every step shows its equations"
        assert at.button(key="step_next").disabled == (step == 11)  # Next stops at the last
        if step < 11:
            at.button(key="step_next").click().run()
    metrics = [m.value for m in at.metric]
    if network == "cat":
        assert metrics[0] == "0.771749"
    for step in range(10, 0, -1):
        at.button(key="step_back").click().run()
        assert at.header[0].value == titles[step - 1]
    assert at.button(key="step_back").disabled
    assert "Forward, layer 1" in titles[1] and "The update" in titles[-1]


def test_slider_jumps_and_large_matrices_say_they_are_reduced(data):
    at = app("pages/step.py")
    at.radio(key="step_network").set_value("cat").run()
    at.slider(key="step_index").set_value(2).run()
    assert "Too large to show whole" in texts(at)
    heat = plotly_specs(at)[0]["data"][0]
    assert len(heat["x"]) == 60 and heat["x"][-1] == "12288"  # W[1]: 60 of 12288 columns


def test_page_in_chinese_and_other_activation():
    at = app()
    at.radio(key="lang_choice").set_value("zh").run()
    at.switch_page("pages/step.py").run()
    at.selectbox(key="step_hidden").set_value("tanh").run()
    at.slider(key="step_index").set_value(8).run()
    assert not at.exception
    assert "反向传播" in at.header[0].value
    assert any(r"\tanh'" in e.value for e in at.latex)


def test_small_network_needs_no_data_and_cat_one_explains_missing_data(tmp_path, monkeypatch):
    monkeypatch.setenv("DNN_DATA_DIR", str(tmp_path))
    at = app("pages/step.py")
    assert not at.exception and at.header[0].value.startswith("1/11")
    at.radio(key="step_network").set_value("cat").run()
    assert not at.exception
    assert any("not here yet" in i.value for i in at.info)


def heat_of(at, name: str) -> dict:
    """The heatmap trace whose figure's title starts with ``name``."""
    for spec in plotly_specs(at):
        if spec["layout"]["title"]["text"].startswith(f"{name}  ("):
            return spec["data"][0]
    raise AssertionError(f"no heatmap {name}")


def test_probabilities_and_labels_are_drawn_on_a_0_to_1_scale():
    """A[4] ≈ 0.53 must not look as sure as the label Y = 1 beside it (step 7)."""
    at = app("pages/step.py")
    at.slider(key="step_index").set_value(7).run()
    assert not at.exception
    a4, y, dz = heat_of(at, "A[4]"), heat_of(at, "Y"), heat_of(at, "dZ[4]")
    z = np.ravel(a4["z"])
    assert 0.5 < z.min() and z.max() < 0.6  # the example's untrained outputs
    for heat in (a4, y):
        assert (heat["zmin"], heat["zmax"]) == (0, 1) and "zmid" not in heat
        scale = [c for _, c in heat["colorscale"]]
        assert scale[0] == "rgb(252,251,253)"  # 0: (nearly) white
    # on this scale 0.53 is about half-way to the colour of 1; dZ = A − Y keeps ±, zero white
    assert dz["zmid"] == 0 and dz["zmin"] == -dz["zmax"]
    # the colour of 0.53 sits in the middle third of the scale, Y = 1 at its end
    lo, mid, hi = sample_colorscale(a4["colorscale"], [0.0, 0.53, 1.0])
    dark = [sum(int(v) for v in c[4:-1].split(",")) for c in (lo, mid, hi)]
    assert dark[0] > dark[1] > dark[2] and (dark[0] - dark[1]) / (dark[0] - dark[2]) < 0.67


@pytest.mark.parametrize(("hidden", "probability"), [("sigmoid", True), ("relu", False)])
def test_a_hidden_layer_is_on_the_0_to_1_scale_only_with_a_sigmoid(hidden, probability):
    at = app("pages/step.py")
    at.selectbox(key="step_hidden").set_value(hidden).run()
    at.slider(key="step_index").set_value(2).run()  # forward, layer 1
    heat = heat_of(at, "A[1]")
    assert (heat.get("zmin") == 0 and heat.get("zmax") == 1) is probability


def test_equation_8_says_columns_in_the_visitors_language():
    at = app()
    at.radio(key="lang_choice").set_value("zh").run()
    at.switch_page("pages/step.py").run()
    at.slider(key="step_index").set_value(7).run()
    eight = [e.value for e in at.latex if r"(8)\quad" in e.value]
    assert len(eight) == 1 and r"\sum_{\text{各列}}" in eight[0] and "columns" not in eight[0]
    at.radio(key="lang_choice").set_value("en").run()
    assert any(r"\sum_{\text{columns}}" in e.value for e in at.latex)


def test_the_words_describe_the_whole_w1_and_an_all_zero_b(data):
    """Review item 12: /step?snet=cat&step=2 said "W[1] (20 × 12,288): a map of 20 × 60 values
    from -0.02642 up to 0.02499, largest at row 2, column 4374" (the part drawn), while the
    lesson's W[1] (seed 1) runs -0.0390 … 0.0409; and "b[1]: from 0 up to 0, largest at row 1,
    column 1"."""
    at = app("pages/step.py")
    at.radio(key="step_network").set_value("cat").run()
    at.slider(key="step_index").set_value(2).run()
    from dnn.propagation import initialize

    W1 = initialize((12288, 20, 7, 5, 1), np.random.RandomState(1), "lesson")["W1"]
    i, j = np.unravel_index(np.argmax(np.abs(W1)), W1.shape)
    words = {
        s["layout"]["title"]["text"].split("  (")[0]: s["layout"]["meta"]["dnn_text"]["summary"]
        for s in plotly_specs(at)
    }
    w = words["W[1]"]
    assert f"from {W1.min():.4g} up to {W1.max():.4g}" in w, w
    assert f"{W1[i, j]:.4g} ({'positive' if W1[i, j] > 0 else 'negative'})" in w
    assert f"at row {i + 1}, column {j + 1:,}." in w and "draws 20 × 60 of them" in w
    assert words["b[1]"].endswith("a map of 20 × 1 values, all 0."), words["b[1]"]
