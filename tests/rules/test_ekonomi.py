"""Ekonomi rules against the published Delårsrapport 2024 and Verksamhetsberättelse 2023.

The input figures are typed here from the sources (beancount style: the test
holds its data), so the published derived figures are an independent oracle.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import resultat_rader
from rtnreport import models as m
from rtnreport.rules.arith import as_interval
from rtnreport.rules.consistency import check_published, round_like
from rtnreport.rules.ekonomi import (
    compute_driftredovisning,
    compute_handlingsplan,
    compute_investeringar,
    compute_resultatrapport,
)
from rtnreport.rules.table import Published

ROWS_2024 = {  # utfall_ack, budget_ack, utfall_ack_fg_ar, prognos, budget, budgetavvikelse_fg_ar
    "erhallna_bidrag": ("59.9", "60.4", "62.9", "103.1", "103.8", "5.5"),
    "ovriga_intakter": ("16.4", "15.7", "16.3", "30.0", "27.3", "3.2"),
    "personalkostnader": ("-86.9", "-87.5", "-92.9", "-156.2", "-151.5", "-1.2"),
    "lamnade_bidrag": ("-30.8", "-27.2", "-30.6", "-48.9", "-46.7", "-6.2"),
    "ovriga_kostnader": ("-35.7", "-44.7", "-40.3", "-72.4", "-76.8", "7.5"),
    "avskrivningar": ("-0.8", "-1.1", "-0.6", "-1.7", "-2.0", "0.2"),
    "finansnetto": ("-0.1", "-0.1", "0.0", "-0.1", "-0.3", "0.0"),
}
COLS_2024 = ("utfall_ack", "budget_ack", "utfall_ack_fg_ar", "prognos", "budget",
             "budgetavvikelse_fg_ar")

# The published 2024 table, derived cells only (4.1 Resultatrapport).
PUBLISHED_2024 = {
    ("summa_intakter", "utfall_ack"): "76.2", ("summa_intakter", "budget_ack"): "76.1",
    ("summa_intakter", "budgetavvikelse_ack"): "0.2", ("summa_intakter", "prognos"): "133.1",
    ("summa_intakter", "budget"): "131.0", ("summa_intakter", "prognosavvikelse"): "2.1",
    ("summa_kostnader", "utfall_ack"): "-154.1", ("summa_kostnader", "budget_ack"): "-160.5",
    ("summa_kostnader", "budgetavvikelse_ack"): "6.4", ("summa_kostnader", "prognos"): "-279.1",
    ("summa_kostnader", "budget"): "-276.9", ("summa_kostnader", "prognosavvikelse"): "-2.2",
    ("verksamhetens_nettokostnad", "utfall_ack"): "-77.9",
    ("verksamhetens_nettokostnad", "budget_ack"): "-84.5",
    ("verksamhetens_nettokostnad", "prognos"): "-146.0",
    ("resultat", "utfall_ack"): "-78.0", ("resultat", "budget_ack"): "-84.6",
    ("resultat", "budgetavvikelse_ack"): "6.6", ("resultat", "utfall_ack_fg_ar"): "-85.3",
    ("resultat", "prognos"): "-146.2", ("resultat", "budget"): "-146.2",
    ("resultat", "prognosavvikelse"): "0.0", ("resultat", "budgetavvikelse_fg_ar"): "9.0",
    ("erhallna_bidrag", "budgetavvikelse_ack"): "-0.5",
    ("erhallna_bidrag", "prognosavvikelse"): "-0.7",
    ("ovriga_intakter", "prognosavvikelse"): "2.8",
    ("personalkostnader", "prognosavvikelse"): "-4.7",
    ("lamnade_bidrag", "budgetavvikelse_ack"): "-3.6",
    ("ovriga_kostnader", "budgetavvikelse_ack"): "9.1",
}


def resultatrapport_2024() -> m.Resultatrapport:
    values = {key: {c: D(v) for c, v in zip(COLS_2024, vals)} for key, vals in ROWS_2024.items()}
    return m.Resultatrapport(kolumner="delar", rader=resultat_rader(values))


def test_resultatrapport_2024_reproduces_every_published_figure_within_rounding():
    rr = resultatrapport_2024()
    exact = compute_resultatrapport(rr)
    interval = compute_resultatrapport(rr, as_interval)
    published = [Published("resultatrapport", r, c, D(v), "ekonomi.yaml") for (r, c), v in
                 PUBLISHED_2024.items()]
    findings = check_published(exact, interval, published)
    assert [f for f in findings if f.level == "error"] == []
    # the known rounding differences, e.g. 59,9 + 16,4 published as 76,2
    rounding = {(f.path, f.message.split(":")[0]) for f in findings}
    assert any("Summa intäkter, Utfall ack" in msg for _, msg in rounding)
    assert len(findings) == 14  # each an info: inside the rounding of the inputs


def test_resultatrapport_2024_exact_figures():
    t = compute_resultatrapport(resultatrapport_2024())
    assert [r.key for r in t.rows] == [
        "erhallna_bidrag", "ovriga_intakter", "summa_intakter", "personalkostnader",
        "lamnade_bidrag", "ovriga_kostnader", "avskrivningar", "summa_kostnader",
        "verksamhetens_nettokostnad", "finansnetto", "resultat"]
    assert t.cell("summa_intakter", "utfall_ack") == D("76.3")
    assert t.cell("erhallna_bidrag", "budgetavvikelse_ack") == D("-0.5")
    assert t.cell("personalkostnader", "prognosavvikelse") == D("-4.7")
    assert t.cell("resultat", "prognosavvikelse") == D("0.0")
    assert t.cell("resultat", "budgetavvikelse_fg_ar") == D("9.0")
    assert [c.key for c in t.columns if c.derived] == ["budgetavvikelse_ack", "prognosavvikelse"]


@pytest.mark.parametrize("mutation", ["swap", "sign"])
def test_a_changed_rule_breaks_a_published_figure(monkeypatch, mutation):
    """If the deviation rule changed, the published figures would no longer agree."""
    from rtnreport.rules import ekonomi

    if mutation == "swap":
        monkeypatch.setattr(ekonomi, "sub", lambda a, b: None if a is None or b is None else b - a)
    else:
        def wrong_total(values):
            xs = list(values)
            return None if None in xs else xs[0] - sum(xs[1:])
        monkeypatch.setattr(ekonomi, "total", wrong_total)
    rr = resultatrapport_2024()
    published = [Published("resultatrapport", r, c, D(v), "ekonomi.yaml") for (r, c), v in
                 PUBLISHED_2024.items()]
    findings = check_published(compute_resultatrapport(rr), compute_resultatrapport(rr, as_interval),
                               published)
    assert any(f.level == "error" for f in findings)


def test_resultatrapport_2023_helar():
    # Verksamhetsberättelse 2023, 4.1: utfall 2023, budget 2023, utfall 2022
    rows = {
        "erhallna_bidrag": ("109.7", "104.2", "111.8"),
        "ovriga_intakter": ("28.4", "25.2", "24.5"),
    }
    values = {k: {"utfall": D(a), "budget": D(b), "utfall_fg_ar": D(c)}
              for k, (a, b, c) in rows.items()}
    for k in ("personalkostnader", "lamnade_bidrag", "ovriga_kostnader", "avskrivningar",
              "finansnetto"):
        values[k] = {"utfall": D(0), "budget": D(0), "utfall_fg_ar": D(0)}
    t = compute_resultatrapport(m.Resultatrapport(kolumner="helar", rader=resultat_rader(values)))
    assert t.cell("erhallna_bidrag", "budgetavvikelse") == D("5.5")
    assert t.cell("erhallna_bidrag", "utfallsavvikelse") == D("-2.1")
    assert t.cell("summa_intakter", "utfall") == D("138.1")
    assert t.cell("summa_intakter", "budgetavvikelse") == D("8.7")
    assert t.cell("summa_intakter", "utfallsavvikelse") == D("1.8")


DRIFT_2024 = [  # id, budgetavvikelse ack 2024, omsättning, published relation, avvikelse 2023
    ("utbildning-arbetsmarknad", "0.9", "12.9", "7.0", "0.9"),
    ("fellingsbro", "0.5", "39.2", "1.3", "0.0"),
    ("kavesta", "1.3", "25.6", "5.1", "0.7"),
    ("naringsliv", "1.1", "23.3", "4.7", "1.5"),
    ("valfard", "0.2", "17.1", "1.2", "0.3"),
    ("energi", "0.9", "11.6", "7.8", "1.1"),
    ("forvaltning", "1.7", "31.0", "5.5", "0.9"),
]


def test_driftredovisning_2024_relation_and_totals():
    dr = m.Driftredovisning(period="ack 2024", rader=[
        m.DriftRad(id=i, namn=i, budgetavvikelse=D(a), omsattning=D(o), budgetavvikelse_fg_ar=D(f))
        for i, a, o, _, f in DRIFT_2024])
    t = compute_driftredovisning(dr)
    for i, _, _, rel, _ in DRIFT_2024:
        assert round_like(t.cell(i, "relation"), D(rel)) == D(rel)
    assert t.cell("summa", "budgetavvikelse") == D("6.6")
    assert t.cell("summa", "omsattning") == D("160.7")
    assert round_like(t.cell("summa", "relation"), D("4.1")) == D("4.1")
    assert t.cell("summa", "budgetavvikelse_fg_ar") == D("5.4")
    assert [c.key for c in t.columns] == ["budgetavvikelse", "omsattning", "relation",
                                          "budgetavvikelse_fg_ar"]


def test_driftredovisning_zero_omsattning_gives_missing_relation():
    dr = m.Driftredovisning(period="2024", rader=[
        m.DriftRad(id="a", namn="A", budgetavvikelse=D("1.0"), omsattning=D("0.0"))])
    assert compute_driftredovisning(dr).cell("a", "relation") is None


def test_handlingsplan_summa_is_the_sum_of_effect_rows():
    cols = [m.Kolumn(id=c, rubrik=c) for c in ("plan", "utfall", "p24", "p25", "p26")]
    rows = [
        ("antal", "antal", ["94", "46", "75", "93", "94"]),
        ("arsarbetare", "arsarbetare", ["25.4", "16.7", "23.2", "24.8", "25.6"]),
        ("intakter", "effekt", ["4.8", "2.1", "4.2", "5.0", "5.0"]),
        ("hyrlakare", "rubrik", []),
        ("personalkostnader", "effekt", ["16.1", "5.4", "10.5", "15.2", "16.1"]),
        ("ovriga", "effekt", ["12.6", "7.3", "12.5", "12.6", "12.6"]),
    ]
    hp = m.Handlingsplan(kolumner=cols, rader=[
        m.HandlingsplanRad(id=i, grupp="g", namn=i, typ=t, varden=[D(v) for v in vals])
        for i, t, vals in rows])
    t = compute_handlingsplan(hp)
    assert [t.cell("summa", c.id) for c in cols] == [D("33.5"), D("14.8"), D("27.2"), D("32.8"),
                                                       D("33.7")]
    assert t.cell("arsarbetare", "utfall") == D("16.7")


def test_investeringar_summa():
    inv = m.Investeringar(kolumner=["utfall_ack", "prognos", "budget", "utfall_fg_ar"],
                          kolumnrubriker=["a", "b", "c", "d"],
                          rader=[m.InvesteringRad(namn="Övrig utrustning", utfall_ack=D("5.7"),
                                                  prognos=D("12.1"), budget=D("12.1"),
                                                  utfall_fg_ar=D("0.7"))])
    t = compute_investeringar(inv)
    assert t.cell("summa", "utfall_ack") == D("5.7") and t.cell("summa", "utfall_fg_ar") == D("0.7")
