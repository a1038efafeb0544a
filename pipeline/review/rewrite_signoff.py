"""Sign off the editor's rewrites of a topic: a clinician checked every `replace` wording as it is now.

Writes sources/<topic>/editorial-review.yaml (pipeline/rewrite_review.py says what it holds and
how a later change of wording makes a rewrite unreviewed again).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.atomic_files import write_atomic
from pipeline.config import Config, Topic, signoff_date
from pipeline.errors import HandoutError
from pipeline.rewrite_review import RECORD, record_text, unreviewed


@dataclass(frozen=True)
class RewriteSignOff:
    record: Path
    by: str
    date: str
    rewrites: int


def sign_off_rewrites(config: Config, topic: Topic, by: str, date: str = "") -> RewriteSignOff:
    """Record that a clinician checked every rewrite of the topic against its source."""
    by = " ".join(by.split())
    if not by:
        raise HandoutError("--by: give the name of the clinician who checked the rewrites")
    rewrites = [d for d in topic.decisions if d.action == "replace"]
    if not rewrites:
        raise HandoutError(f"{topic.folder / 'editorial.yaml'}: no replace decisions to sign off")
    record = topic.folder / RECORD
    date = date or signoff_date(config.source_date_epoch)
    write_atomic(record, record_text(rewrites, by, date).encode("utf-8"))
    return RewriteSignOff(record, by, date, len(rewrites))


def unreviewed_rewrites(topic: Topic) -> list[str]:
    """One line per rewrite no clinician has checked: where it is decided, its fact, its wording."""
    return [f"{d.where}: {d.fact}: {d.text}" for d in unreviewed(topic.decisions, topic.rewrite_review)]
