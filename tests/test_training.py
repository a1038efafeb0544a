"""Training the line model: on the gated sets only, deterministic, and `handout train-model`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.evaluation.training import cross_validate, labelled_pages, model_json, score, train
from pipeline.text import line_model, section_model
from pipeline.text.line_model import page_features

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = [
    "Radiotherapy uses high-energy rays to destroy cancer cells in one part of the body.",
    "Most people have treatment once a day, from Monday to Friday, for a few weeks.",
    "Your skin in the treated area may become red, dry or itchy after a week or two.",
    "Tiredness is common and can last for some weeks after the treatment ends.",
]


def _page(site: str, promo: str) -> str:
    # Lines 1-2 and 7-8 are the site's furniture, 3-6 its article.
    return "\n".join([f"{site} home", "Menu Search Donate", *ARTICLE, promo, f"Copyright {site} 2025"]) + "\n"


def _set(root: Path, name: str, sites: list[str], gated: bool = True, held_out: bool = False) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    entries = []
    for k, site in enumerate(sites):
        (folder / f"{site}_radiotherapy.txt").write_text(
            _page(site.title(), f"Get {k + 2} free coupons at the {site.title()} shop today"), encoding="utf-8")
        entries.append(f"  {site}_radiotherapy.txt:\n    boilerplate:\n      1-2: navigation\n      7-8: other\n")
    (folder / "labels.yaml").write_text(f"gated: {str(gated).lower()}\nheld_out: {str(held_out).lower()}\nfiles:\n"
                                        + "".join(entries), encoding="utf-8")


def test_training_reads_the_gated_sets_only_and_learns_their_furniture(tmp_path):
    _set(tmp_path, "tuning", ["alder", "birch", "cedar", "damson"])
    _set(tmp_path, "held-out", ["elder"], gated=False)
    _set(tmp_path, "held-out-gated", ["fir"], held_out=True)  # held to the targets, still never trained on
    pages = labelled_pages(tmp_path, ROOT)
    assert sorted(page.site for page in pages) == ["alder", "birch", "cedar", "damson"]
    assert pages[0].furniture == {1, 2, 7, 8}
    model = train(pages)
    lines = [line for line in pages[0].source.lines if line.text.strip()]
    chances = [model.probability(features) for features in page_features(lines, {}).values()]
    assert min(chances[i] for i in (0, 1, 6, 7)) > max(chances[i] for i in (2, 3, 4, 5))
    # The same labels give the same file, byte for byte.
    assert model_json(model, pages) == model_json(train(pages), pages)
    data = json.loads(model_json(model, pages))
    assert all("held-out" not in path for path in data["trained_on"]["folders"]) and data["vocabulary"]
    assert "alder" not in data["vocabulary"]  # a word of one site's pages only


def test_scores_count_labelled_lines_and_cross_validation_leaves_sites_out(tmp_path):
    _set(tmp_path, "tuning", ["alder", "birch", "cedar", "damson", "elder"])
    pages = labelled_pages(tmp_path, ROOT)
    rules = score(pages, None)
    assert (rules.furniture, rules.content) == (20, 20)
    by_rules, with_model = cross_validate(pages)
    assert by_rules == rules  # every page is cleaned once, by a model that never saw its site
    assert (with_model.furniture, with_model.content) == (20, 20)


def test_train_model_command_writes_the_file_and_checks_it(tmp_path, monkeypatch):
    _set(tmp_path / "eval", "tuning", ["alder", "birch"])
    target, sections = tmp_path / "model.json", tmp_path / "section_model.json"
    monkeypatch.setattr(line_model, "MODEL_FILE", target)
    monkeypatch.setattr(section_model, "MODEL_FILE", sections)  # the project's own files stay untouched
    runner = CliRunner()
    stale = runner.invoke(main, ["train-model", "--root", str(ROOT), "--eval-dir", str(tmp_path / "eval"), "--check"])
    assert stale.exit_code == 1 and "out of date" in stale.output and not target.exists()
    written = runner.invoke(main, ["train-model", "--root", str(ROOT), "--eval-dir", str(tmp_path / "eval")])
    assert written.exit_code == 0 and "written, trained on 2 pages of 2 sites" in written.output
    assert json.loads(target.read_text(encoding="utf-8"))["weights"]
    assert json.loads(sections.read_text(encoding="utf-8"))["statements"] == {}  # the set has no section labels
    fresh = runner.invoke(main, ["train-model", "--root", str(ROOT), "--eval-dir", str(tmp_path / "eval"), "--check"])
    assert fresh.exit_code == 0 and "up to date" in fresh.output


def test_the_section_model_learns_from_section_labels_and_places_sites_it_never_saw(tmp_path):
    from pipeline.evaluation.training import cross_validate_sections, section_model_json, train_sections

    sites = ["alder", "birch", "cedar", "damson", "elder"]
    _set(tmp_path, "tuning", sites)
    labels = "".join(f"  {site}_radiotherapy.txt:\n    3: about\n    4: how-given\n    5-6: side-effects\n"
                     for site in sites)
    (tmp_path / "tuning" / "section-labels.yaml").write_text("files:\n" + labels, encoding="utf-8")
    pages = labelled_pages(tmp_path, ROOT)
    assert pages[0].sections == {3: "about", 4: "how-given", 5: "side-effects", 6: "side-effects"}
    model = train_sections(pages)
    # Sections labelled fewer than MIN_STATEMENTS times are not learned: five sites are too few.
    assert model.statements == {} and json.loads(section_model_json(model, pages))["trained_on"]["pages"] == 5
    assert cross_validate_sections(pages) == (0, 20)  # nothing learned, nothing placed by the model
    many = [f"s{i:02d}" for i in range(30)]  # each fold trains on 24: enough for every section
    _set(tmp_path / "more", "tuning", many)
    (tmp_path / "more" / "tuning" / "section-labels.yaml").write_text("files:\n" + "".join(
        f"  {site}_radiotherapy.txt:\n    3: about\n    4: how-given\n    5-6: side-effects\n" for site in many))
    pages = labelled_pages(tmp_path / "more", ROOT)
    model = train_sections(pages)
    assert model.statements == {"about": 30, "how-given": 30, "side-effects": 60}
    assert model.pages == {"about": 30, "how-given": 30, "side-effects": 30}  # pages whose scheme has it
    # How the labelled statements follow each other on a page (no headings here: one passage).
    assert model.transitions["start"] == {"": {"about": 30}}
    assert model.transitions["same"] == {"about": {"how-given": 30}, "how-given": {"side-effects": 30},
                                         "side-effects": {"side-effects": 30}}
    assert json.loads(section_model_json(model, pages))["transitions"]["same"]["about"] == {"how-given": 30}
    right, labelled = cross_validate_sections(pages)
    assert labelled == 120 and right == 120  # every site placed by a model that never saw it


def test_the_section_model_counts_steps_within_a_paragraph_apart_from_steps_between_paragraphs():
    from pipeline.evaluation.training import LabelledStatement, _transitions

    def statement(section, line, heading="On the day"):
        return LabelledStatement((), heading, section, line=line)

    # Lines 3 (two sentences) and 5 under one heading, line 8 under the next.
    page = [statement("expect", 3), statement("expect", 3), statement("given", 5), statement("call", 8, "If ill")]
    table = _transitions([page])
    assert table["para"] == {"expect": {"expect": 1}}
    assert table["same"] == {"expect": {"given": 1}}
    assert table["new"] == {"given": {"call": 1}}
    assert table["start"] == {"": {"expect": 1}}
