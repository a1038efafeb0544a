"""Copies of the project for tests that change it: its configuration and sources, never its outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.config import load_config
from pipeline.prepare import Prepared, prepare

ROOT = Path(__file__).resolve().parent.parent


def copy_project(folder: Path, templates: bool = False, locales: tuple[str, ...] | None = None) -> Path:
    """folder/ made a copy of the project's clinic.yaml, sections.yaml and sources/; return it.

    templates: also a link to its templates/. locales: also its translators' templates
    (locales/*.pot) and the folders of these languages (() for the templates alone).
    """
    folder.mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "sources", folder / "sources")
    if templates:
        (folder / "templates").symlink_to(ROOT / "templates")
    if locales is not None:
        (folder / "locales").mkdir()
        for name in ("ui.pot", "facts.pot"):
            shutil.copy(ROOT / "locales" / name, folder / "locales" / name)
        for language in locales:
            shutil.copytree(ROOT / "locales" / language, folder / "locales" / language)
    return folder


def preview_pages(output: Path) -> list[Path]:
    """The HTML written beside each PDF of a build: output/<locale>/<topic>-<kind>.html (not a
    topic's review.html)."""
    return sorted(pdf.with_suffix(".html") for pdf in output.glob("*/*.pdf"))


def small_project(root: Path) -> Path:
    """root/ made a project of one small topic, sources/small, of one page (a.txt)."""
    (root / "sources/small").mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    (root / "sources/small/topic.yaml").write_text('title: In brief\nversion: "1.0"\nissued: 2026-01-01\n',
                                                   encoding="utf-8")
    (root / "sources/small/a.txt").write_text(
        "Immunotherapy\n\nImmunotherapy is a treatment that helps your immune system fight cancer.\n\n"
        "Tiredness and skin rash are common side effects.\n", encoding="utf-8")
    return root


def one_topic_project(root: Path, text: str, editorial: str = "", topic: str = "radio",
                      title: str = "Radiotherapy", publisher: str = "") -> Path:
    """root/ made a project of one topic with one source, a.txt holding text (and the topic's
    editorial.yaml when given; publisher: the source's, as topic.yaml gives it), with the
    project's clinic.yaml and sections.yaml; return it."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    folder = root / "sources" / topic
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    sources = f"sources:\n  - file: a.txt\n    publisher: {publisher}\n" if publisher else ""
    (folder / "topic.yaml").write_text(f"title: {title}\nversion: '1'\nissued: 2026-01-01\n{sources}", encoding="utf-8")
    if editorial:
        (folder / "editorial.yaml").write_text(editorial, encoding="utf-8")
    return root


def prepared_one_topic(root: Path) -> Prepared:
    """The text stages of the project at root's only topic, without other pages of its sites."""
    config = load_config(root)
    return prepare(config, config.topics[0], site_files=[])


def printed_texts(prepared: Prepared) -> list[str]:
    """The wording of each statement the leaflet prints, in order."""
    return [e.cluster.canonical.text for s in prepared.handout.sections for e in s.entries]
