"""The step-through's link keeps its step, network, activation and learning rate (issue 19)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP
from ui.step import link as step_link


def open_step(query: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.switch_page("pages/step.py").run()
    assert not at.exception, at.exception
    return at


def test_a_link_opens_its_step_and_the_page_writes_it_back():
    at = open_step({"step": "7", "sg": "tanh", "sa": "0.3"})
    assert at.header[0].value.startswith("7/11")
    assert at.selectbox(key="step_hidden").value == "tanh"
    assert at.select_slider(key="step_alpha").value == 0.3
    assert {k: at.query_params[k] for k in ("step", "sg", "sa")} == {
        "step": "7",
        "sg": "tanh",
        "sa": "0.3",
    }
    at.button(key="step_next").click().run()
    assert at.header[0].value.startswith("8/11") and at.query_params["step"] == "8"


def test_the_first_step_and_defaults_write_nothing():
    at = open_step({})
    assert not {"step", "snet", "sg", "sa"} & set(at.query_params)
    at.button(key="step_next").click().run()
    assert at.query_params["step"] == "2" and "snet" not in at.query_params


def test_a_step_past_the_last_shows_the_last():
    at = open_step({"step": "99"})
    assert at.header[0].value.startswith("11/11")


@pytest.mark.parametrize(
    "query", [{"step": "0"}, {"step": "x"}, {"snet": "huge"}, {"sg": "<b>"}, {"sa": "0.5"}]
)
def test_a_value_the_page_cannot_show_is_ignored_with_a_note(query):
    read, refused = step_link.decode(query)
    assert read == {} and refused == list(query)
    at = open_step(query)
    assert at.header[0].value.startswith("1/11")
    assert any("could not be used" in w.value or list(query)[0] in w.value for w in at.warning)


def test_encode_and_decode_round_trip():
    values = {"step_index": 5, "step_network": "cat", "step_hidden": "sigmoid", "step_alpha": 1.0}
    assert step_link.decode(step_link.encode(values)) == (values, [])


def test_other_pages_links_do_not_carry_the_step(data):  # the Training page needs the data
    at = open_step({"step": "4"})
    at.switch_page("pages/training.py").run()
    assert "step" not in at.query_params
