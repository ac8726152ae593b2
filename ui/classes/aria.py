"""Buttons whose visible text is the same (each thumbnail's ✕) named apart for screen readers.

Streamlit gives a button no accessible name but its label, and a tooltip (``help``) is not in
the page until pointed at: twelve ✕ buttons were twelve "✕" to a screen reader. This script
sets each one's ``aria-label`` ("Remove c_11.png from “cat”"), found by its widget key's
``st-key-…`` class; it runs on every script run (its text changes with the pictures and the
language) and, installed once per tab, again whenever Streamlit draws the buttons anew.
"""

from __future__ import annotations

import json

import streamlit as st

SCRIPT = """
(() => {
  window.__dnnButtonNames = %(names)s;
  const apply = () => {
    for (const el of document.querySelectorAll('[class*="st-key-"] button')) {
      const box = el.closest('[class*="st-key-"]');
      const key = [...box.classList].find(c => c.startsWith('st-key-'));
      const name = window.__dnnButtonNames[key && key.slice(7)];
      if (name && el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
    }
  };
  if (!window.__dnnButtonNamesOn) {
    window.__dnnButtonNamesOn = true;
    let queued = false;
    new MutationObserver(() => {
      if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; apply(); }); }
    }).observe(document.body, {childList: true, subtree: true});
  }
  apply();
})();
"""


def name_buttons(names: dict[str, str]) -> None:
    """Give the buttons of widget keys ``names`` their accessible names (the values)."""
    if names:
        script = SCRIPT % {"names": json.dumps(names, ensure_ascii=False)}
        st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
