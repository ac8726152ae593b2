"""Download buttons whose file is built when clicked, and whose click never reruns the page.

A click must not rerun the page: the rerun can drop the file's answer, leaving the button
spinning with no download (seen in Chromium 2 times in 10); and a big model compresses for
seconds, so the file is built only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.core.i18n import t


def file_button(label: str, build: Callable[[], bytes], file_name: str, mime: str, key: str):
    """One download button for the bytes ``build()`` returns when it is clicked."""
    st.download_button(label, build, file_name=file_name, mime=mime, key=key, on_click="ignore")


def model_button(build: Callable[[], bytes], file_name: str, key: str) -> None:
    """The "download the model" button (a ``.safetensors`` file)."""
    file_button(t("model_file_download"), build, file_name, "application/octet-stream", key)
