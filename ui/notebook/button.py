"""Two download buttons: the run as a Jupyter notebook, and as its plain-Python twin.

Each file is built only when its button is clicked (a callable as the button's data), in the
language the page shows; a click does not rerun the page (``on_click="ignore"``: a rerun can
drop a file built on click, see ``tests/test_style.py``).
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from ui.core.i18n import lang, t
from ui.notebook import prose
from ui.notebook.build import notebook_bytes, script_text
from ui.notebook.source import DEFAULT_TEST_SHARE, own_classes

IPYNB_MIME = "application/x-ipynb+json"


def file_stem(key: str, own: bool) -> str:
    """The downloaded files' name without extension, e.g. ``cat_network_run``."""
    return f"{'classes' if own else 'cat'}_network_{key}"


def notebook_buttons(
    config,
    key: str,
    class_names=None,
    data_file: str | None = None,
    *,
    test_share: float = DEFAULT_TEST_SHARE,
    with_lesson: bool = False,
    validation: int = 0,
) -> None:
    """Draw "Open as a notebook (.ipynb)" and "… as a Python script (.py)" for one run.

    Parameters
    ----------
    config : dnn.TrainConfig or ui.core.settings.Settings
        The run's hyperparameters.
    key : str
        Names the buttons: ``notebook_download_<key>`` and ``notebook_script_<key>``.
    class_names : (first class, second class), optional
        With ``data_file``: the own classes as their page shows them (label 1, label 0).
    data_file : str, optional
        The file the own classes were saved as (e.g. ``my_two_classes.h5``); None: the
        lesson's data.
    test_share, with_lesson
        How the own classes' page split them, and whether the lesson's pictures joined.
    validation : int
        The % of the lesson's training pictures the run held out for validation.
    """
    language = lang()
    data = data_file or "lesson"
    options = {"test_share": test_share, "with_lesson": with_lesson}
    source = own_classes(data, class_names, **options)  # refuses bad names now, not on click
    options["validation"] = validation
    files = prose.files(language, source)
    stem = file_stem(key, source is not None)
    st.download_button(
        t("nb_download"),
        lambda: notebook_bytes(config, language, data, class_names, **options),
        file_name=stem + ".ipynb",
        mime=IPYNB_MIME,
        key=f"notebook_download_{key}",
        on_click="ignore",
        help=t("nb_help", files=files),
    )
    st.download_button(
        t("nb_script"),
        lambda: script_text(config, language, data, class_names, **options).encode(),
        file_name=stem + ".py",
        mime="text/x-python",
        key=f"notebook_script_{key}",
        on_click="ignore",
        help=t("nb_help_script", name=stem + ".py", files=files),
    )


def run_config(record):
    """A run's configuration with the iterations it trained (a stopped or continued run)."""
    return replace(record.config, num_iterations=int(record.iteration))


def run_buttons(record, key: str = "run", **kwargs) -> None:
    """:func:`notebook_buttons` for a training run (a ``RunRecord``), as far as it got.

    The run's validation split (if any) comes with it: the notebook holds out the same pictures.
    """
    kwargs.setdefault("validation", getattr(record.settings, "validation", 0))
    notebook_buttons(run_config(record), key, **kwargs)


def picker(records, name) -> None:
    """Choose one of ``records`` (``name(record)`` its label) and offer it as a notebook."""
    by_id = {r.run_id: r for r in records}
    if not by_id:
        return
    chosen = st.selectbox(
        t("nb_pick"),
        list(by_id),
        index=len(by_id) - 1,
        format_func=lambda i: name(by_id[i]),
        key="notebook_run",
    )
    run_buttons(by_id[chosen], f"run{chosen}")
