"""Project configuration: clinic, section schemes and topics, validated once up front.

The project's sections.yaml is the default scheme; a topic's own sources/<topic>/sections.yaml
extends or overrides it (topic_scheme), so editing one topic's headings never changes another's.

Every option is declared once in the tables below, each with a one-line description;
the same tables drive validation and the README's reference (a test checks that).
All problems across all files are collected and reported together, with file:line.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from string import Formatter
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from pipeline.errors import ConfigError, HandoutError
from pipeline.models import MAX_LOGO_BYTES, Clinic, Decision, SourceMeta
from pipeline.rewrite_review import RECORD as REWRITE_RECORD
from pipeline.rewrite_review import RewriteReview, parse_review
from pipeline.templates import ASSETS, PROJECT_TEMPLATES, TemplateSet, template_set
from pipeline.vocabulary import Vocabulary
from pipeline.yaml_files import YamlMapping, compose_yaml_file, listed_words, read_yaml_file, written_as_text

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
EDITORIAL = "editorial.yaml"  # an editor's decisions, beside topic.yaml
# A saved web page is rarely over 1 MB; past this a source is far more likely a mistake (a log, a
# dump, a page saved with its images inlined) than text to print, and cleaning and merging grow
# faster than its size. A topic whose sources are right and larger raises it in topic.yaml.
MAX_SOURCE_BYTES = 2_000_000
# Words of text a source may hold once read (HTML markup left out). A patient page is 500-5,000
# words; the text stages took 32 s on 25,000 words of distinct sentences and 130 s on 50,000
# (they grow faster than the text), and a bytes limit cannot tell markup from text.
MAX_SOURCE_WORDS = 30_000
# What the build writes in its output folder beside build/<topic>/: a topic named so would share
# or delete the build's own files (pipeline/build: release.RELEASE_DIR, shards.SHARDS, report's
# MANIFEST and REPORT; render.html's PREVIEW_ASSETS; a test checks the lists agree). Names starting
# with "." (.state, .lock, .release-build, .release.new) are refused as hidden, and locale names
# (en, fr) as build/<locale>/.
RESERVED_TOPICS = frozenset({"release", "shards", "manifest.json", "report.json", "assets"})

log = logging.getLogger(__name__)

# (key, type, required, description): the single list of settings per file.
CLINIC_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("name", str, True, "The clinic's name, printed on every handout."),
    ("phone", str, True, "Phone number for questions, printed on every handout."),
    ("side_effects_phone", str, False, "Number to call about side effects (defaults to phone)."),
    ("address", str, False, "Postal address printed in the contact box."),
    ("email", str, False, "Contact email printed in the contact box."),
    ("website", str, False, "Website printed in the contact box."),
    ("logo", str, False, "Logo image (PNG, JPEG or SVG), a path under templates/assets/."),
    ("max_logo_bytes", int, False, f"Largest logo file embedded, in bytes (default {MAX_LOGO_BYTES:,})."),
)
# The settings above that print words a language may need its own of ("(24 hours)" after a
# number): each may be a mapping of locale to text, English (`en`) required.
CLINIC_WORDED = ("name", "phone", "side_effects_phone", "address", "email", "website")
_PHONES = ("phone", "side_effects_phone")
SECTION_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("key", str, True, "Stable identifier of the section (letters, digits, dashes)."),
    ("title", str, True, "Heading printed for the section."),
    ("keywords", list, False, "Words or phrases whose presence puts a fact in this section."),
    ("summary", int, False, "How many facts of this section the summary shows (0 = none)."),
    ("fallback", bool, False, "Facts that match no section go here (exactly one section)."),
    ("side_effects", bool, False, "This section's list items feed the summary's side-effects box."),
    ("safety", bool, False, "What keeps patients safe: a summary that must shorten drops this section's facts last."),
)
# A topic's sections.yaml names sections of the default scheme to change, or new ones.
TOPIC_SECTION_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("key", str, True, "A section of the default scheme to change, or a new section's identifier."),
    ("title", str, False, "Heading printed for the section (required for a new section)."),
    ("keywords", list, False, "Replaces the default section's keywords."),
    ("add_keywords", list, False, "Added to the default section's keywords."),
    ("summary", int, False, "How many facts of this section the summary shows (0 = none)."),
    ("fallback", bool, False, "Facts that match no section go here (exactly one section)."),
    ("side_effects", bool, False, "This section's list items feed the summary's side-effects box."),
    ("safety", bool, False, "What keeps patients safe: a summary that must shorten drops this section's facts last."),
    ("after", str, False, "A new section goes after this section (default: just before the fallback)."),
    ("drop", bool, False, "true: this topic's handouts have no such section."),
)
TOPIC_SCHEME_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("sections", list, False, "Sections to change, add or drop, in the format above."),
    ("replace", bool, False, "true: `sections` is this topic's whole scheme; the default's sections are not used."),
    ("key_terms", list, False, "Terms added to the default's key terms for this topic."),
    ("synonyms", list, False, "Synonym groups added to the default's for this topic."),
)
SCHEME_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("sections", list, True, "The sections of a handout, in print order."),
    ("key_terms", list, False, "Terms (drugs, cancers, side effects) a merge must never hide."),
    ("synonyms", list, False, "Groups of words that mean the same, the first preferred: [radiotherapy, radiation therapy]."),
    ("repeats", str, False, "Likely repeats in a section: suggest (in the review, default) or suppress (merge them)."),
)
REPEATS_MODES = ("suggest", "suppress")
TOPIC_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("title", str, True, "The handout title."),
    ("name", str, False, "What headings call the treatment (\"What is {name}?\"); default: the title, lower case."),
    ("version", str, True, "The handout's version, printed in the footer."),
    ("issued", str, False, "Date of issue (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH's date."),
    ("review", str, False, "Date of next review (YYYY-MM-DD)."),
    ("language", str, False, "Language of the sources (default en)."),
    ("sources", list, False, "Per source file: file, publisher, language, date."),
    ("max_source_bytes", int, False, f"Largest source file read, in bytes (default {MAX_SOURCE_BYTES:,})."),
    ("max_source_words", int, False, f"Most words of text a source may hold (default {MAX_SOURCE_WORDS:,})."),
)
DECISION_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("action", str, True, "drop, replace, move, pin, merge, split, resolve or note."),
    ("fact", str, False, "Id of the fact decided on (as in facts.json); all actions but resolve."),
    ("facts", list, False, "merge: ids of facts joined into `fact`; split: ids of its sentences taken out."),
    ("text", str, False, "replace: the wording to print (the source wording stays on record)."),
    ("section", str, False, "move: key of the section to print the fact in."),
    ("position", int, False, "pin: the fact's place in its section (1 = first)."),
    ("conflict", str, False, "resolve: id of the conflict the editor has settled."),
    ("note", str, False, "Why (required for replace, resolve and note); shown in the review report, and to translators."),
)
# What each action needs besides `action`.
DECISION_NEEDS = {
    "drop": ("fact",),
    "replace": ("fact", "text", "note"),
    "move": ("fact", "section"),
    "pin": ("fact", "position"),
    "merge": ("fact", "facts"),
    "split": ("fact", "facts"),
    "resolve": ("conflict", "note"),
    "note": ("fact", "note"),
}
SOURCE_OPTIONS: tuple[tuple[str, type, bool, str], ...] = (
    ("file", str, True, "File name inside the topic folder."),
    ("publisher", str, False, "Site or publisher, if the text names it."),
    ("language", str, False, "Language of this source (defaults to the topic's)."),
    ("date", str, False, "Date the text states (YYYY-MM-DD), e.g. its last update."),
)


@dataclass(frozen=True)
class SectionRule:
    """One section of the scheme and how facts are assigned to it."""

    key: str
    title: str
    keywords: tuple[str, ...] = ()
    summary: int = 0
    fallback: bool = False
    side_effects: bool = False
    safety: bool = False  # a summary that must shorten drops this section's facts last


@dataclass(frozen=True)
class Scheme:
    """The section scheme a clinic edits in sections.yaml."""

    sections: tuple[SectionRule, ...]
    vocabulary: Vocabulary = field(default_factory=Vocabulary)  # key terms and synonyms, compiled once
    repeats: str = "suggest"  # or "suppress": likely repeats are merged automatically


@dataclass(frozen=True)
class Topic:
    """A topic folder under sources/: its metadata and source files."""

    key: str
    folder: Path
    title: str
    version: str
    issued: str  # topic.yaml's date of issue, else SOURCE_DATE_EPOCH's date, else "" (never the clock)
    review: str
    language: str
    sources: tuple[tuple[Path, SourceMeta], ...]
    decisions: tuple[Decision, ...] = ()  # from editorial.yaml, if the topic has one
    max_source_bytes: int = MAX_SOURCE_BYTES  # topic.yaml's limit, checked when the topic is loaded
    max_source_words: int = MAX_SOURCE_WORDS  # topic.yaml's limit, checked when a source is read
    scheme: Scheme = field(default_factory=lambda: Scheme(sections=()))  # the topic's own (topic_scheme)
    name: str = ""  # what headings call the treatment: "What is {name}?"
    rewrite_review: RewriteReview = RewriteReview()  # a clinician's sign-off of the editor's rewrites


@dataclass(frozen=True)
class Config:
    """The whole project's configuration, validated."""

    root: Path
    clinic: Clinic
    scheme: Scheme  # the project's default (sections.yaml); each topic carries its own
    topics: tuple[Topic, ...]
    templates: TemplateSet  # the project's own templates first, then the shipped ones
    source_date_epoch: str = ""  # SOURCE_DATE_EPOCH as set when the config was loaded ("" if unset)
    clinic_wording: tuple[ClinicText, ...] = ()  # each printed setting of clinic.yaml, with its wording per language


@dataclass(frozen=True)
class ClinicText:
    """A printed setting of clinic.yaml, and its wording per language when given as a mapping."""

    setting: str
    where: str  # "clinic.yaml:5", for messages
    english: str
    wordings: tuple[tuple[str, str], ...] = ()  # (locale, text) besides English, sorted
    per_language: bool = False  # given as {en: ..., fr: ...}: every language should have its own

    def text(self, locale: str) -> tuple[str, bool]:
        """Its wording in locale ("fr_CA" falls back to "fr"), and whether that is the locale's own."""
        if not self.per_language:
            return self.english, True
        own = dict(self.wordings)
        name = locale.replace("-", "_")
        for candidate in (name, name.split("_")[0]):
            if candidate in own:
                return own[candidate], True
        return self.english, name.split("_")[0] == "en"


def clinic_in(config: Config, locale: str) -> Clinic:
    """The clinic's details as printed in locale: its own wording where clinic.yaml gives one, else the English."""
    worded = {item.setting: item.text(locale)[0] for item in config.clinic_wording if item.per_language}
    return replace(config.clinic, **worded) if worded else config.clinic


def untranslated_wording(config: Config, locale: str) -> tuple[ClinicText, ...]:
    """The settings worded per language that have no wording of locale's (the English is printed)."""
    return tuple(item for item in config.clinic_wording if not item.text(locale)[1])


def load_config(root: Path, environ: Mapping[str, str] | None = None) -> Config:
    """Read clinic.yaml, sections.yaml and every sources/<topic>/topic.yaml under root.

    environ (default: the process environment) is read here and nowhere else, for
    SOURCE_DATE_EPOCH: the date of issue of a topic whose topic.yaml gives none.
    """
    problems: list[str] = []
    epoch = _source_date_epoch(os.environ if environ is None else environ, problems)
    templates = template_set(root)
    clinic, wording = _load_clinic(root / "clinic.yaml", templates, problems)
    scheme = _load_scheme(root / "sections.yaml", problems)
    topics = tuple(
        topic
        for folder in _topic_folders(root, problems)
        if (topic := _load_topic(folder, root, scheme, _epoch_date(epoch), problems)) is not None
    )
    if not topics and not problems:
        problems.append(f"{root / 'sources'}: no topic folder with a topic.yaml")
    if problems:
        raise ConfigError(problems)
    assert clinic is not None and scheme is not None
    return Config(root=root, clinic=clinic, scheme=scheme, topics=topics, templates=templates,
                  source_date_epoch=epoch, clinic_wording=wording)


def _topic_folders(root: Path, problems: list[str]) -> list[Path]:
    """The folders under sources/ that hold a topic.yaml, each with a name the build can write under."""
    folders = []
    for folder in sorted(p for p in (root / "sources").glob("*") if p.is_dir()):
        if not (folder / "topic.yaml").is_file():
            continue  # not a topic (a .git folder, notes): as before, not read
        where = f"sources/{folder.name}"
        if folder.is_symlink() and not _inside(folder, root):
            problems.append(f"{where}: a symbolic link to {folder.resolve()}, outside the project: "
                            "copy the topic into sources/ instead")
        elif problem := reserved_topic(folder.name):
            problems.append(f"{where}: {problem}; rename the folder (the topic's name is its folder's)")
        else:
            folders.append(folder)
    return folders


def reserved_topic(name: str) -> str:
    """Why a topic may not be named so (the build writes build/<topic>/), or ""."""
    if name.startswith("."):
        return "a topic's name may not start with '.': hidden, and the build's own folders (.state, .lock) are named so"
    if name in RESERVED_TOPICS:
        return f"{name!r} is the name of a file or folder the build writes in its output folder"
    try:
        locale = Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return ""
    if locale.language == name.replace("-", "_").split("_")[0]:
        return f"{name!r} is a locale's name, and build/{name}/ holds that language's PDFs"
    return ""


def _inside(path: Path, root: Path) -> bool:
    """Whether path, its symbolic links followed, is inside root."""
    return path.resolve().is_relative_to(root.resolve())


def _source_date_epoch(environ: Mapping[str, str], problems: list[str]) -> str:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC), or "" when it is unset."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():
        problems.append(f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970-01-01 (e.g. `git log -1 --format=%ct`)")
        return ""
    return epoch


def _epoch_date(epoch: str) -> str:
    """The ISO date of SOURCE_DATE_EPOCH, or "" when it is unset: never today's date."""
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date().isoformat() if epoch else ""


def read_yaml(path: Path, problems: list[str]) -> dict[str, Any] | None:
    """Parse one YAML mapping, recording a file:line problem instead of raising.

    Read safely (yaml_files): bounded in size, no anchors or aliases, no key given twice; each
    mapping is a YamlMapping that keeps the text written for values YAML typed, for _check.
    """
    try:
        data, refused = read_yaml_file(path)
    except FileNotFoundError:
        problems.append(f"{path}: file not found")
        return None
    except OSError as exc:
        problems.append(f"{path}: cannot read: {exc}")
        return None
    if refused:
        problems.extend(refused)
        return None
    if not isinstance(data, dict):
        problems.append(f"{path}: expected a mapping of settings at the top level")
        return None
    return data


def _check(
    data: dict[str, Any],
    options: tuple[tuple[str, type, bool, str], ...],
    where: str,
    problems: list[str],
    phones: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Validate keys and types against an options table; return the known values.

    Text YAML typed (a number, a date, true/false) is taken only when it reads back as written
    (`version: 2`, `issued: 2026-01-01`), and never for the settings in phones.
    """
    known = {key: (kind, required) for key, kind, required, _ in options}
    for key in sorted(set(data) - set(known), key=str):
        problems.append(f"{where}: unknown setting {key!r} (known: {', '.join(known)})")
    values: dict[str, Any] = {}
    for key, (kind, required) in known.items():
        value = data.get(key)
        if value is None:
            if required:
                problems.append(f"{where}: missing required setting {key!r}")
            continue
        if kind is str and isinstance(data, YamlMapping) and key in data.written:
            mistake = written_as_text(value, data.written[key], key, phone=key in phones)
            if mistake:
                problems.append(f"{data.path}:{data.written[key].line}: {mistake}")
                continue
        if kind is str and isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            problems.append(f"{where}: {key!r} must be {kind.__name__}, not {type(value).__name__}")
            continue
        values[key] = value
    return values


def _check_date(value: str, where: str, key: str, problems: list[str]) -> None:
    """Record a problem when value is not an ISO date."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: {key!r} must be a date YYYY-MM-DD, not {value!r}")


def _load_clinic(path: Path, templates: TemplateSet,
                 problems: list[str]) -> tuple[Clinic | None, tuple[ClinicText, ...]]:
    """Read the clinic's details (in English), and each printed setting's wording per language."""
    data = read_yaml(path, problems)
    if data is None:
        return None, ()
    lines = _key_lines(path)
    wordings = {key: _wordings(data[key], key, f"{path}:{lines.get(key, 0)}: {key!r}", key in _PHONES, problems)
                for key in CLINIC_WORDED if isinstance(data.get(key), dict)}
    for key, texts in wordings.items():  # in place: data keeps what yaml_files recorded
        data[key] = dict(texts).get("en")
    values = _check(data, CLINIC_OPTIONS, str(path), problems, phones=_PHONES)
    if values.get("max_logo_bytes", 1) < 1:
        problems.append(f"{path}: 'max_logo_bytes' must be a positive number of bytes, not {values.pop('max_logo_bytes')}")
    if "logo" in values:
        _check_logo(path, values["logo"], values.get("max_logo_bytes", MAX_LOGO_BYTES), templates, problems)
    texts = tuple(ClinicText(key, f"{path}:{lines.get(key, 0)}", values[key],
                             tuple(pair for pair in wordings.get(key, ()) if pair[0] != "en"), key in wordings)
                  for key in CLINIC_WORDED if key in values)
    if "name" not in values or "phone" not in values:
        return None, texts
    return Clinic(**values), texts


def _wordings(mapping: dict[Any, Any], setting: str, where: str, phone: bool,
              problems: list[str]) -> tuple[tuple[str, str], ...]:
    """A setting's {locale: text} mapping, checked: locales Babel knows, English given, the same number."""
    texts: dict[str, str] = {}
    for key, value in mapping.items():
        name = str(key).replace("-", "_")
        try:
            Locale.parse(name)
        except (UnknownLocaleError, ValueError, TypeError):
            problems.append(f"{where}: {key!r} is not a locale (use en, fr, pt_BR ...)")
            continue
        written = mapping.written.get(key) if isinstance(mapping, YamlMapping) else None
        mistake = written_as_text(value, written, str(key), phone=phone)
        if mistake:
            assert written is not None and isinstance(mapping, YamlMapping)
            problems.append(f"{mapping.path}:{written.line}: {setting}: {mistake}")
            texts[name] = written.text  # checked below as written; the problem above fails the config
            continue
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            problems.append(f"{where}: the {key} wording must be text, not {type(value).__name__}")
            continue
        texts[name] = str(value)
    if "en" not in texts:
        problems.append(f"{where}: the English is required (`en:`), printed where a language has no wording")
    elif phone:  # only the words may differ: release checks each PDF for the number to call
        number = _dialled(texts["en"])
        problems += [f"{where}: the {locale} wording {text!r} is not the number of the English {texts['en']!r} "
                     "(only the words around it may differ)" for locale, text in sorted(texts.items())
                     if _dialled(text) != number]
    return tuple(sorted(texts.items()))


def _dialled(phone: str) -> str:
    """The digits to dial, words in parentheses left out: "+44 20 7946 0999 (24 h/24)" -> "442079460999"."""
    return "".join(ch for ch in re.sub(r"\([^)]*\)", "", phone) if ch.isdigit())


def _key_lines(path: Path) -> dict[str, int]:
    """1-based line of each top-level key of a YAML mapping, for messages."""
    node = compose_yaml_file(path)
    return {str(key.value): key.start_mark.line + 1 for key, _ in getattr(node, "value", [])
            if isinstance(key, yaml.ScalarNode)}


def _check_logo(path: Path, logo: str, limit: int, templates: TemplateSet, problems: list[str]) -> None:
    """A logo must be an image file among the templates' assets (the renderer loads nothing else)."""
    target = templates.find(f"assets/{logo}")
    if target is None:
        own = path.parent / PROJECT_TEMPLATES / ASSETS
        problems.append(f"{path}: logo {logo!r} is not a file in {own} (nor in the shipped {templates.asset_folders[-1]})")
    elif target.suffix.lower() not in (".png", ".jpg", ".jpeg", ".svg"):
        problems.append(f"{path}: logo {logo!r} must be a PNG, JPEG or SVG image")
    elif not target.is_file():
        problems.append(f"{path}: logo {logo!r} is not a regular file")
    elif (size := target.stat().st_size) > limit:
        problems.append(f"{path}: logo {logo!r} is {size:,} bytes, more than the {limit:,} a logo may have "
                        "(it is embedded in every PDF): save it smaller, or raise max_logo_bytes")


def _load_scheme(path: Path, problems: list[str]) -> Scheme | None:
    """Read the section scheme and key terms."""
    data = read_yaml(path, problems)
    if data is None:
        return None
    values = _check(data, SCHEME_OPTIONS, str(path), problems)
    sections: list[SectionRule] = []
    for index, raw in enumerate(values.get("sections", []), start=1):
        where = f"{path}: section {index}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping with key and title")
            continue
        item = _check(raw, SECTION_OPTIONS, where, problems)
        if "key" in item and "title" in item:
            _check_title(item["title"], where, problems)
            item["keywords"] = _keywords(item.get("keywords", ()), "keywords", where, problems)
            sections.append(SectionRule(**item))
    _check_sections(sections, str(path), problems)
    terms = tuple(sorted(set(_keywords(values.get("key_terms", ()), "key_terms", str(path), problems))))
    repeats = values.get("repeats", "suggest")
    if repeats not in REPEATS_MODES:
        problems.append(f"{path}: 'repeats' must be {' or '.join(REPEATS_MODES)}, not {repeats!r}")
    return Scheme(sections=tuple(sections), vocabulary=Vocabulary(terms, _synonyms(values, path, problems)),
                  repeats=repeats)


def _keywords(raw: Any, setting: str, where: str, problems: list[str]) -> tuple[str, ...]:
    """A list of words or phrases, as written (yaml_files.listed_words), in lower case."""
    return tuple(word.lower() for word in listed_words(raw, setting, where, problems))


def _synonyms(values: dict[str, Any], path: Path, problems: list[str]) -> tuple[tuple[str, ...], ...]:
    synonyms = []
    for index, group in enumerate(values.get("synonyms", ()), start=1):
        if not isinstance(group, list) or len(group) < 2:
            problems.append(f"{path}: synonyms {index}: a group is a list of two or more words")
            continue
        synonyms.append(_keywords(group, f"synonyms {index}", str(path), problems))
    return tuple(synonyms)


def _check_title(title: str, where: str, problems: list[str]) -> None:
    """A heading may name the treatment as {name}; any other placeholder is a mistake."""
    try:
        names = {field for _, field, _, _ in Formatter().parse(title) if field is not None}
    except ValueError as exc:
        problems.append(f"{where}: title {title!r}: {exc} (write {{name}} for the treatment's name)")
        return
    for other in sorted(names - {"name"}):
        problems.append(f"{where}: title {title!r}: unknown placeholder {{{other}}} (only {{name}}, the treatment's name)")


def _check_sections(sections: Sequence[SectionRule], where: str, problems: list[str]) -> None:
    if not sections:
        problems.append(f"{where}: no sections: a handout needs at least one (and exactly one with 'fallback: true')")
        return
    keys = [s.key for s in sections]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        problems.append(f"{where}: section key {key!r} is used twice")
    if sum(s.fallback for s in sections) != 1 and sections:
        problems.append(f"{where}: exactly one section must have 'fallback: true'")


def topic_scheme(default: Scheme, path: Path, name: str, problems: list[str]) -> Scheme:
    """The scheme of one topic: the default, changed by the topic's sections.yaml at path (if any),
    with every heading's {name} written as the topic's name."""
    values: dict[str, Any] = {}
    if path.is_file() and (data := read_yaml(path, problems)) is not None:
        values = _check(data, TOPIC_SCHEME_OPTIONS, str(path), problems)
    sections = [] if values.get("replace") else list(default.sections)
    lines = _item_lines(path, "sections") if path.is_file() else []
    for index, raw in enumerate(values.get("sections", ()), start=1):
        where = f"{path}:{lines[index - 1] if index <= len(lines) else 0}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping with at least 'key'")
            continue
        _change_section(sections, _check(raw, TOPIC_SECTION_OPTIONS, where, problems), where, problems)
    _check_sections(sections, str(path), problems)
    vocabulary = default.vocabulary
    if values.get("key_terms") or values.get("synonyms"):
        added = _keywords(values.get("key_terms", ()), "key_terms", str(path), problems)
        terms = tuple(sorted({*vocabulary.key_terms, *added}))
        vocabulary = Vocabulary(terms, vocabulary.synonyms + _synonyms(values, path, problems))
    named = tuple(replace(rule, title=rule.title.replace("{name}", name)) for rule in sections)
    return replace(default, sections=named, vocabulary=vocabulary)


def _change_section(sections: list[SectionRule], item: dict[str, Any], where: str, problems: list[str]) -> None:
    """Apply one entry of a topic's sections.yaml to the list of sections, in place."""
    key = item.get("key")
    if not key:
        return
    keys = [rule.key for rule in sections]
    after = item.pop("after", None)
    if after is not None and after not in keys:
        problems.append(f"{where}: 'after': no section {after!r} (sections: {', '.join(keys)})")
        return
    if item.pop("drop", False):
        if key in keys:
            del sections[keys.index(key)]
        else:
            problems.append(f"{where}: cannot drop {key!r}: no such section (sections: {', '.join(keys)})")
        return
    if "title" in item:
        _check_title(item["title"], where, problems)
    added = _keywords(item.pop("add_keywords", ()), "add_keywords", where, problems)
    if "keywords" in item:
        item["keywords"] = _keywords(item["keywords"], "keywords", where, problems)
    if key in keys:
        index = keys.index(key)
        rule = replace(sections[index], **item)
        sections[index] = replace(rule, keywords=rule.keywords + added)
        if after is not None:
            sections.insert(keys.index(after) + (keys.index(after) < index), sections.pop(index))
        return
    if "title" not in item:
        problems.append(f"{where}: new section {key!r} needs a 'title'")
        return
    rule = SectionRule(**item)
    rule = replace(rule, keywords=rule.keywords + added)
    fallback = next((i for i, r in enumerate(sections) if r.fallback), len(sections))
    sections.insert(keys.index(after) + 1 if after is not None else fallback, rule)


def _load_topic(folder: Path, root: Path, default: Scheme | None, epoch_date: str,
                problems: list[str]) -> Topic | None:
    """Read one topic folder's topic.yaml and sections.yaml, and list its source files."""
    path = folder / "topic.yaml"
    if not path.exists():
        return None
    data = read_yaml(path, problems)
    if data is None:
        return None
    values = _check(data, TOPIC_OPTIONS, str(path), problems)
    topic = _topic(folder.name, folder, path, values, epoch_date, problems, default)
    section_keys = {rule.key for rule in topic.scheme.sections}
    return replace(topic, decisions=_load_decisions(folder / EDITORIAL, root, section_keys, problems),
                   rewrite_review=_load_rewrite_review(folder / REWRITE_RECORD, root, problems))


def _load_rewrite_review(path: Path, root: Path, problems: list[str]) -> RewriteReview:
    """The clinician's sign-off of the editor's rewrites (rewrite_review.py), if the topic has one."""
    if not path.exists():
        return RewriteReview()
    data = read_yaml(path, problems)
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return RewriteReview() if data is None else parse_review(data, name, problems)


def load_source_folder(key: str, folder: Path, described_by: Path | None, default: Scheme | None = None) -> Topic:
    """A topic for a folder of sources outside sources/ (an evaluation set), without decisions.

    described_by: a topic.yaml saying what is known about the sources (here title and
    version are optional), or None; a sections.yaml beside it changes the default scheme as a
    topic's does. Raises ConfigError with every problem.
    """
    problems: list[str] = []
    values: dict[str, Any] = {}
    if described_by is not None and (data := read_yaml(described_by, problems)) is not None:
        optional = tuple((name, kind, False, text) for name, kind, _, text in TOPIC_OPTIONS)
        values = _check(data, optional, str(described_by), problems)
    topic = _topic(key, folder, described_by or folder, values, "", problems, default, boundary=folder)
    if problems:
        raise ConfigError(problems)
    return topic


def _topic(key: str, folder: Path, path: Path, values: dict[str, Any], epoch_date: str,
           problems: list[str], default: Scheme | None = None, boundary: Path | None = None) -> Topic:
    """A topic from the checked settings of its topic file (at path) and the source files in folder,
    with its section scheme (the default, changed by a sections.yaml beside the topic file).

    boundary: where a source's symbolic link may lead (default: the project, folder's grandparent).
    """
    limit = values.get("max_source_bytes", MAX_SOURCE_BYTES)
    if limit < 1:
        problems.append(f"{path}: 'max_source_bytes' must be a positive number of bytes, not {limit}")
        limit = MAX_SOURCE_BYTES
    words = values.get("max_source_words", MAX_SOURCE_WORDS)
    if words < 1:
        problems.append(f"{path}: 'max_source_words' must be a positive number of words, not {words}")
        words = MAX_SOURCE_WORDS
    for name in ("issued", "review"):
        if name in values:
            _check_date(values[name], str(path), name, problems)
    language = values.get("language", "en")
    name = values.get("name") or _heading_name(values.get("title", key.replace("-", " ")))
    own = (path.parent if path.is_file() else path) / "sections.yaml"
    scheme = topic_scheme(default, own, name, problems) if default is not None else Scheme(sections=())
    return Topic(
        scheme=scheme,
        name=name,
        key=key,
        folder=folder,
        title=values.get("title", key),
        version=values.get("version", ""),
        issued=values.get("issued", epoch_date),
        review=values.get("review", ""),
        language=language,
        sources=_sources(folder, path, values.get("sources", []), language, problems,
                         boundary or folder.parent.parent, limit),
        max_source_bytes=limit,
        max_source_words=words,
    )


def _sources(folder: Path, path: Path, entries: list[Any], language: str, problems: list[str],
             boundary: Path, limit: int) -> tuple[tuple[Path, SourceMeta], ...]:
    """The source files in folder, each with what the topic file at path says about it.

    The list is topic_sources(folder): a hidden file is never read (plan.py's key leaves it out
    too). Each must be a regular file of at most limit bytes; a symbolic link may be followed
    only to a file inside boundary (the project). Checked without opening: opening a FIFO blocks.
    """
    metas = _source_metas(entries, path, language, problems)
    files, hidden = topic_sources(folder)
    if hidden:
        log.warning("%s: hidden file%s not read as sources: %s (rename without the leading '.' to use one)",
                    folder, "s" if len(hidden) > 1 else "", ", ".join(hidden))
    for name in sorted(set(metas) & set(hidden)):
        problems.append(f"{path}: source {name!r} is a hidden file, which is never read: rename it without the leading '.'")
    for name in sorted(set(metas) - {p.name for p in files} - set(hidden)):
        problems.append(f"{path}: source {name!r} is listed but no such file is in {folder}")
    refused = [problem for p in files if (problem := _unreadable(p, boundary, limit, path))]
    problems.extend(refused)
    if not files:
        problems.append(f"{folder}: no source files ({', '.join(SOURCE_SUFFIXES)})")
    return tuple((p, metas.get(p.name, SourceMeta(filename=p.name, language=language))) for p in files)


def topic_sources(folder: Path) -> tuple[list[Path], list[str]]:
    """The files of folder read as sources (by suffix, sorted), and the hidden ones left out.

    The one rule for what a topic's sources are: the incremental build's key (build/plan.py)
    hashes exactly the files a Topic lists, and leaves out hidden files as this does.
    """
    candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
    return ([p for p in candidates if not p.name.startswith(".")],
            [p.name for p in candidates if p.name.startswith(".")])


def _unreadable(file: Path, boundary: Path, limit: int, topic_file: Path) -> str:
    """Why a source file is not read (not a regular file, a link out of the project, too big), or ""."""
    try:
        if stat.S_ISLNK(os.lstat(file).st_mode) and not _inside(file, boundary):
            return (f"{file}: a symbolic link to {file.resolve()}, outside the project ({boundary}): "
                    "copy the file into the topic folder instead")
        info = os.stat(file)
    except OSError as exc:
        return f"{file}: cannot be read: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return f"{file}: {file_kind(info.st_mode)}, not a regular file: a source must be a saved page or text file"
    if info.st_size > limit:
        return (f"{file}: {info.st_size:,} bytes, more than the {limit:,} a source may have; if the file is "
                f"right, raise max_source_bytes in {topic_file}")
    return ""


def file_kind(mode: int) -> str:
    """What a file of this mode is, in words ("a named pipe (FIFO)")."""
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _heading_name(title: str) -> str:
    """How a heading names the treatment by default: the title, lower case but for acronyms
    ("Radiotherapy" -> "radiotherapy", "CT scan" stays)."""
    first = title.split(" ", 1)[0]
    return title if first[1:2].isupper() else title[:1].lower() + title[1:]


def _load_decisions(path: Path, root: Path, section_keys: set[str], problems: list[str]) -> tuple[Decision, ...]:
    """Read an editor's decisions; every problem names the file and the decision's line."""
    if not path.exists():
        return ()
    data = read_yaml(path, problems)
    if data is None:
        return ()
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    lines = _item_lines(path, "decisions")
    decisions = []
    for unknown in sorted(set(data) - {"decisions"}, key=str):
        problems.append(f"{name}: unknown setting {unknown!r} (known: decisions)")
    for index, raw in enumerate(data.get("decisions") or [], start=1):
        where = f"{name}:{lines[index - 1] if index <= len(lines) else 0}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: a decision is a mapping with at least 'action'")
            continue
        before = len(problems)
        item = _check(raw, DECISION_OPTIONS, where, problems)
        action = item.get("action", "")
        if action and action not in DECISION_NEEDS:
            problems.append(f"{where}: unknown action {action!r} (use {', '.join(DECISION_NEEDS)})")
        for needed in DECISION_NEEDS.get(action, ()):
            if not item.get(needed):
                problems.append(f"{where}: {action!r} needs {needed!r}")
        if action == "move" and item.get("section") and item["section"] not in section_keys:
            problems.append(f"{where}: unknown section {item['section']!r} (this topic's sections: "
                            f"{', '.join(sorted(section_keys))})")
        if action == "pin" and item.get("position", 1) < 1:
            problems.append(f"{where}: 'position' counts from 1")
        if len(problems) == before:
            others = tuple(str(f) for f in item.get("facts", ()))
            fields = {k: v for k, v in item.items() if k != "facts"}
            decisions.append(Decision(where=where, others=others, **fields))
    return tuple(decisions)


def _item_lines(path: Path, key: str) -> list[int]:
    """1-based line of each item of the top-level list `key`, for messages."""
    node = compose_yaml_file(path)
    for key_node, value in getattr(node, "value", []):
        if getattr(key_node, "value", None) == key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _source_metas(
    entries: list[Any], path: Path, language: str, problems: list[str]
) -> dict[str, SourceMeta]:
    """Validate the per-source entries of a topic file."""
    metas: dict[str, SourceMeta] = {}
    for index, raw in enumerate(entries, start=1):
        where = f"{path}: source {index}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping with at least 'file'")
            continue
        item = _check(raw, SOURCE_OPTIONS, where, problems)
        if "date" in item:
            _check_date(item["date"], where, "date", problems)
        if "file" in item:
            metas[item["file"]] = SourceMeta(
                filename=item["file"],
                publisher=item.get("publisher", ""),
                language=item.get("language", language),
                date=item.get("date", ""),
            )
    return metas


def signoff_date(epoch: str) -> str:
    """The date of a sign-off (a translation's, or of an editor's rewrites): SOURCE_DATE_EPOCH's
    (UTC) when it is set, else today's."""
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()


def checked_date(date: str) -> str:
    """A --date option as YYYY-MM-DD, or a HandoutError."""
    try:
        return dt.date.fromisoformat(date.strip()).isoformat()
    except ValueError as exc:
        raise HandoutError(f"--date {date!r}: expected a date as YYYY-MM-DD") from exc


def other_topics_files(config: Config, topic: Topic) -> list[tuple[Path, SourceMeta]]:
    """The source files of the project's other topics."""
    return [(path, meta) for other in config.topics if other.key != topic.key for path, meta in other.sources]
