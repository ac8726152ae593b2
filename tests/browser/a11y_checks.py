"""WCAG 2.1 AA checks axe-core does not make, read from the page in Chromium (review items 4, 5,
8 and 14); ``tests/browser/test_a11y.py`` runs them in every state it checks with axe.

* Headings: levels never skip (h1, then h2, ...), no two share an id, and no "link to heading"
  anchor clutters the Tab order (several uploads give the same verdict heading).
* Chart text: every text Plotly draws (tick labels, axis titles, legend, notes, the verdict
  bar's number) against what is behind it: 4.5:1, or 3:1 for large text (24 px, or bold 18.66 px).
  Not the numbers a heatmap prints on its cells (Step through's matrices): the cell behind each
  is a pixel of Plotly's image, not a colour the page can read.
* Charts are met as their words and table: the accessibility tree of a chart's box holds no
  image (Plotly's drawing read as unnamed images of tick text).
* Sliders: the value a screen reader hears is the one shown (0.0075, not position 11) and the
  name is said once.
"""

from __future__ import annotations

import re

HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.getClientRects().length > 0 && !h.closest('[aria-hidden="true"]'))
    .map(h => ({level: +h.tagName[1], text: h.innerText.trim(), id: h.id,
                anchors: h.querySelectorAll('a[href^="#"]').length}))"""

# WCAG's relative luminance and contrast ratio; a text's colour is blended over what is behind
# it (white, or the bar it is drawn inside) with its opacity
CONTRAST_JS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05);
  };
  const over = (c, a, bg) => c.slice(0, 3).map((v, i) => a * v + (1 - a) * bg[i]);
  const main = document.querySelector('[data-testid="stApp"]') || document.body;
  const paper = rgb(getComputedStyle(main).backgroundColor);
  const white = paper.length < 3 || paper[3] === 0 ? [255, 255, 255] : paper.slice(0, 3);
  const out = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    if (!gd.getBoundingClientRect().width) continue;  // in a closed tab
    for (const el of gd.querySelectorAll('svg.main-svg text')) {
      if (el.closest('.heatmaplayer')) continue;  // a number on a heatmap's cell (see above)
      const text = el.textContent.trim();
      if (!text || !el.getBoundingClientRect().width) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') continue;
      let bg = white;
      const point = el.closest('.point');
      if (point && el.classList.contains('bartext-inside')) {
        const ps = getComputedStyle(point.querySelector('path'));
        bg = over(rgb(ps.fill), parseFloat(ps.fillOpacity), bg);
      }
      const f = rgb(s.fill), alpha = parseFloat(s.fillOpacity) * (f.length > 3 ? f[3] : 1);
      const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
      const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      out.push({text: text.slice(0, 40), fill: s.fill, size, bold, need,
                ratio: ratio(over(f, alpha, bg), bg)});
    }
  }
  return out;
}"""

SLIDERS_JS = """() => [...document.querySelectorAll('[data-testid="stSlider"] input[type="range"]')]
    .map(input => {
      const shown = input.parentElement.parentElement
        .querySelector(':scope > [data-testid="stSliderThumbValue"]');
      // textContent: a slider in a folded expander shows its value once unfolded
      return {label: input.getAttribute('aria-label'), shown: shown && shown.textContent.trim(),
              valuetext: input.getAttribute('aria-valuetext'), position: input.value};
    })"""

DOUBLED = re.compile(r'slider "(.+) \1"')


def heading_problems(page) -> list[str]:
    """Skipped heading levels, shared ids and heading anchors on the page."""
    heads = page.evaluate(HEADINGS_JS)
    problems, last = [], 0
    for h in heads:
        if h["level"] > last + 1:
            problems.append(f"h{last} → h{h['level']} at {h['text']!r}")
        last = h["level"]
        if h["anchors"]:
            problems.append(f"a 'link to heading' anchor at {h['text']!r}")
    ids = [h["id"] for h in heads if h["id"]]
    problems += [
        f"two headings with id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
    return problems


def contrast_problems(page) -> list[str]:
    """Chart texts below AA contrast against what is behind them."""
    return [
        f"{c['text']!r} {c['fill']} at {c['size']:.1f}px{' bold' if c['bold'] else ''}: "
        f"{c['ratio']:.2f}:1 < {c['need']}:1"
        for c in page.evaluate(CONTRAST_JS)
        if c["ratio"] < c["need"]
    ]


def chart_tree_problems(page) -> list[str]:
    """Charts whose accessibility tree holds more than their words (an image of the drawing)."""
    problems = []
    boxes = page.locator(".js-plotly-plot")
    for k in range(boxes.count()):
        box = boxes.nth(k)
        if not box.is_visible():
            continue
        tree = box.aria_snapshot()
        if re.search(r"^\s*- (img|image)\b", tree, re.M):
            problems.append(f"chart {k} is read as its drawing:\n{tree[:300]}")
    return problems


def slider_problems(page) -> list[str]:
    """Sliders whose spoken value is not the one shown, or whose name is doubled."""
    problems = [
        f"slider {s['label']!r} says {s['valuetext']!r}, shows {s['shown']!r}"
        for s in page.evaluate(SLIDERS_JS)
        if s["shown"] is not None and s["valuetext"] != s["shown"]
    ]
    main = page.locator("body").aria_snapshot()
    problems += [f"slider named twice: {m.group(0)}" for m in DOUBLED.finditer(main)]
    return problems


def beyond_axe(page) -> list[str]:
    """Every problem above on the page as it is now."""
    return (
        heading_problems(page)
        + contrast_problems(page)
        + chart_tree_problems(page)
        + (slider_problems(page))
    )
