"""Serving a class: Streamlit replicas behind HAProxy (see deploy/classroom.py)."""
