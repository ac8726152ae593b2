"""The link codec as the app's pages use it: with the grid's part of a link."""

from ui.core import url_state
from ui.grid import link as grid_link

SECTIONS = (grid_link.SECTION,)  # the page's links hold the grid's part too


def parse(query):
    return url_state.parse(query, SECTIONS)


def encode(link):
    return url_state.encode(link, SECTIONS)


def grid_of(link):
    return link.extra.get("grid", {})
