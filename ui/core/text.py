"""Text from a file or another person, shown as text: one escaping function for every place.

A class name from a model file, a nickname or an uploaded file's name must never become a link,
a remote image, a heading, a table or a formula. :func:`plain` makes any such text safe to put
inside Markdown (``st.markdown``, ``st.error``, labels and captions, which Streamlit renders as
Markdown): every character that Markdown, Streamlit's LaTeX (``$``), its ``:icon:`` codes or
HTML could read inline is backslash-escaped, and so is a list or rule marker at the start,
line breaks become spaces, and control, bidirectional and
zero-width characters are dropped. :func:`label` does the same for Plotly, whose labels read a
subset of HTML (``<a href>``, ``<b>``, ``<br>``).
"""

from __future__ import annotations

import html
import re
import unicodedata

MAX_CHARS = 200  # a shown name; longer ones end in "…"
_INLINE = re.compile(r"([\\`*_{}\[\]()#!|<>~$&:@])")  # what Markdown or Streamlit reads inline
_WWW = re.compile(r"(www)\.", re.IGNORECASE)  # GFM links a bare www.example.com
# GFM finds autolinks (http://…, www.…, me@host.org) in the text after escapes are undone, so an
# escape cannot stop one (seen in Chromium): an invisible WORD JOINER after ":" and "@" and in
# "www." breaks the pattern and leaves what a reader sees unchanged
_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(\\[:@])")
_BLOCK = re.compile(r"^(\d+)([.)])|^([-+=])")  # a list or a rule, where the text starts a block
_BREAKS = re.compile(r"[\r\n\t\v\f\u0085\u2028\u2029]+")


def clean(text: object, limit: int = MAX_CHARS) -> str:
    """``text`` as one line of visible characters: no control, bidi or zero-width ones, bounded."""
    line = _BREAKS.sub(" ", str(text))
    kept = "".join(c for c in line if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    kept = kept.strip()
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def plain(text: object, limit: int = MAX_CHARS) -> str:
    """``text`` escaped for Streamlit's Markdown: it shows exactly as written, as one line."""
    inline = _WWW.sub(r"\1" + _JOINER + r"\\.", _INLINE.sub(r"\\\1", clean(text, limit)))
    inline = _AUTOLINK.sub(r"\1" + _JOINER, inline)
    return _BLOCK.sub(lambda m: (m[1] or "") + "\\" + (m[2] or m[3]), inline)


def label(text: object, limit: int = MAX_CHARS) -> str:
    """``text`` escaped for a Plotly label or hover text (which read a little HTML)."""
    return html.escape(clean(text, limit), quote=True)


def csv_cell(text: object) -> str:
    """A cell for a CSV file a spreadsheet opens: text starting with = + - @ is not a formula."""
    value = clean(text, limit=10_000)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
