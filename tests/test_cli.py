"""CLI: a thin layer; user mistakes give one message and a non-zero exit, no traceback."""

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


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
    result = CliRunner().invoke(main, ["facts", "--root", str(ROOT), "immunotherapy"])
    assert result.exit_code == 0, result.output
    assert "sources/immunotherapy/" in result.output
    assert any(line.strip().startswith("* sources/") for line in result.output.splitlines())


def test_removed_lists_reasons():
    result = CliRunner().invoke(main, ["removed", "--root", str(ROOT), "immunotherapy"])
    assert result.exit_code == 0, result.output
    assert "[" in result.output and "password" in result.output.lower()
