"""Reading the project's YAML files safely: bounded in size, no aliases, no duplicate keys.

Every mapping read comes back as a YamlMapping, a dict that also knows its file, the line of each
key and, for each value YAML typed from unquoted text (a number, a date, true/false), the text as
written: config.py uses it to refuse `phone: 0612345670`, which YAML reads as the octal 103402424.
Every list comes back as a YamlList, which knows the same of its items (`- yes` is true, `- 1e3`
is 1000.0), so a list of words is read as written or refused.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# Project YAML files are hand-written settings and labels (the largest shipped is about 140 kB);
# anything bigger is a mistake, and refusing it keeps a stray file from filling the memory.
MAX_YAML_BYTES = 1_000_000


class YamlProblem(Exception):
    """A file that is read as no settings at all; str() is the message, with file:line."""


@dataclass(frozen=True)
class Written:
    """A value YAML typed from unquoted text, with that text and its line."""

    text: str
    line: int


class YamlMapping(dict):  # type: ignore[type-arg]
    """A mapping read from a file, with the line of each key and the text of each typed value."""

    path: str = ""
    lines: dict[Any, int]
    written: dict[Any, Written]

    def where(self, key: Any) -> str:
        """"file:line" of key, for messages."""
        return f"{self.path}:{self.lines.get(key, 0)}"


class YamlList(list):  # type: ignore[type-arg]
    """A list read from a file, with the text and line of each item YAML typed."""

    path: str = ""
    written: dict[int, Written]


def _construct_list(loader: _Loader, node: yaml.SequenceNode) -> YamlList:
    # A plain scalar has style None in PyYAML's parser and "" in libyaml's: `not style` for both.
    items = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    items.path, items.written = loader.shown, {}
    for index, child in enumerate(node.value):
        if isinstance(child, yaml.ScalarNode) and not isinstance(items[index], str) and not child.style:
            items.written[index] = Written(child.value, child.start_mark.line + 1)
    return items


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMapping:
    """A YamlMapping of node; a key given twice is recorded as a problem (YAML keeps the last)."""
    mapping = YamlMapping()
    mapping.path, mapping.lines, mapping.written = loader.shown, {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
            raise YamlProblem(f"{loader.shown}:{key_node.start_mark.line + 1}: a key must be a word, not a "
                              f"{type(key).__name__}")
        line = key_node.start_mark.line + 1
        if key in mapping.lines:
            loader.problems.append(f"{loader.shown}:{line}: {key!r} is given twice in one mapping (first on line "
                                   f"{mapping.lines[key]}); YAML would silently keep only the last: keep one")
            continue
        mapping.lines[key] = line
        value = loader.construct_object(value_node, deep=True)
        if isinstance(value_node, yaml.ScalarNode) and not isinstance(value, str) and not value_node.style:
            mapping.written[key] = Written(value_node.value, value_node.start_mark.line + 1)
        mapping[key] = value
    return mapping


# libyaml comes with PyYAML's wheels; a PyYAML built without it still reads every file, slower.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader on libyaml (C: the plain Python parser was a quarter of a build's
    start-up), recording duplicate keys; anchors and aliases are refused before it runs."""

    shown = ""
    problems: list[str]


def _refuse_aliases(text: str, shown: str) -> None:
    """An alias repeats a node: a few lines can expand to gigabytes (an "alias bomb"). Settings
    and labels never need one, so a file with one is not read at all."""
    if "&" not in text and "*" not in text:
        return  # neither can be written without its sign
    for event in yaml.parse(text, Loader=_SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise YamlProblem(f"{shown}:{event.start_mark.line + 1}: {mark}{event.anchor}: anchors and aliases "
                              "(&name, *name) are not allowed in the project's YAML files; write the value out")


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_list)


def read_yaml_file(path: Path, shown: str | None = None) -> tuple[Any, list[str]]:
    """The document in path and the problems that make it unusable (then the document is None).

    Raises FileNotFoundError when there is no such file; every other problem is a message naming
    the file (as shown, default str(path)) and, where known, the line.
    """
    name = str(path) if shown is None else shown
    size = path.stat().st_size
    if size > MAX_YAML_BYTES:
        return None, [f"{name}: {size:,} bytes is more than the {MAX_YAML_BYTES:,} a YAML file of the project may have"]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [f"{name}: cannot read: not UTF-8 text ({exc.reason} at byte {exc.start})"]
    data, problems = _parsed(text, name)
    # A copy: the caller may change what it gets, and the next reader must get the file as written.
    return _copied(data), list(problems)


def _copied(value: Any) -> Any:
    """A copy of a parsed document down to its scalars, which are immutable (copy.deepcopy took
    as long as parsing)."""
    if isinstance(value, YamlMapping):
        mapping = YamlMapping((key, _copied(item)) for key, item in value.items())
        mapping.path, mapping.lines, mapping.written = value.path, dict(value.lines), dict(value.written)
        return mapping
    if isinstance(value, YamlList):
        items = YamlList(_copied(item) for item in value)
        items.path, items.written = value.path, dict(value.written)
        return items
    return value


# The same file is read again and again when one process builds many times (`handout serve`, the
# tests); parsing by the text itself, never by name or date, keeps an edited file from being missed.
@functools.lru_cache(maxsize=64)
def _parsed(text: str, name: str) -> tuple[Any, tuple[str, ...]]:
    loader = _Loader(text)
    loader.shown, loader.problems = name, []
    try:
        _refuse_aliases(text, name)
        data = loader.get_single_data()
    except YamlProblem as exc:
        return None, (str(exc),)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        return None, (f"{name}:{line}: invalid YAML: {exc.problem}",)
    except yaml.YAMLError as exc:
        return None, (f"{name}: invalid YAML: {exc}",)
    finally:
        loader.dispose()
    return (None, tuple(loader.problems)) if loader.problems else (data, ())


def compose_yaml_file(path: Path) -> yaml.Node | None:
    """The node tree of path (for line numbers), or None when read_yaml_file would refuse the file.
    The tree is shared between readers of the same text: read it, never change it."""
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            return None
        return _composed(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


@functools.lru_cache(maxsize=64)
def _composed(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except (YamlProblem, yaml.YAMLError):
        return None
    finally:
        loader.dispose()


def written_as_text(value: Any, written: Written | None, setting: str, phone: bool = False) -> str | None:
    """The problem with a value YAML typed (number, date, true/false) where text is expected, or None.

    A value that reads back as exactly what was written (`version: 2`, `issued: 2026-01-01`) is
    fine; anything else would print a different text than the one in the file. A phone number is
    always text: YAML reads 0612345670 as the octal 103402424 and 1:30 as 90.
    """
    if isinstance(value, str) or value is None or written is None:
        return None
    if not phone and not isinstance(value, bool) and _as_text(value) == written.text:
        return None
    if isinstance(value, bool):
        reading = f"as {'true' if value else 'false'} (a yes/no value)"
    elif isinstance(value, dt.date):
        kind = "date and time" if isinstance(value, dt.datetime) else "date"
        reading = f"as the {kind} {_as_text(value)}" if written.text != _as_text(value) else f"as a {kind}"
    else:
        reading = f"as the number {_as_text(value)}" if written.text != _as_text(value) else "as a number"
    quoted = written.text.replace("\\", "\\\\").replace('"', '\\"')
    return f"{setting}: YAML reads {written.text} {reading}; put it in quotes: {setting}: \"{quoted}\""


def listed_words(items: Any, setting: str, where: str, problems: list[str]) -> tuple[str, ...]:
    """The items of a list of words or phrases, as written; each item that is not one is a problem.

    A typed item is taken only when it reads back as written (`- 2024`); `- yes` (true) or
    `- 1e3` (1000.0), a mapping or a nested list is refused with its line, never made "True".
    """
    words = []
    for index, item in enumerate(items):
        written = items.written.get(index) if isinstance(items, YamlList) else None
        if isinstance(item, str):
            words.append(item)
        elif not isinstance(item, (bool, int, float, dt.date)):
            kind = "nothing" if item is None else "a mapping" if isinstance(item, dict) else "a list"
            problems.append(f"{where}: {setting}: item {index + 1} must be a word or phrase, not {kind}")
        elif (mistake := written_as_text(item, written, setting)) is None and not isinstance(item, bool):
            words.append(_as_text(item))
        else:
            shown = written.text if written else str(item)
            problems.append(f"{items.path}:{written.line}: {mistake}" if written and mistake else
                            f"{where}: {setting}: {shown!r} is not text; put it in quotes")
    return tuple(words)


def _as_text(value: Any) -> str:
    """The text config.py makes of a typed value (a date as YYYY-MM-DD)."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)
