"""The app says why a run diverged, and runs take turns through the compute slots."""

import numpy as np

from tests.apptest_helpers import app


def test_a_diverged_run_is_a_warning_that_names_the_learning_rate_and_keeps_a_finite_model(data):
    at = app("pages/training.py")
    at.selectbox(key="activation").set_value("leaky_relu").run()
    at.select_slider(key="learning_rate").set_value(10.0).run()
    at.button(key="train_button").click().run()
    assert not at.exception
    run = at.session_state.runs[-1]
    assert run.status == "diverged" and run.divergence.cause == "learning_rate"
    warning = next(w.value for w in at.warning if "infinite or NaN" in w.value)
    assert "learning rate α = 10 is too large" in warning
    params = at.session_state.trainer.params
    assert all(np.isfinite(v).all() for v in params.values())
    at.button(key="continue_button").click().run()
    assert any("This run diverged: the learning rate α = 10" in w.value for w in at.warning), [
        w.value for w in at.warning
    ]
    at.session_state.lang_choice = "zh"
    at.run()
    assert any("学习率 α = 10" in w.value for w in at.warning)


def test_no_slot_is_left_held_after_runs(data):
    from ui.core import compute

    at = app("pages/training.py")
    at.number_input(key="iterations").set_value(300).run()
    at.button(key="train_button").click().run()
    at.button(key="continue_button").click().run()
    assert at.session_state.runs[-1].iteration == 800
    assert compute.POOL.free == compute.SLOTS and compute.POOL.waiting == 0
