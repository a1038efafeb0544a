"""A clinician's check of the editor's rewrites: which `replace` wordings someone has reviewed.

An editor's plain-language rewrite is a new wording of medical text. Until a clinician has read it
against the source, it prints marked, as an unreviewed translation does, and `make release`
lists it. The sign-off (`handout editorial-signoff TOPIC --by NAME`) writes
sources/<topic>/editorial-review.yaml: who, when, and for each `replace` decision its fact id
with a short hash of the wording reviewed. A rewrite is reviewed while its wording is still the
one signed off: changing its text makes it unreviewed again, until the next sign-off.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.models import Decision

RECORD = "editorial-review.yaml"  # beside editorial.yaml
HASH_LENGTH = 10  # hex digits of SHA-256 kept: a changed wording goes unnoticed with odds of 1 in 16**10


@dataclass(frozen=True)
class RewriteReview:
    """A topic's sign-off of its editor's rewrites (empty: none yet)."""

    by: str = ""
    date: str = ""
    wordings: tuple[tuple[str, str], ...] = ()  # (fact id, hash of the reviewed wording), sorted


def wording_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def unreviewed(decisions: Sequence[Decision], review: RewriteReview) -> tuple[Decision, ...]:
    """The `replace` decisions whose wording no clinician has signed off."""
    signed = set(review.wordings)
    return tuple(d for d in decisions if d.action == "replace" and (d.fact, wording_hash(d.text)) not in signed)


def parse_review(data: Any, where: str, problems: list[str]) -> RewriteReview:
    """A record as record_text() wrote it; anything else is a problem naming the file."""
    if not isinstance(data, dict) or not isinstance(data.get("rewrites", {}), dict):
        problems.append(f"{where}: expected reviewed_by, date and rewrites (fact id: wording hash), "
                        "as `handout editorial-signoff` writes it")
        return RewriteReview()
    by, date = data.get("reviewed_by", ""), data.get("date", "")
    if not isinstance(by, str) or not by.strip() or not isinstance(date, str):
        problems.append(f"{where}: 'reviewed_by' must name the clinician, and 'date' be YYYY-MM-DD in quotes")
        return RewriteReview()
    wordings = tuple(sorted((str(fact), str(digest)) for fact, digest in (data.get("rewrites") or {}).items()))
    return RewriteReview(by.strip(), date, wordings)


def record_text(decisions: Sequence[Decision], by: str, date: str) -> str:
    """The record of a sign-off of every `replace` decision's wording as it is now."""
    rows = sorted({d.fact: wording_hash(d.text) for d in decisions if d.action == "replace"}.items())
    lines = ["# Written by `handout editorial-signoff`: the clinician who checked the editor's rewrites",
             "# (replace decisions in editorial.yaml) against their sources. A rewrite whose wording has",
             "# changed since is printed as not yet reviewed until the next sign-off. Do not edit by hand.",
             f"reviewed_by: {json.dumps(by, ensure_ascii=False)}",
             f"date: {json.dumps(date)}",
             "rewrites:" if rows else "rewrites: {}"]
    lines += [f"  {fact}: {json.dumps(digest)}" for fact, digest in rows]
    return "\n".join(lines) + "\n"
