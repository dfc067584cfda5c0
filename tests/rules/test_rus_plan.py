"""RUS colour counts and the planning rules."""

from __future__ import annotations

from conftest import ROOT
from rtnreport import models as m
from rtnreport.followup import load_report
from rtnreport.loading import load_year
from rtnreport.rules.plan import uppdrag_till_namnden
from rtnreport.rules.rus import rus_counts


def goal(effektmal=(), antal=None, fordelning=None):
    return m.RusOvergripandeMal(
        id="g", rubrik="G", antal_effektmal=antal, publicerad_fordelning=fordelning,
        effektmal=[m.RusEffektmal(id=f"e{i}", text="e", bedomning=m.Bedomning(status=s))
                   for i, s in enumerate(effektmal)])


def counts(g):
    return rus_counts(m.RusFil(overgripande_mal=[g]))[0]


def test_complete_items_are_counted():
    c = counts(goal(["gron", "gul", "rod"]))
    assert c.complete and c.shown()["antal"] == 3 and not c.shown()["fran_text"]


def test_partial_text_counts_are_shown_as_stated():
    c = counts(goal([None, None], antal=8, fordelning=m.RusFordelning(gron=4, ej_grona=4)))
    shown = c.shown()
    assert (shown["gron"], shown["gul"], shown["rod"], shown["ej_grona"], shown["antal"]) == (
        4, None, None, 4, 8)
    assert shown["fran_text"] and c.conflicts() == []


def test_named_items_fewer_than_stated_are_not_complete():
    c = counts(goal(["gron", "gul", "rod"], fordelning=m.RusFordelning(gron=2, gul=3, rod=1)))
    assert not c.complete
    assert c.shown()["antal"] == 6


def test_conflicting_counts_are_found():
    c = counts(goal(["rod", "rod"], fordelning=m.RusFordelning(gul=2, rod=1)))
    assert c.conflicts() == ["2 effektmål är rod i data men texten anger 1"]


def test_shipped_rus_counts_match_the_text():
    data, _ = load_report(ROOT / "data", "2025-rus")
    shown = {c.mal.id: c.shown() for c in rus_counts(data.rus)}
    assert shown["rus-stark-konkurrenskraft"]["gron"] == 4
    assert shown["rus-stark-konkurrenskraft"]["antal"] == 8
    assert (shown["rus-hog-och-jamlik-livskvalitet"]["gul"],
            shown["rus-hog-och-jamlik-livskvalitet"]["rod"]) == (2, 4)
    g = shown["rus-god-resurseffektivitet"]
    assert (g["gron"], g["gul"], g["rod"]) == (2, 3, 1)


def test_uppdrag_to_the_namnd_2026_are_the_published_17():
    data, _ = load_year(ROOT / "data", "2026")
    numbers = [u.nummer for u in uppdrag_till_namnden(data.uppdrag.uppdrag)]
    assert len(numbers) == data.uppdrag.publicerat_antal_till_namnden == 17
    assert {"27", "28", "29", "30", "31", "32", "33", "50", "61"} <= set(numbers)
