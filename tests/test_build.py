"""End-to-end: build the sample topic into a temp dir and check what a user would check."""

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.build.builder import BuildOptions, build
from pipeline.config import load_config
from pipeline.errors import HandoutError

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    output = tmp_path_factory.mktemp("build")
    report = build(load_config(ROOT), BuildOptions(output=output, topics=("immunotherapy",), locales=("en",)))
    return output, report


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_outputs_and_manifest(built):
    output, report = built
    manifest = json.loads((output / "manifest.json").read_text())
    paths = sorted(row["path"] for row in manifest["outputs"])
    assert paths == ["en/immunotherapy-leaflet.pdf", "en/immunotherapy-summary.pdf"]
    for row in manifest["outputs"]:
        pdf = output / row["path"]
        assert len(PdfReader(pdf).pages) == row["pages"]
        assert re.fullmatch(r"[0-9a-f]{64}", row["sha256"])
        assert pdf.with_suffix(".html").exists()
        assert row["topic"] == "immunotherapy" and row["locale"] == "en"
    assert {row["kind"] for row in manifest["outputs"]} == {"leaflet", "summary"}
    assert not list(output.rglob("*.tmp"))


def test_every_page_names_the_clinic_and_its_number(built):
    output, _ = built
    clinic = load_config(ROOT).clinic
    for kind in ("leaflet", "summary"):
        for page in PdfReader(output / f"en/immunotherapy-{kind}.pdf").pages:
            text = page.extract_text()
            assert clinic.name in text and clinic.phone in text


def test_no_renderer_warnings_and_report_names_what_was_left_out(built):
    output, report = built
    assert report.warnings == () and all(o.warnings == () for o in report.outputs)
    written = json.loads((output / "report.json").read_text())
    assert written["warnings"] == [] and written["printed_in_english"] == {}
    catalog = {f["id"]: f for f in json.loads((output / "immunotherapy/facts.json").read_text())["facts"]}
    cut = [o for o in report.outputs if o.left_out]
    assert cut, "the sample summary is too long for one page: the report must name what it left out"
    assert set(written["left_out"]) == {o.path for o in cut}
    for item in cut:
        assert item.path.endswith("-summary.pdf")
        assert written["left_out"][item.path] == [{"id": f.id, "text": f.text} for f in item.left_out]
        assert all(catalog[f.id]["text"] == f.text and catalog[f.id]["printed"] for f in item.left_out)


def test_summary_is_one_page_and_leaflet_has_the_clinic(built):
    output, _ = built
    assert len(PdfReader(output / "en/immunotherapy-summary.pdf").pages) == 1
    config = load_config(ROOT)
    for kind in ("leaflet", "summary"):
        text = pdf_text(output / f"en/immunotherapy-{kind}.pdf")
        assert config.clinic.name in text and config.clinic.phone in text


def test_leaflet_has_no_web_junk(built):
    output, _ = built
    text = pdf_text(output / "en/immunotherapy-leaflet.pdf")
    flat = " ".join(text.split())
    for junk in ("Leave a", "password", "Akismet", "Loading", "Show More", "Related Articles",
                 "Back to top", "Fax", "Tel.", "IVA", "©", "Icona", "versione"):
        assert junk not in flat, junk
    # the only email address and website printed are the clinic's own
    clinic = load_config(ROOT).clinic
    assert set(re.findall(r"[\w.+-]+@[\w.-]+", flat)) == {clinic.email}
    assert "www." not in flat


def test_facts_json_traces_every_printed_fact(built):
    output, _ = built
    catalog = json.loads((output / "immunotherapy/facts.json").read_text())
    printed = [f for f in catalog["facts"] if f["printed"]]
    assert printed
    for fact in printed:
        assert re.fullmatch(r"c[0-9a-f]{10}", fact["id"]) and fact["section"]
        assert fact["support"] == len({m["source"] for m in fact["members"]})
        for member in fact["members"]:
            lines = (ROOT / member["source"]).read_text(encoding="utf-8").splitlines()
            assert member["original"].strip("•-* ") in lines[member["line"] - 1]
    assert len({f["id"] for f in catalog["facts"]}) == len(catalog["facts"])


def test_no_statement_is_printed_twice(built):
    output, _ = built
    html = (output / "en/immunotherapy-leaflet.html").read_text()
    ids = re.findall(r'data-fact="(c[0-9a-f]+)"', html)
    assert ids and len(ids) == len(set(ids))


def test_rebuild_is_byte_identical(built, tmp_path):
    output, _ = built
    build(load_config(ROOT), BuildOptions(output=tmp_path, topics=("immunotherapy",)))
    for name in ("en/immunotherapy-leaflet.pdf", "en/immunotherapy-summary.pdf", "immunotherapy/facts.json"):
        assert (tmp_path / name).read_bytes() == (output / name).read_bytes(), name


def _copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    (root / "templates").symlink_to(ROOT / "templates")
    return root


def test_bad_source_fails_clearly_and_leaves_no_stale_output(tmp_path, built):
    output, _ = built
    root = _copy_project(tmp_path)
    stale = tmp_path / "out"
    shutil.copytree(output, stale)
    (root / "sources/immunotherapy/zz_broken.txt").write_bytes(b"")
    with pytest.raises(HandoutError, match="zz_broken.txt"):
        build(load_config(root), BuildOptions(output=stale))
    assert not (stale / "manifest.json").exists() and not (stale / "report.json").exists()
    assert not (stale / "en/immunotherapy-leaflet.pdf").exists()
    assert not (stale / "immunotherapy/facts.json").exists()


def test_full_build_removes_outputs_of_a_topic_that_is_gone(tmp_path, built):
    output, _ = built
    stale = tmp_path / "out"
    shutil.copytree(output, stale)
    manifest = json.loads((stale / "manifest.json").read_text())
    gone = {"path": "en/oldtopic-leaflet.pdf", "topic": "oldtopic", "locale": "en", "kind": "leaflet",
            "pages": 1, "sha256": "0" * 64}
    manifest["outputs"].append(gone)
    (stale / "manifest.json").write_text(json.dumps(manifest))
    (stale / "en/oldtopic-leaflet.pdf").write_bytes(b"%PDF-old")
    (stale / "en/oldtopic-leaflet.html").write_text("old")
    build(load_config(ROOT), BuildOptions(output=stale))
    assert not (stale / "en/oldtopic-leaflet.pdf").exists()
    assert not (stale / "en/oldtopic-leaflet.html").exists()
    assert "oldtopic" not in (stale / "manifest.json").read_text()


def test_letter_summary_is_one_page_too(tmp_path):
    report = build(load_config(ROOT), BuildOptions(output=tmp_path, page_size="Letter"))
    summaries = [o for o in report.outputs if o.kind == "summary"]
    assert summaries and all(o.pages == 1 for o in summaries)
    box = PdfReader(tmp_path / summaries[0].path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_no_distinct_number_or_key_term_is_lost(built):
    output, _ = built
    html = (output / "en/immunotherapy-leaflet.html").read_text().casefold()
    catalog = json.loads((output / "immunotherapy/facts.json").read_text())
    terms = load_config(ROOT).scheme.key_terms
    for fact in catalog["facts"]:
        for member in fact["members"]:
            text = member["text"].casefold()
            if member["excluded"] or text.endswith("?") or len(text.split()) < 4 and fact["section"] == "":
                continue
            for number in re.findall(r"\d+(?:[.,]\d+)*", text):
                assert number in html, (number, member["source"], member["line"])
            for term in terms:
                if re.search(rf"\b{re.escape(term)}", text):
                    assert re.search(rf"\b{re.escape(term)}", html), (term, member["source"], member["line"])


def test_clinic_logo_is_printed_with_alt_text(built):
    output, _ = built
    clinic = load_config(ROOT).clinic
    html = (output / "en/immunotherapy-leaflet.html").read_text()
    assert f'<img class="logo" src="assets/{clinic.logo}" alt="{clinic.name}">' in html


def test_editorial_decisions_change_the_output(built, tmp_path):
    output, _ = built
    root = _copy_project(tmp_path)
    (root / "sources/immunotherapy/editorial.yaml").unlink()
    build(load_config(root), BuildOptions(output=tmp_path / "plain"))
    edited = pdf_text(output / "en/immunotherapy-leaflet.pdf")
    plain = pdf_text(tmp_path / "plain/en/immunotherapy-leaflet.pdf")
    assert "She is too very effective" in " ".join(plain.split())
    assert "She is too very effective" not in " ".join(edited.split())
    assert "It is also very effective for certain lymphomas" in " ".join(edited.split())
    catalog = json.loads((output / "immunotherapy/facts.json").read_text())
    edited_members = [m for f in catalog["facts"] for m in f["members"] if m["edited"]]
    (member,) = [m for m in edited_members if m["original"].startswith("She is too very effective")]
    assert member["line"] == 25 and member["text"].startswith("It is also very effective")


def test_leaflet_says_how_many_sources_it_draws_on(built):
    output, _ = built
    text = " ".join(pdf_text(output / "en/immunotherapy-leaflet.pdf").split())
    assert "This leaflet draws on 5 source texts:" in text


def test_review_page_shows_conflicts_decisions_and_readability(built):
    output, _ = built
    html = (output / "immunotherapy/review.html").read_text()
    catalog = json.loads((output / "immunotherapy/facts.json").read_text())
    assert all(f["id"] in html for f in catalog["facts"])
    assert "not conclusive for breast cancer" in html and "promising results for prostate" in html
    assert "c6d7f73c4e4" in html and "applied" in html
    assert "Flesch" in html
