"""The package's shape: imports point one way (pyproject.toml's layer contract), and every
module sits in a layer, so a new module cannot slip past the contract."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in contract["layers"] for name in layer.split("|")]


def test_imports_keep_to_the_layers():
    # In its own process: import-linter configures logging, which the other tests rely on.
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"a module imports from a layer above it:\n{result.stdout[-3000:]}"


def test_every_module_is_in_a_layer():
    layers = _layers()
    modules = ["pipeline." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
               for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"]
    outside = sorted(m for m in modules if not any(m == layer or m.startswith(layer + ".") for layer in layers))
    assert not outside, f"add these to the layers of pyproject.toml: {outside}"


def test_subpackages_group_the_stages_by_concern():
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert packages == ["build", "evaluation", "i18n", "render", "review", "serve", "text"]
    # Each subpackage says in its docstring what it holds: the file list is the architecture.
    for name in packages:
        assert len((PACKAGE / name / "__init__.py").read_text(encoding="utf-8").strip()) > 40, name


def _modules() -> dict[str, Path]:
    return {".".join(path.relative_to(PACKAGE).with_suffix("").parts): path
            for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"}


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def test_no_two_modules_share_a_name_or_differ_by_a_letter():
    names = sorted(name.rsplit(".", 1)[-1] for name in _modules())
    assert len(names) == len(set(names)), "two modules share a name"
    close = [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if _one_edit_apart(a, b)]
    assert not close, f"module names a letter apart read as one: {close}"


def test_no_two_classes_share_a_name():
    import ast

    defined: dict[str, list[str]] = {}
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                defined.setdefault(node.name, []).append(module)
    shared = {name: modules for name, modules in defined.items() if len(modules) > 1}
    assert not shared, f"one class name for different things: {shared}"
