"""The shipped data against its sources: every published derived figure is reproduced.

The data records the figures the published reports printed (``publicerat``);
these tests compute every table of Delårsrapport 2024 and Verksamhetsberättelse
2023 and require each printed figure to agree within the rounding of the
inputs.  A changed rule breaks them.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import ROOT
from rtnreport.followup import load_report
from rtnreport.rules import arith, ekonomi, personal
from rtnreport.rules.report import compute_year, published_findings


REPORT = {"2023": "2023-vb", "2024": "2024-delar"}


def computed(year):
    data, problems = load_report(ROOT / "data", REPORT[year])
    assert not [p for p in problems if p.level == "error"]
    return compute_year(data)


@pytest.mark.parametrize("year, tables", [
    ("2024", {"resultatrapport", "driftredovisning", "investeringar", "handlingsplan",
              "lonekostnad", "kostnadsanalys", "arsarbetare-avtalad-sysselsattningsgrad",
              "arsarbetare-exkl-tjanstlediga", "sjukfranvaro"}),
    ("2023", {"resultatrapport", "driftredovisning", "kostnadsanalys",
              "arsarbetare-avtalad-sysselsattningsgrad", "sjukfranvaro"}),
])
def test_every_published_figure_is_reproduced(year, tables):
    c = computed(year)
    assert tables <= set(c.tables)
    checked = {key for key, pubs in c.published.items() if pubs}
    assert tables <= checked, f"tables without published figures: {tables - checked}"
    errors = [f.message for f in published_findings(c) if f.level == "error"]
    assert errors == []


def test_2024_rounding_differences_are_reported_as_such():
    c = computed("2024")
    infos = [f.message for f in published_findings(c) if f.level == "info"]
    assert any("Summa intäkter, Utfall ack: publicerat 76,2, beräknat 76,3" in m for m in infos)
    assert all(m.startswith("avrundningsdifferens") for m in infos)


def test_2023_division_by_zero_rows_are_missing_not_an_error():
    c = computed("2023")
    t = c.tables["kostnadsanalys"]
    zero_base = [r for r in t.rows if r.cells["utfall_fg_ar"] == 0]
    assert len(zero_base) >= 2  # the rows that printed #DIVISION/0! in 2023
    assert all(r.cells["forandring_procent"] is None for r in zero_base)


def test_2023_resultatrapport_helar_columns():
    t = computed("2023").tables["resultatrapport"]
    assert [c.key for c in t.columns] == ["utfall", "budget", "utfall_fg_ar", "budgetavvikelse",
                                          "utfallsavvikelse"]
    assert t.cell("erhallna_bidrag", "budgetavvikelse") == D("5.5")
    assert t.cell("summa_intakter", "utfall") == D("138.1")


@pytest.mark.parametrize("module, name, broken", [
    (personal, "relative_change", lambda new, old: None if new is None or old is None
     else arith.percent(abs(old) - abs(new), abs(old))),
    (ekonomi, "percent", lambda a, b: arith.percent(b, a)),
    (personal, "percent", lambda a, b: arith.div(a, b)),
    (personal, "sub", lambda a, b: None if a is None or b is None else b - a),
    (ekonomi, "total", lambda values: arith.total(list(values)[:-1])),
])
def test_a_changed_rule_breaks_published_figures(monkeypatch, module, name, broken):
    monkeypatch.setattr(module, name, broken)
    errors = [f for y in ("2023", "2024") for f in published_findings(computed(y))
              if f.level == "error"]
    assert errors, f"changing {module.__name__}.{name} went unnoticed"
