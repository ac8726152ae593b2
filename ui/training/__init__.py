"""The training page's pieces: its buttons, Continue and One step, result tabs, files, link."""
