"""The training page's widgets, returning a :class:`ui.core.settings.Settings`; presets fill them.

Widget values are mirrored (:mod:`ui.core.kept`), so they survive a visit to another page
(Streamlit drops the state of widgets that a run does not draw) and can be written to the link.
"""

from __future__ import annotations

import streamlit as st

from ui.core import kept
from ui.core import settings as bounds
from ui.core.chosen import WIDGET_DEFAULTS, apply_preset, current_settings
from ui.core.i18n import t
from ui.core.settings import Settings


def _custom() -> None:
    st.session_state.preset = "custom"
    kept.mirror("preset")


def preset_label(name: str) -> str:
    """The visible name of a preset, short enough for a narrow select box (no layer sizes)."""
    return t("preset_short_" + name)


def training_controls(validation: bool = True) -> Settings:
    """Draw the architecture and hyperparameter widgets; return the settings they describe.

    ``validation`` False: no validation split (a page whose pictures are not the lesson's).
    """
    for key in WIDGET_DEFAULTS:
        kept.keep(key, WIDGET_DEFAULTS[key])
    st.selectbox(
        t("preset"),
        ["lesson4", "lesson2", "custom"],
        key="preset",
        format_func=preset_label,
        on_change=apply_preset,
        help=t("preset_help"),
    )
    kept.mirror("preset")
    if st.session_state.preset in bounds.PRESETS:  # the layer sizes, whole, under the name
        hidden = bounds.PRESETS[st.session_state.preset]
        sizes = ", ".join(str(n) for n in (bounds.N_INPUT, *hidden, 1))
        with st.container(key="preset_dims"):
            st.caption(t("preset_dims", dims=f"[{sizes}]"))

    def widget(fn, key, *args, label=None, help_text=None, **kwargs):
        """Draw a widget labelled t(key), with help t(key + "_help"), and mirror its value."""
        help_text = help_text or t(key + "_help")
        fn(label or t(key), *args, key=key, help=help_text, on_change=_custom, **kwargs)
        kept.mirror(key)
        return st.session_state[key]

    def number(v):
        return f"{v:g}"

    units_help = t("units_bounds_help", first=bounds.MAX_FIRST_UNITS, other=bounds.MAX_UNITS)
    n_hidden = widget(
        st.slider,
        "hidden_layers",
        1,
        bounds.MAX_HIDDEN_LAYERS,
        help_text=t("hidden_layers_help") + " " + units_help,
    )
    cols = st.columns(min(n_hidden, 4))
    for k in range(n_hidden):
        with cols[k % len(cols)]:
            widget(
                st.number_input,
                f"units_{k}",
                1,
                bounds.unit_bound(k + 1),
                step=1,
                label=f"n[{k + 1}]",
                help_text=units_help,
            )
    widget(st.select_slider, "learning_rate", bounds.LEARNING_RATES, format_func=number)
    widget(
        st.number_input,
        "iterations",
        0,
        bounds.MAX_ITERATIONS,
        step=100,
        help_text=t("iterations_help")
        + " "
        + t("iterations_bounds_help", max=bounds.MAX_ITERATIONS),
    )
    widget(st.number_input, "seed", 0, bounds.MAX_SEED, step=1)
    with st.expander(t("advanced")):
        widget(st.selectbox, "activation", bounds.ACTIVATIONS, format_func=lambda v: t("act_" + v))
        widget(
            st.selectbox,
            "initialization",
            bounds.INITIALIZATIONS,
            format_func=lambda v: t("init_" + v),
        )
        widget(st.select_slider, "l2", bounds.L2_VALUES, format_func=number)
        widget(st.selectbox, "optimizer", bounds.OPTIMIZERS, format_func=lambda v: t("opt_" + v))
        widget(
            st.selectbox,
            "batch_size",
            bounds.BATCH_SIZES,
            format_func=lambda v: t("full_batch") if v == 0 else str(v),
        )
        if validation:
            widget(
                st.select_slider,
                "validation",
                bounds.VALIDATION_SHARES,
                format_func=lambda v: t("validation_off") if v == 0 else f"{v} %",
            )
    return current_settings()
