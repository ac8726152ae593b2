"""Plotly figures built by pure functions from numbers (no Streamlit here; tests read traces)."""
