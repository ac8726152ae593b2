"""Prediction page: is this a cat? Upload pictures, use the camera, or browse the test set."""

import numpy as np
import streamlit as st

import dnn
from ui.core.framing import current as current_framing
from ui.core.i18n import t
from ui.core.predict import score
from ui.core.text import plain
from ui.core.trust import silent_layers
from ui.prediction.model import page_model, test_evidence
from ui.shell.router import guard
from ui.widgets import insight, verdict
from ui.widgets.data_gate import require_data
from ui.widgets.framing import choice as framing_choice
from ui.widgets.model_upload import model_upload

guard()

st.title(t("predict_title"), anchor=False)
shared = require_data()
data = shared.data

current = page_model(shared)
params, meta, hidden = current.params, current.meta, current.hidden
st.info(t("model_source_" + current.source, label=plain(meta.get("label", ""))))

model_upload()


framing = current_framing()  # chosen with the radio below the uploads
evidence = test_evidence(current, data)  # None for a model from a file


def show(name: str, raw: bytes) -> None:
    """One picture's verdict with the current model's class names."""
    result = score(name, raw, params, hidden, framing)
    verdict.show(result, params, hidden, data, meta.get("class_names"), evidence, level=2)


tab_up, tab_cam, tab_test = st.tabs([t("tab_upload"), t("tab_camera"), t("tab_testset")])
verdict.pictures((tab_up, tab_cam), show, "image_upload", ("camera_on", "camera"), framing_choice)
with tab_test:
    proba = (
        dnn.predict_proba(params, data.test_x, hidden)[0] if evidence is None else evidence.proba
    )
    pred = proba > 0.5
    truth = data.test_y[0] == 1
    st.write(t("testset_intro", acc=f"{np.mean(pred == truth):.0%}", m=len(truth)))
    layers = evidence.silent if evidence else silent_layers(params, data.test_x, hidden)
    silent = [l for l in layers if l is not None]
    if silent:  # their P is the same whatever the picture: say so before their thumbnails
        st.caption(t("testset_silent", k=len(silent), l=", ".join(map(str, sorted(set(silent))))))
    only_wrong = st.toggle(t("only_mistakes"), key="only_mistakes")
    idx = [i for i in range(len(truth)) if not only_wrong or pred[i] != truth[i]]
    classes = [t("class_noncat"), t("class_cat")]
    alts = [
        t(
            "alt_test_graded",
            i=i,
            truth=classes[int(truth[i])],
            p=f"{proba[i]:.2f}",
            mark=t("alt_right" if pred[i] == truth[i] else "alt_wrong"),
        )
        for i in idx
    ]
    verdict.graded(data.test_images[idx], proba[idx], (pred == truth)[idx], t("p_cat"), alts)
    insight.test_picture(data, params, hidden, proba)
