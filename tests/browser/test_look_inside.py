"""Look inside on the prediction page, drawn in Chromium at a phone's and a projector's width.

Every text of the layer panels and of the gradient map (panel titles, tick labels, axis titles)
must be readable: no two overlap, none is cut by its chart's edge.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import assert_no_errors, open_page, wait_settled

pytestmark = pytest.mark.browser

# In every chart of the open expander: its texts as [text, box], and the pairs that overlap or
# reach outside the chart.
TEXT_CLASHES_JS = """(expander) => {
    const out = {charts: 0, texts: [], clashes: []};
    for (const plot of expander.querySelectorAll('.js-plotly-plot')) {
        out.charts += 1;
        const chart = plot.querySelector('svg.main-svg').getBoundingClientRect();
        const boxes = [...plot.querySelectorAll('svg text')]
            .filter(t => (t.textContent || '').trim())
            .map(t => [t.textContent.trim(), t.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && r.height > 0);
        for (const [s, r] of boxes) {
            out.texts.push(s);
            if (r.left < chart.left - 1 || r.right > chart.right + 1) {
                out.clashes.push(`"${s}" is cut by its chart`);
            }
        }
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [a, r] = boxes[i], [b, q] = boxes[j];
            if (r.left < q.right - 1 && q.left < r.right - 1
                    && r.top < q.bottom - 1 && q.top < r.bottom - 1) {
                out.clashes.push(`"${a}" overlaps "${b}"`);
            }
        }
    }
    return out;
}"""


def look_inside(page, path: str, photo) -> object:
    """Open ``path``, upload ``photo``, open its "🔍 Look inside"; the expander, drawn."""
    open_page(page, path)
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="10 MB")
    uploader.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(photo))
    expander = page.locator('[data-testid="stExpander"]').filter(has_text="🔍").first
    expander.locator("summary").first.click()
    expander.locator(".js-plotly-plot").nth(1).wait_for()
    wait_settled(page)
    return expander


@pytest.mark.parametrize(
    ("width", "height", "lang"), [(390, 844, "en"), (390, 844, "zh"), (1280, 720, "en")]
)
def test_look_inside_is_readable_at_every_width(
    browser, server, data, tmp_path, width, height, lang
):
    context = browser.new_context(
        viewport={"width": width, "height": height}, base_url=server, device_scale_factor=2
    )
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        photo = tmp_path / "cat.jpg"
        Image.fromarray(data.test_images[1]).resize((512, 512), Image.BICUBIC).save(photo)
        expander = look_inside(page, f"/prediction?lang={lang}", photo)
        found = expander.evaluate(TEXT_CLASHES_JS)
        assert found["charts"] == 2
        assert not found["clashes"], found["clashes"]
        # the short panel titles are drawn whole; the long explanations are in the caption
        cat = "P(猫)" if lang == "zh" else "P(cat)"
        for title in ("A[1]", "A[2]", "A[3]", f"A[4] = {cat}", "|∂P/∂x|", "∂P/∂x"):
            assert any(text.startswith(title) for text in found["texts"]), title
        caption = "最敏感的地方" if lang == "zh" else "where P(cat) is most sensitive"
        assert caption in expander.inner_text()
        assert_no_errors(page)
    finally:
        context.close()


# The middle panel's heatmap: its box on the page and the |∂P/∂x| it maps (the app's numbers).
SENSITIVITY_JS = """(expander) => {
    const plot = expander.querySelectorAll('.js-plotly-plot')[1];
    const box = plot.querySelector('.subplot.x2y2 .heatmaplayer').getBoundingClientRect();
    const k = plot.data.findIndex(d => (d.hovertemplate || '').includes('|∂P/∂x|'));
    const z = plot.calcdata[k][0].z;  // as Plotly.js drew it: rows of numbers
    return {box: [box.left, box.top, box.width, box.height], z: Array.from(z, r => Array.from(r))};
}"""


def test_the_sensitivity_map_is_drawn_dark_where_p_is_sensitive(browser, server, tmp_path):
    """Review item 2, as Chromium draws it: the middle panel's darkness was the picture's grey
    copy under it (the photo's hill); it must follow the map's own |∂P/∂x|."""
    import numpy as np

    import dnn

    context = browser.new_context(viewport={"width": 1280, "height": 720}, base_url=server)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        photo = Path(__file__).parents[1] / "files" / "photo.jpg"
        expander = look_inside(page, "/prediction", photo)
        expander.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed()
        found = expander.evaluate(SENSITIVITY_JS)
        x, y, w, h = found["box"]
        shot = page.screenshot(clip=dict(x=x + 1, y=y + 1, width=w - 2, height=h - 2))
        grey = np.asarray(Image.open(io.BytesIO(shot)).convert("L").resize((64, 64), Image.BOX))
        drawn = 255 - grey.astype(float).ravel()
        magnitude = np.asarray(found["z"], dtype=float).ravel()
        seen = dnn.preprocess_image(photo)  # what the model sees: 64×64
        picture_dark = 255 - seen.astype(float).mean(axis=2).ravel()
        with_gradient = np.corrcoef(drawn, magnitude)[0, 1]
        with_picture = np.corrcoef(drawn, picture_dark)[0, 1]
        print(f"Chromium: darkness vs |dP/dx| {with_gradient:.3f}, vs picture {with_picture:.3f}")
        assert with_gradient > 0.9
        assert abs(with_picture) < 0.3
        assert_no_errors(page)
    finally:
        context.close()
