"""Trying the own-classes model on new pictures: the prediction page's verdict and views."""

from __future__ import annotations

import streamlit as st

import dnn
from ui.classes.sets import TwoClasses
from ui.classes.training import ClassModel, held_out_evidence
from ui.core import framing
from ui.core.data import shared_data
from ui.core.i18n import t
from ui.core.predict import score
from ui.widgets import verdict


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


def try_model(model: ClassModel, two: TwoClasses | None = None) -> None:
    """Upload pictures or use the camera; each gets its verdict in the model's class names.

    With the classes ``two`` given, the visitor's test pictures still in them say how often an
    answer as far from 0.5 was right.
    """
    data = notice_data(model)
    evidence = None if two is None else held_out_evidence(model, two)[1]

    def show(name: str, raw: bytes) -> None:
        result = score(name, raw, model.params, model.hidden, framing.current())
        verdict.show(result, model.params, model.hidden, data, model.names, evidence)

    tabs = st.tabs([t("tab_upload"), t("tab_camera")])
    camera = ("classes_try_camera_on", "classes_try_camera")
    verdict.pictures(tabs, show, "classes_try_upload", camera)
