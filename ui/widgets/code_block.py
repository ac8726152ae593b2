"""Lines of code shown as plain preformatted text, reachable by keyboard.

``st.code`` loads Streamlit's syntax highlighter (0.51 MB of JavaScript on a first visit) and
its scrolling block cannot be focused (axe: scrollable-region-focusable). A few lines of Python
on the theory page need neither: this is a ``<pre>`` that a keyboard can focus and scroll, named
for a screen reader, in the app's monospace style (``ui/shell/a11y.py``).
"""

from __future__ import annotations

import html

import streamlit as st

from ui.core.i18n import t


def code_block(text: str, where=None) -> None:
    """Show ``text`` as a block of code in ``where`` (a container; default the page)."""
    name = html.escape(t("a11y_scroll_code"), quote=True)
    (where or st).html(
        f'<pre class="dnn-code" tabindex="0" role="region" aria-label="{name}">'
        f"<code>{html.escape(text)}</code></pre>"
    )
