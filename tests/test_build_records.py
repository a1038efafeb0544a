"""What a build records travels as dataclasses to report.json, the manifest and a shard merge;
dates come from topic.yaml or SOURCE_DATE_EPOCH, never the clock; a PDF's ids depend on the
edition alone."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import types
import uuid
from pathlib import Path

import pytest
import weasyprint.pdf.metadata
from pypdf import PdfReader

from pipeline.build.builder import BuildOptions, build
from pipeline.build.report import report_from_json, to_json
from pipeline.build.shards import merge_shards
from pipeline.config import load_config
from pipeline.errors import HandoutError
from pipeline.models import BuildReport, LeftOut, Output, Untranslated

ROOT = Path(__file__).resolve().parent.parent
DATED = {"SOURCE_DATE_EPOCH": "1700000000"}


def project(root: Path, languages: tuple[str, ...] = ()) -> Path:
    root.mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    for pot in ("facts.pot", "ui.pot"):
        (root / "locales").mkdir(exist_ok=True)
        shutil.copy(ROOT / "locales" / pot, root / "locales" / pot)
    for language in languages:
        shutil.copytree(ROOT / "locales" / language, root / "locales" / language)
    return root


def test_a_shards_records_come_back_whole():
    report = BuildReport(
        outputs=(Output("fr/t-summary.pdf", "t", "fr", "summary", 1, "ab" * 32,
                        (Untranslated("locales/fr/LC_MESSAGES/facts.po", 12, "t:c1", "fuzzy", "fuzzy"),),
                        False, (LeftOut("c2", "A fact that did not fit."),), ("WARNING: a font",)),),
        facts_files=("t/facts.json",), warnings=("sources/t/editorial.yaml:3: stale: no fact c9",))
    assert report_from_json(json.loads(to_json(report))) == report


def test_without_an_issue_date_or_source_date_epoch_the_build_stops_and_says_so(tmp_path):
    root = project(tmp_path / "clinic")
    topic_file = root / "sources" / "immunotherapy" / "topic.yaml"
    topic_file.write_text(re.sub(r"(?m)^issued:.*\n", "", topic_file.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(HandoutError, match=r"immunotherapy/topic.yaml: no 'issued' date, and SOURCE_DATE_EPOCH is not set"):
        build(load_config(root, {}), BuildOptions(output=tmp_path / "out", locales=("en",)))
    assert not (tmp_path / "out").exists()  # refused before anything was written
    assert load_config(root, DATED).topics[0].issued == "2023-11-14"


@pytest.mark.slow
def test_merged_shards_give_the_full_builds_records_translation_state_included(tmp_path):
    root = project(tmp_path / "clinic", ("fr",))
    po = root / "locales" / "fr" / "LC_MESSAGES" / "facts.po"
    text = po.read_text(encoding="utf-8")
    # The translated title turned fuzzy: printed in English, listed with its file and line.
    first = re.search(r'(?m)^msgctxt "immunotherapy:title"', text).start()
    po.write_text(text[:first] + "#, fuzzy\n" + text[first:], encoding="utf-8")
    config = load_config(root, DATED)
    full = build(config, BuildOptions(output=tmp_path / "full", kinds=("summary",), workers=1))
    for index in (1, 2):
        build(config, BuildOptions(output=tmp_path / "shards", kinds=("summary",), workers=1, shard=(index, 2)))
    merged = merge_shards(tmp_path / "shards")

    french = next(o for o in full.outputs if o.locale == "fr")
    assert french.reviewed is False and [m.kind for m in french.untranslated] == ["fuzzy"]
    assert french.untranslated[0].path == "locales/fr/LC_MESSAGES/facts.po"
    assert merged.outputs == full.outputs  # untranslated, reviewed, left out: all carried over
    for name in ("manifest.json", "report.json"):
        assert (tmp_path / "shards" / name).read_bytes() == (tmp_path / "full" / name).read_bytes()
    report = json.loads((tmp_path / "full" / "report.json").read_text(encoding="utf-8"))
    (listed,) = report["printed_in_english"]["fr"]
    assert listed["kind"] == "fuzzy" and listed["line"] == french.untranslated[0].line > 0
    assert "en" not in report["printed_in_english"]


@pytest.mark.slow
def test_a_print_shop_pdfs_document_id_derives_from_its_edition_without_patching_weasyprint(tmp_path):
    root = project(tmp_path / "clinic")
    config = load_config(root, DATED)
    module, assigned = weasyprint.pdf.metadata, []

    class Watched(types.ModuleType):  # notes every assignment to the module's names while rendering
        def __setattr__(self, name: str, value: object) -> None:
            if name != "__class__":
                assigned.append(name)
            super().__setattr__(name, value)

    module.__class__ = Watched
    try:
        build(config, BuildOptions(output=tmp_path / "a", locales=("en",), kinds=("summary",),
                                   profile="print-shop", workers=1))
    finally:
        module.__class__ = types.ModuleType
    assert assigned == [] and module.uuid4 is uuid.uuid4  # nothing process-wide was patched
    pdf = tmp_path / "a" / "en" / "immunotherapy-summary-print-shop.pdf"
    first = PdfReader(pdf)
    xmp = first.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    (document_id,) = re.findall(r"xmp\.did:([0-9a-f-]{36})", xmp)
    identifier = first.trailer["/ID"][0]
    pdf_id = getattr(identifier, "original_bytes", None) or bytes(identifier)
    assert document_id == str(uuid.UUID(bytes=hashlib.sha256(pdf_id).digest()[:16], version=4))
    build(config, BuildOptions(output=tmp_path / "b", locales=("en",), kinds=("summary",), profile="print-shop",
                               workers=1))
    assert (tmp_path / "b" / pdf.relative_to(tmp_path / "a")).read_bytes() == pdf.read_bytes()


def test_a_change_anywhere_in_the_packages_code_is_in_every_outputs_key(tmp_path, monkeypatch):
    from pipeline.build import plan

    package = tmp_path / "pipeline"
    shutil.copytree(plan.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(plan, "PACKAGE", package)
    assert {p.name for p in plan.PACKAGE.iterdir()} >= {"text", "render", "build", "cli.py"}
    config = load_config(project(tmp_path / "clinic"), DATED)

    def keys() -> list[str]:
        plan._code_digest.cache_clear()
        made = plan.make_plan(config, list(config.topics), ("en",), "A4", "office")
        return [job.key for job in made.jobs] + [files.key for files in made.topic_files]

    try:
        before = keys()
        for module in ("text/clean.py", "render/fitting.py", "review/conflicts.py"):
            path = package / module
            path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
            after = keys()
            assert all(a != b for a, b in zip(before, after, strict=True)), module
            before = after
    finally:  # the digest is cached per process: forget the copy's
        monkeypatch.undo()
        plan._code_digest.cache_clear()
