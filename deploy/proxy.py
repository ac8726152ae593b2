"""The reverse proxy in front of the replicas: HAProxy, configured from a template.

HAProxy does what a classroom needs and we do not write ourselves: sticky sessions by cookie,
websockets, health checks, and a server list that can name other machines. Our code only fills
in the template (deploy/haproxy.cfg.template) and starts, checks and reads the real thing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
COOKIE = "dnn_replica"  # the cookie naming a visitor's replica (its value: the server's name)
REPLICA_HEADER = "X-Replica"  # response header: the name of the replica that answered
# Debian installs haproxy in /usr/sbin, which is not on every user's PATH
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"])


@dataclass(frozen=True)
class Backend:
    """One Streamlit replica behind the proxy: its name (the cookie's value) and address."""

    name: str
    host: str
    port: int

    @property
    def url(self) -> str:
        """The replica's own URL (not through the proxy)."""
        return f"http://{self.host}:{self.port}"


def haproxy_binary() -> str | None:
    """The path of the ``haproxy`` program, or None if it is not installed."""
    return shutil.which("haproxy", path=SEARCH_PATH)


def render_config(bind: str, port: int, backends: list[Backend], stats_socket: Path) -> str:
    """The proxy's configuration: the template with this deployment's address and servers."""
    if not backends:
        raise ValueError("a classroom needs at least one replica")
    names = [b.name for b in backends]
    if len(set(names)) != len(names):
        raise ValueError(f"replica names must be unique: {names}")
    servers = "\n".join(f"    server {b.name} {b.host}:{b.port} cookie {b.name}" for b in backends)
    return Template(TEMPLATE.read_text()).substitute(
        bind=bind, port=port, cookie=COOKIE, servers=servers, stats_socket=stats_socket
    )


def check_config(path: Path) -> None:
    """Have HAProxy validate a configuration file; raise RuntimeError with its message if not."""
    out = subprocess.run(
        [_binary(), "-c", "-q", "-f", str(path)], capture_output=True, text=True, timeout=30
    )
    if out.returncode != 0:
        raise RuntimeError(f"haproxy rejects {path}:\n{out.stdout}{out.stderr}")


def start_proxy(config: Path, log, **popen) -> subprocess.Popen:
    """Start HAProxy in the foreground (``-db``) on ``config``, its log written to ``log``."""
    return subprocess.Popen(
        [_binary(), "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT, **popen
    )


def server_states(stats_socket: Path) -> dict[str, dict[str, str]]:
    """Each replica's line of HAProxy's ``show stat``: status (UP/DOWN…), scur, stot, …."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(5)
        s.connect(str(stats_socket))
        s.sendall(b"show stat\n")
        raw = b""
        while chunk := s.recv(65536):
            raw += chunk
    lines = raw.decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
    return {
        r["svname"]: r
        for r in rows
        if r.get("pxname") == "replicas" and r["svname"] not in ("BACKEND", "FRONTEND")
    }


def _binary() -> str:
    path = haproxy_binary()
    if path is None:
        raise RuntimeError("haproxy is not installed (Debian: apt-get install haproxy)")
    return path
