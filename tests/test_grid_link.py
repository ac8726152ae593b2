"""The experiment grid in a link: read back as written, and hostile values never reach the grid."""

import random

import pytest

from tests.links import encode, grid_of, parse
from ui.core.url_state import LinkState
from ui.grid import axes as grid_axes
from ui.grid import link as grid_link


def test_a_grid_link_reads_as_the_boxes_show_it_and_writes_back_the_same():
    link = parse({"gx": "lr.0.005~0.0075~0.01", "gy": "dims.7~20-7~20-7-5"})
    assert grid_of(link) == {
        "x": ("learning_rate", "0.005, 0.0075, 0.01"),
        "y": ("hidden", "[7]; [20, 7]; [20, 7, 5]"),
    }
    assert not link.notes
    assert encode(link) == {"gx": "lr.0.005~0.0075~0.01", "gy": "dims.7~20-7~20-7-5"}


@pytest.mark.parametrize("param", grid_axes.PARAMS)
def test_every_hyperparameter_s_default_values_round_trip(param):
    typed = grid_axes.DEFAULTS[param]
    query = encode(LinkState(extra={"grid": {"x": (param, typed)}}))
    back = grid_of(parse(query))["x"]
    assert back[0] == param
    assert grid_axes.parse(param, back[1]) == grid_axes.parse(param, typed)


def test_the_box_as_typed_by_a_visitor_is_written_in_its_short_form():
    typed = {"x": ("iterations", "2,500;  500 1000"), "y": ("l2", "0.7, 0, 3")}
    assert grid_link.encode(typed) == {"gx": "it.2500~500~1000", "gy": "l2.0.7~0~3"}


def test_an_axis_the_grid_would_refuse_is_left_out_of_the_link():
    assert grid_link.encode({"x": ("learning_rate", "0.01, 0.01"), "y": ("l2", "what")}) == {}


@pytest.mark.parametrize(
    "value",
    [
        "lr.0.005~0.02~0.01",  # 0.02 is not on the page's scale
        "it.500~1000~20000",  # over the 10,000 iterations of one press of Train
        "it.1~2",  # too few values
        "it.1~2~3~4~5~6~7",  # too many
        "dims.300~7~5",  # n[1] over 256
        "q.1~2~3",  # no such hyperparameter
        "lr.<script>~1~2",
        "lr",
        "",
        "dims." + "~".join(["512-512-512-512-512-512-512-512"] * 8),  # too long
    ],
)
def test_hostile_grid_values_are_ignored_with_a_note(value):
    link = parse({"gx": value})
    assert grid_of(link) == {}
    assert [code for code, _ in link.notes] in (["bad_value"], ["too_long"])


def test_random_grid_values_never_raise_and_only_valid_grids_pass():
    rng = random.Random(7)
    pieces = ["lr", "it", "l2", "dims", ".", "~", "-", "0", "1", "5", "0.0075", "20", "e", "9" * 30]
    for _ in range(3000):
        value = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        for which, (param, text) in grid_of(parse({"gx": value, "gy": value})).items():
            assert which in ("x", "y")
            axis = grid_axes.parse(param, text)  # raises if the link let a bad grid through
            assert grid_axes.MIN_VALUES <= len(axis.values) <= grid_axes.MAX_VALUES
