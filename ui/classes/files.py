"""The own-classes page's files: the two classes as one ``.h5`` data file, and the model.

The data file is the lesson's layout (:func:`dnn.image_set_bytes`): ``train_set_x`` holds every
picture of both classes, ``train_set_y`` their labels (1: the first class, 0: the second) and
``list_classes`` the names of label 0 and label 1. It is read back through the same validating
reader as the lesson's files (:func:`dnn.load_image_set`), bounded to the session's pictures.
"""

from __future__ import annotations

import streamlit as st

import dnn
from dnn.model_io import model_bytes
from ui.classes.intake import generation, names_problem, notes_of, show_notes, start_afresh
from ui.classes.sets import MAX_PICTURES, TwoClasses, from_image_set, image_set
from ui.classes.training import ClassModel
from ui.core.i18n import explain, t
from ui.core.limits import DATA_SETS, IMAGE_UPLOAD_MB
from ui.core.text import plain
from ui.widgets.downloads import model_button

DATA_FILE = "my_two_classes.h5"


def dataset_bytes(two: TwoClasses, shown: tuple[str, str]) -> bytes:
    """The classes as a data file in the lesson's layout."""
    return dnn.image_set_bytes(*image_set(two, shown))


def save_dataset(two: TwoClasses, shown: tuple[str, str]) -> None:
    """A download button for the classes (or why there is nothing to save yet)."""
    problem = names_problem(two)
    if two.total == 0:
        st.caption(t("classes_save_empty"))
    elif problem:
        st.caption(t("classes_bad_names", why=problem))
    else:
        st.download_button(
            t("classes_save", n=two.total),
            lambda: dataset_bytes(two, shown),  # built when clicked
            file_name=DATA_FILE,
            mime="application/x-hdf5",
            key="classes_save",
            on_click="ignore",
            help=t("classes_save_help", a=plain(shown[0]), b=plain(shown[1])),
        )


def load_dataset(two: TwoClasses) -> None:
    """An uploader for a saved data file: a valid one replaces both classes and their names."""
    upload = st.file_uploader(
        t("classes_load", max=MAX_PICTURES),
        type=DATA_SETS,
        key=f"classes_load_{generation('load')}",
        max_upload_size=IMAGE_UPLOAD_MB,
    )
    show_notes(two, "load")
    if upload is None:
        return
    try:
        found = dnn.load_image_set(upload.getvalue(), max_images=MAX_PICTURES)
    except dnn.DatasetError as exc:
        notes = [("refused", {"name": upload.name, "why": explain(exc)})]
    else:
        notes = notes_of(from_image_set(two, found, upload.name))
    start_afresh([upload.file_id], "load", notes, "load")


def model_file(model: ClassModel) -> bytes:
    """The model as a ``.safetensors`` file, its class names in its description."""
    return model_bytes(model.params, **model.meta)


def save_model(model: ClassModel) -> None:
    """A download button for the page's model (built when clicked)."""
    run = model.record.run_id if model.record else 0
    name = f"classes_model_run{run}.safetensors"
    model_button(lambda: model_file(model), name, "classes_model_download")
