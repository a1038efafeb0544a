"""Benchmark the build as CI runs it: render overhead, no-op rebuild, summary fitting passes.

Prints, in one run, ratios against baselines measured in the same run (never absolute
targets in a test: the machines are two noisy cores):

1. render overhead: a full `handout build --force` (every topic and language, worker pool of
   --jobs; the text stages read back from the build before, as when only templates or
   translations changed) against its floor, the same final HTML rendered directly by WeasyPrint,
   once per PDF, in a process pool of the same size. Target: within 1.15x. Printed beside it: the
   same build from an empty output folder, text stages included.
2. no-op rebuild: `handout build` again with nothing changed, wall time of the whole command.
   Target: under 0.5 s, or under 5% of the full build.
3. summary fitting: layouts per summary (target: 3 or fewer on average).
The scale of the text stages is bench/text_stages.py (`make bench` runs both).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANDOUT = ROOT / ".venv" / "bin" / "handout"


def _command(output: Path, jobs: int) -> list[str]:
    executable = str(HANDOUT) if HANDOUT.exists() else "handout"
    return [executable, "--quiet", "build", "--root", str(ROOT), "--output", str(output), "--jobs", str(jobs)]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    return time.perf_counter() - start


def _final_html(preview: str) -> str:
    """The HTML the PDF was laid out from: the preview without what with_stylesheet added to it
    (the inlined print and screen stylesheets, the logo's path into the output's assets folder)."""
    sys.path.insert(0, str(ROOT))
    from pipeline.render.html import PREVIEW_ASSETS, with_stylesheet
    from pipeline.templates import shipped_templates

    inlined = with_stylesheet("</head>", shipped_templates())
    if inlined not in preview:
        raise SystemExit("preview HTML does not hold the stylesheets as render.html.with_stylesheet writes them")
    return preview.replace(inlined, "</head>", 1).replace(f' src="../{PREVIEW_ASSETS}/', ' src="assets/')


def _floor_render(job: tuple[str, str]) -> int:
    """Render one final HTML straight with WeasyPrint: the least any build must spend on it."""
    sys.path.insert(0, str(ROOT))
    from weasyprint import CSS, HTML

    from pipeline.render.fetcher import AssetFetcher
    from pipeline.render.fitting import LAYOUT_OPTIONS, font_config, stylesheet
    from pipeline.render.profiles import PAGE_SIZES
    from pipeline.templates import shipped_templates

    html, page_size = job
    templates = shipped_templates()
    document = HTML(string=html, base_url=templates.base_url, url_fetcher=AssetFetcher(templates.asset_folders))
    size = CSS(string=f"@page {{ size: {PAGE_SIZES[page_size].css} }}", font_config=font_config())
    pdf = document.write_pdf(stylesheets=[stylesheet(templates), size], font_config=font_config(),
                             **LAYOUT_OPTIONS)
    return len(pdf)


def floor(output: Path, jobs: int) -> float:
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    pages = [(_final_html((output / row["path"]).with_suffix(".html").read_text(encoding="utf-8")), "A4")
             for row in manifest]
    start = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(pages)), mp_context=context) as pool:
        list(pool.map(_floor_render, pages))
    return time.perf_counter() - start


def passes(output: Path) -> list[int]:
    records = (output / ".state").rglob("*summary*.json")
    return [json.loads(path.read_text(encoding="utf-8"))["passes"] for path in sorted(records)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes for both")
    parser.add_argument("--rounds", type=int, default=2, help="full builds and floors to time (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        output = Path(temp) / "build"
        cold, full = [], []
        for _ in range(args.rounds):
            shutil.rmtree(output, ignore_errors=True)  # nothing kept: every text stage runs
            cold.append(timed(_command(output, args.jobs)))
            searched = passes(output)  # fitted from nothing: measured, then laid out
            full.append(timed([*_command(output, args.jobs), "--force"]))
        base = min(floor(output, args.jobs) for _ in range(args.rounds))
        noop = min(timed(_command(output, args.jobs)) for _ in range(3))
        counts = passes(output)  # fitted again with --force: the last build's fit laid out once
        pdfs = len(json.loads((output / "manifest.json").read_text(encoding="utf-8"))["outputs"])
    best = min(full)
    print(f"release build benchmark: {pdfs} PDFs, {args.jobs} worker processes, best of {args.rounds}")
    print(f"  1. full build {best:6.2f} s   floor (WeasyPrint alone) {base:6.2f} s   "
          f"ratio {best / base:5.2f}x   (target <= 1.15x; every PDF rendered again with --force,")
    print("     the text stages read back from the last build)")
    print(f"     from an empty output folder {min(cold):6.2f} s   ratio {min(cold) / base:5.2f}x   "
          f"(the text stages run too)")
    print(f"  2. no-op rebuild {noop:6.2f} s   = {100 * noop / best:4.1f}% of the full build   "
          f"(target < 0.5 s or < 5%)")
    print(f"  3. summary fitting: {sum(searched) / len(searched):4.2f} layouts per summary on average from an empty "
          f"folder ({', '.join(map(str, searched))}), {sum(counts) / len(counts):4.2f} with --force, the last "
          f"build's fit laid out again ({', '.join(map(str, counts))})   (target <= 3)")


if __name__ == "__main__":
    main()
