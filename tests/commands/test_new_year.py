"""rtnreport new-year: carry ids and structure, empty the year's outcomes."""

from __future__ import annotations

from click.testing import CliRunner

from rtnreport.__main__ import cli
from rtnreport.diff.engine import diff_years
from rtnreport.followup import load_report
from rtnreport.loading import load_year


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def test_new_year_carries_ids_and_empties_outcomes(copy_2024):
    r = run(copy_2024.root, "new-year", "2025", "--from", "2024")
    assert r.exit_code == 0, r.output
    assert "förde över 24 indikatorer/styrtal" in r.output
    assert "förde inte över rapporter.yaml" in r.output
    old, _ = load_report(copy_2024.root / "data", "2024-delar")
    new, problems = load_year(copy_2024.root / "data", "2025")
    assert [p for p in problems if p.level == "error"] == []
    assert [i.id for i in new.indikatorer.indikatorer] == [i.id for i in old.indikatorer.indikatorer]
    ind = {i.id: i for i in new.indikatorer.indikatorer}["behorighet-gymnasieskolan"]
    assert ind.utfall is None and ind.bedomning is None and ind.kommentar is None
    assert str(ind.senast_kanda.varde) == "80.1" and ind.senast_kanda.period == "2023"
    assert ind.tidigare_utfall == []  # outcomes belong to follow-ups, not to the plan
    upp = new.uppdrag.uppdrag[0]
    assert upp.bedomning is None and upp.kontinuitet == "Från 2024 fortsätter 2025"
    assert all(r.budgetavvikelse is None for r in new.ekonomi.driftredovisning.rader)
    rows = {r.id: r for r in new.ekonomi.resultatrapport.rader}
    assert rows["erhallna_bidrag"].utfall_ack is None and rows["erhallna_bidrag"].slag == "intakt"
    assert rows["resultat"].summa == ["verksamhetens_nettokostnad", "finansnetto"]
    assert new.ekonomi.resultatrapport.kolumner == "vp"
    assert new.personal is None and "personalekonomin" in r.output
    assert all(a.status is None for o in new.internkontroll.omraden for r in o.risker
               for a in r.atgarder)
    assert not (copy_2024.root / "data" / "2025" / "2024-delar").exists()
    assert new.mal.publicerad_sammanfattning is None
    # the diff sees continuing items, not a wall of additions
    result = diff_years(old, new)
    assert not [c for c in result.changes if c.kind in ("added", "removed")
                and c.section in ("mal", "indikatorer", "uppdrag")]


def test_new_year_never_overwrites(copy_2024):
    assert run(copy_2024.root, "new-year", "2025", "--from", "2024").exit_code == 0
    r = run(copy_2024.root, "new-year", "2025", "--from", "2024")
    assert r.exit_code == 2 and "finns redan" in r.output


def test_new_year_refuses_a_broken_source(copy_2024):
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    r = run(copy_2024.root, "new-year", "2025", "--from", "2024")
    assert r.exit_code == 1 and "decimalkomma" in r.output
    assert not (copy_2024.root / "data" / "2025").exists()
