"""Which file a URL may show: the output folder's files, and the project's sources/ for the source view.

A URL path is turned into a file only if it stays inside its folder once resolved: "..",
absolute paths, hidden names (.lock, .state/) and symlinks leading out are refused (None, a 404),
so the server never shows anything of the machine or the project beyond what a preview needs.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from pipeline.serve.views import Preview

SOURCES = "sources"
MANIFEST = "manifest.json"


def inside(folder: Path, relative: str) -> Path | None:
    """The regular file folder/relative, or None if relative leaves folder in any way."""
    if not relative or "\0" in relative or "\\" in relative:
        return None
    parts = PurePosixPath(relative).parts
    if relative.startswith("/") or any(part in ("..", ".") or part.startswith(".") for part in parts):
        return None
    base = folder.resolve()
    try:
        target = (base / relative).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, a symlink loop
        return None
    return target if target.is_relative_to(base) and target.is_file() else None


def source_file(root: Path, relative: str) -> Path | None:
    """The source file root/relative (e.g. "sources/<topic>/<file>"), only if it is under sources/."""
    parts = PurePosixPath(relative).parts
    if not parts or parts[0] != SOURCES:
        return None
    return inside(root / SOURCES, "/".join(parts[1:]))


def read_manifest(output: Path) -> tuple[Preview, ...] | None:
    """The previews manifest.json lists, or None when there is none (a failed build removes it)."""
    try:
        rows = json.loads((output / MANIFEST).read_text(encoding="utf-8"))["outputs"]
        return tuple(Preview(str(row["path"]), str(row["topic"]), str(row["locale"]), str(row["kind"]))
                     for row in rows)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def review_pages(output: Path, topics: set[str]) -> dict[str, bool]:
    """topic -> whether <topic>/review.html is on disk, for the listed topics and any other on disk."""
    found = {topic: (output / topic / "review.html").is_file() for topic in topics}
    for page in output.glob("*/review.html"):
        if not page.parent.name.startswith("."):
            found[page.parent.name] = True
    return found


def locale_versions(relative: str, previews: tuple[Preview, ...]) -> list[tuple[str, str]]:
    """(locale, path) of the same topic and kind in every locale the manifest lists, itself included:
    "en/immunotherapy-leaflet.html" -> [("ar", "ar/immunotherapy-leaflet.html"), ("en", ...), ...].
    The manifest, not the folders on disk: a language an earlier build made and this one left out
    (a broken catalog, a language no longer begun) is not offered as current."""
    page = next((preview for preview in previews if preview.html == relative), None)
    if page is None:
        return []
    return sorted((preview.locale, preview.html) for preview in previews
                  if preview.topic == page.topic and preview.kind == page.kind)


def topic_of(output: Path, relative: str, previews: tuple[Preview, ...]) -> str | None:
    """The topic a preview belongs to: as listed, else the longest topic folder its name starts with."""
    for preview in previews:
        if preview.html == relative:
            return preview.topic
    name = PurePosixPath(relative).name
    topics = [page.parent.name for page in output.glob("*/review.html")]
    matching = sorted((topic for topic in topics if name.startswith(f"{topic}-")), key=len)
    return matching[-1] if matching else None
