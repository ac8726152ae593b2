"""The rooms of ui/ and which way their imports may point (read from the source, not by running it).

- ``dnn`` never imports ``ui``;
- ``ui.core`` imports only ``ui.core`` (plus ``dnn`` and third-party code);
- ``ui.widgets`` imports ``ui.core`` and ``ui.widgets``;
- a feature (``ui.training``, ``ui.grid``, …) imports ``ui.core``, ``ui.widgets`` and itself,
  never another feature or the shell;
- ``ui.shell`` imports ``ui.core``, ``ui.shell`` and each feature's public entry point for links,
  its ``link`` module, only.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "widgets", "shell")
ALLOWED = {
    "core": {"core"},
    "widgets": {"core", "widgets"},
    "shell": {"core", "shell"},
}
ENTRY_FOR_SHELL = "link"  # the one module of a feature that the shell may import


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imported(source: str, module: str, is_package: bool = False) -> set[str]:
    """The dotted names a source imports (``from a import b``: a.b if b is a module, else a)."""
    names = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            subs = [alias.name for alias in node.names if is_module(f"{base}.{alias.name}")]
            names.update(f"{base}.{sub}" for sub in subs)
            if len(subs) < len(node.names):  # names from the module itself
                names.add(base)
    return names


def room(name: str) -> str | None:
    """``core``, ``widgets``, ``shell``, a feature's name, or None outside ``ui`` and for ``ui``."""
    parts = name.split(".")
    if parts[0] != "ui" or len(parts) < 2:
        return None
    return parts[1]


def violations(module: str, names: set[str], features: set[str]) -> list[str]:
    """What ``module`` imports that its room may not (empty when it keeps the rules)."""
    own = room(module)
    bad = []
    for name in sorted(names):
        if name.startswith("pages"):
            bad.append(f"{module} imports the page {name}")
        target = room(name)
        if target is None or target == own:
            continue
        if target not in LAYERS and target not in features:  # ui.<leaf module>: not a room
            target = name.split(".")[1]
        if own in ALLOWED:
            ok = target in ALLOWED[own]
            if own == "shell" and target in features:
                ok = name.split(".")[2:3] == [ENTRY_FOR_SHELL]
        else:  # a feature
            ok = target in ("core", "widgets")
        if not ok:
            bad.append(f"{module} ({own}) imports {name} ({target})")
    return bad


def ui_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted((ROOT / "ui").rglob("*.py"))}


def features() -> set[str]:
    rooms = {p.name for p in (ROOT / "ui").iterdir() if p.is_dir() and not p.name.startswith("_")}
    return rooms - set(LAYERS)


def test_every_ui_module_imports_only_what_its_room_may():
    feats = features()
    found = []
    for module, path in ui_modules().items():
        names = imported(path.read_text(), module, path.name == "__init__.py")
        found += violations(module, names, feats)
    assert found == []


def test_the_engine_never_imports_ui():
    for path in (ROOT / "dnn").rglob("*.py"):
        names = imported(path.read_text(), module_name(path), path.name == "__init__.py")
        assert not {n for n in names if n == "ui" or n.startswith("ui.")}, path


def test_ui_has_a_handful_of_top_level_modules_and_one_folder_per_room():
    top = sorted(p.name for p in (ROOT / "ui").glob("*.py"))
    assert top == ["__init__.py"]
    assert {"core", "widgets", "shell"} <= {p.name for p in (ROOT / "ui").iterdir()}
    assert {"training", "grid", "prediction", "classes", "step", "theory", "board"} <= features()


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("ui.core.runs", "from ui.widgets import controls"),  # the core draws no widget
        ("ui.core.runs", "from ui.grid.model import Grid"),  # nor knows a feature
        ("ui.widgets.verdict", "from ui.shell import links"),
        ("ui.grid.view", "from ui.training import tabs"),  # a feature never imports another
        ("ui.grid.view", "import ui.classes.sets"),
        ("ui.classes.training", "from ui.shell.router import guard"),
        ("ui.shell.links", "from ui.grid.view import section"),  # only a feature's link module
        ("ui.step.view", "from pages import step"),
        ("ui.training.actions", "from ui.board import sharing"),  # runs reach it through core
        ("ui.grid.view", "from ui.board.store import post_run"),
        ("ui.board.view", "from ui.training import tabs"),
        ("ui.board.live", "from ui.shell import links"),
        ("ui.shell.router", "from ui.board.student import sidebar"),  # only its link module
    ],
)
def test_the_rule_check_catches_a_deliberate_violation(module, source):
    names = imported(source, module)
    assert violations(module, names, features())


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("ui.core.live", "from ui.core import compute\nimport dnn\nimport streamlit as st"),
        ("ui.widgets.run_panel", "from ui.core.runs import RunRecord"),
        ("ui.grid.view", "from ui.widgets import controls\nfrom ui.grid import model"),
        ("ui.shell.links", "from ui.grid import link\nfrom ui.training.link import choose"),
        ("ui.shell.router", "from ui.board import link as board_link"),
        ("ui.board.sharing", "from ui.core import runs\nfrom ui.board import db, store"),
    ],
)
def test_the_rule_check_lets_allowed_imports_through(module, source):
    assert violations(module, imported(source, module), features()) == []
