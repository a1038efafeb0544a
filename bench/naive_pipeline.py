"""Benchmark the English build against the naive pipeline a clinic might use instead (issue 16, goal 1).

The naive pipeline: pandoc, with WeasyPrint as its PDF engine, on the raw sources of the topic, two
PDFs (a "leaflet" and a "summary", both simply every source one after the other: no cleaning, no
merging, no review, no fitting). handout: `handout build --locale en --force --jobs 1` of the same
topic, every stage done (cleaning, merging, the review page, fitting the summary), as whole
processes, alternated round by round so both see the same machine. Also timed: handout into an
empty folder (nothing recorded from an earlier build). Prints medians and the ratio (target <= 1.0x).

Needs pandoc (`make bench` installs Debian's when missing) and the project's .venv (WeasyPrint's
command for pandoc).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def naive(sources: list[Path], output: Path, env: dict[str, str]) -> float:
    """Two PDFs from the raw sources through pandoc and WeasyPrint, as two commands."""
    spent = 0.0
    for kind in ("leaflet", "summary"):
        spent += _timed(["pandoc", *map(str, sources), "--from", "markdown", "--standalone",
                         "--metadata", f"title=Immunotherapy {kind}", "--pdf-engine", "weasyprint",
                         "--output", str(output / f"naive-{kind}.pdf")], env)
    return spent


def handout(topic: str, output: Path, env: dict[str, str], fresh: bool) -> float:
    if fresh:
        shutil.rmtree(output, ignore_errors=True)
    return _timed([str(BIN / "handout"), "--quiet", "build", "--root", str(ROOT), "--topic", topic,
                   "--locale", "en", "--force", "--jobs", "1", "--output", str(output)], env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", default="immunotherapy")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each (medians are printed)")
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        sys.exit("pandoc is not installed: `make bench` installs it (Debian's package)")
    sources = sorted(p for p in (ROOT / "sources" / args.topic).iterdir() if p.suffix in SOURCE_SUFFIXES)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        handout(args.topic, folder / "warm", env, fresh=True)  # first run: caches of the OS, .pyc files
        runs: dict[str, list[float]] = {"naive": [], "handout": [], "handout, empty folder": []}
        for _ in range(args.rounds):
            runs["naive"].append(naive(sources, folder, env))
            runs["handout"].append(handout(args.topic, folder / "warm", env, fresh=False))
            runs["handout, empty folder"].append(handout(args.topic, folder / "fresh", env, fresh=True))
    base = statistics.median(runs["naive"])
    print(f"English build against the naive pipeline ({args.topic}, {len(sources)} sources; medians of {args.rounds})")
    print(f"  naive: pandoc + WeasyPrint on the raw sources, 2 PDFs   {base:6.2f} s")
    for name in ("handout", "handout, empty folder"):
        median = statistics.median(runs[name])
        print(f"  {name + ': build --locale en --force --jobs 1':<57}{median:6.2f} s   ratio {median / base:5.2f}x"
              "   (target <= 1.0x)")


if __name__ == "__main__":
    main()
