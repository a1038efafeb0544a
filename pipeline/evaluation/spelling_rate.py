"""How often the spelling check flags a word on the labelled corpus (`handout typos --eval-dir eval`).

The corpus pages (eval/tuning, eval/held-out) were written for handout and are nearly free of
typos, so nearly every flag on them is a false one: flags per 1,000 checked words is the rate
an editor would wade through. Each set runs through the text stages as a topic, exactly as
`handout eval` runs it, and the check reads what its handout would print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import load_config
from pipeline.errors import HandoutError
from pipeline.evaluation.evaluate import run_set
from pipeline.evaluation.labels import LABELS
from pipeline.models import Typo


@dataclass(frozen=True)
class SpellingRate:
    """The spelling check's flags on one labelled set (or on all of them together)."""

    name: str
    words: int  # words of the printed statements checked
    typos: tuple[Typo, ...]
    unchecked: int = 0  # statements not checked (another language, no dictionary)

    @property
    def per_thousand(self) -> float:
        """Flags per 1,000 checked words."""
        return 1000 * len(self.typos) / self.words if self.words else 0.0


def spelling_rates(eval_root: Path, project_root: Path) -> tuple[SpellingRate, ...]:
    """The check's flags on every labelled set under eval_root, set by set, in name order."""
    config = load_config(project_root)
    folders = sorted(path.parent for path in eval_root.rglob(LABELS))
    if not folders:
        raise HandoutError(f"{eval_root}: no evaluation set (a folder holding {LABELS})")
    rates = []
    for folder in folders:
        spelling = run_set(folder, config)[2].spelling
        rates.append(SpellingRate(folder.relative_to(eval_root).as_posix(), spelling.words, spelling.typos,
                                  len(spelling.unchecked)))
    return tuple(rates)


def format_rates(rates: Sequence[SpellingRate]) -> str:
    """A table of words, flags and flags per 1,000 words per set and in all, then every flagged word."""
    total = SpellingRate("all", sum(r.words for r in rates), tuple(t for r in rates for t in r.typos),
                         sum(r.unchecked for r in rates))
    rows = [("set", "words", "flags", "per 1,000", "not checked")]
    rows += [(r.name, str(r.words), str(len(r.typos)), f"{r.per_thousand:.2f}", str(r.unchecked)) for r in (*rates, total)]
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if col == 0 else cell.rjust(w) for col, (cell, w) in enumerate(zip(row, widths)))
             for row in rows]
    lines += ["", "flagged:" if total.typos else "flagged: none"]
    lines += [f"  {t.source}:{t.line}: {t.word} -> {t.suggestion}  ({t.text})" for t in total.typos]
    return "\n".join(lines) + "\n"
