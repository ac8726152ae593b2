"""The training page's result tabs: the comparison, the confusion matrix, mistakes, weights."""

from __future__ import annotations

import numpy as np
import streamlit as st

import dnn
from dnn.propagation import initialize
from ui.core import kept, runs
from ui.core.checks import unit_correlations
from ui.core.figures import charts as figures
from ui.core.i18n import t
from ui.core.labels import chart_labels, percent, run_name
from ui.core.runs import RunRecord, run_checkpoints
from ui.core.settings import Settings
from ui.training.link import COMPARE, choice, choose
from ui.widgets import chart as described

WEIGHT_UNITS = 12  # first-layer units drawn (raw and change side by side)


def compare_tab() -> None:
    """Overlay the session's runs (the last ten are kept): costs, and accuracies on request."""
    done = runs.runs()
    names = {r.run_id: run_name(r) for r in done}
    # the choice outlives a visit to another page or tab (Streamlit forgets undrawn widgets)
    earlier = choice()
    choose([i for i in (list(names)[-3:] if earlier is None else earlier) if i in names])
    chosen = st.multiselect(t("compare_pick"), list(names), format_func=names.get, key=COMPARE)
    kept.mirror(COMPARE)
    kept.keep("compare_accuracy", False)
    accuracy = st.toggle(t("compare_accuracy"), key="compare_accuracy")
    kept.mirror("compare_accuracy")
    picked = [r for r in done if r.run_id in chosen]
    if len(picked) < 2:  # one run is the chart above (and a class's first runs cost less)
        st.caption(t("compare_one"))
    else:
        series = [  # a run with a validation split: its held-out curve is the validation one
            (names[r.run_id], r.costs, run_checkpoints(r), held_out_name(r)) for r in picked
        ]
        fig = figures.compare_chart(series, chart_labels(), accuracy=accuracy)
        described.show(fig, key="compare_chart")
    st.dataframe(
        [
            {
                t("run"): names[r.run_id],
                t("train_accuracy"): percent(r.train_accuracy),
                t("test_accuracy"): percent(r.test_accuracy),
                t("iterations_done"): f"{r.iteration:,}",
                t("final_cost"): f"{r.costs[-1]:.6f}" if r.costs else "—",
            }
            for r in picked
        ],
        hide_index=True,
    )


def weights_tab(params, record: RunRecord) -> None:
    """W^[1] after training beside what training changed, with how much of the start is left."""
    W = params["W1"]  # (n_1, 12288)
    W0 = initial_first_layer(record.settings)
    corr = unit_correlations(W, W0)
    st.write(t("weights_intro"))
    if W.shape[0] > WEIGHT_UNITS:  # say that the rest are left out
        st.caption(t("weights_shown", shown=WEIGHT_UNITS, n=W.shape[0]))
    unit = t("unit")
    left, right = st.columns(2)
    with left:
        st.markdown(t("weights_trained"))
        fig = figures.weight_images(W, WEIGHT_UNITS, 4, unit_label=unit)
        described.show(fig, title=t("weights_trained_name"), key="weights")
    with right:
        st.markdown(t("weights_change"))
        fig = figures.weight_images(W - W0, WEIGHT_UNITS, 4, unit_label=unit, centered=True)
        described.show(fig, title=t("weights_change_name"), key="weights_change")
    st.caption(
        t(
            "weights_caption",
            lo=f"{corr.min():.2f}",
            hi=f"{corr.max():.2f}",
            median=f"{np.median(corr):.2f}",
        )
    )


def mistakes_tab(proba, data) -> None:
    """The test pictures the model gets wrong."""
    classes = [t("class_noncat"), t("class_cat")]
    wrong = np.flatnonzero((proba[0] > 0.5) != (data.test_y[0] == 1))
    st.write(t("mistakes_intro", n=len(wrong), m=data.test_y.shape[1]))
    if len(wrong):
        st.image(
            [data.test_images[i] for i in wrong],
            width=128,
            caption=[
                t("mistake_caption", p=f"{proba[0, i]:.2f}", truth=classes[int(data.test_y[0, i])])
                for i in wrong
            ],
            alt=[
                t("alt_mistake", p=f"{proba[0, i]:.2f}", truth=classes[int(data.test_y[0, i])])
                for i in wrong
            ],
        )


def model_tabs(tabs, params, record: RunRecord, data, downloads) -> None:
    """Confusion matrix, mistakes, first-layer weights and downloads of the current model.

    Only the open tab is computed and sent (the tabs rerun the page when one is chosen): the
    weight pictures alone cost ~90 ms, and a class of 30 finishes its runs at the same moment.
    """
    hidden = record.config.hidden_activation
    classes = [t("class_noncat"), t("class_cat")]
    if tabs[0].open:
        with tabs[0]:
            proba = dnn.predict_proba(params, data.test_x, hidden)
            labels = {"true": t("true_class"), "predicted": t("predicted_class")}
            fig = figures.confusion_matrix(data.test_y, proba > 0.5, classes, labels)
            described.show(fig, title=t("tab_confusion"), key="confusion")
    if tabs[1].open:
        with tabs[1]:
            mistakes_tab(dnn.predict_proba(params, data.test_x, hidden), data)
    if tabs[2].open:
        with tabs[2]:
            weights_tab(params, record)
    if tabs[3].open:
        with tabs[3]:
            downloads(params, record)


def initial_first_layer(settings: Settings) -> np.ndarray:
    """W^[1] at the random start of a run of ``settings``, of shape (n_1, 12288).

    The same draw as the engine's: :func:`dnn.propagation.initialize` on the run's seed.
    """
    cfg = settings.config()
    rng = np.random.RandomState(cfg.seed)
    return initialize(cfg.layer_dims, rng, cfg.initialization)["W1"]


def held_out_name(record) -> str:
    """What a run's held-out accuracy curve measures: the test or the validation pictures."""
    return chart_labels(bool(record.settings.validation))["test"]
