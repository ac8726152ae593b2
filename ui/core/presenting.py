"""Whether presenter mode is on (the shell's sidebar switch and ``?present=1`` set it)."""

from __future__ import annotations

from ui.core import kept

PRESENT = "present_choice"  # the sidebar's presenter-mode switch, kept with ui.core.kept
CHART_KEY = "presenter_chart"  # the container the training page puts its chart in


def on() -> bool:
    """Whether presenter mode is on in this session."""
    return bool(kept.value(PRESENT, False))
