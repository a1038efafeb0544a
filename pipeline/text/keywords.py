"""Section keywords matched as words and stems, never as substrings.

A keyword is a word or a phrase ("side effect", "tell your team", "%"). It matches a text that
has the same words in the same order, each word compared by its Snowball stem in the text's
language ("side effects" matches "side effect", "infusions" matches "infusion", "tumours"
matches "tumor"), so "alone" never matches inside "malone" and "call" never inside "recall".
Which words make a good keyword is the scheme's business (sections.yaml): a single word that
also has an everyday sense ("call" in "we call these short-term effects") belongs in a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import snowballstemmer
from babel import Locale, UnknownLocaleError

_TOKEN = re.compile(r"[^\W_]+|%")
# British and American spellings fold together before stemming ("tumour" -> "tumor").
_VARIANTS = (("our", "or"), ("ise", "ize"), ("yse", "yze"), ("ae", "e"), ("oe", "e"), ("ence", "ense"))


def fold_spelling(word: str) -> str:
    """One spelling for British and American variants of a lower-case English word."""
    for old, new in _VARIANTS:
        if old in word and len(word) > 5:
            word = word.replace(old, new)
    return word


@lru_cache(maxsize=None)
def stemmer(language: str) -> Callable[[str], str]:
    """The Snowball stemmer of a language code ("fr", "pt_BR"); no stemming for a language Snowball lacks."""
    try:
        name = (Locale.parse(language.replace("-", "_")).english_name or "").lower()
    except (ValueError, UnknownLocaleError):
        name = ""
    if name not in snowballstemmer.algorithms():
        return lambda word: word
    stem = snowballstemmer.stemmer(name).stemWord
    if name == "english":
        return lru_cache(maxsize=1 << 16)(lambda word: stem(fold_spelling(word.removesuffix("'s"))))
    return lru_cache(maxsize=1 << 16)(stem)  # a text's words recur: stemming (pure Python) is the cost


def word_stems(text: str, language: str = "en") -> tuple[str, ...]:
    """The stems of a text's words, in order ("flu-like" is two words)."""
    stem = stemmer(language)
    return tuple(stem(token) for token in _TOKEN.findall(text.casefold()))


@lru_cache(maxsize=None)
def keyword_stems(keyword: str, language: str = "en") -> tuple[str, ...]:
    return word_stems(keyword, language)


def count_keywords(stems: Sequence[str], keywords: Sequence[str], language: str = "en") -> int:
    """How many of the keywords occur in a text given as its word stems (word_stems)."""
    words, phrases = _compiled(tuple(keywords), language)
    present = set(stems)
    found = sum(count for stem, count in words.items() if stem in present)
    return found + sum(1 for phrase in phrases if set(phrase) <= present and _contains(stems, phrase))


@lru_cache(maxsize=None)
def _compiled(keywords: tuple[str, ...], language: str) -> tuple[dict[str, int], tuple[tuple[str, ...], ...]]:
    """A scheme's keywords as one-word stems (with how many keywords each stands for) and phrases."""
    words: dict[str, int] = {}
    phrases = []
    for keyword in keywords:
        phrase = keyword_stems(keyword, language)
        if len(phrase) == 1:
            words[phrase[0]] = words.get(phrase[0], 0) + 1
        elif phrase:
            phrases.append(phrase)
    return words, tuple(phrases)


def _contains(stems: Sequence[str], phrase: tuple[str, ...]) -> bool:
    width = len(phrase)
    return any(tuple(stems[i:i + width]) == phrase for i in range(len(stems) - width + 1))
