"""Issue 19 on the training page: the validation split, One step's explanation, the pace."""

from __future__ import annotations

import numpy as np
import pytest

import dnn
from dnn.dual import gram
from dnn.propagation import backward, forward
from tests.apptest_helpers import app, texts
from tests.clocks import fake_trainer_clock
from tests.test_lesson import LESSON_COSTS
from tests.test_training_page import click, result_chart, training
from ui.core import pacing
from ui.core.settings import LESSON, Settings
from ui.core.url_state import LinkState, encode, parse
from ui.core.validation import SHARES, columns, split
from ui.training import step_effect


def stars(spec) -> list[dict]:
    return [t for t in spec["data"] if (t.get("marker") or {}).get("symbol") == "star"]


# ------------------------------------------------------------------------------ validation
def test_the_split_is_fixed_stratified_and_disjoint(data):
    Y = data.train_y
    assert LESSON.validation == 0 and SHARES == (0, 10, 20, 30)
    kept, held = columns(Y, 20)
    assert len(held) == 41 and len(kept) == 168  # 14 of 72 cats, 27 of 137 non-cats
    assert int(Y[0, held].sum()) == 14
    assert not set(kept) & set(held) and sorted([*kept, *held]) == list(range(209))
    again_kept, again_held = columns(Y, 20)
    assert (again_held == held).all() and (again_kept == kept).all()
    assert columns(Y, 0)[1].size == 0
    with pytest.raises(ValueError):
        columns(Y, 17)


def test_the_splits_gram_matrices_are_those_of_its_parts_bit_for_bit(data):
    for share in SHARES[1:]:
        part = split(data.train_x, data.train_y, share, grams=True)
        np.testing.assert_array_equal(part.gram, gram(part.train_x))  # not a cut of the whole's
        np.testing.assert_array_equal(part.gram_val, gram(part.train_x, part.val_x))
    assert split(data.train_x, data.train_y, 10).gram is None


@pytest.mark.parametrize("share", [0, 10])
@pytest.mark.parametrize("activation", dnn.config.ACTIVATIONS)
def test_a_run_of_the_page_is_dnn_train_on_the_same_pictures(data, activation, share):
    """Every activation, with and without a validation split: dnn.train's costs and accuracies.

    tanh turns a one-ulp difference in the first layer's Gram matrix into up to 0.7 in cost
    along the run (10 % held out): the page's Gram matrices must be dnn.train's own, not a cut
    of the whole set's nor made on another number of BLAS threads.
    """
    query = {"act": activation} | ({"val": str(share)} if share else {})
    at = training(query)
    click(at, "train_button")
    run = at.session_state.runs[-1]
    assert run.settings == Settings(activation=activation, validation=share) and run.done
    kept, held = columns(data.train_y, share)
    X, Y = data.train_x[:, kept], data.train_y[:, kept]
    X_val, Y_val = (data.train_x[:, held], data.train_y[:, held]) if share else (None, None)
    alone = dnn.train(
        X, Y, (12288, 20, 7, 5, 1), hidden_activation=activation, X_val=X_val, Y_val=Y_val
    )
    assert len(run.costs) == len(alone.costs) == 2500
    assert np.max(np.abs(np.array(run.costs) - np.array(alone.costs))) <= 1e-10

    def right(x, y) -> float:
        return float(np.mean(dnn.predict(alone.params, x, activation) == y))

    assert run.train_accuracy == right(X, Y)
    assert run.test_accuracy == right(data.test_x, data.test_y)
    assert run.val_accuracy == (right(X_val, Y_val) if share else None)


def test_the_split_is_kept_in_links():
    link = parse({"val": "20"})
    assert link.settings == Settings(validation=20) and not link.notes
    assert encode(LinkState(settings=link.settings))["val"] == "20"
    assert "val" not in encode(LinkState(settings=LESSON))
    clamped = parse({"val": "17"})
    assert clamped.settings.validation == 20 and clamped.notes[0][0] == "clamped"
    assert parse({"val": "x"}).notes == [("bad_value", {"name": "val", "value": "x"})]
    runs = parse({"runs": "dims.12288-7-1_it.100_val.10"}).runs
    assert runs[0].settings.validation == 10


def test_a_run_with_a_validation_split_trains_on_the_rest_and_charts_the_held_out(data):
    at = training({"val": "20", "it": "300"})
    click(at, "train_button")
    run = at.session_state.runs[-1]
    kept, held = columns(data.train_y, 20)
    cfg = dnn.TrainConfig(layer_dims=(12288, 20, 7, 5, 1), num_iterations=300)
    part = split(data.train_x, data.train_y, 20)
    X, Y = part.train_x, part.train_y
    alone = dnn.Trainer(X, Y, cfg, part.val_x, part.val_y)  # its own Gram matrices
    alone.run(300, every=10)
    assert run.costs == alone.costs  # trained on the 168 pictures left
    params = alone.params
    accuracy = dnn.propagation.accuracy
    assert run.train_accuracy == accuracy(dnn.predict_proba(params, X), Y)
    assert run.val_accuracy == accuracy(
        dnn.predict_proba(params, data.train_x[:, held]), data.train_y[:, held]
    )
    assert run.test_accuracy == accuracy(dnn.predict_proba(params, data.test_x), data.test_y)
    spec = result_chart(at)
    (held_out,) = [t for t in spec["data"] if t["name"] == "validation accuracy"]
    # the reports, then the parameters the run ended with (the caption's number)
    assert held_out["y"] == [p.test_accuracy for p in alone.history] + [run.val_accuracy]
    text = texts(at)
    assert "41 of the training pictures (20 %) are held out" in text
    assert "the other 168" in text


# ------------------------------------------------------------- the chart ends on the summary
def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def chart_ends(at) -> tuple[dict, str]:
    """Each curve's last (x, y) in the result chart, and the chart's text alternative."""
    spec = result_chart(at)
    ends = {t["name"]: (t["x"][-1], t["y"][-1]) for t in spec["data"] if t.get("x")}
    return ends, spec["layout"]["meta"]["dnn_text"]["summary"]


def test_a_stopped_and_continued_runs_chart_ends_on_the_summarys_numbers(data):
    """Issue 21: stopped at 701, the chart ended at the report of 700 (test 62.0 %, train
    87.1 %: the parameters before update 700) beside the summary's 76.0 % and 91.4 %."""
    at = click(training(), "one_step_button")
    at.number_input(key="continue_iterations").set_value(700).run()
    click(at, "continue_button")
    run = at.session_state.runs[-1]
    assert run.iteration == 701 and "Stopped at iteration 701 of 2500" in texts(at)
    shown = metrics(at)
    assert shown["Test accuracy"] == "76.0%" and shown["Train accuracy"] == "91.4%"
    report = run.history[-1]  # the last report: one update behind the run
    assert report.iteration == 700 and report.test_accuracy == 0.62
    ends, words = chart_ends(at)
    assert ends["test accuracy"] == (701, 0.76)
    assert ends["train accuracy"] == (701, run.train_accuracy)
    assert "test accuracy: from " in words and "to 76.0%, iteration 0 to 701." in words
    assert "to 91.4%, iteration 0 to 701." in words and "62.0%" not in words
    assert stars(result_chart(at)) == []  # still rising: no star (it was "peak 71% @ 660")
    at.number_input(key="continue_iterations").set_value(None).run()
    click(at, "continue_button")  # the box emptied: on to the planned 2,500
    run = at.session_state.runs[-1]
    assert run.iteration == 2500 and run.done
    ends, words = chart_ends(at)
    shown = metrics(at)
    assert ends["test accuracy"] == (2500, run.test_accuracy)
    assert f"to {shown['Test accuracy']}, iteration 0 to 2,500." in words
    assert f"to {shown['Train accuracy']}, iteration 0 to 2,500." in words


def test_a_validation_runs_chart_ends_on_the_validation_accuracy_below_it(data):
    """Issue 21: "validation accuracy: from 34.1% to 48.8%" above "Validation accuracy: 41.5%"."""
    at = click(training({"val": "20"}), "train_button")
    run = at.session_state.runs[-1]
    assert run.iteration == 2500 and run.history[-1].iteration == 2499
    said = f"{run.val_accuracy:.1%}"
    assert f"Validation accuracy (the 20 % of training pictures held out): **{said}**" in texts(at)
    ends, words = chart_ends(at)
    assert ends["validation accuracy"] == (2500, run.val_accuracy)
    assert f"validation accuracy: from 34.1% to {said}, iteration 0 to 2,500." in words
    assert ends["train accuracy"] == (2500, run.train_accuracy)
    assert metrics(at)["Train accuracy"] == f"{run.train_accuracy:.1%}"


# ------------------------------------------------------------------------------ the star
def test_the_lesson_run_shows_no_star_and_says_why(data):
    at = click(training(), "train_button")
    spec = result_chart(at)
    assert stars(spec) == [] and not spec["layout"].get("annotations")
    text = texts(at)
    assert "measured on 50 pictures: one picture more or less right moves it by 2 %" in text
    assert "82" not in " ".join(t.get("name", "") for t in spec["data"])


def test_a_useless_run_shows_no_star(data):
    at = click(training({"init": "small", "it": "300"}), "train_button")
    assert "learned nothing useful" in texts(at)
    assert stars(result_chart(at)) == []


def test_a_peaked_run_gets_its_star_unless_it_is_useless(data):
    """held_out_pictures: the test set's size for a useful run, None for a useless one."""
    from ui.widgets.run_panel import held_out_pictures

    at = click(training({"it": "300"}), "train_button")
    run = at.session_state.runs[-1]
    assert held_out_pictures(run, data) == 50
    assert held_out_pictures(run, None) is None
    useless = click(training({"init": "small", "it": "300"}), "train_button")
    assert held_out_pictures(useless.session_state.runs[-1], data) is None
    with_val = click(training({"val": "30", "it": "300"}), "train_button")
    assert held_out_pictures(with_val.session_state.runs[-1], data) == 63


# ------------------------------------------------------------------------------ One step
def test_a_smaller_step_is_exactly_the_step_with_a_smaller_alpha(data, lesson_4layer):
    params = lesson_4layer.params
    X, Y = data.train_x, data.train_y
    _, caches = forward(params, X)
    grads = backward(Y, caches, params)
    after = {k: v - 0.0075 * grads["d" + k] for k, v in params.items()}
    cost = lambda p: step_effect.full_cost(p, X, Y, "relu", 0.0)  # noqa: E731
    step = step_effect.effect(params, after, cost)
    assert (f"{step.before:.6f}", f"{step.after:.6f}") == ("0.088413", "0.088943")  # issue 19
    assert step.rose
    for k in (2, 10):
        real = {n: v - 0.0075 / k * grads["d" + n] for n, v in params.items()}
        assert abs(step.smaller[k] - cost(real)) < 1e-12
    assert step.smaller[2] < step.before and step.smaller[10] < step.before
    size = np.sqrt(sum(float(((0.0075 * g) ** 2).sum()) for g in grads.values()))
    assert abs(step.size - size) < 1e-12
    falling = step_effect.effect(params, real, cost)
    assert not falling.rose and falling.smaller == {}


def test_one_step_with_a_rising_cost_explains_itself(data):
    at = click(training(), "train_button")
    click(at, "one_step_button")
    (note,) = [i.value for i in at.info if "One gradient-descent step" in i.value]
    assert "0.088413 to 0.088943 :red[▲ +0.000530]" in note
    assert "**Why did J go up?**" in note and "At α = 0.0075 the step was too long" in note
    (_, _, step, lr) = at.session_state.last_step
    assert lr == 0.0075 and step.rose and f"‖Δθ‖ = {step.size:.4g}" in note
    assert f"J = {step.smaller[2]:.6f} :green[▼" in note
    run = at.session_state.runs[-1]
    assert run.iteration == 2501 and run.costs[2500] == pytest.approx(0.088413, abs=1e-6)
    click(at, "one_step_button")  # a second step: the same explanation, with its own numbers
    (note,) = [i.value for i in at.info if "One gradient-descent step" in i.value]
    assert "now at iteration 2502" in note


def test_one_step_with_a_falling_cost_is_green_and_unexplained(data):
    at = click(training(), "one_step_button")
    (note,) = [i.value for i in at.info if "One gradient-descent step" in i.value]
    assert ":green[▼" in note and "Why did J go up" not in note


def test_step_through_shows_a_falling_cost_in_green(data):
    at = app("pages/step.py")
    for _ in range(10):
        at.button(key="step_next").click().run()
    from streamlit.proto.Metric_pb2 import Metric

    after = next(m for m in at.metric if m.delta)
    assert after.delta.startswith("-")  # the cost fell …
    colors = Metric.DESCRIPTOR.fields_by_name["color"].enum_type.values_by_number
    assert colors[after.proto.color].name == "GREEN"  # … and is green (it was red)


# ------------------------------------------------------------------------------ the pace
def test_timelines_fast_and_lesson_pace(monkeypatch):
    clock = fake_trainer_clock(monkeypatch, step=0.0)
    waited = []
    monkeypatch.setattr(pacing, "sleep", lambda s: (waited.append(s), clock.advance(s)))
    fast = pacing.Timeline("fast", 2500)
    assert (fast.frames, fast.every, fast.seconds) == (20, 125, pytest.approx(1.4))
    lesson = pacing.Timeline("lesson", 2500)
    assert (lesson.frames, lesson.every, lesson.seconds) == (100, 25, 20.0)
    assert pacing.Timeline("lesson", 100).seconds == 2.0  # at least
    assert pacing.Timeline("lesson", 10_000).seconds == 30.0  # at most
    for done in range(25, 2501, 25):  # a run much faster than its timeline waits for it
        lesson.wait(done)
    assert sum(waited) == pytest.approx(20.0) and clock.now == pytest.approx(20.0)
    waited.clear()
    late = pacing.Timeline("lesson", 2500)  # a run far behind its timeline never waits
    clock.advance(30.0)
    assert late.wait(2500) == 0.0 and waited == []


class Recorder:
    """A page element that notes what the run drew into it (chart frames, progress)."""

    def __init__(self, trainer):
        self.trainer, self.frames = trainer, []

    def plotly_chart(self, fig, **_):
        self.frames.append((self.trainer.iteration, fig))

    def container(self, **_):
        return self  # the live frames are drawn in a keyed container

    def empty(self):
        return self  # each frame in the same place

    def progress(self, *_, **__):
        pass


@pytest.mark.parametrize("pace,frames", [("fast", 20), ("lesson", 100)])
def test_the_first_frame_comes_after_the_first_update(data, monkeypatch, pace, frames):
    from ui.core import live, runs
    from ui.core.data import SharedData

    clock = fake_trainer_clock(monkeypatch, step=0.0)
    monkeypatch.setattr(pacing, "sleep", clock.advance)
    shared = SharedData(data, gram(data.train_x), gram(data.train_x, data.test_x))
    trainer = runs.new_trainer(shared, LESSON.config())
    record = runs.RunRecord(1, LESSON, trainer.config, trainer.engine, 2500)
    chart = Recorder(trainer)
    live.stream(trainer, record, 2500, data, chart, Recorder(trainer), pace=pace, keep=no_keep)
    iterations = [i for i, _ in chart.frames]
    assert iterations[0] == 1  # at once: long before 1/20 of the run (125 iterations)
    assert len(iterations) == frames  # the last frame is the page's own final chart
    assert len(chart.frames[0][1].data[0].x) == 1
    if pace == "lesson":
        assert clock.now == pytest.approx(20.0 * iterations[-1] / 2500, rel=0.02)


def no_keep(trainer, record):
    """Nothing to keep: no session here."""


def test_the_pace_follows_presenter_mode_until_chosen(data):
    at = training()
    assert at.session_state.pace == "fast"
    shown = training({"present": "1"})
    assert shown.session_state.pace == "lesson"  # slow enough to talk over
    shown.segmented_control(key="pace").set_value("fast").run()
    shown.run()
    assert shown.session_state.pace == "fast"  # the visitor's choice stays


def test_the_every_100_view_and_the_spike_note(data):
    at = click(training(), "train_button")
    text = texts(at)
    # the lesson run's own count of rising steps, and its largest jump
    costs = np.asarray(at.session_state.runs[-1].costs)
    rises = np.diff(costs)
    assert (int((rises > 0).sum()), int(np.argmax(rises)) + 1) == (1135, 1418)
    assert "J went up at 1,135 of its 2,499 steps" in text
    assert "(the largest jump: 0.243 → 0.365 at iteration 1,418)" in text
    at.toggle(key="cost_printed").set_value(True).run()
    cost = result_chart(at)["data"][0]
    run = at.session_state.runs[-1]
    assert cost["x"] == list(range(0, 2500, 100)) and cost["y"] == run.costs[::100]
    np.testing.assert_allclose(cost["y"], LESSON_COSTS, atol=6e-7)  # the lesson's printout
    assert "J went up" not in texts(at)  # the printout hides the spikes


def test_the_spike_note_says_over_many_steps_j_falls_in_both_languages():
    """The Chinese note carries the English one's point: taken over many steps, J falls."""
    from ui.core.strings import EN, ZH

    assert "over many steps J falls" in EN["spike_note"]
    assert "放在许多步上看，J 总体是下降的" in ZH["spike_note"]
    assert "在许多步上 J 是下降的" not in ZH["spike_note"]
