"""The server's compute slots: first come, first served, with turns (real threads, no mocks).

A waiting thread says it is in line through its ``on_wait`` hook (called only while it waits),
so the tests follow the line by events, not by the clock. Threads are daemons joined with a
bound: a regression fails instead of hanging.
"""

import threading

import pytest

from ui.core.compute import ComputePool, Slot


def start(target) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


def joined(*threads: threading.Thread) -> bool:
    for thread in threads:
        thread.join(10)
    return not any(thread.is_alive() for thread in threads)


def test_slots_are_handed_out_in_the_order_they_were_asked_for():
    pool = ComputePool(1)
    pool.acquire()
    order, threads = [], []
    for name in "abcd":
        queued = threading.Event()

        def worker(name=name, queued=queued):
            pool.acquire(on_wait=queued.set, every=0.001)
            order.append(name)
            pool.release()

        threads.append(start(worker))
        assert queued.wait(10)  # in line behind the ones before it
    assert pool.waiting == 4
    pool.release()
    assert joined(*threads)
    assert order == list("abcd") and pool.waiting == 0 and pool.free == 1


def test_two_slots_let_two_compute_at_once():
    pool = ComputePool(2)
    pool.acquire()
    got = threading.Event()
    th = start(lambda: (pool.acquire(), got.set()))
    assert got.wait(10) and pool.waiting == 0
    assert joined(th)


def test_a_turn_gives_the_slot_to_the_first_in_line_and_queues_at_the_back():
    pool = ComputePool(1)
    pool.acquire()
    assert pool.turn() is False  # nobody waits: keep computing
    events = []
    other_queued, turner_queued = threading.Event(), threading.Event()
    holding, done = threading.Event(), threading.Event()

    def other():
        pool.acquire(on_wait=other_queued.set, every=0.001)
        events.append("other computes")
        holding.set()
        done.wait(10)
        pool.release()

    th = start(other)
    assert other_queued.wait(10)
    turner = start(
        lambda: (pool.turn(turner_queued.set, every=0.001), events.append("turner back"))
    )
    assert holding.wait(10)
    assert turner_queued.wait(10) and pool.waiting == 1  # the turner waits behind the other
    assert events == ["other computes"]
    done.set()
    assert joined(turner, th)
    assert events == ["other computes", "turner back"]


def test_raising_while_waiting_gives_up_the_place_in_line():
    pool = ComputePool(1)
    pool.acquire()
    calls = []

    def on_wait():
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # what Streamlit's Stop does, in kind

    with pytest.raises(KeyboardInterrupt):
        pool.acquire(on_wait, every=0.001)
    assert len(calls) == 3 and pool.waiting == 0
    pool.release()
    assert pool.free == 1  # nobody holds a ghost place


def test_a_slot_granted_while_its_waiter_was_leaving_is_passed_on():
    pool = ComputePool(1)
    pool.acquire()
    leaving = threading.Event()
    proceed = threading.Event()

    def on_wait():
        leaving.set()
        proceed.wait(10)  # meanwhile the holder releases: the slot is granted to us
        raise KeyboardInterrupt

    def waiter():
        with pytest.raises(KeyboardInterrupt):
            pool.acquire(on_wait, every=0.001)

    th = start(waiter)
    assert leaving.wait(10)
    pool.release()  # hands the slot to the waiter, which then leaves
    proceed.set()
    assert joined(th)
    got = threading.Event()
    other = start(lambda: (pool.acquire(), got.set()))
    assert got.wait(10)  # not lost: the next one gets it
    assert joined(other)


def test_slot_keeps_track_of_holding():
    pool = ComputePool(1)
    slot = Slot(pool)
    slot.take()
    slot.take()  # already held: no second slot taken (that would block forever)
    assert slot.held
    slot.turn()
    assert slot.held
    slot.give()
    slot.give()
    assert not slot.held
    other = Slot(pool)
    other.take()
    other.give()
