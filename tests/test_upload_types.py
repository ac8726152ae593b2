"""Each uploader takes its own kind of file by content, not by name (issue 17, point 7).

Streamlit checked names: a file with another name, sent by a script, made the run fail before
the page's script started (a redacted error box and a server traceback), while any file *named*
``.safetensors`` could be 40 MB, even for the picture uploader. Now names are not checked and
the app reads the content: a wrong file gets the app's own message.
"""

from __future__ import annotations

import numpy as np
import pytest
from starlette.exceptions import HTTPException
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from bench.streamlit_client import Session
from bench.streamlit_server import REPO, start_server, stop_server
from bench.upload_memory import put
from dnn.model_io import model_bytes
from ui.core.limits import DATA_SETS, MODELS, PICTURES, file_limit, kind_of
from ui.shell.uploads import BoundedUploadedFileManager

MB = 2**20
PHOTO = (REPO / "tests" / "files" / "photo.jpg").read_bytes()
TEXT = b"Not a picture at all: a few words of plain text.\n"


def small_model() -> bytes:
    rng = np.random.RandomState(0)
    params = {"W1": rng.randn(1, 12288) * 0.01, "b1": np.zeros((1, 1))}
    return model_bytes(params, hidden_activation="relu")


def model_sized(size: int) -> bytes:
    """A file that starts like a safetensors model (its header) and is ``size`` bytes long."""
    header = b'{"x":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}'
    head = len(header).to_bytes(8, "little") + header
    return head + bytes(size - len(head))


def test_kinds_are_told_by_content():
    assert kind_of(PHOTO) == "picture"
    assert kind_of(small_model()) == "model"
    assert kind_of(b"\x89HDF\r\n\x1a\n" + bytes(100)) == "data set"
    assert kind_of(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "picture"
    assert kind_of(TEXT) == "other" and kind_of(b"") == "other"
    assert kind_of(bytes(10 * MB)) == "other"  # zeros named .safetensors used to pass as one
    assert kind_of((2**40).to_bytes(8, "little") + b"{}") == "other"  # a header past the end


def test_every_uploader_lists_mime_types_so_streamlit_leaves_names_alone():
    for accepted in (PICTURES, MODELS, DATA_SETS):
        assert any("/" in a for a in accepted) and any(a.startswith(".") for a in accepted)
    assert ".jpg" in PICTURES and ".safetensors" in MODELS and ".h5" in DATA_SETS


def test_the_store_bounds_a_file_by_what_it_holds_not_its_name():
    m = BoundedUploadedFileManager("/upload")

    def add(fid, data, name):
        m.add_file("s", UploadedFileRec(file_id=fid, name=name, type="x", data=data))

    with pytest.raises(HTTPException) as e:  # 20 MB of anything, named like a model
        add("fake", bytes(20 * MB), "cat_model.safetensors")
    assert e.value.status_code == 413
    add("model", model_sized(20 * MB), "renamed.jpg")  # a model is a model, whatever its name
    assert m.session_bytes("s") == 20 * MB
    assert file_limit(PHOTO) == 10 * MB and file_limit(model_sized(100)) == 40 * MB


def page_texts(*runs) -> str:
    return "\n".join(text for run in runs for text in run.texts)


def test_wrongly_typed_files_get_the_apps_message_on_a_real_server(data):
    """Sent by a script as a browser would, with names and types the picker would not offer."""
    model = small_model()
    proc, url = start_server()
    try:
        tab = Session(url, page="prediction")
        tab.run()
        statuses = tab.upload(
            "image_upload",
            [
                ("notes.txt", TEXT, "text/plain"),
                ("cat.safetensors", model, "application/octet-stream"),
                ("photo.jpg", PHOTO, "image/jpeg"),
            ],
        )
        pictures = tab.run()
        tab.upload("model_upload", [("model.safetensors", PHOTO, "application/octet-stream")])
        models = tab.run()
        big = put(tab, bytes(20 * MB), "huge.safetensors")
        tab.close()
        classes = Session(url, page="classes")
        first = classes.run()
        load_key = next(k for k in first.widgets if k.startswith("classes_load_"))
        classes.upload(load_key, [("pictures.h5", PHOTO, "application/x-hdf5")])
        loaded = classes.run()
        again = classes.wait()  # the page starts afresh to show its notes
        classes.upload("classes_files_0_0", [("readme.md", TEXT, "text/markdown")])
        taken = classes.run()
        after = classes.wait()
        classes.close()
    finally:
        log = stop_server(proc)
    assert statuses == [204, 204, 204] and big == 413
    runs = (pictures, models, first, loaded, again, taken, after)
    assert not [e for run in runs for e in run.exceptions]  # no redacted error box
    assert "Traceback" not in log and "Invalid file extension" not in log, log
    shown = page_texts(pictures)
    assert "**notes.txt** — This is not a picture the app can read" in shown
    assert "**cat.safetensors** — This is not a picture the app can read" in shown
    assert "The model on the 50 test pictures" in shown  # the page went on
    assert "This model file was refused" in page_texts(models)
    assert "pictures.h5" in page_texts(loaded, again)
    assert "readme.md" in page_texts(taken, after)


def png_of(jpeg: bytes) -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.open(BytesIO(jpeg)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "name,raw,mime", [("shot.png", "png", "image/png"), ("notes.txt", "text", "text/plain")]
)
def test_the_camera_takes_a_picture_by_content_whatever_its_name(data, name, raw, mime):
    """Streamlit's camera refused any name but ``.jpg`` before the page ran (a redacted box)."""
    content = png_of(PHOTO) if raw == "png" else TEXT
    proc, url = start_server()
    try:
        tab = Session(url, page="prediction")
        tab.run()
        tab.set("camera_on", True)
        tab.run()
        statuses = tab.upload("camera", [(name, content, mime)])
        shot = tab.run()
        tab.close()
    finally:
        log = stop_server(proc)
    assert statuses == [204]
    assert not shot.exceptions  # no redacted error box
    assert "Traceback" not in log and "Invalid file extension" not in log, log
    shown = page_texts(shot)
    if raw == "png":  # a picture: its verdict, under the camera's own name for it
        assert "from 0.5" in shown, shown
    else:
        assert "This is not a picture the app can read" in shown, shown
