"""The experiment grid on the training page: AppTest flows and Stop through a real server."""

import numpy as np
from streamlit.testing.v1 import AppTest

import dnn
from bench.streamlit_client import Run, Session
from tests.apptest_helpers import APP, plotly_specs, texts


def training() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("pages/training.py").run()
    assert not at.exception, at.exception
    assert not [w for w in at.text_input if w.key.startswith("grid_")]  # closed: not drawn
    at.toggle(key="grid_open").set_value(True).run()  # the visitor opens the grid
    return at


def heatmap_spec(at):
    (spec,) = [s for s in plotly_specs(at) if s["data"][0]["type"] == "heatmap"]
    return spec


def test_a_3x3_grid_completes_with_its_heatmap_and_its_best_cell_loads(data):
    at = training()
    at.text_input(key="grid_values_learning_rate").set_value("0.005, 0.0075, 0.01").run()
    at.button(key="grid_run_button").click().run()
    assert not at.exception, at.exception
    g = at.session_state.grid
    assert g.status == "finished" and len(g.cells) == 9
    assert "Grid finished: 9 runs" in texts(at)
    spec = heatmap_spec(at)
    z = np.array(spec["data"][0]["z"], dtype=float).reshape(3, 3)
    np.testing.assert_array_equal(z, g.values("test"))
    # columns α = 0.005, 0.0075, 0.01; rows [7], [20, 7], [20, 7, 5]: the lesson's runs
    assert z[0, 1] == 0.74 and z[2, 1] == 0.8
    stars = next(t for t in spec["data"] if t.get("marker", {}).get("symbol") == "star")
    assert sorted(zip(stars["x"], stars["y"], strict=True)) == [(1, -0.3), (1, 1.7)]
    best = g.best()
    (frame,) = spec["layout"]["shapes"]
    assert (frame["x0"], frame["y0"]) == (best[1] - 0.5, best[0] - 0.5)
    # the other metrics on the switch
    at.segmented_control(key="grid_metric").set_value("cost").run()
    cost = np.array(heatmap_spec(at)["data"][0]["z"], dtype=float).reshape(3, 3)
    lesson = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1])
    assert abs(cost[2, 1] - lesson.costs[-1]) <= 1e-12
    at.segmented_control(key="grid_metric").set_value("train").run()
    train = np.array(heatmap_spec(at)["data"][0]["z"], dtype=float).reshape(3, 3)
    assert train[0, 1] == 1.0 and abs(train[2, 1] - 0.9856459330143539) < 1e-12
    # another page and back: the grid, its switch and its chosen curves are as they were
    chosen = at.multiselect(key="grid_curves").value
    at.switch_page("pages/theory.py").run()
    at.switch_page("pages/training.py").run()
    assert not at.exception, at.exception
    assert at.multiselect(key="grid_curves").value == chosen and len(chosen) == 3
    assert at.segmented_control(key="grid_metric").value == "train"
    # the curves: the best cell's and the lesson's, starred only where a peak was held
    curves = next(
        s for s in plotly_specs(at) if any("peak" in t.get("name", "") for t in s["data"])
    )
    lines = [t for t in curves["data"] if t["mode"] == "lines"]
    starred = {t["x"][0] for t in curves["data"] if t["mode"] == "markers"}
    assert len(lines) == 3
    four = g.cells[2, 1]
    assert four.peak is None  # the lesson's 82 % at 860 was one point
    assert any(t["name"].endswith("no clear peak in its averaged test accuracy") for t in lines)
    assert starred <= {c.peak.iteration for c in g.cells.values() if c.peak}
    assert "validation split" in texts(at)
    # one click: the best cell is the current model and a run on the page
    cell = g.cells[best]
    at.button(key="grid_load_button").click().run()
    assert not at.exception, at.exception
    run = at.session_state.runs[-1]
    assert run.settings == g.settings(*best) and run.done
    assert (run.train_accuracy, run.test_accuracy) == (cell.train_accuracy, cell.test_accuracy)
    assert run.costs[-1] == cell.final_cost
    model = at.session_state.model
    _params, meta, source = model.params, model.meta, model.source
    assert source == "session" and meta["test_accuracy"] == cell.test_accuracy
    assert at.select_slider(key="learning_rate").value == g.settings(*best).learning_rate
    assert f"trained again as run #{run.run_id}" in texts(at)
    result = plotly_specs(at)[0]  # the training page's chart shows the loaded run
    star = [t for t in result["data"] if (t.get("marker") or {}).get("symbol") == "star"]
    if cell.peak is None:
        assert star == []
    else:
        assert (star[0]["x"], star[0]["y"]) == ([cell.peak.iteration], [cell.peak.accuracy])


def meta_text(spec) -> dict:
    return spec["layout"]["meta"]["dnn_text"]


def test_every_curve_ends_at_its_cells_final_parameters_in_the_chart_and_its_words(data):
    """The grid's curves, their words and table end at each run's own final accuracy.

    701 updates of the lesson's run is where one update moves test accuracy by 14 points (62 %
    measured before update 701, 76 % after it): a curve ending at the last progress report
    would end one update behind the cell's number. Columns of different lengths: the table has
    every curve's last point, not only the shortest curve's.
    """
    at = training()
    at.selectbox(key="grid_x").set_value("iterations").run()
    at.text_input(key="grid_values_iterations").set_value("701, 2500, 300").run()
    at.selectbox(key="grid_y").set_value("learning_rate").run()
    at.text_input(key="grid_values_learning_rate").set_value("0.005, 0.0075, 0.01").run()
    at.button(key="grid_run_button").click().run()
    assert not at.exception, at.exception
    g = at.session_state.grid
    assert g.status == "finished" and len(g.cells) == 9
    done = [rc for rc in g.order() if rc in g.cells]
    at.multiselect(key="grid_curves").set_value(done).run()  # every cell's curve
    assert not at.exception, at.exception
    specs = plotly_specs(at)
    curves = next(s for s in specs if any("peak" in t.get("name", "") for t in s["data"]))
    lines = {t["name"]: t for t in curves["data"] if t["mode"] == "lines"}
    words = meta_text(curves)
    assert len(lines) == 9 and len(words["rows"]) <= 30 + 3
    rows = {row[0]: row for row in words["rows"]}
    for rc in done:
        settings = g.settings(*rc)
        n, lr = settings.iterations, settings.learning_rate
        alone = dnn.train(data.train_x, data.train_y, settings.config().layer_dims, lr, n)
        test = float((dnn.predict(alone.params, data.test_x) == data.test_y).mean())
        train = float((dnn.predict(alone.params, data.train_x) == data.train_y).mean())
        cell = g.cells[rc]
        assert (cell.test_accuracy, cell.train_accuracy) == (test, train)
        (name,) = [name for name in lines if name.startswith(g.name(*rc) + " ·")]
        line = lines[name]
        assert (line["x"][-1], line["y"][-1]) == (n, test)  # the final parameters' point
        assert f"{name}: from " in words["summary"]
        assert f"to {test:.1%}, iteration 0 to {n:,}." in words["summary"]
        assert rows[f"{n:,}"][1 + words["columns"][1:].index(name)] == f"{test:.1%}"
    # the lesson's run ends at 80 %, where one update earlier its curve would say otherwise
    lesson = g.cells[1, 1]
    assert lesson.settings.iterations == 2500 and lesson.test_accuracy == 0.8
    seven = g.cells[1, 0]  # α = 0.0075, 701 updates: 62 % one update before, 76 % after
    assert seven.curve[-2:] == [(700, 0.62), (701, 0.76)]
    # the heatmap's words name the cells by their values, as the table does
    heat = meta_text(heatmap_spec(at))
    assert heat["summary"].startswith("test accuracy: a map of 3 × 3 values from ")
    assert heat["columns"] == ["learning rate α \\ iterations", "701", "2,500", "300"]
    assert [row[0] for row in heat["rows"]] == ["0.005", "0.0075", "0.01"]
    assert heat["rows"][1][2] == "80.0%" and heat["rows"][1][1] == "76.0%"
    assert (
        "the lesson's runs: learning rate α 0.0075, iterations 2,500 (80.0%)." in (heat["summary"])
    )
    r, c = g.best()
    best = g.cells[r, c]
    where = f"learning rate α {g.y.values[r]:g}, iterations {g.x.values[c]:,}"
    assert f"best test accuracy: {where} ({best.test_accuracy:.1%})." in heat["summary"]


def test_bad_values_say_what_is_wrong_and_the_grid_cannot_start(data):
    at = training()
    at.text_input(key="grid_values_learning_rate").set_value("0.0075, 0.02, 0.01").run()
    assert not at.exception
    assert any("nearest is 0.025" in w.value for w in at.warning)
    assert at.button(key="grid_run_button").disabled
    at.text_input(key="grid_values_learning_rate").set_value("0.005, 0.0075, 0.01").run()
    assert not at.button(key="grid_run_button").disabled
    at.selectbox(key="grid_y").set_value("learning_rate").run()
    assert any("two different hyperparameters" in w.value for w in at.warning)
    assert at.button(key="grid_run_button").disabled
    at.selectbox(key="grid_y").set_value("hidden").run()
    at.text_input(key="grid_values_hidden").set_value("[256, 7]; [200, 7]; [128, 7]").run()
    at.number_input(key="iterations").set_value(10_000).run()
    assert any("lesson runs of computing" in w.value for w in at.warning)
    assert at.button(key="grid_run_button").disabled
    at.radio(key="lang_choice").set_value("zh").run()  # the same in Chinese
    assert any("本课运行" in w.value for w in at.warning) and not at.exception


def read_until(session: Session, done) -> Run:
    """Read what the server sends for the running script until ``done(run)`` holds."""
    run = Run(0.0)
    while not done(run):
        assert not session._read_one(run), "the script finished first"
    return run


def test_stop_mid_grid_keeps_the_finished_cells(server):
    session = Session(server, "training")
    try:
        session.run()
        session.set("grid_open", True)  # the visitor opens the grid
        session.run()
        session.send_rerun(("grid_run_button",))  # 4 × 3 cells of lesson-sized runs
        seen = read_until(session, lambda run: run.charts >= 3)  # result chart, 2 heatmaps
        assert not seen.exceptions
        session.send_rerun(("grid_stop_button",))
        for _ in range(3):  # the interrupted run ends, then the run Stop asked for
            text = "\n".join(session.wait().texts)
            if "Grid stopped:" in text:
                break
        assert "Grid stopped:" in text, text
        done = int(text.split("Grid stopped: ")[1].split(" of ")[0])
        assert 2 <= done < 12
        again = session.run()  # the finished cells stay with the session
        assert f"Grid stopped: {done} of 12 cells" in "\n".join(again.texts)
    finally:
        session.close()
