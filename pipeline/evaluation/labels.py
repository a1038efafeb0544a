"""The labels of an evaluation set (eval/<set>/labels.yaml), checked against its source files.

A set's labels name, for every source file, its boilerplate lines by category (contact, form,
credit, other) as line numbers or ranges; groups of statements that say the same thing
(duplicates); and pairs of statements that disagree (contradictions). A statement is
"file:line: quote", a distinctive part of a sentence that must occur exactly once on that line;
locate finds the fact each statement became. Every problem in a set's labels is reported
together. The format is documented at the top of every labels.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from pipeline.models import Fact, Source
from pipeline.text.markdown_inline import unquoted
from pipeline.text.text_browser import without_link_numbers

LABELS = "labels.yaml"
# What kind of furniture a line is: removing all contact data, forms, credits, navigation,
# site alerts and browser or cookie notices is a target of its own; "meta" is what a site says
# about its own pages (contents lists, "this page is about", "you will learn", "read more",
# publication notes); "other" is the rest (captions, site names, buttons, tags ...).
CATEGORIES = ("contact", "form", "credit", "navigation", "alert", "notice", "meta", "other")
LABEL_KEYS = ("sources", "files", "duplicates", "contradictions", "lists", "gated", "held_out")
_STATEMENT = re.compile(r"^(?P<file>.+?):(?P<line>\d+):\s*(?P<quote>\S.*)$", re.DOTALL)
_SENTENCE_BREAK = re.compile(r"\w[.!?]\s+[A-Z]")
_RANGE = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


@dataclass(frozen=True)
class Statement:
    """A labelled statement: a distinctive part of a sentence on one line of a source file."""

    file: str
    line: int
    quote: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.quote}"


@dataclass(frozen=True)
class Labels:
    """One set's labels, checked against its source files."""

    boilerplate: Mapping[tuple[str, int], str]  # (file name, line) -> category
    duplicates: tuple[tuple[Statement, ...], ...]
    contradictions: tuple[tuple[Statement, Statement], ...]
    lists: tuple[LabelledList, ...] = ()
    gated: bool = True  # False: scored and printed, not yet held to the targets
    merges_labelled: bool = True  # False: the set has no `duplicates` key, so merges are not scored
    held_out: bool = False  # True: never trained or tuned on, whether gated or not (the held-out half)


@dataclass(frozen=True)
class LabelledList:
    """A list as the page shows it: its lead-in statement and the lines of its items."""

    lead: Statement
    items: tuple[int, ...]  # non-blank lines of the lead's file, one item each (or part of one)


def parse_labels(raw: Mapping[str, Any], path: Path, sources: Mapping[str, Source]) -> Labels:
    """Check a set's labels against its source files; report every problem together."""
    problems = [f"{path}: unknown setting {key!r} (known: {', '.join(LABEL_KEYS)})"
                for key in sorted(set(raw) - set(LABEL_KEYS), key=str)]
    texts = {name: line_texts(source) for name, source in sources.items()}
    files = raw.get("files") or {}
    if not isinstance(files, dict):
        problems.append(f"{path}: files: expected a mapping of file name to its labels")
        files = {}
    for name in sorted(set(sources) - set(files)):
        problems.append(f"{path}: files: {name} has no entry (write 'boilerplate: {{}}' if it has none)")
    boilerplate: dict[tuple[str, int], str] = {}
    for name, entry in files.items():
        where = f"{path}: files: {name}"
        if name not in sources:
            problems.append(f"{where}: unknown file (the sources are: {', '.join(sorted(sources)) or 'none'})")
        else:
            boilerplate.update(_boilerplate(entry, name, texts[name], where, problems))
    duplicates = _groups(raw.get("duplicates"), f"{path}: duplicates", texts, problems, size=None)
    contradictions = _groups(raw.get("contradictions"), f"{path}: contradictions", texts, problems, size=2)
    lists = _lists(raw.get("lists"), f"{path}: lists", texts, boilerplate, problems)
    gated, held_out = raw.get("gated", True), raw.get("held_out", False)
    problems += [f"{path}: {key}: expected true or false" for key, value in (("gated", gated), ("held_out", held_out))
                 if not isinstance(value, bool)]
    if problems:
        raise ConfigError(problems)
    return Labels(boilerplate, duplicates, tuple((a, b) for a, b in contradictions), lists, bool(gated),
                  merges_labelled="duplicates" in raw, held_out=bool(held_out))


def line_texts(source: Source) -> dict[int, str]:
    """The non-blank lines of a source by number (HTML elements on one line joined)."""
    texts: dict[int, list[str]] = defaultdict(list)
    for line in source.lines:
        if line.text.strip():
            texts[line.number].append(line.text.strip())
    return {number: " ".join(parts) for number, parts in texts.items()}


def _boilerplate(
    entry: Any, name: str, texts: Mapping[int, str], where: str, problems: list[str]
) -> dict[tuple[str, int], str]:
    """One file's boilerplate lines by category; ranges cover their non-blank lines."""
    if not isinstance(entry, dict) or set(entry) - {"boilerplate"}:
        problems.append(f"{where}: expected a mapping with only 'boilerplate'")
        return {}
    lines = entry.get("boilerplate") or {}
    if not isinstance(lines, dict):
        problems.append(f"{where}: boilerplate: expected a mapping of line (or range) to category")
        return {}
    labelled: dict[tuple[str, int], str] = {}
    for key, category in lines.items():
        if category not in CATEGORIES:
            problems.append(f"{where}: {key}: unknown category {category!r} (use {', '.join(CATEGORIES)})")
            continue
        for number in line_numbers(key, texts, f"{where}: {key}", problems):
            if (name, number) in labelled:
                problems.append(f"{where}: line {number} is labelled twice")
            labelled[name, number] = category
    return labelled


def line_numbers(key: Any, texts: Mapping[int, str], where: str, problems: list[str]) -> list[int]:
    """The non-blank lines a label key ("12" or "12-15") names, checked against the file."""
    last = max(texts, default=0)
    match = _RANGE.match(str(key))
    if isinstance(key, bool) or not (isinstance(key, int) or match):
        problems.append(f"{where}: expected a line number or a range like 12-15")
        return []
    start, end = (int(match.group(1)), int(match.group(2))) if match else (key, key)
    if not 1 <= start <= end <= last:
        problems.append(f"{where}: line out of range (the file's text lines are 1-{last})")
        return []
    numbers = [n for n in range(start, end + 1) if n in texts]
    if not numbers:
        problems.append(f"{where}: line {start} is blank" if start == end else f"{where}: all lines are blank")
    return numbers


def _groups(
    raw: Any, where: str, texts: Mapping[str, Mapping[int, str]], problems: list[str], size: int | None
) -> tuple[tuple[Statement, ...], ...]:
    """Parse groups of statements ('file:line: quote'); size fixes their length (pairs)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(f"{where}: expected a list of groups")
        return ()
    groups = []
    for number, group in enumerate(raw, start=1):
        here = f"{where}: group {number}"
        if not isinstance(group, list) or len(group) < 2 or (size and len(group) != size):
            problems.append(f"{here}: expected a list of {size or 'two or more'} statements")
            continue
        statements = [_statement(item, here, texts, problems) for item in group]
        groups.append(tuple(s for s in statements if s is not None))
    return tuple(groups)


def _lists(raw: Any, where: str, texts: Mapping[str, Mapping[int, str]],
           boilerplate: Mapping[tuple[str, int], str], problems: list[str]) -> tuple[LabelledList, ...]:
    """Parse lists: each {lead: 'file:line: quote', items: 'first-last'} (lines of the lead's file)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(f"{where}: expected a list of {{lead, items}} mappings")
        return ()
    found = []
    for number, entry in enumerate(raw, start=1):
        here = f"{where}: list {number}"
        if not isinstance(entry, dict) or set(entry) != {"lead", "items"}:
            problems.append(f"{here}: expected a mapping with 'lead' and 'items'")
            continue
        lead = _statement(entry["lead"], here, texts, problems)
        if lead is None:
            continue
        items = line_numbers(entry["items"], texts[lead.file], f"{here}: items", problems)
        if not all(n > lead.line for n in items):
            problems.append(f"{here}: the items must come after the lead-in (line {lead.line})")
        # A range may run over furniture between its items (a printed page's running header and
        # footer where a page break splits the list); its first and last lines are items.
        labelled = [n for n in items if (lead.file, n) in boilerplate]
        if labelled and (items[0] in labelled or items[-1] in labelled):
            problems.append(f"{here}: lines {labelled} are labelled boilerplate, not items")
        found.append(LabelledList(lead, tuple(n for n in items if n not in labelled)))
    return tuple(found)


def _statement(
    item: Any, where: str, texts: Mapping[str, Mapping[int, str]], problems: list[str]
) -> Statement | None:
    """Parse one 'file:line: quote' and check that the quote is on that line, once."""
    match = _STATEMENT.match(item) if isinstance(item, str) else None
    if not match:
        problems.append(f"{where}: {item!r}: expected 'file:line: a distinctive part of the sentence'")
        return None
    statement = Statement(match["file"], int(match["line"]), match["quote"].strip())
    if _SENTENCE_BREAK.search(statement.quote):
        # A statement becomes one fact, and a fact is one sentence: a quote across a full stop
        # would match none and score as a miss of the cleaner, not of the label.
        problems.append(f"{where}: {item!r}: the quote runs over two sentences; quote a part of one")
        return None
    lines = texts.get(statement.file)
    if lines is None:
        problems.append(f"{where}: {item!r}: unknown file {statement.file!r}")
    elif statement.line not in lines:
        problems.append(f"{where}: {item!r}: line {statement.line} is blank or out of range")
    elif (count := _squash(lines[statement.line]).count(_squash(statement.quote))) != 1:
        found = "not found on" if not count else f"found {count} times on"
        problems.append(f"{where}: {item!r}: the quote is {found} line {statement.line}")
    else:
        return statement
    return None


def _squash(text: str) -> str:
    """Collapse whitespace, for comparing quotes with lines and facts."""
    return " ".join(text.split())


def locate(labels: Labels, sources: Mapping[str, Source], facts: Sequence[Fact],
           first_line: Mapping[tuple[str, int], int] | None = None) -> dict[Statement, Fact | None]:
    """The fact each labelled statement became (None when its line was removed or split apart).

    first_line: (path, line) -> the first line of the block it was read into, for a statement on
    a line that continues a wrapped paragraph ("... straight away," / "day or night, if you:")."""
    on_line: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        on_line[fact.source, fact.line].append(fact)
    statements = {s for group in labels.duplicates + labels.contradictions for s in group}
    statements |= {labelled.lead for labelled in labels.lists}
    located = {}
    for statement in statements:
        # "> 🚨 Call us ... if you have:": the call-out's words; "our [58]Infusion Center": the page's words
        quote = _squash(without_link_numbers(unquoted(statement.quote)))
        path = sources[statement.file].path
        candidates = on_line.get((path, (first_line or {}).get((path, statement.line), statement.line)), [])
        located[statement] = next(
            (f for f in candidates if quote in _squash(f.original) or quote in _squash(f.text)), None
        )
    return located
