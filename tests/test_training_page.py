"""The training page's run controls through AppTest: planned totals, One step, labels, checks."""

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import dnn
from tests.apptest_helpers import APP, plotly_specs, texts
from tests.clocks import fake_trainer_clock
from tests.test_lesson import LESSON_COSTS
from ui.core.strings import EN
from ui.widgets.run_panel import CHART_POINTS


def training(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(query or {})
    at.run()
    at.switch_page("pages/training.py").run()
    assert not at.exception, at.exception
    return at


def click(at, key):
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def result_chart(at):
    return plotly_specs(at)[0]


def test_one_step_shows_the_cost_before_and_after_and_continue_finishes_the_plan(data):
    at = click(training(), "one_step_button")
    run = at.session_state.runs[-1]
    assert run.iteration == 1 and run.planned == 2500 and not run.done
    two = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], num_iterations=2)
    text = texts(at)
    assert f"{two.costs[0]:.6f}" in text and f"{two.costs[1]:.6f}" in text
    assert "Stopped at iteration 1 of 2500" in text and "Finished" not in text
    click(at, "continue_button")  # the number box is empty: on to the planned 2,500
    run = at.session_state.runs[-1]
    assert len(at.session_state.runs) == 1 and run.iteration == 2500 and run.done
    np.testing.assert_allclose(run.costs[::100], LESSON_COSTS, atol=6e-7)
    assert "Finished: 2500 iterations" in texts(at)


def test_continue_after_a_time_cap_goes_on_to_the_planned_total(data, monkeypatch):
    from ui.core import live

    fake_trainer_clock(monkeypatch)  # each reading of the trainer's clock: 1 ms of computing
    monkeypatch.setattr(live, "MAX_RUN_SECONDS", 0.2)  # a few hundred readings
    at = training()
    at.number_input(key="iterations").set_value(3000).run()
    click(at, "train_button")
    reached = at.session_state.runs[-1].iteration
    assert 0 < reached < 3000 and "Finished" not in texts(at)
    monkeypatch.setattr(live, "MAX_RUN_SECONDS", 60.0)
    click(at, "continue_button")
    run = at.session_state.runs[-1]
    assert run.iteration == 3000 and run.status == "finished"
    assert "Finished: 3000 iterations" in texts(at)
    at.number_input(key="continue_iterations").set_value(7).run()  # asked for 7 more
    click(at, "continue_button")
    assert run.iteration == 3007 and run.planned == 3007


def test_any_number_of_iterations(data):
    at = training()
    at.number_input(key="iterations").set_value(1234).run()
    click(at, "train_button")
    run = at.session_state.runs[-1]
    assert run.iteration == 1234 and run.done
    assert len(result_chart(at)["data"][0]["y"]) == 1234


def test_labels_name_every_change_and_numbers_start_at_one_per_session(data):
    at = training()
    for key, value in (
        ("initialization", "he"),
        ("optimizer", "adam"),
        ("batch_size", 64),
        ("activation", "tanh"),
    ):
        at.selectbox(key=key).set_value(value).run()
    at.select_slider(key="l2").set_value(0.1).run()
    at.number_input(key="seed").set_value(2).run()
    at.number_input(key="iterations").set_value(30).run()
    click(at, "train_button")
    label = at.dataframe[0].value.iloc[0, 0]  # the comparison table's run column
    assert "(lesson)" not in label
    for part in ("#1 4-layer", "init He", "Adam", "batch 64", "tanh", "L2 λ=0.1"):
        assert part in label, label
    assert "seed 2" in label and "30 it." in label
    other = click(training(), "train_button")  # another session counts from #1 too
    assert other.session_state.runs[-1].run_id == 1
    assert [r.run_id for r in click(at, "train_button").session_state.runs] == [1, 2]


def test_comparison_shows_costs_then_accuracies_and_percentages(data):
    at = training()
    at.number_input(key="iterations").set_value(200).run()
    for _ in range(6):
        click(at, "train_button")
    at.multiselect(key="compare_runs").set_value([1, 2, 3, 4, 5, 6]).run()
    compare = plotly_specs(at)[1]
    assert len(compare["data"]) == 6 and all(tr["yaxis"] == "y" for tr in compare["data"])
    assert compare["layout"]["legend"]["orientation"] == "h"  # below the plot, one per line
    table = at.dataframe[0].value
    assert all(v.endswith("%") for v in table.iloc[:, 1]) and len(table) == 6
    at.toggle(key="compare_accuracy").set_value(True).run()
    compare = plotly_specs(at)[1]
    assert len(compare["data"]) == 18
    assert sum(tr["yaxis"] == "y2" for tr in compare["data"]) == 12


def test_the_comparison_choice_outlives_another_page_and_tab_and_new_runs_join_it(data):
    at = training()
    at.number_input(key="iterations").set_value(100).run()
    for _ in range(3):
        click(at, "train_button")
    at.multiselect(key="compare_runs").set_value([1, 3]).run()
    at.toggle(key="compare_accuracy").set_value(True).run()
    at.switch_page("pages/theory.py").run()  # the widgets are not drawn there
    at.switch_page("pages/training.py").run()
    assert at.multiselect(key="compare_runs").value == [1, 3]
    assert at.toggle(key="compare_accuracy").value is True
    at.session_state["result_tab"] = EN["tab_confusion"]  # the comparison is not drawn
    at.run()
    click(at, "train_button")  # run 4 joins the choice though its widget is away
    at.session_state["result_tab"] = EN["tab_compare"]
    at.run()
    assert at.multiselect(key="compare_runs").value == [1, 3, 4]
    assert len(plotly_specs(at)[1]["data"]) == 9  # 3 runs × (cost, train, test)
    click(at, "reset_button")
    assert "compare_runs" not in at.session_state or not at.session_state.compare_runs


def test_a_stalled_run_says_it_learned_nothing(data):
    at = training()
    at.selectbox(key="initialization").set_value("small").run()
    click(at, "train_button")
    run = at.session_state.runs[-1]
    assert run.status == "finished" and run.cat_share == 0.0
    warnings = " ".join(w.value for w in at.warning)
    assert "learned nothing useful" in warnings
    assert "“non-cat” for every training picture" in warnings and "stalled" in warnings
    assert "“small” initialization does this" in warnings and "too large" not in warnings
    lesson = click(training(), "train_button")
    assert not lesson.warning


def test_a_run_stalled_by_a_large_learning_rate_blames_the_learning_rate(data):
    """α = 5 with the lesson's initialization: J jumps, then sits at the guessing cost."""
    at = training()
    at.select_slider(key="learning_rate").set_value(5.0).run()
    click(at, "train_button")
    costs = np.asarray(at.session_state.runs[-1].costs)
    warnings = " ".join(w.value for w in at.warning)
    assert "stalled" in warnings and "initialization does this" not in warnings
    at_peak = int(np.argmax(costs))
    assert f"On the way J jumped from {costs[0]:.3f} to {costs[at_peak]:,.3f}" in warnings
    assert f"(at iteration {at_peak})" in warnings and "Try a smaller α" in warnings


def test_costs_spanning_orders_of_magnitude_get_a_log_axis(data):
    at = training()
    at.select_slider(key="learning_rate").set_value(5.0).run()
    click(at, "train_button")
    chart = result_chart(at)
    costs = chart["data"][0]["y"]
    assert max(costs) / min(costs) > 1000 and chart["layout"]["yaxis"]["type"] == "log"
    lesson = click(training(), "train_button")
    assert result_chart(lesson)["layout"]["yaxis"].get("type") != "log"


def test_zero_iterations_is_a_sensible_state(data):
    at = training()
    at.number_input(key="iterations").set_value(0).run()
    click(at, "train_button")
    assert "None" not in texts(at) and "random start" in texts(at)
    values = [m.value for m in at.metric]
    assert values[2] == "0" and values[0].endswith("%")
    assert all("None" not in str(v) for v in at.dataframe[0].value.iloc[0])


def test_weights_tab_shows_the_change_and_its_correlation(data):
    at = click(training(), "train_button")
    assert not [s for s in plotly_specs(at) if s["data"][0]["type"] == "image"]  # tab closed
    at.session_state["result_tab"] = EN["tab_weights"]  # the visitor opens the tab
    at.run()
    params = at.session_state.trainer.params
    W0 = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], num_iterations=0)
    W0 = W0.params["W1"]
    corr = np.array([np.corrcoef(w, w0)[0, 1] for w, w0 in zip(params["W1"], W0, strict=True)])
    caption = " ".join(c.value for c in at.caption)
    assert f"{corr.min():.2f}–{corr.max():.2f}" in caption
    assert f"median {np.median(corr):.2f}" in caption
    # 12 of the 20 units are drawn, and the page says so
    assert "Units 1–12 of this layer's 20 are drawn" in caption
    assert "over all 20" in caption
    # a first layer of 7 units is drawn whole: no such note
    small = training({"dims": "12288-7-1", "it": "5"})
    small.session_state["result_tab"] = EN["tab_weights"]
    click(small, "train_button")
    images = [s for s in plotly_specs(small) if s["data"][0]["type"] == "image"]
    assert len(images) == 2 and len(images[0]["data"]) == 7
    assert "are drawn, on both sides" not in " ".join(c.value for c in small.caption)
    images = [s for s in plotly_specs(at) if s["data"][0]["type"] == "image"]
    assert len(images) == 2  # raw and change
    change = np.asarray(images[1]["data"][0]["z"], dtype=float).reshape(64, 64, 3)
    d = (params["W1"] - W0)[0].reshape(64, 64, 3)
    expected = np.round(255 * (d + np.abs(d).max()) / (2 * np.abs(d).max()))
    np.testing.assert_array_equal(change, expected)


def test_bounds_of_the_architecture_are_in_the_help(data):
    at = training()
    assert at.number_input(key="units_0").max == 256 and at.number_input(key="units_2").max == 512
    assert "1 to 256" in at.number_input(key="units_0").help
    assert "at most 8 hidden layers" in at.slider(key="hidden_layers").help


@pytest.mark.slow
def test_the_chart_stays_bounded_however_long_the_run(data):
    at = training()
    at.number_input(key="iterations").set_value(10_000).run()
    click(at, "train_button")
    size_10k = len(json.dumps(result_chart(at)))
    at.number_input(key="continue_iterations").set_value(10_000).run()
    for _ in range(3):
        click(at, "continue_button")
    run = at.session_state.runs[-1]
    assert run.iteration == 40_000
    chart = result_chart(at)
    assert len(chart["data"][0]["y"]) <= CHART_POINTS + 1
    assert chart["data"][0]["x"][-1] == 39_999
    assert all(len(tr["x"]) <= CHART_POINTS + 1 for tr in chart["data"])
    # the same traces, plus the averaged test line where its peak is starred (4,000 apart)
    assert len(chart["data"]) <= 5 and len(json.dumps(chart)) < 2 * size_10k
    from ui.training.files import costs_csv

    rows = costs_csv(run).decode().splitlines()
    assert len(rows) == 40_001  # the download keeps every iteration


@pytest.mark.parametrize(
    ("lang", "names", "sizes"),
    [
        ("en", ["Lesson: 4-layer", "Lesson: 2-layer", "Custom"], "Layer sizes "),
        ("zh", ["本课：4 层", "本课：2 层", "自定义"], "各层大小 "),
    ],
)
def test_the_preset_box_shows_a_short_name_and_the_sizes_under_it(data, lang, names, sizes):
    """The select box holds a short name (1280 px cut the long one); the sizes are a caption."""
    at = training({"lang": lang})
    box = at.selectbox(key="preset")
    assert box.options == names
    captions = lambda: [c.value for c in at.caption]  # noqa: E731
    assert sizes + "[12288, 20, 7, 5, 1]" in captions()
    if lang == "zh":  # AppTest writes every select box's value back in English
        return
    box.select_index(1).run()  # the lesson's 2-layer network
    assert sizes + "[12288, 7, 1]" in captions()
    at.number_input(key="units_0").set_value(9).run()  # a custom network: its own boxes say it
    assert at.selectbox(key="preset").value == "custom"
    assert not any("[12288" in c for c in captions())


def test_one_iteration_and_one_mistake_are_singular(data):
    at = training()
    at.number_input(key="iterations").set_value(1).run()
    click(at, "train_button")
    assert any(s.value.startswith("Finished: 1 iteration in ") for s in at.success)
    from ui.core.i18n import text

    assert text("en", "mistakes_intro", n=1, m=50) == "1 of the 50 test pictures is misclassified:"
    assert text("en", "mistakes_intro", n=2, m=50) == "2 of the 50 test pictures are misclassified:"


def test_the_two_weight_charts_words_say_which_is_which(data):
    """Review item 15: both charts of the first-layer weights tab read "12 pictures: unit 1, …,
    unit 12."; "after training" and "what training changed" were never said."""
    at = training()
    at.number_input(key="iterations").set_value(30).run()
    click(at, "train_button")
    at.session_state["result_tab"] = EN["tab_weights"]  # the visitor opens the tab
    at.run()
    pictures = [s for s in plotly_specs(at) if s["data"] and s["data"][0]["type"] == "image"]
    words = [s["layout"]["meta"]["dnn_text"]["summary"] for s in pictures]
    assert len(words) == 2 and words[0] != words[1]
    assert words[0].startswith("W[1] after training, each unit's weights scaled to its own range:")
    assert words[1].startswith("What training changed, W[1] − its random start (grey: no change")
    assert all("unit 1, unit 2" in w for w in words)
