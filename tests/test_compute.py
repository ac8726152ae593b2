"""The server's compute slots: first come, first served, with turns (real threads, no mocks)."""

import threading
import time

import pytest

from ui.core.compute import ComputePool, Slot


def wait_until(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.001)


def test_slots_are_handed_out_in_the_order_they_were_asked_for():
    pool = ComputePool(1)
    pool.acquire()
    order, threads = [], []
    for name in "abcd":

        def worker(name=name):
            pool.acquire()
            order.append(name)
            pool.release()

        threads.append(threading.Thread(target=worker))
        threads[-1].start()
        queued = len(threads)
        wait_until(lambda queued=queued: pool.waiting == queued)  # queued in this order
    pool.release()
    for th in threads:
        th.join(10)
    assert order == list("abcd") and pool.waiting == 0 and pool.free == 1


def test_two_slots_let_two_compute_at_once():
    pool = ComputePool(2)
    pool.acquire()
    got = threading.Event()
    th = threading.Thread(target=lambda: (pool.acquire(), got.set()))
    th.start()
    assert got.wait(10) and pool.waiting == 0
    th.join(10)


def test_a_turn_gives_the_slot_to_the_first_in_line_and_queues_at_the_back():
    pool = ComputePool(1)
    pool.acquire()
    assert pool.turn() is False  # nobody waits: keep computing
    events = []
    holding = threading.Event()
    done = threading.Event()

    def other():
        pool.acquire()
        events.append("other computes")
        holding.set()
        done.wait(10)
        pool.release()

    th = threading.Thread(target=other)
    th.start()
    wait_until(lambda: pool.waiting == 1)
    turner = threading.Thread(target=lambda: (pool.turn(), events.append("turner back")))
    turner.start()
    assert holding.wait(10)
    wait_until(lambda: pool.waiting == 1)  # the turner now waits behind the other
    assert events == ["other computes"]
    done.set()
    turner.join(10)
    th.join(10)
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

    th = threading.Thread(target=waiter)
    th.start()
    assert leaving.wait(10)
    pool.release()  # hands the slot to the waiter, which then leaves
    proceed.set()
    th.join(10)
    got = threading.Event()
    other = threading.Thread(target=lambda: (pool.acquire(), got.set()))
    other.start()
    assert got.wait(10)  # not lost: the next one gets it
    other.join(10)


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
