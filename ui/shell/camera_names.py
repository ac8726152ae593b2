"""The camera's picture is read by what it holds, not by its name.

Streamlit's camera widget refuses a file whose name does not end in ``.jpg``, and it does so
while it compares widget states, before the page's script starts: a photo sent under another
name (by a script, an extension, a browser that names its snapshots otherwise) gave the visitor
Streamlit's redacted error box and the server a traceback. The app reads every picture by its
content (:func:`dnn.load_image` refuses anything else with its own message, in the visitor's
language), as the uploaders do (:mod:`ui.core.limits`), so here the camera's deserializer returns
the file as it came. Streamlit 1.5x–1.6x internals: ``CameraInputSerde`` and
``_get_upload_files`` (``tests/test_upload_types.py`` fails if they change).
"""

from __future__ import annotations

from streamlit.elements.widgets import camera_input


def _as_sent(self, ui_value):
    """The camera's file (or None), whatever its name: its content is checked by the app."""
    files = camera_input._get_upload_files(ui_value)
    return files[0] if files else None


def install() -> None:
    """Use :func:`_as_sent` for every camera widget (idempotent, before any widget is drawn)."""
    camera_input.CameraInputSerde.deserialize = _as_sent
