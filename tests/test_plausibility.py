"""Data that loads but cannot be what the committee meant: each case gets its message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAL_PLAN, ROOT, TmpProject
from rtnreport.__main__ import cli


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


@pytest.fixture
def plan(tmp_path) -> TmpProject:
    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=())
    for name, text in MINIMAL_PLAN.items():
        project.write(f"2027/{name}", text)
    assert run(project.root, "check").exit_code == 0
    return project


REPORT = """
  - id: 2027-vp
    typ: vp
    titel: Kopia
    period: {fran: 2027-01-01, till: 2027-12-31}
    status: utkast
"""


@pytest.mark.parametrize("file, old, new, level, message", [
    ("rapporter.yaml", "    status: utkast\n", "    status: utkast\n" + REPORT.lstrip("\n"),
     "fel", "rapport-id '2027-vp' förekommer två gånger"),
    ("rapporter.yaml", "fran: 2027-01-01", "fran: 2022-01-01", "fel",
     "som inte ligger i 2027"),
    ("rapporter.yaml", "    status: utkast\n", "    beslutsdatum: 1900-01-01\n    status: utkast\n",
     "varning", "beslutsdatum 1900-01-01, långt från 2027"),
    ("uppdrag.yaml", "    text: Utred längre öppettider.\n",
     "    nummer: \"7\"\n    text: Utred längre öppettider.\n"
     "  - {id: annat, nummer: \"7\", text: Ett annat uppdrag.}\n",
     "fel", "uppdragsnumret '7' förekommer två gånger"),
    ("indikatorer.yaml", "riktning: oka", "riktning: intervall", "varning",
     "ska ligga inom ett intervall men målvärdet anger inget intervall"),
    ("ekonomi.yaml", "{id: kulturskola,", "{id: bibliotek,", "fel",
     "driftredovisningens rad-id 'bibliotek' förekommer två gånger"),
])
def test_implausible_data_is_reported(plan, file, old, new, level, message):
    plan.edit(f"2027/{file}", old, new)
    r = run(plan.root, "check")
    assert f"{level}: " in r.output and message in r.output, r.output
    assert r.exit_code == (1 if level == "fel" else 0)


def test_a_share_outside_0_100_percent_is_a_warning(plan):
    plan.edit("2027/indikatorer.yaml", "    malvarde: {varde: 4.5}",
              "    enhet: \"%\"\n    malvarde: {varde: 5000}")
    r = run(plan.root, "check")
    assert "varning: indikatorn 'besok-per-invanare': malvarde 5000 % ligger utanför 0–100 %" \
        in r.output


def test_a_typo_in_mal_yaml_gives_its_own_error_not_a_cascade(plan):
    plan.edit("2027/mal.yaml", "      - typ: mal\n", "      - typ: mall\n")
    r = run(plan.root, "check")
    errors = [ln for ln in r.output.splitlines() if ": fel: " in ln]
    assert len(errors) == 1 and "ogiltig typ 'mall'" in errors[0], r.output
    assert "menade du 'mal'?" in r.output


def test_a_report_reading_a_broken_last_year_fails_naming_it(tmp_path):
    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=("2025", "2026"))
    project.edit("2025/mal.yaml", "      - typ: effektmal\n", "      - typ: effektmalx\n")
    r = run(project.root, "build", "2026-vp-forslag", "--format", "html")
    assert r.exit_code == 1
    assert "rapporten '2026-vp-forslag' läser 2025 för förändringarna mot föregående år, men " \
           "data/2025/mal.yaml kan inte läsas" in r.output


def test_thousands_of_unresolved_references_are_summarised(plan):
    plan.write("2027/text/inledning.md", " ".join(f"[[x.y{i}.z]]" for i in range(3000)) + "\n")
    r = run(plan.root, "check")
    assert r.exit_code == 1
    assert r.output.count("pekar inte på någon beräknad siffra") == 20
    assert "… och 2980 olösta referenser till i filen" in r.output
    assert max(len(line) for line in r.output.splitlines()) < 400  # the echoed line is cut


def test_a_damaged_template_cache_is_a_miss(plan, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert run(plan.root, "build", "2027-vp", "--format", "html", "--force").exit_code == 0
    files = list((tmp_path / "cache" / "rtnreport").rglob("*.cache"))
    assert files
    for f in files:
        f.write_bytes(f.read_bytes()[:7])  # truncated mid-header
    r = run(plan.root, "build", "2027-vp", "--format", "html", "--force")
    assert r.exit_code == 0, r.output
