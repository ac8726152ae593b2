"""The supervisor's back-off and signals, on fake processes and a fake clock (no server)."""

from __future__ import annotations

import itertools

import pytest

from deploy.supervisor import Signals, Supervisor, how_it_ended


class FakeProcess:
    """A process that runs until ``end(code)``."""

    pids = itertools.count(1000)

    def __init__(self) -> None:
        self.pid, self.returncode = next(self.pids), None

    def poll(self):
        return self.returncode

    def end(self, code: int = -9) -> None:
        self.returncode = code


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def keeper_with_one_child():
    clock, lines, started = Clock(), [], []

    def start():
        started.append(FakeProcess())
        return started[-1]

    keeper = Supervisor(say=lines.append, clock=clock)
    keeper.add("r1", "replica", start)
    return keeper, clock, lines, started


def crash_and_wait(keeper, clock) -> float:
    """End the child now; advance the clock until it is restarted; the delay it waited."""
    keeper.process("r1").end()
    keeper.check()
    died = clock.now
    while not keeper.check():
        clock.now += 0.25
    return clock.now - died


def test_a_child_that_keeps_crashing_waits_1_2_4_up_to_30_s():
    keeper, clock, lines, started = keeper_with_one_child()
    waits = [crash_and_wait(keeper, clock) for _ in range(8)]
    assert waits == [1, 2, 4, 8, 16, 30, 30, 30]
    assert len(started) == 9 and keeper.process("r1") is started[-1]
    assert lines[:2] == [
        "replica r1 exited (SIGKILL); restarting it in 1 s",
        f"replica r1 restarted (pid {started[1].pid})",
    ]
    assert len(lines) == 16  # one line when it exits, one when it is started again


def test_the_delay_starts_afresh_after_a_minute_of_running():
    keeper, clock, lines, started = keeper_with_one_child()
    assert [crash_and_wait(keeper, clock) for _ in range(3)] == [1, 2, 4]
    clock.now += 59  # 59 s: not yet a healthy minute
    assert crash_and_wait(keeper, clock) == 8
    clock.now += 60
    assert crash_and_wait(keeper, clock) == 1
    assert crash_and_wait(keeper, clock) == 2


def test_nothing_happens_while_children_run():
    keeper, clock, lines, started = keeper_with_one_child()
    for _ in range(10):
        clock.now += 10
        assert keeper.check() == []
    assert lines == [] and len(started) == 1


def test_a_start_that_fails_is_tried_again_later():
    clock, lines = Clock(), []
    attempts = []

    def start():
        attempts.append(clock.now)
        if len(attempts) in (2, 3):  # the first two restarts fail: haproxy was uninstalled
            raise FileNotFoundError("haproxy")
        return FakeProcess()

    keeper = Supervisor(say=lines.append, clock=clock)
    keeper.add("haproxy", "proxy", start)
    keeper.process("haproxy").end(1)
    while len(attempts) < 4:
        keeper.check()
        clock.now += 0.5
    assert attempts == [0.0, 1.0, 3.0, 7.0]  # 1 s, then 2 s, then 4 s
    assert keeper.process("haproxy").poll() is None
    assert lines[0] == "proxy haproxy exited (code 1); restarting it in 1 s"
    assert "could not start" in lines[1] and lines[-1].startswith("proxy haproxy restarted")


def test_return_codes_in_words():
    assert how_it_ended(1) == "code 1"
    assert how_it_ended(-15) == "SIGTERM"
    assert how_it_ended(-9) == "SIGKILL"


def test_a_signal_during_a_restart_waits_for_its_end():
    signals = Signals()
    done = []
    with pytest.raises(KeyboardInterrupt):
        with signals.held():
            signals(2, None)  # Ctrl-C while a process is being started
            done.append("started and recorded")
    assert done == ["started and recorded"]
    with pytest.raises(KeyboardInterrupt):
        Signals()(15, None)  # outside a restart: at once
