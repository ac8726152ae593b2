"""The colours, line styles and type every figure shares.

Colours are Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008): under
simulated deuteranopia and protanopia any two of them stay apart (tests/test_palette.py checks
it with the Machado 2009 and Viénot 1999 simulations). Colour is never the only cue: the cost,
train and test accuracy lines differ in dash style too, runs in a comparison in marker symbol,
and every curve is named in the legend.
"""

VERMILLION, BLUE, BLUISH_GREEN = "#D55E00", "#0072B2", "#009E73"
REDDISH_PURPLE, BLACK, ORANGE, SKY_BLUE = "#CC79A7", "#000000", "#E69F00", "#56B4E9"

COST_COLOR, TRAIN_COLOR, TEST_COLOR = VERMILLION, BLUE, BLUISH_GREEN
# the lines' dash styles: cost solid, test accuracy dashed, train accuracy dotted
COST_DASH, TEST_DASH, TRAIN_DASH = "solid", "dash", "dot"
# runs told apart at a glance: the five colours with 3:1 contrast or more on white first, then
# the two lighter ones (each run also has its own marker symbol, so colour is never the only cue)
PALETTE = [VERMILLION, BLUE, BLUISH_GREEN, REDDISH_PURPLE, BLACK, ORANGE, SKY_BLUE]
SYMBOLS = [  # one per run, in the same order as PALETTE (and beyond)
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "x",
    "cross",
    "star",
    "pentagon",
    "hourglass",
    "triangle-down",
]
FONT = dict(size=16)

# zoom, pan, reset and save only: a narrower toolbar that clears a legend above the plot on a phone
MODEBAR = dict(remove=["zoomin", "zoomout", "autoscale", "lasso", "select"])


def run_style(k: int) -> tuple[str, str]:
    """The colour and marker symbol of the ``k``-th run in a comparison."""
    return PALETTE[k % len(PALETTE)], SYMBOLS[k % len(SYMBOLS)]


# Chart text (ticks, axis titles, legends, notes, colour bars) in the page's own text colour:
# 12.6:1 on white. Streamlit's chart theme draws it in #808495, 3.7:1, below AA's 4.5:1.
TEXT_COLOR = "#31333F"


def legible(fig):
    """``fig`` with every text Plotly draws around the data in :data:`TEXT_COLOR`.

    Set in the figure's layout (not its template: Streamlit's theme replaces the template), and
    only where the figure chose no colour of its own (a note drawn on a coloured cell keeps its).
    """
    fig.update_layout(font_color=TEXT_COLOR, legend_font_color=TEXT_COLOR)
    fig.for_each_xaxis(lambda ax: _axis(ax))
    fig.for_each_yaxis(lambda ax: _axis(ax))
    for note in fig.layout.annotations:
        if note.font.color is None:
            note.font.color = TEXT_COLOR
    if fig.layout.coloraxis.colorbar is not None:
        _bar(fig.layout.coloraxis.colorbar)
    for trace in fig.data:
        if "colorbar" in trace:
            _bar(trace.colorbar)
    return fig


def _axis(ax) -> None:
    if ax.tickfont.color is None:
        ax.tickfont.color = TEXT_COLOR
    if ax.title.font.color is None:
        ax.title.font.color = TEXT_COLOR


def _bar(bar) -> None:
    if bar.tickfont.color is None:
        bar.tickfont.color = TEXT_COLOR
    if bar.title.font.color is None:
        bar.title.font.color = TEXT_COLOR
