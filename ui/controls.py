"""The training page's widgets, returning a dnn.TrainConfig; presets fill them in one click.

Widget values are mirrored into plain session keys, so they survive a visit to another page
(Streamlit drops the state of widgets that a run does not draw).
"""

from __future__ import annotations

import streamlit as st

import dnn
from dnn.config import ACTIVATIONS, INITIALIZATIONS, OPTIMIZERS
from ui.i18n import t

MAX_HIDDEN_LAYERS = 8
MAX_UNITS = 512
MAX_FIRST_UNITS = 256  # n[1]: each unit has 12,288 weights (bounds a run's memory and step time)
MAX_ITERATIONS = 10_000
# a log scale: 1, 2.5, 5, 7.5 × 10^k, so the lesson's 0.0075 is on it
LEARNING_RATES = [round(c * 10.0**k, 10) for k in range(-5, 1) for c in (1, 2.5, 5, 7.5)] + [
    1.0,
    2.5,
    5.0,
    10.0,
]
L2_VALUES = [0.0, 0.01, 0.03, 0.1, 0.3, 0.7, 1.0, 3.0, 10.0]
BATCH_SIZES = [0, 16, 32, 64, 128]  # 0: full batch, as in the lesson

PRESETS = {
    "lesson4": {"hidden": [20, 7, 5]},
    "lesson2": {"hidden": [7]},
}
PRESET_COMMON = {
    "learning_rate": 0.0075,
    "iterations": 2500,
    "seed": 1,
    "activation": "relu",
    "initialization": "lesson",
    "l2": 0.0,
    "optimizer": "gd",
    "batch_size": 0,
}
WIDGET_DEFAULTS = {
    "preset": "lesson4",
    "hidden_layers": 3,
    **PRESET_COMMON,
    **{f"units_{k}": v for k, v in enumerate([20, 7, 5, 5, 5, 5, 5, 5])},
}


def _keep(key: str) -> None:
    """Restore a widget's value from its mirror before the widget is drawn."""
    mirror = "_keep_" + key
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(mirror, WIDGET_DEFAULTS[key])


def _mirror(key: str) -> None:
    st.session_state["_keep_" + key] = st.session_state[key]


def apply_preset(name: str | None = None) -> None:
    """Set every widget to a preset's values (the lesson's runs)."""
    name = name or st.session_state.get("preset", "lesson4")
    if name not in PRESETS:
        return
    hidden = PRESETS[name]["hidden"]
    values = {"preset": name, "hidden_layers": len(hidden), **PRESET_COMMON}
    values.update({f"units_{k}": n for k, n in enumerate(hidden)})
    for key, value in values.items():
        st.session_state[key] = value
        st.session_state["_keep_" + key] = value


def _custom() -> None:
    st.session_state.preset = "custom"
    _mirror("preset")


def preset_label(name: str) -> str:
    """The visible name of a preset."""
    return t("preset_" + name)


def training_controls() -> dnn.TrainConfig:
    """Draw the architecture and hyperparameter widgets; return the config they describe."""
    for key in WIDGET_DEFAULTS:
        _keep(key)
    st.selectbox(
        t("preset"),
        ["lesson4", "lesson2", "custom"],
        key="preset",
        format_func=preset_label,
        on_change=apply_preset,
        help=t("preset_help"),
    )
    _mirror("preset")

    def widget(fn, key, *args, label=None, help_key=None, **kwargs):
        """Draw a widget labelled t(key), with help t(key + "_help"), and mirror its value."""
        help_text = t(help_key or key + "_help")
        fn(label or t(key), *args, key=key, help=help_text, on_change=_custom, **kwargs)
        _mirror(key)
        return st.session_state[key]

    def number(v):
        return f"{v:g}"

    n_hidden = widget(st.slider, "hidden_layers", 1, MAX_HIDDEN_LAYERS)
    cols = st.columns(min(n_hidden, 4))
    units = []
    for k in range(n_hidden):
        with cols[k % len(cols)]:
            units.append(
                widget(
                    st.number_input,
                    f"units_{k}",
                    1,
                    MAX_FIRST_UNITS if k == 0 else MAX_UNITS,
                    step=1,
                    label=f"n[{k + 1}]",
                    help_key="units_help",
                )
            )
    lr = widget(st.select_slider, "learning_rate", LEARNING_RATES, format_func=number)
    iterations = widget(st.slider, "iterations", 0, MAX_ITERATIONS, step=100)
    seed = widget(st.number_input, "seed", 0, 2**31 - 1, step=1)
    with st.expander(t("advanced")):
        activation = widget(
            st.selectbox, "activation", ACTIVATIONS, format_func=lambda v: t("act_" + v)
        )
        init = widget(
            st.selectbox, "initialization", INITIALIZATIONS, format_func=lambda v: t("init_" + v)
        )
        l2 = widget(st.select_slider, "l2", L2_VALUES, format_func=number)
        optimizer = widget(
            st.selectbox, "optimizer", OPTIMIZERS, format_func=lambda v: t("opt_" + v)
        )
        batch = widget(
            st.selectbox,
            "batch_size",
            BATCH_SIZES,
            format_func=lambda v: t("full_batch") if v == 0 else str(v),
        )
    return dnn.TrainConfig(
        layer_dims=(12288, *[int(u) for u in units], 1),
        learning_rate=float(lr),
        num_iterations=int(iterations),
        seed=int(seed),
        hidden_activation=activation,
        initialization=init,
        l2=float(l2),
        optimizer=optimizer,
        batch_size=int(batch) or None,
    )


def describe(config: dnn.TrainConfig, preset: str) -> str:
    """A short label for a run: the preset's name, or the architecture and α."""
    if preset in PRESETS:
        return preset_label(preset)
    dims = ", ".join(str(n) for n in config.layer_dims)
    return f"[{dims}] α={config.learning_rate:g}"
