"""``rtnreport diff`` as a user runs it: formats, exit code, git revisions."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal as D
import subprocess

import pytest
from click.testing import CliRunner

from rtnreport import models as m
from rtnreport.__main__ import cli


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def test_text_output_and_exit_code(project_root):
    r = run(project_root, "diff", "2024", "2025", "--exit-code", "--no-color")
    assert r.exit_code == 1
    assert "Nämndens mål och fokusområden" in r.output
    assert "nummer: 5.1.1 → 4.1.1" in r.output
    assert "\x1b[" not in r.output
    assert run(project_root, "diff", "2024", "2024", "--exit-code").exit_code == 0


def test_markdown_and_html_and_json(project_root):
    md = run(project_root, "diff", "2024", "2025", "--format", "markdown").output
    assert md.startswith("# Skillnader 2024 → 2025") and "~~" in md and "**" in md
    html = run(project_root, "diff", "2024", "2025", "--format", "html").output
    assert '<html lang="sv">' in html and "<del>" in html and "<script" not in html
    payload = json.loads(run(project_root, "diff", "2024", "2025", "--format", "json").output)
    assert payload["counts"]["changed"] > 0
    assert {s["key"] for s in payload["sections"]} >= {"mal", "indikatorer", "uppdrag"}


def test_unknown_year_is_a_usage_error(project_root):
    r = run(project_root, "diff", "2024", "1999")
    assert r.exit_code == 2


def test_one_year_needs_rev(project_root):
    assert run(project_root, "diff", "2024").exit_code == 2


@pytest.fixture
def git_project(tmp_path, project_root):
    if shutil.which("git") is None:
        pytest.skip("git missing")
    root = tmp_path / "repo"
    shutil.copytree(project_root / "data" / "2024", root / "data" / "2024")
    shutil.copy(project_root / "rtnreport.yaml", root / "rtnreport.yaml")

    def git(*args):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "data")
    return root


def test_diff_against_a_git_revision(git_project):
    path = git_project / "data" / "2024" / "uppdrag.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Öka samverkan med länets aktörer för att stärka ungas entreprenörskap.",
        "Öka samverkan med länets skolor för att stärka ungas entreprenörskap."), encoding="utf-8")
    r = run(git_project, "diff", "2024", "--rev", "HEAD", "--no-color")
    assert r.exit_code == 0, r.output
    assert "2024@HEAD → 2024 (arbetskopian)" in r.output
    assert "[-aktörer-] {+skolor+}" in r.output


def test_bad_revision(git_project):
    r = run(git_project, "diff", "2024", "--rev", "finns-inte")
    assert r.exit_code == 2 and "finns-inte" in r.output


@pytest.mark.parametrize("rev", ["--output={out}", "--output", "-o{out}", "--remote=/tmp/x",
                                 "--exec=touch {out}"])
def test_a_revision_that_looks_like_an_option_is_refused(git_project, tmp_path, rev):
    out = tmp_path / "skriven.tar"
    rev = rev.format(out=out)
    r = run(git_project, "diff", "2024", f"--rev={rev}")
    assert r.exit_code == 2, r.output
    assert "ingen commit" in r.output and not out.exists()


def test_a_revision_is_resolved_once_to_a_commit(git_project):
    r = run(git_project, "diff", "2024", "--rev", "HEAD^{tree}")
    assert r.exit_code == 2 and "ingen commit" in r.output
    r = run(git_project, "diff", "2024", "--rev", "HEAD~0")
    assert r.exit_code == 0, r.output


def test_markdown_escapes_html_and_neutralises_images_and_links():
    from rtnreport.diff.engine import Change, DiffResult, FieldChange, Section, Word
    from rtnreport.diff.output import to_markdown

    hostile = ('<script>alert(1)</script> <img src=x onerror=alert(1)> '
               '![spår](https://evil.example/p.png) [klicka](javascript:alert(1)) '
               '[data](data:text/html,x) <https://ok.example/> [bra](https://ok.example/a) '
               '[post](mailto:a@b.se) `kod` &amp; \\<b\\>')
    change = Change(section="uppdrag", kind="changed", id="x", label=hostile, note=hostile,
                    fields=[FieldChange(field="text", label=hostile, before=hostile, after="ny"),
                            FieldChange(field="text", label="Text", before="a", after="b",
                                        words=[Word("equal", hostile), Word("insert", hostile),
                                               Word("delete", hostile)])])
    result = DiffResult(before="2024", after="2025",
                        sections=[Section(key="uppdrag", title=hostile, changes=[change])])
    md = to_markdown(result)
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;" in md
    assert "![" not in md and "](javascript:" not in md and "](data:" not in md
    assert "](https://ok.example/a)" in md and "](mailto:a@b.se)" in md


def test_summary_counts_in_swedish_plural(project_root):
    r = CliRunner().invoke(cli, ["--project", str(project_root), "diff", "2023", "2024"])
    last = r.output.rstrip().splitlines()[-1]
    assert re.fullmatch(r"2023 → 2024: \d+ nya, \d+ ändrade, \d+ borttagna, 1 strukturändring\.",
                        last), last


def test_a_removed_target_is_labelled_as_removed():
    from rtnreport.diff.engine import Change, FieldChange

    c = Change("indikatorer", "changed", "x", "x",
               [FieldChange("malvarde", "målvärde", m.Varde(varde=D(4)), None)])
    assert c.tags == ["målvärde borttaget"]


def test_changes_that_are_only_missing_values_can_be_left_out(project_root):
    full = CliRunner().invoke(cli, ["--project", str(project_root), "diff", "2023-vb",
                                    "2024-delar", "--format", "json"])
    lean = CliRunner().invoke(cli, ["--project", str(project_root), "diff", "2023-vb",
                                    "2024-delar", "--format", "json", "--utan-saknade"])
    changed = lambda out: sum(1 for s in json.loads(out)["sections"]  # noqa: E731
                              for c in s["changes"] if c["kind"] == "changed")
    assert changed(lean.output) < changed(full.output)
    for s in json.loads(lean.output)["sections"]:
        for c in s["changes"]:
            assert all(not (f["after"] is None and f["before"] is not None) for f in c["fields"])
