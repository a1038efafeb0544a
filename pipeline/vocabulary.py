"""Key terms and synonyms (sections.yaml), compiled once into the forms the stages match them in.

load_config builds one Vocabulary and the section scheme carries it; dedupe, the repeats check,
the conflicts finder and the evaluation read terms and synonyms from it and nowhere else.

Key terms are matched two ways, because the two questions differ:
- `terms_in` (dedupe, repeats, the evaluation's hidden merges): which terms does a statement
  name? A term matches at a word start in the casefolded text ("diarrh" finds "diarrhoea"), a
  short one ("ent") only as a whole word, and is named by its synonym group's preferred word:
  "radiation therapy" and "radiotherapy" are one term, so two sources that use the two words
  can merge (the clinic's synonym list says they mean the same), and the printed wording keeps
  the very word its source used.
- `mentions_in` (conflicts): where in one clause, as written, is each subject named? Offsets
  index the clause itself (quotes are cut from it; casefolding can change its length), so
  the match ignores case instead; a term is named by its synonym group's preferred word, so
  "radiation therapy" and "radiotherapy" are one subject; and "breast" alone stands for
  "breast cancer" where the same clause speaks of cancers or tumours ("prostate and breast
  tumours"): an alias that holds within one clause, but in merging would let a canonical
  wording stand for a term it does not print.
Synonyms: `fold` writes each as its group's preferred word for comparing wordings (dedupe's
stems, the repeats check's TF-IDF); `preferred` maps them for naming subjects (conflicts).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# A key term "X cancer" also matches plain "X" in a clause that speaks of cancers or tumours.
_TAIL_SYNONYMS = {"cancer": r"\b(?:cancer|tumou?r|carcinoma|malignan|neoplas)"}


@dataclass(frozen=True)
class ClauseTerm:
    """A key term as the conflicts finder looks for it: an alias counts only where its tail is named."""

    name: str  # the term, written as its synonym group's preferred word
    pattern: re.Pattern[str]
    tail: re.Pattern[str] | None = None
    first: str = ""  # the first word its pattern needs at a word start (casefolded): a quick pre-check


@dataclass(frozen=True)
class Vocabulary:
    """The scheme's key terms and synonym groups, with the patterns compiled from them."""

    key_terms: tuple[str, ...] = ()  # as sections.yaml gives them (load_config: lower case, sorted, distinct)
    synonyms: tuple[tuple[str, ...], ...] = ()  # each group: preferred word first
    # Compiled from the two above when the vocabulary is made, never passed in:
    terms: tuple[tuple[str, re.Pattern[str], str], ...] = field(init=False, repr=False, compare=False)
    clause_terms: tuple[ClauseTerm, ...] = field(init=False, repr=False, compare=False)
    preferred: Mapping[str, str] = field(init=False, repr=False, compare=False)  # synonym -> preferred word
    _synonym: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        key_terms = tuple(self.key_terms)
        groups = tuple(tuple(group) for group in self.synonyms)
        preferred = {word.casefold(): group[0].casefold() for group in groups for word in group[1:]}
        # Longest first, so "radiation therapy" wins over a shorter synonym inside it.
        alternatives = "|".join(re.escape(word) for word in sorted(preferred, key=lambda w: (-len(w), w)))
        compiled = {
            "key_terms": key_terms,
            "synonyms": groups,
            "terms": _terms(key_terms),
            "clause_terms": _clause_terms(key_terms, preferred),
            "preferred": preferred,
            "_synonym": re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE) if preferred else None,
        }
        for name, value in compiled.items():
            object.__setattr__(self, name, value)  # frozen: set once, here

    def terms_in(self, folded: str) -> frozenset[str]:
        """The key terms a casefolded wording names, each as its synonym group's preferred word."""
        text = folded if self._synonym is None else f"{folded}\n{self.fold(folded)}"
        words = _Words(text)
        return frozenset(self.preferred.get(name, name) for name, pattern, first in self.terms
                         if words.start(first) and pattern.search(text))

    def fold(self, text: str) -> str:
        """The text with every synonym written as its group's preferred word, for comparing only."""
        if self._synonym is None:
            return text
        return self._synonym.sub(lambda m: self.preferred[m.group().casefold()], text)

    def mentions_in(self, clause: str) -> list[tuple[str, int]]:
        """(preferred name, offset) for every key term a clause names, aliases included."""
        found = []
        words = _Words(clause)
        for term in self.clause_terms:
            if not words.start(term.first) or term.tail is not None and not term.tail.search(clause):
                continue
            found += [(term.name, m.start()) for m in term.pattern.finditer(clause)]
        return sorted(found, key=lambda f: (f[1], f[0]))


class _Words:
    """The distinct words of a text, casefolded and sorted: does any of them start with a given word?

    A term's pattern can only match where a word starts with the term's first word, so most of the
    terms of a vocabulary are ruled out without running their patterns.
    """

    def __init__(self, text: str) -> None:
        self.words = sorted(set(_WORD.findall(text.casefold())))

    def start(self, prefix: str) -> bool:
        index = bisect_left(self.words, prefix)
        return not prefix or index < len(self.words) and self.words[index].startswith(prefix)


_WORD = re.compile(r"\w+")


def _first_word(phrase: str) -> str:
    """The first word of a phrase, casefolded ("" when it starts with a sign: then never ruled out)."""
    match = re.match(r"\w+", phrase.casefold())
    return match.group() if match else ""


def _terms(key_terms: Sequence[str]) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Each term at a word start of casefolded text; short ones (like "ent") only as whole words."""
    return tuple(
        (term, re.compile(r"\b" + re.escape(term.casefold()) + (r"\b" if len(term) <= 3 else "")), _first_word(term))
        for term in sorted(set(key_terms))
    )


def _clause_terms(key_terms: Sequence[str], preferred: Mapping[str, str]) -> tuple[ClauseTerm, ...]:
    """Each term at a word start, any case (short ones as whole words), named by its preferred synonym.

    A term ending in a word other terms also end in ("breast cancer", "lung cancer") also
    matches its distinctive part ("breast") where the clause names the tail or a synonym of
    it ("prostate and breast tumours"), unless that part occurs in another term.
    """
    names = sorted({t.casefold().strip() for t in key_terms if t.strip()})
    compiled = [ClauseTerm(n, _word(n, whole=len(n) <= 3), first=_first_word(n)) for n in names]
    tails: dict[str, int] = defaultdict(int)
    for name in names:
        if " " in name:
            tails[name.rsplit(" ", 1)[1]] += 1
    words_elsewhere: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in name.split():
            words_elsewhere[word].add(name)
    for name in names:
        if " " not in name:
            continue
        head, tail = name.rsplit(" ", 1)
        if tails[tail] < 2 or len(head) <= 3 or any(words_elsewhere[w] - {name} for w in head.split()):
            continue
        synonyms = _TAIL_SYNONYMS.get(tail, r"\b" + re.escape(tail))
        compiled.append(ClauseTerm(name, _word(head, whole=True), re.compile(synonyms, re.IGNORECASE),
                                   _first_word(head)))
    return tuple(ClauseTerm(preferred.get(t.name, t.name), t.pattern, t.tail, t.first) for t in compiled)


def _word(phrase: str, whole: bool) -> re.Pattern[str]:
    """A phrase at a word start; whole: also at a word end."""
    return re.compile(r"\b" + re.escape(phrase) + (r"\b" if whole else ""), re.IGNORECASE)
