"""Streamlit replicas: ``streamlit run`` processes of the app, one per core.

Each replica is an ordinary Streamlit server with the repository's .streamlit/config.toml, on
its own port. A replica uses one core: one Python process (the GIL) and one BLAS thread. The
classroom's replicas, tests and benchmarks run ``streamlit_app.py`` exactly as a laptop does (it
is an ``st.App`` with the framing headers and gzipped front-end files).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = "streamlit_app.py"  # the app as a laptop runs it
# one core per replica: a second BLAS thread per process only competes with the other replicas
ONE_CORE = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
STOP_SECONDS = 15.0  # how long a process may take to stop before it is killed


def cores() -> int:
    """How many cores this process may use (its CPU affinity, not only the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def die_with_parent() -> None:
    """In a child, before exec: be sent SIGTERM when the parent dies, even if it is killed.

    Linux only (``prctl(PR_SET_PDEATHSIG)``); elsewhere the parent's own cleanup is all there is.
    A new session also keeps the terminal's Ctrl-C for the parent, which stops things in order.
    """
    os.setsid()
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free now on ``host``."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def replica_command(port: int, address: str, extra_args: tuple = (), script: str = APP):
    """The command line of one replica: ``python -m streamlit run SCRIPT`` on ``address:port``."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.address",
        address,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        *extra_args,
    ]


def start_replica(
    port: int,
    address: str,
    log,
    extra_args: tuple = (),
    env_extra: dict | None = None,
    script: str = APP,
) -> subprocess.Popen:
    """Start one replica on ``address:port``, its output (text) written to ``log``.

    ``log`` is what ``subprocess.Popen`` takes as stdout: a file, ``subprocess.PIPE`` or None.
    ``script`` is the file ``streamlit run`` serves, relative to the repository.
    """
    env = {**os.environ, **ONE_CORE, **(env_extra or {})}
    return subprocess.Popen(
        replica_command(port, address, extra_args, script),
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        preexec_fn=die_with_parent,  # before exec; start replicas from the main thread
    )


def is_healthy(url: str, timeout: float = 2.0) -> bool:
    """Whether ``url``/_stcore/health answers "ok" now."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as r:
            return r.status == 200 and r.read() == b"ok"
    except OSError:
        return False


def wait_healthy(urls: list[str], timeout: float, processes=()) -> None:
    """Wait until every URL is healthy; raise RuntimeError naming those that are not.

    ``processes`` are the local ones behind some of the URLs: if one exits, waiting stops.
    """
    pending = list(urls)
    deadline = time.monotonic() + timeout
    while pending:
        pending = [u for u in pending if not is_healthy(u)]
        for p in processes:
            if p.poll() is not None:
                raise RuntimeError(f"a replica exited at start (code {p.returncode})")
        if not pending:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"not healthy after {timeout:.0f} s: {', '.join(pending)}")
        time.sleep(0.25)


def stop_all(processes: list[subprocess.Popen]) -> None:
    """SIGTERM every process, wait for all together, SIGKILL whichever is still there."""
    for p in processes:
        if p.poll() is None:
            p.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for p in processes:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
