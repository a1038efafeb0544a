"""Translators' templates: every printed fact once, by context, with section and sources; stable text."""

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from pipeline.i18n.extraction import extract_templates
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.i18n.locale_data import ENGLISH, WHERE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def templates():
    return extract_templates(load_config(ROOT))


def parse(text):
    return {m.context: m for m in read_po(io.StringIO(text)) if m.id}


def printed(handout):
    return [
        (section.title, cluster)
        for section in handout.sections
        for entry in section.entries
        for cluster in (entry.cluster, *entry.continued, *entry.items)
    ]


def test_every_printed_fact_appears_once_with_context_and_comments(templates, prepared_topic):
    text = templates["facts"]
    facts = {c: m for c, m in parse(text).items() if c.startswith("immunotherapy:c")}
    shown = printed(prepared_topic.handout)
    assert sorted(facts) == sorted(f"immunotherapy:{c.id}" for _, c in shown)
    for title, cluster in shown:
        message = facts[f"immunotherapy:{cluster.id}"]
        assert message.id == cluster.canonical.text
        assert text.count(f'msgctxt "immunotherapy:{cluster.id}"') == 1
        where = sorted({(m.source, m.line) for m in cluster.members})
        # Comments longer than the page width are wrapped (as xgettext does): join them back.
        comments = " ".join(message.auto_comments)
        assert f"section: {title}" in comments
        assert "sources: " + " ".join(f"{s}:{n}" for s, n in where) in comments
        assert sorted(message.locations) == where


def test_entries_are_sorted_by_context(templates):
    for text in templates.values():
        contexts = [m.context for m in read_po(io.StringIO(text)) if m.id]
        assert contexts == sorted(contexts)


def test_ui_strings_have_their_key_as_context_and_explain_placeholders(templates):
    ui = parse(templates["ui"])
    assert {key: m.id for key, m in ui.items()} == ENGLISH
    page_of = ui["page_of"]
    assert page_of.id == "Page {page} of {pages}" and "python-brace-format" in page_of.flags
    assert any("{page}" in c for c in page_of.auto_comments) and any("{pages}" in c for c in page_of.auto_comments)
    assert ui["sources"].auto_comments == [WHERE["sources"]]  # where it appears; no placeholders


def test_two_runs_give_identical_text(templates):
    assert extract_templates(load_config(ROOT)) == templates


def test_header_has_no_clock_date(templates, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert extract_templates(load_config(ROOT)) == templates  # not even SOURCE_DATE_EPOCH moves it
    for text in templates.values():
        header = text.split("\n\n", 1)[0]
        assert "POT-Creation-Date: 2000-01-01 00:00+0000" in header
        assert date.today().isoformat() not in header


def _project(tmp_path: Path, extra_decision: str = "") -> Path:
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    editorial = tmp_path / "sources/immunotherapy/editorial.yaml"
    editorial.write_text(editorial.read_text(encoding="utf-8") + extra_decision, encoding="utf-8")
    return tmp_path


def test_a_changed_english_sentence_changes_exactly_one_msgid(tmp_path, templates):
    before = parse(templates["facts"])
    decided = (ROOT / "sources/immunotherapy/editorial.yaml").read_text(encoding="utf-8")
    context, message = next(
        (c, m) for c, m in sorted(before.items()) if m.id.endswith(".") and c.split(":")[1] not in decided
    )
    reworded = message.id[:-1] + ", indeed."
    decision = f"  - action: replace\n    fact: {context.split(':')[1]}\n    text: \"{reworded}\"\n    note: test\n"
    after = parse(extract_templates(load_config(_project(tmp_path, decision)))["facts"])
    assert sorted(after) == sorted(before)
    changed = [c for c in before if before[c].id != after[c].id]
    assert changed == [context] and after[context].id == reworded
    assert all(after[c].auto_comments == before[c].auto_comments for c in before if c != context)
    assert after[context].auto_comments == [*before[context].auto_comments, "editor: test"]  # the why, for translators


def test_extract_command_writes_the_templates_and_reports_changes(tmp_path, templates):
    root = _project(tmp_path)
    result = CliRunner().invoke(main, ["extract", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert (root / "locales/facts.pot").read_text(encoding="utf-8") == templates["facts"]
    assert (root / "locales/ui.pot").read_text(encoding="utf-8") == templates["ui"]
    facts = len(parse(templates["facts"]))
    assert f"facts.pot: {facts} messages, {facts} new, 0 removed, 0 changed" in result.output
    again = CliRunner().invoke(main, ["extract", "--root", str(root)])
    assert again.exit_code == 0 and again.output.count("unchanged") == 2
    pot = root / "locales/ui.pot"
    pot.write_text(pot.read_text(encoding="utf-8").replace('msgid "Sources"', 'msgid "Old sources"'), encoding="utf-8")
    third = CliRunner().invoke(main, ["extract", "--root", str(root)])
    assert "0 new, 0 removed, 1 changed" in third.output and "'Old sources' -> 'Sources'" in third.output
    assert pot.read_text(encoding="utf-8") == templates["ui"]
    assert not list((root / "locales").glob(".*.tmp"))


def test_committed_templates_are_current(templates):
    """Translators work from locales/*.pot: they must match the sources (run `make extract`)."""
    assert sorted(templates) == ["facts", "ui"]
    for domain, text in templates.items():
        committed = (ROOT / "locales" / f"{domain}.pot").read_text(encoding="utf-8")
        assert committed == text, f"locales/{domain}.pot is out of date: run `make extract`"
