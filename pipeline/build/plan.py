"""What a build must produce, and what each output depends on, by content hash.

Each output gets a key: a hash of every input it depends on. A rebuild compares keys with the
ones recorded beside the outputs (records.py) and renders only what changed, so a clock or a
`touch` never triggers work, and an edit always does:

- everything: the pipeline's code, clinic.yaml, sections.yaml, the page size and print profile,
  and the versions of the renderer's packages;
- the templates in effect (the project's own templates/ first, then the shipped defaults), each
  output only those it uses: a PDF its kind's template and every template that one extends,
  includes or imports, and the assets (CSS, fonts, images) but for other profiles' stylesheets
  and the review page's; the review page its template and stylesheet, the clinic's
  plain-words.yaml, and the versions of the spelling check's and word frequencies' packages;
- a topic's outputs: its folder under sources/ (texts, topic.yaml, editorial.yaml; never a hidden
  file, which config does not read either) and each source file it reads, the
  pages of the same publishers in other topics (cleaning removes the lines a site prints on
  each of its pages), locales/facts.pot (the register of fact ids), and its date of issue
  (which a topic without one takes from SOURCE_DATE_EPOCH);
- one language's outputs: its locales/<lang>/LC_MESSAGES/*.po and its sign-off, locales/<lang>/review.yaml.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from pipeline.build import records
from pipeline.config import Config, Topic, other_topics_files
from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import is_source_language
from pipeline.i18n.po_files import DOMAINS, po_path, template_path, topic_prefix
from pipeline.i18n.review_status import record_path
from pipeline.i18n.translations import begun_topics, facts_file
from pipeline.text.site_template import same_site_files
from pipeline.models import OutputKind
from pipeline.render.profiles import DEFAULT_PROFILE, KINDS, PRINT_PROFILES
from pipeline.review.plain_language import PROJECT_FILE as PLAIN_WORDS
from pipeline.review.review_page import STYLESHEET as REVIEW_STYLESHEET
from pipeline.review.review_page import TEMPLATE as REVIEW_TEMPLATE
from pipeline.templates import ASSETS, TemplateSet

PACKAGE = Path(__file__).resolve().parents[1]  # all of pipeline/, not just this subpackage
# Packages whose versions change the bytes of a PDF.
# wordfreq: the summary prefers statements in everyday words (compose._plainness).
RENDER_PACKAGES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "fonttools", "pyphen", "jinja2", "babel",
                   "wordfreq")
# Packages whose versions change the review page only (the spelling check's dictionaries, word frequencies).
REVIEW_PACKAGES = ("pyspellchecker", "wordfreq")


@dataclass(frozen=True)
class Job:
    """One PDF to produce (with its HTML preview)."""

    topic: str
    locale: str
    kind: OutputKind
    path: str  # relative to the output folder, e.g. "fr/immunotherapy-leaflet.pdf"
    key: str  # hash of everything the PDF depends on


@dataclass(frozen=True)
class TopicFiles:
    """A topic's own outputs (facts.json, review.html): they depend on the text stages only."""

    topic: str
    paths: tuple[str, ...]
    key: str


@dataclass(frozen=True)
class Plan:
    jobs: tuple[Job, ...]
    topic_files: tuple[TopicFiles, ...]


def pdf_path(topic: str, locale: str, kind: OutputKind, profile: str = DEFAULT_PROFILE) -> str:
    """Where a PDF goes, relative to the output folder; other profiles say so in the name."""
    suffix = "" if profile == DEFAULT_PROFILE else f"-{profile}"
    return f"{locale}/{topic}-{kind}{suffix}.pdf"


def parse_shard(text: str) -> tuple[int, int]:
    """ "2/4" -> (2, 4): the second of four slices."""
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError as exc:
        raise HandoutError(f"--shard {text!r}: use I/N, e.g. 1/4") from exc
    if not 1 <= index <= count:
        raise HandoutError(f"--shard {text!r}: I must be between 1 and N")
    return index, count


def make_plan(config: Config, topics: list[Topic], locales: tuple[str, ...], page_size: str,
              profile: str, shard: tuple[int, int] = (1, 1), kinds: tuple[OutputKind, ...] = KINDS,
              left_out: Collection[tuple[str, str]] = ()) -> Plan:
    """Every output of the build (or of one shard of it), each with its key.

    left_out: (topic, locale) pairs not to build, taken out before the shards are dealt, so the
    shards still make up the whole build.
    """
    file_digest = cache(_file_digest)  # a file many topics read (a site's pages, the catalogs) is hashed once a plan
    common = _digest([_code_digest(),
                      file_digest(config.root / "clinic.yaml"), file_digest(config.root / "sections.yaml"),
                      page_size, profile, _versions(RENDER_PACKAGES)])
    # Each template file is hashed once; each output's key takes the files it is made with.
    files = {name: _file_digest(path) for name, path in config.templates.files().items()}
    review_templates = _files_digest(files, _review_templates(config.templates))
    kind_templates = {kind: _files_digest(files, _pdf_templates(config.templates, files, kind, profile))
                      for kind in kinds}
    language_keys = {locale: _language_digest(config.root, locale, file_digest) for locale in locales}
    jobs, topic_files = [], []
    for topic in topics:
        # Its sites' pages in other topics: cleaning removes what they print too (site_template).
        site_files = same_site_files([meta for _, meta in topic.sources], other_topics_files(config, topic))
        topic_key = _digest([common, _topic_digest(topic, config.root, file_digest),
                             file_digest(template_path(config.root, "facts")),
                             topic.issued, *sorted(f"{_relative(path, config.root)}:{file_digest(path)}"
                                                   for path, _ in site_files)])
        topic_files.append(TopicFiles(topic.key, (f"{topic.key}/facts.json", f"{topic.key}/review.html"),
                                      _digest([topic_key, review_templates, _versions(REVIEW_PACKAGES),
                                               file_digest(config.root / PLAIN_WORDS)])))
        for locale in (locale for locale in locales if (topic.key, locale) not in left_out):
            locale_key = language_keys[locale]
            for kind in kinds:
                key = _digest([topic_key, locale, locale_key, kind, kind_templates[kind]])
                jobs.append(Job(topic.key, locale, kind, pdf_path(topic.key, locale, kind, profile), key))
    index, count = shard
    jobs.sort(key=lambda job: job.path)
    # Round-robin over the sorted list: deterministic, and every shard gets a mix of kinds.
    mine = tuple(job for i, job in enumerate(jobs) if i % count == index - 1)
    files = tuple(f for i, f in enumerate(sorted(topic_files, key=lambda f: f.topic)) if i % count == index - 1)
    return Plan(mine, files)


def languages_not_begun(config: Config, topics: Sequence[Topic], locales: Sequence[str],
                        memory: Path | None = None) -> tuple[tuple[str, str], ...]:
    """(topic, language) pairs whose facts.po translates none of the topic's messages.

    Not built by default: such PDFs would be the English behind EN tags. memory: the output
    folder, where the answer is kept for as long as the facts.po and the topics stay the same.
    """
    keys = [topic.key for topic in topics]
    pairs = []
    for locale in locales:
        key = _digest([_language_digest(config.root, locale), *sorted(keys)])  # its PO files and the topics
        begun = records.load_begun(memory, locale, key) if memory is not None else None
        if begun is None:
            try:
                begun = begun_topics(config.root, locale, keys)
            except HandoutError:  # a broken facts.po: planned, so the build names it (build/catalogs.py)
                continue
            if memory is not None:
                records.save_begun(memory, locale, key, begun)
        pairs += [(key, locale) for key in keys if key not in begun]
    return tuple(sorted(pairs))


def not_begun_notices(config: Config, pairs: Sequence[tuple[str, str]]) -> list[str]:
    """Per topic: the languages it is not built in, and how to start translating it."""
    notices = []
    for topic in sorted({topic for topic, _ in pairs}):
        locales = [locale for key, locale in pairs if key == topic]
        files = ", ".join(facts_file(config.root, locale) for locale in locales)
        notices.append(
            f"{topic}: not built in {', '.join(locales)}: no message of it is translated yet. To start, run "
            f"`make update`, then translate the entries whose msgctxt starts with \"{topic_prefix(topic)}\" in "
            f"{files}; `--locale {locales[0]}` builds it now, with the English in place")
    return notices


def _pdf_templates(templates: TemplateSet, files: dict[str, str], kind: OutputKind, profile: str) -> frozenset[str]:
    """The templates and assets (of the files in effect) a PDF of this kind and profile is made with."""
    not_used = {f"{ASSETS}/{REVIEW_STYLESHEET}"} | {
        f"{ASSETS}/{other.stylesheet}" for name, other in PRINT_PROFILES.items() if other.stylesheet and name != profile}
    assets = {name for name in files if name.startswith(f"{ASSETS}/")} - not_used
    return templates.closure(f"{kind}.html") | assets


def _review_templates(templates: TemplateSet) -> frozenset[str]:
    return templates.closure(REVIEW_TEMPLATE) | {f"{ASSETS}/{REVIEW_STYLESHEET}"}


def _file_digest(path: Path) -> str:
    try:
        with path.open("rb") as file:  # in chunks: a large file in a topic folder costs no memory
            return hashlib.file_digest(file, "sha256").hexdigest()
    except FileNotFoundError:
        return "missing"


def _language_digest(root: Path, locale: str, file_digest: Callable[[Path], str] = _file_digest) -> str:
    if is_source_language(locale):
        return ""
    language = locale.replace("-", "_")
    candidates = [po_path(root, name, domain) for name in (language, language.split("_")[0]) for domain in DOMAINS]
    # The medical review's sign-off decides the "not yet reviewed" line of every page.
    candidates += [record_path(root, name) for name in (language, language.split("_")[0])]
    return _digest([file_digest(path) for path in candidates])


def _files_digest(files: dict[str, str], names: frozenset[str]) -> str:
    """Hash of the named files in effect, each with its relative path."""
    return _digest([f"{name}:{files[name]}" for name in sorted(names & files.keys())])


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _topic_digest(topic: Topic, root: Path, file_digest: Callable[[Path], str] = _file_digest) -> str:
    """Hash of the topic's folder (topic.yaml, sections.yaml, editorial.yaml, texts) and of exactly
    the sources the config lists (config.topic_sources): whatever the stages read is in the key,
    whichever files that rule takes or leaves out (a hidden file is neither read nor hashed)."""
    return _digest([_tree_digest(topic.folder, file_digest),
                    *(f"{_relative(path, root)}:{file_digest(path)}" for path, _ in topic.sources)])


def _tree_digest(folder: Path, file_digest: Callable[[Path], str] = _file_digest) -> str:
    """Hash of every file's relative path and content under folder (symlinks followed), but for
    hidden files and folders (".git", ".extra-note.txt": never read)."""
    parts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        inner = path.relative_to(folder).parts
        if "__pycache__" in inner or any(part.startswith(".") for part in inner):
            continue
        parts.append(f"{path.relative_to(folder).as_posix()}:{file_digest(path)}")
    return _digest(parts)


@cache
def _code_digest() -> str:
    return _tree_digest(PACKAGE)


@cache
def _versions(packages: tuple[str, ...]) -> str:
    found = []
    for name in packages:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return ",".join(found)
