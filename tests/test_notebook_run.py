"""A run's notebook, executed on a real Jupyter kernel, gives dnn.train's numbers.

Every notebook (and one ``.py`` twin) runs in a folder holding links to the data files (or the
bytes of an own classes' file), with one BLAS thread (as ``dnn.train`` runs) and Matplotlib's
Agg backend; the runs go two at a time (a kernel each, of this very Python) in one module
fixture. A probe cell appended after the notebook's own cells prints every cost at full
precision and what the figures hold. The lesson's two runs go their full 2,500 iterations;
runs with the other options go 300.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import numpy as np
import pytest
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

import dnn
from dnn import datasets
from dnn.dual import gram
from dnn.images import preprocess_image
from tests.class_pictures import picture_bytes
from ui.classes.sets import TwoClasses, build, image_set
from ui.core.data import SharedData
from ui.core.runs import RunRecord, new_trainer
from ui.core.settings import Settings
from ui.core.strings import STRINGS
from ui.notebook.build import notebook, script_text

pytestmark = pytest.mark.slow

TOLERANCE = 1e-9
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
OWN_FILE = "my_two_classes.h5"
NAMES = ("[apple](https://evil.example) $x$", "ba'na\"na <b>")  # first class, second class
SHARE = 0.25
SHORT = {"num_iterations": 300, "layer_dims": (12288, 10, 5, 1)}

# name → (config, language, own classes: None or with_lesson)
RUNS = {
    "lesson2": (dnn.TrainConfig((12288, 7, 1)), "en", None),
    "lesson4": (dnn.TrainConfig(), "en", None),
    "tanh-xavier-l2-momentum-batches": (
        dnn.TrainConfig(
            **SHORT,
            hidden_activation="tanh",
            initialization="xavier",
            l2=0.1,
            optimizer="momentum",
            batch_size=64,
        ),
        "en",
        None,
    ),
    "leaky-he-l2-adam-batches": (
        dnn.TrainConfig(
            **SHORT,
            learning_rate=0.001,
            hidden_activation="leaky_relu",
            initialization="he",
            l2=0.05,
            optimizer="adam",
            batch_size=32,
            seed=7,
        ),
        "zh",
        None,
    ),
    "sigmoid-small-adam": (
        dnn.TrainConfig(
            **SHORT,
            learning_rate=0.005,
            hidden_activation="sigmoid",
            initialization="small",
            optimizer="adam",
        ),
        "en",
        None,
    ),
    "own-classes": (
        dnn.TrainConfig(**SHORT, initialization="he", batch_size=64),
        "zh",
        False,
    ),  # a batch of 64 is all of these pictures: the full-batch path
    "own-classes-with-lesson": (dnn.TrainConfig(**SHORT, batch_size=128), "en", True),
}
SCRIPT_RUN = "tanh-xavier-l2-momentum-batches"

# name → (the Training page's settings with a validation split, language): the app's own run
VALIDATION = {
    "validation-20": (Settings(hidden=(10, 5), iterations=300, validation=20), "en"),
    "validation-10-tanh": (
        Settings(hidden=(10, 5), iterations=300, activation="tanh", validation=10),
        "en",
    ),
    "validation-30-leaky-l2-adam-batches": (
        Settings(
            hidden=(7,),
            learning_rate=0.001,
            iterations=300,
            seed=3,
            activation="leaky_relu",
            l2=0.1,
            optimizer="adam",
            batch_size=32,
            validation=30,
        ),
        "zh",
    ),
}

PROBE = """\
import json
print("PROBE", json.dumps({
    "costs": costs,
    "figures": len(plt.get_fignums()),
    "pictures": sum(len(ax.images) for ax in plt.gcf().axes),
}))
"""


def own_pictures() -> TwoClasses:
    """Two small classes of made-up pictures (warm and cool), as /classes would hold them."""
    two = TwoClasses(names=list(NAMES))
    for k, kind in enumerate(("warm", "cool")):
        for seed in range(12 + 2 * k):
            two.add(k, f"{kind}{seed}.png", preprocess_image(picture_bytes(kind, seed)))
    return two


def reference(config: dnn.TrainConfig, data) -> dict:
    """What the app computes: ``dnn.train``'s costs, accuracies and mistakes."""
    fields = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}
    result = dnn.train(data.train_x, data.train_y, **fields)
    act = config.hidden_activation
    train = dnn.predict(result.params, data.train_x, act)
    test = dnn.predict(result.params, data.test_x, act)
    return {
        "costs": result.costs,
        "train": float(np.mean(train == data.train_y)),
        "test": float(np.mean(test == data.test_y)),
        "wrong": int(np.sum(test != data.test_y)),
    }


def app_run(settings: Settings, data) -> dict:
    """What the Training page computes for ``settings``: its trainer and its run's record."""
    shared = SharedData(data, gram(data.train_x), gram(data.train_x, data.test_x))
    trainer = new_trainer(shared, settings.config(), settings.validation)
    assert trainer.run(settings.iterations) == "finished"
    record = RunRecord(1, settings, trainer.config, trainer.engine, settings.iterations)
    record.update_from(trainer, data)
    test = dnn.predict(trainer.params, data.test_x, settings.activation)
    return {
        "costs": record.costs,
        "train": record.train_accuracy,
        "val": record.val_accuracy,
        "test": record.test_accuracy,
        "wrong": int(np.sum(test != data.test_y)),
        "trained_on": trainer.X.shape[1],
    }


def kernel(tmp: Path) -> KernelManager:
    """A kernel of this very Python (the venv's), whatever kernel specs the machine has."""
    spec = tmp / "kernels" / "dnn-notebook-test"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "language": "python"}))
    specs = KernelSpecManager(kernel_dirs=[str(tmp / "kernels")])
    return KernelManager(kernel_name="dnn-notebook-test", kernel_spec_manager=specs)


def execute(nb: nbformat.NotebookNode, folder: Path) -> str:
    """Run every cell on a fresh kernel in ``folder``; everything the cells printed."""
    km = kernel(folder)
    client = NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
    finally:  # a kernel the client did not start is left running by it
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    return "".join(
        out.get("text", "")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "stream" and out.name == "stdout"
    )


def run_script(text: str, folder: Path) -> str:
    """The ``.py`` twin run by this Python in ``folder``, the probe appended; its output."""
    (folder / "run.py").write_text(text + "\n" + PROBE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "run.py"], cwd=folder, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def folder_with(tmp: Path, files: dict[str, Path | bytes]) -> Path:
    """A fresh folder holding the data files (links to the lesson's, bytes written)."""
    tmp.mkdir(parents=True)
    for name, src in files.items():
        if isinstance(src, bytes):
            (tmp / name).write_bytes(src)
        else:
            (tmp / name).symlink_to(src)
    return tmp


@pytest.fixture(scope="module")
def executed(data, tmp_path_factory):
    """Every run of RUNS (and the script twin): what it printed, what dnn.train computes."""
    two = own_pictures()
    own = dnn.image_set_bytes(*image_set(two, NAMES))
    lesson = {name: datasets.data_dir() / name for name in datasets.FILES}
    jobs, expected = {}, {}
    for name, (config, lang, with_lesson) in RUNS.items():
        if with_lesson is None:
            files, run_data, kw = lesson, data, {}
        else:
            files = {OWN_FILE: own, **(lesson if with_lesson else {})}
            run_data = build(two, NAMES, SHARE, data if with_lesson else None).data
            kw = {"data": OWN_FILE, "class_names": NAMES, "test_share": SHARE}
            kw["with_lesson"] = with_lesson
        nb = notebook(config, lang, **kw)
        nb.cells.append(nbformat.v4.new_code_cell(PROBE))
        folder = folder_with(tmp_path_factory.mktemp("nb") / name, files)
        jobs[name] = (execute, nb, folder)
        if name == SCRIPT_RUN:
            script = script_text(config, lang, **kw)
            folder = folder_with(tmp_path_factory.mktemp("py") / name, files)
            jobs[name + ".py"] = (run_script, script, folder)
            expected[name + ".py"] = (config, lang, reference(config, run_data))
        expected[name] = (config, lang, reference(config, run_data))
    for name, (settings, lang) in VALIDATION.items():
        nb = notebook(settings, lang)
        nb.cells.append(nbformat.v4.new_code_cell(PROBE))
        jobs[name] = (execute, nb, folder_with(tmp_path_factory.mktemp("nb") / name, lesson))
        expected[name] = (settings.config(), lang, app_run(settings, data))
    with pytest.MonkeyPatch.context() as mp:
        for key, value in {"MPLBACKEND": "Agg", **ONE_THREAD}.items():
            mp.setenv(key, value)
        with ThreadPoolExecutor(max_workers=2) as pool:  # two kernels at once: two cores
            futures = {name: pool.submit(*job) for name, job in jobs.items()}
            printed = {name: future.result() for name, future in futures.items()}
    return {name: (printed[name], *expected[name]) for name in jobs}


def printed_numbers(out: str, lang: str) -> dict:
    """The costs, accuracies and mistakes a run printed, read with its language's own words."""
    words = STRINGS[lang]
    line = re.escape(words["nb_f_cost_line"])
    line = line.replace(r"\{i\}", r"(\d+)").replace(r"\{cost:\.12f\}", r"(\S+)")
    costs = {int(i): float(c) for i, c in re.findall(line, out)}
    accuracy = {}
    for key in ("train", "val", "test"):
        found = re.search(re.escape(words[f"nb_s_{key}_accuracy"]) + r" (\S+)", out)
        accuracy[key] = float(found.group(1)) if found else None
    last = re.escape(words["nb_f_last_cost"])
    last = last.replace(r"\{last\}", r"(\d+)").replace(r"\{final_cost:\.12f\}", r"(\S+)")
    last_i, last_cost = re.search(last, out).groups()
    wrong = re.escape(words["nb_f_mistakes"])
    wrong = wrong.replace(r"\{wrong\}", r"(?P<wrong>\d+)").replace(r"\{m_test\}", r"\d+")
    probe = json.loads(out.split("PROBE ", 1)[1])
    return {
        "costs": costs,
        **accuracy,
        "last": (int(last_i), float(last_cost)),
        "wrong": int(re.search(wrong, out).group("wrong")),
        "probe": probe,
    }


@pytest.mark.parametrize("name", [*RUNS, *VALIDATION, SCRIPT_RUN + ".py"])
def test_a_run_as_a_notebook_prints_the_apps_costs_and_accuracies(executed, name):
    out, config, lang, expected = executed[name]
    found = printed_numbers(out, lang)
    every_100 = range(0, config.num_iterations, 100)
    assert sorted(found["costs"]) == list(every_100)  # printed every 100 iterations, as the lesson
    for i, cost in found["costs"].items():
        assert abs(cost - expected["costs"][i]) < TOLERANCE, (i, cost, expected["costs"][i])
    costs = np.array(found["probe"]["costs"])
    assert costs.shape == (config.num_iterations,)
    gap = float(np.max(np.abs(costs - expected["costs"])))
    print(f"{name}: the largest difference of a cost from dnn.train's is {gap:.3g}")
    assert gap < TOLERANCE
    assert (found["train"], found["test"]) == (expected["train"], expected["test"])
    assert found["val"] == expected.get("val")  # printed only with a validation split
    i, last = found["last"]
    assert i == config.num_iterations - 1 and abs(last - expected["costs"][-1]) < TOLERANCE
    assert found["wrong"] == expected["wrong"]
    figures = 1 + (expected["wrong"] > 0)  # the costs, and the mistakes if there are any
    assert found["probe"]["figures"] == figures
    assert found["probe"]["pictures"] == expected["wrong"]  # one per misclassified picture


def test_the_lessons_runs_print_the_lessons_numbers(executed):
    out, *_ = executed["lesson4"]
    found = printed_numbers(out, "en")
    lesson = [0.771749, 0.672053, 0.648263, 0.611507, 0.567047, 0.540138, 0.527930, 0.465477]
    lesson += [0.369126, 0.391747, 0.315187, 0.272700, 0.237419, 0.199601, 0.189263, 0.161189]
    lesson += [0.148214, 0.137775, 0.129740, 0.121225, 0.113821, 0.107839, 0.102855, 0.100897]
    lesson += [0.092878]
    assert [round(found["costs"][i], 6) for i in range(0, 2500, 100)] == lesson
    assert (found["train"], found["test"]) == (206 / 209, 0.8)
    found = printed_numbers(executed["lesson2"][0], "en")
    assert (found["train"], found["test"]) == (1.0, 0.74)


@pytest.mark.parametrize("name", VALIDATION)
def test_a_run_with_a_validation_split_prints_the_training_pages_numbers(executed, name):
    out, config, lang, expected = executed[name]
    found = printed_numbers(out, lang)
    settings = VALIDATION[name][0]
    held = 209 - expected["trained_on"]
    assert held == pytest.approx(209 * settings.validation / 100, abs=1.5)  # the share held out
    assert f"train_x: (12288, {expected['trained_on']})  val_x: (12288, {held})" in out
    # train on the pictures trained on, validation on those held out, test on the 50 test ones
    assert (found["train"], found["val"], found["test"]) == (
        expected["train"],
        expected["val"],
        expected["test"],
    )
    assert found["val"] is not None
    assert abs(found["last"][1] - expected["costs"][-1]) < TOLERANCE  # the page's "Last cost"
