"""Config: every problem reported at once with its file, every setting documented."""

import re
import shutil
from pathlib import Path

import pytest

from pipeline.config import (
    CLINIC_OPTIONS,
    DECISION_OPTIONS,
    SCHEME_OPTIONS,
    SECTION_OPTIONS,
    SOURCE_OPTIONS,
    TOPIC_OPTIONS,
    load_config,
    load_source_folder,
)
from pipeline.errors import ConfigError
from pipeline.models import SourceMeta
from pipeline.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent


def copy_project(tmp_path: Path) -> Path:
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    return tmp_path


def test_shipped_project_config_loads():
    config = load_config(ROOT)
    assert config.clinic.name and config.clinic.phone
    (topic,) = [t for t in config.topics if t.key == "immunotherapy"]
    assert topic.title and topic.version and len(topic.sources) == 5
    assert sum(rule.fallback for rule in config.scheme.sections) == 1
    assert "melanoma" in config.scheme.vocabulary.key_terms


def test_key_terms_and_synonyms_travel_compiled_on_the_scheme():
    scheme = load_config(ROOT).scheme
    assert scheme.vocabulary.key_terms == tuple(sorted(scheme.vocabulary.key_terms))
    assert ("radiotherapy", "radiation therapy", "radiation treatment") in scheme.vocabulary.synonyms
    assert scheme.vocabulary.fold("Radiation therapy, then chemo.") == "radiotherapy, then chemotherapy."


def test_key_terms_are_matched_by_their_preferred_synonym_for_merging_and_by_subject_for_conflicts():
    words = Vocabulary(("breast cancer", "lung cancer", "ent", "radiotherapy", "radiation therapy"),
                       (("radiotherapy", "radiation therapy"),))
    # Merging (casefolded text): at a word start, a short term only whole, a synonym as its
    # group's preferred word (two sources' "radiation therapy" and "radiotherapy" may merge).
    assert words.terms_in("radiation therapy for ent and entropy, breast tumours") == {"radiotherapy", "ent"}
    assert words.terms_in("radiotherapy for entropy") == {"radiotherapy"}
    # Conflicts (the clause as written): offsets, the preferred word, "breast" where tumours are named.
    assert words.mentions_in("Radiation therapy helps breast tumours") == [("radiotherapy", 0), ("breast cancer", 24)]
    assert words.mentions_in("Radiation therapy helps breast feeding") == [("radiotherapy", 0)]
    assert Vocabulary().fold("Radiation therapy") == "Radiation therapy" and Vocabulary().terms_in("ent") == set()


def test_a_folder_of_sources_outside_sources_is_described_like_a_topic(tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "b.md").write_text("More.\n")
    described = tmp_path / "topic.yaml"
    described.write_text("language: fr\nsources:\n  - file: a.txt\n    publisher: Pub\n    date: 2020-04-01\n")
    topic = load_source_folder("set", tmp_path, described)  # title and version may be left out here
    assert (topic.key, topic.title, topic.language, topic.decisions) == ("set", "set", "fr", ())
    assert [(path.name, meta) for path, meta in topic.sources] == [
        ("a.txt", SourceMeta("a.txt", "Pub", "fr", "2020-04-01")), ("b.md", SourceMeta("b.md", language="fr"))]
    assert load_source_folder("set", tmp_path, None).sources[0][1] == SourceMeta("a.txt")
    described.write_text("sources:\n  - file: missing.txt\n    colour: red\n")
    with pytest.raises(ConfigError) as caught:
        load_source_folder("set", tmp_path, described)
    assert "topic.yaml: source 1: unknown setting 'colour'" in str(caught.value)
    assert "'missing.txt' is listed but no such file" in str(caught.value)
    described.write_text("sources: [\n")
    with pytest.raises(ConfigError, match=r"topic\.yaml:\d+: invalid YAML"):
        load_source_folder("set", tmp_path, described)


def test_all_problems_are_reported_together(tmp_path):
    root = copy_project(tmp_path)
    (root / "clinic.yaml").write_text("name: Clinic\ncolour: blue\n")
    topic = root / "sources" / "immunotherapy" / "topic.yaml"
    topic.write_text("title: T\nversion: 1\nissued: 22/11/2026\nsources:\n  - file: missing.txt\n")
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    text = str(caught.value)
    assert "clinic.yaml: missing required setting 'phone'" in text
    assert "clinic.yaml: unknown setting 'colour'" in text
    assert "'issued' must be a date YYYY-MM-DD" in text
    assert "'missing.txt' is listed but no such file" in text
    assert len(caught.value.problems) == 4


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    root = copy_project(tmp_path)
    (root / "sections.yaml").write_text("sections:\n  - key: a\n    title: [unclosed\n")
    with pytest.raises(ConfigError, match=r"sections\.yaml:\d+: invalid YAML"):
        load_config(root)


def test_a_topic_without_an_issue_date_takes_source_date_epochs_and_never_the_clock(tmp_path):
    root = copy_project(tmp_path)
    topic_file = root / "sources" / "immunotherapy" / "topic.yaml"
    topic_file.write_text("\n".join(line for line in topic_file.read_text().splitlines()
                                    if not line.startswith("issued:")) + "\n")
    dated = load_config(root, {"SOURCE_DATE_EPOCH": "1700000000"})
    assert dated.topics[0].issued == "2023-11-14" and dated.source_date_epoch == "1700000000"
    assert load_config(root, {}).topics[0].issued == ""  # not today's date
    with pytest.raises(ConfigError, match="SOURCE_DATE_EPOCH='yesterday'"):
        load_config(root, {"SOURCE_DATE_EPOCH": "yesterday"})


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tables = CLINIC_OPTIONS + SCHEME_OPTIONS + SECTION_OPTIONS + TOPIC_OPTIONS + SOURCE_OPTIONS + DECISION_OPTIONS
    missing = [key for key, *_ in tables if not re.search(rf"`{key}`", readme)]
    assert not missing, f"README.md does not document: {missing}"


@pytest.mark.parametrize("logo", ["missing.png", "../../clinic.yaml", "/etc/passwd", "fonts/OFL.txt"])
def test_logo_must_be_an_image_inside_the_assets(tmp_path, logo):
    root = copy_project(tmp_path)
    shutil.copytree(ROOT / "templates", root / "templates")
    text = (root / "clinic.yaml").read_text()
    (root / "clinic.yaml").write_text(re.sub(r"(?m)^logo:.*$", f"logo: {logo}", text))
    with pytest.raises(ConfigError, match="logo"):
        load_config(root)
