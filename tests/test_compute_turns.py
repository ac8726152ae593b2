"""Turns at the compute slot with several sessions waiting: the order, not the timing.

Sessions are daemon threads that record, while they hold the one slot, that they hold it; the
slot itself orders the records. Each waiting session says it is in line through its ``on_wait``
hook (called only while it waits), so the test knows the order of the line without a clock.
Every join is bounded: a regression fails here instead of hanging the suite.
"""

from __future__ import annotations

import threading

from ui.core.compute import ComputePool, Slot

JOIN_SECONDS = 10


class Session:
    """A thread that takes the slot, records its name, turns ``turns`` times, then gives it back.

    After each turn it records its name again (it holds the slot once more).
    """

    def __init__(self, pool: ComputePool, name: str, order: list[str], turns: int = 0):
        self.pool, self.name, self.order, self.turns = pool, name, order, turns
        self.in_line = threading.Event()  # set while it waits in line for the slot
        self.holds = threading.Event()  # set once it first holds the slot
        self.gave_away: list[bool] = []  # what each turn returned
        self.go = threading.Event()  # once it holds the slot: go on and turn
        self.thread = threading.Thread(target=self._run, name=f"session {name}", daemon=True)

    def _run(self) -> None:
        self.pool.acquire(on_wait=self.in_line.set, every=0.001)
        self.order.append(self.name)
        self.holds.set()
        assert self.go.wait(JOIN_SECONDS)
        for _ in range(self.turns):
            self.gave_away.append(self.pool.turn())  # True: somebody waited and computed
            self.order.append(self.name)
        self.pool.release()

    def start(self) -> None:
        self.thread.start()

    def join(self) -> None:
        self.thread.join(JOIN_SECONDS)
        assert not self.thread.is_alive(), f"{self.name} is stuck"


def queue_up(pool: ComputePool, names: str, order: list[str], turns: dict[str, int]):
    """The first session holds the slot; the others join the line one after another."""
    sessions = {n: Session(pool, n, order, turns.get(n, 0)) for n in names}
    first, *rest = sessions.values()
    first.start()
    assert first.holds.wait(JOIN_SECONDS)
    for s in rest:
        s.start()
        assert s.in_line.wait(JOIN_SECONDS)  # in line behind the ones started before it
    assert order == [first.name] and pool.waiting == len(rest)
    return sessions


def run_all(sessions: dict[str, Session]) -> None:
    for s in sessions.values():
        s.go.set()
    for s in sessions.values():
        s.join()


def test_a_turn_goes_to_the_back_of_the_line_behind_three_waiting_sessions():
    pool, order = ComputePool(1), []
    sessions = queue_up(pool, "ABCD", order, {"A": 1})  # A is a heavy run: it turns once
    run_all(sessions)
    # A's turn lets B, C and D compute before it goes on; queued at the front it would
    # take the slot back from B and keep C and D waiting until it ended
    assert order == ["A", "B", "C", "D", "A"]
    assert pool.waiting == 0 and pool.free == 1


def test_two_heavy_runs_take_turns_without_starving_the_light_ones():
    pool, order = ComputePool(1), []
    sessions = queue_up(pool, "ABCDE", order, {"A": 2, "B": 2})  # A and B turn twice each
    run_all(sessions)
    # the line after each turn: A → [C D E A]… every session waiting gets the slot before
    # a heavy run has it again
    assert order == ["A", "B", "C", "D", "E", "A", "B", "A", "B"]
    assert sessions["A"].gave_away == sessions["B"].gave_away == [True, True]
    assert pool.waiting == 0 and pool.free == 1


def test_with_two_slots_a_turn_still_serves_the_line_in_order():
    pool, order = ComputePool(2), []
    a = Session(pool, "A", order, turns=1)
    b = Session(pool, "B", order)  # holds the second slot until the end
    for s in (a, b):
        s.start()
        assert s.holds.wait(JOIN_SECONDS)
    waiting = [Session(pool, n, order) for n in "CDE"]
    for s in waiting:
        s.start()
        assert s.in_line.wait(JOIN_SECONDS)
    assert order == ["A", "B"] and pool.waiting == 3
    for s in (a, *waiting):
        s.go.set()
    for s in waiting:
        s.join()
    b.go.set()
    b.join()
    a.join()
    # A's turn hands its slot down the whole line before A computes again
    assert order == ["A", "B", "C", "D", "E", "A"]
    assert pool.waiting == 0 and pool.free == 2


def test_a_slot_turning_waits_in_line_with_its_own_hook_and_holds_again_after():
    pool, order = ComputePool(1), []
    heavy_waits = threading.Event()
    heavy = Slot(pool, on_wait=heavy_waits.set, every=0.001)
    heavy.turn()  # not held: a turn takes the slot
    assert heavy.held and pool.free == 0
    light = Session(pool, "light", order)
    light.start()
    assert light.in_line.wait(JOIN_SECONDS)
    held_while_waiting = []

    def turn():
        heavy.turn()
        order.append("heavy")

    turner = threading.Thread(target=turn, daemon=True)
    turner.start()
    assert light.holds.wait(JOIN_SECONDS)  # the turn gave the slot to the light session…
    assert heavy_waits.wait(JOIN_SECONDS)  # …and the heavy one waits, calling its own hook
    held_while_waiting.append(heavy.held)
    light.go.set()
    light.join()
    turner.join(JOIN_SECONDS)
    assert not turner.is_alive()
    assert order == ["light", "heavy"] and held_while_waiting == [False] and heavy.held
    heavy.give()
    assert not heavy.held and pool.free == 1


def test_a_slot_given_back_goes_to_the_first_in_line():
    pool, order = ComputePool(1), []
    slot = Slot(pool)
    slot.take()
    waiting = Session(pool, "waiting", order)
    waiting.start()
    assert waiting.in_line.wait(JOIN_SECONDS)
    slot.give()
    assert waiting.holds.wait(JOIN_SECONDS) and pool.free == 0  # handed on, not freed
    waiting.go.set()
    waiting.join()
    assert pool.free == 1 and not slot.held


def test_taking_a_busy_slot_calls_the_hook_while_waiting():
    pool = ComputePool(1)
    pool.acquire()
    calls = threading.Event()
    slot = Slot(pool, on_wait=calls.set, every=0.001)
    taker = threading.Thread(target=slot.take, daemon=True)
    taker.start()
    assert calls.wait(JOIN_SECONDS) and not slot.held and pool.waiting == 1
    pool.release()
    taker.join(JOIN_SECONDS)
    assert not taker.is_alive() and slot.held and pool.free == 0
