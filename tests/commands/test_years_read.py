"""One rule for which years a check, its cache, a build and the pre-commit hook read.

A year's trends read last year's outcomes, so checking 2024 must load 2023 whether
or not 2023 was asked for, and the answer must not depend on what ran before.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import ROOT, TmpProject
from rtnreport.__main__ import cli
from rtnreport.commands import check_cache
from rtnreport.commands.build import prepare
from rtnreport.precommit import years_to_check
from rtnreport.project import Project, years_affected, years_read


@pytest.fixture
def trend_project(tmp_path) -> TmpProject:
    """2023 and 2024, where a 2024 status is right only against 2023's outcome.

    'delvis' (the target is missed but the value is better than before) holds
    when 2023's 79,0 is read; without 2023 the figures say 'inte alls' and
    check warns.
    """
    p = TmpProject(tmp_path / "p", copy_from=ROOT, years=("2023", "2024"))
    p.edit("2023/2023-vb/indikatorer.yaml",
           '  behorighet-gymnasieskolan:\n    utfall:\n      varde: 80.1\n      period: "2023"',
           '  behorighet-gymnasieskolan:\n    utfall:\n      varde: 79.0\n      period: "2022"')
    p.edit("2024/2024-delar/indikatorer.yaml",
           "      status: null\n      trend: oforandrad\n      kalla: statussymbolen saknas",
           "      status: delvis\n      trend: forbattrad\n      kalla: statussymbolen saknas")
    return p


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def problems_of(result, year: str) -> list[dict]:
    problems = json.loads(result.output)["problems"]
    return [p for p in problems if f"/data/{year}/" in (p.get("file") or "")]


def test_years_read_is_the_year_and_the_year_before():
    assert years_read("2024") == ["2023", "2024"]
    assert years_read("abcd") == ["abcd"]
    assert years_affected({"2023"}, ["2022", "2023", "2024", "2025"]) == ["2023", "2024"]


def test_a_year_checked_alone_gives_the_answer_it_gives_among_all_years(trend_project):
    root = trend_project.root
    alone = run(root, "check", "2024", "--strict", "--no-cache", "--format", "json")
    every = run(root, "check", "--strict", "--no-cache", "--format", "json")
    assert alone.exit_code == every.exit_code == 0, alone.output
    assert problems_of(alone, "2024") == problems_of(every, "2024")
    assert not [p for p in problems_of(alone, "2024") if p["level"] == "warning"]
    assert not problems_of(alone, "2023")  # 2023 is read, not checked


@pytest.mark.parametrize("before", [("check", "2024"), ("check",), ("check", "2023")])
def test_the_answer_does_not_depend_on_what_ran_before(trend_project, before):
    root = trend_project.root
    fresh = {args: run(root, *args, "--strict", "--no-cache")
             for args in [("check",), ("check", "2024")]}
    run(root, *before)  # fills the cache
    for args, expected in fresh.items():
        again = run(root, *args, "--strict")
        assert (again.exit_code, again.output) == (expected.exit_code, expected.output), args


def test_the_check_cache_key_covers_the_years_read_and_the_project_file(trend_project):
    project = Project(trend_project.root)
    key = check_cache.year_key(project, "2024")
    trend_project.edit("2023/indikatorer.yaml", "riktning: oka", "riktning: minska")
    assert check_cache.year_key(project, "2024") != key
    key = check_cache.year_key(project, "2024")
    config = project.root / "rtnreport.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
    assert check_cache.year_key(project, "2024") != key


def test_build_reads_last_year_and_sees_what_check_sees(trend_project):
    project = Project(trend_project.root)
    prepared = prepare(project, "2024-delar", "2024")
    assert prepared.previous is not None and prepared.previous.year == "2023"
    assert not [p for p in prepared.problems if p.level == "warning"]
    assert prepared.computed.assessments["behorighet-gymnasieskolan"].status == "delvis"


def test_precommit_checks_each_year_that_reads_a_touched_year():
    existing = ["2023", "2024", "2025"]
    assert years_to_check(["data/2023/mal.yaml"], existing) == ["2023", "2024"]
    assert years_to_check(["data/2025/text/a.md", "README.md"], existing) == ["2025"]
    assert years_to_check(["data/2022/mal.yaml"], existing) == ["2023"]  # a removed year
