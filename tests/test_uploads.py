"""Upload storage: bounded per file, per session and in all; unheld files forgotten."""

import os
import re
import time
import tomllib

import pytest
from starlette.exceptions import HTTPException
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from bench.closed_tabs_memory import photos as phone_photos
from bench.streamlit_client import Session
from bench.streamlit_server import REPO, rss_mb, start_server, stop_server
from bench.upload_memory import put
from tests.test_upload_types import model_sized
from ui.core.limits import MODEL_UPLOAD_MB
from ui.shell.uploads import (
    SESSION_BYTES,
    TOTAL_BYTES,
    BoundedUploadedFileManager,
    held_file_ids,
    install,
)

MB = 2**20
TEN_MB = bytes(10 * MB)  # buffers shared by the records: the test itself stays small
THIRTY_MB = model_sized(30 * MB)  # a model's size: only a model's content may be that large


def rec(file_id, size_or_data=TEN_MB, name="photo.jpg"):
    model = name.endswith(".safetensors")  # the store bounds files by content: make it one
    if isinstance(size_or_data, int):
        data = model_sized(size_or_data) if model else bytes(size_or_data)
    else:
        data = size_or_data
    return UploadedFileRec(file_id=file_id, name=name, type="image/jpeg", data=data)


def test_a_sessions_held_upload_bytes_stay_bounded():
    m = BoundedUploadedFileManager("/upload")
    for i in range(30):  # issue 12: 30 × 10 MB to random ids were all held (300 MB)
        m.add_file("s", rec(f"f{i}"))
        assert m.session_bytes("s") <= SESSION_BYTES
    kept = [r.file_id for r in m.get_files("s", [f"f{i}" for i in range(30)])]
    assert kept == [f"f{i}" for i in range(30 - SESSION_BYTES // len(TEN_MB), 30)]  # newest
    m.add_file("other", rec("x"))  # another session is not affected
    assert m.session_bytes("other") == len(TEN_MB)
    m.remove_session_files("s")
    assert m.session_bytes("s") == 0 and m.session_bytes("other") == len(TEN_MB)


def test_files_a_widget_holds_are_forgotten_last():
    m = BoundedUploadedFileManager("/upload")
    m.add_file("s", rec("model", THIRTY_MB, "mine.safetensors"))
    m.forget_unheld("s", {"model"}, before=0.0)  # its widget holds it; nothing is old enough
    for i in range(10):
        m.add_file("s", rec(f"p{i}"))
    names = [r.file_id for r in m.get_files("s", ["model"] + [f"p{i}" for i in range(10)])]
    assert names == ["model", "p7", "p8", "p9"] and m.session_bytes("s") <= SESSION_BYTES


def test_files_no_widget_holds_are_forgotten_after_the_grace_period():
    m = BoundedUploadedFileManager("/upload")
    m.add_file("s", rec("a"))
    m.add_file("s", rec("b"))
    m.forget_unheld("s", {"a"}, before=time.monotonic() - 60)  # b is too recent to judge
    assert [r.file_id for r in m.get_files("s", ["a", "b"])] == ["a", "b"]
    m.forget_unheld("s", {"a"}, before=time.monotonic() + 1)
    assert [r.file_id for r in m.get_files("s", ["a", "b"])] == ["a"]
    assert m.session_bytes("s") == len(TEN_MB)


def test_per_file_bounds_by_kind():
    m = BoundedUploadedFileManager("/upload")
    with pytest.raises(HTTPException) as e:
        m.add_file("s", rec("big", 10 * MB + 1))  # a picture over 10 MB
    assert e.value.status_code == 413 and m.session_bytes("s") == 0
    m.add_file("s", rec("model", 39 * MB, "cat_model_run1.safetensors"))
    with pytest.raises(HTTPException):
        m.add_file("s", rec("huge", MODEL_UPLOAD_MB * MB + 1, "x.safetensors"))
    assert m.session_bytes("s") == 39 * MB


def full_store():
    """Sessions that hold 60 MB each (their widgets show the files), as many as fit."""
    m = BoundedUploadedFileManager("/upload")
    n = TOTAL_BYTES // (60 * MB)
    for s in range(n):
        for part in "ab":
            m.add_file(f"s{s}", rec(part, THIRTY_MB, "m.safetensors"))
        m.forget_unheld(f"s{s}", {"a", "b"}, before=0.0)
    return m, n


def test_a_full_store_still_takes_another_students_photo_within_its_share():
    # 9 tabs held about 512 MiB and two other students got HTTP 503 on a 3 MB photo
    m, n = full_store()
    m.add_file("late", rec("unheld"))
    m.add_file("latest", rec("one", 40 * MB, "m.safetensors"))  # within its share: accepted
    assert m.session_bytes("latest") == 40 * MB
    assert m.session_bytes("late") == 0  # the unheld file went first
    sizes = sorted(m.session_bytes(f"s{s}") for s in range(n))
    assert sizes == [30 * MB] + [60 * MB] * (n - 1)  # then one file of the largest holder
    share = TOTAL_BYTES // (n + 1)
    assert all(size >= share // 2 for size in sizes) and m._total_bytes <= TOTAL_BYTES
    lost = [m.lost(f"s{s}") for s in range(n)]
    assert sorted(map(str, lost)) == sorted(["{'a': 'room'}"] + ["{}"] * (n - 1))  # told once
    assert all(m.lost(f"s{s}") == {} for s in range(n))


def test_a_session_above_its_share_of_a_full_store_is_refused_not_the_others():
    m = BoundedUploadedFileManager("/upload")
    for s in range(10):  # ten tabs showing five 10 MB photos each: 500 MB
        for k in range(5):
            m.add_file(f"s{s}", rec(f"p{k}"))
        m.forget_unheld(f"s{s}", {f"p{k}" for k in range(5)}, before=0.0)
    m.add_file("s10", rec("one"))  # an eleventh tab with one photo: 510 MB
    m.forget_unheld("s10", {"one"}, before=0.0)
    with pytest.raises(HTTPException) as e:  # s0 would hold 60 MB, above 512 MB / 11
        m.add_file("s0", rec("sixth"))
    assert e.value.status_code == 507 and m.session_bytes("s0") == 50 * MB
    assert m.session_bytes("s10") == 10 * MB
    assert all(m.session_bytes(f"s{s}") == 50 * MB for s in range(1, 10))
    m.add_file("s10", rec("two"))  # a tab within its share is served


def test_closed_tabs_let_go_of_their_uploads_and_are_told_when_back():
    m, n = full_store()
    gone = m.forget_closed({"s0", "s1"})  # only two tabs still connected
    assert gone == (n - 2) * 60 * MB and m._total_bytes == 120 * MB
    assert m.lost("s5") == {"a": "closed", "b": "closed"}  # it reconnects: told
    assert m.lost("s0") == {}


def test_install_switches_streamlits_store_in_place():
    m = MemoryUploadedFileManager("/upload")
    m.add_file("s", rec("kept"))
    assert install(m) is m and isinstance(m, BoundedUploadedFileManager)
    assert install(m) is m  # once
    assert m.get_files("s", ["kept"])[0].data == TEN_MB
    for i in range(10):
        m.add_file("s", rec(f"f{i}"))
    assert m.session_bytes("s") <= SESSION_BYTES
    assert install(object()) is None


def test_held_file_ids_from_widget_states():
    state = WidgetState(id="uploader")
    for fid in ("a", "b"):
        state.file_uploader_state_value.uploaded_file_info.add(file_id=fid, name=fid, size=1)
    assert held_file_ids([state, WidgetState(id="slider", int_value=3)]) == {"a", "b"}


def test_server_upload_bound_matches_the_largest_model():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MODEL_UPLOAD_MB


def test_a_real_server_keeps_a_sessions_uploads_bounded(data):
    """Issue 12's scenario against the real server: 30 × 10 MB to random file ids."""
    proc, url = start_server()
    try:
        session = Session(url)
        session.run()
        before = rss_mb(proc.pid)
        payload = os.urandom(10 * MB)
        statuses = [put(session, payload) for _ in range(30)]
        grown = rss_mb(proc.pid) - before
        too_big = put(session, payload + b"x", "photo.jpg")
        model = put(session, model_sized(len(payload) + 1), "cat_model_run1.safetensors")
        session.close()
    finally:
        log = stop_server(proc)
    assert statuses == [204] * 30  # accepted, but the oldest are forgotten
    assert grown < 150  # unbounded, the server grew by 300 MB (bench/upload_memory.py)
    assert (too_big, model) == (413, 204)
    assert "Traceback" not in log, log


def test_thirty_photos_dropped_at_once_report_every_file(data):
    """30 photos of 3 MB: all answered 204, the page said "22 added" and nothing of the rest."""
    photos = phone_photos(30)
    total = sum(len(d) for _, d, _ in photos)
    assert total > SESSION_BYTES  # more than the tab's share of the upload store
    proc, url = start_server()
    try:
        session = Session(url, page="classes")
        session.run()
        statuses = session.upload("classes_files_0_0", photos)
        first = session.run()
        after = session.wait()  # the rerun the page asks for itself (a fresh uploader)
        session.close()
    finally:
        log = stop_server(proc)
    assert statuses == [204] * 30
    texts = "\n".join(first.texts + after.texts)
    added = [int(n) for n in re.findall(r"“cat”: (\d+) added", texts)]
    assert added and added[0] < 30  # some did not fit the tab's share …
    assert "were let go: this tab may hold 64 MB" in texts  # … and the page says so
    assert "Traceback" not in log, log


def test_own_classes_pictures_and_names_survive_a_reload_of_the_same_server(data):
    """A reload used to start afresh: the pictures a student collected were gone."""
    cookie = {"dnn_visitor": "a-browser-token-of-22-chars-or-more"}
    proc, url = start_server()
    try:
        first = Session(url, page="classes", cookies=cookie)
        first.run()
        first.upload("classes_files_0_0", phone_photos(6, side=200))
        first.run()
        first.wait()
        first.close()
        again = Session(url, page="classes", cookies=cookie)  # the same browser, reloaded
        back = again.run()
        again.close()
        stranger = Session(url, page="classes", cookies={"dnn_visitor": "x" * 22})
        other = stranger.run()
        stranger.close()
    finally:
        log = stop_server(proc)
    assert "Pictures: 6" in "\n".join(back.texts)  # what the reloaded page shows
    assert "Pictures: 6" not in "\n".join(other.texts)  # another browser: not theirs
    assert "Traceback" not in log, log
