"""Content blocks -> facts: sentences and list items with file:line provenance.

Repairs are typographic only (spacing, quotes, invisible characters, glued words);
the wording is never changed, and the original text stays on the fact.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace

from pipeline.models import Block, CleanSource, Fact
from pipeline.text.citations import BEFORE_NEXT_SENTENCE, without_citation, without_markers
from pipeline.text.ids import fact_id, normalize_key
from pipeline.text.publisher_names import names_publisher, publisher_names

# Words ending in a period that do not end a sentence.
ABBREVIATIONS = frozenset(
    "e.g i.e ie eg dr mr mrs ms prof st vs etc approx fig no nos vol cf al inc ltd jr sr dept".split()
)
# A sentence ends at its punctuation (and a citation number glued to it, citations.py), a
# closing quote or bracket, and a space before a capital or digit.
_SENTENCE_END = re.compile(
    rf"(?<=[.!?…])({BEFORE_NEXT_SENTENCE}[\"”’)\]]?)\s+(?=[\"“‘(\[]?[A-Z0-9À-Ý])")
# Sentence openings that refer back to the previous sentence: such a sentence is printed
# right after the one it leans on, or it would lose its meaning ("It is given weekly.").
_REFERS_BACK = {
    "en": re.compile(
        r"^(it|its|this|these|they|them|their|that|those|such|he|she|however|but|and|also|thus|"
        r"therefore|moreover|furthermore|nevertheless|in doing so|in such cases|in this case|"
        r"through this method|on the other hand|for this reason|as a result|so(?! that\b)|then|still|even so|instead|"
        r"otherwise|in addition|in fact|as well|similarly|likewise|for example|for instance|because of this|"
        r"that's why|that is why|here|the (?:trouble|catch|problem|downside|upside|difference|reason|result|"
        r"good news|bad news|answer) is"
        r"|(?:yes|no)(?=\s*[.,!;]))\b",  # the answer to a question: "No. You will not feel it." (not "No one ...")
        re.IGNORECASE,
    ),
}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_LIGATURES = re.compile("[\ufb00-\ufb06]")

_REPAIRS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "(skin cancer)for" -> "(skin cancer) for"; "word(note)" -> "word (note)".
    (re.compile(r"\)(?=[A-Za-zÀ-ÿ])"), ") "),
    (re.compile(r"(?<=[a-zà-ÿ]{2})\((?=[A-Za-z])"), " ("),
    # "results.The" -> "results. The" (not "e.g.", "U.S.", "example.org", "0.5").
    (re.compile(r"(?<=[a-zà-ÿ]{3})([.!?])(?=[A-Z][a-zà-ÿ])"), r"\1 "),
    # "cancer,melanoma" -> "cancer, melanoma" (not "11,640").
    (re.compile(r"(?<=[A-Za-zà-ÿ]),(?=[A-Za-zà-ÿ])"), ", "),
    # "For who ?" -> "For who?" (English spacing; French keeps its space).
    (re.compile(r"(?<=\w) +(?=[?!;:](?:\s|$))"), ""),
    (re.compile(r"(?<=\w) +(?=[,.](?:\s|$))"), ""),
)


def find_facts(sources: Sequence[CleanSource]) -> tuple[Fact, ...]:
    """Split every source's content blocks into facts, in source and line order."""
    facts: list[Fact] = []
    for source in sorted(sources, key=lambda s: s.path):
        facts.extend(source_facts(source))
    return tuple(facts)


def repair(text: str, language: str = "en") -> str:
    """Repair typographic damage only: Unicode, spacing, quotes, glued words, citation markers."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = without_citation(re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", without_markers(text)).strip())
    for pattern, replacement in _REPAIRS:
        if language == "fr" and replacement == "":
            continue
        text = pattern.sub(replacement, text)
    return _curly_quotes(text)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and decimals intact."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rstrip("\"”’)]")
        last_word = before.rsplit(maxsplit=1)[-1] if before.split() else ""
        if _is_abbreviation(last_word):
            continue
        sentences.append(text[start : match.end(1)].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def refers_back(text: str, language: str) -> bool:
    """True when a sentence opens with a word that points to the sentence before it."""
    pattern = _REFERS_BACK.get(language.split("_")[0].split("-")[0])
    return bool(pattern and pattern.match(text))


# Words by which a sentence announces a list ("There are some risks.", "These steps help.").
_LIST_CUE = re.compile(r"\b(some|these|the following|several|a few|many|include|includes|including|such as|"
                       r"ways|steps|tips|signs|things|risks|types|kinds)\b", re.IGNORECASE)


def source_facts(source: CleanSource) -> Iterable[Fact]:
    """Yield the facts of one source, linking list items to their lead-in sentence."""
    heading = outer = ""
    above: list[tuple[int, str]] = []  # the headings of known level over the current one, outermost first
    lead = ""
    tail: list[tuple[str, str]] = []  # the sentences of the paragraph just read
    seen: dict[str, int] = {}
    publisher = publisher_names(source.meta.publisher)
    for block in source.blocks:
        if block.kind == "heading":
            heading, lead, tail = repair(block.text, source.meta.language), "", []
            # An h3 "Teeth" under an h2 "Before you start": the h2 says where its statements belong.
            # (Not the h1: that is the page's title, over every statement of it.)
            above = [(level, text) for level, text in above if block.level and level < block.level]
            outer = above[-1][1] if above and above[-1][0] > 1 else ""
            if block.level:
                above.append((block.level, heading))
            continue
        if block.kind == "item" and not lead and tail:
            # Items right under a paragraph are its list ("These steps can help." + a bulleted
            # list): the sentence that announces some of something introduces them, colon or
            # not ("There are some risks. Your doctor weighs them." + the risks), else the last.
            lead = next((fact_id for fact_id, text in reversed(tail) if _LIST_CUE.search(text)), tail[-1][0])
        pieces = [block.text] if block.kind == "item" else split_sentences(block.text)
        previous = ""
        paragraph: list[tuple[str, str]] = []  # (fact id, text) of this block's sentences
        for piece in pieces:
            fact = _make_fact(block, piece, source.meta.language, heading, lead, seen)
            if outer:
                fact = replace(fact, outer=outer)
            if previous and refers_back(fact.text, source.meta.language):
                fact = replace(fact, after=previous)
            if names_publisher(fact.text, publisher):
                fact = replace(fact, excluded="names the publishing site")
            previous = fact.id
            paragraph.append((fact.id, fact.text))
            yield fact
        if block.kind == "paragraph":
            lead = fact.id if fact.role == "lead" else ""
        tail = paragraph if block.kind == "paragraph" else []


def _make_fact(
    block: Block, piece: str, language: str, heading: str, lead: str, seen: dict[str, int]
) -> Fact:
    """Build one fact, numbering repeats of the same wording in the same file."""
    text = repair(piece, language)
    key = normalize_key(text)
    occurrence = seen.get(key, 0)
    seen[key] = occurrence + 1
    is_item = block.kind == "item"
    return Fact(
        id=fact_id(block.source, text, occurrence),
        text=text,
        original=piece,
        source=block.source,
        line=block.line,
        kind="item" if is_item else "sentence",
        heading=heading,
        lead=lead if is_item else "",
    )


def _is_abbreviation(word: str) -> bool:
    """True for words like "e.g." or "Dr." and single initials like "J."."""
    bare = word.rstrip(".").lstrip("(\"“‘").casefold()
    return bare in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha())


def _curly_quotes(text: str) -> str:
    """Turn straight quotes into typographic ones: apostrophes, then pairs."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(?<=\s)'|^'", "‘", text)
    text = text.replace("'", "’")
    text = re.sub(r'(?:(?<=[\s(\[])|^)"', "“", text)
    return text.replace('"', "”")
