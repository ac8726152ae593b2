"""Theory page: the lesson — notation, equations, dimensions — with live tables and a diagram."""

import streamlit as st

from dnn.config import parameter_count
from ui.core.i18n import t
from ui.core.settings import LESSON
from ui.core.strings import EQUATIONS
from ui.shell.router import guard
from ui.theory.dimensions import dimension_rows, flatten_code, network_chart, parse_layer_sizes
from ui.widgets.code_block import code_block
from ui.widgets.data_gate import require_data

guard()

st.title(t("theory_title"), anchor=False)
st.markdown(t("theory_layers"))
st.header(t("notation_title"), anchor=False)
st.markdown(t("notation_table"))

st.header(t("forward_title"), anchor=False)
st.markdown(t("forward_text"))
for eq in EQUATIONS["forward"]:
    st.latex(eq)
st.header(t("cost_title"), anchor=False)
st.latex(EQUATIONS["cost"])
st.header(t("backward_title"), anchor=False)
st.markdown(t("backward_text"))
one, all_m = st.columns(2, gap="large")  # side by side on a screen, one after the other on a phone
with one:
    st.markdown(f"**{t('backward_single')}**")
    for eq in EQUATIONS["backward_single"]:
        st.latex(eq)
with all_m:
    st.markdown(f"**{t('backward_vectorized')}**")
    for eq in EQUATIONS["backward"]:
        st.latex(eq)
st.markdown(t("backward_sum"))
code_block(
    f"dW = dZ @ A_prev.T / m                      # (7) {t('code_dw')}\n"
    f"db = np.sum(dZ, axis=1, keepdims=True) / m  # (8) {t('code_db')}"
)
st.markdown(t("update_title"))
st.latex(EQUATIONS["update"])

st.header(t("dims_title"), anchor=False)
st.markdown(t("dims_text"))
c1, c2 = st.columns([3, 1])
lesson = " ".join(map(str, LESSON.layer_dims))  # 12288 20 7 5 1
arch = c1.text_input(t("dims_arch"), lesson, key="dims_arch", help=t("dims_arch_help"))
m = int(c2.number_input(t("dims_m"), 1, 100_000, 209, key="dims_m"))
dims = parse_layer_sizes(arch)
if dims is None:
    st.error(t("dims_bad"))
    dims = list(LESSON.layer_dims)
rows = dimension_rows(dims, m)
st.table(rows, hide_index=True)
total = parameter_count(dims)
st.caption(t("dims_total", L=len(dims) - 1, n=f"{total:,}"))
network_chart(dims)

st.header(t("params_title"), anchor=False)
st.markdown(t("params_text"))

st.header(t("data_title"), anchor=False)
shared = require_data()
data = shared.data
st.markdown(
    t(
        "data_text",
        m=data.train_x.shape[1],
        m_test=data.test_x.shape[1],
        cats=int(data.train_y.sum()),
    )
)
per_page = 24
pages = (data.train_images.shape[0] + per_page - 1) // per_page
page = st.slider(t("data_page"), 1, pages, 1, key="data_page")
idx = range((page - 1) * per_page, min(page * per_page, data.train_images.shape[0]))
names = [t("class_noncat"), t("class_cat")]
st.image(
    [data.train_images[i] for i in idx],
    width=96,
    caption=[f"#{i} {names[int(data.train_y[0, i])]}" for i in idx],
    alt=[t("alt_training_picture", i=i, cls=names[int(data.train_y[0, i])]) for i in idx],
)
st.markdown(t("flatten_text"))
i = st.number_input(t("flatten_pick"), 0, data.train_images.shape[0] - 1, 7, key="flatten_pick")
col_img, col_vec = st.columns([1, 2])
col_img.image(
    data.train_images[i],
    width=192,
    caption=t("flatten_caption", i=i),
    alt=t("alt_flatten_picture", i=i),
)
code_block(flatten_code(data.train_x[:, i]), col_vec)
