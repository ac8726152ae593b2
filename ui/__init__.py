"""The app's building blocks: text in two languages, session state, data, figures, controls.

Pages in ``pages/`` stay thin: they read widgets (``controls``), call ``dnn``, and show what
``figures`` builds. Nothing here is imported by ``dnn``.
"""
