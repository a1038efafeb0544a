"""The editor's plain-language pass: which printed sentences are hard to read, and why, with
everyday alternatives for their hard words and a `replace` decision ready to paste.

Nothing here changes a handout: medical text is only ever rewritten by an editor's decision in
editorial.yaml. The word list is data: the team's (plain_words.yaml beside this module) and the
clinic's own (plain-words.yaml in the project folder, same format), whose entries add to the
team's or replace them word by word. Words and phrases match as whole words, with their regular
inflections and British and American spellings alike ("administered" matches "administer",
"adverse effects" "adverse effect", "oedema" "edema"), never by stem ("immune" is not
"immunization"). The list is English; sources in another language get the grade-free measures only.

Prose is graded by the Flesch-Kincaid formula; a list item or heading by its words alone (a
one-word item would score grade 20 or 55). Every sentence counts its words that are rare in
everyday language (readability.rare_words), but for the topic's key terms and name.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.models import Cluster, Handout, Section
from pipeline.text.keywords import fold_spelling
from pipeline.text.readability import (LONG_SENTENCE_WORDS, PATIENT_GRADE, flesch_kincaid_grade, rare_words,
                                       sentences_of, words_of)
from pipeline.yaml_files import YamlList, YamlMapping, read_yaml_file

SHIPPED = Path(__file__).with_name("plain_words.yaml")
PROJECT_FILE = "plain-words.yaml"  # a clinic's own entries, beside clinic.yaml
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PlainWord:
    """A hard word or phrase and its everyday alternatives."""

    word: str
    plain: tuple[str, ...]
    note: str = ""
    where: str = ""  # "file:line" of its entry


@dataclass(frozen=True)
class HardWord:
    """A listed word as one sentence writes it."""

    text: str  # as written in the sentence ("administered")
    start: int
    entry: PlainWord


@dataclass(frozen=True)
class Reading:
    """One printed statement as a patient reads it."""

    fact: str
    text: str
    kind: str  # "prose", or "item" (a list item: judged by its words, not the formula)
    words: int
    grade: float | None  # prose only
    rare: tuple[str, ...]  # words rare in everyday language without a listed alternative
    hard: tuple[HardWord, ...]  # listed words, with alternatives

    @property
    def sentences(self) -> int:
        return len(sentences_of(self.text)) if self.kind == "prose" else 0

    @property
    def long_sentences(self) -> int:
        """Its sentences over LONG_SENTENCE_WORDS words (a statement may hold two short ones)."""
        if self.kind != "prose":
            return 0
        return sum(len(words_of(sentence)) > LONG_SENTENCE_WORDS for sentence in sentences_of(self.text))

    @property
    def long(self) -> bool:
        return self.long_sentences > 0

    @property
    def above(self) -> bool:
        return self.grade is not None and self.grade > PATIENT_GRADE

    @property
    def needs_work(self) -> bool:
        """Worth the editor's look: above the grade, long, or with a hard or rare word."""
        return self.above or self.long or bool(self.hard) or bool(self.rare)

    def decision(self) -> str:
        """The `replace` decision (for editorial.yaml's `decisions:`) that prints a plainer wording.

        Its text is a draft: each hard word swapped for its first alternative, to be read and
        rewritten by the editor; its note keeps what changed. JSON strings, which YAML reads as such.
        """
        draft, changes = self.text, []
        for hard in sorted(self.hard, key=lambda h: -h.start):  # from the end: earlier offsets stay right
            plain = _same_case(hard.entry.plain[0], hard.text)
            draft = draft[:hard.start] + plain + draft[hard.start + len(hard.text):]
            changes.append(f"'{hard.text}' -> '{plain}'")
        grade = f", was grade {self.grade:.1f}" if self.grade is not None else ""
        note = f"Plain language: {', '.join(reversed(changes)) or 'rewritten'}{grade}"
        return (f"  - action: replace\n    fact: {self.fact}\n    text: {json.dumps(draft, ensure_ascii=False)}\n"
                f"    note: {json.dumps(note, ensure_ascii=False)}\n")


@dataclass(frozen=True)
class Measures:
    """How a piece of printed text reads: a section, the whole leaflet or the summary."""

    label: str
    key: str  # the section's key ("" for the whole leaflet or the summary)
    words: int
    grade: float | None  # over its prose sentences only
    sentences: int  # sentences of its prose statements
    long: int  # of those, sentences over LONG_SENTENCE_WORDS words
    rare: int  # words rare in everyday language (list items and headings included)
    items: int
    hard_items: int  # list items with a hard or rare word
    heading_rare: tuple[str, ...] = ()  # the heading's rare words

    @property
    def above(self) -> bool:
        return self.grade is not None and self.grade > PATIENT_GRADE

    @property
    def long_share(self) -> float:
        return self.long / self.sentences if self.sentences else 0.0

    @property
    def rare_share(self) -> float:
        return self.rare / self.words if self.words else 0.0


class PlainWords:
    """The word list, matched on whole words and their inflections (not stems: a stem would take
    "immune" for "immunization" and "system" for "systemic")."""

    def __init__(self, entries: Iterable[PlainWord]) -> None:
        self.entries = tuple(sorted(entries, key=lambda e: e.word))
        self._index: dict[tuple[str, ...], PlainWord] = {}
        for entry in self.entries:
            *head, last = (fold_spelling(word) for word in _TOKEN.findall(entry.word.casefold()))
            for form in _inflections(last):  # "adverse effects", "administered"
                self._index.setdefault((*head, form), entry)
        self._widths = sorted({len(key) for key in self._index}, reverse=True)

    def find(self, text: str, known: frozenset[str] = frozenset()) -> tuple[HardWord, ...]:
        """The listed words and phrases of text, longest match first, none overlapping.

        known: lower-case words never reported (a topic's key terms and the treatment's name).
        """
        tokens = [(m.start(), m.end(), fold_spelling(m.group().casefold())) for m in _TOKEN.finditer(text)]
        found, i = [], 0
        while i < len(tokens):
            for width in (w for w in self._widths if i + w <= len(tokens)):
                entry = self._index.get(tuple(t[2] for t in tokens[i:i + width]))
                if entry is not None:
                    start, end = tokens[i][0], tokens[i + width - 1][1]
                    if text[start:end].casefold() not in known and entry.word not in known:
                        found.append(HardWord(text[start:end], start, entry))
                    i += width
                    break
            else:
                i += 1
        return tuple(found)


def _inflections(word: str) -> set[str]:
    """A word with its plural, third-person, past and -ing forms (regular English spelling)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] in "bdgmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # "stop" -> "stopped"
    return forms


def read_statements(rows: Sequence[tuple[str, str, str]], words: PlainWords, language: str,
                    known: frozenset[str]) -> list[Reading]:
    """Each (fact id, text, kind) printed, as a patient reads it; kind "item" for a list item."""
    english = _is_english(language)
    readings = []
    for fact, text, kind in rows:
        kind = "item" if kind == "item" else "prose"
        hard = words.find(text, known) if english else ()
        listed = {h.text.casefold() for h in hard}
        rare = tuple(w for w in rare_words(text, language, known) if w.casefold() not in listed)
        grade = flesch_kincaid_grade(text, language) if kind == "prose" else None
        readings.append(Reading(fact, text, kind, len(words_of(text)), grade, rare, hard))
    return readings


def measure(label: str, key: str, readings: Sequence[Reading], language: str, heading: str = "",
            known: frozenset[str] = frozenset()) -> Measures:
    """The measures of a section (or the leaflet, or the summary) from its readings."""
    prose = [r for r in readings if r.kind == "prose"]
    items = [r for r in readings if r.kind == "item"]
    heading_rare = rare_words(heading, language, known) if heading else ()
    return Measures(
        label=label, key=key,
        words=sum(r.words for r in readings) + len(words_of(heading)),
        grade=flesch_kincaid_grade("\n".join(r.text for r in prose), language) if prose else None,
        sentences=sum(r.sentences for r in prose), long=sum(r.long_sentences for r in prose),
        rare=sum(len(r.rare) + len(r.hard) for r in readings) + len(heading_rare),
        items=len(items), hard_items=sum(bool(r.hard or r.rare) for r in items),
        heading_rare=heading_rare)


def load_plain_words(root: Path | None = None) -> PlainWords:
    """The team's list, with the clinic's plain-words.yaml (if root has one) added over it."""
    entries = {e.word: e for e in _shipped()}
    own = root / PROJECT_FILE if root is not None else None
    if own is not None and own.is_file():
        entries.update({e.word: e for e in _read(own, PROJECT_FILE)})
    return _cached(tuple(sorted(entries.values(), key=lambda e: e.word)))


@cache
def _cached(entries: tuple[PlainWord, ...]) -> PlainWords:
    return PlainWords(entries)


@cache
def _shipped() -> tuple[PlainWord, ...]:
    return _read(SHIPPED, f"pipeline/review/{SHIPPED.name}")


def _read(path: Path, shown: str) -> tuple[PlainWord, ...]:
    """The entries of one word-list file; every problem in it is reported together, by line."""
    data, problems = read_yaml_file(path, shown)
    entries: list[PlainWord] = []
    if data is not None and not (isinstance(data, dict) and isinstance(data.get("words"), list)):
        problems.append(f"{shown}: expected `words:` followed by a list of entries (word, plain, note)")
    elif data is not None:
        seen: dict[str, str] = {}
        for index, item in enumerate(data["words"], start=1):
            where = _where(data["words"], index, shown)
            entry = _entry(item, where, problems)
            if entry is None:
                continue
            if entry.word in seen:
                problems.append(f"{where}: {entry.word!r} is listed twice (first at {seen[entry.word]}): keep one")
                continue
            seen[entry.word] = where
            entries.append(entry)
    if problems:
        raise ConfigError(problems)
    return tuple(entries)


def _entry(item: object, where: str, problems: list[str]) -> PlainWord | None:
    if not isinstance(item, dict) or set(item) - {"word", "plain", "note"}:
        problems.append(f"{where}: an entry is a mapping of word, plain (a list of alternatives) and note")
        return None
    word, plain, note = item.get("word"), item.get("plain"), item.get("note", "")
    if not isinstance(word, str) or not _TOKEN.search(word):
        problems.append(f"{where}: 'word' must be a word or phrase")
        return None
    if not isinstance(plain, list) or not plain or not all(isinstance(p, str) and p.strip() for p in plain):
        problems.append(f"{where}: 'plain' must be a list of one or more alternatives, each in quotes")
        return None
    if not isinstance(note, str):
        problems.append(f"{where}: 'note' must be text")
        return None
    return PlainWord(" ".join(word.lower().split()), tuple(p.strip() for p in plain), note.strip(), where)


def _where(items: list[object], index: int, shown: str) -> str:
    """file:line of the index-th entry (its first key's line), or the file and entry number."""
    item = items[index - 1]
    if isinstance(item, YamlMapping) and item.lines:
        return f"{shown}:{min(item.lines.values())}"
    if isinstance(items, YamlList) and index - 1 in items.written:
        return f"{shown}:{items.written[index - 1].line}"
    return f"{shown}: entry {index}"


def _same_case(plain: str, written: str) -> str:
    """The alternative capitalised as the word it replaces was ("Administer" -> "Give")."""
    return plain[:1].upper() + plain[1:] if written[:1].isupper() and plain[:1].islower() else plain


def _is_english(language: str) -> bool:
    return re.split(r"[-_]", language.strip().lower())[0] == "en"


@dataclass(frozen=True)
class PlainReport:
    """The review page's readability part: per section, the whole leaflet, and the summary."""

    sections: tuple[tuple[Measures, tuple[Reading, ...]], ...]
    whole: Measures
    summary: Measures
    summary_readings: tuple[Reading, ...]
    median_printed: float | None = None  # median grade of the leaflet's prose sentences as printed
    median_sources: float | None = None  # the same sentences as the sources word them (before rewrites)
    rewrites: int = 0  # of those, printed in an editor's wording

    def to_fix(self) -> tuple[tuple[Measures, tuple[Reading, ...]], ...]:
        """Per section, its statements worth the editor's look, hardest first."""
        return tuple((m, tuple(sorted((r for r in readings if r.needs_work), key=_hardness)))
                     for m, readings in self.sections if any(r.needs_work for r in readings))


def plain_report(handout: Handout, language: str, words: PlainWords | None = None,
                 known: frozenset[str] = frozenset(), clusters: Sequence[Cluster] = ()) -> PlainReport:
    """How the leaflet and summary read, section by section, with every statement measured.

    clusters: the topic's, whose source wordings give the grade before the editor's rewrites.
    """
    words = words or load_plain_words()
    sections = []
    for section in handout.sections:
        readings = tuple(read_statements(list(_printed_rows(section)), words, language, known))
        sections.append((measure(section.title, section.key, readings, language, section.title, known), readings))
    every = tuple(r for _, readings in sections for r in readings)
    summary_rows = [*((e.cluster.id, e.cluster.canonical.text, "prose") for s in handout.summary for e in s.entries),
                    *((c.id, c.canonical.text, "item") for c in handout.side_effects)]
    summary = tuple(read_statements(summary_rows, words, language, known))
    originals = {c.id: c.canonical.original for c in clusters if c.canonical.edited}
    prose = [r for r in every if r.grade is not None]
    before = [grade for r in prose if (grade := flesch_kincaid_grade(originals.get(r.fact, r.text), language)) is not None]
    return PlainReport(tuple(sections), measure("Whole leaflet", "", every, language),
                       measure("One-page summary", "", summary, language), summary,
                       statistics.median(r.grade for r in prose) if prose else None,
                       statistics.median(before) if before else None,
                       sum(1 for r in prose if r.fact in originals))


def _printed_rows(section: Section) -> Iterable[tuple[str, str, str]]:
    """(fact id, text, kind) of what a section prints, in print order."""
    for entry in section.entries:
        yield entry.cluster.id, entry.cluster.canonical.text, "prose"
        for cluster in entry.continued:
            yield cluster.id, cluster.canonical.text, "prose"
        for cluster in entry.items:
            yield cluster.id, cluster.canonical.text, "item"


def _hardness(reading: Reading) -> tuple[float, str]:
    """Hardest first: the grade (an item: by its hard and rare words), then the fact id."""
    score = reading.grade if reading.grade is not None else 4.0 * (len(reading.hard) + len(reading.rare))
    return -score, reading.fact
