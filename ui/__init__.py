"""The app's Streamlit side, one package per feature over a small core.

``core`` (text, session state, data, runs, compute slots, figures; draws no widget) ←
``widgets`` (pieces several pages draw) ← one package per feature (``theory``, ``training``,
``grid``, ``prediction``, ``classes``, ``step``) ← ``shell`` (router, links, presenter mode,
style, upload bounds). Arrows point only down (checked by ``tests/test_imports.py``).
Nothing here is imported by ``dnn``.
"""
