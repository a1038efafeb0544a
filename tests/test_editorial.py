"""Editorial decisions: each action, stale decisions reported, nothing lost."""

import shutil
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.text.editorial import edit
from pipeline.errors import ConfigError
from pipeline.models import Cluster, Decision, Fact

ROOT = Path(__file__).resolve().parent.parent


def fact(fid, text, source="s/a.txt", line=1):
    return Fact(id=fid, text=text, original=text, source=source, line=line, kind="sentence")


def cluster(cid, *facts):
    return Cluster(id=cid, canonical=facts[0], members=tuple(facts), sources=tuple(sorted({f.source for f in facts})))


A = cluster("ca", fact("f1", "Immunotherapy helps the immune system.", "s/a.txt", 1),
            fact("f2", "Immunotherapy helps the body's immune system.", "s/b.txt", 4))
B = cluster("cb", fact("f3", "She is too very effective for lymphomas.", "s/b.txt", 9))
C = cluster("cc", fact("f4", "It is given every three weeks.", "s/c.txt", 2))


def decide(action, **fields):
    return Decision(action=action, where="editorial.yaml:1", **fields)


def by_id(edited):
    return {c.id: c for c in edited.clusters}


def test_replace_keeps_the_source_wording_and_provenance():
    edited = edit([A, B, C], [decide("replace", fact="cb", text="It is also very effective for lymphomas.", note="translation")])
    new = by_id(edited)["cb"]
    assert new.canonical.text == "It is also very effective for lymphomas."
    assert new.canonical.original == "She is too very effective for lymphomas."
    assert new.canonical.edited == "translation" and (new.canonical.source, new.canonical.line) == ("s/b.txt", 9)
    assert new.members[0].text == new.canonical.text
    assert edited.results[0].status == "applied"


def test_drop_keeps_the_fact_on_record_as_excluded():
    edited = edit([A, B, C], [decide("drop", fact="cc", note="not for patients")])
    assert by_id(edited)["cc"].canonical.excluded == "dropped by the editor: not for patients"
    assert len(edited.clusters) == 3


def test_a_note_tells_translators_what_a_doubtful_wording_means_and_changes_no_text():
    meaning = "BCG, a tuberculosis vaccine, is put into the bladder through a catheter."
    edited = edit([A, B, C], [decide("note", fact="cc", note=meaning),
                              decide("replace", fact="cb", text="It is also very effective for lymphomas.",
                                     note="translation error in the source")])
    noted = by_id(edited)["cc"]
    assert noted.notes == (meaning,) and noted.canonical == C.canonical and noted.members == C.members
    assert [r.status for r in edited.results] == ["applied", "applied"]
    assert edit([A], [decide("note", fact="cz", note=meaning)]).results[0].status.startswith("stale")
    # Translators see both kinds of note beside the fact in the template.
    from pipeline.i18n.extraction import _add_fact
    from pipeline.i18n.po_files import new_catalog

    catalog = new_catalog("facts")
    _add_fact(catalog, "t:cc", noted, "How is it given?")
    _add_fact(catalog, "t:cb", by_id(edited)["cb"], "Which cancers?")
    assert f"editor: {meaning}" in catalog.get(C.canonical.text, "t:cc").auto_comments
    assert "editor: translation error in the source" in catalog.get(
        "It is also very effective for lymphomas.", "t:cb").auto_comments


def test_move_and_pin_set_section_and_position():
    edited = edit([A, B, C], [decide("move", fact="ca", section="more"), decide("pin", fact="cc", position=1)])
    assert by_id(edited)["ca"].section == "more" and by_id(edited)["cc"].pin == 1


def test_merge_joins_members_and_keeps_the_target_wording():
    edited = edit([A, B, C], [decide("merge", fact="ca", others=("cc",))])
    merged = by_id(edited)["ca"]
    assert "cc" not in by_id(edited)
    assert {m.id for m in merged.members} == {"f1", "f2", "f4"} and merged.canonical.id == "f1"
    assert merged.sources == ("s/a.txt", "s/b.txt", "s/c.txt")


def test_split_takes_sentences_into_a_fact_of_their_own():
    edited = edit([A, B, C], [decide("split", fact="ca", others=("f2",))])
    clusters = by_id(edited)
    assert [m.id for m in clusters["ca"].members] == ["f1"]
    (new,) = [c for c in edited.clusters if c.canonical.id == "f2"]
    assert new.id not in ("ca", "cb", "cc") and new.sources == ("s/b.txt",)


def test_split_runs_before_merge_whatever_the_file_order():
    decisions = [decide("merge", fact="cb", others=("ca",)), decide("split", fact="ca", others=("f2",))]
    edited = edit([A, B, C], decisions)
    merged = by_id(edited)["cb"]
    assert {m.id for m in merged.members} == {"f3", "f1"}
    assert [r.status for r in edited.results] == ["applied", "applied"]


@pytest.mark.parametrize(
    "decision, reason",
    [
        (decide("drop", fact="cgone"), "fact cgone no longer exists"),
        (decide("merge", fact="ca", others=("cgone",)), "fact cgone no longer exists"),
        (decide("split", fact="ca", others=("f9",)), "sentence f9 is not part of fact ca"),
        (decide("split", fact="cb", others=("f3",)), "would leave fact cb empty"),
        (decide("resolve", conflict="x1", note="checked"), "no conflict x1"),
    ],
)
def test_stale_decisions_are_reported_and_change_nothing(decision, reason):
    edited = edit([A, B, C], [decision])
    (result,) = edited.results
    assert result.status.startswith("stale:") and reason in result.status
    assert edited.clusters == (A, B, C)


def test_resolve_is_applied_when_the_conflict_exists():
    edited = edit([A], [decide("resolve", conflict="x1", note="sources measure different things")], {"x1"})
    assert edited.results[0].status == "applied" and edited.results[0].fact == "x1"


def _project(tmp_path: Path, editorial: str) -> Path:
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    (tmp_path / "sources/immunotherapy/editorial.yaml").write_text(editorial)
    return tmp_path


def test_bad_decisions_are_reported_with_file_and_line(tmp_path):
    root = _project(tmp_path, "decisions:\n  - action: drop\n    fact: c1\n  - action: delete\n    fact: c2\n"
                              "  - action: move\n    fact: c3\n    section: nowhere\n  - action: replace\n    fact: c4\n"
                              "  - action: note\n    fact: c5\n")
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    problems = caught.value.problems
    assert "sources/immunotherapy/editorial.yaml:4: unknown action 'delete'" in problems[0]
    assert "editorial.yaml:6: unknown section 'nowhere'" in problems[1]
    assert "editorial.yaml:9: 'replace' needs 'text'" in problems[2]
    assert any("editorial.yaml:11: 'note' needs 'note'" in problem for problem in problems)


def test_shipped_editorial_file_loads_and_every_decision_applies(prepared_topic):
    (topic,) = load_config(ROOT).topics
    path = "sources/immunotherapy/editorial.yaml"
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, 1) if line.lstrip().startswith("- action:")]
    assert [d.where for d in topic.decisions] == [f"{path}:{n}" for n in starts]  # each where it is written
    assert [d.action for d in topic.decisions] == [lines[n - 1].split(":", 1)[1].strip() for n in starts]
    assert [r.decision for r in prepared_topic.decisions] == list(topic.decisions)
    assert all(r.status == "applied" for r in prepared_topic.decisions)


def test_fact_ids_stay_stable_when_an_unrelated_source_is_added(tmp_path, prepared_topic):
    from pipeline.prepare import prepare

    before = prepared_topic
    root = _project(tmp_path, (ROOT / "sources/immunotherapy/editorial.yaml").read_text())
    (root / "sources/immunotherapy/zz_unrelated.txt").write_text(
        "Knee replacement surgery\n\nA knee replacement replaces a worn joint with an artificial one. "
        "Most people walk with a frame the day after the operation.\n\nPhysiotherapy starts within 24 hours.\n"
    )
    after = prepare(load_config(root), load_config(root).topics[0])
    assert {c.id for c in before.clusters} <= {c.id for c in after.clusters}
    assert all(r.status == "applied" for r in after.decisions)


def test_repeats_suppress_merges_likely_repeats_as_an_editor_would(tmp_path, monkeypatch):
    import pipeline.prepare as build_module
    from pipeline.models import Repeat

    root = _project(tmp_path, (ROOT / "sources/immunotherapy/editorial.yaml").read_text())
    suggest = load_config(root)
    section = build_module.prepare(suggest, suggest.topics[0]).handout.sections[1]
    first, second = section.entries[0].cluster, section.entries[1].cluster
    monkeypatch.setattr(build_module, "find_repeats", lambda *a, **k: (Repeat(section.key, first, second, 0.91, "tfidf"),))
    kept = build_module.prepare(suggest, suggest.topics[0])
    assert second.id in {c.id for c in kept.clusters}  # "suggest" only lists it
    (root / "sections.yaml").write_text((root / "sections.yaml").read_text().replace("\nrepeats: suggest\n", "\nrepeats: suppress\n"))
    suppress = load_config(root)
    merged = build_module.prepare(suppress, suppress.topics[0])
    by_id = {c.id: c for c in merged.clusters}
    assert second.id not in by_id
    assert {m.id for m in second.members} <= {m.id for m in by_id[first.id].members}
    (auto,) = [r for r in merged.decisions if r.decision.where == "sections.yaml: repeats"]
    assert auto.status == "applied" and "0.91" in auto.note


def test_repeats_setting_is_validated(tmp_path):
    root = _project(tmp_path, "decisions: []\n")
    (root / "sections.yaml").write_text((root / "sections.yaml").read_text().replace("\nrepeats: suggest\n", "\nrepeats: sometimes\n"))
    with pytest.raises(ConfigError, match="'repeats' must be suggest or suppress"):
        load_config(root)
