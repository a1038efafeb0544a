"""YAML read safely: text stays the text written, no key twice, no aliases, bounded size."""

import re
import shutil
import time
from pathlib import Path

import pytest

from pipeline.config import load_config, read_yaml
from pipeline.errors import ConfigError
from pipeline.yaml_files import MAX_YAML_BYTES, YamlMapping

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    return tmp_path


def _set(path: Path, key: str, line: str) -> int:
    """Replace the top-level `key:` line of path with line; return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    (index,) = [i for i, text in enumerate(lines) if text.startswith(f"{key}:")]
    lines[index] = line
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def _problems(root: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(root, {})
    return caught.value.problems


def test_an_unquoted_phone_number_is_refused_with_the_fix(root):
    line = _set(root / "clinic.yaml", "phone", "phone: 0612345670")
    assert _problems(root) == [f"{root / 'clinic.yaml'}:{line}: phone: YAML reads 0612345670 as the number "
                               '103402424; put it in quotes: phone: "0612345670"']
    for written in ("1:30", "12345", "+441234"):  # sexagesimal, plain digits, a sign: never a number for a phone
        _set(root / "clinic.yaml", "phone", f"phone: {written}")
        (problem,) = _problems(root)
        assert problem.startswith(f"{root / 'clinic.yaml'}:{line}: phone: YAML reads {written} as ")
        assert problem.endswith(f'put it in quotes: phone: "{written}"')
    _set(root / "clinic.yaml", "phone", 'phone: "0612345670"')
    assert load_config(root, {}).clinic.phone == "0612345670"


def test_a_phone_worded_per_language_is_refused_unquoted_too(root):
    line = _set(root / "clinic.yaml", "phone", 'phone: {en: 0612345670, fr: "0612345670 (24 h/24)"}')
    # One problem: the French wording, the same number as written, is not reported as different.
    assert _problems(root) == [f"{root / 'clinic.yaml'}:{line}: phone: en: YAML reads 0612345670 as the number "
                               '103402424; put it in quotes: en: "0612345670"']


def test_text_yaml_types_differently_is_refused_and_text_it_keeps_is_accepted(root):
    topic = root / "sources" / "immunotherapy" / "topic.yaml"
    _set(topic, "version", "version: 1.0")  # reads back as written: documented to work
    _set(topic, "issued", "issued: 2026-01-01")
    loaded = load_config(root, {}).topics[0]
    assert (loaded.version, loaded.issued) == ("1.0", "2026-01-01")
    line = _set(topic, "version", "version: 1.10")
    website = _set(root / "clinic.yaml", "website", "website: yes")
    issued = _set(topic, "issued", "issued: 2026-01-01 10:00:00")
    assert sorted(_problems(root)) == sorted([
        f'{topic}:{line}: version: YAML reads 1.10 as the number 1.1; put it in quotes: version: "1.10"',
        f'{root / "clinic.yaml"}:{website}: website: YAML reads yes as true (a yes/no value); '
        'put it in quotes: website: "yes"',
        f'{topic}:{issued}: issued: YAML reads 2026-01-01 10:00:00 as the date and time 2026-01-01T10:00:00; '
        'put it in quotes: issued: "2026-01-01 10:00:00"',
    ])


def test_a_key_given_twice_names_the_second(root):
    clinic = root / "clinic.yaml"
    clinic.write_text(clinic.read_text(encoding="utf-8") + "name: Another Clinic\n", encoding="utf-8")
    first = [i for i, text in enumerate(clinic.read_text().split("\n"), 1) if text.startswith("name:")]
    sections = root / "sections.yaml"
    text = sections.read_text(encoding="utf-8")
    sections.write_text(re.sub(r"(?m)^(  - key: (\S+)\n)", r"\1    key: \2\n", text, count=1), encoding="utf-8")
    second = [i for i, line in enumerate(sections.read_text().split("\n"), 1) if line.startswith("    key: ")][0]
    problems = [p for p in _problems(root) if "editorial.yaml" not in p]  # the topic's decisions need sections
    assert f"{clinic}:{first[1]}: 'name' is given twice in one mapping (first on line {first[0]}); " \
           "YAML would silently keep only the last: keep one" in problems
    assert any(p.startswith(f"{sections}:{second}: 'key' is given twice in one mapping (first on line {second - 1})")
               for p in problems)
    assert len(problems) == 2


def test_anchors_and_aliases_are_refused_before_anything_expands(root, tmp_path):
    sections = root / "sections.yaml"
    bomb = "".join(f"b{i}: &b{i} [*b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}]\n"
                   for i in range(1, 9))  # 6**9 leaves if expanded
    sections.write_text("a: &b0 [x, x, x, x, x, x]\n" + bomb + "key_terms: *b8\n", encoding="utf-8")
    started = time.monotonic()
    assert [p for p in _problems(root) if "editorial.yaml" not in p] == [f"{sections}:1: &b0: anchors and aliases (&name, *name) are not allowed in "
                               "the project's YAML files; write the value out"]
    assert time.monotonic() - started < 5
    labels = tmp_path / "labels.yaml"
    labels.write_text("files:\n  a.txt: {1: boilerplate}\n  b.txt: *x\n", encoding="utf-8")
    problems: list[str] = []
    assert read_yaml(labels, problems) is None
    assert problems == [f"{labels}:3: *x: anchors and aliases (&name, *name) are not allowed in the project's "
                        "YAML files; write the value out"]


def test_a_file_over_the_size_limit_is_refused(root):
    clinic = root / "clinic.yaml"
    clinic.write_text(clinic.read_text(encoding="utf-8") + "#" * MAX_YAML_BYTES + "\n", encoding="utf-8")
    size = clinic.stat().st_size
    assert _problems(root) == [f"{clinic}: {size:,} bytes is more than the {MAX_YAML_BYTES:,} "
                               "a YAML file of the project may have"]


def test_mappings_read_keep_their_lines_and_compare_as_plain_dicts(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("# comment\na: 1\nb:\n  - c: 2.50\n", encoding="utf-8")
    problems: list[str] = []
    data = read_yaml(path, problems)
    assert data == {"a": 1, "b": [{"c": 2.5}]} and not problems
    assert isinstance(data, YamlMapping) and data.where("b") == f"{path}:3"
    assert data["b"][0].written["c"].text == "2.50"
    path.write_text("a: [1\n", encoding="utf-8")
    assert read_yaml(path, problems) is None and problems == [f"{path}:2: invalid YAML: did not find expected ',' or ']'"]


def test_a_list_of_words_is_read_as_written_or_refused_by_line(root):
    own = root / "sources/immunotherapy/sections.yaml"
    text = own.read_text(encoding="utf-8")
    own.write_text(text + "key_terms: [2024, yes, \"no\", {dose: 5}]\n", encoding="utf-8")
    problems = _problems(root)
    line = len(text.split("\n"))
    # `yes` is YAML's true: refused with its line and the quoting that keeps it; a mapping is no word.
    assert any(p.startswith(f"{own}:{line}: key_terms: YAML reads yes as true") and '"yes"' in p for p in problems)
    assert any("key_terms: item 4 must be a word or phrase, not a mapping" in p for p in problems)
    assert not any("2024" in p or "'no'" in p for p in problems)  # read back exactly as written, or quoted

    own.write_text(text + "key_terms: [2024, \"yes\", 5-fu]\n", encoding="utf-8")
    terms = load_config(root, {}).topics[0].scheme.vocabulary.key_terms
    assert {"2024", "yes", "5-fu"} <= set(terms) and "true" not in terms


def test_a_topics_keywords_and_synonyms_are_checked_the_same_way(root):
    own = root / "sources/immunotherapy/sections.yaml"
    own.write_text(own.read_text(encoding="utf-8") + "synonyms:\n  - [on, off]\n", encoding="utf-8")
    problems = _problems(root)
    assert any("synonyms 1: YAML reads on as true" in p for p in problems)
    assert any("synonyms 1: YAML reads off as false" in p for p in problems)


def test_a_scheme_without_sections_is_refused_by_name(root):
    scheme = root / "sections.yaml"
    text = scheme.read_text(encoding="utf-8")
    start, end = text.index("\nsections:\n"), text.index("\nkey_terms:")
    scheme.write_text(text[:start] + "\nsections: []\n" + text[end:], encoding="utf-8")
    assert any(p.endswith("sections.yaml: no sections: a handout needs at least one (and exactly one with "
                          "'fallback: true')") for p in _problems(root))


def test_a_file_read_again_is_its_current_text_and_a_readers_changes_stay_its_own(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  - 1\nb: {c: x}\n", encoding="utf-8")
    first = read_yaml(path, [])
    first["a"].append(2)
    first["b"]["c"] = "changed"
    second = read_yaml(path, [])
    assert second == {"a": [1], "b": {"c": "x"}}  # parsed once, handed out as a fresh copy
    assert second["b"].where("c") == f"{path}:3" and second["a"].written[0].text == "1"
    path.write_text("a: [3]\n", encoding="utf-8")  # same name, same size class: the text decides
    assert read_yaml(path, []) == {"a": [3]}
    other = tmp_path / "y.yaml"
    other.write_text("a: [3]\nb: [c, c]\nb: d\n", encoding="utf-8")
    problems: list[str] = []
    assert read_yaml(other, problems) is None and problems[0].startswith(f"{other}:3:")
    problems = []
    assert read_yaml(other, problems) is None and problems[0].startswith(f"{other}:3:")  # reported again
