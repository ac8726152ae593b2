"""Serve a class: one Streamlit replica per core behind HAProxy, started by one command.

    .venv/bin/python -m deploy.classroom [--port 8501] [--replicas N] [--bind 0.0.0.0]
                                         [--remote HOST:PORT ...] [--board-db URL]
                                         [--board-spool DIR]
    .venv/bin/python -m deploy.classroom --replicas-only [--port 8501] [--replicas N]
                                         [--bind 127.0.0.1]

The first form starts N replicas (default: one per core) on free 127.0.0.1 ports, writes the
proxy's configuration from deploy/haproxy.cfg.template, starts HAProxy on ``--bind:--port``,
waits until every replica is healthy and prints the address to give the students. From then on
it supervises them (deploy/supervisor.py): a replica or HAProxy that exits is started again on
the same port, after a back-off, with a line saying so. Only Ctrl-C or SIGTERM ends it: it stops
the proxy, then the replicas, and waits for them; no process is left behind (on Linux a replica
is also stopped if this command is killed).

To scale out, start replicas on another machine with the second form (ports --port, --port+1,
…, on 127.0.0.1 unless ``--bind`` says otherwise, supervised the same way) and list them on the
proxy's machine with ``--remote HOST:PORT``, once per replica: the proxy health-checks them and
sends visitors to them like to local ones.

``--board-db URL`` (or ``$DNN_BOARD_DB``) is the class board's database for every replica: a
PostgreSQL URL such as ``postgresql+psycopg://dnn:secret@db-host/dnn`` when replicas run on
several machines; without it the replicas of one machine share a SQLite file (ui/board/db.py).
``--board-spool DIR`` (or ``$DNN_BOARD_SPOOL``) is where the replicas of this machine keep the
runs that wait while that database is down (ui/board/spool.py; default ``.board/spool/``): a
folder on this machine's own disk that outlives the replicas, shared by them.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import signal
import socket
import tempfile
import time
from pathlib import Path

from deploy import proxy
from deploy import replicas as rp
from deploy.replicas import free_port
from deploy.supervisor import Signals, Supervisor, keep_going

BOARD_DB_ENV = "DNN_BOARD_DB"  # read by ui/board/db.py in each replica
BOARD_SPOOL_ENV = "DNN_BOARD_SPOOL"  # read by ui/board/spool.py in each replica


def board_env(board_db=None, board_spool=None) -> dict:
    """The class board's environment for every replica (nothing: their defaults)."""
    env = {BOARD_DB_ENV: board_db, BOARD_SPOOL_ENV: str(board_spool) if board_spool else None}
    return {k: v for k, v in env.items() if v}


def lan_address() -> str:
    """The address of this machine on its local network (no packet is sent), else 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))  # a UDP "connect" only picks the route
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def parse_remote(text: str) -> tuple[str, int]:
    """``HOST:PORT`` → (host, port); raise ValueError on anything else."""
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"expected HOST:PORT, got {text!r}")
    return host, int(port)


class Classroom:
    """The proxy and its replicas, as one thing that starts and stops together.

    Parameters
    ----------
    port : int
        The proxy's port: the one address students open.
    replicas : int, optional
        Local Streamlit replicas (default: one per core). 0 is allowed with ``remotes``.
    bind : str
        The proxy's interface: "0.0.0.0" for a classroom network, "127.0.0.1" for tests.
    remotes : sequence of (host, port)
        Replicas already running on other machines (``--replicas-only`` there).
    timeout : float
        Seconds to wait for every replica and the proxy to be healthy.
    """

    def __init__(
        self,
        port=8501,
        replicas=None,
        bind="0.0.0.0",
        remotes=(),
        timeout=120.0,
        board_db=None,
        board_spool=None,
    ):
        self.port, self.bind, self.timeout = port, bind, timeout
        self.env = board_env(board_db, board_spool)  # for every replica
        n = rp.cores() if replicas is None else replicas
        self.run_dir = Path(tempfile.mkdtemp(prefix="dnn-classroom-"))
        self.stats_socket = self.run_dir / "haproxy.sock"
        local = [proxy.Backend(f"r{k + 1}", "127.0.0.1", free_port()) for k in range(n)]
        remote = [proxy.Backend(f"m{k + 1}", h, p) for k, (h, p) in enumerate(remotes)]
        self.local, self.backends = local, local + remote
        self.keeper = Supervisor()  # the local processes: each replica, then "haproxy"
        self._logs: list = []

    @property
    def replicas(self) -> dict:
        """The current ``Popen`` of each local replica started so far, by name."""
        return {n: self.keeper.process(n) for n in self.keeper.children if n != "haproxy"}

    @property
    def proxy(self):
        """HAProxy's current ``Popen``, or None before it is started."""
        return self.keeper.process("haproxy") if "haproxy" in self.keeper.children else None

    @property
    def url(self) -> str:
        """The proxy's URL from this machine."""
        host = "127.0.0.1" if self.bind in ("0.0.0.0", "") else self.bind
        return f"http://{host}:{self.port}"

    def student_url(self) -> str:
        """The URL to give students: this machine's network address when bound to all."""
        return f"http://{lan_address()}:{self.port}" if self.bind == "0.0.0.0" else self.url

    def start(self) -> Classroom:
        """Start the replicas, wait until all are healthy, then the proxy; return self."""
        config = self.run_dir / "haproxy.cfg"
        try:
            text = proxy.render_config(self.bind, self.port, self.backends, self.stats_socket)
            config.write_text(text)
            proxy.check_config(config)
            for b in self.local:
                start = functools.partial(
                    rp.start_replica, b.port, b.host, self._log(b.name), env_extra=self.env
                )
                self.keeper.add(b.name, "replica", start)
            procs = list(self.replicas.values())
            rp.wait_healthy([b.url for b in self.backends], self.timeout, procs)
            start = functools.partial(
                proxy.start_proxy, config, self._log("haproxy"), preexec_fn=rp.die_with_parent
            )
            self.keeper.add("haproxy", "proxy", start)
            self._wait_for_proxy()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_for_proxy(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            if self.proxy.poll() is not None:
                raise RuntimeError(f"haproxy exited:\n{self.logs()['haproxy']}")
            try:
                states = proxy.server_states(self.stats_socket)
                up = all(states[b.name]["status"] == "UP" for b in self.backends)
            except OSError:
                up = False
            if up and rp.is_healthy(self.url):
                return
            if time.monotonic() > deadline:
                raise RuntimeError("the proxy did not come up in time")
            time.sleep(0.2)

    def _log(self, name: str):
        f = open(self.run_dir / f"{name}.log", "w")  # closed in stop()
        self._logs.append(f)
        return f

    def logs(self) -> dict[str, str]:
        """What each local process has printed so far, by name (replicas, "haproxy")."""
        return {p.stem: p.read_text(errors="replace") for p in sorted(self.run_dir.glob("*.log"))}

    def processes(self) -> list:
        """The local processes now: the proxy (once started) and the replicas."""
        return ([self.proxy] if self.proxy else []) + list(self.replicas.values())

    def supervise(self) -> list[str]:
        """Restart whichever local process has exited once its back-off is over; their names."""
        return self.keeper.check()

    def stop(self) -> dict[str, str]:
        """Stop the proxy first (no new visitors), then the replicas; return their logs."""
        if self.proxy is not None:
            rp.stop_all([self.proxy])
        rp.stop_all(list(self.replicas.values()))
        for f in self._logs:
            f.close()
        logs = self.logs() if self.run_dir.exists() else {}
        shutil.rmtree(self.run_dir, ignore_errors=True)
        return logs

    def __enter__(self) -> Classroom:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def replicas_text(n: int) -> str:
    """The count in words: 1 replica, 2 replicas."""
    return f"{n} replica" + ("s" if n != 1 else "")


def serve_replicas_only(
    port: int, n: int, bind: str, signals: Signals, board_db=None, board_spool=None
) -> None:
    """On another machine: replicas on ports port, port+1, … for a proxy elsewhere."""
    keeper = Supervisor()
    try:
        for k in range(n):
            env = board_env(board_db, board_spool)
            start = functools.partial(rp.start_replica, port + k, bind, None, env_extra=env)
            keeper.add(f"r{k + 1}", "replica", start)
        local = "127.0.0.1" if bind in ("0.0.0.0", "") else bind
        urls = [f"http://{local}:{port + k}" for k in range(n)]
        rp.wait_healthy(urls, 120.0, keeper.processes())
        host = lan_address() if bind in ("0.0.0.0", "") else local
        remotes = " ".join(f"--remote {host}:{port + k}" for k in range(n))
        print(f"ready: {replicas_text(n)}; on the proxy's machine add: {remotes}", flush=True)
        if bind.startswith("127."):
            print(
                f"(bound to {bind}: only this machine reaches them; --bind THIS_MACHINE'S_ADDRESS "
                "opens them to the proxy's network, see deploy/README.md)",
                flush=True,
            )
        keep_going(keeper.check, signals)
    finally:
        rp.stop_all(keeper.processes())


def parse_args(argv=None) -> argparse.Namespace:
    """The command line, with ``bind`` filled in and ``remote`` as (host, port) pairs.

    ``--bind`` defaults to 0.0.0.0 for the proxy (students reach it) and to 127.0.0.1 for
    ``--replicas-only`` (a Streamlit server alone should not face a network: it never closes a
    connection whose headers never end, which HAProxy does after 10 s).
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8501, help="the address students open")
    parser.add_argument("--replicas", type=int, default=None, help="default: one per core")
    parser.add_argument(
        "--bind", default=None, help="interface (default: 0.0.0.0; 127.0.0.1 with --replicas-only)"
    )
    parser.add_argument("--remote", action="append", default=[], metavar="HOST:PORT")
    parser.add_argument("--replicas-only", action="store_true", help="for another machine")
    parser.add_argument(
        "--board-db", default=None, metavar="URL", help="the class board's database (PostgreSQL)"
    )
    parser.add_argument(
        "--board-spool",
        default=None,
        metavar="DIR",
        help="where runs wait while that database is down (default: .board/spool)",
    )
    args = parser.parse_args(argv)
    try:
        args.remote = [parse_remote(r) for r in args.remote]
    except ValueError as exc:
        parser.error(str(exc))
    if args.bind is None:
        args.bind = "127.0.0.1" if args.replicas_only else "0.0.0.0"
    if args.replicas is None:
        args.replicas = rp.cores()
    return args


def main(argv=None) -> int:
    """Run the classroom command until Ctrl-C or SIGTERM."""
    args = parse_args(argv)
    signals = Signals()
    signals.install()
    try:
        if args.replicas_only:
            serve_replicas_only(
                args.port, args.replicas, args.bind, signals, args.board_db, args.board_spool
            )
            return 0
        room = Classroom(
            args.port,
            args.replicas,
            args.bind,
            args.remote,
            board_db=args.board_db,
            board_spool=args.board_spool,
        )
        return _serve(room, signals)
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, ValueError) as exc:
        print(f"error: {exc}", flush=True)
        return 1
    finally:
        print("stopped", flush=True)


def _serve(room: Classroom, signals: Signals) -> int:
    print(f"starting {replicas_text(len(room.local))} and the proxy…", flush=True)
    try:
        room.start()
        where = ", ".join(f"{b.name} {b.host}:{b.port}" for b in room.backends)
        print(f"ready: {replicas_text(len(room.backends))} ({where})", flush=True)
        print(f"give students: {room.student_url()}  (this machine: {room.url})", flush=True)
        print("Ctrl-C stops everything.", flush=True)
        keep_going(room.supervise, signals)
        return 0  # not reached: only a signal ends the loop
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # let the stop finish
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        room.stop()


if __name__ == "__main__":
    raise SystemExit(main())
