"""The link codec at its edges, where mutation testing found nothing pinned (bench/mutation.py).

A very long list of runs keeps the newest ones, notes are capped with a count of the rest,
run numbers that do not increase are renumbered, a comparison names only runs the link has,
and the writer always names a custom run's architecture, learning rate and iterations.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.links import encode, parse
from ui.core.settings import LESSON
from ui.core.url_state import MAX_NOTES, MAX_RUNS_CHARS, LinkState, RunSpec

RUN = "dims.12288-7-1_it.{}"


def test_a_runs_value_past_its_length_keeps_the_newest_whole_runs():
    text = "~".join(RUN.format(100 + k) for k in range(1, 201))  # 200 runs, 4,400 characters
    assert len(text) > MAX_RUNS_CHARS
    link = parse({"runs": text})
    assert [r.settings.iterations for r in link.runs] == list(range(291, 301))  # runs 191…200
    assert link.notes == [
        ("too_long", {"name": "runs"}),
        ("too_many_runs", {"n": 200, "max": 10, "dropped": 190}),
    ]


def test_notes_past_the_cap_end_with_how_many_more():
    link = parse({f"k{i}": "x" for i in range(12)})  # 12 unknown keys
    assert len(link.notes) == MAX_NOTES == 8
    assert link.notes[:7] == [("unknown_key", {"name": f"k{i}"}) for i in range(7)]
    assert link.notes[7] == ("more_notes", {"n": 5})
    exactly = parse({f"k{i}": "x" for i in range(8)})  # at the cap: all shown
    assert exactly.notes == [("unknown_key", {"name": f"k{i}"}) for i in range(8)]


def test_run_numbers_that_do_not_increase_are_renumbered_in_order():
    runs = "~".join(RUN.format(100) + f"_n.{n}" for n in (5, 5, 9))
    assert [r.number for r in parse({"runs": runs}).runs] == [1, 2, 3]
    runs = "~".join(RUN.format(100) + f"_n.{n}" for n in (2, 5, 9))
    assert [r.number for r in parse({"runs": runs}).runs] == [2, 5, 9]


def test_a_comparison_names_only_the_links_runs_once_each():
    runs = "~".join(RUN.format(100) + f"_n.{n}" for n in (2, 5, 9))
    assert parse({"runs": runs, "cmp": "5-7-9-5-x"}).compare == [5, 9]


def test_a_run_may_have_stopped_at_iteration_zero():
    link = parse({"runs": RUN.format(100) + "_done.0"})
    assert link.runs[0].done == 0 and link.notes == []


@pytest.mark.parametrize("value", ["1", "true", "yes", "on", "TRUE", "On"])
def test_presenter_mode_from_any_yes(value):
    link = parse({"present": value})
    assert link.present and link.notes == []


@pytest.mark.parametrize("value", ["0", "false", "no", "off", ""])
def test_presenter_mode_off_from_any_no(value):
    link = parse({"present": value})
    assert not link.present and link.notes == []


@pytest.mark.parametrize(
    ("value", "pace"), [("lesson", "lesson"), ("fast", "fast"), ("LESSON", "lesson")]
)
def test_a_links_pace_is_one_of_the_paces(value, pace):
    link = parse({"pace": value})
    assert link.pace == pace and link.notes == []
    assert encode(link)["pace"] == pace and parse(encode(link)).pace == pace


@pytest.mark.parametrize(
    "value", ["slow", "", "0", "lesson;", "<script>", "fast" * 40, "lesson%00", "1e9"]
)
def test_a_hostile_pace_is_ignored_with_a_note(value):
    link = parse({"pace": value})
    assert link.pace is None and len(link.notes) == 1
    assert link.notes[0][0] in ("bad_value", "too_long")
    assert "pace" not in encode(link)


def test_a_link_says_no_pace_unless_one_was_chosen():
    assert parse({}).pace is None and "pace" not in encode(LinkState(lang="en"))
    assert parse({"pace": ["fast", "lesson"]}).pace == "lesson"  # a repeated key: its last


def test_the_language_is_its_first_two_letters():
    assert parse({"lang": "zh-CN"}).lang == "zh" and parse({"lang": "EN-gb"}).lang == "en"


def test_a_custom_run_always_names_its_architecture_rate_and_iterations():
    query = encode(LinkState(settings=replace(LESSON, seed=3)))
    assert query == {"dims": "12288-20-7-5-1", "lr": "0.0075", "it": "2500", "seed": "3"}


def test_the_comparison_is_written_only_when_it_is_not_the_last_three():
    runs = [RunSpec(LESSON, 2500, k) for k in range(1, 6)]
    assert "cmp" not in encode(LinkState(runs=runs, compare=[3, 4, 5]))
    assert encode(LinkState(runs=runs, compare=[1, 2]))["cmp"] == "1-2"
