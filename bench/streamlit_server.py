"""A real ``streamlit run`` server on 127.0.0.1, and a minimal client speaking its protocol.

Used by the browser tests, the load test and the server-side robustness tests. The client sends
what a browser sends (BackMsg protobufs over the app's websocket) and reads what a browser reads,
so a session is a real session of the real server, without the cost of a browser per session.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env_extra: dict | None = None, timeout: float = 60.0, args: tuple = ()):
    """Start ``streamlit run`` headless on a free loopback port; return (process, base URL)."""
    port = free_port()
    env = {**os.environ, **(env_extra or {})}
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        *args,
    ]
    proc = subprocess.Popen(
        cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("streamlit did not become healthy in time")


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


@dataclass
class Run:
    """What one script run sent to the client."""

    seconds: float
    widgets: dict[str, str] = field(default_factory=dict)  # user key → widget id
    texts: list[str] = field(default_factory=list)  # alerts and markdown
    exceptions: list[str] = field(default_factory=list)
    charts: int = 0  # Plotly charts sent (each frame of a live chart is one)


class Session:
    """One visitor: a websocket to the app, driven like a browser drives it."""

    def __init__(self, url: str, page: str = "", timeout: float = 120.0) -> None:
        from websockets.sync.client import connect

        self.timeout = timeout
        self._connection = connect(
            url.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=timeout,
        )
        self.ws = self._connection.__enter__()  # websockets wants its context entered
        self.page, self.widgets = page, {}

    def run(self, clicks: tuple[str, ...] = ()) -> Run:
        """Rerun the script (clicking the buttons with these keys); wait until it finishes."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.rerun_script.page_name = self.page  # the URL's page, as a browser sends it
        for key in clicks:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = self.widgets[key]
            state.trigger_value = True
        start = time.perf_counter()
        self.ws.send(msg.SerializeToString())
        run = self._read_until_finished()
        run.seconds = time.perf_counter() - start
        self.widgets.update(run.widgets)
        return run

    def _read_until_finished(self) -> Run:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        run = Run(0.0)
        while True:
            f = ForwardMsg()
            f.ParseFromString(self.ws.recv(timeout=self.timeout))
            kind = f.WhichOneof("type")
            if kind == "delta" and f.delta.WhichOneof("type") == "new_element":
                element = f.delta.new_element
                which = element.WhichOneof("type")
                inner = getattr(element, which) if which else None
                key = getattr(inner, "id", "") if inner is not None else ""
                if isinstance(key, str) and key.startswith("$$ID-") and "-" in key[5:]:
                    run.widgets[key.split("-", 2)[2]] = key
                if which == "alert":
                    run.texts.append(element.alert.body)
                elif which == "markdown":
                    run.texts.append(element.markdown.body)
                elif which == "plotly_chart":
                    run.charts += 1
                elif which == "exception":
                    run.exceptions.append(element.exception.message)
            elif kind == "script_finished":
                return run

    def close(self) -> None:
        """Close the tab."""
        self._connection.__exit__(None, None, None)
