"""Which (topic, language) pairs a release includes, and why each other pair is left out.

A topic is released in a language when the current build of it prints nothing in English there
(each output records the messages it printed in English, `untranslated`) and the language's page
furniture (ui.po) is all translated and clean. English is always released. A language that has
not begun a topic is not even built for it (builder: BuildOptions.translated_only); the count of
what is left to translate then comes from what the English outputs print. One language's
unfinished topic never holds back its other topics. A language the build could not make (a broken
catalog, a character no bundled font draws: build/catalogs.py) is left out with the build's reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.i18n.completeness import audit_furniture, describe
from pipeline.i18n.extraction import ui_template
from pipeline.i18n.locale_data import is_source_language
from pipeline.i18n.po_files import topic_of, topic_prefix
from pipeline.i18n.translations import facts_file, load_messages
from pipeline.models import Output, Untranslated


@dataclass(frozen=True)
class Scope:
    """What a release includes, by (topic, locale), and what it leaves out with why."""

    included: frozenset[tuple[str, str]]
    left_out: tuple[tuple[str, str], ...]  # ("fr/radiotherapy", why), sorted
    not_reviewed: tuple[str, ...]  # included languages whose translation no medical translator has reviewed
    # Per included topic, its editor's rewrites no clinician has checked ("editorial.yaml:12: c1234: wording").
    rewrites_unchecked: tuple[tuple[str, tuple[str, ...]], ...] = ()


def release_scope(root: Path, topics: Sequence[str], outputs: Sequence[Output], not_begun: Sequence[tuple[str, str]],
                  chosen: Sequence[str], every: Sequence[str], not_built: Mapping[str, str] | None = None) -> Scope:
    """Judge every topic in every language of the project from the outputs the release built.

    not_built: the languages the build could not make, with why ("catalog broken: file:line: cause").
    """
    not_built = not_built or {}
    included: set[tuple[str, str]] = set()
    left_out, not_reviewed = [], set()
    english = _printed(outputs, "en")
    for language in dict.fromkeys([*every, *chosen]):
        if is_source_language(language):
            included |= {(topic, language) for topic in topics if language in chosen}
            continue
        if language not in chosen:
            left_out += [(f"{language}/{topic}", "not requested (--language)") for topic in topics]
            continue
        if language in not_built:
            left_out += [(f"{language}/{topic}", not_built[language]) for topic in topics]
            continue
        messages = load_messages(root, language)
        furniture = audit_furniture(messages, ui_template())
        printed = _printed(outputs, language)
        for topic in topics:
            if (topic, language) in not_begun:
                total = english.get(topic, set())
                own = sum(1 for context in total if topic_of(context, topics) == topic)
                why = (f"not begun: no message whose msgctxt starts with \"{topic_prefix(topic)}\" is translated "
                       f"({own} of the {len(total)} it prints; run `make update`, then translate them in "
                       f"{facts_file(root, language)})")
            else:
                problems = _printed_in_english(outputs, topic, language, messages.files["facts"])
                why = describe(problems, len(printed.get(topic, ()))) if problems else ""
            if not furniture.clean:
                why += ("; " if why else "") + (f"page furniture ({messages.files['ui']}): "
                                                + describe(furniture.problems, furniture.total))
            if why:
                left_out.append((f"{language}/{topic}", why))
            else:
                included.add((topic, language))
                if not messages.reviewed:
                    not_reviewed.add(language)
    return Scope(frozenset(included), tuple(sorted(left_out)), tuple(sorted(not_reviewed)))


def _printed(outputs: Sequence[Output], locale: str) -> dict[str, set[str]]:
    """Per topic, the facts messages its outputs in locale print (every profile and kind together)."""
    found: dict[str, set[str]] = {}
    for item in outputs:
        if item.locale == locale:
            found.setdefault(item.topic, set()).update(item.printed)
    return found


def _printed_in_english(outputs: Sequence[Output], topic: str, locale: str, facts_po: str) -> list[Untranslated]:
    """The topic's own messages (facts.po) its outputs in locale printed in English, each once."""
    found = {problem for item in outputs if item.topic == topic and item.locale == locale
             for problem in item.untranslated if problem.path == facts_po}
    return sorted(found, key=lambda p: (p.line, p.context))
