"""Shared fixtures: the real data set (required in CI) and small synthetic problems."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import numpy as np
import pytest

import dnn
from dnn import datasets
from dnn.datasets import DatasetMissingError


def require(what: str, reason: str) -> None:
    """Skip with ``reason`` locally; fail in CI, where ``DNN_REQUIRE_<WHAT>=1`` is set."""
    if os.environ.get(f"DNN_REQUIRE_{what.upper()}") == "1":
        pytest.fail(f"{reason} (DNN_REQUIRE_{what.upper()}=1 makes this a failure)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def data() -> dnn.Dataset:
    """The lesson's cat data, from the data folder."""
    try:
        return dnn.load_dataset()
    except DatasetMissingError as exc:
        require("data", f"real data set missing: {exc}")


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
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
