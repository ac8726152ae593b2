"""Looking inside the current model for one picture: warning, activations, input gradient.

A warning when the picture is unlike the training photos, the activations of every layer, and
what the network looked at.

The prediction page calls :func:`look_inside` once per scored picture and :func:`test_picture`
once in its test-set tab. Works with any model the app holds (trained, auto-trained or loaded
from a file) and any hidden activation.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

import dnn
from dnn.datasets import flatten
from dnn.familiarity import familiarity
from dnn.layers import layer_dims
from dnn.model_meta import CLASS_NAMES
from dnn.propagation import forward
from dnn.saliency import gradient_of_forward
from ui.core.figures import inside as figures_inside
from ui.core.figures.gradient_map import input_gradient_map
from ui.core.i18n import t
from ui.core.text import label, plain
from ui.core.trust import first_silent, silent_layer, silent_text
from ui.widgets import chart as described

EXAMPLES = 8  # training thumbnails shown next to the warning
# |∂P/∂x| below this everywhere: no map. Even all 12,288 input values (each in 0…1) moving at
# once would change P by under 12,288 × 1e-8 ≈ 0.0001, below the 0.1 % the page shows.
NO_SLOPE = 1e-8


def as_column(seen: np.ndarray) -> np.ndarray:
    """A (64, 64, 3) uint8 picture as the network's input column, shape (12288, 1)."""
    return flatten(np.asarray(seen, dtype=np.uint8)[np.newaxis])


def finding(x: np.ndarray, data: dnn.Dataset | None) -> tuple[str, list] | None:
    """Why the picture is unlike the training photos, or None when it is not (or no ``data``).

    Parameters
    ----------
    x : ndarray of shape (12288, 1)
    data : dnn.Dataset or None
        Its training pictures are what "like" means (the fit is cached per array).

    Returns
    -------
    (reason, unusual) or None
        ``reason`` is ``"blank"``, ``"noise"`` or ``"unlike"``; ``unusual`` lists the
        statistics out of the training photos' range as ``(name, "low" | "high")``.
    """
    if data is None:
        return None
    model = familiarity(data.train_x)
    reason = model.reasons(x)[0]
    return None if reason is None else (reason, model.unusual(x)[0])


def what_is_unusual(unusual: list) -> str:
    """The statistics out of range in plain words, joined (the visitor's language)."""
    if not unusual:
        return t("unusual_mix")
    return t("unusual_join").join(t(f"unusual_{name}_{side}") for name, side in unusual)


def show_notice(found: tuple[str, list], data: dnn.Dataset, where=None) -> None:
    """The warning for an unfamiliar picture, what was unusual, and some training photos."""
    reason, unusual = found
    where = where or st.container()
    if reason == "unlike":
        where.warning(t("unfamiliar_unlike", what=what_is_unusual(unusual)))
    else:
        where.warning(t(f"unfamiliar_{reason}"))
    where.caption(t("unfamiliar_seen"))
    examples = _examples(data)
    alt = [
        t("alt_example", cls=t("class_cat" if k % 2 == 0 else "class_noncat"))
        for k in range(len(examples))
    ]
    where.image(list(examples), width=48, alt=alt)


def notice(x: np.ndarray, data: dnn.Dataset, where=None) -> str | None:
    """If the picture is unlike the training photos, say so and show some of them.

    ``where`` is the container to write in (the current one by default). Returns the reason
    (``"blank"``, ``"noise"``, ``"unlike"``) or None for a familiar picture.
    """
    found = finding(x, data)
    if found is not None:
        show_notice(found, data, where)
    return None if found is None else found[0]


def _examples(data: dnn.Dataset) -> np.ndarray:
    """The first cats and non-cats of the training set, alternating."""
    y = data.train_y[0]
    cats, others = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    order = np.ravel(np.column_stack([cats[: EXAMPLES // 2], others[: EXAMPLES // 2]]))
    return data.train_images[order]


def is_lesson(names: Sequence[str] | None) -> bool:
    """Whether ``names`` (label 0, label 1) are the lesson's non-cat / cat (or not given)."""
    return names is None or list(names) == CLASS_NAMES


def p_of(names: Sequence[str] | None, escape=plain) -> str:
    """P(cat), P(猫), or P(label 1's name) of a model of named classes (the name escaped).

    ``escape``: :func:`ui.core.text.plain` for Markdown, :func:`ui.core.text.label` for Plotly,
    :func:`ui.core.text.clean` for the text as written.
    """
    return t("p_cat") if is_lesson(names) else f"P({escape(names[1])})"


def details(
    seen: np.ndarray, params, hidden: str, key: str, names: Sequence[str] | None = None
) -> None:
    """The activations of every layer and the input gradient, for one picture.

    ``names`` (label 0, label 1): the model's classes, whose P the text and the output panel
    name (None: the lesson's, P(cat)).
    """
    x = as_column(seen)
    P = p_of(names)
    if layer_dims(params)[0] != x.shape[0]:
        return
    AL, caches = forward(params, x, hidden, keep_input=False)  # also for the gradient below
    acts = [A[:, 0] for _, _, A in caches]
    silent = first_silent(acts)
    sizes = " → ".join(f"{len(a):,}" for a in acts)
    st.markdown(t("inside_layers", n0=x.shape[0], sizes=sizes, P=P))
    shown = p_of(names, label).replace("{", "{{").replace("}", "}}")  # a format string below
    output = t("inside_output", l="{l}", P=shown)
    described.show(
        figures_inside.layer_activations(
            acts, t("inside_units"), t("inside_layer"), output, t("inside_all_zero")
        ),
        key=f"inside_act_{key}",
        config={"displayModeBar": False},
    )
    st.markdown(t("inside_gradient", P=P))
    grad = gradient_of_forward(AL, caches, params, hidden)[:, 0]
    if not np.isfinite(grad).all():
        return
    if not np.any(np.abs(grad) >= NO_SLOPE):  # a map of zeros would still draw shades
        p = f"{float(AL[0, 0]):.1%}"
        if silent is not None and not grad.any():
            st.info(t("inside_grad_silent", n0=x.shape[0], l=silent, p=p))
        else:
            st.info(t("inside_grad_flat", n0=x.shape[0], tiny=f"{NO_SLOPE:g}"))
        return
    titles = (t("inside_grad_picture"), t("inside_grad_magnitude"), t("inside_grad_sign"))
    described.show(
        input_gradient_map(np.asarray(seen, dtype=np.uint8), grad, titles),
        key=f"inside_grad_{key}",
        config={"displayModeBar": False},
    )
    st.caption(t("inside_grad_caption", P=P))


def look_inside(
    seen: np.ndarray,
    params,
    hidden: str,
    data: dnn.Dataset | None,
    where,
    key: str,
    names: Sequence[str] | None = None,
) -> None:
    """For one scored picture: the warning next to P(cat) (in ``where``), then an expander.

    Parameters
    ----------
    seen : ndarray of shape (64, 64, 3), uint8
        What the network sees.
    params : dict
        The current model's W^[l], b^[l].
    hidden : str
        Its hidden activation.
    data : dnn.Dataset or None
        The model's training data, for the unfamiliar-picture notice (None: no notice).
    where : streamlit container
        The column that shows P(cat).
    key : str
        Unique among the pictures on the page (for the charts' keys).
    names : sequence of str, optional
        The model's class names (label 0, label 1); None: the lesson's.
    """
    if data is not None:
        notice(as_column(seen), data, where)
    with st.expander(t("look_inside")):
        details(seen, params, hidden, key, names)


def test_picture(data: dnn.Dataset, params, hidden: str, proba: np.ndarray) -> None:
    """In the test-set tab: pick one test picture and look inside the network for it.

    ``proba`` holds P(cat) of every test picture, shape (m,), as the tab computed it.
    """
    with st.expander(t("testset_look")):
        m = data.test_x.shape[1]
        i = int(st.number_input(t("testset_pick"), 0, m - 1, 0, key="inside_test_pick"))
        seen = data.test_images[i]
        p = float(proba[i])
        c1, c2 = st.columns([1, 3])
        caption = t("inside_test_caption", i=i, p=f"{p:.2f}")
        c1.image(seen, width=128, caption=caption, alt=t("alt_test_picture", i=i))
        notice(data.test_x[:, [i]], data, c2)
        silent = silent_layer(params, data.test_x[:, [i]], hidden)
        if silent is not None:  # its own rightness is in the evidence: the tab shows it anyway
            c2.info(silent_text(silent, params, p, t("p_cat")))
        details(seen, params, hidden, f"test_{i}")
