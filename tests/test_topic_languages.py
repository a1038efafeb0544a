"""Several topics and languages in one project: a partial build never hides the other outputs, a
language that has not begun a topic is not built for it by default, a release includes each topic
in each language that translates it fully and cleanly, and check and stats count per topic against
what the current sources print.

Projects here are tiny (a few sentences a topic) and PDFs are rendered only where the behaviour is
the build's own; the release's judgement is also tested on hand-made build records.
"""

from __future__ import annotations

import functools
import json
import logging
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build import builder, plan
from pipeline.build.builder import select_topics
from pipeline.build.plan import languages_not_begun
from pipeline.build import release as release_module
from pipeline.build.builder import BuildOptions, build
from pipeline.build.release_scope import release_scope
from pipeline.cli import main
from pipeline.config import Config, load_config
from pipeline.i18n.extraction import extract_templates
from pipeline.i18n.locale_data import ENGLISH
from pipeline.i18n.po_files import (
    parse_catalog,
    po_path,
    read_catalog,
    sorted_catalog,
    title_context,
    topic_of,
    topic_prefix,
    write_text,
)
from pipeline.i18n.po_sync import init_language
from pipeline.i18n.translations import begun_topics
from pipeline.models import Output, Untranslated
from tests.stand_in import french_stand_in

ROOT = Path(__file__).resolve().parent.parent
FACTS_PO = "locales/fr/LC_MESSAGES/facts.po"
UI_PO = "locales/fr/LC_MESSAGES/ui.po"
TOPICS = {
    "alpha": ("Alpha in brief", "Immunotherapy helps your immune system fight cancer.\n\n"
                                "Tiredness and skin rash are common side effects.\n"),
    "beta": ("Beta in brief", "Radiotherapy uses high-energy rays to destroy cancer cells.\n\n"
                              "A course of treatment usually lasts 3 to 6 weeks.\n"),
}


def tiny_project(folder: Path, topics: tuple[str, ...] = ("alpha", "beta"), extract: bool = True) -> Path:
    """The project's clinic, sections and templates with small topics, and their templates extracted."""
    root = folder / "project"
    root.mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    (root / "templates").symlink_to(ROOT / "templates")
    for key in topics:
        add_topic(root, key)
    if extract:
        write_templates(root)
    return root


def add_topic(root: Path, key: str) -> None:
    title, text = TOPICS[key]
    (root / "sources" / key).mkdir(parents=True)
    (root / "sources" / key / "topic.yaml").write_text(
        f'title: {title}\nversion: "1.0"\nissued: 2026-01-01\nreview: 2027-01-01\n', encoding="utf-8")
    (root / "sources" / key / "a.txt").write_text(f"{title}\n\n{text}", encoding="utf-8")


def config_of(root: Path) -> Config:
    return load_config(root, {"SOURCE_DATE_EPOCH": "1700000000"})


def write_templates(root: Path) -> None:
    (root / "locales").mkdir(exist_ok=True)
    for domain, text in extract_templates(config_of(root)).items():
        (root / "locales" / f"{domain}.pot").write_text(text, encoding="utf-8")


def translate(root: Path, language: str, chosen: Callable[[str, str], bool]) -> None:
    """Start the language and fill the entries chosen(domain, msgctxt) with a stand-in that keeps every number."""
    init_language(root, language)
    for domain in ("ui", "facts"):
        path = po_path(root, language, domain)
        catalog = read_catalog(path, locale=language)
        for message in catalog:
            if message.id and chosen(domain, message.context or ""):
                message.string = (tuple(french_stand_in(message.id[-1]) for _ in range(catalog.num_plurals))
                                  if message.pluralizable else french_stand_in(message.id))
        path.write_text(write_text(sorted_catalog(catalog)), encoding="utf-8")


def not_of(*topics: str) -> Callable[[str, str], bool]:
    """Everything but the messages of these topics."""
    return lambda domain, context: not any(context.startswith(topic_prefix(topic)) for topic in topics)


def manifest(output: Path) -> dict[str, dict]:
    rows = json.loads((output / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    return {row["path"]: row for row in rows}


def warnings_of(output: Path) -> list[str]:
    return json.loads((output / "report.json").read_text(encoding="utf-8"))["warnings"]


# ---- 1. a partial build keeps the rest ------------------------------------------------------------


@pytest.mark.slow
def test_a_topics_build_keeps_the_other_topics_outputs_only_while_they_are_current(tmp_path, caplog):
    root = tiny_project(tmp_path)
    out = tmp_path / "out"
    leaflets = {"kinds": ("leaflet",), "workers": 1}
    build(config_of(root), BuildOptions(output=out, **leaflets))
    both = manifest(out)
    assert sorted(both) == ["en/alpha-leaflet.pdf", "en/beta-leaflet.pdf"]

    report = build(config_of(root), BuildOptions(output=out, topics=("alpha",), **leaflets))
    assert report.rendered == () and [o.path for o in report.kept] == ["en/beta-leaflet.pdf"]
    assert manifest(out) == both  # beta's entry as its own build wrote it

    # A file changed on disk is not what its record says: left out, not listed as current.
    beta = out / "en/beta-leaflet.pdf"
    beta.write_bytes(beta.read_bytes() + b"\n")
    with caplog.at_level(logging.WARNING):
        build(config_of(root), BuildOptions(output=out, topics=("alpha",), **leaflets))
    assert sorted(manifest(out)) == ["en/alpha-leaflet.pdf"]
    refresh = f"`handout build --topic beta --locale en --kind leaflet --output {out}`"
    assert any("en/beta-leaflet.pdf" in w and refresh in w for w in warnings_of(out))
    assert any("en/beta-leaflet.pdf: out of date" in r.message and refresh in r.message for r in caplog.records)

    build(config_of(root), BuildOptions(output=out, topics=("beta",), **leaflets))  # the command it gave
    assert sorted(manifest(out)) == ["en/alpha-leaflet.pdf", "en/beta-leaflet.pdf"]

    # beta's sources change: its leaflet's key is no longer the plan's, so alpha's build drops it.
    source = root / "sources/beta/a.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nIt is given on weekdays.\n", encoding="utf-8")
    report = build(config_of(root), BuildOptions(output=out, topics=("alpha",), **leaflets))
    assert report.kept == () and sorted(manifest(out)) == ["en/alpha-leaflet.pdf"]
    assert any("en/beta-leaflet.pdf" in w and refresh in w for w in warnings_of(out))
    assert beta.exists()  # the user's file stays, unlisted


# ---- 2. no English-only translations by default ----------------------------------------------------


def test_a_topic_counts_as_begun_once_one_of_its_messages_has_a_translation(tmp_path):
    root = tiny_project(tmp_path)
    translate(root, "fr", lambda domain, context: context == title_context("alpha"))
    assert begun_topics(root, "fr", ["alpha", "beta"]) == {"alpha"}
    path = po_path(root, "fr", "facts")
    catalog = read_catalog(path, locale="fr")
    for message in catalog:
        if message.context == title_context("beta"):
            message.string, message.flags = "«Beta»", {"fuzzy"}  # fuzzy: begun all the same
    path.write_text(write_text(sorted_catalog(catalog)), encoding="utf-8")
    assert begun_topics(root, "fr", ["alpha", "beta"]) == {"alpha", "beta"}
    assert begun_topics(root, "en", ["alpha", "beta"]) == {"alpha", "beta"}


def test_which_topics_a_language_has_begun_is_remembered_until_its_catalog_or_the_topics_change(tmp_path, monkeypatch):
    # A clinic's facts.po of fifty topics takes a second to read: a rebuild with nothing to do
    # asks the build's memory instead, and reads the catalog again once it changed.
    root = tiny_project(tmp_path)
    translate(root, "fr", lambda domain, context: context == title_context("alpha"))
    config, out = config_of(root), tmp_path / "out"
    topics = select_topics(config, ())
    assert languages_not_begun(config, topics, ("en", "fr"), out) == (("beta", "fr"),)
    read = []
    monkeypatch.setattr(plan, "begun_topics", lambda *args: read.append(args) or begun_topics(*args))
    assert languages_not_begun(config, topics, ("en", "fr"), out) == (("beta", "fr"),)
    assert read == []  # remembered
    path = po_path(root, "fr", "facts")
    catalog = read_catalog(path, locale="fr")
    for message in catalog:
        if message.context == title_context("beta"):
            message.string = "«Beta»"  # now beta has a translation too
    path.write_text(write_text(sorted_catalog(catalog)), encoding="utf-8")
    assert languages_not_begun(config, topics, ("en", "fr"), out) == ()
    assert [args[1] for args in read] == ["fr"]  # its catalog changed; English has none to read
    assert languages_not_begun(config, topics[:1], ("en", "fr"), out) == ()  # other topics: asked again
    assert [args[1] for args in read] == ["fr", "en", "fr"]


@pytest.mark.slow
def test_a_language_without_any_translation_of_a_topic_is_built_for_it_only_when_asked(tmp_path, caplog):
    root = tiny_project(tmp_path)
    translate(root, "fr", not_of("beta"))
    out = tmp_path / "out"
    leaflets = {"kinds": ("leaflet",), "workers": 1}
    with caplog.at_level(logging.WARNING):
        report = build(config_of(root), BuildOptions(output=out, **leaflets))
    assert sorted(manifest(out)) == ["en/alpha-leaflet.pdf", "en/beta-leaflet.pdf", "fr/alpha-leaflet.pdf"]
    assert report.not_begun == (("beta", "fr"),)
    (notice,) = [r.message for r in caplog.records if r.message.startswith("beta: not built in fr")]
    assert "`make update`" in notice and 'msgctxt starts with "beta:"' in notice and FACTS_PO in notice
    assert "`--locale fr`" in notice

    # Asked for, it is built, in English behind EN tags; the other language's outputs stay listed.
    report = build(config_of(root), BuildOptions(output=out, locales=("fr",), **leaflets))
    assert sorted(o.path for o in report.outputs) == ["fr/alpha-leaflet.pdf", "fr/beta-leaflet.pdf"]
    listed = manifest(out)
    assert sorted(listed) == ["en/alpha-leaflet.pdf", "en/beta-leaflet.pdf", "fr/alpha-leaflet.pdf",
                              "fr/beta-leaflet.pdf"]
    assert listed["fr/beta-leaflet.pdf"]["untranslated"] > 0 and listed["fr/alpha-leaflet.pdf"]["untranslated"] == 0
    assert (out / "en/alpha-leaflet.pdf").exists()  # a --locale build once removed every other language's PDFs
    english = json.loads((out / "report.json").read_text(encoding="utf-8"))["printed_in_english"]["fr"]
    assert {m["context"] for m in english} >= {title_context("beta")}

    # An English build of one topic renders nothing, and the report still has what French printed in English.
    report = build(config_of(root), BuildOptions(output=out, topics=("alpha",), locales=("en",), **leaflets))
    assert report.rendered == () and len(report.kept) == 3
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["printed_in_english"]["fr"] == english


# ---- 3. release per topic and language ------------------------------------------------------------


def _output(topic: str, locale: str, printed: tuple[str, ...], *untranslated: Untranslated) -> Output:
    return Output(f"{locale}/{topic}-leaflet.pdf", topic, locale, "leaflet", 2, "0" * 64, untranslated,
                  printed=printed)


def _printed(topic: str, facts: int) -> tuple[str, ...]:
    return (f"{topic}:title", "section:what", *(f"{topic}:c{n:010d}" for n in range(facts)))


def test_a_release_takes_each_topic_in_each_language_that_prints_it_all_translated(tmp_path):
    """Judged from build records made by hand: nothing is rendered."""
    root = tiny_project(tmp_path)
    translate(root, "fr", lambda domain, context: True)
    alpha, beta, gamma = _printed("alpha", 3), _printed("beta", 38), _printed("gamma", 4)
    missing = [Untranslated(FACTS_PO, 0, c, "not in the PO file", "missing") for c in beta[2:12]]
    empty = [Untranslated(FACTS_PO, 40 + n, c, "not translated", "untranslated") for n, c in enumerate(beta[12:14])]
    stale = [Untranslated(FACTS_PO, 60 + n, c, "the English changed", "stale") for n, c in enumerate(beta[14:17])]
    outputs = [_output("alpha", "en", alpha), _output("beta", "en", beta), _output("gamma", "en", gamma),
               _output("alpha", "fr", alpha), _output("beta", "fr", beta, *missing, *empty, *stale)]
    topics = ["alpha", "beta", "gamma"]
    scope = release_scope(root, topics, outputs, [("gamma", "fr")], ("en", "fr"), ("en", "fr"))
    assert scope.included == {("alpha", "en"), ("beta", "en"), ("gamma", "en"), ("alpha", "fr")}
    assert scope.left_out == (
        ("fr/beta", "12 of 40 messages not translated, 3 stale"),
        ("fr/gamma", 'not begun: no message whose msgctxt starts with "gamma:" is translated (5 of the 6 it '
                     f'prints; run `make update`, then translate them in {FACTS_PO})'),
    )
    assert scope.not_reviewed == ("fr",)

    # Not asked for: every topic of it is listed as such.
    scope = release_scope(root, topics, outputs[:3], [], ("en",), ("en", "fr"))
    assert scope.left_out == tuple((f"fr/{t}", "not requested (--language)") for t in topics)

    # The page furniture not clean: no topic of the language is released.
    path = po_path(root, "fr", "ui")
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "«Sources»"', 'msgstr ""'), encoding="utf-8")
    scope = release_scope(root, ["alpha"], outputs[:1] + outputs[3:4], [], ("en", "fr"), ("en", "fr"))
    assert scope.included == {("alpha", "en")}
    assert scope.left_out == (("fr/alpha", f"page furniture ({UI_PO}): 1 of {len(ENGLISH)} messages not translated"),)


@pytest.mark.slow
def test_a_partly_translated_topic_is_left_out_of_the_release_and_holds_nothing_else_back(tmp_path, monkeypatch):
    root = tiny_project(tmp_path)
    beta_fact = next(m.context for m in read_catalog(root / "locales/facts.pot")
                     if (m.context or "").startswith("beta:c"))
    translate(root, "fr", lambda domain, context: context != beta_fact)
    # The command line, with the office profile only (the others would render the same judgement again).
    monkeypatch.setattr(release_module, "release", functools.partial(release_module.release, profiles=("office",)))
    # Rendered in this process, as `--jobs 1` would: starting a pool of render workers costs more than these tiny PDFs.
    monkeypatch.setattr(builder, "default_workers", lambda: 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = CliRunner().invoke(main, ["release", "--root", str(root), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output + result.stderr
    assert "not included: fr/beta: 1 of 5 messages not translated" in result.stderr
    folder = tmp_path / "out/release"
    report = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    assert report["included"] == {"alpha": ["en", "fr"], "beta": ["en"]}
    assert report["not_included"] == {"fr/beta": "1 of 5 messages not translated"}
    assert report["languages"] == ["en", "fr"]
    assert sorted(p.name for p in folder.glob("*.pdf")) == [
        "alpha-leaflet-en.pdf", "alpha-leaflet-fr.pdf", "alpha-summary-en.pdf", "alpha-summary-fr.pdf",
        "beta-leaflet-en.pdf", "beta-summary-en.pdf"]


# ---- 4. check and stats per topic, against the current facts --------------------------------------


@pytest.fixture()
def stale_template_project(tmp_path) -> Path:
    """alpha translated into French; beta added to the sources after the last `make extract`."""
    root = tiny_project(tmp_path, topics=("alpha",))
    translate(root, "fr", lambda domain, context: True)
    add_topic(root, "beta")
    return root


def _owned(root: Path) -> Counter:
    """How many messages of the current sources' facts template each topic owns ("(shared)": none does)."""
    catalog = parse_catalog(extract_templates(config_of(root))["facts"], "facts")
    return Counter(topic_of(m.context or "", ["alpha", "beta"]) or "(shared)" for m in catalog if m.id)


def test_check_counts_a_topic_the_template_does_not_know_yet(stale_template_project):
    result = CliRunner().invoke(main, ["check", "--root", str(stale_template_project), "fr"])
    assert result.exit_code == 1
    assert "locales/facts.pot is out of date: run `make extract`" in result.stderr
    owned = _owned(stale_template_project)
    alpha, beta, shared = owned["alpha"], owned["beta"], owned["(shared)"]
    assert alpha >= 3 and beta >= 3  # the title and two facts, at least
    expected = [f"fr/alpha: {alpha}/{alpha} translated and clean",
                f"fr/beta: 0/{beta} translated and clean; {beta} of {beta} messages not translated",
                *([f"fr/(shared): {shared}/{shared} translated and clean"] if shared else []),  # section headings
                f"fr/(ui.po): {len(ENGLISH)}/{len(ENGLISH)} translated and clean"]
    lines = result.stdout.splitlines()
    assert lines[-len(expected):] == expected
    assert sum(line.startswith(f"{FACTS_PO}: beta:") and "not in the PO file" in line for line in lines) == beta


def test_stats_shows_each_topic_and_language_with_each_kind_of_problem(stale_template_project):
    result = CliRunner().invoke(main, ["stats", "--root", str(stale_template_project)])
    assert result.exit_code == 0 and "locales/facts.pot is out of date" in result.stderr
    header, *rows = (line.split() for line in result.stdout.splitlines())
    table = {(row[0], row[1]): dict(zip(header, row, strict=True)) for row in rows}
    assert {("fr", "alpha"), ("fr", "beta"), ("fr", "(ui.po)")} <= set(table) <= {
        ("fr", "alpha"), ("fr", "beta"), ("fr", "(shared)"), ("fr", "(ui.po)")}
    beta = str(_owned(stale_template_project)["beta"])
    assert table["fr", "beta"] == {"language": "fr", "topic": "beta", "done": "0", "total": beta, "%": "0%",
                                   "untranslated": "0", "fuzzy": "0", "stale": "0", "missing": beta,
                                   "failing": "0", "reviewed": "no"}
    assert table["fr", "alpha"]["done"] == table["fr", "alpha"]["total"] == str(_owned(stale_template_project)["alpha"])
