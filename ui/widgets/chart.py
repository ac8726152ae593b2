"""Every Plotly chart drawn with its text alternative (:mod:`ui.core.figures.describe`)."""

from __future__ import annotations

import streamlit as st

from ui.core.figures.describe import attach, describe
from ui.core.figures.style import legible
from ui.core.i18n import t


def show(fig, where=None, title: str | None = None, words=None, **kwargs) -> None:
    """Draw ``fig`` in ``where`` (default: the page), described in the visitor's language.

    ``title`` names a chart whose figure has no title of its own (the confusion matrix);
    ``words`` (a :class:`ChartText`) replaces the description read from the figure.
    The words and the table go into the figure; the page's script shows them (a sentence a
    screen reader reads at the chart, and the table behind a disclosure under it).
    """
    words = words or describe(fig, t)
    if title:
        words = type(words)(f"{title}: {words.summary}", words.columns, words.rows)
    (where or st).plotly_chart(legible(attach(fig, words, t("desc_table"))), **kwargs)
