"""Step-through page: one iteration of gradient descent, forward then backward, step by step."""

import streamlit as st

from ui.core import presenting
from ui.core.i18n import t
from ui.shell.router import guard
from ui.step import view as step_view
from ui.step import walk as step_through

guard()

st.title(t("step_page_title"), anchor=False)
# on a projector the step itself starts on the first screen: the introduction and choices fold
top = st.expander(t("step_setup")) if presenting.on() else st.container()
top.markdown(t("step_intro"))
c1, c2, c3 = top.columns([3, 2, 2])
# labels computed in this run (a format_func calling t() later would not know the language)
nets = {n: t(f"step_net_{n}", m=step_through.SMALL_M) for n in ("small", "cat")}
network = c1.radio(t("step_network"), list(nets), format_func=nets.get, key="step_network")
acts = {a: t(f"act_{a}") for a in step_through.G}
hidden = c2.selectbox(t("activation"), list(acts), format_func=acts.get, key="step_hidden")
alpha = c3.select_slider(t("learning_rate"), step_through.ALPHAS, key="step_alpha")
w = step_view.cached_walk(network, hidden, alpha)
step_view.show(w, step_view.navigation(len(w.steps)))
