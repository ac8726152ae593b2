"""The experiment grid: its axes, its model (no Streamlit), its view, figures and link."""
