"""The command line as a whole: every command documented, helpful help, list."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import ROOT
from rtnreport.__main__ import cli


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"rtnreport {name}" in readme, f"README does not document 'rtnreport {name}'"


def test_every_command_has_help_with_an_example():
    for name in cli.commands:
        r = CliRunner().invoke(cli, [name, "--help"])
        assert r.exit_code == 0
        assert "Exempel" in r.output, name


def test_list_shows_all_five_source_documents(project_root):
    r = CliRunner().invoke(cli, ["--project", str(project_root), "list"])
    assert r.exit_code == 0
    for rid in ("2023-vb", "2024-delar", "2025-vp", "2025-rus", "2026-vp-forslag"):
        line = next(ln for ln in r.output.splitlines() if ln.startswith(rid))
        assert " ja " in line, line


def test_no_project_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["check"])
    assert r.exit_code == 2 and "hittar ingen projektkatalog" in r.output
