"""The review report: removals, clusters with provenance, conflicts, decisions, readability."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import pytest
from markupsafe import escape

from pipeline.models import (
    CleanSource, Clinic, Cluster, Conflict, Decision, DecisionResult, Entry, Fact, Handout, Removal, Section,
    SourceMeta,
)
from pipeline.review.review_page import review_page

A, B, C = (f"sources/t/{name}.txt" for name in "abc")
HOSTILE = "<script>alert('x')</script> & friends"
ACADEMIC = ("Immunotherapeutic interventions necessitate a comprehensive reevaluation of established "
            "oncological paradigms, particularly regarding the heterogeneity of individual "
            "immunological responses.")


def fact(text: str, source: str, line: int, **fields) -> Fact:
    fid = "f" + hashlib.sha1(f"{source}:{line}:{text}".encode()).hexdigest()[:8]
    return Fact(fid, text, fields.pop("original", text), source, line, fields.pop("kind", "sentence"), **fields)


def cluster(*members: Fact) -> Cluster:
    ordered = tuple(sorted(members, key=lambda f: (f.source, f.line)))
    cid = "c" + members[0].id[1:]
    return Cluster(cid, members[0], ordered, tuple(sorted({f.source for f in members})))


SIMPLE = cluster(fact("You may feel tired after treatment.", A, 4),
                 fact("You may feel tired after the treatment.", B, 7),
                 fact("You may feel  tired after treatment .", C, 2, original="You may feel  tired after treatment ."))
FOLLOWS = cluster(fact("It goes away in a few days.", A, 5))
LEAD = cluster(fact("Tell us if you have:", B, 9))
ITEMS = (cluster(fact("a rash", B, 10, kind="item", lead=LEAD.canonical.id)),
         cluster(fact("a cough", B, 11, kind="item", lead=LEAD.canonical.id)))
COMPLEX = cluster(fact(ACADEMIC, C, 12))
EVIL = cluster(fact(f"Some pages say {HOSTILE} about this drug.", C, 14))
QUESTION = cluster(fact("What is immunotherapy?", A, 1))
PROMO = cluster(fact("Visit Example Health for more news.", B, 20, excluded="names the publishing site"))
FRAGMENT = cluster(fact("Read more", C, 30))
ORPHAN = cluster(fact("tablets", C, 31, kind="item", lead="fmissing"))
UNDER_QUESTION = cluster(fact("by injection", A, 2, kind="item", lead=QUESTION.canonical.id))
UNPRINTED = (QUESTION, PROMO, FRAGMENT, ORPHAN, UNDER_QUESTION)
CLUSTERS = (SIMPLE, FOLLOWS, LEAD, *ITEMS, COMPLEX, EVIL, *UNPRINTED)

SECTIONS = (
    Section("easy", "Easy words", (Entry(SIMPLE, continued=(FOLLOWS,)), Entry(LEAD, items=ITEMS))),
    Section("hard", "Hard words", (Entry(COMPLEX), Entry(EVIL))),
)
HANDOUT = Handout(topic="t", title="Immunotherapy", version="1", issued="2026-01-01", review="",
                  clinic=Clinic("Clinic", "123"), sections=SECTIONS, summary=SECTIONS, side_effects=ITEMS,
                  sources=())
CLEANED = (
    CleanSource(A, SourceMeta("a.txt", "Pub A", "en", "2020-04-01"), (), (
        Removal(A, 2, "Share on Facebook", "share button"),
        Removal(A, 40, "Last update : 01/04/2020", "metadata: last update"),
    ), (("last update", "01/04/2020"),)),
    CleanSource(B, SourceMeta("b.txt"), (), (Removal(B, 3, HOSTILE, "navigation link"),)),
    CleanSource(C, SourceMeta("c.txt"), (), ()),
)
CONFLICT = Conflict(id="x1", kind="number", subject="response rate", first=SIMPLE, second=COMPLEX,
                    reason="20 to 40% of patients vs 25% of patients")
EDITORIAL = "sources/t/editorial.yaml"
DECISIONS = (
    DecisionResult(Decision("replace", f"{EDITORIAL}:2", fact=EVIL.id, text="Some pages disagree about this drug.",
                            note="Rewritten in plain words"), "applied"),
    DecisionResult(Decision("drop", f"{EDITORIAL}:10", fact="cgone"), "stale: fact cgone no longer exists"),
    DecisionResult(Decision("resolve", f"{EDITORIAL}:13", conflict="x1", note="Figures from different trials"),
                   "applied"),
)


def page(**changes) -> str:
    arguments = {"topic": "t", "title": "Immunotherapy", "cleaned": CLEANED, "clusters": CLUSTERS,
                 "handout": HANDOUT, "conflicts": (CONFLICT,), "decisions": DECISIONS} | changes
    return review_page(**arguments)


def card(html: str, cluster_id: str) -> str:
    """The HTML of one cluster's card."""
    found = re.search(rf'<article class="cluster[^"]*" id="cluster-{cluster_id}">(.*?)</article>', html, re.DOTALL)
    assert found, f"no card for {cluster_id}"
    return found.group(1)


def readability_row(html: str, title: str) -> str:
    """The readability table row of a section."""
    table = html[html.index('<section id="readability">'):]
    return re.search(rf"<tr[^>]*>\s*<th scope=\"row\"><a [^>]*>{re.escape(title)}</a>.*?</tr>", table,
                     re.DOTALL).group(0)


def test_page_is_standalone_with_contents():
    html = page()
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and ".cluster {" in html
    assert "<link" not in html and "src=" not in html and "http" not in html
    assert "@media print" in html
    for anchor in ("summary", "removed", "clusters", "conflicts", "decisions", "readability"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_summary_numbers():
    html = page()
    summary = html[html.index('<section id="summary">'):html.index('<section id="removed">')]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td class="num">(\d+)</td>', summary))
    assert rows["sources"] == "3"
    assert rows["lines removed as boilerplate"] == "3"
    assert rows["facts (source sentences and list items)"] == str(sum(len(c.members) for c in CLUSTERS))
    assert rows["clusters"] == str(len(CLUSTERS))
    assert rows["merged clusters (stated by more than one source)"] == "1"
    assert rows["clusters printed in the leaflet"] == "7"
    assert rows["conflicts"] == "1" and rows["editorial decisions"] == "3" and rows["stale decisions"] == "1"


def test_removed_lines_with_reasons_and_metadata():
    html = page()
    removed = html[html.index('<section id="removed">'):html.index('<section id="clusters">')]
    assert re.search(r'<td class="line num">2</td><td class="text">Share on Facebook</td>'
                     r'<td class="reason">share button</td>', removed)
    assert "metadata: last update" in removed and "<dt>last update</dt><dd>01/04/2020</dd>" in removed
    assert "Publisher: Pub A" in removed and "Nothing removed." in removed  # c.txt lost nothing
    assert removed.index(A) < removed.index(B) < removed.index(C)


def test_every_cluster_with_member_provenance():
    html = page()
    for each in CLUSTERS:
        body = card(html, each.id)
        assert str(escape(each.canonical.text)) in body
        for member in each.members:
            assert f"{member.source}:{member.line}" in body
    merged = card(html, SIMPLE.id)
    assert "3 sources" in merged and merged.count("canonical-member") == 1
    assert "You may feel  tired after treatment ." in merged  # the exact source wording
    assert f'follows <a href="#cluster-{SIMPLE.id}">' in card(html, FOLLOWS.id)
    assert f'list item of <a href="#cluster-{LEAD.id}">' in card(html, ITEMS[0].id)


def test_clusters_grouped_by_printed_section_then_unprinted_with_reasons():
    html = page()
    positions = [html.index(f'id="cluster-{c.id}"') for c in (SIMPLE, FOLLOWS, LEAD, *ITEMS, COMPLEX, EVIL)]
    assert positions == sorted(positions)
    assert html.index('id="section-easy"') < positions[0] < html.index('id="section-hard"') < positions[5]
    unprinted = html.index('id="unprinted"')
    assert all(html.index(f'id="cluster-{c.id}"') > unprinted for c in UNPRINTED)
    assert "Not printed: a question" in card(html, QUESTION.id)
    assert "Not printed: excluded: names the publishing site" in card(html, PROMO.id)
    assert "Not printed: a fragment (2 words)" in card(html, FRAGMENT.id)
    assert "Not printed: a list item without its lead-in" in card(html, ORPHAN.id)
    assert f"Not printed: a list item whose lead-in {QUESTION.id} is not printed" in card(html, UNDER_QUESTION.id)


def test_readability_flags_complex_sections_only():
    html = page()
    hard, easy = readability_row(html, "Hard words"), readability_row(html, "Easy words")
    assert 'class="above"' in hard and "above target" in hard
    assert 'class="above"' not in easy and "above target" not in easy and ">ok<" in easy
    to_fix = html[html.index('id="plain-language"'):]
    assert "<h4>Hard words</h4>" in to_fix and "<h4>Easy words</h4>" not in to_fix


def test_readability_without_a_formula_for_the_language():
    html = page(language="fr")
    assert "above target" not in html and "no formula for this language" in readability_row(html, "Hard words")


def conflict_sides(html: str) -> list[tuple[str, str, list[str]]]:
    """(quote, linked cluster id, source lines) of each side of each conflict, in page order."""
    conflicts = html[html.index('<section id="conflicts">'):html.index('<section id="repeats">')]
    sides = re.findall(r'<p class="quote">“(.*?)”</p>\s*<p class="meta"><a href="#cluster-(\w+)">.*?</a> · (.*?)</p>',
                       conflicts, re.DOTALL)
    return [(quote, cid, re.findall(r"<code>([^<]+)</code>", where)) for quote, cid, where in sides]


def test_conflicts_side_by_side_with_sources_and_resolution():
    html = page()
    conflicts = html[html.index('<section id="conflicts">'):html.index('<section id="decisions">')]
    for text in ("number", "response rate", "20 to 40% of patients vs 25% of patients",
                 "resolved: Figures from different trials"):
        assert text in conflicts
    # Each side: the cluster's printed wording, linked to its card, and every source line behind it.
    assert conflict_sides(html) == [
        (SIMPLE.canonical.text, SIMPLE.id, [f"{A}:4", f"{B}:7", f"{C}:2"]),
        (ACADEMIC, COMPLEX.id, [f"{C}:12"]),
    ]
    assert "No conflicts detected." in page(conflicts=())
    assert 'class="status open"' in page(decisions=())


def test_decisions_applied_and_stale():
    html = page()
    decisions = html[html.index('<section id="decisions">'):html.index('<section id="readability">')]
    assert "Rewritten in plain words" in decisions and f'href="#cluster-{EVIL.id}"' in decisions
    assert re.search(r'<tr class="stale">.*?stale: fact cgone no longer exists', decisions, re.DOTALL)
    assert 'href="#conflict-x1"' in decisions
    # In file order, each with the line it is written on.
    assert re.findall(r'<tr class="(\w+)">\s*<td class="where"><code>([^<]+)</code></td>\s*<td class="nowrap">(\w+)',
                      decisions) == [("applied", f"{EDITORIAL}:2", "replace"), ("stale", f"{EDITORIAL}:10", "drop"),
                                     ("applied", f"{EDITORIAL}:13", "resolve")]
    assert "No editorial decisions." in page(decisions=())


def test_hostile_text_is_escaped():
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends"
    hostile = replace(CONFLICT, id=HOSTILE, subject=HOSTILE, reason=HOSTILE, first=EVIL)
    decision = DecisionResult(Decision(HOSTILE, HOSTILE, fact=HOSTILE, note=HOSTILE), HOSTILE)
    html = page(title=HOSTILE, conflicts=(hostile,), decisions=(decision,))
    assert "<script>" not in html
    assert f"<title>Review: {escaped}</title>" in html and f"<h1>{escaped}</h1>" in html
    assert f'<td class="text">{escaped}</td><td class="reason">navigation link</td>' in html  # a removed line
    conflicts = html[html.index('<section id="conflicts">'):html.index('<section id="repeats">')]
    assert f"<strong>{escaped}</strong>" in conflicts and f'<p class="reason">{escaped}</p>' in conflicts
    assert f'id="conflict-{escaped}"' in conflicts and f"Some pages say {escaped} about this drug." in conflicts
    decisions = html[html.index('<section id="decisions">'):html.index('<section id="readability">')]
    assert f'<a href="#conflict-{escaped}"><code>{escaped}</code></a>' in decisions  # the conflict it resolves
    assert decisions.count(escaped) == 6  # where, action, the fact's link and id, note, status


def test_output_is_deterministic_whatever_the_input_order():
    first = page()
    assert page() == first
    negation = replace(CONFLICT, id="x0", kind="negation")
    reordered = page(cleaned=CLEANED[::-1], clusters=CLUSTERS[::-1], decisions=DECISIONS[::-1],
                     conflicts=(CONFLICT, negation))
    again = page(cleaned=CLEANED, clusters=CLUSTERS, decisions=DECISIONS, conflicts=(negation, CONFLICT))
    assert reordered == again
    assert reordered.index('id="conflict-x0"') < reordered.index('id="conflict-x1"')  # by kind: negation first


@pytest.mark.slow
def test_real_topic_renders_every_cluster_and_lays_out_cleanly(prepared_topic, review_layout):
    prepared = prepared_topic
    html = review_page("immunotherapy", prepared.handout.title, prepared.cleaned, prepared.clusters, prepared.handout, prepared.conflicts, prepared.decisions, "en", prepared.repeats,
                       prepared.repeat_method)
    for each in prepared.clusters:
        assert f'id="cluster-{each.id}"' in html
    for section in prepared.handout.sections:
        assert f'<a href="#section-{section.key}">' in html
    # Laid out for print by WeasyPrint (in the background: tests/conftest.py), this very page:
    assert review_layout.html == html
    assert review_layout.warnings == ()  # nothing WeasyPrint could not lay out or load
    assert review_layout.pages > 3
    text = " ".join(review_layout.text.split())  # every text box, in page order
    for lead in ("Every line cleaning dropped from each source", "Each printed fact with every source sentence",
                 "counts prose sentences alone; list items and headings are judged by their words"):
        assert lead in text
    assert all(each.id in text for each in prepared.clusters)
