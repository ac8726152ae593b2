"""A run as a Jupyter notebook, and as its plain-Python twin, in the lesson's own NumPy.

Pure (no Streamlit). The notebook runs top to bottom with NumPy, h5py and Matplotlib alone and
prints the costs of ``dnn.train`` with the same configuration (to rounding: the same draws,
the same operations in the same order) and the same accuracies::

    nb = notebook(dnn.TrainConfig((12288, 7, 1)), "zh")        # nbformat.NotebookNode
    notebook(settings, "en")                      # a Settings' validation split comes along
    notebook_bytes(config, "en", "my_two_classes.h5", ("apple", "banana"))  # .ipynb file
    script_text(config, "en")                                   # the same cells, "# %%"

The code is in :mod:`ui.notebook.templates` (only the options the run used), the Markdown in
:mod:`ui.notebook.prose`.
"""

from __future__ import annotations

import nbformat
from nbformat import v4

import dnn
from ui.core.validation import SHARES
from ui.notebook import prose
from ui.notebook.source import DEFAULT_TEST_SHARE, OwnClasses, own_classes
from ui.notebook.templates import backward, network, optimize, results, tidy
from ui.notebook.templates.data import data_cell
from ui.notebook.templates.model import model_cell

LANGUAGES = ("en", "zh")
METADATA = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


def as_config(config) -> dnn.TrainConfig:
    """A :class:`dnn.TrainConfig` as it is, or the one of ``ui.core.settings.Settings``."""
    if isinstance(config, dnn.TrainConfig):
        return config
    return config.config()


def cells(
    config: dnn.TrainConfig, lang: str, source: OwnClasses | None, validation: int = 0
) -> list[tuple[str, str, str]]:
    """The notebook's cells in order, as (id, ``markdown`` or ``code``, source)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    if validation not in SHARES:
        raise ValueError(f"validation must be one of {SHARES}, got {validation!r}")
    if validation and source is not None:
        raise ValueError("the validation split is the lesson data's, not an own picture set's")
    if source is None:
        names = (prose.text(lang, "class_noncat"), prose.text(lang, "class_cat"))
    else:
        names = (source.names[1], source.names[0])  # label 0, label 1
    fonts = lang == "zh" or not all(n.isascii() for n in names)
    lesson = prose.lesson_run(config, source, validation)
    step = []
    for name, code in (
        ("init", network.init_cell(lang, config.initialization)),
        ("forward", network.forward_cell(lang, config.hidden_activation)),
        ("cost", network.cost_cell(lang, bool(config.l2))),
        ("backward", backward.backward_cell(lang, config.hidden_activation, bool(config.l2))),
        ("update", optimize.update_cell(lang, config.optimizer)),
    ):
        step += [(f"{name}-text", "markdown", prose.step(lang, name, config))]
        step += [(name, "code", code)]
    if config.batch_size is not None:
        step.append(("batches", "code", optimize.batches_cell(lang)))
    if source is None:
        data = data_cell(lang, None, False, names, DEFAULT_TEST_SHARE, fonts, validation)
    else:
        data = data_cell(lang, source.file, source.with_lesson, names, source.test_share, fonts)
    return [
        ("title", "markdown", prose.opening(lang, config, source, validation)),
        ("data-text", "markdown", prose.data(lang, source, validation)),
        ("data", "code", data),
        *step,
        ("model-text", "markdown", prose.step(lang, "model", config)),
        ("model", "code", model_cell(lang, config)),
        ("hyper-text", "markdown", prose.step(lang, "hyper", config)),
        ("hyper", "code", results.hyperparameters_cell(lang, config)),
        ("train-text", "markdown", prose.results(lang, "train", lesson)),
        ("train", "code", results.train_cell(lang, config)),
        ("plot-text", "markdown", prose.results(lang, "plot", lesson)),
        ("plot", "code", results.plot_cell(lang)),
        ("accuracy-text", "markdown", prose.results(lang, "accuracy", lesson, validation)),
        ("accuracy", "code", results.accuracy_cell(lang, bool(validation))),
        ("mistakes-text", "markdown", prose.results(lang, "mistakes", lesson)),
        ("mistakes", "code", results.mistakes_cell(lang)),
        ("next", "markdown", prose.next_steps(lang, config, validation)),
    ]


def notebook(
    config,
    lang: str = "en",
    data: str = "lesson",
    class_names=None,
    *,
    test_share: float = DEFAULT_TEST_SHARE,
    with_lesson: bool = False,
    validation: int | None = None,
) -> nbformat.NotebookNode:
    """The run as a notebook (nbformat 4, validated).

    Parameters
    ----------
    config : dnn.TrainConfig or ui.core.settings.Settings
        The run's hyperparameters (its ``engine`` does not matter: both give the same numbers).
    lang : str
        ``en`` or ``zh``: the Markdown, the comments and what the code prints.
    data : str
        ``"lesson"`` for the lesson's two files, or the file name of a picture set saved on
        "Your own classes" (e.g. ``"my_two_classes.h5"``); either sits beside the notebook.
    class_names : (first class, second class), optional
        An own set's names as its page shows them (label 1, then label 0); needed with it.
    test_share, with_lesson
        How the page split the own set, and whether the lesson's pictures joined it.
    validation : int, optional
        The % of the lesson's training pictures the run held out for validation (one of
        :data:`ui.core.validation.SHARES`); default: the ``Settings``' own, 0 for a config.
    """
    source = own_classes(data, class_names, test_share, with_lesson)
    if validation is None:
        validation = getattr(config, "validation", 0)
    made = []
    for cell_id, kind, text in cells(as_config(config), lang, source, validation):
        if kind == "markdown":
            cell = v4.new_markdown_cell(text)
        else:
            cell = v4.new_code_cell(tidy(text.rstrip()))
        cell["id"] = cell_id
        made.append(cell)
    nb = v4.new_notebook(cells=made, metadata=METADATA)
    nbformat.validate(nb)
    return nb


def notebook_bytes(config, lang: str = "en", data: str = "lesson", class_names=None, **kw) -> bytes:
    """The ``.ipynb`` file (JSON, UTF-8) of :func:`notebook`."""
    return (nbformat.writes(notebook(config, lang, data, class_names, **kw)) + "\n").encode()


def script_text(config, lang: str = "en", data: str = "lesson", class_names=None, **kw) -> str:
    """The same cells as a plain Python file: ``# %%`` code cells, commented Markdown ones."""
    parts = []
    for cell in notebook(config, lang, data, class_names, **kw).cells:
        if cell.cell_type == "markdown":
            lines = [("# " + line).rstrip() for line in cell.source.splitlines()]
            parts.append("# %% [markdown]\n" + "\n".join(lines))
        else:
            parts.append("# %%\n" + cell.source)
    return "\n\n\n".join(parts) + "\n"
