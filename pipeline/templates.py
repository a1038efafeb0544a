"""The templates and assets a project renders with: its own first, file by file, then the defaults.

A clinic overrides a shipped file by putting one of the same name under `<root>/templates/`
(`base.html`, `assets/print.css`, `assets/logo.png` ...), the way MkDocs and Pelican themes
work; every file it does not override comes from the defaults shipped with handout. Rendering,
the review page, the incremental plan (which hashes `files()`) and the config checks all look
files up here, so they always agree on which file is used.
"""

from __future__ import annotations

import re
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
# The tags by which a template uses another. Jinja2's own parser (jinja2.meta) finds the same
# names but takes a tenth of a second to warm up, which a no-op build would pay every time.
_USES = re.compile(r"\{%-?\s*(?:extends|include|import|from)\s+(?P<name>\S+)")
_LITERAL = re.compile(r"""(["'])(?P<name>[^"']+)\1""")


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

    def closure(self, name: str) -> frozenset[str]:
        """The template `name` and every template it extends, includes or imports, however deep."""
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            path = self.find(current)
            if current in seen or path is None:
                continue
            seen.add(current)
            for use in _USES.finditer(path.read_text(encoding="utf-8")):
                literal = _LITERAL.fullmatch(use["name"])
                if literal is None:  # a name computed at render time: it may be any template
                    return frozenset(n for n in self.files() if not n.startswith(f"{ASSETS}/"))
                todo.append(literal["name"])
        return frozenset(seen)

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
