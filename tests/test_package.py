"""`pip install .` gives a working `handout build --root <a clinic folder>`: the wheel carries the
default templates and fonts, and nothing reads files from the source checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = shutil.ignore_patterns("__pycache__", "*.egg-info")
LOCAL = {".git", ".venv", "build", ".setuptools-build", ".pytest_cache", ".import_linter_cache", ".coverage"}


def not_shipped(folder: str, names: list[str]) -> set[str]:
    """What a clean clone does not hold: the local virtualenv, outputs and caches."""
    return SCRATCH(folder, names) | (LOCAL & set(names) if Path(folder) == ROOT else set())


@dataclass(frozen=True)
class InstalledBuild:
    """A clinic's build made by the package installed from a wheel of a clean checkout."""

    wheel_files: frozenset[str]
    imported_from: Path  # where `import pipeline` found the package
    site: Path  # where the wheel was installed
    summary: Path  # the PDF the installed `handout build` wrote


def installed_package_build(tmp_path: Path) -> InstalledBuild:
    """Build a wheel of a copy of the checkout, install it alone, delete the copy, build with it.

    Made in the background process (tests/conftest.py): pip and the build are processes of their
    own, which would otherwise keep the test run waiting for five seconds.
    """
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout, ignore=not_shipped)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(tmp_path / "wheels"),
                    str(checkout)], check=True)
    (wheel,) = (tmp_path / "wheels").glob("handout-*.whl")
    names = frozenset(zipfile.ZipFile(wheel).namelist())
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True)
    shutil.rmtree(checkout)  # nothing may come from the source tree

    clinic = tmp_path / "clinic"  # a clinic's own folder: its details and sources, no templates
    clinic.mkdir()
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, clinic / name)
    topic = clinic / "sources" / "scans"
    topic.mkdir(parents=True)
    (topic / "topic.yaml").write_text('title: CT scans\nversion: "1.0"\n', encoding="utf-8")
    (topic / "ct.txt").write_text("A CT scan uses X-rays and a computer to make detailed pictures of the body.\n\n"
                                  "The scan itself takes about ten minutes and does not hurt.\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(site), "SOURCE_DATE_EPOCH": "1700000000"}
    run = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main())"]
    where = subprocess.run([sys.executable, "-c", "import pipeline; print(pipeline.__file__)"], env=environment,
                           cwd=tmp_path, capture_output=True, text=True, check=True)
    subprocess.run([*run, "build", "--root", str(clinic), "--output", str(tmp_path / "out"), "--locale", "en",
                    "--kind", "summary", "--jobs", "1"], env=environment, cwd=tmp_path, check=True,
                   capture_output=True)
    return InstalledBuild(names, Path(where.stdout.strip()), site, tmp_path / "out" / "en" / "scans-summary.pdf")


@pytest.mark.slow
def test_a_build_from_the_installed_package_uses_its_shipped_templates(installed_package):
    for shipped in ("pipeline/default_templates/leaflet.html", "pipeline/default_templates/assets/print.css",
                    "pipeline/default_templates/assets/fonts/NotoSans-Regular.ttf", "pipeline/text/clean.py",
                    "pipeline/text/furniture_model.json", "pipeline/text/section_model.json",
                    "pipeline/review/medical_words.txt", "pipeline/review/plain_words.yaml",
                    "pipeline/build/builder.py"):
        assert shipped in installed_package.wheel_files
    assert installed_package.imported_from.is_relative_to(installed_package.site)
    reader = PdfReader(installed_package.summary)
    assert len(reader.pages) == 1
    fonts = {str(font["/BaseFont"]).split("+")[-1] for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all(name.startswith("Handout-") for name in fonts)  # the bundled fonts, from the wheel
    assert "Example Oncology Clinic" in reader.pages[0].extract_text()
