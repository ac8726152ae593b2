"""Trying the own-classes model on new pictures: the prediction page's verdict and views."""

from __future__ import annotations

import streamlit as st

import dnn
from dnn.images import EXTENSIONS
from ui import verdict
from ui.class_training import ClassModel
from ui.data import shared_data
from ui.i18n import t
from ui.predict import score
from ui.uploads import IMAGE_UPLOAD_MB


def notice_data(model: ClassModel):
    """The photos the unfamiliar-picture notice compares with: the lesson's, when they joined.

    A handful of the visitor's own pictures is too few to say what is unusual, so a model
    trained on them alone gets no notice.
    """
    if not model.with_lesson:
        return None
    try:
        return shared_data().data
    except dnn.DatasetError:
        return None


def try_model(model: ClassModel) -> None:
    """Upload pictures or use the camera; each gets its verdict in the model's class names."""
    data = notice_data(model)

    def show(name: str, raw: bytes) -> None:
        result = score(name, raw, model.params, model.hidden)
        verdict.show(result, model.params, model.hidden, data, model.names)

    tab_up, tab_cam = st.tabs([t("tab_upload"), t("tab_camera")])
    with tab_up:
        files = st.file_uploader(
            t("upload_help"),
            type=list(EXTENSIONS),
            accept_multiple_files=True,
            key="classes_try_upload",
            max_upload_size=IMAGE_UPLOAD_MB,
        )
        for f in files or []:
            show(f.name, f.getvalue())
    with tab_cam:
        if st.toggle(t("camera_on"), key="classes_try_camera_on"):
            shot = st.camera_input(t("camera_take"), key="classes_try_camera")
            if shot is not None:
                show(t("camera_photo"), shot.getvalue())
