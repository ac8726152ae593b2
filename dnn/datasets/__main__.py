"""``python -m dnn.datasets download|check [--dir DIR] [--mirror URL ...]``."""

from dnn.datasets.download import main

raise SystemExit(main())
