"""What cleaning's learned second opinion costs: clean with the model against clean by the rules alone.

Reads every page of eval/ once (ingest is not timed), then cleans all of them by the rules alone
and with the shipped model (pipeline/text/furniture_model.json), alternating the two for ROUNDS
rounds so both see the same machine; prints the best round of each and their ratio. It never
asserts a timing: the machines are two noisy cores.

    .venv/bin/python bench/line_model.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import load_config  # noqa: E402
from pipeline.evaluation.evaluate import read_set  # noqa: E402
from pipeline.evaluation.labels import LABELS  # noqa: E402
from pipeline.text.clean import clean  # noqa: E402
from pipeline.text.ingest import ingest  # noqa: E402
from pipeline.text.line_model import load_model  # noqa: E402
from pipeline.text.site_template import shared_furniture  # noqa: E402


def pages() -> list[tuple]:
    """Every eval page as (source, the lines its set repeats), read once."""
    config = load_config(ROOT)
    found = []
    for folder in sorted(path.parent for path in (ROOT / "eval").rglob(LABELS)):
        _, topic = read_set(folder)
        sources = [ingest(path, config.root, meta) for path, meta in topic.sources]
        shared = shared_furniture(sources)
        found += [(source, shared[source.path]) for source in sources]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    work, model = pages(), load_model()
    lines = sum(1 for source, _ in work for line in source.lines if line.text.strip())
    best = {"rules alone": float("inf"), "with the model": float("inf")}
    for _ in range(rounds):
        for name, used in (("rules alone", None), ("with the model", model)):
            start = time.perf_counter()
            for source, shared in work:
                clean(source, shared, used)
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"{len(work)} pages, {lines} non-blank lines, best of {rounds} rounds")
    for name, seconds in best.items():
        print(f"  clean, {name:15s} {seconds:6.2f} s  ({1000 * seconds / len(work):.1f} ms a page)")
    print(f"  ratio: {best['with the model'] / best['rules alone']:.2f}x")


if __name__ == "__main__":
    main()
