"""The model the prediction page uses: one type, whoever made it (a run, the page, a file).

A live run makes its model before it starts (:func:`ui.core.live.session_model_keeper`) and
fills in the parameters when it ends, even after a Stop, when Streamlit's calls raise: so the
model is a mutable object that the session holds, not a tuple written after the run.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui.core import session

MODEL = session.register("model", None, reset=True)  # the SessionModel in use, or None
SOURCES = ("session", "auto", "file")  # trained on the page, the lesson's for the page, a file


@dataclass
class SessionModel:
    """A network and what it says about itself.

    ``meta`` holds at least ``label`` and ``hidden_activation``; a model of the visitor's own
    classes also ``class_names`` (label 0, label 1).
    """

    params: dict
    meta: dict
    source: str = "session"

    @property
    def hidden(self) -> str:
        """The hidden layers' activation."""
        return self.meta.get("hidden_activation", "relu")

    @property
    def names(self) -> list[str] | None:
        """Class names of label 0 and label 1, when the model has its own."""
        return self.meta.get("class_names")


def current() -> SessionModel | None:
    """The session's model, if it has one."""
    return st.session_state.get(MODEL)


def use_model(params, metadata: dict, source: str) -> SessionModel:
    """Make ``params`` the model the prediction page uses; return it."""
    model = st.session_state[MODEL] = SessionModel(params, metadata, source)
    return model
