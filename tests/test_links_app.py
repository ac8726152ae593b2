"""Links through AppTest: the URL follows the page, and opening it restores settings and runs."""

import numpy as np
from streamlit.testing.v1 import AppTest

import dnn
from tests.apptest_helpers import APP, plotly_specs, texts


def open_link(query: dict, page: str | None = "pages/training.py") -> AppTest:
    """A new session opened on ``query`` (its first run reads the link)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_settings_in_the_link_fill_the_widgets_and_the_language(data):
    at = open_link(
        {"lang": "zh", "dims": "12288-64-8-1", "lr": "0.05", "it": "1234", "act": "tanh"}
    )
    assert at.title[0].value == "训练深层神经网络"
    assert at.slider(key="hidden_layers").value == 2
    assert [at.number_input(key=f"units_{k}").value for k in range(2)] == [64, 8]
    assert at.select_slider(key="learning_rate").value == 0.05
    assert at.number_input(key="iterations").value == 1234
    assert at.selectbox(key="activation").value == "tanh"
    assert at.selectbox(key="preset").value == "custom"
    assert not at.warning


def test_the_url_follows_the_widgets_and_the_runs(data):
    at = open_link({})
    assert at.query_params == {"lang": "en"}
    at.number_input(key="iterations").set_value(300).run()
    assert at.query_params["it"] == "300" and at.query_params["dims"] == "12288-20-7-5-1"
    at.button(key="train_button").click().run()
    assert at.query_params["runs"] == "dims.12288-20-7-5-1_it.300"
    at.button(key="reset_button").click().run()
    assert "runs" not in at.query_params


def test_a_link_with_runs_reproduces_the_senders_page(data):
    sender = open_link({})
    sender.selectbox(key="preset").set_value("lesson2").run()
    sender.button(key="train_button").click().run()
    sender.selectbox(key="preset").set_value("lesson4").run()
    sender.selectbox(key="optimizer").set_value("momentum").run()
    sender.number_input(key="iterations").set_value(700).run()
    sender.button(key="train_button").click().run()
    link = dict(sender.query_params)
    assert link["runs"].count("~") == 1
    receiver = open_link(link)
    sent, got = sender.session_state.runs, receiver.session_state.runs
    assert [r.run_id for r in got] == [1, 2]
    for a, b in zip(sent, got, strict=True):
        assert b.costs == a.costs and b.iteration == a.iteration and b.planned == a.planned
        assert (b.train_accuracy, b.test_accuracy) == (a.train_accuracy, a.test_accuracy)
    assert [m.value for m in receiver.metric][:3] == [m.value for m in sender.metric][:3]
    assert plotly_specs(receiver)[0]["data"][0]["y"] == plotly_specs(sender)[0]["data"][0]["y"]
    # the runs are those of the engine, trained directly
    two = dnn.train(data.train_x, data.train_y, [12288, 7, 1], num_iterations=2500)
    assert got[0].costs == two.costs
    assert receiver.session_state.trainer.iteration == 700
    assert dict(receiver.query_params) == link  # and the URL says the same again


def test_a_stopped_run_in_a_link_continues_to_its_plan(data):
    at = open_link({"runs": "dims.12288-7-1_it.2500_done.40"})
    run = at.session_state.runs[-1]
    assert run.iteration == 40 and run.planned == 2500
    assert "Stopped at iteration 40 of 2500" in texts(at)
    at.button(key="continue_button").click().run()
    assert run.iteration == 2500 and run.test_accuracy == 0.74


def test_the_prediction_page_uses_the_links_last_run(data):
    at = open_link({"runs": "dims.12288-7-1_it.2500"}, page="pages/prediction.py")
    params = at.session_state.model.params
    assert params["W1"].shape == (7, 12288)
    assert np.mean(dnn.predict(params, data.test_x) == data.test_y) == 0.74


def test_hostile_links_are_a_note_not_an_exception(data):
    at = open_link(
        {
            "dims": "-".join(["12288", *["5"] * 10_000, "1"]),
            "lr": "NaN",
            "it": "1e9",
            "evil": "<img src=x onerror=alert(1)>",
            "runs": "dims.12288-9999-1_it.50~garbage",
        },
        page=None,  # the notes are on the first page the link opens
    )
    warning = at.warning[0].value
    assert "could not be used" in warning and "`lr`" in warning and "`evil`" in warning
    assert "<img" not in warning
    assert at.session_state.runs[-1].config.layer_dims == (12288, 256, 1)
    assert "lr" not in at.query_params and "evil" not in at.query_params
    at.switch_page("pages/training.py").run()  # the note is shown once
    assert not at.warning and not at.exception


def test_root_url_opens_the_theory_page():
    at = open_link({"lang": "zh"}, page=None)
    assert at.title[0].value == "深层（L 层）神经网络"


def test_a_grid_link_opens_the_grid_with_its_values_and_reset_forgets_the_grid(data):
    at = open_link({"gx": "it.100~200~300", "gy": "lr.0.005~0.0075~0.01"})
    assert at.toggle(key="grid_open").value
    assert at.selectbox(key="grid_x").value == "iterations"
    assert at.text_input(key="grid_values_iterations").value == "100, 200, 300"
    assert at.selectbox(key="grid_y").value == "learning_rate"
    assert at.text_input(key="grid_values_learning_rate").value == "0.005, 0.0075, 0.01"
    assert at.session_state.get("grid") is None  # a link fills the boxes; the visitor runs it
    assert at.query_params["gx"] == "it.100~200~300"
    at.text_input(key="grid_values_iterations").set_value("50, 100, 150").run()
    assert at.query_params["gx"] == "it.50~100~150"  # the link follows the boxes
    at.button(key="grid_run_button").click().run()
    assert at.session_state.grid.status == "finished" and not at.exception
    at.button(key="reset_button").click().run()
    assert at.session_state.get("grid") is None and "Grid finished" not in texts(at)
    at.toggle(key="grid_open").set_value(False).run()
    assert "gx" not in at.query_params and "gy" not in at.query_params  # a closed grid


def test_a_bad_grid_link_says_so_and_leaves_the_grid_closed(data):
    at = open_link({"gx": "lr.0.5~9~x"}, page=None)  # the notes are on the first page
    assert "`gx` = `lr.0.5~9~x` is not a valid value: ignored." in at.warning[0].value
    at.switch_page("pages/training.py").run()
    assert not at.toggle(key="grid_open").value and "gx" not in at.query_params


def _replay_cut_by_a_rerun():
    """A link's run replayed; in the first script run, a rerun cuts it at its first bar touch."""
    import streamlit as st

    from ui.core import live, session
    from ui.core.data import shared_data
    from ui.core.settings import LESSON, with_iterations
    from ui.core.url_state import RunSpec

    session.init_state()
    if "attempts" not in st.session_state:
        st.session_state.attempts = 0
        st.session_state.pending_runs = [RunSpec(with_iterations(LESSON, 6000), 6000, 3)]
    st.session_state.attempts += 1
    first = st.session_state.attempts == 1

    class Bar:  # the page's progress bar, where Streamlit raises when a rerun is asked for
        def caption(self, *args, **kwargs):
            pass

        def progress(self, *args, **kwargs):
            if first:
                raise InterruptedError("a rerun was asked for")

    try:
        live.replay(shared_data(), st.session_state.pending_runs, Bar())
    except InterruptedError:
        st.write("interrupted")


def test_a_replayed_run_cut_by_a_rerun_is_trained_again_not_kept_cut(data):
    at = AppTest.from_function(_replay_cut_by_a_rerun, default_timeout=120)
    at.run()
    assert [m.value for m in at.markdown] == ["interrupted"]
    assert at.session_state.runs == [] and len(at.session_state.pending_runs) == 1
    at.run()  # the next script run (the rerun that was asked for)
    assert not at.exception and at.session_state.pending_runs == []
    [run] = at.session_state.runs
    assert (run.run_id, run.iteration, run.status) == (3, 6000, "finished")
    whole = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], num_iterations=6000)
    assert run.costs == whole.costs
    assert at.session_state.model.params is at.session_state.trainer.params  # the prediction model


def test_a_chosen_pace_goes_into_the_link_and_comes_back_from_it(data):
    at = open_link({})
    assert at.segmented_control(key="pace").value == "fast" and "pace" not in at.query_params
    at.segmented_control(key="pace").set_value("lesson").run()
    assert at.query_params["pace"] == "lesson"  # not the default: the link carries it
    receiver = open_link(dict(at.query_params))
    assert receiver.segmented_control(key="pace").value == "lesson" and not receiver.warning
    assert receiver.query_params["pace"] == "lesson"  # and the receiver's link keeps it
    at.segmented_control(key="pace").set_value("fast").run()
    assert "pace" not in at.query_params  # the default again: links stay as they were


def test_presenter_mode_brings_the_lesson_pace_and_a_link_can_say_otherwise(data):
    shown = open_link({"present": "1"})
    assert (
        shown.segmented_control(key="pace").value == "lesson" and "pace" not in shown.query_params
    )
    fast = open_link({"present": "1", "pace": "fast"})
    assert fast.segmented_control(key="pace").value == "fast"
    assert fast.query_params["pace"] == "fast" and fast.query_params["present"] == "1"


def test_a_hostile_pace_in_a_link_is_a_note_and_the_default_pace(data):
    at = open_link({"pace": "<b>slow</b>", "lang": "zh"}, page=None)  # the note: first page
    (note,) = [w.value for w in at.warning]
    assert "`pace`" in note and "<b>" not in note
    at.switch_page("pages/training.py").run()
    assert at.segmented_control(key="pace").value == "fast"
    assert "pace" not in at.query_params and not at.exception
