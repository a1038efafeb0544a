"""An editor's rewrites print marked until a clinician checks them, as unreviewed translations do,
and `make release` lists them (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.i18n.translations import load_messages
from pipeline.prepare import prepare
from pipeline.render.html import page_html
from pipeline.review.rewrite_signoff import unreviewed_rewrites
from pipeline.rewrite_review import RECORD
from tests.projects import copy_project

TOPIC = "immunotherapy"
NOTE = "have not yet been checked by a clinician"
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", templates=True, locales=())


def _prepared(root: Path):
    config = load_config(root, ENV)
    return config, prepare(config, config.topics[0])


def _rewrites(root: Path) -> list:
    return [d for d in load_config(root, ENV).topics[0].decisions if d.action == "replace"]


def test_rewrites_no_clinician_checked_print_marked_and_are_listed(project):
    config, prepared = _prepared(project)
    rewrites = _rewrites(project)
    assert rewrites and set(prepared.handout.unreviewed) == {d.fact for d in rewrites}
    html = page_html(prepared.handout, "leaflet", "en", load_messages(project, "en"), config.templates).html
    assert NOTE in html
    listed = unreviewed_rewrites(config.topics[0])
    assert len(listed) == len(rewrites) and listed[0].startswith(f"sources/{TOPIC}/editorial.yaml:")


def test_a_sign_off_clears_the_mark_until_a_rewrite_changes(project):
    runner = CliRunner()
    result = runner.invoke(main, ["editorial-signoff", "--root", str(project), TOPIC, "--by", "Dr A. Clinician",
                                  "--date", "2026-11-28"], env=ENV)
    assert result.exit_code == 0, result.output
    record = (project / "sources" / TOPIC / RECORD).read_text(encoding="utf-8")
    assert 'reviewed_by: "Dr A. Clinician"' in record and 'date: "2026-11-28"' in record
    config, prepared = _prepared(project)
    assert prepared.handout.unreviewed == ()
    html = page_html(prepared.handout, "leaflet", "en", load_messages(project, "en"), config.templates).html
    assert NOTE not in html

    # The editor changes one wording: that rewrite, and only it, is unchecked again.
    editorial = project / "sources" / TOPIC / "editorial.yaml"
    first = _rewrites(project)[0]
    editorial.write_text(editorial.read_text(encoding="utf-8").replace(first.text, first.text.rstrip(".") + " too."),
                         encoding="utf-8")
    _, prepared = _prepared(project)
    assert prepared.handout.unreviewed == (first.fact,)
    changes = runner.invoke(main, ["editorial-signoff", "--root", str(project), TOPIC, "--changes"], env=ENV)
    assert changes.exit_code == 0 and changes.output.count("\n") == 1 and first.fact in changes.output


def test_a_sign_off_needs_a_name_and_a_hand_edited_record_is_named(project):
    result = CliRunner().invoke(main, ["editorial-signoff", "--root", str(project), TOPIC], env=ENV)
    assert result.exit_code == 1 and "--by: give the name of the clinician" in result.output
    (project / "sources" / TOPIC / RECORD).write_text("reviewed_by: [x]\nrewrites: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"sources/{TOPIC}/{RECORD}: 'reviewed_by' must name the clinician"):
        load_config(project, ENV)


def test_the_summary_is_marked_only_when_it_prints_a_rewrite(project):
    config, prepared = _prepared(project)
    messages = load_messages(project, "en")
    handout = prepared.handout
    in_summary = {e.cluster.id for s in handout.summary for e in s.entries} | {c.id for c in handout.side_effects}
    html = page_html(handout, "summary", "en", messages, config.templates).html
    assert (NOTE in html) == bool(in_summary & set(handout.unreviewed))
    others = tuple(sorted(set(handout.unreviewed) - in_summary)) or ("c0000000000",)
    from dataclasses import replace
    html = page_html(replace(handout, unreviewed=others), "summary", "en", messages, config.templates).html
    assert NOTE not in html
