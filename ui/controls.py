"""The training page's widgets, returning a :class:`ui.settings.Settings`; presets fill them.

Widget values are mirrored (:mod:`ui.kept`), so they survive a visit to another page
(Streamlit drops the state of widgets that a run does not draw) and can be written to the link.
"""

from __future__ import annotations

import streamlit as st

from ui import kept
from ui import settings as bounds
from ui.i18n import t
from ui.settings import LESSON, PRESETS, Settings

MAX_ITERATIONS = bounds.MAX_ITERATIONS
FIELDS = (  # widget key = Settings field, besides the layer sizes
    "learning_rate",
    "iterations",
    "seed",
    "activation",
    "initialization",
    "l2",
    "optimizer",
    "batch_size",
)
WIDGET_DEFAULTS = {
    "preset": "lesson4",
    "hidden_layers": 3,
    **{f: getattr(LESSON, f) for f in FIELDS},
    **{f"units_{k}": v for k, v in enumerate([20, 7, 5, 5, 5, 5, 5, 5])},
}


def _value(key: str):
    """A widget's value, also on pages that do not draw it."""
    return kept.value(key, WIDGET_DEFAULTS[key])


def apply_settings(settings: Settings) -> None:
    """Set every widget to ``settings`` (a preset's, or a link's)."""
    kept.put("preset", settings.preset())
    kept.put("hidden_layers", len(settings.hidden))
    for k, n in enumerate(settings.hidden):
        kept.put(f"units_{k}", n)
    for f in FIELDS:
        kept.put(f, getattr(settings, f))


def apply_preset(name: str | None = None) -> None:
    """Set every widget to a preset's values (the lesson's runs)."""
    name = name or st.session_state.get("preset", "lesson4")
    if name in PRESETS:
        apply_settings(Settings(hidden=PRESETS[name]))


def current_settings() -> Settings:
    """What the widgets say now (also on pages that do not draw them), within the bounds."""
    n_hidden = min(max(int(_value("hidden_layers")), 1), bounds.MAX_HIDDEN_LAYERS)
    hidden = bounds.clamp_hidden(_value(f"units_{k}") for k in range(n_hidden))
    return Settings(hidden=hidden, **{f: _value(f) for f in FIELDS})


def _custom() -> None:
    st.session_state.preset = "custom"
    kept.mirror("preset")


def preset_label(name: str) -> str:
    """The visible name of a preset."""
    return t("preset_" + name)


def training_controls() -> Settings:
    """Draw the architecture and hyperparameter widgets; return the settings they describe."""
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
        MAX_ITERATIONS,
        step=100,
        help_text=t("iterations_help") + " " + t("iterations_bounds_help", max=MAX_ITERATIONS),
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
    return current_settings()


def lesson_name(settings: Settings) -> str | None:
    """``4-layer (lesson)`` when ``settings`` are one of the lesson's runs, else None."""
    preset = settings.preset()
    return t("label_" + preset) + " " + t("label_lesson") if preset in PRESETS else None


def describe(settings: Settings) -> str:
    """A run's label: its architecture (a preset's name) and every setting unlike the lesson's.

    E.g. "4-layer (lesson)", "4-layer · init He · Adam · batch 64 · 5,000 it.".
    """
    lesson = lesson_name(settings)
    if lesson:
        return lesson
    name = next((n for n, h in PRESETS.items() if h == settings.hidden), None)
    if name:
        parts = [t("label_" + name)]
    else:
        parts = ["[" + ", ".join(str(n) for n in settings.layer_dims) + "]"]
    for field, value in settings.changes():
        if field in ("activation", "initialization", "optimizer"):
            parts.append(t(f"label_{field}", v=t(f"label_{field}_{value}")))
        elif field == "batch_size":
            parts.append(t("label_batch", v=value))
        elif field == "iterations":
            parts.append(t("label_iterations", v=f"{value:,}"))
        else:
            parts.append(t("label_" + field, v=f"{value:g}"))
    return " · ".join(parts)
