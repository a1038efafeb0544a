"""CLI: a thin layer; user mistakes give one message and a non-zero exit, no traceback."""

import json
import re
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _source_line(source: str, line: int) -> str:
    return (ROOT / source).read_text(encoding="utf-8").splitlines()[line - 1]


def test_unknown_topic_is_a_clear_error():
    result = CliRunner().invoke(main, ["facts", "--root", str(ROOT), "no-such-topic"])
    assert result.exit_code == 1
    assert "unknown topic no-such-topic" in result.output
    assert "Traceback" not in result.output


def test_bad_config_is_a_clear_error(tmp_path):
    (tmp_path / "clinic.yaml").write_text("name: [broken\n")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--output", str(tmp_path / "b")])
    assert result.exit_code == 1
    assert "clinic.yaml:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "b").exists()


def test_page_size_is_checked_by_the_cli():
    result = CliRunner().invoke(main, ["build", "--page-size", "A5"])
    assert result.exit_code == 2 and "A5" in result.output


def test_facts_lists_members_with_provenance():
    """Each fact of `facts --json`, in order: id, section, support, then its members, the canonical one starred."""
    result = CliRunner().invoke(main, ["facts", "--root", str(ROOT), "immunotherapy"])
    assert result.exit_code == 0, result.output
    catalog = json.loads(CliRunner().invoke(main, ["facts", "--root", str(ROOT), "immunotherapy", "--json"]).output)
    expected = []
    for fact in catalog["facts"]:
        assert fact["support"] == len({m["source"] for m in fact["members"]})
        assert [m["canonical"] for m in fact["members"]].count(True) == 1
        expected.append(f"{fact['id']}  [{fact['section'] or '(not printed)'}]  support {fact['support']}")
        expected += [f"  {'*' if m['canonical'] else ' '} {m['source']}:{m['line']}: {m['text']}" for m in fact["members"]]
    assert result.output.splitlines() == expected
    for member in (m for fact in catalog["facts"] for m in fact["members"]):
        assert member["original"].strip("•-* ") in _source_line(member["source"], member["line"])


def test_removed_lists_reasons():
    """One line per removed source line, `file:line: [reason] text`, the text as in the file."""
    result = CliRunner().invoke(main, ["removed", "--root", str(ROOT), "immunotherapy"])
    assert result.exit_code == 0, result.output
    rows = [re.fullmatch(r"(sources/immunotherapy/[^:]+):(\d+): \[([^\]]+)\] (.+)", line)
            for line in result.output.splitlines()]
    assert rows and all(rows), [line for line, row in zip(result.output.splitlines(), rows) if not row]
    for row in rows:
        source, line, _, text = row.groups()
        assert " ".join(text.split()) in " ".join(_source_line(source, int(line)).split())
    reasons = {(row[1], int(row[2])): row[3] for row in rows}
    assert reasons[("sources/immunotherapy/000_102f1445871a21bb.txt", 45)] == "metadata: last update"
    passwords = [row[3] for row in rows if "password" in row[4].lower()]
    assert passwords and all(reason == "login dialog" for reason in passwords), passwords
