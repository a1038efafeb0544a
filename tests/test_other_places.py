"""Printed statements naming another hospital or a source's organisation: listed with a ready decision, never changed."""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from pipeline.review.other_places import drop_decision, place_names
from pipeline.review.review_page import review_page
from tests.projects import one_topic_project, prepared_one_topic, printed_texts

SOURCE = """Radiotherapy

Radiotherapy uses high-energy rays to treat cancer in one part of the body.

Radiotherapy is not given at Brambleford.

You will have it at our partner hospital, the Severnmouth Cancer Centre, about 28 miles away.

Most Hospitals give radiotherapy once a day, Monday to Friday, for 1 to 8 weeks.

The Chemotherapy Day Unit and the Example Oncology Clinic can answer questions about your treatment.

Tell the radiographers at brambleford-style units if your skin is sore.
"""


def _prepared(root: Path, editorial: str = ""):
    return prepared_one_topic(one_topic_project(root, SOURCE, editorial, publisher="Brambleford General Hospital"))


def test_the_sources_organisation_and_another_hospital_are_listed_and_printed_until_the_editor_decides(tmp_path):
    before = _prepared(tmp_path / "p")
    # The source's publisher by its short name, a named cancer centre; not the clinic's own name
    # (clinic.yaml's "Example Oncology Clinic"), a service any hospital has, "Most Hospitals", or the
    # short name in lower case.
    assert [(p.name, p.line, p.publisher) for p in before.places] == [
        ("Brambleford", 5, True), ("Severnmouth Cancer Centre", 7, False)]
    assert "Radiotherapy is not given at Brambleford." in printed_texts(before)

    page = review_page("radio", "Radiotherapy", before.cleaned, before.clusters, before.handout, places=before.places)
    snippet = drop_decision(before.places[0])
    assert "sources/radio/a.txt:5" in page and str(escape(snippet)) in page and 'id="place-' in page

    after = _prepared(tmp_path / "q", "decisions:\n" + snippet)
    assert [r.status for r in after.decisions] == ["applied"]
    assert [p.name for p in after.places] == ["Severnmouth Cancer Centre"]
    assert "Radiotherapy is not given at Brambleford." not in printed_texts(after)


def test_a_review_page_naming_no_other_hospital_says_so(tmp_path):
    prepared = _prepared(tmp_path / "p")
    page = review_page("radio", "Radiotherapy", prepared.cleaned, prepared.clusters, prepared.handout)
    assert "name no other hospital" in page


def test_a_name_is_read_without_the_article_or_the_post_before_it():
    assert place_names("said the CEO of Harlan Creek Medical Center, and The Northfold Cancer Centre agreed.") == [
        "Harlan Creek Medical Center", "Northfold Cancer Centre"]
    assert place_names("Most Hospitals offer it. Ask at the Day Unit.") == []
