"""Shared fixtures: the real data set (required in CI) and small synthetic problems.

When the data files are missing, the session first tries once to download them into the data
folder (the app's own fetcher, with the mirrors in $DNN_DATA_MIRRORS or the public ones); only
when that fails do the tests that need them skip (fail with ``DNN_REQUIRE_DATA=1``). Every test
then runs with $DNN_DATA_MIRRORS pointing to a local port nothing listens on, so that no test
reaches the internet by accident: tests that download serve their own mirror on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
import time

import numpy as np
import pytest

import dnn
from bench.streamlit_server import free_port, start_server, stop_server
from dnn import datasets
from dnn.datasets import DatasetMissingError, download

SESSION_MIRRORS = download.configured_mirrors()  # read before any test changes the environment
DEAD_MIRROR = f"http://127.0.0.1:{free_port()}/"  # nothing listens: a port just released


def require(what: str, reason: str) -> None:
    """Skip with ``reason`` locally; fail in CI, where ``DNN_REQUIRE_<WHAT>=1`` is set."""
    if os.environ.get(f"DNN_REQUIRE_{what.upper()}") == "1":
        pytest.fail(f"{reason} (DNN_REQUIRE_{what.upper()}=1 makes this a failure)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch, _spool_dir):
    """Downloads in tests go to a dead local address unless the test serves its own mirror.

    And the board's spool (runs waiting for a database that is down) is a temporary folder,
    never the repository's ``.board/``.
    """
    monkeypatch.setenv(download.MIRRORS_ENV, DEAD_MIRROR)
    monkeypatch.setenv("DNN_BOARD_SPOOL", str(_spool_dir))


@pytest.fixture(scope="session")
def _spool_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("board-spool")


@functools.cache
def download_once() -> str | None:
    """Fetch the missing data once per test session, as the app would; why it failed, or None."""
    try:
        download.download(mirrors=SESSION_MIRRORS)
    except download.DownloadError as exc:
        return exc.values.get("reasons") or str(exc)
    return None


@pytest.fixture(scope="session")
def data() -> dnn.Dataset:
    """The lesson's cat data, from the data folder (downloaded first if it is not there)."""
    try:
        return dnn.load_dataset()
    except DatasetMissingError:
        error = download_once()
    if error is not None:
        require(
            "data",
            f"no data in {datasets.data_dir()} and the download failed ({error}); run "
            "`.venv/bin/python -m dnn.datasets download` with internet access, or copy "
            "train_catvnoncat.h5 and test_catvnoncat.h5 there (or set DNN_DATA_DIR)",
        )
    return dnn.load_dataset()


def app_server():
    """A real ``streamlit run`` on 127.0.0.1 while this generator lives; no traceback in its log."""
    proc, url = start_server()
    yield url
    log = stop_server(proc)
    assert "Traceback" not in log, log  # nothing went wrong on the server side either


@pytest.fixture(scope="module")
def server(data):
    """The app's server for one test module."""
    yield from app_server()


@pytest.fixture(scope="session")
def lesson_4layer(data):
    """The lesson's 4-layer run with the defaults (fast engine)."""
    return dnn.train(
        data.train_x, data.train_y, [12288, 20, 7, 5, 1], X_val=data.test_x, Y_val=data.test_y
    )


def separable(n_x=4, m=60, seed=0):
    """A linearly separable toy set: (X of shape (n_x, m), Y of shape (1, m))."""
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    w = rng.randn(1, n_x)
    Y = (w @ X > 0).astype(np.int64)
    return X, Y


@pytest.fixture
def mirror(tmp_path, data):
    """An HTTP server on 127.0.0.1 serving good/ (the real files) and bad/ (corrupted copies)."""
    root = tmp_path / "www"
    for sub in ("good", "bad"):
        (root / sub).mkdir(parents=True)
    for name in datasets.FILES:
        src = datasets.data_dir() / name
        shutil.copy(src, root / "good" / name)
        raw = bytearray(src.read_bytes())
        raw[len(raw) // 2] ^= 0xFF  # one flipped byte
        (root / "bad" / name).write_bytes(bytes(raw))
    with serve(root) as (url, _):
        yield url


@contextlib.contextmanager
def serve(root, delay: float = 0.0):
    """Serve the folder ``root`` on 127.0.0.1; yields (base URL, list of the paths requested).

    ``delay`` holds every answer that many seconds (to make concurrent downloads overlap).
    """
    requested: list[str] = []
    handler = functools.partial(_QuietHandler, requested, delay, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that hangs up early (a download cut off on purpose) is not news


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, requested, delay, *args, **kwargs):
        self.requested, self.delay = requested, delay
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self.requested.append(self.path)
        time.sleep(self.delay)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def haproxy():
    """Debian's HAProxy for the deployment tests (they skip without it; in CI they fail)."""
    from deploy import proxy

    if proxy.haproxy_binary() is None:
        require("proxy", "haproxy is not installed (apt-get install haproxy)")


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the board's tests (tests/pg_server.py), stopped after."""
    from tests.pg_server import PgServer, binaries

    if binaries() is None:
        require("postgres", "PostgreSQL is not installed (apt-get install postgresql)")
    server = PgServer()
    server.start()
    yield server
    server.close()


@pytest.fixture(params=["sqlite", "postgres"])
def board_url(request, tmp_path):
    """The URL of a fresh, empty board database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'board.sqlite3'}"
    return request.getfixturevalue("postgres").new_database()
