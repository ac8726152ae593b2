"""The colours and type every figure shares (the app's theme colour is the cost line's)."""

COST_COLOR, TRAIN_COLOR, TEST_COLOR = "#d9480f", "#1971c2", "#2f9e44"
PALETTE = [  # ten runs told apart at a glance (no two oranges or two blues)
    "#d9480f",
    "#1971c2",
    "#2f9e44",
    "#9c36b5",
    "#f59f00",
    "#0c8599",
    "#e64980",
    "#495057",
    "#74b816",
    "#7048e8",
]
FONT = dict(size=16)

# zoom, pan, reset and save only: a narrower toolbar that clears a legend above the plot on a phone
MODEBAR = dict(remove=["zoomin", "zoomout", "autoscale", "lasso", "select"])
