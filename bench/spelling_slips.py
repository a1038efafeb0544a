"""How many slips the spelling check finds: one slip put into each of some printed statements.

`handout typos --eval-dir` measures the false flags on the labelled corpus, which is nearly free
of typos; this measures the other side. For each set under --eval-dir it runs prepare() as
`handout eval` does, then picks --statements printed statements at random (seeded) and puts one
slip into one word of each (four letters or more): two neighbouring letters
swapped, a letter dropped, added or changed. The statements are checked with the slips in them,
as a handout would print them. A slip that makes another word the check knows or the topic uses
("form" for "from") is counted apart: no spelling dictionary can see it. Each slipped word is put
in once per set (two sources writing a word alike vouch for it). Prints, per kind of slip, how many were listed and how
many of those with the original word as the suggestion.

    .venv/bin/python bench/spelling_slips.py [--eval-dir eval/tuning] [--statements 150] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import load_config  # noqa: E402
from pipeline.evaluation.evaluate import run_set  # noqa: E402
from pipeline.evaluation.labels import LABELS  # noqa: E402
from pipeline.models import Cluster, Entry, Handout  # noqa: E402
from pipeline.review.spelling import find_typos, known_word, words_of  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyz"
KINDS = ("swap", "drop", "add", "change")


def slip(word: str, kind: str, rng: random.Random) -> str:
    """The word with one slip of the given kind, never in its first letter."""
    i = rng.randrange(1, len(word) - 1)
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "add":
        return word[:i] + rng.choice(LETTERS) + word[i:]
    return word[:i] + rng.choice(LETTERS.replace(word[i].lower(), "")) + word[i + 1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT / "eval" / "tuning")
    parser.add_argument("--statements", type=int, default=150, help="statements given a slip, per set")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    config = load_config(ROOT)
    rng = random.Random(args.seed)
    counts: Counter[tuple[str, str]] = Counter()
    real_words = 0
    for folder in sorted(path.parent for path in args.eval_dir.rglob(LABELS)):
        prepared = run_set(folder, config)[2]
        used = {w.text.lower() for c in prepared.clusters for m in c.members for w in words_of(m.text)}
        slips: dict[str, tuple[int, str, str, str]] = {}  # cluster id -> (start, slipped, original, kind)
        changed: dict[str, Cluster] = {}
        printed = [c for s in prepared.handout.sections for e in s.entries for c in (e.cluster, *e.continued, *e.items)]
        for cluster in rng.sample(printed, min(args.statements, len(printed))):
            text = cluster.canonical.text
            words = [w for w in words_of(text) if w.text.isalpha() and len(w.text) >= 4]
            if not words or cluster.canonical.edited:
                continue
            word = rng.choice(words)
            kind = rng.choice(KINDS)
            slipped = slip(word.text, kind, rng)
            if slipped.lower() in used or known_word(slipped, vocabulary=config.scheme.vocabulary):
                real_words += 1
                continue
            used.add(slipped.lower())  # one slip of a kind per set: two sources writing it alike vouch for it
            canonical = replace(cluster.canonical, text=text[:word.start] + slipped + text[word.start + len(word.text):])
            members = tuple(canonical if m.id == canonical.id else m for m in cluster.members)
            changed[cluster.id] = replace(cluster, canonical=canonical, members=members)
            slips[cluster.id] = (word.start, slipped, word.text, kind)
        handout = _with(prepared.handout, changed)
        clusters = [changed.get(c.id, c) for c in prepared.clusters]
        found = {(t.fact, t.start): t.suggestion for t in find_typos(handout, clusters, config.scheme.vocabulary,
                                                                      prepared.cleaned, prepared.sources).typos}
        for fact, (start, slipped, original, kind) in slips.items():
            suggestion = found.get((fact, start))
            counts[kind, "listed" if suggestion else "missed"] += 1
            counts[kind, "right"] += suggestion is not None and suggestion.lower() == original.lower()
    listed = sum(counts[k, "listed"] for k in KINDS)
    total = listed + sum(counts[k, "missed"] for k in KINDS)
    right = sum(counts[k, "right"] for k in KINDS)
    for kind in KINDS:
        print(f"{kind:>7}: {counts[kind, 'listed']} of {counts[kind, 'listed'] + counts[kind, 'missed']} listed, "
              f"{counts[kind, 'right']} with the original word")
    print(f"  all: {listed} of {total} listed ({100 * listed / max(total, 1):.1f}%), {right} with the original word "
          f"({100 * right / max(listed, 1):.1f}%); {real_words} slips made another known word (not counted)")


def _with(handout: Handout, changed: dict[str, Cluster]) -> Handout:
    """The handout printing the changed clusters in place of the originals."""
    def entry(e: Entry) -> Entry:
        return Entry(changed.get(e.cluster.id, e.cluster), tuple(changed.get(c.id, c) for c in e.items),
                     tuple(changed.get(c.id, c) for c in e.continued))
    return replace(handout, sections=tuple(replace(s, entries=tuple(entry(e) for e in s.entries)) for s in handout.sections))


if __name__ == "__main__":
    main()
