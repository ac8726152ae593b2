"""The experiment grid's logic: typed values checked, costs bounded, cells equal to dnn.train."""

from dataclasses import replace

import numpy as np
import pytest

import dnn
from dnn.dual import gram
from dnn.propagation import accuracy
from ui.core import pacing
from ui.core.settings import Settings
from ui.core.strings import EN, ZH
from ui.grid import model as grid
from ui.grid.axes import DEFAULTS, PARAMS, GridError, parse


# ------------------------------------------------------------------------------ typed values
def test_defaults_parse_and_hold_the_lessons_values():
    axes = {p: parse(p, DEFAULTS[p]) for p in PARAMS}
    assert {(7,), (20, 7, 5)} <= set(axes["hidden"].values)
    assert 0.0075 in axes["learning_rate"].values
    assert 2500 in axes["iterations"].values and 0.0 in axes["l2"].values
    assert all(3 <= len(a.values) <= 6 for a in axes.values())


@pytest.mark.parametrize(
    ("param", "text", "values"),
    [
        ("hidden", "[20, 7, 5]; [7]; [12288, 20, 7, 1]", ((20, 7, 5), (7,), (20, 7))),
        ("hidden", "20-7-5; 7; 5 5", ((20, 7, 5), (7,), (5, 5))),
        ("iterations", "500, 2,500, 10,000", (500, 2500, 10000)),
        ("iterations", "100 200;300", (100, 200, 300)),
        ("learning_rate", "0.0075,1e-2 , 0.025", (0.0075, 0.01, 0.025)),
        ("l2", "0; 0.7; 10", (0.0, 0.7, 10.0)),
    ],
)
def test_the_ways_of_writing_values(param, text, values):
    assert parse(param, text).values == values


@pytest.mark.parametrize(
    ("param", "text", "code", "shown"),
    [
        ("learning_rate", "0.0075, 0.01", "grid_count", "2"),
        ("learning_rate", "1, 2.5, 5, 7.5, 10, 0.5, 0.25", "grid_count", "7"),
        ("learning_rate", "0.0075, 0.02, 0.01", "grid_scale_learning_rate", "0.025"),
        ("learning_rate", "0.0075, abc, 0.01", "grid_number", "abc"),
        ("learning_rate", "0.0075, nan, 0.01", "grid_scale_learning_rate", "nan"),
        ("learning_rate", "0.0075, -1, 0.01", "grid_scale_learning_rate", "-1"),
        ("l2", "0, 0.2, 1", "grid_scale_l2", "0.3"),
        ("iterations", "100, 0, 200", "grid_iterations", "0"),
        ("iterations", "100, 20000, 200", "grid_iterations", "20000"),
        ("iterations", "100, 2.5, 200", "grid_whole", "2.5"),
        ("iterations", "100, 200, 100", "grid_twice", "100"),
        ("hidden", "[7]; [7]; [20]", "grid_twice", "[7]"),
        ("hidden", "[7] junk [20] [5]", "grid_brackets", None),
        ("hidden", "[7]; [a, 2]; [5]", "grid_arch", "a, 2"),
        ("hidden", "[7]; [1,1,1,1,1,1,1,1,1]; [5]", "grid_layers", "8"),
        ("hidden", "[7]; [300]; [5]", "grid_units", "256"),
        ("hidden", "[7]; [20, 600]; [5]", "grid_units", "512"),
        ("hidden", "[7]; [0]; [5]", "grid_units", "0"),
        ("hidden", "", "grid_count", "0"),
    ],
)
def test_wrong_values_are_named_in_both_languages(param, text, code, shown):
    with pytest.raises(GridError) as caught:
        parse(param, text)
    exc = caught.value
    assert exc.code == code
    for strings in (EN, ZH):
        message = strings["err_" + exc.code].format(**exc.values)
        assert "{" not in message
        if shown is not None:
            assert shown in message


def test_same_hyperparameter_twice_and_a_costly_grid_are_refused():
    rates = parse("learning_rate", "0.005, 0.0075, 0.01")
    with pytest.raises(GridError) as same:
        grid.make(Settings(), rates, parse("learning_rate", "0.001, 0.0025, 0.005"))
    assert same.value.code == "grid_same"
    wide = parse("hidden", "[256, 7]; [200, 7]; [128, 7]; [100, 7]; [64, 7]; [32, 7]")
    with pytest.raises(GridError) as costly:
        grid.make(replace(Settings(), iterations=10_000), rates, wide)
    assert costly.value.code == "grid_cost" and float(costly.value.values["cost"]) > grid.MAX_COST


def test_cost_is_counted_in_lesson_runs():
    assert grid.cost([Settings()]) == pytest.approx(1.0)
    assert grid.cost([Settings(iterations=5000)]) == pytest.approx(2.0)
    assert grid.cost([Settings(hidden=(7,))]) < 1 < grid.cost([Settings(hidden=(50, 20, 7, 5))])
    adam = Settings(optimizer="adam")  # the textbook engine: W1 @ X at every step
    assert grid.cost([adam]) > 20


# ------------------------------------------------------------------------------ running
def new_trainer(data):
    G, G_val = gram(data.train_x), gram(data.train_x, data.test_x)

    def make(settings):
        cfg = settings.config()
        return dnn.Trainer(data.train_x, data.train_y, cfg, data.test_x, data.test_y, G, G_val)

    return make


def separate_run(data, settings):
    """The cell's settings as a separate dnn.train run, with test accuracy as a grid measures."""
    cfg = settings.config()
    return dnn.train(
        data.train_x,
        data.train_y,
        cfg.layer_dims,
        cfg.learning_rate,
        cfg.num_iterations,
        cfg.seed,
        hidden_activation=cfg.hidden_activation,
        initialization=cfg.initialization,
        l2=cfg.l2,
        optimizer=cfg.optimizer,
        batch_size=cfg.batch_size,
        X_val=data.test_x,
        Y_val=data.test_y,
        every=grid.checkpoint_every(cfg.num_iterations),
    )


@pytest.mark.parametrize(
    ("base", "x", "y"),
    [
        (
            Settings(iterations=300),
            ("learning_rate", "0.0075, 0.01, 0.025"),
            ("hidden", "[7]; [20, 7, 5]; [10, 5]"),
        ),
        (Settings(hidden=(7,)), ("l2", "0, 0.1, 0.7"), ("iterations", "100, 250, 400")),
        # tanh amplifies a set-up rounded on another BLAS thread count (a cell is set up on
        # one thread): without dnn.blas.one_thread the lesson's 2,500 ended 2.4e-4 apart
        (
            Settings(activation="tanh"),
            ("learning_rate", "0.005, 0.0075, 0.01"),
            ("iterations", "300, 700, 2500"),
        ),
    ],
)
def test_every_cell_equals_a_separate_dnn_train_run(data, base, x, y):
    g = grid.make(base, parse(*x), parse(*y))
    grid.run(g, new_trainer(data), data, lambda *_: None)
    assert g.status == "finished" and len(g.cells) == 9
    for r, c in g.order():
        cell, settings = g.cells[r, c], g.settings(r, c)
        assert settings == replace(base, **{g.y.param: g.y.values[r], g.x.param: g.x.values[c]})
        alone = separate_run(data, settings)
        assert cell.status == alone.status == "finished"
        assert abs(cell.final_cost - alone.costs[-1]) <= 1e-12
        hidden = settings.activation
        proba_train = dnn.predict_proba(alone.params, data.train_x, hidden)
        proba_test = dnn.predict_proba(alone.params, data.test_x, hidden)
        assert cell.train_accuracy == accuracy(proba_train, data.train_y)
        assert cell.test_accuracy == accuracy(proba_test, data.test_y)
        curve = [(p.iteration, p.test_accuracy) for p in alone.history]
        assert cell.curve[:-1] == [p for p in curve if p[0] < settings.iterations]
        assert cell.curve[-1] == (settings.iterations, cell.test_accuracy)


def test_the_lessons_runs_in_a_grid_give_the_lessons_numbers(data):
    g = grid.make(
        Settings(),
        parse("learning_rate", "0.005, 0.0075, 0.01"),
        parse("hidden", "[7]; [20, 7]; [20, 7, 5]"),
    )
    grid.run(g, new_trainer(data), data, lambda *_: None)
    two, four = g.cells[0, 1], g.cells[2, 1]
    assert (two.train_accuracy, two.test_accuracy) == (1.0, 0.74)
    assert abs(four.train_accuracy - 0.9856459330143539) < 1e-12 and four.test_accuracy == 0.8
    assert two.settings.preset() == "lesson2" and four.settings.preset() == "lesson4"
    # its test accuracy was 82 % once, at iteration 860: a one-point spike, not a peak
    assert max(four.curve, key=lambda p: p[1]) == (860, 0.82) and four.pictures == 50
    assert four.peak is None and two.peak is None
    best = g.best()
    assert g.cells[best].test_accuracy == np.nanmax(g.values("test"))


def test_diverged_cells_have_no_value_and_are_never_best(data):
    g = grid.make(
        Settings(activation="leaky_relu", initialization="he"),
        parse("learning_rate", "0.0075, 2.5, 10"),
        parse("iterations", "20, 50, 100"),
    )
    grid.run(g, new_trainer(data), data, lambda *_: None)
    statuses = {rc: cell.status for rc, cell in g.cells.items()}
    assert "diverged" in statuses.values() and len(g.cells) == 9
    z = g.values("test")
    for (r, c), status in statuses.items():
        assert np.isnan(z[r, c]) == (status == "diverged")
        assert status == separate_run(data, g.settings(r, c)).status
    assert g.cells[g.best()].status == "finished"


class Interrupted(Exception):
    """Stands in for the exception Streamlit raises in a running script when Stop is clicked."""


def test_an_interrupted_grid_keeps_its_finished_cells_and_goes_on_later(data, monkeypatch):
    monkeypatch.setattr(pacing, "BAR_SECONDS", 0.0)  # the bar is touched at every checkpoint
    g = grid.make(
        Settings(hidden=(7,), iterations=200),
        parse("learning_rate", "0.005, 0.0075, 0.01"),
        parse("l2", "0, 0.1, 0.7"),
    )
    order = g.order()

    def touch(rc, iteration, waiting):
        if rc == order[4] and iteration >= 50:
            raise Interrupted

    with pytest.raises(Interrupted):
        grid.run(g, new_trainer(data), data, touch)
    assert g.status == "stopped" and sorted(g.cells) == order[:4]
    kept = dict(g.cells)
    grid.run(g, new_trainer(data), data, lambda *_: None)  # the rest, the kept cells untouched
    assert g.status == "finished" and len(g.cells) == 9
    assert all(g.cells[rc] is cell for rc, cell in kept.items())


def test_a_grid_past_its_computing_budget_stops_with_the_cells_it_finished(data, monkeypatch):
    monkeypatch.setattr(grid, "MAX_SECONDS", 1e-9)
    g = grid.make(
        Settings(hidden=(7,), iterations=100),
        parse("learning_rate", "0.005, 0.0075, 0.01"),
        parse("l2", "0, 0.1, 0.7"),
    )
    grid.run(g, new_trainer(data), data, lambda *_: None)
    assert g.status == "timed_out" and len(g.cells) < 9
