"""The own-classes page through AppTest: adding pictures, a rerun holding the most, training.

Prints seconds and ratios to a baseline measured in the same run (an empty page's rerun, and
the lesson's own 4-layer run on its 209 pictures), so numbers from a busy machine still compare.

    .venv/bin/python -m bench.classes_page
"""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest

import dnn
from tests.apptest_helpers import app
from tests.class_pictures import upload
from ui.classes.intake import STATE
from ui.classes.sets import MAX_PICTURES
from ui.classes.training import MODEL


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def uploader(at: AppTest, prefix: str):
    return next(u for u in at.file_uploader if u.key and u.key.startswith(prefix))


def main() -> None:
    at = app("pages/classes.py", timeout=600)
    empty = min(timed(at.run) for _ in range(3))
    half = MAX_PICTURES // 2
    warm, cool = upload("warm", range(half)), upload("cool", range(half))
    add = timed(lambda: uploader(at, "classes_files_0_").set_value(warm).run())
    uploader(at, "classes_files_1_").set_value(cool).run()
    full = min(timed(at.run) for _ in range(3))
    train = timed(lambda: at.button(key="classes_train_button").click().run())
    record = at.session_state[MODEL].record
    data = dnn.load_dataset()
    lesson = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], every=0)
    m = at.session_state[MODEL].train_y.shape[1]
    rows = [
        ("pictures kept", f"{at.session_state[STATE].total} (at most {MAX_PICTURES})"),
        ("rerun of the empty page", f"{empty:.2f} s"),
        (f"{half} PNG files decoded and added", f"{add:.2f} s ({add / half * 1e3:.1f} ms each)"),
        (f"rerun holding {MAX_PICTURES} pictures", f"{full:.2f} s ({full / empty:.0f}× empty)"),
        (f"2,500 it. on {m} own pictures", f"{record.seconds:.2f} s ({train:.2f} s to the page)"),
        ("2,500 it. on the lesson's 209", f"{lesson.seconds:.2f} s"),
    ]
    for name, value in rows:
        print(f"{name:<38} {value}")


if __name__ == "__main__":
    main()
