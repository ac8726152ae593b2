"""Entry point: the router (see ui/router.py) draws the sidebar and the page the URL names."""

from ui.shell.router import main

main()
