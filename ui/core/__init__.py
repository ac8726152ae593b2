"""The core every feature builds on: text, session state, data, runs, compute slots, figures.

It draws no widget and imports only itself, ``dnn`` and third-party code.
"""
