"""Builds shared by the whole test run, each made once, into its own tmp_path_factory folder.

They are read-only: a test that changes a project or an output folder copies it first
(`shutil.copytree`). Each build makes only what its tests look at: English alone where only
English is checked, French alone where one translated language is enough.

Rendering is CPU-bound and a test run is one process, so the shared builds are made in the
background: one spawned process, started while pytest collects, is handed the builds the selected
tests need when the run starts; it renders them (and extracts their PDFs' text, which is slow too)
on the core pytest leaves idle while the other tests run. The tests that use them run last
(pytest_collection_modifyitems), by when they are usually ready. A background build renders one
PDF after another (workers=1): on two cores a render pool, or a second background process, would
only compete with the tests.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from pipeline.build.builder import BuildOptions, build
from pipeline.config import Config, load_config
from pipeline.models import BuildReport

ROOT = Path(__file__).resolve().parent.parent
TOPIC = "immunotherapy"
# The sample topic has its own date of issue, so the outputs do not depend on this; it is
# pinned anyway so the shared builds (and the goldens made from one) never depend on the shell.
SOURCE_DATE_EPOCH = "1700000000"


# The running header and footer sit closer than this to a page's top or bottom edge (20 mm, in points).
MARGIN = 20 * 72 / 25.4


@dataclass(frozen=True)
class Built:
    """A finished build: the folder it wrote (read-only), what build() returned, its PDFs' text."""

    output: Path
    report: BuildReport
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # PDF path -> each page's text (pypdf)
    bodies: dict[str, str] = field(default_factory=dict)  # PDF path -> its text without header and footer

    def text(self, path: str) -> str:
        """The text of one of the build's PDFs, pages joined by newlines."""
        return "\n".join(self.texts[path])

    def body(self, path: str) -> str:
        """The text of one of the build's PDFs without its running header and footer, in reading order."""
        return self.bodies[path]


def _extract(pdf: Path) -> tuple[tuple[str, ...], str]:
    """Each page's text as pypdf extracts it, and the body text (what lies more than MARGIN from the
    top and bottom edges), in one pass: extracting a PDF's text takes about 0.25 s."""
    pages: list[str] = []
    body: list[str] = []
    for page in PdfReader(pdf).pages:
        height = float(page.mediabox.height)

        def keep(text: str, cm: list[float], tm: list[float], *_: object, height: float = height) -> None:
            if MARGIN < tm[5] * cm[3] + cm[5] < height - MARGIN:
                body.append(text)

        pages.append(page.extract_text(visitor_text=keep))
    return tuple(pages), "".join(body)


def pinned_config(root: Path = ROOT) -> Config:
    """The project's config with SOURCE_DATE_EPOCH pinned, as the shared builds use it."""
    return load_config(root, {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def _copy_project(folder: Path, languages: tuple[str, ...] | None = None, copy_templates: bool = False,
                 editorial: bool = True) -> Path:
    """A copy of the project to change: config, sources, the given languages (None: no locales/)."""
    root = folder / "project"
    root.mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    if not editorial:
        (root / "sources" / TOPIC / "editorial.yaml").unlink()
    if languages is not None:
        (root / "locales").mkdir()
        for name in ("ui.pot", "facts.pot"):
            shutil.copy(ROOT / "locales" / name, root / "locales" / name)
        for language in languages:
            shutil.copytree(ROOT / "locales" / language, root / "locales" / language)
    if copy_templates:
        shutil.copytree(ROOT / "templates", root / "templates")
    else:
        (root / "templates").symlink_to(ROOT / "templates")
    return root


def _build(output: Path, root: Path = ROOT, texts: bool = True, **options: Any) -> Built:
    """Build with SOURCE_DATE_EPOCH pinned, in this process; extract the text of every PDF made (texts)."""
    report = build(pinned_config(root), BuildOptions(output=output, workers=1, **options))
    extracted = {o.path: _extract(output / o.path) for o in report.outputs if texts}
    return Built(output, report, {path: pages for path, (pages, _) in extracted.items()},
                 {path: body for path, (_, body) in extracted.items()})


def build_english(output: Path) -> Built:
    """Build the sample topic in English, leaflet and summary: the build the goldens come from."""
    return _build(output, topics=(TOPIC,), locales=("en",))


# ---- What the background process makes: folder -> result ------------------------------------------


def _every_language(output: Path) -> Built:
    return _build(output, topics=(TOPIC,))


def _en_fr(output: Path) -> Built:
    return _build(output / "build", _copy_project(output, languages=("fr",), copy_templates=True), texts=False)


def _unedited(output: Path) -> Built:
    return _build(output / "build", _copy_project(output, editorial=False), locales=("en",), kinds=("leaflet",))


def _letter_summaries(output: Path) -> Built:
    return _build(output, texts=False, topics=(TOPIC,), page_size="Letter", kinds=("summary",))


def _print_shop(output: Path) -> Built:
    return _build(output, texts=False, topics=(TOPIC,), locales=("fr",), profile="print-shop")


def _large_print(output: Path) -> Built:
    return _build(output, texts=False, topics=(TOPIC,), locales=("fr",), profile="large-print")


def _english_shards(output: Path) -> tuple[Built, ...]:
    return tuple(_build(output / f"shard{index}", texts=False, locales=("en",), shard=(index, 2)) for index in (1, 2))


def _installed_package(output: Path) -> Any:
    from tests.test_package import installed_package_build

    return installed_package_build(output)


@dataclass(frozen=True)
class LaidOut:
    """The sample topic's review page as WeasyPrint lays it out for print."""

    html: str
    pages: int
    text: str  # every text box, in page order
    warnings: tuple[str, ...]  # what WeasyPrint logged


def _review_layout(_: Path) -> LaidOut:
    """Lay out the review page as WeasyPrint would print it, recording what it warns about."""
    import logging

    from weasyprint import HTML
    from weasyprint.formatting_structure.boxes import TextBox

    html = review_html()
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(f"{record.name}: {record.getMessage()}")  # type: ignore[method-assign]
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        document = HTML(string=html).render()
    finally:
        logger.removeHandler(handler)
    text = " ".join(box.text for page in document.pages for box in page._page_box.descendants()
                    if isinstance(box, TextBox))
    return LaidOut(html, len(document.pages), text, tuple(messages))


def prepared_sample():
    """The text stages' result for the sample topic."""
    from pipeline.prepare import prepare

    config = load_config(ROOT)
    return prepare(config, next(topic for topic in config.topics if topic.key == TOPIC))


def review_html() -> str:
    """The sample topic's review page, with all the build puts in it."""
    from pipeline.review.review_page import review_page

    prepared = prepared_sample()
    handout = prepared.handout
    return review_page(TOPIC, handout.title, prepared.cleaned, prepared.clusters, handout, prepared.conflicts,
                       prepared.decisions, "en", prepared.repeats, prepared.repeat_method)


# Fixture name -> what makes it: the fixtures below, made in the background when a test needs them.
# In the order the tests (in file order) first need them.
BACKGROUND: dict[str, Callable[[Path], Any]] = {
    "english_build": build_english,
    "full_build": _every_language,
    "unedited_build": _unedited,
    "letter_summaries": _letter_summaries,
    "en_fr_build": _en_fr,
    "installed_package": _installed_package,
    "english_shards": _english_shards,
    "print_shop_build": _print_shop,
    "large_print_build": _large_print,
    "review_layout": _review_layout,  # the longest: a 58-page layout, about 8 s
}


def _warm_up() -> None:
    """In the background process: load WeasyPrint, the stylesheet and the fonts, as a render pool's
    worker does (about 1.5 s), so that the first build starts at once."""
    from pipeline.build.render_pool import warm_up
    from pipeline.templates import shipped_templates

    warm_up(shipped_templates())


def _start_process() -> ProcessPoolExecutor:
    # Spawned, not forked: a fork would copy pytest's state and threads into the child.
    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    executor.submit(_warm_up)
    return executor


_EARLY: list[ProcessPoolExecutor] = []  # the background process, started during collection


def pytest_itemcollected(item: pytest.Item) -> None:
    """Start the background process as soon as a test that needs it is collected: it loads what it
    needs while pytest collects the rest (about 5 s, on one core)."""
    if not _EARLY and not item.config.option.collectonly and _uses_background(item):
        _EARLY.append(_start_process())


def pytest_unconfigure(config: pytest.Config) -> None:
    for executor in _EARLY:  # not taken by the run (deselected, or it stopped before)
        for process in list(executor._processes.values()):  # nothing to wait for: no build was handed to it
            process.terminate()
        executor.shutdown(cancel_futures=True)
    _EARLY.clear()


class Background:
    """The shared builds the selected tests need, made in one spawned process, in the order of BACKGROUND."""

    def __init__(self, names: set[str], tmp_path_factory: pytest.TempPathFactory) -> None:
        self.folders = {name: tmp_path_factory.mktemp(name.replace("_", "-")) for name in BACKGROUND}
        self.futures: dict[str, Future] = {}
        self.executor = None
        if names:
            self.executor = _EARLY.pop() if _EARLY else _start_process()
            self.futures = {name: self.executor.submit(make, self.folders[name])
                            for name, make in BACKGROUND.items() if name in names}

    def result(self, name: str) -> Any:
        """The named build, once made (here and now if the run did not ask for it at the start)."""
        future = self.futures.get(name)
        return future.result() if future else BACKGROUND[name](self.folders[name])

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)


def _uses_background(item: pytest.Item) -> bool:
    return bool(set(getattr(item, "fixturenames", ())) & set(BACKGROUND))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that use background builds last (in their order), to give the builds time."""
    items.sort(key=_uses_background)


@pytest.fixture(scope="session", autouse=True)
def background(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """Start the background builds the selected tests need, as the run starts."""
    needed = {name for item in request.session.items for name in getattr(item, "fixturenames", ())
              if name in BACKGROUND}
    made = Background(needed, tmp_path_factory)
    yield made
    made.close()


# ---- The shared builds ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def load_pinned_config() -> Callable[[Path], Config]:
    """load_config with SOURCE_DATE_EPOCH pinned: for builds on top of the shared ones."""
    return pinned_config


@pytest.fixture(scope="session")
def english_build(background) -> Built:
    """The sample topic in English, leaflet and summary (compared with tests/goldens/ by test_build.py)."""
    return background.result("english_build")


@pytest.fixture(scope="session")
def full_build(background) -> Built:
    """The sample topic in English and every shipped language: twelve PDFs."""
    return background.result("full_build")


@pytest.fixture(scope="session")
def en_fr_build(background) -> Built:
    """A copy of the project with English and French only (templates copied too), built: four PDFs."""
    return background.result("en_fr_build")


@pytest.fixture(scope="session")
def en_fr_project(en_fr_build) -> Path:
    """The project en_fr_build was made from (read-only: copy it to change it)."""
    return en_fr_build.output.parent / "project"


@pytest.fixture(scope="session")
def unedited_build(background) -> Built:
    """The English leaflet of a copy of the project without its editorial.yaml."""
    return background.result("unedited_build")


@pytest.fixture(scope="session")
def letter_summaries(background) -> Built:
    """Every language's summary on US Letter paper."""
    return background.result("letter_summaries")


@pytest.fixture(scope="session")
def print_shop_build(background) -> Built:
    """French for the print shop: bleed, crop marks, PDF/X-4."""
    return background.result("print_shop_build")


@pytest.fixture(scope="session")
def large_print_build(background) -> Built:
    """French in large print."""
    return background.result("large_print_build")


@pytest.fixture(scope="session")
def english_shards(background) -> tuple[Built, ...]:
    """The English build in two shards (--shard 1/2 and 2/2), each in its own folder."""
    return background.result("english_shards")


@pytest.fixture(scope="session")
def review_layout(background) -> LaidOut:
    """The sample topic's review page, laid out for print."""
    return background.result("review_layout")


@pytest.fixture(scope="session")
def installed_package(background) -> Any:
    """The sample clinic built by the package installed from a wheel (tests/test_package.py)."""
    return background.result("installed_package")


@pytest.fixture(scope="session")
def browser() -> Any:
    """Headless Chromium (tests/browser_page.py), launched once for the browser tests of every module."""
    from tests.browser_page import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def prepared_topic():
    """The text stages' result for the sample topic (frozen dataclasses: nothing to copy)."""
    return prepared_sample()
