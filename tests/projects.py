"""Copies of the project for tests that change it: its configuration and sources, never its outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(folder: Path, templates: bool = False) -> Path:
    """folder/ made a copy of the project's clinic.yaml, sections.yaml and sources/ (and, with
    templates, a link to its templates/); return it."""
    folder.mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "sources", folder / "sources")
    if templates:
        (folder / "templates").symlink_to(ROOT / "templates")
    return folder
