"""Benchmark how the text stages (ingest, clean, facts, dedupe) scale with the number of sources.

Writes N synthetic web articles made of the sentences of sources/immunotherapy (shuffled, lightly
edited, wrapped in web boilerplate), runs each size in a fresh subprocess and prints seconds per
stage, peak memory and growth between sizes. It never asserts timings: the machine is noisy.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import chain, repeat
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
STAGES = ("ingest", "clean+facts", "dedupe")  # a worker splits the source it cleaned into facts
SITES = ("HealthLine Today", "MedGuide", "OncoInfo", "CareWell News", "Santé Plus", "TumorWatch")
EDIT_SHARE = 0.3  # share of sentences that get one small edit
T = TypeVar("T")
COLUMNS = ("size", "docs", "facts", "clusters", "largest", *STAGES, "total s", "peak MB", "ratio")
ROW = "{:>6} {:>6} {:>7} {:>8} {:>7} {:>7} {:>11} {:>7} {:>8} {:>8} {:>7}"


def boilerplate(rng: random.Random) -> list[str]:
    """One block of web furniture: menu, cookie banner, share bar, comment form, contact, copyright."""
    site = rng.choice(SITES)
    domain = re.sub(r"\W", "", site.lower())
    phone = f"+{rng.randint(1, 49)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return rng.choice([
        ["Home | News | Treatments | Cancer | About us | Contact", "Skip to main content", "Menu"],
        [f"Home > Health > Cancer > {rng.choice(['Immunotherapy', 'Treatments', 'Oncology'])}"],
        ["We use cookies to improve your experience. By continuing to browse, you accept our cookie policy.",
         "Accept all cookies", "Manage preferences"],
        ["Share on Facebook", "Share on Twitter", "Print | Email | Share"],
        [f"{rng.randint(2, 40)} comments", "Leave a comment",
         "Your email address will not be published. Required fields are marked *", "Name *", "Email *",
         "Post comment"],
        ["Contact us", f"Phone: {phone}", f"Email: info@{domain}.com",
         f"{rng.randint(1, 250)} Main Street, Springfield, IL {rng.randint(10000, 99999)}"],
        [f"© {rng.randint(2012, 2024)} {site}. All rights reserved.", "Privacy policy | Terms of use | Sitemap"],
    ])


def corpus() -> tuple[list[str], list[str]]:
    """Sentences of the real sources' content paragraphs, and their question headings."""
    sentences: list[str] = []
    headings: list[str] = []  # question lines ("What are its types?") serve as article headings
    for path in sorted((ROOT / "sources" / "immunotherapy").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.split()).lstrip("•-* ")  # list items join paragraphs unmarked
            if len(line.split()) >= 8 and line.endswith((".", "!", "?", ":")):
                sentences += re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)
            elif 2 <= len(line.split()) <= 8 and line.endswith("?"):
                headings.append(line)
    return sentences, headings


def edit(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    """Make one light edit: drop or replace a word, flip the first letter's case, swap two words."""
    words = sentence.split()
    if len(words) < 5:
        return sentence
    i, kind = rng.randrange(1, len(words) - 1), rng.randrange(4)
    if kind == 0:
        del words[i]
    elif kind == 1:
        words[i] = rng.choice(vocabulary)
    elif kind == 2:
        words[0] = words[0][0].swapcase() + words[0][1:]
    else:
        words[i : i + 2] = words[i + 1], words[i]
    return " ".join(words)


def document(rng: random.Random, sentences: Iterator[str], headings: list[str], vocabulary: list[str]) -> str:
    """One synthetic article of about 15-40 lines: furniture, a heading, paragraphs, furniture."""
    lines = [line for _ in range(rng.randint(1, 2)) for line in boilerplate(rng)] + [""]
    lines += [rng.choice(headings), ""] if rng.random() < 0.7 else []
    bottom = [line for _ in range(rng.randint(1, 2)) for line in boilerplate(rng)]
    target = rng.randint(15, 40) - len(bottom)
    while len(lines) < target:
        paragraph = [next(sentences) for _ in range(rng.randint(1, 4))]
        lines += [" ".join(edit(s, rng, vocabulary) if rng.random() < EDIT_SHARE else s for s in paragraph), ""]
        if rng.random() < 0.1:  # furniture in the middle of the article
            lines += [*boilerplate(rng), ""]
    return "\n".join([*lines, "", *bottom]) + "\n"


def generate(directory: Path, count: int, seed: int) -> None:
    """Write count synthetic documents into directory, the same ones for the same seed."""
    rng = random.Random(seed)
    pool, headings = corpus()
    vocabulary = sorted({w for s in pool for w in s.split() if w.isalpha() and len(w) > 3})
    sentences = chain.from_iterable(rng.sample(pool, len(pool)) for _ in repeat(None))  # reshuffled each pass
    for number in range(count):
        (directory / f"doc{number:05d}.txt").write_text(document(rng, sentences, headings, vocabulary), "utf-8")


def run_stages(directory: Path) -> dict[str, float]:
    """Run ingest, clean, facts and dedupe over every document; return timings, counts, peak RSS."""
    from pipeline.text.clean_many import clean_and_split
    from pipeline.config import load_config
    from pipeline.text.dedupe import dedupe
    from pipeline.text.ingest import ingest
    from pipeline.text.line_model import load_model
    from pipeline.models import SourceMeta
    model = load_model()  # cleaning as prepare runs it: the rules, then the learned second opinion
    vocabulary = load_config(ROOT).scheme.vocabulary
    paths = sorted(directory.glob("*.txt"))
    result: dict[str, float] = {}

    def timed(stage: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        value = work()
        result[stage + "_s"] = time.perf_counter() - start  # seconds, kept apart from the counts
        return value

    sources = timed("ingest", lambda: [ingest(p, directory, SourceMeta(p.name)) for p in paths])
    _, facts = timed("clean+facts", lambda: clean_and_split(sources, model=model))  # over the cores, as prepare does
    clusters = timed("dedupe", lambda: dedupe(facts, vocabulary))
    result.update(docs=len(paths), facts=len(facts), clusters=len(clusters),
                  largest=max((len(c.members) for c in clusters), default=0),
                  # KiB on Linux. With cleaning's workers: an upper bound, this process and each worker at the largest one's peak
                  peak_mb=(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                           + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * max(1, os.cpu_count() or 1)) / 1024)
    return result


def measure(count: int, seed: int, timeout: float) -> dict[str, float] | None:
    """Generate count documents, run the stages in a fresh interpreter, return its report."""
    with tempfile.TemporaryDirectory(prefix="handout-bench-") as tmp:
        generate(Path(tmp), count, seed)
        command = [sys.executable, __file__, "--child", tmp]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
        except subprocess.TimeoutExpired:
            return None
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    """Parse options, measure every size, print the table and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated document counts")
    parser.add_argument("--quick", action="store_true", help="sizes 50,500")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per size")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile the stages on N documents")
    parser.add_argument("--sort", default="tottime", help="with --profile: the pstats order (tottime, cumulative)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one fresh interpreter per size: its own peak RSS, nothing warm from earlier sizes
        return print(json.dumps(run_stages(args.child)))
    if args.profile:  # the stages on N documents under cProfile, costliest functions first
        with tempfile.TemporaryDirectory(prefix="handout-bench-") as tmp:
            generate(Path(tmp), args.profile, args.seed)
            profiler = cProfile.Profile()
            print(json.dumps(profiler.runcall(run_stages, Path(tmp))))
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(30)
        return
    sizes = [50, 500] if args.quick else [int(s) for s in args.sizes.split(",")]
    print(ROW.format(*COLUMNS), flush=True)
    totals: dict[int, float] = {}
    peaks: dict[int, float] = {}
    for size in sizes:
        if (row := measure(size, args.seed, args.timeout)) is None:
            print(f"{size:>6} timed out after {args.timeout:g} s", flush=True)
            continue
        totals[size], peaks[size] = sum(row[s + "_s"] for s in STAGES), row["peak_mb"]
        previous = [s for s in totals if s < size]  # ratio to the largest smaller size that finished
        ratio = f"{totals[size] / totals[max(previous)]:.1f}x" if previous else "-"
        print(ROW.format(size, *(int(row[k]) for k in ("docs", "facts", "clusters", "largest")),
                         *(f"{row[s + '_s']:.2f}" for s in STAGES), f"{totals[size]:.2f}",
                         f"{peaks[size]:.0f}", ratio), flush=True)
    print(verdict(totals, peaks))


def verdict(totals: dict[int, float], peaks: dict[int, float]) -> str:
    """One line: does 10k fit in 60 s and 1 GB, and does 100k (when measured) cost at most 12x 10k?"""
    if 10000 not in totals:
        return "verdict: 10,000 documents not measured (or timed out)"
    fits = totals[10000] <= 60 and peaks[10000] <= 1024
    line = (f"verdict: 10,000 docs took {totals[10000]:.1f} s and {peaks[10000]:.0f} MB "
            f"({'OK' if fits else 'NOT OK'}: limit 60 s and 1 GB)")
    if 100000 in totals:
        growth = totals[100000] / totals[10000]
        line += f"; 100,000 docs cost {growth:.1f}x 10,000 ({'OK' if growth <= 12 else 'NOT OK'}: limit 12x)"
    elif 1000 in totals:
        line += f"; 10,000 docs cost {totals[10000] / totals[1000]:.1f}x 1,000 (100,000: --sizes 10000,100000)"
    return line


if __name__ == "__main__":
    main()
