"""One language's broken catalog stops that language only: named with file:line, the others built,
a non-zero exit, its earlier outputs never listed as current, and the release leaving it out."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build.catalogs import BROKEN, load_catalogs, one_line
from pipeline.build.release import STAGING, release
from pipeline.build.release_scope import release_scope
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import HandoutError

ROOT = Path(__file__).resolve().parent.parent
FACTS_PO = "locales/fr/LC_MESSAGES/facts.po"
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


def _break(root: Path) -> int:
    """Misspell the keyword of the first translated msgstr of fr's facts.po; return its line."""
    path = root / FACTS_PO
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and line != 'msgstr ""')
    lines[number] = lines[number].replace("msgstr ", "msgstr_x ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def _project(en_fr_project: Path, tmp_path: Path) -> Path:
    """A copy of the en+fr project with Spanish added, and French's facts.po broken."""
    root = shutil.copytree(en_fr_project, tmp_path / "project", symlinks=True)
    shutil.copytree(ROOT / "locales/es", root / "locales/es")
    return root


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_broken_catalog_fails_its_own_language_only(en_fr_project, en_fr_build, tmp_path):
    root = _project(en_fr_project, tmp_path)
    line = _break(root)
    out = shutil.copytree(en_fr_build.output, tmp_path / "out")  # the last build: en and fr, current then
    earlier_fr = _sha(out / "fr/immunotherapy-summary.pdf")

    result = CliRunner().invoke(main, ["build", "--root", str(root), "--output", str(out), "--locale", "en",
                                       "--locale", "fr", "--locale", "es", "--kind", "summary", "--jobs", "1"],
                                env=ENV)

    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"fr: not built: {BROKEN}: {FACTS_PO}:{line}:" in result.output  # msgfmt's file:line and cause
    assert "msgstr_x" in result.output
    manifest = {row["path"]: row for row in json.loads((out / "manifest.json").read_text())["outputs"]}
    report = json.loads((out / "report.json").read_text())
    # English and Spanish are built and current: listed with the checksum of the file on disk.
    for path in ("en/immunotherapy-summary.pdf", "es/immunotherapy-summary.pdf"):
        assert manifest[path]["sha256"] == _sha(out / path)
    assert "es/immunotherapy-summary.pdf" in result.output  # rendered by this build
    # The clinic's wording in Spanish reached the page (clinic.yaml: side_effects_phone per language).
    assert "(24 horas)" in (out / "es/immunotherapy-summary.html").read_text(encoding="utf-8")
    # French: nothing listed as current; the earlier file is left as it was, and said to be earlier.
    assert not [path for path in manifest if path.startswith("fr/")]
    assert report["not_built"]["fr"].startswith(f"{BROKEN}: {FACTS_PO}:{line}:")
    assert _sha(out / "fr/immunotherapy-summary.pdf") == earlier_fr
    warnings = report["warnings"]
    assert any(w.startswith("fr/immunotherapy-summary.pdf: from an earlier build, left out") for w in warnings)
    assert any(w.startswith("fr/immunotherapy-leaflet.pdf: out of date") for w in warnings)  # not asked for


def test_the_release_leaves_the_broken_language_out_with_why(en_fr_project, en_fr_build, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", ENV["SOURCE_DATE_EPOCH"])
    root = shutil.copytree(en_fr_project, tmp_path / "project", symlinks=True)
    line = _break(root)
    shutil.copytree(en_fr_build.output, tmp_path / "out" / STAGING / "office")  # English: nothing to render
    result = release(load_config(root), tmp_path / "out", profiles=("office",))
    assert result.languages == ("en",)
    assert sorted(result.files) == ["immunotherapy-leaflet-en.pdf", "immunotherapy-summary-en.pdf"]
    (why,) = [why for name, why in result.not_included if name == "fr/immunotherapy"]
    assert why.startswith(f"{BROKEN}: {FACTS_PO}:{line}:")
    written = json.loads((tmp_path / "out/release/release.json").read_text(encoding="utf-8"))
    assert written["not_included"]["fr/immunotherapy"] == why
    assert written["included"]["immunotherapy"] == ["en"]


def test_catalogs_are_loaded_per_language(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "locales", root / "locales")
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    (root / "templates").symlink_to(ROOT / "templates")
    line = _break(root)
    catalogs = load_catalogs(load_config(root, ENV), ["en", "es", "fr", "it"])
    assert sorted(catalogs.messages) == ["en", "es", "it"]
    assert list(catalogs.not_built) == ["fr"] and f"{FACTS_PO}:{line}:" in catalogs.not_built["fr"]


def test_release_scope_names_the_broken_catalog_for_every_topic():
    why = f"{BROKEN}: {FACTS_PO}:25: keyword \"msgstr_x\" unknown"
    scope = release_scope(ROOT, ["a", "b"], [], [], ["en", "fr"], ["en", "fr"], {"fr": why})
    assert scope.included == {("a", "en"), ("b", "en")}
    assert scope.left_out == (("fr/a", why), ("fr/b", why))


@pytest.mark.parametrize("message, expected", [
    ("msgfmt --check failed:\nlocales/fr/x.po:3: missing 'msgstr' section\n/usr/bin/msgfmt: found 1 fatal error",
     "locales/fr/x.po:3: missing 'msgstr' section"),
    ("locales/fr/x.po:9: PO syntax error: Unknown or misformatted keyword",
     "locales/fr/x.po:9: PO syntax error: Unknown or misformatted keyword"),
])
def test_a_catalog_error_is_said_on_one_line_with_its_file_and_line(message, expected):
    assert one_line(HandoutError(message)) == expected


def test_check_reports_the_broken_catalog_and_checks_the_other_languages(tmp_path):
    root = tmp_path / "project"
    for name in ("clinic.yaml", "sections.yaml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    (root / "locales").mkdir()
    for name in ("ui.pot", "facts.pot"):
        shutil.copy(ROOT / "locales" / name, root / "locales" / name)
    for language in ("es", "fr"):
        shutil.copytree(ROOT / "locales" / language, root / "locales" / language)
    line = _break(root)
    result = CliRunner().invoke(main, ["check", "--root", str(root)], env=ENV)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"fr: {BROKEN}: {FACTS_PO}:{line}:" in result.stdout
    assert "es/(ui.po): " in result.stdout and "fr/(ui.po)" not in result.stdout  # Spanish checked as usual
