"""The semantic diff: identity by id, renumbered/reworded/moved, figures, missing sections."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from conftest import ROOT, resultat_rader
from rtnreport import models as m
from rtnreport.diff.engine import diff_years, word_diff
from rtnreport.loading import YearData, load_year


def year(label, posts=(), indikatorer=(), uppdrag=(), ekonomi=None) -> YearData:
    data = YearData(year=label, root=Path(label))
    data.mal = m.MalFil(perspektiv=[m.PerspektivAvsnitt(id="invanare_och_samhalle", rubrik="I",
                                                        poster=list(posts))])
    data.indikatorer = m.IndikatorFil(indikatorer=list(indikatorer))
    data.uppdrag = m.UppdragFil(uppdrag=list(uppdrag))
    data.ekonomi = ekonomi
    return data


EM = m.Effektmal(typ="effektmal", id="em", nummer="5", text="Effektmålet.")
EM2 = m.Effektmal(typ="effektmal", id="em2", nummer="6", text="Ett annat.")


def fokus(nummer, text="Målet.", parent="em"):
    return m.Mal(typ="mal", id="fokus", kategori="fokusomrade", nummer=nummer, text=text,
                 effektmal=parent)


def upp(nummer, text, ursprung=None, mal="fokus"):
    return m.Uppdrag(id="u", nummer=nummer, text=text, ursprung=ursprung, mal=mal)


def section(result, key):
    return next(s for s in result.sections if s.key == key)


def test_renumbered_uppdrag_is_one_change_not_add_and_remove():
    a = year("2025", [EM, fokus("4.1.1")], uppdrag=[upp("19", "Att främja X.", "DN 2025")])
    b = year("2026", [EM, fokus("4.1.1")], uppdrag=[upp("27", "Att främja X.", "FM 2026")])
    s = section(diff_years(a, b), "uppdrag")
    (c,) = s.changes
    assert c.kind == "changed" and c.tags == ["omnumrerad", "nytt ursprung"]
    assert [(f.before, f.after) for f in c.fields] == [("19", "27"), ("DN 2025", "FM 2026")]


def test_reworded_goal_has_a_word_level_view():
    a = year("a", [EM, fokus("5.1.1", "Region Örebro län agerar och upplevs som en kraft.")])
    b = year("b", [EM, fokus("4.1.1", "Region Örebro län är en kraft.")])
    (c,) = section(diff_years(a, b), "mal").changes
    text = next(f for f in c.fields if f.field == "text")
    assert [(w.op, w.text) for w in text.words] == [
        ("equal", "Region Örebro län"), ("delete", "agerar och upplevs som"),
        ("insert", "är"), ("equal", "en kraft.")]
    assert "omnumrerad" in c.tags and "omformulerad" in c.tags


def test_moved_to_another_goal():
    a = year("a", [EM, EM2, fokus("1")])
    b = year("b", [EM, EM2, fokus("1", parent="em2")])
    (c,) = section(diff_years(a, b), "mal").changes
    assert c.tags == ["flyttad"]
    assert "Effektmål" in c.fields[0].before or "5" in c.fields[0].before


def test_added_and_removed():
    ind = m.Indikator(id="ny", mal="fokus", text="Ny.", riktning="oka")
    old = m.Indikator(id="gammal", mal="fokus", text="Gammal.")
    s = section(diff_years(year("a", [EM, fokus("1")], [old]),
                           year("b", [EM, fokus("1")], [ind])), "indikatorer")
    assert sorted((c.kind, c.id) for c in s.changes) == [("added", "ny"), ("removed", "gammal")]


def test_target_and_direction_changes():
    a = m.Indikator(id="i", mal="fokus", text="T.", riktning="oka", malvarde=m.Varde(varde=D(8)))
    b = m.Indikator(id="i", mal="fokus", text="T.", riktning="minska",
                    malvarde=m.Varde(varde=D("8.8")))
    (c,) = section(diff_years(year("a", [EM, fokus("1")], [a]), year("b", [EM, fokus("1")], [b])),
                   "indikatorer").changes
    assert c.tags == ["ny riktning", "nytt målvärde"]


def test_section_one_year_lacks_is_reported_once():
    s = m.Strategi(typ="strategi", id="s", rubrik="Digitalisering")
    result = diff_years(year("a", [EM, s]), year("b", [EM]))
    (c,) = section(result, "strategier").changes
    assert c.kind == "section-missing" and "b har inget avsnitt" in c.note


def test_budget_rows_with_amount_and_percent():
    def ek(budget):
        zero = {"budget": D(0), "prognos_fg_ar": D(0), "budget_fg_ar": D(0)}
        values = {k: zero for k in ("ovriga_intakter", "personalkostnader", "lamnade_bidrag",
                                    "ovriga_kostnader", "avskrivningar", "finansnetto")}
        values["erhallna_bidrag"] = {**zero, "budget": D(budget)}
        return m.EkonomiFil(resultatrapport=m.Resultatrapport(kolumner="vp",
                                                              rader=resultat_rader(values)))
    result = diff_years(year("a", [EM], ekonomi=ek("100.0")), year("b", [EM], ekonomi=ek("104.6")))
    changes = {c.id: c for c in section(result, "resultatbudget").changes}
    f = changes["erhallna_bidrag"].fields[0]
    assert (f.amount, round(f.percent, 1)) == (D("4.6"), D("4.6"))
    assert "resultat" in changes


def test_identical_years_have_no_differences():
    a = year("a", [EM, fokus("1")], uppdrag=[upp("1", "X.")])
    assert not diff_years(a, a).has_differences


def test_word_diff_keeps_words_whole():
    assert [w.op for w in word_diff("a b c", "a x c")] == ["equal", "delete", "insert", "equal"]


def test_shipped_2024_to_2025_matches_continuing_items_by_id():
    a, _ = load_year(ROOT / "data", "2024")
    b, _ = load_year(ROOT / "data", "2025")
    result = diff_years(a, b)
    mal = {c.id: c for c in section(result, "mal").changes}
    assert mal["fokus-omstallning-innovation-attraktionskraft"].kind == "changed"
    assert "omnumrerad" in mal["fokus-omstallning-innovation-attraktionskraft"].tags
    ind = {c.id: c for c in section(result, "indikatorer").changes}
    assert ind["nystartade-foretag-per-1000-invanare"].kind == "changed"
    assert section(result, "strategier").changes[0].kind == "section-missing"


def test_shipped_2023_to_2024_is_a_restructuring_not_a_wall_of_removals():
    a, _ = load_year(ROOT / "data", "2023")
    b, _ = load_year(ROOT / "data", "2024")
    s = section(diff_years(a, b), "mal")
    assert s.changes[0].kind == "restructured"
    assert "fokusområden" in s.changes[0].note and "territoriella mål" in s.changes[0].note
    ind = {c.id: c.kind for c in section(diff_years(a, b), "indikatorer").changes}
    assert ind.get("nystartade-foretag-per-1000-invanare") != "added"
