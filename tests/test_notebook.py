"""Take it home: a run as a notebook in the lesson's NumPy, built without running it.

Which code each option brings, the languages, the ``.py`` twin, a visitor's class names and the
download buttons. ``tests/test_notebook_run.py`` executes the notebooks on a Jupyter kernel.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import dnn
from ui.core.settings import Settings
from ui.core.text import plain
from ui.notebook.build import notebook, notebook_bytes, script_text

OWN_FILE = "my_two_classes.h5"


def code_of(nb) -> str:
    return "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")


def markdown_of(nb) -> str:
    return "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


LESSON_NAMES = [
    "initialize_parameters_deep",
    "linear_forward",
    "L_model_forward",
    "compute_cost",
    "L_model_backward",
    "update_parameters",
    "L_layer_model",
    "predict",
]


def imports_of(code: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return names


def test_the_lessons_notebook_writes_out_the_lessons_functions_and_nothing_more():
    nb = notebook(dnn.TrainConfig(), "en")
    code = code_of(nb)
    defined = {n.name for n in ast.walk(ast.parse(code)) if isinstance(n, ast.FunctionDef)}
    assert set(LESSON_NAMES) <= defined
    assert imports_of(code) == {"h5py", "matplotlib", "numpy"}  # no dnn
    for number in range(1, 10):  # every equation of the lesson, by its number
        assert re.search(rf"#.*\({number}\)|\"\"\".*\({number}\)", code), number
    for option in ("tanh", "leaky", "adam", "momentum", "mini_batch", "lambd", "He:", "0.01"):
        assert option not in code, option
    assert nb.cells[0].cell_type == "markdown" and nb.cells[2].source.startswith("import h5py")


@pytest.mark.parametrize(
    ("field", "value", "found"),
    [
        ("hidden_activation", "tanh", "def tanh_backward"),
        ("hidden_activation", "leaky_relu", "np.where(Z > 0, Z, 0.01 * Z)"),
        ("hidden_activation", "sigmoid", "def sigmoid_backward"),
        ("initialization", "he", "W * np.sqrt(2.0 / layer_dims[l - 1])"),
        ("initialization", "xavier", "np.sqrt(2.0 / (layer_dims[l - 1] + layer_dims[l]))"),
        ("initialization", "small", "W * 0.01"),
        ("l2", 0.7, "lambd = 0.7"),
        ("optimizer", "momentum", "def update_parameters_with_momentum"),
        ("optimizer", "adam", "def update_parameters_with_adam"),
        ("batch_size", 16, "def random_mini_batches"),
    ],
)
def test_an_option_brings_its_own_code(field, value, found):
    code = code_of(notebook(dnn.TrainConfig(**{field: value}), "en"))
    assert found in code
    if field == "hidden_activation":  # only the activation the run used
        assert not re.search(r"\bdef relu\(|\brelu_backward", code)
    compile(code, "notebook", "exec")


def test_settings_and_their_config_make_the_same_notebook():
    settings = Settings(hidden=(7,), learning_rate=0.01, optimizer="adam", batch_size=32)
    assert notebook_bytes(settings, "zh") == notebook_bytes(settings.config(), "zh")
    assert notebook_bytes(settings, "zh") == notebook_bytes(settings, "zh")  # deterministic
    nbformat.validate(nbformat.reads(notebook_bytes(settings, "en").decode(), as_version=4))


def cjk(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def test_the_chinese_notebook_speaks_chinese_and_the_english_one_english():
    zh, en = (notebook(dnn.TrainConfig(optimizer="adam", l2=0.1), lang) for lang in ("zh", "en"))
    for cell in zh.cells:
        if cell.cell_type == "markdown":
            assert cjk(cell.source), cell.source
    assert "第 {i} 次迭代的成本" in code_of(zh) and cjk(code_of(zh).split("def sigmoid")[0])
    assert not cjk(markdown_of(en) + code_of(en))
    assert ["markdown" in c.cell_type for c in zh.cells] == [
        "markdown" in c.cell_type for c in en.cells
    ]


def test_the_python_twin_has_the_notebooks_cells():
    config = dnn.TrainConfig(hidden_activation="tanh", batch_size=64)
    nb, text = notebook(config, "zh"), script_text(config, "zh")
    ast.parse(text)
    sections = re.split(r"\n\n\n(?=# %%)", text)
    assert len(sections) == len(nb.cells)
    for section, cell in zip(sections, nb.cells, strict=True):
        if cell.cell_type == "code":
            assert section == "# %%\n" + cell.source
        else:
            assert section.startswith("# %% [markdown]\n# ")


def test_a_visitors_class_names_are_text_in_markdown_and_literals_in_code():
    names = ("[a](https://evil.example) **b** $x$", "q'\"\\ <img src=x>\n# big")
    nb = notebook(dnn.TrainConfig(), "en", OWN_FILE, names, with_lesson=True)
    md, code = markdown_of(nb), code_of(nb)
    for name in names:
        assert name not in md
    assert plain(names[0]) in md and plain(names[1]) in md
    tree = ast.parse(code)
    (found,) = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "classes"
    ]
    assert ast.literal_eval(found) == [names[1], names[0]]  # label 0, label 1
    assert "hashlib" in imports_of(code) and "train_catvnoncat.h5" in code


@pytest.mark.parametrize("file", ["../secret.h5", "a b.h5", "x.py", "`x`.h5", "dir/x.h5"])
def test_a_data_file_must_be_a_plain_h5_name(file):
    with pytest.raises(ValueError):
        notebook(dnn.TrainConfig(), "en", file, ("a", "b"))


def test_own_classes_need_their_names_and_a_language_must_be_known():
    with pytest.raises(ValueError):
        notebook(dnn.TrainConfig(), "en", OWN_FILE)
    with pytest.raises(ValueError):
        notebook(dnn.TrainConfig(), "fr")


def test_the_notebook_needs_nothing_beyond_requirements():
    lines = (Path(__file__).resolve().parent.parent / "requirements.txt").read_text().lower()
    for package in ("nbformat", "nbclient", "ipykernel", "matplotlib", "h5py", "numpy"):
        assert re.search(rf"^{package}>=", lines, re.MULTILINE), package


def buttons_page():
    import dnn
    from ui.notebook.button import notebook_buttons

    notebook_buttons(dnn.TrainConfig(), "run")
    notebook_buttons(dnn.TrainConfig(), "mine", ("apple", "pear"), "my_two_classes.h5")


def test_the_buttons_have_stable_keys_say_where_the_data_goes_and_never_rerun():
    at = AppTest.from_function(buttons_page).run()
    assert not at.exception
    buttons = {b.key: b.proto for b in at.get("download_button")}
    keys = ["notebook_download_run", "notebook_script_run"]
    keys += ["notebook_download_mine", "notebook_script_mine"]
    assert list(buttons) == keys
    for key, button in buttons.items():
        assert button.ignore_rerun and button.deferred_file_id  # built only when clicked
        assert ("my_two_classes.h5" in button.help) == key.endswith("mine")
        assert ("test_catvnoncat.h5" in button.help) == key.endswith("run")
    assert buttons["notebook_download_run"].label == "Open as a notebook (.ipynb)"
    assert buttons["notebook_script_run"].label == "Open as a Python script (.py)"


def split_code(nb) -> str:
    """The data cell's validation split, from its first line to the cell's end."""
    (data,) = [cell.source for cell in nb.cells if cell.get("id") == "data"]
    return data[data.index("validation_share =") :]


@pytest.mark.parametrize("share", [10, 20, 30])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_notebooks_validation_split_holds_out_the_apps_pictures(share, lang):
    from ui.core.validation import columns

    rng = np.random.RandomState(5)
    for labels in ([0] * 137 + [1] * 72, rng.randint(0, 2, 209), [0, 1, 1], [1] * 40 + [0] * 3):
        train_y = np.array(labels).reshape(1, -1)
        train_x = rng.rand(4, train_y.shape[1])
        space = {"np": np, "train_x": train_x, "train_y": train_y, "print": lambda *a: None}
        exec(split_code(notebook(Settings(validation=share), lang)), space)
        kept, out = columns(train_y, share)
        assert np.array_equal(space["val_index"], out) and np.array_equal(
            space["train_index"], kept
        )
        assert np.array_equal(space["val_x"], train_x[:, out])
        assert np.array_equal(space["train_y"], train_y[:, kept])


def test_a_run_with_a_validation_split_prints_its_validation_accuracy_in_both_languages():
    settings = Settings(hidden=(7,), validation=20)
    for lang, said in (("en", "Validation accuracy:"), ("zh", "验证集准确率：")):
        nb = notebook(settings, lang)
        code, md = code_of(nb), markdown_of(nb)
        assert "validation_share = 20" in code and said in code
        assert "np.random.RandomState(0)" in code and "np.random.RandomState(0)" in md
        assert ("20 %" if lang == "en" else "20%") in md
        compile(code, "notebook", "exec")
        assert notebook_bytes(settings, lang) == notebook_bytes(
            settings.config(), lang, validation=20
        )
    plain_run = code_of(notebook(Settings(hidden=(7,)), "en"))
    assert "val_x" not in plain_run and "Validation" not in plain_run
    assert "print(f'Cost at the last iteration" in plain_run  # every run: the page's last cost


def test_a_validation_split_is_one_of_the_pages_shares_and_only_for_the_lessons_pictures():
    for bad in (15, -10, 100, "20"):
        with pytest.raises(ValueError):
            notebook(dnn.TrainConfig(), "en", validation=bad)
    with pytest.raises(ValueError):
        notebook(dnn.TrainConfig(), "en", OWN_FILE, ("a", "b"), validation=20)


def test_the_lessons_own_notes_are_left_out_of_a_run_with_a_validation_split():
    lesson = markdown_of(notebook(Settings(), "en"))
    split = markdown_of(notebook(Settings(validation=10), "en"))
    assert "206 of the 209" in lesson and "206 of the 209" not in split
    assert "0.771749" in lesson and "0.771749" not in split
