"""Benchmark a clinic-sized build (issue 16, goal 4): many topics in six languages, whole and in shards.

Generates, in a temporary folder, a project of --topics topics (default 50), each made of
--pages pages of one subject from the labelled corpus (eval/tuning and eval/held-out: the four
subjects in turn, pages reused when the corpus runs out), with the sample project's clinic,
section schemes and templates, and the five shipped languages: their ui.po as shipped, their
facts.po pseudo-translated (each English message with its letters accented and numbers kept),
so that every language has begun every topic. What the translation checks refuse prints in
English, as in a real build. Then times whole commands: the full build, the no-op rebuild, and
the same build split into 4 shards (run one after another here; on 4 CI machines at once the
slowest shard is the wall time). Prints seconds per PDF. Nothing is asserted: the machine is noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANDOUT = ROOT / ".venv" / "bin" / "handout"
SUBJECTS = ("immunotherapy", "chemotherapy", "radiotherapy", "ct-scan")
LANGUAGES = ("ar", "es", "fr", "it", "tr")
SHARDS = 4
_ACCENTED = str.maketrans("aeiouAEIOUcnCN", "áéíóúÁÉÍÓÚçñÇÑ")


def corpus_pages(subject: str) -> list[tuple[Path, str]]:
    """(page, publisher) of every labelled corpus page on subject, from its set's topic.yaml."""
    import yaml

    found = []
    for half in ("tuning", "held-out"):
        folder = ROOT / "eval" / half / subject
        meta = yaml.safe_load((folder / "topic.yaml").read_text(encoding="utf-8"))
        found += [(folder / row["file"], row.get("publisher", "")) for row in meta["sources"]]
    return found


def make_project(folder: Path, topics: int, pages: int) -> int:
    """Write the project; return the number of topics."""
    folder.mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, folder / name)
    (folder / "templates").symlink_to(ROOT / "templates")
    pools = {subject: cycle(corpus_pages(subject)) for subject in SUBJECTS}
    for number in range(topics):
        subject = SUBJECTS[number % len(SUBJECTS)]
        key = f"{subject}-{number:02d}"
        topic = folder / "sources" / key
        topic.mkdir(parents=True)
        rows = []
        for _ in range(pages):
            page, publisher = next(pools[subject])
            target = f"{len(rows):02d}_{page.name}"
            shutil.copy(page, topic / target)
            rows.append(f"  - file: {target}\n    publisher: {json.dumps(publisher)}\n")
        scheme = ROOT / "eval" / "tuning" / subject / "sections.yaml"
        if subject == "immunotherapy":
            scheme = ROOT / "sources" / "immunotherapy" / "sections.yaml"
        if scheme.exists():
            shutil.copy(scheme, topic / "sections.yaml")
        title = subject.replace("-", " ").replace("ct", "CT").capitalize() + f" ({number})"
        (topic / "topic.yaml").write_text(
            f'title: "{title}"\nname: {subject.replace("-", " ")}\nversion: "1.0"\nissued: 2026-11-22\n'
            f"review: 2027-11-22\nlanguage: en\nsources:\n{''.join(rows)}", encoding="utf-8")
    return topics


def translate(folder: Path, env: dict[str, str]) -> None:
    """The translators' templates, then each language: its shipped ui.po, a pseudo-translated facts.po."""
    from babel.messages.pofile import read_po, write_po

    _run(["extract", "--root", str(folder)], env)
    for language in LANGUAGES:
        _run(["init", language, "--root", str(folder)], env)
        messages = folder / "locales" / language / "LC_MESSAGES"
        shutil.copy(ROOT / "locales" / language / "LC_MESSAGES" / "ui.po", messages / "ui.po")
        with open(messages / "facts.po", "rb") as stream:
            catalog = read_po(stream, locale=language)
        for message in catalog:
            if message.id and isinstance(message.id, str):
                message.string = _pseudo(message.id)
        with open(messages / "facts.po", "wb") as stream:
            write_po(stream, catalog, width=0)


def _pseudo(text: str) -> str:
    """Accent the letters outside {placeholders}; keep numbers, signs and placeholders."""
    parts, depth = [], 0
    for char in text:
        depth += char == "{"
        parts.append(char if depth else char.translate(_ACCENTED))
        depth -= char == "}" and depth > 0
    return "".join(parts)


def _run(arguments: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([str(HANDOUT), "--quiet", *arguments], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def _pdfs(output: Path) -> int:
    return len(json.loads((output / "manifest.json").read_text(encoding="utf-8"))["outputs"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=50)
    parser.add_argument("--pages", type=int, default=7, help="corpus pages per topic")
    args = parser.parse_args()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    with tempfile.TemporaryDirectory() as temp:
        project, output, sharded = Path(temp) / "clinic", Path(temp) / "build", Path(temp) / "sharded"
        make_project(project, args.topics, args.pages)
        translate(project, env)
        build = ["build", "--root", str(project)]
        full = _run([*build, "--output", str(output)], env)
        pdfs = _pdfs(output)
        noop = min(_run([*build, "--output", str(output)], env) for _ in range(3))
        shards = [_run([*build, "--output", str(sharded), "--shard", f"{i}/{SHARDS}"], env)
                  for i in range(1, SHARDS + 1)]
        _run(["merge-shards", "--output", str(sharded)], env)
        merged = _pdfs(sharded)
    print(f"clinic-sized build: {args.topics} topics x {1 + len(LANGUAGES)} languages, {pdfs} PDFs, "
          f"{os.cpu_count()} cores, {args.pages} corpus pages a topic")
    print(f"  full build      {full:7.1f} s   {full / pdfs:5.2f} s a PDF")
    print(f"  no-op rebuild   {noop:7.2f} s   (target < 1 s)")
    print(f"  {SHARDS} shards        {', '.join(f'{s:.1f}' for s in shards)} s; slowest {max(shards):.1f} s "
          f"= {max(shards) / full:.2f} of the full build; merged manifest lists {merged} PDFs")


if __name__ == "__main__":
    main()
