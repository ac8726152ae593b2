"""The model the prediction page answers with: the session's, else the lesson's run trained now."""

from __future__ import annotations

import streamlit as st

import dnn
from ui.core import model, session
from ui.core.i18n import t
from ui.core.model import SessionModel
from ui.core.settings import LESSON


def page_model(shared) -> SessionModel:
    """The session's model; with none yet, the lesson's 4-layer run, trained for the page.

    Waits for a run interrupted on the training page to save its model first.
    """
    with session.exclusive():
        if model.current() is None:
            data = shared.data
            with st.spinner(t("auto_training")):
                result = dnn.train(
                    data.train_x, data.train_y, LESSON.layer_dims, gram=shared.gram, every=0
                )
            meta = {"label": t("preset_lesson4"), "hidden_activation": LESSON.activation}
            model.use_model(result.params, meta, "auto")
        return model.current()
