"""Theory page: the lesson — notation, equations, dimensions — with live tables and a diagram."""

import streamlit as st

import dnn
from ui import figures
from ui.data import require_data
from ui.i18n import t
from ui.router import guard
from ui.strings import EQUATIONS

guard()

st.title(t("theory_title"))
st.markdown(t("theory_layers"))
st.subheader(t("notation_title"))
st.markdown(t("notation_table"))

st.subheader(t("forward_title"))
st.markdown(t("forward_text"))
for eq in EQUATIONS["forward"]:
    st.latex(eq)
st.subheader(t("cost_title"))
st.latex(EQUATIONS["cost"])
st.subheader(t("backward_title"))
st.markdown(t("backward_text"))
for eq in EQUATIONS["backward"]:
    st.latex(eq)
st.latex(EQUATIONS["update"])

st.subheader(t("dims_title"))
st.markdown(t("dims_text"))
c1, c2 = st.columns([3, 1])
arch = c1.text_input(
    t("dims_arch"), "12288, 20, 7, 5, 1", key="dims_arch", help=t("dims_arch_help")
)
m = c2.number_input(t("dims_m"), 1, 100_000, 209, key="dims_m")
try:
    dims = [int(x) for x in arch.replace("[", "").replace("]", "").split(",") if x.strip()]
    if len(dims) < 2 or min(dims) < 1 or max(dims) > 100_000 or len(dims) > 20:
        raise ValueError
except ValueError:
    st.error(t("dims_bad"))
    dims = [12288, 20, 7, 5, 1]
rows = dnn.dimension_table(dims, int(m))


def shape(s):
    """(n, m) with thousands separators; — where a layer has no such matrix."""
    return "—" if s == (0, 0) else f"({s[0]:,}, {s[1]:,})"


st.table(
    [
        {
            "l": r.layer,
            "n[l]": f"{r.units:,}",
            "W[l]": shape(r.W),
            "b[l]": shape(r.b),
            "Z[l]": shape(r.Z),
            "A[l]": shape(r.A),
            "dW[l]": shape(r.dW),
            "db[l]": shape(r.db),
            t("dims_params"): f"{r.parameters:,}",
        }
        for r in rows
    ],
    hide_index=True,
)
st.caption(t("dims_total", L=len(dims) - 1, n=f"{sum(r.parameters for r in rows):,}"))
st.plotly_chart(
    figures.network_diagram(
        dims,
        labels={
            "input": t("diagram_input"),
            "hidden": t("diagram_hidden"),
            "output": t("diagram_output"),
            "units": t("diagram_units"),
        },
    ),
    key="network_diagram",
)

st.subheader(t("params_title"))
st.markdown(t("params_text"))

st.subheader(t("data_title"))
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
)
st.markdown(t("flatten_text"))
i = st.number_input(t("flatten_pick"), 0, data.train_images.shape[0] - 1, 7, key="flatten_pick")
col_img, col_vec = st.columns([1, 2])
col_img.image(data.train_images[i], width=192, caption=f"#{i}: (64, 64, 3) uint8")
column = data.train_x[:, i]
col_vec.code(
    "x = image.reshape(-1) / 255   # (12288,)\n"
    + "\n".join(
        f"x[{k:>5}] = {column[k]:.4f}   # pixel ({k // 192}, {k // 3 % 64}), channel {'RGB'[k % 3]}"
        for k in (0, 1, 2, 3, 12285, 12286, 12287)
    ),
    language="python",
)
