"""What every page needs for assistive technology that Streamlit does not give (issue 20).

* ``<html lang>``: Streamlit's page always says ``en``; a screen reader would read 简体中文 with
  English rules. A small script, drawn on every run in the same place (as the visitor cookie's),
  sets it to the visitor's language (``zh-Hans`` or ``en``) on every page and after a switch.
* Scrolling regions reachable by keyboard: a display equation wider than the screen scrolls
  sideways inside itself (``ui/shell/style.py``); the script makes every such region focusable
  (``tabindex=0``, a named region) while it scrolls, also after a resize or a new element.
* CSS: captions dark enough for WCAG AA contrast, a visible keyboard focus, and with
  ``prefers-reduced-motion`` no animation: no transitions, and the training chart's frames are
  not shown while a run trains (the finished run's chart appears at once).
"""

from __future__ import annotations

import json

import streamlit as st

from ui.core.figures.describe import META
from ui.core.i18n import LANG, lang, t
from ui.core.live import FRAME_KEY

HTML_LANG = {"en": "en", "zh": "zh-Hans"}  # BCP 47: Chinese in simplified characters
# what may scroll sideways inside itself (ui/shell/style.py): equations, code, tables
SCROLLERS = {
    "equation": ".katex-display",
    "code": ".dnn-code",
    "table": '[data-testid="stTable"] > div, [data-testid="stMarkdownContainer"] table',
}
# a page's section headings (st.header): always there, never news for the live region (a step's
# heading and a verdict are)
SECTIONS = (
    "notation_title", "forward_title", "cost_title", "backward_title", "dims_title",
    "params_title", "data_title", "training_run_heading", "grid_title", "classes_step_pictures",
    "classes_step_train", "classes_step_try", "board_runs", "board_ranking",
)  # fmt: skip
FOCUS = "#1864ab"  # the focus ring: 6.1:1 on white, 5.4:1 on the sidebar (#f0f2f6)

CSS = f"""
/* Streamlit's caption grey (#828180, or its text at opacity .6) is 3.9:1 or less on white,
   below AA's 4.5:1; this is 6.8:1. */
[data-testid="stCaptionContainer"], [data-testid="stImageCaption"] {{
    color: #5c5b5a !important; opacity: 1 !important; }}
/* A visible focus for everything a keyboard reaches. */
:focus-visible {{ outline: 3px solid {FOCUS} !important; outline-offset: 2px; }}
/* Switches, radios, checkboxes and slider thumbs take focus on an input hidden in a 1 px box:
   the ring goes on what is seen (the label with its box or switch, the slider's thumb). */
[data-testid="stCheckbox"] label:has(input:focus-visible),
[data-testid="stRadioOption"]:has(input:focus-visible) {{
    outline: 3px solid {FOCUS} !important; outline-offset: 2px; border-radius: .25rem; }}
[data-testid="stSlider"] div:has(> div > input[type="range"]:focus-visible) {{
    outline: 3px solid {FOCUS} !important; outline-offset: 2px; }}
/* A tab bar clips what is drawn outside it: a tab's ring goes inside the tab. */
[role="tab"]:focus-visible {{ outline-offset: -3px !important; }}
/* A folded sidebar (a phone's, or one the visitor closed) sits off screen: nothing in it takes
   keyboard focus or is read until it is opened (Streamlit leaves it in the Tab order). */
[data-testid="stSidebar"][data-collapsed="true"] [data-testid="stSidebarContent"],
[data-testid="stSidebar"][data-collapsed="true"] [data-testid="stSidebarContent"] * {{
    visibility: hidden !important; }}
.dnn-code {{ font-family: "Source Code Pro", ui-monospace, monospace; font-size: .875rem;
    background: #f6f7f9; border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem 0;
    overflow-x: auto; white-space: pre; color: #262730; line-height: 1.5; }}
.dnn-code.dnn-wrap {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
.dnn-sr-only {{ position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }}
.dnn-chart-table {{ font-size: .85rem; margin: .25rem 0 .5rem 0; }}
.dnn-chart-table summary {{ cursor: pointer; color: #31333f; }}
.dnn-table-box {{ overflow-x: auto; max-height: 24rem; overflow-y: auto; }}
.dnn-table-box table {{ border-collapse: collapse; }}
.dnn-table-box th, .dnn-table-box td {{ border: 1px solid #d5d6d9; padding: .15rem .5rem;
    text-align: right; white-space: nowrap; }}
@media (prefers-reduced-motion: reduce) {{
    *, *::before, *::after {{ animation-duration: 1ms !important;
        animation-iteration-count: 1 !important; transition-duration: 1ms !important;
        transition-delay: 0s !important; scroll-behavior: auto !important; }}
    /* while a run trains, its chart's frames are not drawn (a frame has no words of its own,
       data-dnn-text=""; every finished chart has): the progress bar says how far. A chart not
       marked yet by the script below is hidden too, from its first paint. */
    [data-test-script-state="running"] [data-dnn-text=""],
    [data-test-script-state="running"] [class*="st-key-{FRAME_KEY}"] {{ visibility: hidden; }}
}}
"""

# Runs on every script run (Streamlit draws the element again when its text changes, i.e.
# after a language switch); the observer is installed once per browser tab.
SCRIPT = """
(() => {
  const d = document, root = d.documentElement;
  root.lang = %(lang)s;
  window.__dnnA11y = %(labels)s;
  if (window.__dnnA11yOn) { window.__dnnA11yMark(); return; }
  window.__dnnA11yOn = true;
  let queued = false;
  const later = () => { if (!queued) { queued = true; requestAnimationFrame(mark); } };
  // a region starts or stops scrolling when it or its content changes size (a late web font,
  // a column resized), not only when the DOM changes
  const sizes = new ResizeObserver(later), watched = new WeakSet();
  const watch = el => { if (el && !watched.has(el)) { watched.add(el); sizes.observe(el); } };
  let mark = function () {
    queued = false;
    for (const [kind, selector] of Object.entries(%(scrollers)s))
    for (const el of d.querySelectorAll(selector)) {
      watch(el); watch(el.firstElementChild);
      const scrolls = el.scrollWidth > el.clientWidth;  // as axe-core counts it, 1 px too
      const name = window.__dnnA11y[kind];
      if (scrolls || kind === 'code') {
        if (el.tabIndex !== 0) el.tabIndex = 0;
        if (el.getAttribute('role') !== 'region') el.setAttribute('role', 'region');
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
      } else if (el.hasAttribute('tabindex')) {
        el.removeAttribute('tabindex'); el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    }
  };
  // a chart's words (ui/core/figures/describe.py, in the figure's layout.meta): a sentence a
  // screen reader reads at the chart, and its data as a table behind a disclosure
  const cell = (tag, text, scope) => {
    const c = d.createElement(tag); c.textContent = text; if (scope) c.scope = scope; return c;
  };
  function table(info) {
    const det = d.createElement('details'), sum = d.createElement('summary');
    det.className = 'dnn-chart-table'; sum.textContent = info.label; det.append(sum);
    det.addEventListener('toggle', () => {  // built when asked for: nothing to lay out before
      if (det.open && det.childNodes.length === 1) det.append(rows(info));
    });
    return det;
  }
  function rows(info) {
    const box = d.createElement('div'), tab = d.createElement('table');
    box.className = 'dnn-table-box'; box.tabIndex = 0; box.setAttribute('role', 'region');
    box.setAttribute('aria-label', info.label);
    const head = tab.createTHead().insertRow();
    info.columns.forEach(c => head.append(cell('th', c, 'col')));
    const body = tab.createTBody();
    info.rows.forEach(r => {
      const row = body.insertRow();
      r.forEach((v, i) => row.append(i ? cell('td', v) : cell('th', v, 'row')));
    });
    box.append(tab);
    return box;
  }
  // a slider's value as shown (0.0075, 20%%), not its position among the options; its name
  // once (Streamlit names the input by itself and by its group, each with the same label)
  function sliders() {
    for (const input of d.querySelectorAll('[data-testid="stSlider"] input[type="range"]')) {
      const shown = input.parentElement.parentElement
        .querySelector(':scope > [data-testid="stSliderThumbValue"]');
      const text = shown && shown.textContent.trim();  // also in a folded expander
      if (text && input.getAttribute('aria-valuetext') !== text)
        input.setAttribute('aria-valuetext', text);
      if (input.hasAttribute('aria-labelledby')) input.removeAttribute('aria-labelledby');
    }
  }
  // Plotly's drawing is not read: a screen reader meets a chart as its words and table (its
  // tick labels and legend read as unnamed images said nothing). The toolbar's buttons are
  // links without an address, out of the keyboard's reach: their icons are hidden too.
  const DRAWING = '.js-plotly-plot svg.main-svg, .js-plotly-plot .gl-container, '
    + '.js-plotly-plot .modebar svg, #js-plotly-tester';
  // Streamlit gives every heading an id from its words, anchor or not: several uploads' "🐱 Cat"
  // share one. The first keeps it; the others' ids go (nothing links to them).
  function headings() {
    const ids = new Set();
    for (const h of d.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')) {
      if (ids.has(h.id)) h.removeAttribute('id'); else ids.add(h.id);
    }
  }
  function charts() {
    d.querySelectorAll(DRAWING).forEach(el => {
      if (el.getAttribute('aria-hidden') !== 'true') el.setAttribute('aria-hidden', 'true');
    });
    for (const gd of d.querySelectorAll('.js-plotly-plot')) {
      const info = gd.layout && gd.layout.meta && gd.layout.meta.%(meta)s;
      // beside the chart's own box (stPlotlyChart), which Streamlit sizes the plot from
      const chart = gd.parentElement, box = chart && chart.parentElement;
      const key = info ? JSON.stringify(info) : '';
      if (!box || box.dataset.dnnText === key) continue;
      box.dataset.dnnText = key;
      box.querySelectorAll(':scope > .dnn-chart-words, :scope > .dnn-chart-table')
        .forEach(old => old.remove());
      if (!info) continue;
      const words = cell('p', info.summary);
      words.className = 'dnn-sr-only dnn-chart-words';
      box.insertBefore(words, chart);
      if (info.rows && info.rows.length) chart.after(table(info));
    }
  }
  // Live status for screen readers: one polite live region outside Streamlit's tree, saying
  // what appears after the page was drawn (a run training, a new status box such as Stopped or
  // Finished, a verdict or a step's heading); what the page showed on arrival is not repeated.
  // A language switch is a page arriving again: it says the same in other words, not news.
  // The switch is seen as the language radio's choice changing (at once, in the browser); the
  // page has arrived in its new language once the run that draws it ended and the root lang
  // (set at its end) changed.
  let seen = null, page = null, arrived = false, choice = null, before = null;
  function announce() {
    let live = window.__dnnLive;
    if (!live) {  // in a closed shadow root: read aloud, but no second copy for a page search
      const host = d.createElement('div');
      host.id = 'dnn-live'; host.className = 'dnn-sr-only';
      live = d.createElement('div');
      live.setAttribute('role', 'status'); live.setAttribute('aria-live', 'polite');
      host.attachShadow({mode: 'closed'}).append(live);
      d.body.append(host);
      window.__dnnLive = live;
    }
    const main = d.querySelector('[data-testid="stMain"]');
    if (!main) return;
    const now = [];
    if (main.querySelector('[data-testid="stProgress"]')) now.push(window.__dnnA11y.training);
    const sections = new Set(window.__dnnA11y.sections);
    main.querySelectorAll('[data-testid="stAlertContainer"], h2, h3').forEach(e => {
      const text = e.innerText.trim();
      if (text && !sections.has(text)) now.push(text);
    });
    const app = d.querySelector('[data-testid="stApp"]');
    const idle = app && app.dataset.testScriptState === 'notRunning';
    const picked = d.querySelector('.st-key-%(language)s input:checked');
    if (page !== location.pathname) { page = location.pathname; arrived = false; before = null; }
    if (picked && choice !== null && picked.value !== choice) {
      arrived = false; before = root.lang;
    }
    if (picked) choice = picked.value;
    if (!arrived) {  // a page arriving, until its first run ends: nothing to say
      seen = new Set(now);
      arrived = idle && (before === null || root.lang !== before);
      if (arrived) before = null;
      return;
    }
    const fresh = now.filter(text => !seen.has(text));
    seen = new Set(now);
    for (const text of fresh) {  // each news a node of its own: read once, the last 3 kept
      const news = d.createElement('p');
      news.textContent = text;
      live.append(news);
      while (live.childNodes.length > 3) live.firstChild.remove();
    }
  }
  const marked = mark;
  mark = () => { marked(); sliders(); headings(); charts(); announce(); };
  window.__dnnA11yMark = mark;
  new MutationObserver(later).observe(d.body, {
    childList: true, subtree: true, attributes: true,
    attributeFilter: ['data-test-script-state', 'aria-valuetext', 'aria-labelledby'],
  });
  window.addEventListener('resize', later);
  d.fonts.addEventListener('loadingdone', later);
  mark();
})();
"""


def html_lang() -> str:
    """The ``<html lang>`` of the visitor's language."""
    return HTML_LANG[lang()]


def apply() -> None:
    """Add the CSS (once per run, with the app's own; a style-only element takes no room)."""
    st.html(f"<style>{CSS}</style>")


def page_script() -> None:
    """The script that sets ``<html lang>`` and marks scrolling regions; drawn on every run."""
    labels = {kind: t("a11y_scroll_" + kind) for kind in SCROLLERS}
    labels["training"] = t("a11y_training")
    labels["sections"] = [t(key) for key in SECTIONS]
    script = SCRIPT % {
        "lang": json.dumps(html_lang()),
        "labels": json.dumps(labels, ensure_ascii=False),
        "scrollers": json.dumps(SCROLLERS),
        "meta": META,
        "language": LANG,
    }
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
