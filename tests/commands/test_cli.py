"""The command line as a whole: every command documented, helpful help, list."""

from __future__ import annotations

import re

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


ENGLISH = ("Usage", "Options", "Commands", "default:", "Show this", "Show the", "INTEGER",
           "RANGE", "TEXT", "PATH", "DIRECTORY", "FILE ", "REPORT", "YEARS", "OPTIONS",
           "COMMAND", "ARGS", "x>=", "FLOAT", "required]")


def test_help_is_swedish_through_and_through():
    from rtnreport.__main__ import cli as group

    runner = CliRunner()
    pages = [runner.invoke(group, ["--help"]).output]
    for name in group.commands:
        pages.append(runner.invoke(group, [name, "--help"]).output)
    for page in pages:
        assert page.startswith("Användning:"), page[:40]
        found = [w for w in ENGLISH if w in page]
        assert found == [], (found, page[:200])
    overview = pages[0]
    assert "…" not in overview and not re.search(r"\w\.\.\.\n", overview)  # no cut summaries


def test_usage_errors_are_swedish():
    from rtnreport.__main__ import cli as group

    r = CliRunner().invoke(group, ["build", "--nope"])
    assert r.exit_code == 2
    assert "Fel: Det finns ingen flagga '--nope'" in r.output and "för hjälp" in r.output
    r = CliRunner().invoke(group, ["build", "--jobs", "0", "x"])
    assert "0 ska vara minst 1" in r.output
