"""A link's runs are trained once per server and shared; nobody changes another's run."""

import threading

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import dnn
from tests.apptest_helpers import APP
from ui.core.replays import RUNS, SharedRuns, nbytes

LINK = {"runs": "dims.12288-7-1_it.300~dims.12288-20-7-5-1_it.200", "it": "300"}


@pytest.fixture(autouse=True)
def fresh_cache():
    RUNS.clear()
    yield
    RUNS.clear()


def open_link(query=LINK) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def test_sessions_opening_one_link_train_each_run_once_and_get_the_senders_numbers(data):
    first = open_link()
    assert RUNS.trained == 2 and RUNS.served == 0
    others = [open_link() for _ in range(3)]
    assert RUNS.trained == 2 and RUNS.served == 6  # 3 sessions × 2 runs, none trained again
    for at in others:
        assert [r.costs for r in at.session_state.runs] == [
            r.costs for r in first.session_state.runs
        ]
        assert at.session_state.trainer is first.session_state.trainer  # the very same, shared
    whole = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], num_iterations=200)
    assert first.session_state.runs[-1].costs == whole.costs


def test_continue_on_a_shared_run_goes_on_with_a_private_copy(data):
    first, second = open_link(), open_link()
    shared = first.session_state.trainer
    before = [p.copy() for p in shared.params.values()]
    second.switch_page("pages/training.py").run()
    second.number_input(key="continue_iterations").set_value(100)
    second.button(key="continue_button").click().run()
    assert not second.exception
    mine = second.session_state.trainer
    assert mine is not shared and mine.iteration == 300 and shared.iteration == 200
    assert all(np.array_equal(a, b) for a, b in zip(before, shared.params.values(), strict=True))
    whole = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], num_iterations=300)
    assert second.session_state.runs[-1].costs == whole.costs  # bit for bit, as if never shared
    assert first.session_state.trainer is shared  # the other session's run did not move


def test_one_step_on_a_shared_run_leaves_it_alone(data):
    first, second = open_link(), open_link()
    shared = first.session_state.trainer
    second.switch_page("pages/training.py").run()
    second.button(key="one_step_button").click().run()
    assert not second.exception
    assert second.session_state.trainer.iteration == 201 and shared.iteration == 200


class FakeTrainer:
    config = dnn.TrainConfig(layer_dims=(12288, 7, 1))


def test_many_sessions_at_once_train_a_run_once():
    runs, trained, waits = SharedRuns(), [], []
    go = threading.Event()

    def session():
        go.wait(5)
        if runs.get("k") is None:
            with runs.claim("k", on_wait=lambda: waits.append(1)):
                if runs.get("k") is None:
                    trained.append(1)
                    threading.Event().wait(0.6)  # the run takes a while: others wait in line
                    runs.put("k", FakeTrainer())

    threads = [threading.Thread(target=session, daemon=True) for _ in range(30)]
    for th in threads:
        th.start()
    go.set()
    for th in threads:
        th.join(20)
    assert not any(th.is_alive() for th in threads)
    assert len(trained) == 1 and runs.trained == 1 and runs.served == 29
    assert waits  # the waiting sessions touched their pages (where a Stop gets through)


def test_the_cache_is_bounded_by_count_and_bytes_and_forgets_the_oldest():
    runs = SharedRuns(max_runs=3, max_bytes=10**12)
    held = [FakeTrainer() for _ in range(5)]
    for k, tr in enumerate(held):
        runs.put(k, tr)
    assert [runs.get(k) is not None for k in range(5)] == [False, False, True, True, True]
    assert all(runs.is_shared(tr) for tr in held)  # a forgotten run is still not anyone's own
    small = SharedRuns(max_runs=10, max_bytes=int(2.5 * nbytes(FakeTrainer())))
    for k in range(4):
        small.put(k, FakeTrainer())
    assert [small.get(k) is not None for k in range(4)] == [False, False, True, True]


def test_a_run_the_links_budget_cut_is_shared_as_it_is_and_says_so(data, monkeypatch):
    # 30 tabs of a link too heavy for its budget each held their own cut runs: 85 CPU s, 5 GB
    from ui.core import live

    monkeypatch.setattr(live, "REPLAY_SECONDS", 0.0)  # no budget: nothing is trained
    first, second = (
        open_link({"runs": "dims.12288-7-1_it.300"}),
        open_link({"runs": "dims.12288-7-1_it.300"}),
    )
    assert first.session_state.runs[-1].iteration == 0
    assert second.session_state.trainer is first.session_state.trainer  # one network, not two
    assert RUNS.trained == 1 and RUNS.served == 1
    assert any("took more than" in i.value for i in second.info)  # the page says it was cut


def test_a_run_cut_by_a_stop_or_rerun_is_not_shared(data, monkeypatch):
    from ui.core import live

    def stopped(trainer, *args, **kwargs):  # Streamlit stopping the script mid-run
        trainer.status = "stopped"

    monkeypatch.setattr(live, "stream", stopped)
    at = open_link({"runs": "dims.12288-7-1_it.300"})
    assert RUNS.trained == 0 and RUNS.get((at.session_state.runs[-1].settings, 300)) is None
