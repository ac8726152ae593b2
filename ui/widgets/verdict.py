"""Trying a model on pictures, as the prediction page and the own-classes page do it.

Pictures come from an uploader or the camera; each gets its verdict.

The verdict names the model's classes: a model of the lesson says "Cat" / "Not a cat", one
trained on the visitor's own classes (its file's ``class_names``) says their names.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ui.core import work
from ui.core.figures import charts as figures
from ui.core.i18n import t
from ui.core.limits import IMAGE_UPLOAD_MB, PICTURES
from ui.core.pixels import enlarged
from ui.core.predict import Scored
from ui.core.text import clean, label, plain
from ui.core.trust import Evidence, confidence_key, evidence_text, silent_text
from ui.widgets import chart as described
from ui.widgets import insight
from ui.widgets.insight import is_lesson


def verdict_text(p: float, names: Sequence[str] | None) -> str:
    """The verdict: 🐱 Cat, 🚫 Not a cat, or the name of the class P points to."""
    if is_lesson(names):
        return t("verdict_cat") if p > 0.5 else t("verdict_noncat")
    return t("verdict_named", name=plain(names[1] if p > 0.5 else names[0]))


def probability_label(names: Sequence[str] | None) -> str:
    """P(cat), P(猫), or P(name of label 1): the same notation in every language (unescaped)."""
    return insight.p_of(names, clean)


def show(
    result: Scored,
    params,
    hidden: str,
    data,
    names: Sequence[str] | None = None,
    evidence: Evidence | None = None,
    level: int = 3,
) -> None:
    """One picture's verdict, P and what P is worth; then the picture and what the model sees.

    The verdict comes first so that a phone, where columns stack, shows it without scrolling;
    the 64×64 picture is enlarged with its pixels kept square. ``data`` is the training data
    whose photos the unfamiliar-picture notice compares with (None: no notice); ``names`` are
    the model's class names (label 0, label 1); ``evidence`` the model's P on pictures it never
    trained on, which say how often an answer as far from 0.5 was right (None: not known).
    ``level`` is the verdict heading's (2 on a page of its own, 3 in a page's section); it has no
    "link to heading" anchor (several uploads give the same heading). A picture unlike the
    training photos gets no verdict in big letters; one that silences a
    whole hidden layer gets, instead of words on P, what that means and how such pictures fared.
    """
    if result.error:
        st.error(f"**{plain(result.name)}** — {result.error}")
        return
    found = insight.finding(insight.as_column(result.seen), data)
    work.hold("photo")  # the browser's marker: a restart or failover loses this verdict
    c_verdict, c_picture, c_seen = st.columns([3, 2, 2])
    answer = verdict_text(result.p_cat, names)
    if found is None:
        c_verdict.markdown(f"{'#' * level} {answer}", anchors=False)
    else:  # no verdict in big letters for a picture the model cannot judge
        c_verdict.markdown(f"{'#' * level} {t('verdict_unfamiliar')}", anchors=False)
        c_verdict.markdown(t("verdict_forced", answer=answer))
    described.show(
        figures.probability_bar(result.p_cat, {"p": label(probability_label(names))}),
        c_verdict,
        key=f"bar_{result.name}_{id(result)}",
        config={"displayModeBar": False},
    )
    if result.silent is not None:  # P is one fixed number: its distance from 0.5 means nothing
        p_label = insight.p_of(names)  # Markdown-safe: a class name is text
        known = None if found is not None else evidence  # test photos are unlike this picture
        text = silent_text(result.silent, params, result.p_cat, p_label, known)
        c_verdict.info(with_two_classes(text, names))
    else:
        c_verdict.caption(confidence_text(result.p_cat, names, found is not None, evidence))
    if found is not None:
        insight.show_notice(found, data, c_verdict)
    alt = t("alt_uploaded", name=clean(result.name))  # alt text is an attribute, not Markdown
    c_picture.image(result.preview, caption=plain(result.name), alt=alt)  # captions: Markdown
    c_picture.caption(t("framing_shown_" + result.framing))
    c_seen.image(enlarged(result.seen), caption=t("model_sees"), alt=t("alt_model_sees"))
    insight.look_inside(
        result.seen, params, hidden, None, c_verdict, f"{result.name}_{id(result)}", names
    )


def confidence_text(
    p: float, names: Sequence[str] | None, unfamiliar: bool, evidence: Evidence | None = None
) -> str:
    """How far P is from 0.5 and how often such an answer was right: no more than is known.

    P alone is described, never called "sure": a network can give P = 1.00 to a picture it gets
    wrong. ``evidence`` adds how many of the model's test pictures got a P at least as far from
    0.5 and how many of those it got right. A picture flagged as unlike the training photos gets
    neither (P says nothing there, and the test pictures are unlike it); a model of two named
    classes says that it must pick one of them.
    """
    if unfamiliar:
        sure = t("conf_unfamiliar")
    else:
        sure = t(confidence_key(p) + ("" if is_lesson(names) else "_named"))
        if evidence is not None:
            sure = t("two_sentences", a=sure, b=evidence_text(p, evidence))
    return with_two_classes(sure, names)


def with_two_classes(text: str, names: Sequence[str] | None) -> str:
    """``text``, then for a model of two named classes that it must answer one of them."""
    if is_lesson(names):
        return text
    return t(
        "two_sentences", a=text, b=t("verdict_two_classes", a=plain(names[1]), b=plain(names[0]))
    )


def graded(
    images: Sequence,
    proba: Sequence[float],
    right: Sequence[bool],
    label: str,
    alts: Sequence[str] | None = None,
) -> None:
    """Labelled pictures as thumbnails, each captioned ✅/❌ and ``label = 0.93`` (its P).

    ``alts``: each picture's text alternative (which picture, its true class, P, right or
    wrong); without them, its caption's words.
    """
    marks = ["✅ " if ok else "❌ " for ok in right]
    captions = [f"{mark}{label} = {p:.2f}" for mark, p in zip(marks, proba, strict=True)]
    if alts is None:
        alts = [c.replace("\\", "") for c in captions]  # an attribute: no Markdown escapes
    st.image(list(images), width=112, caption=captions, alt=list(alts))


def uploaded(key: str) -> list[tuple[str, bytes]]:
    """An uploader of several pictures to try; (name, bytes) of each file it holds."""
    files = st.file_uploader(
        t("upload_help"),
        type=PICTURES,
        accept_multiple_files=True,
        key=key,
        max_upload_size=IMAGE_UPLOAD_MB,
    )
    return [(f.name, f.getvalue()) for f in files or []]


def camera_shot(toggle_key: str, key: str) -> tuple[str, bytes] | None:
    """A camera behind a switch; (name, bytes) of the picture taken, if any."""
    if st.toggle(t("camera_on"), key=toggle_key):
        shot = st.camera_input(t("camera_take"), key=key)
        if shot is not None:
            return t("camera_photo"), shot.getvalue()
    return None


def pictures(tabs, show, upload_key: str, camera_keys: tuple[str, str], below=None) -> None:
    """Uploads in the first of ``tabs``, the camera in the second: ``show(name, raw)`` each.

    ``camera_keys`` are the keys of the camera's on/off toggle and of the camera itself;
    ``below()``, if given, draws under the uploads' verdicts (next to the pictures it changes,
    and below the first screen's verdict on a phone).
    """
    tab_up, tab_cam = tabs
    with tab_up:
        for name, raw in uploaded(upload_key):
            show(name, raw)
        if below is not None:
            below()
    with tab_cam:
        shot = camera_shot(*camera_keys)
        if shot is not None:
            show(*shot)
