"""A link naming more runs than a session keeps: the newest ten are kept, the note says which went.

A page's link lists its runs oldest first, and a session keeps its last ``MAX_RUNS``; a link
with more (written by hand, or by another version) keeps the same ones: the last ten.
"""

from __future__ import annotations

from tests.links import parse
from tests.test_links_app import open_link
from ui.core.strings import EN, ZH
from ui.core.url_state import MAX_RUNS

RUNS = 15  # each run distinct: run k (from 1) plans k + 100 iterations
LINK = "~".join(f"dims.12288-7-1_it.{100 + k}" for k in range(1, RUNS + 1))


def test_the_last_ten_of_fifteen_runs_are_kept():
    link = parse({"runs": LINK})
    assert MAX_RUNS == 10
    assert [r.settings.iterations for r in link.runs] == list(range(106, 116))  # runs 6…15
    assert [r.done for r in link.runs] == list(range(106, 116))


def test_the_note_says_how_many_were_listed_kept_and_dropped():
    link = parse({"runs": LINK})
    assert link.notes == [("too_many_runs", {"n": 15, "max": 10, "dropped": 5})]
    values = link.notes[0][1]
    assert EN["link_too_many_runs"].format(**values) == (
        "15 runs listed: the last 10 are kept, the first 5 dropped."
    )
    assert ZH["link_too_many_runs"].format(**values) == (
        "列出了 15 次运行：保留最后 10 次，舍弃前 5 次。"
    )


def test_eleven_runs_drop_only_the_first():
    link = parse({"runs": "~".join(LINK.split("~")[:11])})
    assert [r.settings.iterations for r in link.runs] == list(range(102, 112))
    assert dict(link.notes)["too_many_runs"]["dropped"] == 1


def test_opening_such_a_link_trains_the_last_ten_and_says_so(data):
    runs = "~".join(f"dims.12288-7-1_it.{k}" for k in range(1, RUNS + 1))
    at = open_link({"runs": runs}, page=None)  # the notes: once, on the page the link opens
    assert [r.planned for r in at.session_state.runs] == list(range(6, 16))
    assert [r.iteration for r in at.session_state.runs] == list(range(6, 16))
    warning = " ".join(w.value for w in at.warning)
    assert "15 runs listed: the last 10 are kept, the first 5 dropped." in warning
