"""Take it home: any run as a Jupyter notebook (and a ``.py`` twin) in the lesson's own NumPy.

:mod:`ui.notebook.build` assembles the notebook from a run's configuration (no Streamlit);
:mod:`ui.notebook.templates` holds its code, one module per step of the lesson, with only the
options a run used; :mod:`ui.notebook.prose` its Markdown in the visitor's language;
:mod:`ui.notebook.source` says where its pictures come from (the lesson's files, or a set saved
on "Your own classes"); :mod:`ui.notebook.button` draws the two download buttons.
"""
