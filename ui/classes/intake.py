"""Filling the visitor's two classes: names, uploads, the camera, thumbnails, and what was refused.

Everything lives in session state (:data:`STATE`, a :class:`ui.classes.sets.TwoClasses`), so it
survives reruns, other pages and a language switch. A file is decoded once, by the same bounded
path as every picture (:func:`dnn.preprocess_image`); then the uploader (or camera) is replaced
by a fresh, empty one and the server forgets the raw bytes: only the 64×64 picture is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st
from PIL import Image, ImageOps
from streamlit.runtime.scriptrunner import get_script_run_ctx

import dnn
from dnn.datasets.layout import check_classes
from ui.classes.aria import name_buttons
from ui.classes.sets import MAX_PICTURES, TwoClasses
from ui.core import framing, visitor
from ui.core.i18n import explain, t
from ui.core.limits import IMAGE_UPLOAD_MB, PICTURES
from ui.core.pixels import enlarged
from ui.core.text import clean, plain

STATE = "classes"  # session key: the TwoClasses
NOTES = "classes_notes"  # session key: class → what the last batch of files gave, shown once
GRID = 5  # thumbnails per row in a class's column
CAPTION_CHARS = 9
TEST_FRAME = (28, 126, 214)  # around a thumbnail held out for the test set
TEST_MARK = "🧪"  # before its name


def two_classes() -> TwoClasses:
    """The session's two classes: the visitor's own from an earlier session, else new, empty.

    They are the student's work, so they outlive a reload of the page (:mod:`ui.core.visitor`).
    """
    if STATE not in st.session_state:
        st.session_state[STATE] = visitor.keep(STATE, TwoClasses)
    return st.session_state[STATE]


def default_name(k: int) -> str:
    """Class k's default name in the visitor's language ("cat", "not cat")."""
    return t(f"classes_default_{k}")


def names(two: TwoClasses) -> tuple[str, str]:
    """The display names of the first and the second class."""
    return tuple(n or default_name(k) for k, n in enumerate(two.names))


def names_problem(two: TwoClasses) -> str | None:
    """Why the names cannot be used (the data file's rules: two different names), or None."""
    try:
        check_classes([n.encode("utf-8") for n in names(two)], "names")
    except dnn.DatasetError as exc:
        return explain(exc)
    return None


def _renamed(two: TwoClasses, k: int) -> None:
    text = " ".join(st.session_state[f"classes_name_{k}"].split())
    two.names[k] = text if text and text != default_name(k) else None


def name_input(two: TwoClasses, k: int) -> None:
    """A text box for class k's name; cleared, it goes back to the default."""
    key = f"classes_name_{k}"
    st.session_state[key] = names(two)[k]  # the kept name, or the default in today's language
    st.text_input(
        t("classes_name", k=k + 1),
        key=key,
        max_chars=40,
        on_change=_renamed,
        args=(two, k),
        help=t("classes_name_help"),
    )


def generation(what: str, k=0) -> int:
    """A widget's key suffix: a new one gives a fresh, empty uploader or camera."""
    return st.session_state.get(f"_classes_gen_{what}_{k}", 0)


def next_generation(what: str, k=0) -> None:
    """The next key suffix (the old widget, and its files, are gone after the rerun)."""
    st.session_state[f"_classes_gen_{what}_{k}"] = generation(what, k) + 1


def forget_uploads(file_ids: Iterable[str]) -> None:
    """Make the server drop uploaded files now (their pictures are decoded and kept)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    for file_id in file_ids:
        ctx.uploaded_file_mgr.remove_file(ctx.session_id, file_id)


def add_files(two: TwoClasses, k: int, files: list) -> list[tuple[str, dict]]:
    """Decode (name, uploaded file) pairs into class k; notes (code, values) say what happened.

    Past the session's bound the remaining files are not even decoded. Each becomes square as
    the visitor chose (:mod:`ui.core.framing`): kept as 64×64, it keeps that framing.
    """
    outcomes, refused, skipped = [], [], 0
    for name, f in files:
        if two.total >= MAX_PICTURES:
            skipped += 1
            continue
        try:
            pixels = dnn.preprocess_image(f.getvalue(), framing.current())
        except dnn.InvalidImageError as exc:
            refused.append(("unreadable", {"name": name, "why": explain(exc)}))
            continue
        outcomes.append(two.add(k, name, pixels))
    return notes_of(outcomes, refused, skipped)


def notes_of(outcomes: list, refused: list | None = None, skipped: int = 0) -> list:
    """Notes (code, values) for pictures offered to the classes: added, duplicates, the bound."""
    notes = [("added", {"n": sum(o.kind == "added" for o in outcomes)}), *(refused or [])]
    for o in outcomes:
        if o.kind == "duplicate":
            notes.append(("duplicate", {"name": o.name, "other": o.other, "cls": o.other_class}))
    skipped += sum(o.kind == "full" for o in outcomes)
    if skipped:
        notes.append(("full", {"n": skipped, "max": MAX_PICTURES}))
    return notes


def intake(two: TwoClasses, k: int) -> None:
    """Class k's uploader and camera. New files are decoded, then the page starts afresh."""
    files = st.file_uploader(
        t("classes_upload", mb=IMAGE_UPLOAD_MB),
        type=PICTURES,
        accept_multiple_files=True,
        key=f"classes_files_{k}_{generation('files', k)}",
        max_upload_size=IMAGE_UPLOAD_MB,
    )
    if files:
        _take(two, k, [(f.name, f) for f in files], "files")
    if st.toggle(t("camera_on"), key=f"classes_camera_on_{k}"):
        shot = st.camera_input(t("camera_take"), key=f"classes_camera_{k}_{generation('cam', k)}")
        if shot is not None:
            _take(two, k, [(t("classes_camera_name", n=two.next_id), shot)], "cam")


def _take(two: TwoClasses, k: int, files: list, what: str) -> None:
    notes = add_files(two, k, files)
    start_afresh((f.file_id for _, f in files), k, notes, what, k)


def start_afresh(file_ids: Iterable[str], where, notes: list, what: str, k=0) -> None:
    """Files taken in: the server drops them; the rerun shows the notes and a new, empty widget.

    ``what`` names the widget (its old key, and its files, are gone after the rerun).
    """
    forget_uploads(file_ids)
    keep_notes(where, notes)
    next_generation(what, k)
    st.rerun()


def keep_notes(where, notes: list) -> None:
    """Keep notes to show once, after the rerun, at ``where`` (a class number, or a name)."""
    st.session_state.setdefault(NOTES, {})[where] = notes


def show_notes(two: TwoClasses, where) -> None:
    """What the last batch of files gave (once): added, refused, duplicates, the bound."""
    notes = st.session_state.get(NOTES, {}).pop(where, None)
    if not notes:
        return
    shown = [plain(n) for n in names(two)]  # the visitor's own text, shown as text
    for code, values in notes:
        values = {k: plain(v) if k in ("name", "other") else v for k, v in values.items()}
        if code == "added" and values["n"] and isinstance(where, int):
            st.success(t("classes_added", n=values["n"], cls=shown[where]))
        elif code == "added" and values["n"]:
            st.success(t("classes_loaded", n=values["n"]))
        elif code == "refused":
            st.error(t("classes_file_refused", **values))
        elif code == "unreadable":
            st.error(t("classes_unreadable", **values))
        elif code == "duplicate":
            st.warning(t("classes_duplicate", **{**values, "cls": shown[values["cls"]]}))
        elif code == "full":
            st.warning(t("classes_full", **values))


def thumbnail(pixels, test: bool) -> Image.Image:
    """The 64×64 picture shown twice as large; a test picture gets a white and blue frame.

    The white ring keeps the blue frame apart from a dark picture's own edge (a blue frame
    alone was hard to see on dark pictures); the caption's 🧪 says it in text too.
    """
    img = enlarged(pixels, 2)
    if not test:
        return img
    return ImageOps.expand(ImageOps.expand(img, border=3, fill="white"), border=7, fill=TEST_FRAME)


def caption(name: str, test: bool = False) -> str:
    """A picture's name under its thumbnail: without its extension, cut to CAPTION_CHARS.

    A test picture's starts with 🧪 (its name cut two characters shorter).
    """
    name = clean(name)
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    room = CAPTION_CHARS - 2 * test
    stem = stem if len(stem) <= room else stem[: room - 1] + "…"
    # a caption is Markdown: escaped as text; one line: "camera 5" is not broken in two
    return (TEST_MARK + "\u00a0" if test else "") + plain(stem).replace(" ", "\u00a0")


def thumbnails(two: TwoClasses, k: int, test_ids: set[int]) -> None:
    """Class k's pictures as the network sees them, each with a remove button; 🧪 marks tests.

    Each picture's alt text names its file, its class and whether it is held out; each ✕ has
    its own accessible name ("Remove c_11.png from “cat”"), and so has "Remove all".
    """
    pics = two.pictures[k]
    if not pics:
        st.caption(t("classes_empty"))
        return
    raw = clean(names(two)[k])
    cls = plain(raw)  # the visitor's own text, shown as text (Markdown escaped)
    st.caption(t("classes_count", n=len(pics)))
    labels = {}
    for row in range(0, len(pics), GRID):
        cols = st.columns(GRID, gap="small")
        for col, p in zip(cols, pics[row : row + GRID], strict=False):
            held = p.id in test_ids
            key = "alt_class_picture_test" if held else "alt_class_picture"
            alt = t(key, name=clean(p.name), cls=raw)  # an attribute: plain text
            picture = thumbnail(p.pixels, held)
            col.image(picture, caption=caption(p.name, held), width="stretch", alt=alt)
            remove = t("classes_remove", name=plain(p.name), cls=cls)
            labels[f"classes_remove_{p.id}"] = t("classes_remove", name=clean(p.name), cls=raw)
            col.button(
                "✕",
                key=f"classes_remove_{p.id}",
                help=remove,
                on_click=two.remove,
                args=(p.id,),
                type="tertiary",
            )
    st.button(
        t("classes_remove_all", cls=cls),
        key=f"classes_clear_{k}",
        on_click=two.clear,
        args=(k,),
    )
    labels[f"classes_clear_{k}"] = t("classes_remove_all", cls=raw)  # its visible words, as text
    name_buttons(labels)
