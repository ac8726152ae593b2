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
