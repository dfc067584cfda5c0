"""Economy tables declared in the data: other committees' accounts add up, in their units.

Two invented committees (test fixtures, not shipped data): a municipal
kulturnämnd funded by kommunbidrag and a regional nämnd funded by regionbidrag,
both reporting in tkr.
"""

from __future__ import annotations

import re
from html import unescape
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, TmpProject
from rtnreport import models as m
from rtnreport.__main__ import cli
from rtnreport.rules.ekonomi import compute_resultatrapport, sum_cycles


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def plan(region: str, namnd: str, anslag_id: str, anslag_namn: str) -> dict[str, str]:
    return {
        "rapporter.yaml": f"""
            rapporter:
              - id: 2027-delar
                typ: delar
                titel: Delårsrapport
                namnd: {namnd}
                forvaltning: Kulturförvaltningen
                region: {region}
                period: {{fran: 2027-01-01, till: 2027-08-31}}
                status: utkast
        """,
        "mal.yaml": """
            perspektiv:
              - id: invanare_och_samhalle
                rubrik: Invånare
                poster:
                  - {typ: mal, id: fler-besok, kategori: namndmal, text: Fler besökare.}
        """,
        "indikatorer.yaml": """
            indikatorer:
              - {id: besok, mal: fler-besok, text: Besök per invånare ska öka., riktning: oka}
        """,
        "2027-delar/mal.yaml": """
            poster:
              fler-besok: {bedomning: {status: gron, trend: forbattrad}}
        """,
        "2027-delar/indikatorer.yaml": """
            indikatorer:
              besok: {utfall: {varde: 4.1, period: "2026"}, bedomning: {status: helt}}
        """,
        "2027-delar/ekonomi.yaml": f"""
            resultatrapport:
              rubrik: Resultaträkning
              enhet: tkr
              kolumner: [utfall_ack, budget_ack, budgetavvikelse_ack, prognos, budget,
                         prognosavvikelse]
              rader:
                - {{id: intakter, namn: Verksamhetens intäkter, slag: intakt,
                   utfall_ack: 35600, budget_ack: 34000, prognos: 52000, budget: 51000}}
                - {{id: kostnader, namn: Verksamhetens kostnader, slag: kostnad,
                   utfall_ack: -210800, budget_ack: -212000, prognos: -318000,
                   budget: -316000}}
                - {{id: nettokostnad, namn: Verksamhetens nettokostnad, slag: summa,
                   summa: [intakter, kostnader]}}
                - {{id: {anslag_id}, namn: {anslag_namn}, slag: anslag,
                   utfall_ack: 175900, budget_ack: 175900, prognos: 263850, budget: 263850}}
                - {{id: finansnetto, namn: Finansnetto, slag: finansiell,
                   utfall_ack: 3500, budget_ack: 1000, prognos: 1500, budget: 1500}}
                - {{id: resultat, namn: Årets resultat, slag: summa,
                   summa: [nettokostnad, {anslag_id}, finansnetto]}}
              publicerat:
                resultat: {{utfall_ack: 4200}}
            driftredovisning:
              enhet: tkr
              period: jan–aug 2027
              rader:
                - {{id: bibliotek, namn: Bibliotek, budgetavvikelse: 1250, omsattning: 40000,
                   kommentar: Vakanser under våren.}}
                - {{id: kulturskola, namn: Kulturskola, budgetavvikelse: -350,
                   omsattning: 25000}}
        """,
        "2027-delar/text/inledning.md": "Inledning.\n",
        "2027-delar/text/vasentliga-handelser.md": "Händelser.\n",
        "2027-delar/text/resultatrapport-analys.md": "Analys.\n",
        "2027-delar/text/periodens-resultat.md": "Resultatet är [[resultatrapport.resultat.utfall_ack]] tkr.\n",
        "2027-delar/text/helarsprognos.md": "Prognos.\n",
        "2027-delar/text/handlingsplan.md": "Ingen handlingsplan behövs.\n",
    }


COMMITTEES = {
    "kommun": ("Exempelby kommun", "Kulturnämnden", "kommunbidrag", "Kommunbidrag"),
    "region": ("Region Exempelland", "Kulturnämnden", "regionbidrag", "Regionbidrag"),
}


@pytest.fixture(params=sorted(COMMITTEES))
def committee(request, tmp_path) -> tuple[str, TmpProject]:
    project = TmpProject(tmp_path / request.param, copy_from=ROOT, years=())
    for name, text in plan(*COMMITTEES[request.param]).items():
        project.write(f"2027/{name}", text)
    return request.param, project


def test_result_equals_the_committees_own_statement_in_tkr(committee, tmp_path):
    kind, project = committee
    check = run(project.root, "check", "2027")
    assert check.exit_code == 0 and " 0 fel, 0 varningar" in check.output, check.output
    out = tmp_path / "out"
    r = run(project.root, "build", "2027-delar", "--out", str(out), "--format", "html",
            "--format", "json")
    assert r.exit_code == 0, r.output
    html = unescape((out / "2027-delar.html").read_text(encoding="utf-8"))
    row = re.search(r'<th scope="row">Årets resultat</th>\s*<td class="num">([^<]*)</td>', html)
    assert row and row.group(1) == "4\u00a0200"  # 35 600 − 210 800 + 175 900 + 3 500
    assert COMMITTEES[kind][3] in html
    assert "Resultatet är 4\u00a0200 tkr." in html  # prose cites the computed figure
    assert "mnkr" not in html
    assert "(+1\u00a0250\u00a0tkr)" in html  # a per-area comment in the table's unit
    assert "Budgetavvikelse per område, jan–aug 2027 (tkr)" in html
    table = html[html.index("<caption>Resultatrapport, belopp i tkr"):]
    table = table[:table.index("</table>")]
    assert re.search(r">−?\d[\d\u00a0]*,\d<", table) is None  # tkr cells have no decimals
    assert "−175\u00a0200" in table  # the net cost, summed: 35 600 − 210 800


def test_rules_compute_sums_of_sums_in_declared_order():
    rr = m.Resultatrapport(kolumner=["utfall", "budget", "budgetavvikelse"], enhet="tkr", rader=[
        m.ResultatRad(id="resultat", namn="Resultat", slag="summa", summa=["netto", "anslag"]),
        m.ResultatRad(id="intakt", namn="Intäkter", slag="intakt", utfall=D(10), budget=D(8)),
        m.ResultatRad(id="kostnad", namn="Kostnader", slag="kostnad", utfall=D(-50),
                      budget=D(-49)),
        m.ResultatRad(id="netto", namn="Netto", slag="summa", summa=["intakt", "kostnad"]),
        m.ResultatRad(id="anslag", namn="Kommunbidrag", slag="anslag", utfall=D(42),
                      budget=D(41)),
    ])
    t = compute_resultatrapport(rr)
    assert [r.key for r in t.rows] == ["resultat", "intakt", "kostnad", "netto", "anslag"]
    assert t.cell("resultat", "utfall") == D(2) and t.cell("resultat", "budget") == D(0)
    assert t.cell("resultat", "budgetavvikelse") == D(2)
    assert t.row("resultat").summa and not t.row("anslag").summa
    assert all(c.kind == "tkr" for c in t.columns)


def test_a_missing_part_makes_a_sum_unknown_not_zero():
    rr = m.Resultatrapport(kolumner=["utfall"], rader=[
        m.ResultatRad(id="a", namn="A", slag="intakt", utfall=D(1)),
        m.ResultatRad(id="b", namn="B", slag="kostnad"),
        m.ResultatRad(id="s", namn="S", slag="summa", summa=["a", "b"]),
    ])
    assert compute_resultatrapport(rr).cell("s", "utfall") is None


def test_cycles_are_found_and_do_not_hang():
    rr = m.Resultatrapport(kolumner=["utfall"], rader=[
        m.ResultatRad(id="a", namn="A", slag="summa", summa=["b"]),
        m.ResultatRad(id="b", namn="B", slag="summa", summa=["a"]),
    ])
    assert sum_cycles(rr) == [["a", "b", "a"]]
    assert compute_resultatrapport(rr).cell("a", "utfall") is None


@pytest.mark.parametrize("row, message", [
    ({"id": "s", "namn": "S", "slag": "summa"}, "anger inte vilka rader"),
    ({"id": "s", "namn": "S", "slag": "summa", "summa": ["a"], "utfall": D(1)},
     "tar inga värden"),
    ({"id": "a", "namn": "A", "slag": "intakt", "summa": ["b"]}, "bara en rad med slag: summa"),
])
def test_row_model_rejects_inconsistent_rows(row, message):
    with pytest.raises(ValueError, match=message):
        m.ResultatRad(**row)


def test_duplicate_row_ids_are_rejected():
    with pytest.raises(ValueError, match="finns två gånger"):
        m.Resultatrapport(kolumner="vp", rader=[
            m.ResultatRad(id="a", namn="A", slag="intakt"),
            m.ResultatRad(id="a", namn="A2", slag="kostnad")])


@pytest.mark.parametrize("old, new, level, message", [
    ("summa: [intakter, kostnader]", "summa: [intakter, kostnadr]", "fel",
     "summaraden 'nettokostnad' summerar 'kostnadr', som inte är någon rad"),
    ("summa: [intakter, kostnader]", "summa: [intakter, resultat]", "fel",
     "innehåller sig själv"),
    ("budget_ack: -212000", "budget_ack: 212000", "varning",
     "'Verksamhetens kostnader' är en kostnad men budget_ack är 212000"),
    ("prognosavvikelse]", "prognosavvikelse, utfall_fg_ar]", "varning",
     "kolumnen 'utfall_fg_ar' visas men ingen rad har värde"),
    ("resultat: {utfall_ack: 4200}", "resultat: {utfall_ack: 4900}", "fel",
     "Årets resultat, Utfall ack: publicerat 4\u00a0900 men beräknat 4\u00a0200"),
])
def test_check_reports_what_does_not_add_up(tmp_path, old, new, level, message):
    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=())
    for name, text in plan(*COMMITTEES["kommun"]).items():
        project.write(f"2027/{name}", text)
    project.edit("2027/2027-delar/ekonomi.yaml", old, new)
    r = run(project.root, "check", "2027")
    assert f"{level}: " in r.output and message in r.output, r.output
    assert r.exit_code == (1 if level == "fel" else 0)
    assert "ekonomi.yaml:" in r.output


def test_a_table_no_report_shows_is_a_warning(tmp_path):
    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=())
    for name, text in plan(*COMMITTEES["kommun"]).items():
        project.write(f"2027/{name}", text)
    text = project.path("2027/2027-delar/ekonomi.yaml").read_text(encoding="utf-8")
    project.write("2027/2027-delar/ekonomi.yaml", text + (
        "ekonomisk_ram:\n  rubrik: Ram\n  poster:\n    - {id: ram, namn: Kommunbidrag, varde: 263850}\n"))
    r = run(project.root, "check", "2027")
    assert "den ekonomiska ramen (ekonomisk_ram) visas inte i 2027-delar" in r.output
