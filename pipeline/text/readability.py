"""Readability of printed text: the Flesch-Kincaid grade level (English), long sentences, rare words.

grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59

The formula is for prose: a list item or a heading is judged by its words alone (rare_words),
since a one-line "Endocrinopathies" would score grade 55. A word is rare when it is uncommon in
everyday language: below RARE_ZIPF on wordfreq's Zipf scale (log10 of its frequency per billion
words: "the" 7.7, "fatigue" 3.9, "intravenously" 2.6), in any language wordfreq covers.

Patient material should read at grade 8 or below. Words are runs of letters (an
apostrophe or hyphen inside a word keeps it whole); numbers are not words. A sentence
ends at . ! ? or … followed by a capital, a digit or the end of the line, and every line
is at least one sentence, so list items and headings without a full stop count as
sentences of their own rather than gluing into one endless sentence.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pyphen

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Terminal punctuation, any closing quotes or brackets, then a space before something
# that does not start in lower case ("e.g. the" is not a sentence end).
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?![a-z])")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Adjacent vowels that are two syllables (di-et, vi-a, i-de-a, go-ing), minus the
# common one-syllable endings (-tion, -cian, -quality, -guage, peo-ple).
_HIATUS = re.compile(r"(?<![tscgx])io|(?<![ct])ia|iu|eo(?!p)|(?<![qg])ua|uo|(?<!^)yi|iet|ea$"
                     r"|[aeiouy](?=ing$)")
# Silent endings, tried in order; the first that leaves a vowel is dropped:
# -gue/-que, a final e (but not the e of -ble, -tle ...), -es and -ed where unspoken.
_SILENT_ENDINGS = tuple(re.compile(p) for p in (
    r"(?<=[qg])ue$",
    r"(?<![aeiouy])(?<![^aeiouy]l)e$",
    r"(?<![aeiouysxzcgh])(?<![^aeiouy]l)es$",
    r"(?<![aeiouytd])ed$",
))
# A silent e before a suffix (complete-ly, care-ful, there-fore).
_SILENT_E_BEFORE_SUFFIX = re.compile(r"(?<=[^aeiouy])e(?=(?:ly|ment|ful|fully|ness|less|fore)$)")


def flesch_kincaid_grade(text: str, language: str = "en") -> float | None:
    """Return the Flesch-Kincaid grade of text, or None if it has no words or is not English."""
    if not _is_english(language):
        return None
    words = _WORD.findall(text)
    if not words:
        return None
    syllables = sum(syllable_count(word) for word in words)
    sentences = sum(_sentence_count(line) for line in text.splitlines())
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


PATIENT_GRADE = 8.0  # patient material should read at US school grade 8 or below (NIH)
LONG_SENTENCE_WORDS = 25  # a sentence longer than this is hard to follow, whatever its words
RARE_ZIPF = 3.0  # below: a word most adults meet less than once in a million words


def sentences_of(text: str) -> list[str]:
    """The sentences of text, as the grade counts them (each line at least one)."""
    return [piece for line in text.splitlines() for piece in _SENTENCE_END.split(line) if _WORD.search(piece)]


def words_of(text: str) -> list[str]:
    """The words of text (runs of letters; numbers are not words)."""
    return _WORD.findall(text)


def rare_words(text: str, language: str = "en", known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of text that are rare in everyday language, each once, in text order.

    known: lower-case words never counted (a topic's key terms: drug and cancer names have no
    everyday alternative). Empty for a language wordfreq has no list for.
    """
    code = _wordfreq_language(language)
    if code is None:
        return ()
    found: dict[str, str] = {}
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in found:
            continue
        bases = _bases(lower) if code == "en" else {lower}
        if not bases & known and max(_zipf(base, code) for base in bases) < RARE_ZIPF:
            found[lower] = word
    return tuple(found.values())


def _bases(word: str) -> set[str]:
    """An English word and what it may be an inflection of ("fevers" -> "fever"): an inflected form
    is rarer than its word, and no harder to read."""
    bases = {word, word.removesuffix("’s").removesuffix("'s")}
    for ending, base in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            bases.add(word[:-len(ending)] + base)
    return bases


@cache
def _zipf(word: str, code: str) -> float:
    from wordfreq import zipf_frequency  # loaded where words are measured, not by every command

    # A hyphenated word is as common as its rarest part ("well-known" is not in every list).
    return min(zipf_frequency(part, code) for part in word.split("-") if part) if "-" in word else zipf_frequency(word, code)


@cache
def _wordfreq_language(language: str) -> str | None:
    from wordfreq import available_languages

    code = re.split(r"[-_]", language.strip().lower())[0]
    return code if code in available_languages() else None


def syllable_count(word: str) -> int:
    """Estimate the syllables of an English word (a hyphenated word: the sum of its parts)."""
    return sum(_part_syllables(part) for part in _plain(word).split("-") if part)


def _is_english(language: str) -> bool:
    """True for "en", "en-GB", "en_US" and the like: the formula is defined for English."""
    return re.split(r"[-_]", language.strip().lower())[0] == "en"


def _sentence_count(line: str) -> int:
    """Count the sentences of one line: pieces between sentence ends that hold a word."""
    return sum(1 for piece in _SENTENCE_END.split(line) if _WORD.search(piece))


def _plain(word: str) -> str:
    """Lower-case ASCII letters and hyphens only: accents and apostrophes go ("patient's").

    A diaeresis says the vowel is spoken on its own (naïve, Noël), so it becomes a break.
    """
    decomposed = unicodedata.normalize("NFKD", word.lower())
    decomposed = re.sub("(.)\u0308", r"-\1", decomposed)
    return re.sub(r"[^a-z\-]", "", decomposed)


@cache
def _part_syllables(word: str) -> int:
    """Syllables of a plain word: the larger of two estimates that err in opposite ways.

    Pyphen's hyphenation points are real syllable breaks, but only those allowed in
    print (no break leaving one letter: "ev-ery", "area"), so points + 1 is too low on
    short and vowel-initial words. Vowel groups are too low on adjacent vowels spoken
    apart and too high on silent letters; the rules above fix the common cases. On 285
    hand-checked medical and everyday words (the ones the rules were tuned on) the larger
    of the two is right for 276, pyphen alone for 233, vowel groups alone for 263.
    """
    if not word:
        return 0
    hyphenated = len(_hyphenator().positions(word)) + 1
    return max(hyphenated, _vowel_syllables(word))


def _vowel_syllables(word: str) -> int:
    """Estimate syllables by vowel groups, corrected for silent and split vowels."""
    if len(word) <= 2:
        return 1
    w = re.sub(r"^y|(?<=[aeiou])y(?=[aeiou])", "j", word)  # y as a consonant: yes, employee
    w = _SILENT_E_BEFORE_SUFFIX.sub("", w)
    for ending in _SILENT_ENDINGS:
        cut = ending.sub("", w)
        if cut != w and _VOWEL_GROUP.search(cut):
            w = cut
            break
    count = len(_VOWEL_GROUP.findall(w)) + len(_HIATUS.findall(w))
    count += bool(re.search(r"(?:th|[^aeiouy]s)m$", w))  # rhythm, organism
    return max(1, count)


@cache
def _hyphenator() -> pyphen.Pyphen:
    """Load the English hyphenation dictionary once (it ships with pyphen; no download)."""
    return pyphen.Pyphen(lang="en_US")
