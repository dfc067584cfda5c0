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


def test_a_text_that_is_a_folder_or_a_dangling_link_is_an_error_not_a_crash(plan):
    (plan.path("2027/text/mapp.md")).mkdir()
    (plan.path("2027/text/borta.md")).symlink_to(plan.root / "finns-inte.md")
    r = run(plan.root, "check")
    assert r.exit_code == 1
    assert "mapp.md" in r.output and "katalog" in r.output
    assert "borta.md" in r.output and "länk" in r.output


def test_a_file_linked_from_outside_the_project_is_never_read(plan, tmp_path):
    secret = tmp_path / "hemligt.md"
    secret.write_text("HEMLIG RAD 1\nHEMLIG RAD 2\n", encoding="utf-8")
    plan.path("2027/text/inledning.md").unlink()
    plan.path("2027/text/inledning.md").symlink_to(secret)
    outside_yaml = tmp_path / "uppdrag.yaml"
    outside_yaml.write_text("uppdrag: []\n", encoding="utf-8")
    plan.path("2027/uppdrag.yaml").unlink()
    plan.path("2027/uppdrag.yaml").symlink_to(outside_yaml)
    r = run(plan.root, "check")
    assert r.exit_code == 1 and "HEMLIG" not in r.output
    assert r.output.count("pekar ut ur projektet") == 2
    b = run(plan.root, "build", "2027-vp", "--format", "html")
    assert b.exit_code == 1 and "HEMLIG" not in b.output


def test_an_empty_or_nul_text_is_an_error(plan):
    plan.write("2027/text/inledning.md", "   \n\n")
    r = run(plan.root, "check")
    assert r.exit_code == 1 and "texten är tom" in r.output
    plan.write("2027/text/inledning.md", b"Text\x00med NUL\n")
    r = run(plan.root, "check")
    assert r.exit_code == 1 and "inledning.md:1:" in r.output


def test_two_perspectives_with_one_id_and_a_renamed_goal(plan):
    plan.edit("2027/mal.yaml", "    rubrik: Invånare\n", "    rubrik: Invånare\n"
              "    poster: []\n  - id: invanare_och_samhalle\n    rubrik: Igen\n")
    r = run(plan.root, "check")
    assert "perspektivet 'invanare_och_samhalle' står två gånger" in r.output


def test_a_renamed_goal_id_suggests_the_right_one(plan):
    plan.edit("2027/indikatorer.yaml", "mal: fler-besok", "mal: fler-besk")
    r = run(plan.root, "check")
    assert "målet 'fler-besk' finns inte i mal.yaml" in r.output
    assert "menade du 'fler-besok'?" in r.output


def test_a_positive_salary_cost_is_a_warning(copy_2024):
    copy_2024.edit("2024/2024-delar/personal.yaml", "  utfall_ack: -54.7", "  utfall_ack: 54.7")
    r = run(copy_2024.root, "check", "2024")
    assert "lönekostnaden utfall_ack är 54.7; kostnader skrivs negativa" in r.output


def test_an_empty_report_list_breaks_no_other_command(tmp_path):
    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=("2024", "2025"))
    project.write("2024/rapporter.yaml", "rapporter:\n")
    assert run(project.root, "list").exit_code == 0
    r = run(project.root, "build", "--all", "--format", "html", "-j", "1")
    assert r.exit_code == 0 and "Traceback" not in r.output
    assert (project.root / "build" / "index.html").is_file()
    check = run(project.root, "check", "2024")
    assert check.exit_code == 1 and "rapporter.yaml:1:" in check.output
