"""Phone numbers a printed statement gives that are not the clinic's: listed with a ready decision, never changed."""

from __future__ import annotations

from pathlib import Path

import yaml
from markupsafe import escape

from pipeline.review.phone_numbers import replace_decision
from pipeline.review.review_page import review_page
from tests.projects import one_topic_project, prepared_one_topic, printed_texts

ROOT = Path(__file__).resolve().parent.parent

SOURCE = """Radiotherapy

Radiotherapy uses high-energy rays to treat cancer in one part of the body.

Call the Mercyvale nurse line at 1-800-555-0147, day or night, if your skin blisters or breaks.

Most people have treatment once a day, Monday to Friday, for 1 to 8 weeks.

Between 2024-2025 the unit treated more people than before.

For questions, call us on {clinic}.

If you feel unwell at night, ring the 24-hour line on +44 20 7946 0999 straight away.
"""


def _project(root: Path, editorial: str = "") -> Path:
    clinic = yaml.safe_load((ROOT / "clinic.yaml").read_text(encoding="utf-8"))["phone"]
    return one_topic_project(root, SOURCE.format(clinic=clinic), editorial)


def test_another_hospitals_number_is_listed_and_printed_as_written_until_the_editor_decides(tmp_path):
    before = prepared_one_topic(_project(tmp_path / "p"))
    clinic = before.handout.clinic.phone
    # Only the source's own line: not the clinic's numbers (its side-effects line is written "+44 20 7946 0999
    # (24 hours)" in clinic.yaml), a span of years, a dose or a count of weeks.
    assert [(n.number, n.line) for n in before.numbers] == [("1-800-555-0147", 5)]
    assert "Call the Mercyvale nurse line at 1-800-555-0147, day or night, if your skin blisters or breaks." \
        in printed_texts(before)  # unchanged without a decision

    page = review_page("radio", "Radiotherapy", before.cleaned, before.clusters, before.handout, numbers=before.numbers)
    snippet = replace_decision(before.numbers[0])
    assert "sources/radio/a.txt:5" in page and str(escape(snippet)) in page

    # The editor pastes the decision: the clinic's number prints in its place and nothing is listed.
    after = prepared_one_topic(_project(tmp_path / "q", "decisions:\n" + snippet))
    assert [r.status for r in after.decisions] == ["applied"] and after.numbers == ()
    assert f"Call the Mercyvale nurse line at {clinic}, day or night, if your skin blisters or breaks." in printed_texts(after)


def test_a_review_page_without_foreign_numbers_says_so(tmp_path):
    prepared = prepared_one_topic(_project(tmp_path / "p", ""))
    page = review_page("radio", "Radiotherapy", prepared.cleaned, prepared.clusters, prepared.handout)
    assert "give no phone number but the clinic" in page
