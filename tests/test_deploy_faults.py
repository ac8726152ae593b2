"""The classroom command survives its parts: a replica or HAProxy killed outright comes back.

Real processes: ``python -m deploy.classroom`` with 2 replicas behind the real HAProxy on free
127.0.0.1 ports. A replica is killed with SIGKILL: a new visitor is served within 15 s (the page,
/_stcore/health, a websocket session drawing the page), a link re-trains its run for a visitor
whose cookie names the dead replica, and the replica is started again until HAProxy reports it
UP. Then HAProxy is killed: a new visitor is served within 15 s, and the link again gives its
run through the new proxy. Ctrl-C then stops every process, the restarted ones included. The
15 s are deadlines waited for, not measurements.
"""

from __future__ import annotations

import os
import signal
import time
import urllib.request
from pathlib import Path

import pytest

from bench.streamlit_client import PROXY_COOKIE, Run, Session
from deploy import proxy
from deploy.replicas import free_port
from tests.test_proxy import alive, children, start_command, wait_for_line

SERVED_WITHIN = 15.0  # seconds: the deadline for a new visitor after a kill
BACK_WITHIN = 90.0  # seconds: for a killed replica to be UP again in HAProxy's eyes
LINK = "runs=dims.12288-7-1_it.300"  # one short run, as "Copy link" writes it


class LinkSession(Session):
    """A visitor opening a link (its query string goes with every rerun, as a browser's does).

    ``cookies`` are the ones the browser already has (say, the proxy's, naming a replica).
    """

    def __init__(self, url: str, page: str, query: str, cookies: dict | None = None) -> None:
        self.kept = dict(cookies or {})
        super().__init__(url, page, timeout=60, query=query)

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in {**self.kept, **self.cookies}.items())


def open_link(url: str, cookies: dict | None = None) -> tuple[Run, str | None]:
    """Open LINK on the training page; what it drew and the replica that drew it."""
    s = LinkSession(url, "training", LINK, cookies)
    try:
        run = s.run()
        while run.rerun:  # the page first, then the link's runs trained again and a rerun
            run = s.wait()
        assert len(set(s.served_by)) == 1, s.served_by  # page, websocket: one replica
        return run, s.served_by[-1]
    finally:
        s.close()


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as r:
            return r.read() == b"ok"
    except OSError:
        return False


def serve_a_new_visitor(url: str) -> None:
    """One new visitor, as a browser comes: the page, the health check, then a session."""
    with urllib.request.urlopen(f"{url}/", timeout=5) as r:
        assert r.status == 200 and b"<html" in r.read()
    assert healthy(url)
    s = Session(url, "training", timeout=30)
    try:
        run = s.run()
        assert not run.exceptions and "train_button" in s.widgets
    finally:
        s.close()


def served_within(url: str, seconds: float) -> float:
    """Seconds until a new visitor was served (polling); fail if not within ``seconds``."""
    start = time.monotonic()
    while True:
        try:
            serve_a_new_visitor(url)
            return time.monotonic() - start
        except Exception as exc:  # refused, reset, 503, websockets' InvalidStatus, …
            last = exc
        if time.monotonic() - start > seconds:
            pytest.fail(f"no new visitor served within {seconds:.0f} s: {last!r}")
        time.sleep(0.2)


def argv(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_text().split("\0")


def replica_pids(main_pid: int) -> dict[int, int]:
    """port → pid of each replica the command runs now."""
    found = {}
    for pid in children(main_pid):
        args = argv(pid)
        if "streamlit" in args:
            found[int(args[args.index("--server.port") + 1])] = pid
    return found


def haproxy_pid(main_pid: int) -> int:
    (pid,) = [p for p in children(main_pid) if "haproxy" in Path(argv(p)[0]).name]
    return pid


def stats_socket(main_pid: int) -> Path:
    args = argv(haproxy_pid(main_pid))
    return Path(args[args.index("-f") + 1]).with_name("haproxy.sock")


def states(main_pid: int) -> dict[str, dict[str, str]]:
    return proxy.server_states(stats_socket(main_pid))


def test_killed_replicas_and_proxy_come_back_and_ctrl_c_stops_all(haproxy, data):
    port = free_port()
    main, out = start_command("--port", str(port), "--replicas", "2", "--bind", "127.0.0.1")
    spawned: set[int] = set()
    try:
        ready = wait_for_line(out, "ready: 2 replicas (")  # r1 127.0.0.1:PORT, r2 …
        where = ready.split("(", 1)[1].rstrip(")\n").split(", ")
        by_name = {name: int(address.rsplit(":", 1)[1]) for name, address in map(str.split, where)}
        url = wait_for_line(out, "give students: ").split()[2]
        spawned.update(children(main.pid))
        assert len(spawned) == 3  # two replicas and HAProxy
        before, replica = open_link(url)
        assert not before.exceptions and before.metrics["Iterations"] == "300"
        assert any("Finished: 300 iterations" in t for t in before.texts)

        # a replica dies: the one that drew the link
        killed_port = by_name[replica]
        old_pid = replica_pids(main.pid)[killed_port]
        os.kill(old_pid, signal.SIGKILL)
        served_within(url, SERVED_WITHIN)
        # its visitor reloads the link: the run is trained again, where the proxy sends it
        after, _ = open_link(url, {PROXY_COOKIE: replica})
        assert not after.exceptions and after.metrics == {
            **before.metrics,
            "Training time": after.metrics["Training time"],
        }
        line = wait_for_line(out, f"replica {replica} restarted", timeout=BACK_WITHIN)
        new_pid = int(line.rsplit("pid ", 1)[1].rstrip(")\n"))
        assert new_pid != old_pid and replica_pids(main.pid)[killed_port] == new_pid
        spawned.add(new_pid)
        wait_until(
            lambda: (
                healthy(f"http://127.0.0.1:{killed_port}")
                and states(main.pid)[replica]["status"] == "UP"
                and states(main.pid)[replica]["check_status"] == "L7OK"
            ),
            BACK_WITHIN,
            lambda: states(main.pid)[replica],
        )
        back, where = open_link(url, {PROXY_COOKIE: replica})  # its cookie leads to it again
        assert where == replica and back.metrics["Iterations"] == "300"

        # HAProxy dies
        old_proxy = haproxy_pid(main.pid)
        os.kill(old_proxy, signal.SIGKILL)
        served_within(url, SERVED_WITHIN)
        wait_for_line(out, "proxy haproxy restarted", timeout=10)
        new_proxy = haproxy_pid(main.pid)
        assert new_proxy != old_proxy
        spawned.add(new_proxy)
        again, _ = open_link(url)  # a link through the new proxy gives the run
        assert not again.exceptions and again.metrics["Iterations"] == "300"
        assert again.metrics["Train accuracy"] == before.metrics["Train accuracy"]
        assert again.metrics["Test accuracy"] == before.metrics["Test accuracy"]

        main.send_signal(signal.SIGINT)
        assert main.wait(timeout=60) == 0
        wait_for_line(out, "stopped", timeout=10)
        assert not any(alive(pid) for pid in spawned)
    finally:
        if main.poll() is None:
            main.kill()
            main.wait()


def wait_until(condition, seconds: float, why=lambda: None) -> None:
    """Poll ``condition`` every 0.5 s; fail (saying ``why()``) if it is not met in ``seconds``."""
    for _ in range(int(seconds / 0.5) + 1):
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"not within {seconds} s: {why()}")
