"""The class board (/board): a teacher starts a class; the class's runs and answers, live."""

import dnn
from ui.board import view
from ui.core.data import shared_data
from ui.shell.router import guard

guard()

try:
    shared = shared_data()
except dnn.DatasetError:  # the board works without the data; only the lesson's stars need it
    shared = None
view.page(shared)
