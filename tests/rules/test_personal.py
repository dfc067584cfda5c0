"""Personal rules against the published tables (Delårsrapport 2024, Verksamhetsberättelse 2023)."""

from __future__ import annotations

from decimal import Decimal as D

from rtnreport import models as m
from rtnreport.rules.consistency import round_like
from rtnreport.rules.personal import (
    compute_arsarbetare,
    compute_kostnadsanalys,
    compute_lonekostnad,
    compute_sjukfranvaro,
)


def r1(x):
    return round_like(x, D("0.1"))


def test_lonekostnad_okningstakt_2024():
    lk = m.Lonekostnad(rubrik="Lönekostnad (40-41) (mnkr)", utfall_ack=D("-54.7"),
                       utfall_ack_fg_ar=D("-60.0"), prognos=D("-97.3"), utfall_fg_ar=D("-104.3"),
                       okningstakt_ack_fg_ar=D("4.5"), okningstakt_fg_ar=D("1.7"))
    t = compute_lonekostnad(lk)
    assert r1(t.cell("lonekostnad", "okningstakt_ack")) == D("-8.8")
    assert r1(t.cell("lonekostnad", "okningstakt_prognos")) == D("-6.7")
    assert [c.key for c in t.columns] == [
        "utfall_ack", "utfall_ack_fg_ar", "prognos", "utfall_fg_ar", "okningstakt_ack",
        "okningstakt_ack_fg_ar", "okningstakt_prognos", "okningstakt_fg_ar"]


def test_kostnadsanalys_2024_manadsloner_and_total():
    ka = m.Kostnadsanalys(kolumnrubriker=["Utfall ack", "Utfall ack fg år"], rader=[
        m.KostnadsRad(namn="Månadslöner", utfall=D("-49.0"), utfall_fg_ar=D("-53.1")),
        m.KostnadsRad(namn="Övrigt", utfall=D("0.5"), utfall_fg_ar=D("0.2")),
    ])
    t = compute_kostnadsanalys(ka)
    assert t.cell("rad-0", "forandring") == D("4.1")
    assert r1(t.cell("rad-0", "forandring_procent")) == D("-7.7")
    assert t.cell("summa", "utfall") == D("-48.5")


def test_kostnadsanalys_zero_base_gives_missing_not_division_error():
    # Verksamhetsberättelse 2023 printed #DIVISION/0! for a row with a zero base
    ka = m.Kostnadsanalys(kolumnrubriker=["Utfall 2023", "Utfall 2022"], rader=[
        m.KostnadsRad(namn="Ny kostnad", utfall=D("-0.3"), utfall_fg_ar=D("0.0"))])
    t = compute_kostnadsanalys(ka)
    assert t.cell("rad-0", "forandring") == D("-0.3")
    assert t.cell("rad-0", "forandring_procent") is None


def test_kostnadsanalys_guide_example_2023():
    ka = m.Kostnadsanalys(kolumnrubriker=["Utfall 2023", "Utfall 2022"], rader=[
        m.KostnadsRad(namn="Månadslöner", utfall=D("-90.2"), utfall_fg_ar=D("-88.4"))])
    t = compute_kostnadsanalys(ka)
    assert t.cell("rad-0", "forandring") == D("-1.8")
    assert r1(t.cell("rad-0", "forandring_procent")) == D("2.0")


def test_arsarbetare_2024_totals_and_changes():
    aa = m.Arsarbetare(id="avtalad", rubrik="Årsarbetare", grupper=["Kvinnor", "Män"],
                       tidpunkt="31 juli 2024", tidpunkt_fg_ar="31 juli 2023", rader=[
        m.ArsarbetareRad(namn="Administratör", i_ar=[D("5.0"), D("2.0")], fg_ar=[D("6.8"), D("2.0")]),
        m.ArsarbetareRad(namn="Chef", i_ar=[D("11.0"), D("8.0")], fg_ar=[D("10.0"), D("7.0")]),
    ])
    t = compute_arsarbetare(aa)
    assert t.cell("rad-0", "totalt") == D("7.0")
    assert t.cell("rad-0", "d_g1") == D("-1.8")
    assert t.cell("rad-1", "d_totalt") == D("2.0")
    assert t.cell("summa", "g1") == D("16.0") and t.cell("summa", "d_totalt") == D("0.2")


def h(k, man):
    return m.SjukfranvaroTimmar(kvinnor=D(k), man=D(man))


def test_sjukfranvaro_2024_percent_of_scheduled_hours():
    sf = m.Sjukfranvaro(rubrik="Sjukfrånvaro", period="jan–jun 2024", period_fg_ar="jan–jun 2023",
                        schemalagda_timmar=h(132038, 66659), schemalagda_timmar_fg_ar=h(142709, 67710),
                        korttid=h(2228, 917), korttid_fg_ar=h(2984, 1101),
                        langtid=h(3342, 1587), langtid_fg_ar=h(2644, 1001))
    t = compute_sjukfranvaro(sf)
    published = {  # 5.5, the % rows: [kvinnor, män, totalt, fg…, förändring…]
        "korttid_procent": ["1.7", "1.4", "1.6", "2.1", "1.6", "1.9", "-0.4", "-0.3", "-0.4"],
        "langtid_procent": ["2.5", "2.4", "2.5", "1.9", "1.5", "1.7", "0.7", "0.9", "0.7"],
        "totalt_procent": ["4.2", "3.8", "4.1", "3.9", "3.1", "3.7", "0.3", "0.7", "0.4"],
    }
    cols = ["kvinnor", "man", "totalt", "fg_kvinnor", "fg_man", "fg_totalt", "d_kvinnor", "d_man",
            "d_totalt"]
    for row, values in published.items():
        assert [r1(t.cell(row, c)) for c in cols] == [D(v) for v in values], row
    assert t.cell("totalt_tim", "totalt") == D(8074)
    assert t.cell("schemalagda_timmar", "d_kvinnor") == D(-10671)


def test_sjukfranvaro_missing_hours_give_missing_percent():
    sf = m.Sjukfranvaro(rubrik="S", period="a", period_fg_ar="b",
                        schemalagda_timmar=m.SjukfranvaroTimmar(kvinnor=D(0), man=None),
                        schemalagda_timmar_fg_ar=h(1, 1), korttid=h(1, 1), korttid_fg_ar=h(1, 1),
                        langtid=h(1, 1), langtid_fg_ar=h(1, 1))
    t = compute_sjukfranvaro(sf)
    assert t.cell("korttid_procent", "kvinnor") is None
    assert t.cell("korttid_procent", "man") is None
    assert t.cell("korttid_procent", "d_totalt") is None
