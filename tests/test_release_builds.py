"""Release engineering: incremental and parallel builds, shards, print profiles, make release."""

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint.formatting_structure.boxes import TextBox

from pipeline.render import fitting, html
from pipeline.render import pdf as render
from pipeline.build.builder import BuildOptions, build
from pipeline.build.shards import merge_shards
from pipeline.config import load_config
from pipeline.errors import HandoutError
from pipeline.build.release import release, sums_ok
from pipeline.prepare import prepare
from pipeline.i18n.translations import Messages

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _project(tmp_path: Path, copy_templates: bool = False) -> Path:
    """A copy of the project with English and French only."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    (root / "locales").mkdir()
    for name in ("ui.pot", "facts.pot"):
        shutil.copy(ROOT / "locales" / name, root / "locales" / name)
    shutil.copytree(ROOT / "locales/fr", root / "locales/fr")
    if copy_templates:
        shutil.copytree(ROOT / "templates", root / "templates")
    else:
        (root / "templates").symlink_to(ROOT / "templates")
    return root


def _files(folder: Path) -> dict[str, str]:
    """Every output file (not the build's own records) and its sha256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".state" not in p.parts}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return _project(tmp_path_factory.mktemp("release"), copy_templates=True)


def _build(root: Path, output: Path, **options) -> tuple:
    report = build(load_config(root), BuildOptions(output=output, **options))
    return report, _files(output)


# ---- incremental ----------------------------------------------------------------------------


def test_no_op_rebuild_renders_nothing_and_changes_nothing(project, tmp_path):
    first, before = _build(project, tmp_path / "out")
    assert len(first.rendered) == 4  # en and fr, leaflet and summary
    second, after = _build(project, tmp_path / "out")
    assert second.rendered == () and after == before
    assert second.outputs == first.outputs


def test_one_po_change_rerenders_only_that_language(tmp_path):
    root = _project(tmp_path)
    _build(root, tmp_path / "out")
    po = root / "locales/fr/LC_MESSAGES/ui.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Sources"', 'msgstr "Sources citées"'), encoding="utf-8")
    report, _ = _build(root, tmp_path / "out")
    assert sorted(report.rendered) == ["fr/immunotherapy-leaflet.pdf", "fr/immunotherapy-summary.pdf"]


def test_clinic_source_and_template_changes_rerender_what_depends_on_them(tmp_path):
    root = _project(tmp_path, copy_templates=True)
    out = tmp_path / "out"
    _build(root, out)
    clinic = root / "clinic.yaml"
    clinic.write_text(clinic.read_text(encoding="utf-8").replace("Example Oncology Clinic", "Riverside Clinic"),
                      encoding="utf-8")
    assert len(_build(root, out)[0].rendered) == 4
    css = root / "templates/assets/print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* a comment changes the key too */\n", encoding="utf-8")
    assert len(_build(root, out)[0].rendered) == 4
    source = next((root / "sources/immunotherapy").glob("004_*.txt"))
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len(_build(root, out)[0].rendered) == 4  # the only topic
    touched = root / "sections.yaml"
    touched.write_text(touched.read_text(encoding="utf-8"), encoding="utf-8")  # new mtime, same bytes
    assert _build(root, out)[0].rendered == ()


def test_an_output_changed_on_disk_is_rebuilt(project, tmp_path):
    out = tmp_path / "out"
    _, before = _build(project, out)
    (out / "en/immunotherapy-summary.pdf").write_bytes(b"%PDF-1.7 tampered")
    report, after = _build(project, out)
    assert report.rendered == ("en/immunotherapy-summary.pdf",) and after == before


# ---- reproducible, parallel, sharded ---------------------------------------------------------


def test_sequential_and_parallel_builds_are_byte_identical(project, tmp_path):
    _, sequential = _build(project, tmp_path / "one", workers=1)
    _, parallel = _build(project, tmp_path / "two", workers=2)
    assert sequential == parallel


def test_the_union_of_shards_is_the_full_build(project, tmp_path):
    _, full = _build(project, tmp_path / "full")
    union = tmp_path / "union"
    for index in (1, 2, 3):
        report, _ = _build(project, tmp_path / f"shard{index}", shard=(index, 3))
        assert 0 < len(report.outputs) < 4
        shutil.copytree(tmp_path / f"shard{index}", union, dirs_exist_ok=True)
    merge_shards(union)
    merged = {k: v for k, v in _files(union).items() if not k.startswith("shards/")}
    assert merged == full


def test_merging_needs_every_shard(project, tmp_path):
    _build(project, tmp_path / "out", shard=(1, 2))
    with pytest.raises(HandoutError, match="every shard"):
        merge_shards(tmp_path / "out")


# ---- print profiles ---------------------------------------------------------------------------


def test_print_shop_pdfs_have_bleed_crop_marks_and_pdf_x4(project, tmp_path):
    report, files = _build(project, tmp_path / "shop", profile="print-shop", locales=("en",))
    assert sorted(files) == sorted(["en/immunotherapy-leaflet-print-shop.pdf", "en/immunotherapy-leaflet-print-shop.html",
                                    "en/immunotherapy-summary-print-shop.pdf", "en/immunotherapy-summary-print-shop.html",
                                    "immunotherapy/facts.json", "immunotherapy/review.html", "manifest.json", "report.json"])
    for item in report.outputs:
        reader = PdfReader(tmp_path / "shop" / item.path)
        page = reader.pages[0]
        bleed = float(page.trimbox.left) - float(page.mediabox.left)
        assert abs(bleed - 3 * 72 / 25.4) < 0.1  # 3 mm on every side
        assert float(page.trimbox.width) == pytest.approx(595.28, abs=0.1)  # the trim is A4
        assert b"PDF/X-4" in reader.xmp_metadata.stream.get_data()
        assert "/StructTreeRoot" in reader.trailer["/Root"]  # still tagged
    summary = next(o for o in report.outputs if o.kind == "summary")
    assert summary.pages == 1


def test_large_print_text_is_16pt_and_a_longer_summary_says_so(project, tmp_path):
    report, _ = _build(project, tmp_path / "large", profile="large-print", locales=("en",))
    office, _ = _build(project, tmp_path / "office", locales=("en",))
    leaflet = {o.kind: o for o in report.outputs}["leaflet"]
    assert leaflet.pages > {o.kind: o for o in office.outputs}["leaflet"].pages  # same content, more pages
    summary = {o.kind: o for o in report.outputs}["summary"]
    assert summary.pages <= 2
    assert summary.path.endswith("-2-pages.pdf") == (summary.pages == 2)
    config = load_config(project)
    handout = prepare(config, config.topics[0]).handout
    english = Messages(locale="en", source=True)
    for kind in ("leaflet", "summary"):
        page_html = html.page_html(handout, kind, "en", english, config.templates).html
        document = fitting.layout(page_html, "A4", config.templates, profile="large-print")
        for page in document.pages:
            flow = page._page_box.children[0]
            sizes = {box.style["font_size"] for box in flow.descendants() if isinstance(box, TextBox)}
            assert min(sizes) >= 16 * 96 / 72 - 1e-6, kind


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is installed by `make` (system-deps)")
def test_every_profile_gives_structurally_clean_tagged_pdfs(project, tmp_path):
    for profile in ("office", "print-shop", "large-print"):
        report, _ = _build(project, tmp_path / profile, profile=profile, locales=("fr",))
        for item in report.outputs:
            path = tmp_path / profile / item.path
            check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
            assert check.returncode == 0, check.stdout + check.stderr
            reader = PdfReader(path)
            root = reader.trailer["/Root"]
            assert str(root["/Lang"]) == "fr" and reader.metadata.title
            assert "/StructTreeRoot" in root and root["/Outlines"]
            for page in reader.pages:
                for font in page["/Resources"]["/Font"].values():
                    descendant = font.get_object()["/DescendantFonts"][0].get_object()
                    assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded


# ---- make release -------------------------------------------------------------------------------


def test_release_writes_standalone_names_checksums_and_a_report(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = release(load_config(project), tmp_path / "out", profiles=("office",))
    folder = tmp_path / "out/release"
    assert sorted(result.files) == ["immunotherapy-leaflet-en.pdf", "immunotherapy-leaflet-fr.pdf",
                                    "immunotherapy-summary-en.pdf", "immunotherapy-summary-fr.pdf"]
    assert sums_ok(folder)
    report = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    assert report["not_reviewed_by_a_medical_translator"] == ["fr"]
    assert report["topics"]["immunotherapy"]["version"] == "1.0"
    assert report["software"]["weasyprint"] and report["software"]["SOURCE_DATE_EPOCH"] == "1700000000"


def test_release_refuses_a_topic_without_a_review_date_and_removes_the_old_release(project, tmp_path):
    root = _project(tmp_path)
    topic = root / "sources/immunotherapy/topic.yaml"
    topic.write_text("\n".join(l for l in topic.read_text(encoding="utf-8").splitlines()
                               if not l.startswith("review:")) + "\n", encoding="utf-8")
    (tmp_path / "out/release").mkdir(parents=True)
    (tmp_path / "out/release/old.pdf").write_bytes(b"old")
    with pytest.raises(HandoutError, match=r"topic.yaml: no 'review' date"):
        release(load_config(root), tmp_path / "out", profiles=("office",))
    assert not (tmp_path / "out/release").exists()


def test_an_output_missing_a_required_element_is_refused(project, tmp_path):
    import re

    from pipeline.build.release import _output_problems

    report, _ = _build(project, tmp_path / "out", locales=("en",))
    config = load_config(project)
    assert _output_problems(config, tmp_path / "out", "office", report.outputs) == []
    html = tmp_path / "out/en/immunotherapy-leaflet.html"
    text = html.read_text(encoding="utf-8")
    html.write_text(re.sub(r'<p class="not-advice">.*?</p>', "", text, flags=re.S), encoding="utf-8")
    summary = tmp_path / "out/en/immunotherapy-summary.html"
    summary.write_text(re.sub(r'<p class="when">.*?</p>', "", summary.read_text(encoding="utf-8"), flags=re.S),
                       encoding="utf-8")
    assert _output_problems(config, tmp_path / "out", "office", report.outputs) == [
        "en/immunotherapy-leaflet.pdf (office): missing the 'does not replace medical advice' line",
        "en/immunotherapy-summary.pdf (office): missing what to do about side effects",
    ]
