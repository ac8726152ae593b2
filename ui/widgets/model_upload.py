"""The prediction page's model upload: a ``.safetensors`` file becomes the session's model."""

from __future__ import annotations

import streamlit as st

import dnn
from ui.core import model
from ui.core.i18n import explain, t
from ui.core.limits import MODEL_UPLOAD_MB, MODELS


def model_upload(key: str = "model_upload", use=None) -> None:
    """An expander with a file uploader; a valid file replaces the model, a bad one says why.

    A file is loaded once (its upload id is remembered), so reruns keep the model without
    reading the file again. ``use(params, metadata, source)`` takes the model (default: it
    becomes the prediction page's, :func:`ui.core.model.use_model`).
    """
    with st.expander(t("model_file_load")):
        upload = st.file_uploader(
            t("model_file_help", mb=MODEL_UPLOAD_MB),
            type=MODELS,
            key=key,
            max_upload_size=MODEL_UPLOAD_MB,
        )
        if upload is None or st.session_state.get("_loaded_" + key) == upload.file_id:
            return
        try:
            params, meta = dnn.load_model(upload.getvalue())
        except dnn.InvalidModelError as exc:
            st.error(t("model_file_refused", error=explain(exc)))
            return
        (use or model.use_model)(params, {**meta, "label": upload.name}, "file")
        st.session_state["_loaded_" + key] = upload.file_id
        st.rerun()
