"""rtnreport new-report: a follow-up of a planned year, without touching the plan.

Also the promise behind it: data that ``check`` passes never makes ``build``
fail, for every report type scaffolded from a minimal plan.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAL_PLAN, ROOT, TmpProject
from rtnreport.__main__ import cli
from rtnreport.reports import REPORT_TYPES


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def copy_2025(tmp_path: Path) -> TmpProject:
    """The shipped 2024 and 2025 data: a follow-up to make of the 2025 plan."""
    return TmpProject(tmp_path / "p", copy_from=ROOT, years=("2024", "2025"))


def test_a_delar_from_the_plan_leaves_the_plan_and_its_report_untouched(copy_2025, tmp_path):
    root = copy_2025.root
    assert run(root, "build", "2025-vp", "--format", "html", "--out", str(tmp_path / "a"),
               "--force").exit_code == 0
    before = hashes(root / "data" / "2025")

    r = run(root, "new-report", "2025-delar", "--till", "2025-07-31")
    assert r.exit_code == 0, r.output
    assert "La till 2025-delar (delar)" in r.output and "Fyll i härnäst" in r.output

    after = hashes(root / "data" / "2025")
    changed = {k for k in before if before[k] != after.get(k)}
    assert changed == {"rapporter.yaml"}  # only the new entry, appended
    added = set(after) - set(before)
    assert added and all(k.startswith("2025-delar/") for k in added)
    rapporter = (root / "data" / "2025" / "rapporter.yaml").read_text(encoding="utf-8")
    assert rapporter.startswith((ROOT / "data" / "2025" / "rapporter.yaml").read_text())
    assert "till: 2025-07-31" in rapporter

    check = run(root, "check", "2025")
    assert check.exit_code == 0, check.output
    assert "0 fel" in check.output
    assert "2025-delar: målet 'effektmal-konkurrenskraft-livskvalitet' är inte bedömt" in check.output
    assert "indikatorn 'hallbart-medarbetarengagemang-hme' är inte bedömd" in check.output
    assert "fortfarande mallen från new-report" in check.output

    out = tmp_path / "b"
    built = run(root, "build", "2025-delar", "--out", str(out))
    assert built.exit_code == 0, built.output
    html = (out / "2025-delar.html").read_text(encoding="utf-8")
    assert (out / "2025-delar.pdf").stat().st_size > 10_000
    assert "Målsättning" in html or "Effektmål" in html
    assert "Hållbart medarbetarengagemang" in html  # a styrtal of the plan
    assert "Ej bedömd" in html and "Uppgift saknas" not in html

    # the decided plan builds to the very same bytes as before
    assert run(root, "build", "2025-vp", "--format", "html", "--out", str(tmp_path / "c"),
               "--force").exit_code == 0
    assert (tmp_path / "a" / "2025-vp.html").read_bytes() == \
        (tmp_path / "c" / "2025-vp.html").read_bytes()


def test_filled_in_outcomes_show_in_the_report(copy_2025, tmp_path):
    root = copy_2025.root
    assert run(root, "new-report", "2025-delar", "--till", "2025-07-31").exit_code == 0
    folder = "2025/2025-delar"
    copy_2025.edit(f"{folder}/mal.yaml",
                   "  effektmal-konkurrenskraft-livskvalitet:\n    bedomning:\n"
                   "      status: null\n      trend: null",
                   "  effektmal-konkurrenskraft-livskvalitet:\n    bedomning:\n"
                   "      status: gron\n      trend: forbattrad")
    copy_2025.edit(f"{folder}/indikatorer.yaml",
                   "  sjukfranvaro:\n    utfall:\n      varde: null\n      period: null\n"
                   "    bedomning:\n      status: null",
                   "  sjukfranvaro:\n    utfall:\n      varde: 5.1\n      period: jan–jul 2025\n"
                   "    bedomning:\n      status: helt")
    text = copy_2025.path(f"{folder}/ekonomi.yaml").read_text(encoding="utf-8")
    assert "kolumner: delar" in text and "budget: 104.6" in text  # the plan's budget
    assert "utfall_ack_fg_ar: 59.9" in text  # last year's delår, per row id
    copy_2025.edit(f"{folder}/ekonomi.yaml", "    utfall_ack: null", "    utfall_ack: 61.3")
    copy_2025.write(f"{folder}/text/inledning.md", "Ett halvår med **nya** satsningar.\n")
    r = run(root, "build", "2025-delar", "--format", "html", "--out", str(tmp_path / "o"))
    assert r.exit_code == 0, r.output
    html = (tmp_path / "o" / "2025-delar.html").read_text(encoding="utf-8")
    assert "Ett halvår med <strong>nya</strong> satsningar." in html
    assert "5,1\u00a0%" in html and "jan–jul 2025" in html
    assert ">61,3<" in html
    assert ">104,6<" in html  # the plan's budget in the follow-up's Budget column
    assert "Grön" in html and "Förbättrats" in html
    # the plan's files are still exactly the shipped ones
    for name in ("mal.yaml", "indikatorer.yaml", "uppdrag.yaml", "ekonomi.yaml"):
        assert copy_2025.path(f"2025/{name}").read_bytes() == \
            (ROOT / "data" / "2025" / name).read_bytes()


def test_new_report_never_overwrites(copy_2025):
    root = copy_2025.root
    assert run(root, "new-report", "2025-delar").exit_code == 0
    copy_2025.write("2025/2025-delar/text/inledning.md", "Redan skriven.\n")
    again = run(root, "new-report", "2025-delar")
    assert again.exit_code == 0
    assert "fanns redan, orörd: data/2025/2025-delar/text/inledning.md" in again.output
    assert copy_2025.path("2025/2025-delar/text/inledning.md").read_text() == "Redan skriven.\n"
    assert copy_2025.path("2025/rapporter.yaml").read_text().count("id: 2025-delar") == 1


@pytest.mark.parametrize("args, message", [
    (("2025-xyz",), "kan inte avgöra rapporttypen"),
    (("../x",), "inget rapport-id"),
    (("2031-delar",), "ingen plan för 2031"),
    (("2025-delar", "--till", "2024-07-31"), "ligger inte i 2025"),
    (("2025-delar", "--till", "31 juli"), "inget datum"),
])
def test_new_report_usage_errors(copy_2025, args, message):
    r = run(copy_2025.root, "new-report", *args)
    assert r.exit_code == 2 and message in r.output


def test_default_period_end_follows_last_years_report(copy_2025):
    assert run(copy_2025.root, "new-report", "2025-delar").exit_code == 0
    assert "till: 2025-07-31" in copy_2025.path("2025/rapporter.yaml").read_text()


# ---------------------------------------------------------------------------
# check guarantees build: every report type from a minimal plan.

@pytest.fixture
def minimal(tmp_path: Path) -> TmpProject:
    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=())
    for name, text in MINIMAL_PLAN.items():
        project.write(f"2027/{name}", text)
    return project


def test_every_report_type_builds_from_a_scaffolded_minimal_plan(minimal, tmp_path):
    root = minimal.root
    ids = {"delar": "2027-delar", "helar": "2027-vb", "vp_forslag": "2027-vp-forslag",
           "rus": "2027-rus"}
    assert set(ids) | {"vp"} == set(REPORT_TYPES)  # a new type must be added here
    for report_id in ids.values():
        r = run(root, "new-report", report_id)
        assert r.exit_code == 0, r.output
    check = run(root, "check")
    assert check.exit_code == 0 and " 0 fel" in check.output, check.output
    out = tmp_path / "out"
    for report_id in ["2027-vp", *ids.values()]:
        r = run(root, "build", report_id, "--format", "html", "--format", "json",
                "--out", str(out))
        assert r.exit_code == 0, (report_id, r.output)
        html = (out / f"{report_id}.html").read_text(encoding="utf-8")
        assert "Exempelby kommun" in html and "Kulturnämnden" in html
    delar = (out / "2027-delar.html").read_text(encoding="utf-8")
    assert "Fler besök på biblioteken." in delar and "Bibliotek" in delar
    assert "Kommunbidrag" in delar and "mnkr" not in delar
    assert "175\u00a0900" in delar  # tkr without decimals
    vp = (out / "2027-vp.html").read_text(encoding="utf-8")
    assert "4\u00a0200" in vp  # Årets resultat = 35 600 − 210 800 + 175 900 + 3 500


def test_a_follow_up_without_its_folder_is_an_error_that_names_the_command(minimal):
    minimal.edit("2027/rapporter.yaml", "    status: utkast\n", "    status: utkast\n"
                 "  - id: 2027-delar\n    typ: delar\n    titel: Delårsrapport\n"
                 "    namnd: Kulturnämnden\n    forvaltning: Kulturförvaltningen\n"
                 "    period: {fran: 2027-01-01, till: 2027-08-31}\n    status: utkast\n")
    r = run(minimal.root, "check")
    assert r.exit_code == 1
    assert "rapporten '2027-delar' har ingen katalog data/2027/2027-delar/" in r.output
    assert "rtnreport new-report 2027-delar" in r.output
    # the plan's own report still builds: another report's problem never blocks it
    assert run(minimal.root, "build", "2027-vp", "--format", "html").exit_code == 0


def test_follow_up_values_in_a_plan_file_are_an_error_with_the_fix(minimal):
    minimal.edit("2027/indikatorer.yaml", "    malvarde: {varde: 4.5}",
                 "    malvarde: {varde: 4.5}\n    utfall: {varde: 4.1}")
    r = run(minimal.root, "check")
    assert r.exit_code == 1
    assert "indikatorer.yaml:7:5: fel: indikatorn 'besok-per-invanare': 'utfall' hör till en " \
           "uppföljning, inte till planen" in r.output
    assert "planens filer ändras aldrig" in r.output


def test_follow_up_ids_must_exist_in_the_plan(minimal):
    assert run(minimal.root, "new-report", "2027-delar").exit_code == 0
    minimal.edit("2027/2027-delar/indikatorer.yaml", "  besok-per-invanare:", "  besok-per-invanar:")
    r = run(minimal.root, "check")
    assert r.exit_code == 1
    assert "indikatorn 'besok-per-invanar' finns inte i planens indikatorer.yaml" in r.output
    assert "menade du 'besok-per-invanare'?" in r.output


def test_a_folder_that_belongs_to_no_report_is_an_error(minimal):
    minimal.write("2027/2027-delar-april/mal.yaml", "poster: {}\n")
    r = run(minimal.root, "check")
    assert r.exit_code == 1 and "katalogen 2027-delar-april/ hör inte till någon rapport" in r.output


def test_diff_compares_follow_ups_by_id(minimal):
    assert run(minimal.root, "new-report", "2027-delar").exit_code == 0
    assert run(minimal.root, "new-report", "2027-vb").exit_code == 0
    minimal.edit("2027/2027-vb/mal.yaml", "  levande-kultur:\n    bedomning:\n      status: null",
                 "  levande-kultur:\n    bedomning:\n      status: gul")
    minimal.edit("2027/2027-vb/indikatorer.yaml", "      varde: null", "      varde: 4.2")
    r = run(minimal.root, "diff", "2027-delar", "2027-vb")
    assert r.exit_code == 0, r.output
    assert "Målens bedömning" in r.output and "status: – → gul" in r.output
    assert "utfall: – → 4,2" in r.output
    r = run(minimal.root, "diff", "2027-delar", "2027-nej")
    assert r.exit_code == 2 and "okänd rapport '2027-nej'" in r.output
