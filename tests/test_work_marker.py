"""The browser's work marker (ui/core/work.py): what it says, and what a new server makes of it."""

from __future__ import annotations

import pytest

from ui.core import work

OTHER = "0123456789ab"  # another server process


def test_a_marker_of_another_process_names_what_was_lost_in_order():
    assert work.lost(f"{OTHER}.photo.run.classes-23", keeps_classes=False) == {
        "run": 1,
        "photo": 1,
        "classes": 23,
    }
    assert list(work.lost(f"{OTHER}.classes-2.grid", keeps_classes=False)) == ["grid", "classes"]


def test_runs_waiting_for_the_class_board_are_named_kept_on_disk_or_not():
    lost = work.lost(f"{OTHER}.spooled-2.run.unspooled", keeps_classes=False)
    assert lost == {"run": 1, "unspooled": 1, "spooled": 2}
    assert list(lost) == ["run", "unspooled", "spooled"] and work.KEPT == {"spooled"}


def test_own_classes_this_server_keeps_were_not_lost():
    assert work.lost(f"{OTHER}.run.classes-5", keeps_classes=True) == {"run": 1}


def test_this_process_own_marker_and_an_empty_one_lose_nothing():
    assert work.lost(f"{work.BOOT}.run.photo.classes-3", keeps_classes=False) == {}
    assert work.lost(OTHER, keeps_classes=False) == {}
    assert work.lost(None, keeps_classes=False) == {}


@pytest.mark.parametrize(
    "value",
    [
        "",
        "xyz.run",
        "0123456789AB.run",  # upper case: not ours
        f"{OTHER}.run.mine",
        f"{OTHER}.classes-1234567",
        f"{OTHER}.run;evil=1",
        f"{OTHER}." + "run." * 60,
        f"{OTHER}.<script>",
        42,
    ],
)
def test_anything_not_of_the_markers_form_is_ignored(value):
    assert work.parse(value) == (None, {})
    assert work.lost(value, keeps_classes=False) == {}


def test_boot_is_a_fresh_random_marker_part():
    boot, kinds = work.parse(work.BOOT)
    assert boot == work.BOOT and kinds == {}
