"""Stable ids for facts and clusters: editors, translators and reviews refer to them."""

from __future__ import annotations

import hashlib
import re


def normalize_key(text: str) -> str:
    """Lower-case letters and digits only: the identity of a wording."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def fact_id(source: str, text: str, occurrence: int = 0) -> str:
    """Id of one source sentence: its file name, its normalized text, which repeat it is."""
    name = source.rsplit("/", 1)[-1]
    key = f"{name}\n{normalize_key(text)}\n{occurrence}"
    return "f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def cluster_id(text: str) -> str:
    """Id of a printed fact, from its canonical wording (unchanged by unrelated sources)."""
    return "c" + hashlib.sha1(normalize_key(text).encode("utf-8")).hexdigest()[:10]
