"""The proxy's health checks, by what visitors get: a replica failing /_stcore/health gets none.

HAProxy runs on the configuration deploy/proxy.py writes from the template, in front of three
servers: the app's real replica, a tiny fake one whose /_stcore/health answers 500 (a replica
whose Streamlit is broken while its port still accepts connections), and a fake one that is
healthy (the control: it shows new visitors are spread to every healthy server, fakes too).
Once HAProxy's own statistics say which server is up, new visitors (no cookie) come in: the
sick one must see only health checks.
"""

from __future__ import annotations

import http.server
import threading
import time
import urllib.request
from contextlib import contextmanager

import pytest

from deploy import proxy
from deploy.replicas import free_port

VISITORS = 12
POLLS = 300  # HAProxy's statistics read at most this many times, 0.1 s apart (30 s)


class FakeReplica(http.server.ThreadingHTTPServer):
    """Answers ``health_status`` on /_stcore/health and 200 "fake <name>" on every other path."""

    daemon_threads = True

    def __init__(self, name: str, health_status: int):
        self.name, self.health_status = name, health_status
        self.health_checks, self.visits = 0, []
        super().__init__(("127.0.0.1", 0), _FakeHandler)

    @property
    def port(self) -> int:
        return self.server_address[1]


class _FakeHandler(http.server.BaseHTTPRequestHandler):
    server: FakeReplica

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/_stcore/health":
            self.server.health_checks += 1
            status, body = self.server.health_status, b"ok"
        else:
            self.server.visits.append(self.path)
            status, body = 200, f"fake {self.server.name}".encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serving(fake: FakeReplica):
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.shutdown()
        fake.server_close()
        thread.join(10)


def wait_for_states(stats_socket, expected: dict[str, str]) -> dict[str, str]:
    """Read HAProxy's statistics until each server's status is the expected one (bounded)."""
    states: dict[str, str] = {}
    for _ in range(POLLS):
        try:
            states = {k: v["status"] for k, v in proxy.server_states(stats_socket).items()}
        except OSError:  # the socket is not there yet
            states = {}
        if states == expected:
            return states
        time.sleep(0.1)
    pytest.fail(f"HAProxy's servers never reached {expected}: last seen {states}")


def visit(url: str) -> str:
    """A new visitor's first request (no cookie): which server answered, by its header."""
    with urllib.request.urlopen(f"{url}/", timeout=30) as r:
        return r.headers[proxy.REPLICA_HEADER]


def test_a_replica_failing_its_health_check_gets_no_new_visitor(haproxy, server, tmp_path):
    host, port = server.removeprefix("http://").rsplit(":", 1)
    with serving(FakeReplica("sick", 500)) as sick, serving(FakeReplica("well", 200)) as well:
        backends = [
            proxy.Backend("sick", "127.0.0.1", sick.port),
            proxy.Backend("real", host, int(port)),
            proxy.Backend("well", "127.0.0.1", well.port),
        ]
        front = free_port()
        stats = tmp_path / "haproxy.sock"
        config = tmp_path / "haproxy.cfg"
        config.write_text(proxy.render_config("127.0.0.1", front, backends, stats))
        proxy.check_config(config)
        log = (tmp_path / "haproxy.log").open("w")
        process = proxy.start_proxy(config, log)
        try:
            wait_for_states(stats, {"sick": "DOWN", "real": "UP", "well": "UP"})
            answered = [visit(f"http://127.0.0.1:{front}") for _ in range(VISITORS)]
        finally:
            process.terminate()
            process.wait(15)
            log.close()
    assert sick.health_checks >= 1  # checked and failed (a new server is one failure from DOWN)
    assert sick.visits == [] and "sick" not in answered  # not one visitor sent there
    # the control: without a failing check, new visitors go to every server, fakes included
    assert set(answered) == {"real", "well"}
    assert len(well.visits) == answered.count("well") > 0
