"""A real server with several sessions at once: all complete, none fails (not a timing test)."""

import math

from bench.load_test import run_load
from bench.streamlit_client import Session


def test_five_sessions_train_at_once(server):
    result = run_load(server, 5, timeout=180)
    assert result["ok"] == 5 and result["errors"] == 0
    # the server kept answering its health check (a probe that got no answer is inf); how
    # fast it answered is a number for bench/load_test.py to print, not a bound to assert
    assert result["health"] and all(math.isfinite(probe) for probe in result["health"])


def test_a_run_streams_its_chart_in_frames(server):
    session = Session(server, "training")
    try:
        session.run()
        run = session.run(("train_button",))
        # 20 frames while training, then the final chart and the compare and model tabs' charts
        assert run.charts >= 10 + 1
        assert any("Finished: 2500 iterations" in t for t in run.texts)
    finally:
        session.close()


def test_sessions_are_independent(server):
    a, b = Session(server, "training"), Session(server, "training")
    try:
        a.run()
        b.run()
        trained = a.run(("train_button",))
        untouched = b.run()
        assert any("Finished: 2500 iterations" in t for t in trained.texts)
        assert not any("Finished" in t for t in untouched.texts)  # b has no run of its own
        assert any("No run yet" in t for t in untouched.texts)
    finally:
        a.close()
        b.close()


def test_a_closed_tab_mid_run_leaves_the_server_healthy(server):
    a = Session(server, "training")
    a.run()
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    msg.rerun_script.page_name = "training"
    state = msg.rerun_script.widget_states.widgets.add()
    state.id, state.trigger_value = a.widgets["train_button"], True
    a.ws.send(msg.SerializeToString())
    a.ws.recv(timeout=30)  # the run has started
    a.close()  # the tab is closed mid-run
    b = Session(server, "training")
    try:
        b.run()
        assert any("Finished" in t for t in b.run(("train_button",)).texts)
    finally:
        b.close()
