"""How large an uploaded file may be, by kind (the shell's upload store enforces them)."""

from __future__ import annotations

from dnn.model_io import MAX_FILE_BYTES

IMAGE_UPLOAD_MB = 10  # a picture (the browser refuses larger ones before sending)
MODEL_UPLOAD_MB = MAX_FILE_BYTES // 2**20  # == server.maxUploadSize in .streamlit/config.toml
