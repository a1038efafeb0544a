"""End-to-end: build the sample topic (shared builds, tests/conftest.py) and check what a user would check."""

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from pipeline.build import records
from pipeline.build.builder import BuildOptions, build, build_locales
from pipeline.config import load_config
from pipeline.errors import HandoutError
from tests.projects import copy_project

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = Path(__file__).resolve().parent / "goldens"
# Committed copies of these files of the English build, at the same paths under tests/goldens/
# (as tests/regenerate_goldens.py, `make goldens`, writes them).
GOLDEN_FILES = ("immunotherapy/facts.json", "en/immunotherapy-leaflet.html")
pytestmark = pytest.mark.slow


@pytest.fixture()
def built(english_build):
    return english_build.output, english_build.report


def test_outputs_and_manifest(built):
    output, report = built
    manifest = json.loads((output / "manifest.json").read_text())
    paths = sorted(row["path"] for row in manifest["outputs"])
    assert paths == ["en/immunotherapy-leaflet.pdf", "en/immunotherapy-summary.pdf"]
    assert paths == sorted(o.path for o in report.outputs)
    for row in manifest["outputs"]:
        pdf = output / row["path"]
        assert len(PdfReader(pdf).pages) == row["pages"]
        assert re.fullmatch(r"[0-9a-f]{64}", row["sha256"])
        assert pdf.with_suffix(".html").exists()
        assert row["topic"] == "immunotherapy" and row["locale"] == "en"
    assert {row["kind"] for row in manifest["outputs"]} == {"leaflet", "summary"}
    assert not list(output.rglob("*.tmp"))


def test_every_page_names_the_clinic_and_its_number(english_build):
    clinic = load_config(ROOT).clinic
    for kind in ("leaflet", "summary"):
        pages = english_build.texts[f"en/immunotherapy-{kind}.pdf"]  # each page's text, as pypdf extracts it
        assert len(pages) == len(PdfReader(english_build.output / f"en/immunotherapy-{kind}.pdf").pages)
        for text in pages:
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
    summary_html = (output / "en/immunotherapy-summary.html").read_text()
    for item in cut:
        assert item.path.endswith("-summary.pdf")
        assert written["left_out"][item.path] == [{"id": f.id, "text": f.text} for f in item.left_out]
        assert all(catalog[f.id]["text"] == f.text and catalog[f.id]["printed"] for f in item.left_out)
        assert all(f'data-fact="{f.id}"' not in summary_html for f in item.left_out)  # really left out


def test_summary_is_one_page_and_leaflet_has_the_clinic(english_build):
    assert len(PdfReader(english_build.output / "en/immunotherapy-summary.pdf").pages) == 1
    config = load_config(ROOT)
    for kind in ("leaflet", "summary"):
        text = english_build.text(f"en/immunotherapy-{kind}.pdf")
        assert config.clinic.name in text and config.clinic.phone in text


def test_leaflet_has_no_web_junk(english_build):
    text = english_build.text("en/immunotherapy-leaflet.pdf")
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


def test_rebuild_is_byte_identical(english_build, full_build):
    """Two independent builds, of English alone and of every language, give the same bytes."""
    for name in ("en/immunotherapy-leaflet.pdf", "en/immunotherapy-summary.pdf", "en/immunotherapy-leaflet.html",
                 "en/immunotherapy-summary.html", "immunotherapy/facts.json", "immunotherapy/review.html"):
        assert (full_build.output / name).read_bytes() == (english_build.output / name).read_bytes(), name


def test_a_forced_rebuild_reads_the_text_stages_back_and_prints_the_same_bytes(tmp_path, english_build,
                                                                              load_pinned_config, monkeypatch):
    from pipeline.build import text_cache

    def stages_ran(*_):
        raise AssertionError("the text stages ran again, with nothing they read changed")

    output = shutil.copytree(english_build.output, tmp_path / "build")
    monkeypatch.setattr(text_cache, "prepare_topic", stages_ran)
    report = build(load_pinned_config(ROOT), BuildOptions(output=output, topics=("immunotherapy",), locales=("en",),
                                                          workers=1, force=True))
    assert len(report.rendered) == 2  # --force: every PDF laid out again
    for name in ("en/immunotherapy-leaflet.pdf", "en/immunotherapy-summary.pdf", "en/immunotherapy-leaflet.html",
                 "immunotherapy/facts.json", "immunotherapy/review.html"):
        assert (output / name).read_bytes() == (english_build.output / name).read_bytes(), name
    # The summary's fit is the last build's, laid out once (the first build measured, then laid out).
    assert records.load(english_build.output, "en/immunotherapy-summary.pdf").passes >= 2
    assert records.load(output, "en/immunotherapy-summary.pdf").passes == 1


def _copy_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", templates=True)


def test_bad_source_fails_clearly_and_leaves_no_stale_output(tmp_path, built):
    output, _ = built
    root = _copy_project(tmp_path)
    stale = tmp_path / "out"
    shutil.copytree(output, stale)
    (root / "sources/immunotherapy/zz_broken.txt").write_bytes(b"")
    with pytest.raises(HandoutError, match="zz_broken.txt"):
        build(load_config(root), BuildOptions(output=stale, workers=1))
    assert not (stale / "manifest.json").exists() and not (stale / "report.json").exists()
    assert not (stale / "en/immunotherapy-leaflet.pdf").exists()
    assert not (stale / "immunotherapy/facts.json").exists()


def test_full_build_removes_outputs_of_a_topic_that_is_gone(tmp_path, built, load_pinned_config):
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
    # Whatever the build's selection (English only here), the outputs of a topic that is gone are removed.
    report = build(load_pinned_config(ROOT), BuildOptions(output=stale, locales=("en",), workers=1))
    assert not (stale / "en/oldtopic-leaflet.pdf").exists()
    assert not (stale / "en/oldtopic-leaflet.html").exists()
    assert "oldtopic" not in (stale / "manifest.json").read_text()
    assert report.rendered == () and (stale / "en/immunotherapy-leaflet.pdf").exists()  # the rest is kept


def test_letter_summary_is_one_page_too(letter_summaries):
    summaries = [o for o in letter_summaries.report.outputs if o.kind == "summary"]
    assert {o.locale for o in summaries} == set(build_locales(ROOT))  # every language's summary
    assert summaries == list(letter_summaries.report.outputs) and all(o.pages == 1 for o in summaries)
    for summary in summaries:
        reader = PdfReader(letter_summaries.output / summary.path)
        box = reader.pages[0].mediabox
        assert len(reader.pages) == 1 and (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_no_distinct_number_or_key_term_is_lost(built):
    output, _ = built
    html = (output / "en/immunotherapy-leaflet.html").read_text().casefold()
    catalog = json.loads((output / "immunotherapy/facts.json").read_text())
    terms = load_config(ROOT).scheme.vocabulary.key_terms
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
    # The preview links the copy the build wrote beside it (build/assets/), so it shows in a browser.
    assert f'<img class="logo" src="../assets/{clinic.logo}" alt="{clinic.name}">' in html
    assert (output / "assets" / clinic.logo).read_bytes() == (ROOT / "templates/assets" / clinic.logo).read_bytes()


def test_editorial_decisions_change_the_output(english_build, unedited_build):
    output = english_build.output
    edited = english_build.text("en/immunotherapy-leaflet.pdf")
    plain = unedited_build.text("en/immunotherapy-leaflet.pdf")  # the project without editorial.yaml
    assert "She is too very effective" in " ".join(plain.split())
    assert "She is too very effective" not in " ".join(edited.split())
    assert "Immunotherapy also works very well for certain lymphomas" in " ".join(edited.split())
    # The rewrites print marked until a clinician checks them (editorial-review.yaml); no rewrite, no mark.
    note = "have not yet been checked by a clinician"
    assert note in " ".join(edited.split()) and note not in " ".join(plain.split())
    catalog = json.loads((output / "immunotherapy/facts.json").read_text())
    edited_members = [m for f in catalog["facts"] for m in f["members"] if m["edited"]]
    (member,) = [m for m in edited_members if m["original"].startswith("She is too very effective")]
    assert member["line"] == 25 and member["text"].startswith("Immunotherapy also works very well")


def test_leaflet_says_how_many_sources_it_draws_on(english_build):
    text = " ".join(english_build.text("en/immunotherapy-leaflet.pdf").split())
    assert "This leaflet draws on 5 source texts:" in text


def test_review_page_shows_conflicts_decisions_and_readability(built):
    output, _ = built
    html = (output / "immunotherapy/review.html").read_text()
    catalog = json.loads((output / "immunotherapy/facts.json").read_text())
    assert all(f'id="cluster-{f["id"]}"' in html for f in catalog["facts"])
    conflicts = html[html.index('<section id="conflicts">'):html.index('<section id="repeats">')]
    assert "not conclusive for breast cancer" in conflicts and "promising results for prostate" in conflicts
    # Every decision of editorial.yaml, with the line it starts on, applied.
    decisions = html[html.index('<section id="decisions">'):html.index('<section id="readability">')]
    editorial = ROOT / "sources/immunotherapy/editorial.yaml"
    starts = [n for n, line in enumerate(editorial.read_text().splitlines(), 1) if line.startswith("  - action:")]
    listed = yaml.safe_load(editorial.read_text())["decisions"]
    rows = re.findall(r'<tr class="(\w+)">\s*<td class="where"><code>sources/immunotherapy/editorial\.yaml:(\d+)'
                      r'</code></td>\s*<td class="nowrap">(\w+)</td>\s*<td><a href="#cluster-(c[0-9a-f]+)">', decisions)
    assert rows == [("applied", str(n), d["action"], d["fact"]) for n, d in zip(starts, listed)]
    # A readability row, with a grade of its prose, for each section the leaflet prints.
    readability = html[html.index('<section id="readability">'):]
    assert "Flesch–Kincaid" in readability and "Sentences to make plainer" in readability
    for section in {f["section"] for f in catalog["facts"] if f["printed"]}:
        assert re.search(rf'<a href="#section-{section}">[^<]+</a></th>\s*<td class="num">\d+</td>\s*'
                         rf'<td class="num grade">(\d+\.\d|n/a)</td>', readability), section
    # The sample reads well above grade 8: each hard sentence comes with a decision to paste.
    assert readability.count("action: replace") >= 10


def _short_diff(name: str, golden: str, built: str, most: int = 40) -> str:
    """The first lines of a unified diff from the golden copy to what the build wrote."""
    lines = list(difflib.unified_diff(golden.splitlines(), built.splitlines(), f"tests/goldens/{name}",
                                      f"<build>/{name}", n=1, lineterm=""))
    return "\n".join(lines[:most] + ([f"... and {len(lines) - most} more lines"] if len(lines) > most else []))


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_output_matches_the_golden_copy(english_build, name):
    """The fact catalog and the English leaflet's HTML are exactly the committed goldens."""
    golden = (GOLDENS / name).read_text(encoding="utf-8")
    built = (english_build.output / name).read_text(encoding="utf-8")
    if built != golden:
        pytest.fail(f"{name} differs from tests/goldens/{name}:\n{_short_diff(name, golden, built)}\n"
                    "run `make goldens` if the change is intended", pytrace=False)


@pytest.mark.parametrize("first, second", [
    # The repeats issue 14 found in the sample leaflet, read side by side: each pair of source
    # wordings is now one printed statement (a merge decision in the shipped editorial.yaml).
    ("vary from patient to patient", "vary depending on the type of immunotherapy"),
    ("real revolution", "among the most important developments"),
    ("usually combined with chemotherapy", "first-line"),
    ("Adoptive cell transfer: This procedure", "multiplication in the laboratory"),
])
def test_the_sample_leaflet_prints_each_repeat_once_with_every_wording_on_record(built, first, second):
    output, _ = built
    catalog = json.loads((output / "immunotherapy/facts.json").read_text(encoding="utf-8"))
    printed = [fact for fact in catalog["facts"] if fact["printed"]]
    holding = [{fact["id"] for fact in printed if any(text in member["original"] for member in fact["members"])}
               for text in (first, second)]
    assert len(holding[0]) == 1 and holding[0] == holding[1], (first, second, holding)
