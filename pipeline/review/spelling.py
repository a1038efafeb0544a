"""Printed statements -> suspected typos, each with one suggested correction for the editor.

The sources are web pages saved as they are, so their slips ("Radiotherpay", "feelign sick")
would be printed in every leaflet. This check lists them in the review report with a ready
`replace` decision; it never changes a word itself (medical text is only ever changed by the
editor). It reads what the handout prints, in each source's language, and calls a word a
typo only when all of these fail to vouch for it:
- the language's dictionary (pyspellchecker, bundled word-frequency lists; nothing is
  downloaded) and, in English, the word's British spelling of a known American one
  (pipeline/review/word_forms.py);
- medical_words.txt beside this module (drugs, diseases, tests; see its header), and the
  words of sections.yaml's key terms and synonyms;
- the topic's own texts: a word two or more sources write the same way is no slip;
- what the word is: an acronym or a name written with inner capitals ("MRI", "MyChart"),
  a word with digits ("PD-1"), a word with no known word one edit away (a name or term the
  lists lack, which no suggestion could fix);
- what the word looks like, each kept unless a known word is one edit away in a way that
  makes a slip likelier than the shape: a name the topic writes capitalised in mid sentence
  ("Dr Feld"; unless the topic uses the word one edit away: "Radiotherpay"); a word of three
  letters or fewer (unless it is a common word with two neighbouring letters swapped, "teh");
  a regular form of a known word ("underwired"), a drug's or a medical term's regular shape
  ("-mab", "-itis") or a compound of known parts ("unperfumed") (unless it is a known word
  with two neighbouring letters swapped, the commonest slip of the keys, or one edit from a
  word two of the topic's sentences use).
A statement whose words the dictionary mostly does not know is in another language (a
phone line's hours "en español"): it is listed as not checked, never flagged word by word.
The suggestion is the known word one edit away that is a swap of two letters, else the one
the topic's texts use most, else the most frequent in the language.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spellchecker import SpellChecker

from pipeline.models import CleanSource, Cluster, Fact, Handout, Source, Spelling, Typo
from pipeline.review.word_forms import compound, medical_shape, stems, variants
from pipeline.vocabulary import Vocabulary

MEDICAL_WORDS = Path(__file__).with_name("medical_words.txt")
FOREIGN_SHARE = 0.5  # a statement with this share of unknown words (and enough of them) is in another language
FOREIGN_WORDS = 3
SHORT = 3  # a word this short is flagged only for two swapped letters ("teh")
AGREEING_SOURCES = 2  # sources that write a word the same way, making it no slip
COMMON = 1e-6  # share of the dictionary's running words above which a word is common (about 1 in a million)

_TOKEN = re.compile(r"[\w'’-]+")
_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|gov|edu)\b\S*", re.IGNORECASE)
_OPENERS = " \t\"'“‘([*_#>–—-"  # what may stand between a sentence's end and its first word
_ENDS = ".!?:;•"


@dataclass(frozen=True)
class _Word:
    """A word of a statement as printed, where it starts, and whether a sentence starts with it."""

    text: str
    start: int
    opens_sentence: bool


@dataclass(frozen=True)
class _TopicWords:
    """What the topic's own texts say about words (all its sentences, printed or not)."""

    agreed: frozenset[str]  # lower-case words that two or more sources write
    names: frozenset[str]  # written capitalised in mid sentence and never in lower case
    uses: Counter[str]  # how often the texts use each lower-case word


def find_typos(handout: Handout, clusters: Sequence[Cluster], vocabulary: Vocabulary,
               cleaned: Sequence[CleanSource], sources: Sequence[Source] = ()) -> Spelling:
    """Check every statement the handout prints; list suspected typos with their source line."""
    topic = _topic_words(clusters)
    language = {source.path: source.meta.language for source in cleaned}
    lines = _line_finder(cleaned, sources)
    typos: list[Typo] = []
    unchecked: list[str] = []
    words = 0
    for cluster in handout.printed_clusters():
        fact = cluster.canonical
        if fact.edited:
            continue  # the editor's wording: decided by the editor, not checked again
        checker = _checker(_base_language(language.get(fact.source, "en")), vocabulary.key_terms, vocabulary.synonyms)
        if checker is None:
            unchecked.append(f"{fact.source}:{fact.line}: no spelling dictionary for language "
                             f"{language.get(fact.source)!r}: {_quote(fact.text)}")
            continue
        found, checked, unknown = checker.check(fact.text, topic)
        if unknown >= FOREIGN_WORDS and unknown >= FOREIGN_SHARE * checked:
            unchecked.append(f"{fact.source}:{fact.line}: most words are not {checker.language!r}, another language? "
                             f"{_quote(fact.text)}")
            continue
        words += checked
        typos += [Typo(cluster.id, word.text, suggestion, word.start, fact.text, fact.source, lines(fact, word.text))
                   for word, suggestion in found]
    return Spelling(tuple(sorted(typos, key=lambda t: (t.source, t.line, t.fact, t.start))), words, tuple(unchecked))


def known_word(word: str, language: str = "en", vocabulary: Vocabulary = Vocabulary()) -> bool:
    """True when the check knows a word as it stands (its dictionary, its lists, its other spellings)."""
    checker = _checker(_base_language(language), vocabulary.key_terms, vocabulary.synonyms)
    return checker is not None and checker.known(_lower(word))


def corrected(text: str, typos: Iterable[Typo]) -> str:
    """The text with every suggestion put in place of its word (for the editor's decision)."""
    for typo in sorted(typos, key=lambda t: -t.start):
        text = text[: typo.start] + typo.suggestion + text[typo.start + len(typo.word):]
    return text


def replace_decision(typos: Sequence[Typo]) -> str:
    """The `replace` decision, for editorial.yaml's `decisions:`, that prints one fact's wording corrected.

    typos: the suspected typos of one fact. The strings are JSON, which YAML reads as they are.
    """
    first = typos[0]
    change = ", ".join(f"'{t.word}' -> '{t.suggestion}'" for t in typos)
    note = f"Spelling: {change} (source {first.source}:{first.line})"
    return (f"  - action: replace\n    fact: {first.fact}\n"
            f"    text: {json.dumps(corrected(first.text, typos), ensure_ascii=False)}\n"
            f"    note: {json.dumps(note, ensure_ascii=False)}\n")


def by_fact(typos: Iterable[Typo]) -> list[tuple[Typo, ...]]:
    """The typos of each fact together, in source order: one decision corrects them all."""
    grouped: dict[str, list[Typo]] = {}
    for typo in typos:
        grouped.setdefault(typo.fact, []).append(typo)
    return [tuple(group) for group in grouped.values()]


def _quote(text: str, width: int = 60) -> str:
    """A statement quoted for a message, cut short."""
    return f"“{text if len(text) <= width else text[:width - 1].rstrip() + '…'}”"


def _base_language(language: str) -> str:
    """ "en-GB" -> "en"."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]


# ---- Words --------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def words_of(text: str) -> tuple[_Word, ...]:
    """The words of a statement to check: no addresses, numbers, acronyms or names with inner capitals.
    (Each statement is read twice, for the topic's words and to be checked: once is enough.)"""
    text = _ADDRESS.sub(lambda m: " " * len(m.group()), text)
    found = []
    for m in _TOKEN.finditer(text):
        token = m.group().strip("'’-")
        start = m.start() + m.group().index(token) if token else m.start()
        token = token[:-2] if token[-2:] in ("'s", "’s") else token
        letters = token.replace("-", "").replace("'", "").replace("’", "")
        if len(token) < 2 or not letters.isalpha() or token[1:] != token[1:].lower():
            continue
        before = start  # back over quotes and brackets to what ends the sentence before, if anything
        while before and text[before - 1] in _OPENERS:
            before -= 1
        found.append(_Word(token, start, not before or text[before - 1] in _ENDS))
    return tuple(found)


def _topic_words(clusters: Sequence[Cluster]) -> _TopicWords:
    """Which words the topic's sources agree on, which are names, and how often each is used."""
    sources: dict[str, set[str]] = defaultdict(set)
    capitalised: set[str] = set()
    lowered: set[str] = set()
    uses: Counter[str] = Counter()
    for fact in _all_facts(clusters):
        for word in words_of(fact.text):
            lower = _lower(word.text)
            sources[lower].add(fact.source)
            uses[lower] += 1
            if word.text[0].isupper() and not word.opens_sentence:
                capitalised.add(lower)
            elif word.text[0].islower():
                lowered.add(lower)
    agreed = frozenset(w for w, where in sources.items() if len(where) >= AGREEING_SOURCES)
    return _TopicWords(agreed, frozenset(capitalised - lowered), uses)


def _all_facts(clusters: Sequence[Cluster]) -> Iterator[Fact]:
    """Every sentence of the topic, each once."""
    for cluster in clusters:
        yield from cluster.members


def _lower(word: str) -> str:
    """The form words are looked up in."""
    return word.replace("’", "'").lower()


# ---- The checker ----------------------------------------------------------------------------


class _Checker:
    """One language's dictionary with the medical words and the scheme's terms."""

    def __init__(self, language: str, dictionary: SpellChecker, extra: frozenset[str]) -> None:
        self.language = language
        self._dictionary = dictionary
        self._frequency = dictionary.word_frequency.dictionary
        self._extra = extra
        self._common = COMMON * dictionary.word_frequency.total_words
        self._known: dict[str, bool] = {}  # the words looked up beyond the lists, and the answer

    def check(self, text: str, topic: _TopicWords) -> tuple[list[tuple[_Word, str]], int, int]:
        """(word, suggestion) of each suspected typo, the number of words checked, and how many were unknown."""
        found: list[tuple[_Word, str]] = []
        checked = unknown = 0
        for word in words_of(text):
            checked += 1
            lower = _lower(word.text)
            if self.known(lower) or lower in topic.agreed:
                continue
            if "-" in lower and compound(lower, self.known):
                continue
            parts = list(_parts(word))
            unknown += any(not self.known(_lower(p.text)) for p in parts)
            for part in parts:
                if (suggestion := self._suggestion(part, topic)) is not None:
                    found.append((part, suggestion))
        return found, checked, unknown

    def known(self, lower: str) -> bool:
        """True when the dictionary or the lists hold the word, one of its other spellings or its base form."""
        if lower in self._frequency or lower in self._extra:
            return True
        if lower not in self._known:
            forms = {lower} | (variants(lower) if self.language == "en" else set())
            self._known[lower] = any(form in self._frequency or form in self._extra
                                     or any(s in self._extra for s in stems(form)) for form in forms)
        return self._known[lower]

    def _suggestion(self, word: _Word, topic: _TopicWords) -> str | None:
        """The correction to suggest for a word, or None when it is not taken for a typo."""
        lower = _lower(word.text)
        if self.known(lower) or lower in topic.agreed:
            return None
        if self.language == "en" and not lower.isascii():
            return None  # a letter English does not use: a name or a word of another language ("Tomás")
        candidates = self._candidates(lower, topic)
        if not candidates:
            return None  # no known word one edit away: a name or term the lists lack
        best = min(candidates, key=lambda c: (not _swapped(lower, c), -topic.uses[c], -self._frequency.get(c, 0), c))
        swapped = _swapped(lower, best)
        if len(lower) <= SHORT and not (swapped and self._frequency.get(best, 0) >= self._common):
            return None
        if lower in topic.names and not topic.uses[best]:
            return None  # a name ("Dr Feld"), unless one edit from a word the topic uses ("Radiotherpay")
        if swapped:
            return _in_case_of(word.text, best)
        if any(stem in topic.uses or self.known(stem) for stem in stems(lower)):
            return None  # a regular form of a known word ("underwired")
        if (medical_shape(lower) or compound(lower, self.known)) and topic.uses[best] < AGREEING_SOURCES:
            return None  # a drug, a term or a compound, unless one edit from a word the topic uses often
        return _in_case_of(word.text, best)

    def _candidates(self, lower: str, topic: _TopicWords) -> set[str]:
        """Words one edit (a letter added, dropped, changed, or two swapped) from a word that it may be a slip of.

        That is a medical word or term, a word the topic's texts use, or a common word of the
        language: the dictionary also holds rare words ("panzer"), which are no likely intent.
        """
        edits = self._dictionary.edit_distance_1(lower)
        return {e for e in edits if e != lower and (e in self._extra or topic.uses[e]
                                                     or self._frequency.get(e, 0) >= self._common)}


@cache
def _checker(language: str, key_terms: tuple[str, ...], synonyms: tuple[tuple[str, ...], ...]) -> _Checker | None:
    """The checker for a language, or None when no dictionary is bundled for it."""
    if language not in SpellChecker.languages():
        return None
    terms = {_lower(w) for phrase in (*key_terms, *(w for group in synonyms for w in group)) for w in re.findall(r"[\w'’]+", phrase)}
    return _Checker(language, _dictionary(language), medical_words() | frozenset(terms))


@cache
def _dictionary(language: str) -> SpellChecker:
    """The bundled word-frequency dictionary of a language (loaded once, about 0.3 s)."""
    return SpellChecker(language=language)


@cache
def medical_words() -> frozenset[str]:
    """The bundled medical word list, lower case."""
    lines = MEDICAL_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(_lower(line.split("#", 1)[0].strip()) for line in lines if line.split("#", 1)[0].strip())


def _parts(word: _Word) -> Iterator[_Word]:
    """A hyphenated word's parts ("side-efects": "side", "efects"), each checked alone."""
    offset = 0
    for piece in word.text.split("-"):
        if len(piece) >= 2:
            yield _Word(piece, word.start + offset, word.opens_sentence and offset == 0)
        offset += len(piece) + 1


def _swapped(word: str, other: str) -> bool:
    """True when two neighbouring letters of word are swapped in other ("feelign", "feeling")."""
    if len(word) != len(other) or word == other:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, other)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]] and word[diff[1]] == other[diff[0]]


def _in_case_of(word: str, suggestion: str) -> str:
    """The suggestion written as the word is: "Radiotherpay" -> "Radiotherapy"."""
    if word.isupper():
        return suggestion.upper()
    return suggestion[:1].upper() + suggestion[1:] if word[:1].isupper() else suggestion


def _line_finder(cleaned: Sequence[CleanSource], sources: Sequence[Source]) -> Callable[[Fact, str], int]:
    """A function giving the source line a word of a fact was read from (a list item may wrap over lines)."""
    spans = {(block.source, block.line): block.lines for source in cleaned for block in source.blocks}
    texts = {(source.path, line.number): line.text for source in sources for line in source.lines}

    def line_of(fact: Fact, word: str) -> int:
        whole = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        for number in spans.get((fact.source, fact.line), range(fact.line, fact.line + 1)):
            if whole.search(texts.get((fact.source, number), "")):
                return number
        return fact.line

    return line_of
