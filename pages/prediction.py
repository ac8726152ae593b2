"""Prediction page: is this a cat? Upload pictures, use the camera, or browse the test set."""

import numpy as np
import streamlit as st

import dnn
from ui import insight, state, verdict
from ui.data import require_data
from ui.i18n import t
from ui.model_upload import model_upload
from ui.predict import score
from ui.router import guard

guard()

st.title(t("predict_title"))
shared = require_data()
data = shared.data

with state.exclusive():  # a run interrupted on the training page saves its model first
    if st.session_state.model is None:
        with st.spinner(t("auto_training")):
            result = dnn.train(
                data.train_x, data.train_y, [12288, 20, 7, 5, 1], gram=shared.gram, every=0
            )
        state.use_model(
            result.params, {"label": t("preset_lesson4"), "hidden_activation": "relu"}, "auto"
        )
    params, meta, source = st.session_state.model
hidden = meta.get("hidden_activation", "relu")
st.info(t("model_source_" + source, label=meta.get("label", "")))

model_upload()


def show(name: str, raw: bytes) -> None:
    """One picture's verdict with the current model's class names."""
    result = score(name, raw, params, hidden)
    verdict.show(result, params, hidden, data, meta.get("class_names"))


tab_up, tab_cam, tab_test = st.tabs([t("tab_upload"), t("tab_camera"), t("tab_testset")])
verdict.pictures((tab_up, tab_cam), show, "image_upload", ("camera_on", "camera"))
with tab_test:
    proba = dnn.predict_proba(params, data.test_x, hidden)[0]
    pred = proba > 0.5
    truth = data.test_y[0] == 1
    st.write(t("testset_intro", acc=f"{np.mean(pred == truth):.0%}", m=len(truth)))
    only_wrong = st.toggle(t("only_mistakes"), key="only_mistakes")
    idx = [i for i in range(len(truth)) if not only_wrong or pred[i] != truth[i]]
    verdict.graded(data.test_images[idx], proba[idx], (pred == truth)[idx], t("p_cat"))
    insight.test_picture(data, params, hidden, proba)
