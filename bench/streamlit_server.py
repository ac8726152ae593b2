"""A real ``streamlit run`` server on 127.0.0.1, started and stopped by tests and benchmarks.

Used by the browser tests, the load test and the server-side robustness tests; the client that
speaks to it like a browser is bench/streamlit_client.py.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from deploy.replicas import REPO, free_port, start_replica, wait_healthy

__all__ = ["REPO", "free_port", "rss_mb", "start_server", "stop_server"]


def start_server(env_extra: dict | None = None, timeout: float = 60.0, args: tuple = ()):
    """Start ``streamlit run`` headless on a free loopback port; return (process, base URL)."""
    port = free_port()
    proc = start_replica(port, "127.0.0.1", subprocess.PIPE, tuple(args), env_extra)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy([url], timeout, [proc])
    except RuntimeError as exc:
        raise RuntimeError(f"{exc}; streamlit said:\n{stop_server(proc)}") from None
    return proc, url


def stop_server(proc) -> str:
    """Stop the server; return what it printed (its log)."""
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out or ""


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
