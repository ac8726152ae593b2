"""Settings survive every navigation: each pair of pages, there and back, and the address too.

The training settings are drawn on /training and, folded, on /classes; every other page reads
them from their mirror (ui.core.kept). Going to "Your own classes" once wiped them (1 unit,
α = 1e-05, 0 iterations, seed 0 in the widgets and in the link) while the preset still said
"Lesson 4-layer": a widget of the same key drawn on another page started from its own bounds.
"""

import itertools

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, app
from ui.core import url_state

PAGES = ["theory", "training", "prediction", "classes", "step"]
CHOSEN = {  # every kind of widget the settings have, none at its default
    "hidden_layers": 2,
    "units_0": 12,
    "units_1": 6,
    "learning_rate": 0.05,
    "iterations": 1234,
    "seed": 7,
}
ADVANCED = {"activation": "tanh", "l2": 0.1, "optimizer": "momentum", "batch_size": 32}
EXPECTED_QUERY = {
    **{"dims": "12288-12-6-1", "lr": "0.05", "it": "1234", "seed": "7", "act": "tanh"},
    **{"l2": "0.1", "opt": "momentum", "batch": "32"},
}


def choose(at) -> None:
    """Set every training setting on the training page, as a visitor would."""
    at.number_input(key="iterations").set_value(CHOSEN["iterations"])
    at.number_input(key="seed").set_value(CHOSEN["seed"])
    at.select_slider(key="learning_rate").set_value(CHOSEN["learning_rate"])
    at.slider(key="hidden_layers").set_value(CHOSEN["hidden_layers"]).run()
    at.number_input(key="units_0").set_value(CHOSEN["units_0"])
    at.number_input(key="units_1").set_value(CHOSEN["units_1"])
    for key, value in ADVANCED.items():
        widget = at.select_slider(key=key) if key == "l2" else at.selectbox(key=key)
        widget.set_value(value)
    at.run()


def shown(at) -> dict:
    """What the training page's widgets say now."""
    keys = ["hidden_layers", "units_0", "units_1", "iterations", "seed"]
    values = {k: at.number_input(key=k).value for k in keys if k != "hidden_layers"}
    values["hidden_layers"] = at.slider(key="hidden_layers").value
    values["learning_rate"] = at.select_slider(key="learning_rate").value
    values["activation"] = at.selectbox(key="activation").value
    values["l2"] = at.select_slider(key="l2").value
    values["optimizer"] = at.selectbox(key="optimizer").value
    values["batch_size"] = at.selectbox(key="batch_size").value
    return values


def one(value) -> str:
    return value if isinstance(value, str) else value[-1]


def query(at) -> dict:
    return {k: one(at.query_params[k]) for k in EXPECTED_QUERY if k in at.query_params}


def go(at, page: str) -> None:
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, (page, at.exception)


@pytest.fixture(scope="module")
def walked(data):
    """One session that sets the settings, then walks every ordered pair of pages and back."""
    at = app("pages/training.py")
    choose(at)
    assert shown(at) == {**CHOSEN, **ADVANCED}
    assert at.selectbox(key="preset").value == "custom"
    seen = []
    for a, b in itertools.permutations(PAGES, 2):
        go(at, a)
        go(at, b)
        seen.append((a, b, query(at)))
        go(at, a)  # page → page → back
        seen.append((b, a, query(at)))
    go(at, "training")
    return at, seen


def test_every_pair_of_pages_keeps_the_settings_in_the_address(walked):
    _, seen = walked
    wrong = [(a, b, q) for a, b, q in seen if q != EXPECTED_QUERY]
    assert wrong == []


def test_after_the_walk_the_training_page_shows_what_was_set(walked):
    at, _ = walked
    assert shown(at) == {**CHOSEN, **ADVANCED}
    assert at.selectbox(key="preset").value == "custom"


def test_the_address_reads_back_as_the_settings(walked):
    at, _ = walked
    link = url_state.parse({k: one(v) for k, v in at.query_params.items()})
    s = link.settings
    assert (s.hidden, s.learning_rate, s.iterations, s.seed) == ((12, 6), 0.05, 1234, 7)
    assert (s.activation, s.l2, s.optimizer, s.batch_size) == ("tanh", 0.1, "momentum", 32)


def test_a_reload_of_each_page_keeps_the_settings(data):
    for page in PAGES:
        at = app("pages/training.py")
        choose(at)
        go(at, page)
        again = AppTest.from_file(APP, default_timeout=60)  # a reload: a new session, same address
        for k, v in at.query_params.items():
            again.query_params[k] = one(v)
        again.run()
        go(again, "training")
        assert shown(again) == {**CHOSEN, **ADVANCED}, page
