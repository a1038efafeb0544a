"""What reading a site's other pages costs: the text stages of a topic with and without them.

A topic's cleaning reads the pages of the same publishers in the project's other topics
(pipeline/text/site_template.py). This runs prepare() on each set of eval/held-out/ (seventeen
sites, four topics: each set's other three are its project's other topics) with those pages
and with none, alternating the two for ROUNDS rounds, the page cache emptied each time as in a
fresh build process; prints the best round of each and their ratio. It never asserts a timing:
the machines are two noisy cores.

    .venv/bin/python bench/site_pages.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import load_config  # noqa: E402
from pipeline.evaluation.evaluate import read_set, sibling_files  # noqa: E402
from pipeline.evaluation.labels import LABELS  # noqa: E402
from pipeline.prepare import prepare  # noqa: E402
from pipeline.text import site_template  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    config = load_config(ROOT)
    folders = sorted(path.parent for path in (ROOT / "eval" / "held-out").rglob(LABELS))
    work = [(read_set(folder, config.scheme)[1], sibling_files(folder)) for folder in folders]
    best = {"without them": float("inf"), "with them": float("inf")}
    for _ in range(rounds):
        for name in best:
            site_template._read_site_page.cache_clear()
            start = time.perf_counter()
            for topic, siblings in work:
                prepare(config, topic, site_files=siblings if name == "with them" else [])
            best[name] = min(best[name], time.perf_counter() - start)
    pages = sum(len(topic.sources) for topic, _ in work)
    print(f"{len(work)} topics, {pages} pages, each with its sites' pages on the other topics; best of {rounds} rounds")
    for name, seconds in best.items():
        print(f"  text stages, {name:13s} {seconds:6.2f} s  ({1000 * seconds / pages:.1f} ms a page)")
    print(f"  ratio: {best['with them'] / best['without them']:.2f}x")


if __name__ == "__main__":
    main()
