"""Measure main-content extractors against our own cleaner on the labelled HTML pages of eval/.

For every evaluation set (a folder under eval/ with a labels.yaml) this reads the .html sources
only, and scores:

- ours: pipeline.text.ingest + pipeline.text.clean.clean, exactly as `handout eval` runs them;
- trafilatura (txt with include_formatting and include_tables, comments off; as is, with
  favor_recall and with favor_precision), resiliparse (extract_plain_text with main_content,
  list bullets, comments off), readability-lxml (Document.summary; the title is not added) and
  jusText (its non-boilerplate paragraphs, English stoplist; with its defaults and with shorter
  length thresholds, since its defaults need 200-character paragraphs to find any content), each
  run on the raw HTML of the file.

Every extractor is scored with the project's own definitions: the lines that count are those of
pipeline.evaluation.labels.line_texts, and the scores come from
pipeline.evaluation.evaluate._line_scores (boilerplate removed = labelled boilerplate lines not
kept / all labelled boilerplate; content kept = other lines kept / all other lines).

An extractor returns text, not line numbers, so its output is mapped back to source lines: the
labelled lines of a file (in order) and the extractor's output are both cut into casefolded word
tokens (\\w+; the "# ", "- " and "Caption: " marks ingest adds are dropped), with a break token
between source lines and at each line break of the output, and aligned with difflib (in order, no
autojunk). A token counts as found only inside an aligned run of at least MIN_RUN tokens (breaks
included), so that a stray word ("Home", "Cancer") does not make a dropped menu item count as
kept, while a one-word list item the output prints on a line of its own does; a line is kept when
at least KEPT_SHARE of its words are found. The breaks also settle ties: a heading printed on its
own line is matched to the heading, not to the end of the breadcrumb that repeats it.

Run it (a throwaway venv; nothing is installed into the project's .venv):

    python3 -m venv /tmp/extractors-venv
    /tmp/extractors-venv/bin/pip install --upgrade pip   # pip 23 trips over lxml[html-clean]
    /tmp/extractors-venv/bin/pip install -r bench/extractors-requirements.txt
    PYTHONPATH=. /tmp/extractors-venv/bin/python bench/extractors.py [--misses 10] [--only NAME ...]

from the project root. It takes a few seconds; our cleaner's numbers are those of the working
tree as it is when run.
"""

from __future__ import annotations

import argparse
import difflib
import io
import logging
import math
import re
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import redirect_stderr
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import load_source_folder, read_yaml  # noqa: E402
from pipeline.errors import ConfigError  # noqa: E402
from pipeline.evaluation.evaluate import TOPIC, Ratio, _line_scores  # noqa: E402
from pipeline.evaluation.labels import CATEGORIES, LABELS, Labels, line_texts, parse_labels  # noqa: E402
from pipeline.models import Source  # noqa: E402
from pipeline.text.clean import clean  # noqa: E402
from pipeline.text.ingest import HTML_SUFFIXES, ingest  # noqa: E402

MIN_RUN = 3  # shortest aligned run of tokens that counts as found (shorter only if it is a whole line)
KEPT_SHARE = 0.8  # share of a line's tokens that must be found for the line to count as kept
_TOKEN = re.compile(r"\w+|\n")
BREAK = "\u00b6"  # stands for a line break: a block boundary of the page or of the output
_MARK = re.compile(r"^(?:Caption: |# |- )")
PACKAGES = ("trafilatura", "resiliparse", "readability-lxml", "justext", "lxml", "lxml-html-clean", "pyyaml")


# --- the extractors: raw HTML in, text out --------------------------------------------------------

def _trafilatura(**options: bool) -> Callable[[str], str]:
    def run(html: str) -> str:
        import trafilatura
        return trafilatura.extract(html, output_format="txt", include_formatting=True, include_tables=True,
                                   include_comments=False, include_images=False, include_links=False,
                                   **options) or ""
    return run


def _resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree
    return extract_plain_text(HTMLTree.parse(html), main_content=True, preserve_formatting=True,
                              list_bullets=True, alt_texts=False, links=False, form_fields=False,
                              noscript=False, comments=False)


def _readability(html: str) -> str:
    import lxml.html
    from readability import Document
    summary = Document(html).summary(html_partial=True)
    if not summary.strip():
        return ""
    return lxml.html.fromstring(_BLOCK_TAG.sub(lambda m: "\n" + m.group(0), summary)).text_content()


_BLOCK_TAG = re.compile(r"</?(?:p|div|li|h[1-6]|ul|ol|dl|dt|dd|tr|td|th|table|br|hr|section|article|header|footer"
                        r"|nav|aside|main|figure|figcaption|blockquote|pre|form|label|button)\b", re.IGNORECASE)


def _justext(**options: float) -> Callable[[str], str]:
    def run(html: str) -> str:
        import justext
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"), **options)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return run


EXTRACTORS: dict[str, tuple[str, Callable[[str], str]]] = {
    "trafilatura": ("trafilatura", _trafilatura()),
    "trafilatura-recall": ("trafilatura", _trafilatura(favor_recall=True)),
    "trafilatura-precision": ("trafilatura", _trafilatura(favor_precision=True)),
    "resiliparse": ("resiliparse", _resiliparse),
    "readability": ("readability-lxml", _readability),
    "justext": ("justext", _justext()),
    # jusText's defaults need paragraphs of 200+ characters to seed "good" text; patient pages
    # have short ones. The recall-leaning setting: shorter thresholds.
    "justext-short": ("justext", _justext(length_low=30, length_high=100)),
}
OURS = "ours"


# --- mapping extracted text back to source lines -----------------------------------------------

def _tokens(text: str) -> list[str]:
    """Casefolded words, with BREAK for each run of line breaks (a block boundary)."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text.casefold()):
        if token != "\n":
            tokens.append(token)
        elif tokens and tokens[-1] != BREAK:
            tokens.append(BREAK)
    return tokens


def kept_lines(texts: Mapping[int, str], extracted: str) -> set[int]:
    """The source lines (by number) whose text, or nearly all of it, the extracted text holds, in order."""
    owner: list[int] = [0]  # source line of each source token (0: a line boundary)
    source_tokens: list[str] = [BREAK]
    for number, text in sorted(texts.items()):
        words = [t for t in _tokens(_MARK.sub("", text)) if t != BREAK]
        source_tokens += [*words, BREAK]
        owner += [number] * len(words) + [0]
    sizes: dict[int, int] = {}
    for number in owner:
        sizes[number] = sizes.get(number, 0) + 1
    output = [BREAK, *_tokens(extracted), BREAK]
    matcher = difflib.SequenceMatcher(None, source_tokens, output, autojunk=False)
    found: dict[int, int] = {}
    for start, _, size in matcher.get_matching_blocks():
        if size >= MIN_RUN:
            for i in range(start, start + size):
                found[owner[i]] = found.get(owner[i], 0) + 1
    return {n for n, hits in found.items() if n and hits >= KEPT_SHARE * sizes[n]}


# --- the corpus ----------------------------------------------------------------------------------

@dataclass
class Page:
    set_name: str
    name: str  # file name, as the labels name it
    path: Path
    source: Source


@dataclass
class LabelledSet:
    name: str
    labels: Labels
    pages: list[Page] = field(default_factory=list)


def load_sets(eval_root: Path) -> list[LabelledSet]:
    """Every labelled set with .html sources, its labels checked as `handout eval` checks them."""
    found = []
    for folder in sorted(p.parent for p in eval_root.rglob(LABELS)):
        problems: list[str] = []
        raw = read_yaml(folder / LABELS, problems)
        if raw is None:
            raise ConfigError(problems)
        sources_dir = (folder / str(raw.get("sources") or ".")).resolve()
        described_by = next((p for p in (folder / TOPIC, sources_dir / TOPIC) if p.is_file()), None)
        topic = load_source_folder(folder.name, sources_dir, described_by)
        sources = {path.name: ingest(path, ROOT, meta) for path, meta in topic.sources}
        labels = parse_labels(raw, folder / LABELS, sources)
        pages = [Page(folder.relative_to(eval_root).as_posix(), path.name, path, sources[path.name])
                 for path, _ in topic.sources if path.suffix.lower() in HTML_SUFFIXES]
        if pages:
            found.append(LabelledSet(folder.relative_to(eval_root).as_posix(), labels, pages))
    return found


# --- scoring -------------------------------------------------------------------------------------

@dataclass
class Score:
    boilerplate: Ratio
    categories: dict[str, Ratio]
    content: Ratio
    misses: list[tuple[int, str]]  # (words on the line, description)


def _kept_as_clean_source(source: Source, kept: Iterable[int], why: str) -> SimpleNamespace:
    """What _line_scores reads of a CleanSource: the kept lines as blocks, the others as removed."""
    kept = set(kept)
    blocks = [SimpleNamespace(source=source.path, line=n, lines=(n,)) for n in sorted(kept)]
    removed = [SimpleNamespace(source=source.path, line=n, reason=why)
               for n in sorted(set(line_texts(source)) - kept)]
    return SimpleNamespace(blocks=blocks, removed=removed)


def score_set(labelled: LabelledSet, extractor: str, seconds: dict[str, float]) -> Score:
    cleaned = []
    for page in labelled.pages:
        started = time.perf_counter()
        if extractor == OURS:
            cleaned.append(clean(page.source))
        else:
            html = page.path.read_bytes().decode("utf-8")
            with warnings.catch_warnings(), redirect_stderr(io.StringIO()):
                warnings.simplefilter("ignore")
                text = EXTRACTORS[extractor][1](html)
            cleaned.append(_kept_as_clean_source(page.source, kept_lines(line_texts(page.source), text),
                                                 f"not in {extractor} output"))
        seconds[extractor] = seconds.get(extractor, 0.0) + time.perf_counter() - started
    sources = {page.name: page.source for page in labelled.pages}  # the .html files only
    boilerplate, categories, content, misses = _line_scores(labelled.labels, sources, cleaned)
    weighed = [(len(_tokens(miss.split(": ", 1)[-1])), f"{labelled.name}/{miss}") for miss in misses]
    return Score(boilerplate, dict(categories), content, weighed)


def add(scores: Sequence[Score]) -> Score:
    def total(read: Callable[[Score], Ratio]) -> Ratio:
        return Ratio(sum(read(s).hits for s in scores), sum(read(s).total for s in scores))
    return Score(total(lambda s: s.boilerplate), {c: total(lambda s, c=c: s.categories[c]) for c in CATEGORIES},
                 total(lambda s: s.content), [m for s in scores for m in s.misses])


def pct(ratio: Ratio) -> str:
    """Rounded down, as `handout eval` prints it."""
    return "-" if ratio.value is None else f"{math.floor(ratio.value * 1000) / 10:.1f}"


def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    return "\n".join("  " + "  ".join(cell.rjust(w) if c else cell.ljust(w)
                                      for c, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
                     for row in rows)


def report(name: str, per_set: Mapping[str, Score], misses: int) -> tuple[str, Score]:
    halves = {half: add([s for n, s in per_set.items() if n.startswith(half + "/")]) for half in ("tuning", "held-out")}
    overall = add(list(per_set.values()))
    header = ["set", "boilerplate removed %", "content kept %", "navigation removed %",
              *[f"{c[:5]} rm" for c in CATEGORIES], "content"]
    rows = [header]
    for label, s in [*per_set.items(), *[(f"{h} (all)", s) for h, s in halves.items()], ("OVERALL", overall)]:
        rows.append([label, f"{pct(s.boilerplate)} ({s.boilerplate.hits}/{s.boilerplate.total})",
                     f"{pct(s.content)} ({s.content.hits}/{s.content.total})", pct(s.categories["navigation"]),
                     *[f"{s.categories[c].hits}/{s.categories[c].total}" for c in CATEGORIES],
                     f"{s.content.hits}/{s.content.total}"])
    lines = [f"== {name}", table(rows), "  content lost by kind: " + lost_kinds(overall.misses)]
    # Lost content is worse than kept furniture (targets 99% and 98%): content first, longest lines first.
    worst = sorted(overall.misses, key=lambda m: ("content lost [" not in m[1], -m[0]))[:misses]
    if worst:
        lost = sum("content lost [" in text for _, text in overall.misses)
        lines.append(f"  {misses} worst misses (of {len(overall.misses)}: {lost} content lines lost, "
                     f"{len(overall.misses) - lost} boilerplate kept; lost content first, longest first):")
        lines += [f"    {text[:150]}" for _, text in worst]
    return "\n".join(lines), overall


_LOST = re.compile(r"content lost \[[^\]]*\] \S+:\d+: (.*)$")


def lost_kinds(misses: Iterable[tuple[int, str]]) -> str:
    """How many lost content lines are headings, list items, captions or other lines (paragraphs)."""
    kinds = {"headings": 0, "list items": 0, "captions": 0, "other lines": 0}
    for _, miss in misses:
        if match := _LOST.search(miss):
            text = match.group(1)
            kind = ("headings" if text.startswith("# ") else "list items" if text.startswith("- ")
                    else "captions" if text.startswith("Caption: ") else "other lines")
            kinds[kind] += 1
    return ", ".join(f"{count} {kind}" for kind, count in kinds.items())


def tree_state() -> str:
    """The commit and the uncommitted files of pipeline/ our cleaner's numbers come from."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "pipeline"],
                               capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    changed = [line[3:] for line in dirty if line.strip()]
    return f"commit {head}" + (f", uncommitted changes in {', '.join(changed)}" if changed else "")


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT / "eval", help="folder of labelled sets (default: eval/)")
    parser.add_argument("--misses", type=int, default=10, help="worst misses listed per extractor (default 10)")
    parser.add_argument("--only", nargs="*", choices=[OURS, *EXTRACTORS], help="run only these")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # trafilatura and readability log every page

    sets = load_sets(args.eval)
    names = [OURS, *EXTRACTORS] if not args.only else args.only
    print("versions: python " + sys.version.split()[0] + ", "
          + ", ".join(f"{p} {version(p)}" for p in PACKAGES))
    print(f"ours: pipeline/ at {tree_state()}")
    print(f"html files: {sum(len(s.pages) for s in sets)} in {len(sets)} sets: "
          + ", ".join(f"{s.name}/{p.name}" for s in sets for p in s.pages))
    print(f"matching: a line is kept when >= {KEPT_SHARE:.0%} of its words are found in order "
          f"(in aligned runs of >= {MIN_RUN} tokens, line breaks counting as tokens)\n")
    seconds: dict[str, float] = {}
    summary = [["extractor", "boilerplate removed %", "content kept %", "navigation removed %", "misses", "seconds"]]
    for name in names:
        missing = name != OURS and version(EXTRACTORS[name][0]) == "not installed"
        if missing:
            print(f"== {name}: skipped, {EXTRACTORS[name][0]} is not installed\n")
            continue
        per_set = {s.name: score_set(s, name, seconds) for s in sets}
        text, overall = report(name, per_set, args.misses)
        print(text + "\n")
        summary.append([name, pct(overall.boilerplate), pct(overall.content), pct(overall.categories["navigation"]),
                        str(len(overall.misses)), f"{seconds.get(name, 0.0):.2f}"])
    print("== summary (overall, .html files only; targets: boilerplate >= 98%, content >= 99%)")
    print(table(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
