"""The 3.1 summary and indicator assessment."""

from __future__ import annotations

from decimal import Decimal as D

from rtnreport import models as m
from rtnreport.config import words_for
from rtnreport.rules.maluppfyllelse import assess_indicator, maluppfyllelse


def upp(i, status):
    return m.Uppdrag(id=f"u{i}", text="t", bedomning=m.Bedomning(status=status))


def em(i, status):
    return m.Effektmal(typ="effektmal", id=f"e{i}", text="t",
                       bedomning=m.Bedomning(status=status) if status else None)


def test_summary_counts_colours_per_category():
    rows = maluppfyllelse([em(1, "gron"), em(2, "gul")], [],
                          [upp(1, "gron")] + [upp(i, "gul") for i in range(2, 7)])
    by = {r.kategori: r for r in rows}
    assert (by["uppdrag"].gron, by["uppdrag"].gul, by["uppdrag"].rod) == (1, 5, 0)
    assert by["effektmal"].shown() == (1, 1, 0, False)
    # neutral names without a project file; a category without items is left out
    assert [r.rubrik for r in rows] == ["Effektmål från fullmäktige", "Nämndens uppdrag"]


def test_summary_names_its_categories_in_the_organisations_words():
    words = words_for(m.ProjektFil(organisation="Exempelby kommun", organisationstyp="kommun"))
    rows = maluppfyllelse([em(1, "gron")], [], [], names=words.kategori)
    assert rows[0].rubrik == "Effektmål från kommunfullmäktige"


def test_unknown_colours_are_reconciled_with_the_published_counts():
    pub = m.PubliceradSammanfattning(effektmal=m.Sammanfattning(gron=2, gul=2, rod=0))
    rows = maluppfyllelse([em(1, "gron"), em(2, None), em(3, None), em(4, None)], [], [], pub)
    e = rows[0]
    assert (e.gron, e.okand) == (1, 3)
    assert e.consistent_with_published is True
    assert e.shown() == (2, 2, 0, True)


def test_published_counts_that_cannot_fit_are_flagged():
    pub = m.PubliceradSammanfattning(effektmal=m.Sammanfattning(gron=0, gul=2, rod=0))
    rows = maluppfyllelse([em(1, "gron"), em(2, None)], [], [], pub)
    assert rows[0].consistent_with_published is False
    assert rows[0].shown() == (None, None, None, False)  # unknown, shown as –


def ind(utfall=None, malvarde=None, riktning="oka", operator=None, tidigare=()):
    return m.Indikator(
        id="i", mal="e", text="t", riktning=riktning,
        utfall=m.Varde(varde=D(utfall)) if utfall is not None else None,
        malvarde=m.Varde(varde=D(malvarde), operator=operator) if malvarde is not None else None,
        tidigare_utfall=[m.Varde(varde=D(v)) for v in tidigare])


def test_indicator_reaching_its_target_is_helt():
    a = assess_indicator(ind("80.5", "80.2"))
    assert a.status == "helt"


def test_indicator_missing_target_moving_right_way_is_delvis():
    a = assess_indicator(ind("80.1", "80.2", tidigare=["79.0"]))
    assert (a.status, a.trend) == ("delvis", "forbattrad")


def test_indicator_missing_target_and_worse_is_inte_alls():
    a = assess_indicator(ind("138", "147", tidigare=["147"]))
    assert (a.status, a.trend) == ("inte_alls", "forsamrad")


def test_indicator_minska_direction():
    a = assess_indicator(ind("7.1", "7.5", riktning="minska", tidigare=["7.6"]))
    assert (a.status, a.trend) == ("helt", "forbattrad")


def test_indicator_interval_target():
    i = m.Indikator(id="i", mal="e", text="t", riktning="intervall", utfall=m.Varde(varde=D(79)),
                    malvarde=m.Varde(min=D(77), max=D(80)))
    assert assess_indicator(i).status == "helt"


def test_indicator_without_numbers_gets_no_suggestion():
    a = assess_indicator(ind())
    assert a.status is None and a.trend is None


def test_trend_uses_last_years_data_for_the_same_id():
    prev = ind("8.4")
    now = m.Indikator(id="i", mal="e", text="t", riktning="oka",
                      utfall=m.Varde(varde=D("8.7"), period="2023"))
    prev = m.Indikator(id="i", mal="e", text="t", riktning="oka",
                       utfall=m.Varde(varde=D("8.4"), period="2022"))
    assert assess_indicator(now, prev).trend == "forbattrad"
    same = m.Indikator(id="i", mal="e", text="t", riktning="oka",
                       utfall=m.Varde(varde=D("8.7"), period="2023"))
    assert assess_indicator(now, same).trend is None  # same period: not an earlier value
