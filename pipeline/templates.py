"""The templates and assets a project renders with: its own first, file by file, then the defaults.

A clinic overrides a shipped file by putting one of the same name under `<root>/templates/`
(`base.html`, `assets/print.css`, `assets/logo.png` ...), the way MkDocs and Pelican themes
work; every file it does not override comes from the defaults shipped with handout. Rendering,
the review page, the incremental plan and the config checks all look files up here, so they
always agree on which file is used.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

if TYPE_CHECKING:
    from pipeline.models import Cluster

PROJECT_TEMPLATES = "templates"  # a project's own templates, under its root
ASSETS = "assets"  # the only files a rendered page may load, under each templates folder
FONTS = f"{ASSETS}/fonts"


def shipped_folder() -> Path:
    """The default templates: inside the installed package, or beside it in a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "default_templates"  # where pyproject.toml puts templates/ in a wheel
    return installed if installed.is_dir() else package.parent / PROJECT_TEMPLATES


@dataclass(frozen=True)
class TemplateSet:
    """Folders searched in order for a template or asset: the project's own, then the defaults."""

    folders: tuple[Path, ...]

    @property
    def asset_folders(self) -> tuple[Path, ...]:
        """Where assets are looked up, in the same order."""
        return tuple(folder / ASSETS for folder in self.folders)

    @property
    def base_url(self) -> str:
        """The URL relative links in a template resolve against (its `assets/...`)."""
        return self.folders[0].as_uri() + "/"

    def find(self, relative: str) -> Path | None:
        """The file that `relative` (e.g. "assets/print.css") names: the first folder that has it."""
        for folder in self.folders:
            path = (folder / relative).resolve()
            if path.is_relative_to(folder) and path.is_file():
                return path
        return None

    def asset(self, relative: str) -> Path:
        """An asset that must exist (a stylesheet the renderer needs)."""
        path = self.find(f"{ASSETS}/{relative}")
        if path is None:
            raise FileNotFoundError(f"no {ASSETS}/{relative} in {', '.join(map(str, self.folders))}")
        return path

    def files(self) -> dict[str, Path]:
        """Every file in effect, by its path relative to a templates folder (overrides win)."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                if "__pycache__" in path.parts or path.name.startswith("."):
                    continue
                found[path.relative_to(folder).as_posix()] = path
        return dict(sorted(found.items()))

    def font_files(self) -> tuple[Path, ...]:
        """The bundled fonts in effect (TrueType files under assets/fonts/)."""
        return tuple(path for name, path in self.files().items()
                     if name.startswith(f"{FONTS}/") and name.endswith(".ttf"))

    def digest(self) -> str:
        """A hash of every file in effect, with its relative path: what a render depends on."""
        parts = [f"{name}:{hashlib.sha256(path.read_bytes()).hexdigest()}" for name, path in self.files().items()]
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def environment(self) -> Environment:
        """The Jinja2 environment every page is filled with: autoescaped, strict about undefined names."""
        return _environment(self)


def template_set(root: Path) -> TemplateSet:
    """The templates of the project at root: `<root>/templates/` (when it exists), then the defaults."""
    shipped = shipped_folder()
    own = (root / PROJECT_TEMPLATES).resolve()
    folders = (own, shipped) if own.is_dir() and own != shipped else (shipped,)
    return TemplateSet(folders)


def shipped_templates() -> TemplateSet:
    """The default templates alone (tests and callers with no project)."""
    return TemplateSet((shipped_folder(),))


@cache
def _environment(templates: TemplateSet) -> Environment:
    # One environment per template set and process: Jinja2 caches compiled templates in it.
    environment = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in templates.folders]),
        autoescape=select_autoescape(["html"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["provenance"] = provenance
    return environment


def provenance(cluster: Cluster) -> str:
    """The `provenance` filter: "file:line ..." of every source statement behind a printed fact."""
    return " ".join(f"{fact.source}:{fact.line}" for fact in cluster.members)
