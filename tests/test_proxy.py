"""The classroom deployment through the real HAProxy: replicas, sticky sessions, clean stops.

Not a timing test: sessions train at once and all finish with the lesson's result; a session's
requests (page, websocket, upload, media) all go to its replica; the command stops everything.
"""

from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import dnn
from bench.load_test import run_load
from bench.streamlit_client import PROXY_COOKIE, Session
from deploy import proxy
from deploy.classroom import Classroom, free_port
from deploy.replicas import REPO
from ui.core.strings import EN


@pytest.fixture(scope="module")
def room(haproxy, data):
    """Two replicas behind HAProxy on 127.0.0.1, stopped (and checked) after the module."""
    classroom = Classroom(free_port(), replicas=2, bind="127.0.0.1").start()
    processes = classroom.processes()
    assert len(processes) == 3
    yield classroom
    logs = classroom.stop()
    assert all(p.poll() is not None for p in processes)  # all stopped and reaped
    assert not any(alive(p.pid) for p in processes)
    for name, log in logs.items():
        assert "Traceback" not in log, f"{name}:\n{log}"


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def test_the_template_lists_every_replica_and_haproxy_accepts_it(haproxy, tmp_path):
    backends = [
        proxy.Backend("r1", "127.0.0.1", 8502),
        proxy.Backend("r2", "127.0.0.1", 8503),
        proxy.Backend("m1", "192.168.1.20", 8501),  # a replica on another machine
    ]
    text = proxy.render_config("0.0.0.0", 8501, backends, tmp_path / "haproxy.sock")
    for b in backends:
        assert f"server {b.name} {b.host}:{b.port} cookie {b.name}" in text
    assert f"cookie {PROXY_COOKIE} insert indirect nocache" in text
    assert "bind 0.0.0.0:8501" in text and "$" not in text
    (tmp_path / "haproxy.cfg").write_text(text)
    proxy.check_config(tmp_path / "haproxy.cfg")  # the real HAProxy validates it
    with pytest.raises(ValueError):
        proxy.render_config("0.0.0.0", 8501, [], tmp_path / "s")
    with pytest.raises(ValueError):
        proxy.render_config("0.0.0.0", 8501, backends[:1] * 2, tmp_path / "s")


def test_four_sessions_train_at_once_through_the_proxy(room):
    result = run_load(room.url, 4, timeout=180)
    assert result["ok"] == 4 and result["errors"] == 0
    assert set(result["replicas"]) == {"r1", "r2"}  # sessions land on both replicas


def cat_png(data, lesson_4layer) -> bytes:
    """The test picture the lesson's model is surest is a cat, at twice its size, as PNG."""
    p = dnn.predict_proba(lesson_4layer.params, data.test_x)[0]
    buf = io.BytesIO()
    picture = Image.fromarray(data.test_images[int(np.argmax(p))])
    picture.resize((128, 128), Image.Resampling.NEAREST).save(buf, "PNG")
    return buf.getvalue()


def test_an_upload_and_its_pictures_stay_in_the_sessions_replica(room, data, lesson_4layer):
    s = Session(room.url, "prediction")
    try:
        before = s.run()
        assert s.replica in ("r1", "r2") and not before.exceptions
        picture = cat_png(data, lesson_4layer)
        assert s.upload("image_upload", [("cat.png", picture, "image/png")]) == [204]
        after = s.run()
        assert not after.exceptions
        assert any(EN["verdict_cat"] in t for t in after.texts)  # the replica read the file
        new = [u for u in after.images if u not in before.images]
        assert new  # the uploaded picture, shown next to its verdict
        assert all(s.request("GET", u).status == 200 for u in after.images)
        assert set(s.served_by) == {s.replica}  # page, websocket, upload, media: one replica

        # the cookie decides: sent to the other replica, the same requests find nothing there
        other = {"r1": "r2", "r2": "r1"}[s.replica]
        info = s.states[s.widgets["image_upload"]].file_uploader_state_value
        upload_url = info.uploaded_file_info[0].file_urls.upload_url
        s.cookies[PROXY_COOKIE] = other
        assert s.put_file(upload_url, "cat.png", b"x", "image/png").status == 400
        assert s.request("GET", new[0]).status == 404
        assert s.served_by[-2:] == [other, other]
    finally:
        s.close()


def test_uploads_need_the_xsrf_token_through_the_proxy(room):
    s = Session(room.url, "prediction")
    try:
        s.run()
        assert s.upload("image_upload", [("a.png", b"not a picture", "image/png")]) == [204]
        info = s.states[s.widgets["image_upload"]].file_uploader_state_value
        url = info.uploaded_file_info[0].file_urls.upload_url
        assert s.put_file(url, "a.png", b"x", "image/png", xsrf=False).status == 403
        assert s.put_file(url, "a.png", b"x", "image/png").status == 204
    finally:
        s.close()


def start_command(*args: str) -> tuple[subprocess.Popen, queue.Queue]:
    """``python -m deploy.classroom ARGS``; its output lines arrive in the queue."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "deploy.classroom", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()
    return proc, lines


def wait_for_line(lines: queue.Queue, start: str, timeout: float = 120) -> str:
    seen = []
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no line starting with {start!r}; output so far:\n{''.join(seen)}")
        seen.append(line)
        if line.startswith(start):
            return line


def test_the_command_serves_local_and_remote_replicas_and_stops_everything(haproxy, data):
    # "another machine": replicas only, on a fixed port, as a second machine would run them
    remote_port = free_port()
    remote, remote_out = start_command(
        "--replicas-only", "--replicas", "1", "--port", str(remote_port), "--bind", "127.0.0.1"
    )
    main = None
    try:
        hint = wait_for_line(remote_out, "ready: 1 replica;")
        remote_args = hint.split("add: ", 1)[1].split()
        assert remote_args == ["--remote", f"127.0.0.1:{remote_port}"]
        port = free_port()
        main, main_out = start_command(
            "--port", str(port), "--replicas", "1", "--bind", "127.0.0.1", *remote_args
        )
        url = wait_for_line(main_out, "give students: ").split()[2]
        assert url == f"http://127.0.0.1:{port}"
        sessions = [Session(url, "training") for _ in range(2)]
        try:
            runs = [s.run() for s in sessions]
            assert not any(r.exceptions for r in runs)
            assert sorted(s.replica for s in sessions) == ["m1", "r1"]  # local and remote
        finally:
            for s in sessions:
                s.close()
        spawned = children(main.pid)
        assert len(spawned) == 2  # haproxy and the local replica

        main.send_signal(signal.SIGTERM)
        assert main.wait(timeout=60) == 0
        wait_for_line(main_out, "stopped", timeout=10)
        assert not any(alive(pid) for pid in spawned)
        assert remote.poll() is None  # the other machine's replicas are not ours to stop

        # killed outright, the replicas-only command still leaves no replica behind (Linux)
        replica_pids = children(remote.pid)
        assert len(replica_pids) == 1
        os.kill(remote.pid, signal.SIGKILL)
        remote.wait(timeout=10)
        for _ in range(200):  # the replica gets SIGTERM and shuts down
            if not any(alive(pid) for pid in replica_pids):
                break
            time.sleep(0.1)
        assert not any(alive(pid) for pid in replica_pids)
    finally:
        for p in (main, remote):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait()
