"""build --all in parallel, and the content-hash cache: rebuild exactly what changed."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import ROOT, TmpProject
from rtnreport.__main__ import cli
from rtnreport.commands.build import build_all, build_report
from rtnreport.project import Project
from rtnreport.render.theme import STOCK


def test_second_build_is_a_noop_until_an_input_changes(copy_2024, tmp_path):
    project = Project(copy_2024.root)
    out = tmp_path / "out"
    first = build_report(project, "2024-delar", out, ("html",))
    assert first.ok and not first.cached
    assert build_report(project, "2024-delar", out, ("html",)).cached
    # a data file changes: rebuilt
    copy_2024.edit("2024/2024-delar/text/inledning.md", "I Örebro län", "I hela Örebro län")
    again = build_report(project, "2024-delar", out, ("html",))
    assert not again.cached and "I hela Örebro län" in (out / "2024-delar.html").read_text()
    # a template changes: rebuilt
    css = copy_2024.root / "templates" / "report.css"  # a project overrides a stock file
    css.parent.mkdir()
    css.write_text((STOCK / "report.css").read_text() + "\n/* ändrad */\n")
    assert not build_report(project, "2024-delar", out, ("html",)).cached
    # an output is edited or deleted: rebuilt
    (out / "2024-delar.html").write_text("förstörd")
    assert not build_report(project, "2024-delar", out, ("html",)).cached
    # another format is another build
    assert not build_report(project, "2024-delar", out, ("json",)).cached
    assert build_report(project, "2024-delar", out, ("html",), force=False).cached
    assert not build_report(project, "2024-delar", out, ("html",), force=True).cached


def test_a_failed_build_forgets_its_cache_entry(copy_2024, tmp_path):
    project = Project(copy_2024.root)
    out = tmp_path / "out"
    assert build_report(project, "2024-delar", out, ("html",)).ok
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    assert not build_report(project, "2024-delar", out, ("html",)).ok
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60,4", "budget_ack: 60.4")
    result = build_report(project, "2024-delar", out, ("html",))
    assert result.ok and not result.cached and (out / "2024-delar.html").exists()


def test_build_all_in_parallel_builds_every_report(tmp_path):
    root = tmp_path / "p"
    TmpProject(root, copy_from=ROOT, years=("2023", "2024", "2025", "2026"))
    results = build_all(Project(root), tmp_path / "out", ("html",), jobs=2)
    assert [r.report_id for r in results] == ["2023-vb", "2024-delar", "2025-rus", "2025-vp",
                                              "2026-vp-forslag"]
    assert all(r.ok and not r.cached for r in results)
    assert all(r.cached for r in build_all(Project(root), tmp_path / "out", ("html",), jobs=2))


def test_build_all_cli_reports_failures_and_exits_1(copy_2024, tmp_path):
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: sextio")
    r = CliRunner().invoke(cli, ["--project", str(copy_2024.root), "build", "--all",
                                 "--format", "html", "--out", str(tmp_path / "o"), "-j", "1"])
    assert r.exit_code == 1
    assert "1 fel" in r.output and "sextio" in r.output
