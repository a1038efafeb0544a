"""Release engineering: incremental and parallel builds, shards, print profiles, make release.

The builds are shared (tests/conftest.py); a test that rebuilds copies a project or an output
folder first. Incremental builds start from a copy of a finished build: its records make
everything up to date, so only what a test changes is rendered.
"""

import hashlib
import json
import re
import shutil
import subprocess
from html import unescape
from importlib import metadata
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint.formatting_structure.boxes import TextBox

from pipeline.build.builder import BuildOptions, build
from pipeline.build.release import STAGING, _output_problems, release, sums_ok
from pipeline.build.shards import merge_shards
from pipeline.config import Config, load_config
from pipeline.errors import HandoutError
from pipeline.i18n.translations import load_messages
from pipeline.render import fitting, html
from tests.projects import copy_project

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
EN_FR = ["en/immunotherapy-leaflet.pdf", "en/immunotherapy-summary.pdf",
         "fr/immunotherapy-leaflet.pdf", "fr/immunotherapy-summary.pdf"]


def _project(tmp_path: Path, copy_templates: bool = False) -> Path:
    """A copy of the project with English and French only."""
    root = copy_project(tmp_path / "project", templates=not copy_templates, locales=("fr",))
    if copy_templates:
        shutil.copytree(ROOT / "templates", root / "templates")
    return root


def _files(folder: Path) -> dict[str, str]:
    """Every output file (not the build's own records and lock) and its sha256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".state" not in p.parts and p.name != ".lock"}


def _build(config: Config, output: Path, **options) -> tuple:
    """Build (in this process unless workers says otherwise): the report and _files(output)."""
    report = build(config, BuildOptions(output=output, **{"workers": 1, **options}))
    return report, _files(output)


def _copy(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to)
    return to


# ---- incremental ----------------------------------------------------------------------------


def test_no_op_rebuild_renders_nothing_and_changes_nothing(en_fr_project, en_fr_build, load_pinned_config, tmp_path):
    first = en_fr_build.report
    assert sorted(first.rendered) == EN_FR  # en and fr, leaflet and summary
    out = _copy(en_fr_build.output, tmp_path / "out")
    before = _files(out)
    second, after = _build(load_pinned_config(en_fr_project), out)
    assert second.rendered == () and after == before
    assert second.outputs == first.outputs


def test_one_po_change_rerenders_only_that_language(en_fr_build, load_pinned_config, tmp_path):
    root = _project(tmp_path)
    out = _copy(en_fr_build.output, tmp_path / "out")
    leaflets = {"kinds": ("leaflet",)}  # both languages' leaflets: what the changed string is printed in
    assert _build(load_pinned_config(root), out, **leaflets)[0].rendered == ()  # a copy of the project built
    po = root / "locales/fr/LC_MESSAGES/ui.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Sources"', 'msgstr "Sources citées"'), encoding="utf-8")
    report, _ = _build(load_pinned_config(root), out, **leaflets)
    assert report.rendered == ("fr/immunotherapy-leaflet.pdf",)
    assert "Sources citées" in (out / "fr/immunotherapy-leaflet.html").read_text(encoding="utf-8")


def _small_project(tmp_path: Path) -> Path:
    """The project's config and templates (copied) with one small topic: quick to render again and again."""
    root = tmp_path / "small"
    (root / "sources/small").mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "sources/small/topic.yaml").write_text(
        'title: Immunotherapy in brief\nversion: "1.0"\nissued: 2026-01-01\nreview: 2027-01-01\n', encoding="utf-8")
    (root / "sources/small/a.txt").write_text(
        "Immunotherapy\n\nImmunotherapy is a treatment that helps your immune system fight cancer.\n\n"
        "It is given as an infusion in a day hospital every three weeks.\n\n"
        "Tiredness and skin rash are common side effects.\n", encoding="utf-8")
    return root


def test_clinic_source_and_template_changes_rerender_what_depends_on_them(load_pinned_config, tmp_path):
    """Each change re-renders what depends on it (a leaflet, here: every output does); a touch, nothing."""
    root = _small_project(tmp_path)
    out = tmp_path / "out"

    def rendered() -> list[str]:
        return sorted(_build(load_pinned_config(root), out, kinds=("leaflet",))[0].rendered)

    leaflet = ["en/small-leaflet.pdf"]
    assert rendered() == leaflet
    assert rendered() == []
    clinic = root / "clinic.yaml"
    clinic.write_text(clinic.read_text(encoding="utf-8").replace("Example Oncology Clinic", "Riverside Clinic"),
                      encoding="utf-8")
    assert rendered() == leaflet
    assert "Riverside Clinic" in (out / "en/small-leaflet.html").read_text(encoding="utf-8")
    css = root / "templates/assets/print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* a comment changes the key too */\n", encoding="utf-8")
    assert rendered() == leaflet
    source = root / "sources/small/a.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert rendered() == leaflet  # the only topic
    touched = root / "sections.yaml"
    touched.write_text(touched.read_text(encoding="utf-8"), encoding="utf-8")  # new mtime, same bytes
    assert rendered() == []


def test_an_output_changed_on_disk_is_rebuilt(en_fr_project, en_fr_build, load_pinned_config, tmp_path):
    out = _copy(en_fr_build.output, tmp_path / "out")
    before = _files(out)
    (out / "en/immunotherapy-summary.pdf").write_bytes(b"%PDF-1.7 tampered")
    report, after = _build(load_pinned_config(en_fr_project), out)
    assert report.rendered == ("en/immunotherapy-summary.pdf",) and after == before


def test_a_preview_or_review_page_changed_on_disk_is_rebuilt(en_fr_project, en_fr_build, load_pinned_config,
                                                              tmp_path):
    out = _copy(en_fr_build.output, tmp_path / "out")
    before = _files(out)
    preview, review = out / "fr/immunotherapy-leaflet.html", out / "immunotherapy/review.html"
    preview.write_text(preview.read_text(encoding="utf-8") + "<p>edited by hand</p>", encoding="utf-8")
    review.unlink()
    report, after = _build(load_pinned_config(en_fr_project), out)
    # The edited preview's PDF is rendered again; the missing review page is written again.
    assert report.rendered == ("fr/immunotherapy-leaflet.pdf",) and after == before


# ---- reproducible, parallel, sharded ---------------------------------------------------------


def test_sequential_and_parallel_builds_are_byte_identical(english_build, load_pinned_config, tmp_path):
    report, parallel = _build(load_pinned_config(ROOT), tmp_path / "two", locales=("en",), workers=2)
    assert len(report.rendered) == 2  # one PDF in each of two worker processes
    assert parallel == _files(english_build.output)  # rendered one after the other (workers=1)


def test_the_union_of_shards_is_the_full_build(english_shards, english_build, tmp_path):
    union = tmp_path / "union"
    for shard in english_shards:
        assert len(shard.report.outputs) == 1  # of the two PDFs
        shutil.copytree(shard.output, union, dirs_exist_ok=True)
    merge_shards(union)
    merged = {k: v for k, v in _files(union).items() if not k.startswith("shards/")}
    assert merged == _files(english_build.output)


def test_merging_needs_every_shard(english_shards, tmp_path):
    out = _copy(english_shards[0].output, tmp_path / "out")
    with pytest.raises(HandoutError, match="every shard"):
        merge_shards(out)
    assert not (out / "manifest.json").exists()


# ---- print profiles ---------------------------------------------------------------------------


def test_print_shop_pdfs_have_bleed_crop_marks_and_pdf_x4(print_shop_build):
    report, files = print_shop_build.report, _files(print_shop_build.output)
    assert sorted(f for f in files if not f.startswith("assets/")) == sorted([
        "fr/immunotherapy-leaflet-print-shop.pdf", "fr/immunotherapy-leaflet-print-shop.html",
        "fr/immunotherapy-summary-print-shop.pdf", "fr/immunotherapy-summary-print-shop.html",
        "immunotherapy/facts.json", "immunotherapy/review.html", "manifest.json", "report.json"])
    for item in report.outputs:
        reader = PdfReader(print_shop_build.output / item.path)
        page = reader.pages[0]
        bleed = float(page.trimbox.left) - float(page.mediabox.left)
        assert abs(bleed - 3 * 72 / 25.4) < 0.1  # 3 mm on every side
        assert float(page.trimbox.width) == pytest.approx(595.28, abs=0.1)  # the trim is A4
        assert b"PDF/X-4" in reader.xmp_metadata.stream.get_data()
        assert "/StructTreeRoot" in reader.trailer["/Root"]  # still tagged
    assert [o.pages for o in report.outputs if o.kind == "summary"] == [1]


def test_large_print_text_is_16pt_and_a_longer_summary_says_so(large_print_build, en_fr_build, prepared_topic):
    large = {o.kind: o for o in large_print_build.report.outputs}
    office = {o.kind: o for o in en_fr_build.report.outputs if o.locale == "fr"}
    assert large["leaflet"].pages > office["leaflet"].pages  # same content, more pages
    summary = large["summary"]
    assert summary.pages <= 2
    assert summary.path.endswith("-2-pages.pdf") == (summary.pages == 2)
    assert len(PdfReader(large_print_build.output / summary.path).pages) == summary.pages
    config = load_config(ROOT)
    # French, not yet medically reviewed, also prints the note saying so: 16 pt too.
    french = load_messages(ROOT, "fr")
    assert not french.reviewed
    for kind in ("leaflet", "summary"):
        page_html = html.page_html(prepared_topic.handout, kind, "fr", french, config.templates).html
        assert 'class="not-reviewed"' in page_html
        document = fitting.layout(page_html, "A4", config.templates, profile="large-print")
        for page in document.pages:
            flow = page._page_box.children[0]
            sizes = {box.style["font_size"] for box in flow.descendants() if isinstance(box, TextBox)}
            assert min(sizes) >= 16 * 96 / 72 - 1e-6, kind


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is installed by `make` (system-deps)")
def test_every_profile_gives_structurally_clean_tagged_pdfs(en_fr_build, print_shop_build, large_print_build):
    for built in (en_fr_build, print_shop_build, large_print_build):  # office, print-shop, large-print
        french = [item for item in built.report.outputs if item.locale == "fr"]
        assert sorted(item.kind for item in french) == ["leaflet", "summary"]
        for item in french:
            path = built.output / item.path
            check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
            assert check.returncode == 0, check.stdout + check.stderr
            reader = PdfReader(path)
            root = reader.trailer["/Root"]
            title = unescape(re.search(r"<title>(.*?)</title>", path.with_suffix(".html").read_text(encoding="utf-8"))[1])
            assert str(root["/Lang"]) == "fr" and reader.metadata.title == title != "Immunotherapy for cancer"
            assert "/StructTreeRoot" in root and reader.outline[0].title == title
            for page in reader.pages:
                for font in page["/Resources"]["/Font"].values():
                    descendant = font.get_object()["/DescendantFonts"][0].get_object()
                    assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded


# ---- make release -------------------------------------------------------------------------------


def test_release_writes_standalone_names_checksums_and_a_report(en_fr_project, en_fr_build, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    # The staging folder holds the last release's build: this release renders nothing again.
    _copy(en_fr_build.output, tmp_path / "out" / STAGING / "office")
    result = release(load_config(en_fr_project), tmp_path / "out", profiles=("office",))
    folder = tmp_path / "out/release"
    assert sorted(result.files) == ["immunotherapy-leaflet-en.pdf", "immunotherapy-leaflet-fr.pdf",
                                    "immunotherapy-summary-en.pdf", "immunotherapy-summary-fr.pdf"]
    assert sums_ok(folder)
    for item in en_fr_build.report.outputs:
        released = folder / f"immunotherapy-{item.kind}-{item.locale}.pdf"
        assert hashlib.sha256(released.read_bytes()).hexdigest() == item.sha256
    (folder / "immunotherapy-summary-fr.pdf").write_bytes(b"%PDF-1.7 changed")
    assert not sums_ok(folder)
    report = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    assert report["not_reviewed_by_a_medical_translator"] == ["fr"]
    # The editor's rewrites no clinician has checked, each with where it is decided and its wording.
    unchecked = report["rewrites_not_checked_by_a_clinician"]["immunotherapy"]
    assert unchecked and all(line.startswith("sources/immunotherapy/editorial.yaml:") for line in unchecked)
    assert result.rewrites_not_reviewed == (("immunotherapy", tuple(unchecked)),)
    assert report["topics"]["immunotherapy"]["version"] == "1.0"
    assert report["software"]["weasyprint"] == metadata.version("weasyprint")
    assert report["software"]["SOURCE_DATE_EPOCH"] == "1700000000"


def test_release_refuses_a_topic_without_a_review_date_and_removes_the_old_release(tmp_path):
    root = _project(tmp_path)
    topic = root / "sources/immunotherapy/topic.yaml"
    topic.write_text("\n".join(l for l in topic.read_text(encoding="utf-8").splitlines()
                               if not l.startswith("review:")) + "\n", encoding="utf-8")
    (tmp_path / "out/release").mkdir(parents=True)
    (tmp_path / "out/release/old.pdf").write_bytes(b"old")
    with pytest.raises(HandoutError, match=r"topic.yaml: no 'review' date"):
        release(load_config(root), tmp_path / "out", profiles=("office",))
    assert not (tmp_path / "out/release").exists()


def _without(built: Path, relative: str, *elements: str) -> None:
    """Lay out a build's HTML preview again without some paragraphs and write it over its PDF."""
    preview = built / relative.replace(".pdf", ".html")
    page = preview.read_text(encoding="utf-8")
    for element in elements:
        page, found = re.subn(rf'<p class="{element}">.*?</p>', "", page, count=1, flags=re.S)
        assert found, element
    document = fitting.layout(page, "A4", load_config(ROOT).templates)
    (built / relative).write_bytes(document.write_pdf(**fitting.LAYOUT_OPTIONS))


def test_an_output_missing_a_required_element_is_refused(english_build, tmp_path):
    """The release check reads each PDF: one without required lines is named, with what it lacks."""
    out = _copy(english_build.output, tmp_path / "out")
    config = load_config(ROOT)
    outputs = english_build.report.outputs
    assert _output_problems(config, out, "office", outputs) == []
    _without(out, "en/immunotherapy-summary.pdf", "not-advice", "when")  # the summary: one page to lay out again
    assert _output_problems(config, out, "office", outputs) == [
        "en/immunotherapy-summary.pdf (office): missing what to do about side effects",
        "en/immunotherapy-summary.pdf (office): missing the 'does not replace medical advice' line",
    ]
