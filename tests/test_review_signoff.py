"""The medical review follows the English: a sign-off records what was reviewed, and any later change
to an entry's English or translation makes the language "not reviewed" again, in check and on the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Message
from click.testing import CliRunner, Result

from pipeline.build.plan import _language_digest
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.i18n.extraction import extract_templates
from pipeline.i18n.fact_register import prepare_topic
from pipeline.i18n.po_files import po_path, read_catalog, sorted_catalog, write_text
from pipeline.i18n.po_sync import init_language, update_language
from pipeline.i18n.review_status import record_path
from pipeline.i18n.translations import load_messages
from pipeline.render import html as page

ROOT = Path(__file__).resolve().parent.parent
FACTS_PO = "locales/fr/LC_MESSAGES/facts.po"
EPOCH = {"SOURCE_DATE_EPOCH": "1767312000"}  # 2026-01-02
TOPIC = "alpha"
# A small topic (fast to extract); no negation, number or unit, so a stand-in translation is clean.
TEXT = ("Alpha in brief\n\nImmunotherapy helps your immune system fight cancer.\n\n"
        "Tiredness and skin rash are common side effects.\n")
OLD, NEW = "fight cancer.", "fight the cancer."  # the same section: only the sign-off changes


def _stand_in(english: str) -> str:
    return f"«{english}»"


def _write_templates(root: Path) -> None:
    for domain, text in extract_templates(load_config(root)).items():
        (root / f"locales/{domain}.pot").write_text(text, encoding="utf-8")


def _sign_off(root: Path, by: str = "Dr Ana Lopez") -> Result:
    return CliRunner().invoke(main, ["review-signoff", "--root", str(root), "fr", "--by", by], env=EPOCH)


@pytest.fixture(scope="module")
def signed(tmp_path_factory) -> Path:
    """A small project whose French is complete and signed off (read-only: `project` copies it).

    The page furniture is the shipped French ui.po; the facts get a stand-in translation.
    """
    root = tmp_path_factory.mktemp("signed") / "project"
    (root / "sources" / TOPIC).mkdir(parents=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    (root / "templates").symlink_to(ROOT / "templates")
    (root / "sources" / TOPIC / "topic.yaml").write_text(
        'title: Alpha in brief\nversion: "1.0"\nissued: 2026-01-01\nreview: 2027-01-01\n', encoding="utf-8")
    (root / "sources" / TOPIC / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "locales").mkdir()
    _write_templates(root)
    init_language(root, "fr")
    shutil.copy(ROOT / "locales/fr/LC_MESSAGES/ui.po", po_path(root, "fr", "ui"))
    path = po_path(root, "fr", "facts")
    catalog = read_catalog(path, locale="fr")
    for message in catalog:
        if message.id:
            message.string = _stand_in(message.id)
    path.write_text(write_text(sorted_catalog(catalog)), encoding="utf-8")
    update_language(root, "fr")
    result = _sign_off(root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture()
def project(signed, tmp_path) -> Path:
    return Path(shutil.copytree(signed, tmp_path / "project", symlinks=True))


def _facts(root: Path) -> dict[str, Message]:
    return {m.context: m for m in read_catalog(po_path(root, "fr", "facts"), locale="fr") if m.id}


def _context_of(root: Path, words: str) -> str:
    return next(context for context, m in _facts(root).items() if words in m.id)


def _set_translation(root: Path, context: str, translation: str) -> None:
    path = po_path(root, "fr", "facts")
    catalog = read_catalog(path, locale="fr")
    catalog.get(_facts(root)[context].id, context).string = translation
    path.write_text(write_text(sorted_catalog(catalog)), encoding="utf-8")


# ---- the sign-off --------------------------------------------------------------------------------


def test_a_sign_off_records_who_when_and_every_entry(signed):
    messages = load_messages(signed, "fr")
    assert messages.reviewed and messages.review.changed == ()
    assert messages.review.describe("fr") == ["fr: medically reviewed (signed off by Dr Ana Lopez on 2026-01-02)"]
    record = yaml.safe_load(record_path(signed, "fr").read_text(encoding="utf-8"))
    assert (record["language"], record["signed_off_by"], record["date"]) == ("fr", "Dr Ana Lopez", "2026-01-02")
    for domain in ("facts", "ui"):
        assert set(record[domain]) == {m.context for m in read_catalog(po_path(signed, "fr", domain)) if m.id}
        assert all(re.fullmatch(r"[0-9a-f]{10}", h) for pair in record[domain].values() for h in pair)
    # The header field no longer says anything of its own: it names the record.
    for domain in ("facts", "ui"):
        assert read_catalog(po_path(signed, "fr", domain)).header("X-Medical-Review") == "see locales/fr/review.yaml"


def test_signing_off_again_unchanged_rewrites_nothing(project):
    before = {p: p.read_bytes() for p in (project / "locales").rglob("*") if p.is_file()}
    assert _sign_off(project).exit_code == 0
    assert before == {p: p.read_bytes() for p in (project / "locales").rglob("*") if p.is_file()}


def test_changed_english_stays_unreviewed_until_signed_off_again(project):
    # (a) The English of a fact changes; `make update` keeps the translation, marked fuzzy.
    context = _context_of(project, OLD)
    source = project / "sources" / TOPIC / "a.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    _write_templates(project)
    assert [c for change in update_language(project, "fr") for c in change.fuzzy] == [context]
    entry = _facts(project)[context]
    review = load_messages(project, "fr").review
    assert not review.reviewed
    assert [str(c) for c in review.changed] == [f"{FACTS_PO}:{entry.lineno}: {context}: English changed"]
    result = CliRunner().invoke(main, ["check", "--root", str(project), "fr"], env=EPOCH)
    assert (f"fr: not reviewed: 1 entry changed since the sign-off by Dr Ana Lopez on 2026-01-02 "
            f"(locales/fr/review.yaml)\n  {FACTS_PO}:{entry.lineno}: {context}: English changed\n") in result.output
    # (b) The translator clears the fuzzy flag over the old translation: still not reviewed.
    path = po_path(project, "fr", "facts")
    catalog = read_catalog(path, locale="fr")
    catalog.get(entry.id, context).flags.discard("fuzzy")
    path.write_text(write_text(sorted_catalog(catalog)), encoding="utf-8")
    messages = load_messages(project, "fr")
    assert messages.lookup("facts", context, entry.id)[1] is None  # printed, and not reviewed
    assert not messages.reviewed and [c.what for c in messages.review.changed] == ["English changed"]
    # (d) A reviewer signs off again: reviewed.
    result = _sign_off(project, by="Dr Omar Haddad")
    assert result.exit_code == 0, result.output
    messages = load_messages(project, "fr")
    assert messages.reviewed and messages.review.by == "Dr Omar Haddad"


def test_a_changed_translation_or_a_new_entry_is_listed(project):
    # (c) A translation changes (still clean): not reviewed, with what changed.
    context = _context_of(project, OLD)
    _set_translation(project, context, "«Immunotherapy helps your immune system fight cancer, really.»")
    review = load_messages(project, "fr").review
    assert not review.reviewed
    assert [(c.context, c.what) for c in review.changed] == [(context, "translation changed")]
    # A new English entry (a new fact, not translated yet) counts too.
    source = project / "sources" / TOPIC / "a.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nNausea is another common side effect.\n", encoding="utf-8")
    _write_templates(project)
    (new,) = [c for change in update_language(project, "fr") for c in change.new]
    review = load_messages(project, "fr").review
    assert sorted((c.context, c.what) for c in review.changed) == sorted([(context, "translation changed"), (new, "new")])
    lines = review.describe("fr", shown=1)
    assert lines[0].startswith("fr: not reviewed: 2 entries changed since the sign-off by Dr Ana Lopez on 2026-01-02")
    assert lines[1:] == [f"  {review.changed[0]}", "  ... and 1 more (all: handout review-signoff fr --changes)"]
    result = CliRunner().invoke(main, ["review-signoff", "--root", str(project), "fr", "--changes"], env=EPOCH)
    assert result.exit_code == 0 and result.output.splitlines()[1:] == [f"  {c}" for c in review.changed]


def test_the_pages_not_reviewed_line_follows_the_sign_off(project):
    config = load_config(project, EPOCH)
    handout = prepare_topic(config, config.topics[0]).handout

    def note() -> bool:
        html = page.page_html(handout, "leaflet", "fr", load_messages(project, "fr"), config.templates).html
        return 'class="not-reviewed"' in html

    assert not note()
    _set_translation(project, _context_of(project, OLD), "«Immunotherapy helps your immune system fight cancer, really.»")
    assert note()
    assert _sign_off(project).exit_code == 0
    assert not note()
    # The build's content key follows the record, so a sign-off renders the pages again.
    before = _language_digest(project, "fr")
    record_path(project, "fr").unlink()
    assert _language_digest(project, "fr") != before and note()


# ---- what is refused, and the header that no longer decides -------------------------------------


def test_an_unfinished_translation_cannot_be_signed_off(project):
    _set_translation(project, _context_of(project, OLD), "")
    before = record_path(project, "fr").read_bytes()
    result = _sign_off(project, by="Dr Omar Haddad")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "fr: not signed off: a medical review signs off a complete translation" in result.output
    assert f"  fr/{TOPIC}: 4/5 translated and clean; 1 of 5 messages not translated\n" in result.output
    assert record_path(project, "fr").read_bytes() == before
    result = CliRunner().invoke(main, ["review-signoff", "--root", str(project), "fr"], env=EPOCH)
    assert result.exit_code == 1 and "--by: give the name" in result.output


def test_a_header_claiming_a_review_without_a_record_is_not_reviewed_and_said(project):
    record_path(project, "fr").unlink()
    path = po_path(project, "fr", "ui")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'"X-Medical-Review: [^"]*"', r'"X-Medical-Review: reviewed by Dr X, 2025-05-01\\n"', text),
                    encoding="utf-8")
    messages = load_messages(project, "fr")
    assert not messages.reviewed
    assert messages.review.describe("fr")[1:] == [
        "locales/fr/LC_MESSAGES/ui.po: X-Medical-Review: reviewed by Dr X, 2025-05-01: "
        "ignored, the review status is locales/fr/review.yaml's"]


def test_a_broken_record_is_not_reviewed_and_fails_check(project):
    record_path(project, "fr").write_text("signed_off_by: Dr X\nfacts: [oops]\n", encoding="utf-8")
    review = load_messages(project, "fr").review
    assert not review.reviewed and "no 'date'" in review.problem and "'facts' is not a mapping" in review.problem
    result = CliRunner().invoke(main, ["check", "--root", str(project), "fr"], env=EPOCH)
    assert result.exit_code == 1 and "fr: not reviewed: locales/fr/review.yaml: no 'date'" in result.output
