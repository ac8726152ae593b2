"""The model the prediction page answers with: the session's, else the lesson's run trained now."""

from __future__ import annotations

import streamlit as st

import dnn
from ui.core import model, session
from ui.core.i18n import t
from ui.core.model import SessionModel
from ui.core.settings import LESSON
from ui.core.trust import Evidence

EVIDENCE = session.register("prediction_evidence", None, reset=True)  # (model's key, Evidence)


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


def _fingerprint(params) -> tuple:
    """Which parameters these are: the arrays' identities and a cheap checksum of their values."""
    return tuple(
        (k, id(v), float(v.ravel()[:: max(v.size // 64, 1)].sum())) for k, v in params.items()
    )


def test_evidence(current: SessionModel, data: dnn.Dataset) -> Evidence | None:
    """The model's P and rightness on the lesson's test pictures, once per model.

    Only for a model trained on the lesson's training pictures in this session (on the
    training page, or for this page): the test pictures are then ones it never trained on. A
    model from a file may have trained on anything, so it gets none.
    """
    if current.source not in ("session", "auto") or current.names is not None:
        return None
    if current.params.get("W1") is None or current.params["W1"].shape[1] != data.test_x.shape[0]:
        return None
    key = (_fingerprint(current.params), current.hidden, id(data.test_x))
    kept = st.session_state.get(EVIDENCE)
    if kept is None or kept[0] != key:
        kept = key, Evidence.of(current.params, current.hidden, data.test_x, data.test_y)
        st.session_state[EVIDENCE] = kept
    return kept[1]
