"""Keep processes running: restart whichever exits, with a back-off, and say so.

The classroom's replicas and its HAProxy are each a ``Child``: a name and a way to start it.
``Supervisor.check`` (called about twice a second by deploy/classroom.py) notices a child that
has exited, waits its back-off delay (1 s, doubled at each exit in a row, at most 30 s; back to
1 s once it had run a whole minute), starts it again with the same command, address and port,
and prints one line for each exit and each restart. ``Signals`` and ``keep_going`` run that
until Ctrl-C, SIGTERM or SIGHUP, never in the middle of a restart.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field

FIRST_DELAY = 1.0  # seconds before the first restart
LONGEST_DELAY = 30.0  # the back-off's ceiling
HEALTHY_RUN = 60.0  # a child that ran this long starts again from FIRST_DELAY
CHECK_EVERY = 0.5  # seconds between two looks at the processes


def how_it_ended(code: int) -> str:
    """A process's return code in words: "code 1", "SIGKILL"."""
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"code {code}"


@dataclass
class Child:
    """One supervised process: its name, what it is, how to start it, and its state."""

    name: str
    kind: str  # "replica" or "proxy": for the lines printed
    start: Callable[[], object]  # returns a new subprocess.Popen
    process: object = None
    started: float = 0.0  # monotonic time of the last start
    delay: float = FIRST_DELAY  # the wait before the next restart
    due: float | None = None  # when it will be started again, once it has exited
    restarts: int = 0
    history: list[float] = field(default_factory=list)  # the delay waited before each restart


class Supervisor:
    """Restart exited children with a back-off; a child is a replica or the proxy.

    Parameters
    ----------
    say : callable
        Where the lines go (``print`` with flush by default).
    clock : callable
        Monotonic seconds (a fake one in tests).
    first, longest, healthy : float
        The first delay, its ceiling, and the run after which the delay starts afresh.
    """

    def __init__(
        self,
        say: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        first: float = FIRST_DELAY,
        longest: float = LONGEST_DELAY,
        healthy: float = HEALTHY_RUN,
    ) -> None:
        self.say = say or (lambda line: print(line, flush=True))
        self.clock, self.first, self.longest, self.healthy = clock, first, longest, healthy
        self.children: dict[str, Child] = {}

    def add(self, name: str, kind: str, start: Callable[[], object], process=None) -> Child:
        """Supervise ``name``; ``process`` if it is already running, else start it now."""
        child = Child(name, kind, start, delay=self.first)
        child.process = process if process is not None else start()
        child.started = self.clock()
        self.children[name] = child
        return child

    def process(self, name: str):
        """The current process of a child (a new one after each restart)."""
        return self.children[name].process

    def processes(self) -> list:
        """The current process of every child, in the order they were added."""
        return [c.process for c in self.children.values()]

    def check(self) -> list[str]:
        """One look at every child: note exits, restart those whose delay is over.

        Returns the names of the children started again in this call.
        """
        now, restarted = self.clock(), []
        for child in self.children.values():
            if child.due is None and child.process.poll() is not None:
                if now - child.started >= self.healthy:
                    child.delay = self.first  # it had run well: not a crash loop
                child.due = now + child.delay
                code = how_it_ended(child.process.returncode)
                self.say(
                    f"{child.kind} {child.name} exited ({code}); restarting it in {child.delay:g} s"
                )
            if child.due is not None and now >= child.due:
                child.history.append(child.delay)
                child.delay = min(2 * child.delay, self.longest)
                try:
                    process = child.start()
                except OSError as exc:  # the program is gone, say: try again later
                    child.due = now + child.delay
                    self.say(f"{child.kind} {child.name} could not start ({exc}); trying again")
                    continue
                child.due, child.process, child.started = None, process, now
                child.restarts += 1
                self.say(f"{child.kind} {child.name} restarted (pid {process.pid})")
                restarted.append(child.name)
        return restarted


class Signals:
    """Ctrl-C, SIGTERM and SIGHUP as ``KeyboardInterrupt``, held back while a restart runs.

    A signal in the middle of starting a process could leave it running unrecorded; inside
    ``held()`` the signal is only noted, and raised once the block is over.
    """

    def __init__(self) -> None:
        self.pending = self.holding = False

    def __call__(self, signum, frame) -> None:
        """The handler: note the signal, and raise unless held."""
        self.pending = True
        if not self.holding:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def held(self):
        """Defer the signals to the end of the block."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending:
            raise KeyboardInterrupt

    def install(self) -> None:
        """Handle SIGINT, SIGTERM and SIGHUP (also when started with ``&``) in this process."""
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self)


def keep_going(supervise, signals: Signals) -> None:
    """Call ``supervise`` every CHECK_EVERY seconds until a signal ends it."""
    while True:
        with signals.held():
            supervise()
        time.sleep(CHECK_EVERY)
