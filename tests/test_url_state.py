"""Links: the query string ↔ page state, round trips and hostile input (pure, no Streamlit)."""

import random
import string
from urllib.parse import parse_qs, urlencode

import pytest

from tests.links import encode, grid_of, parse
from ui.core import settings as bounds
from ui.core.settings import LESSON, Settings
from ui.core.url_state import MAX_RUNS, LinkState, RunSpec
from ui.grid import axes as grid_axes


def codes(link):
    return [code for code, _ in link.notes]


def test_the_issue_example_reads_as_written():
    link = parse({"lang": "zh", "dims": "12288-20-7-5-1", "lr": "0.0075", "it": "2500"})
    assert link.lang == "zh" and link.settings == LESSON and link.notes == []


def test_a_custom_run_round_trips_in_readable_keys():
    s = Settings(
        hidden=(64, 8),
        learning_rate=0.05,
        iterations=1234,
        seed=7,
        activation="leaky_relu",
        initialization="he",
        l2=0.1,
        optimizer="adam",
        batch_size=32,
    )
    runs = [
        RunSpec(LESSON, 2500, 1),
        RunSpec(Settings(hidden=(7,)), 1200, 2),  # stopped at 1200 of 2500
        RunSpec(s, 1234, 3),
    ]
    link = LinkState("zh", True, s, runs, [1, 3])
    query = encode(link)
    assert query["dims"] == "12288-64-8-1" and query["lr"] == "0.05" and query["it"] == "1234"
    assert query["act"] == "leaky" and query["opt"] == "adam" and query["batch"] == "32"
    assert query["runs"].split("~")[:2] == [
        "dims.12288-20-7-5-1_it.2500",
        "dims.12288-7-1_it.2500_done.1200",
    ]
    url = urlencode(query)
    assert "%" not in url.replace("%7E", "~")  # only unreserved characters
    back = parse({k: v for k, v in parse_qs(url, keep_blank_values=True).items()})
    assert back == link


def test_the_lesson_with_no_runs_is_an_empty_query_but_the_language():
    assert encode(LinkState("en", False, LESSON)) == {"lang": "en"}


def test_run_numbers_survive_when_they_do_not_start_at_one():
    runs = [RunSpec(LESSON, 2500, n) for n in (4, 5, 9)]
    back = parse(encode(LinkState(runs=runs, compare=[5])))
    assert [r.number for r in back.runs] == [4, 5, 9] and back.compare == [5]
    # numbers not increasing: renumbered in order
    bad = parse({"runs": "dims.12288-7-1_it.10_n.5~dims.12288-7-1_it.10_n.2"})
    assert [r.number for r in bad.runs] == [1, 2]


@pytest.mark.parametrize(
    "query, field, value, code",
    [
        ({"it": "999999"}, "iterations", bounds.MAX_ITERATIONS, "clamped"),
        ({"it": "-5"}, "iterations", 0, "clamped"),
        ({"it": "12.5"}, "iterations", 2500, "bad_value"),
        ({"lr": "0.008"}, "learning_rate", 0.0075, "clamped"),
        ({"lr": "nan"}, "learning_rate", 0.0075, "bad_value"),
        ({"lr": "1e999"}, "learning_rate", 0.0075, "bad_value"),
        ({"lr": "-1"}, "learning_rate", 0.0075, "bad_value"),
        ({"l2": "0.2"}, "l2", 0.3, "clamped"),
        ({"batch": "50"}, "batch_size", 64, "clamped"),
        ({"act": "softmax"}, "activation", "relu", "bad_value"),
        ({"seed": "9" * 12}, "seed", bounds.MAX_SEED, "clamped"),
        ({"dims": "12288-300-600-1"}, "hidden", (256, 512), "clamped"),
        ({"dims": "3-5-1"}, "hidden", (20, 7, 5), "bad_value"),
        ({"dims": "12288-0-1"}, "hidden", (1,), "clamped"),
    ],
)
def test_out_of_range_values_are_clamped_or_ignored_with_a_note(query, field, value, code):
    link = parse(query)
    assert getattr(link.settings, field) == value
    assert codes(link) == [code]


def test_ten_thousand_layers_keep_eight():
    link = parse({"dims": "-".join(["12288", *["5"] * 10_000, "1"])})
    assert "too_long" in codes(link) and link.settings is None  # 20,000 characters: ignored
    link = parse({"dims": "-".join(["12288", *["5"] * 20, "1"])})
    assert link.settings.hidden == (5,) * bounds.MAX_HIDDEN_LAYERS
    assert "too_many_layers" in codes(link)


def test_unknown_keys_and_too_many_runs_are_reported():
    run = "dims.12288-7-1_it.100"
    link = parse({"utm_source": "mail", "embed": "true", "runs": "~".join([run] * 15)})
    assert len(link.runs) == MAX_RUNS
    assert codes(link) == ["unknown_key", "too_many_runs"]
    assert dict(link.notes)["unknown_key"] == {"name": "utm_source"}


def test_a_run_past_its_plan_is_clamped_and_a_run_without_dims_dropped():
    link = parse({"runs": "dims.12288-7-1_it.100_done.500~it.100~dims.12288-7-1_it.100_zzz.1"})
    assert [(r.done, r.settings.iterations) for r in link.runs] == [(100, 100), (100, 100)]
    assert codes(link) == ["clamped", "bad_run", "unknown_key"]


def test_repeated_keys_use_the_last_value():
    assert parse({"lang": ["zh", "en"]}).lang == "en"


def test_values_shown_in_notes_are_defused():
    link = parse({"<script>alert(1)</script>": "x", "lr": "[link](javascript:alert(1))"})
    for _, values in link.notes:
        for v in values.values():
            assert all(c not in str(v) for c in "<>()[]:")


ALPHABET = string.ascii_letters + string.digits + "-._~%&=+ :;/?#[]()<>'\"\\\x00é猫"
KEYS = ["lang", "present", "dims", "lr", "it", "seed", "act", "init", "l2", "opt", "batch"]
KEYS += ["runs", "cmp", "gx", "gy", "x", "", "__proto__"]


def hostile_value(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60)))
    if kind == 1:
        return "9" * rng.randrange(1, 5000)
    if kind == 2:
        return "-".join(str(rng.randrange(-10, 10**7)) for _ in range(rng.randrange(0, 300)))
    if kind == 3:
        return rng.choice(["nan", "inf", "-inf", "1e308", "1e-400", "0", "-0", "0x10", "1_000"])
    if kind == 4:  # runs of random fields
        fields = ["dims", "lr", "it", "done", "n", "act", "batch", "q", ""]
        return "~".join(
            "_".join(
                f"{rng.choice(fields)}.{hostile_value_simple(rng)}"
                for _ in range(rng.randrange(0, 8))
            )
            for _ in range(rng.randrange(0, 30))
        )
    return "x" * rng.randrange(0, 100_000)


def hostile_value_simple(rng):
    return rng.choice(
        ["12288-20-7-5-1", "12288-5-1", "1", "0", "-3", "nan", "7.5", "zz", "", "leaky", "full"]
    )


def in_bounds(s: Settings) -> bool:
    return (
        1 <= len(s.hidden) <= bounds.MAX_HIDDEN_LAYERS
        and 1 <= s.hidden[0] <= bounds.MAX_FIRST_UNITS
        and all(1 <= n <= bounds.MAX_UNITS for n in s.hidden)
        and s.learning_rate in bounds.LEARNING_RATES
        and s.l2 in bounds.L2_VALUES
        and s.batch_size in bounds.BATCH_SIZES
        and 0 <= s.seed <= bounds.MAX_SEED
    )


def test_thousands_of_hostile_queries_never_raise_and_stay_in_bounds():
    rng = random.Random(20240607)
    for _ in range(3000):
        query = {}
        for _ in range(rng.randrange(0, 12)):
            key = rng.choice(KEYS) if rng.random() < 0.8 else hostile_value(rng)[:50]
            value = [hostile_value(rng) for _ in range(rng.randrange(1, 3))]
            query[key] = value
        link = parse(query)
        assert link.lang in (None, "en", "zh")
        assert link.settings is None or (
            in_bounds(link.settings) and link.settings.iterations <= bounds.MAX_ITERATIONS
        )
        assert len(link.runs) <= MAX_RUNS and len(link.notes) <= 8
        for r in link.runs:
            assert in_bounds(r.settings) and 0 <= r.done <= r.settings.iterations
            r.settings.config()  # a valid engine configuration
        numbers = [r.number for r in link.runs]
        assert numbers == sorted(set(numbers))
        assert link.compare is None or set(link.compare) <= set(numbers)
        assert parse(encode(link)).runs == link.runs  # what it kept, it writes back the same
        for param, text in grid_of(link).values():
            grid_axes.parse(param, text)  # only a grid the page accepts
