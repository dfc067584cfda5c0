"""Ekonomi: resultatrapport, driftredovisning, investeringar, handlingsplan.

Pure functions: model in, :class:`Table` out.  ``lift`` turns each input
Decimal into the number type to compute with (exact, or an interval).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .. import models as m
from .arith import add, as_exact, percent, sub, total, total_known
from .table import Column, Published, Row, Table

Lift = Callable[[Decimal | None], Any]

RESULTAT_NAMN = {
    "avskrivningar_immateriella": "Avskrivningar, immateriella tillgångar",
    "erhallna_bidrag": "Erhållna bidrag",
    "ovriga_intakter": "Övriga intäkter",
    "summa_intakter": "Summa intäkter",
    "personalkostnader": "Personalkostnader",
    "lamnade_bidrag": "Lämnade bidrag",
    "ovriga_kostnader": "Övriga kostnader",
    "avskrivningar": "Avskrivningar",
    "summa_kostnader": "Summa kostnader",
    "verksamhetens_nettokostnad": "Verksamhetens nettokostnad",
    "finansnetto": "Finansnetto",
    "resultat": "Resultat",
}

# Column sets per report type: (key, heading, derived-from or None).
# A derived column is a − b of two other columns of the same row.
RESULTAT_KOLUMNER: dict[str, list[tuple[str, str, tuple[str, str] | None]]] = {
    "delar": [
        ("utfall_ack", "Utfall ack", None),
        ("budget_ack", "Budget ack", None),
        ("budgetavvikelse_ack", "Budget\u00adavvikelse ack", ("utfall_ack", "budget_ack")),
        ("utfall_ack_fg_ar", "Utfall ack fg år", None),
        ("prognos", "Prognos", None),
        ("budget", "Budget", None),
        ("prognosavvikelse", "Prognos budget\u00adavvikelse", ("prognos", "budget")),
        ("budgetavvikelse_fg_ar", "Budget\u00adavvikelse fg år", None),
    ],
    "helar": [
        ("utfall", "Utfall", None),
        ("budget", "Budget", None),
        ("utfall_fg_ar", "Utfall fg år", None),
        ("budgetavvikelse", "Budget\u00adavvikelse", ("utfall", "budget")),
        ("utfallsavvikelse", "Utfalls\u00adavvikelse", ("utfall", "utfall_fg_ar")),
    ],
    "vp": [
        ("budget", "Budget", None),
        ("prognos_fg_ar", "Prognos fg år", None),
        ("budget_fg_ar", "Budget fg år", None),
    ],
}

SUMMA_RADER = {
    "summa_intakter": m.RESULTAT_INKOMST,
    "summa_kostnader": m.RESULTAT_KOSTNAD,
}


def resultat_columns(kolumner: str, rubriker: dict[str, str] | None = None) -> list[Column]:
    rubriker = rubriker or {}
    return [
        Column(key, rubriker.get(key, heading), derived=spec is not None)
        for key, heading, spec in RESULTAT_KOLUMNER[kolumner]
    ]


def compute_resultatrapport(rr: m.Resultatrapport, lift: Lift = as_exact,
                            rubriker: dict[str, str] | None = None) -> Table:
    """The resultatrapport with every sum and deviation computed.

    Budgetavvikelse = utfall − budget, prognosavvikelse = prognos − budget,
    utfallsavvikelse = utfall − utfall fg år (GUIDE §4); costs are negative,
    so the same formula holds for intäkter and kostnader.
    """
    spec = RESULTAT_KOLUMNER[rr.kolumner]
    inputs = [key for key, _, derived in spec if derived is None]
    derived = {key: d for key, _, d in spec if d is not None}

    def input_row(key: str) -> dict[str, Any]:
        rad: m.ResultatRad = getattr(rr.rader, key)
        return {col: lift(getattr(rad, col)) for col in inputs}

    present = [k for k in m.RESULTAT_RADER if getattr(rr.rader, k) is not None]
    base: dict[str, dict[str, Any]] = {key: input_row(key) for key in present}
    for summa, parts in SUMMA_RADER.items():
        base[summa] = {col: total(base[p][col] for p in parts if p in base) for col in inputs}
    base["verksamhetens_nettokostnad"] = {
        col: add(base["summa_intakter"][col], base["summa_kostnader"][col]) for col in inputs
    }
    base["resultat"] = {
        col: add(base["verksamhetens_nettokostnad"][col], base["finansnetto"][col])
        for col in inputs
    }
    order = [
        "erhallna_bidrag", "ovriga_intakter", "summa_intakter",
        "personalkostnader", "lamnade_bidrag", "ovriga_kostnader", "avskrivningar",
        "avskrivningar_immateriella",
        "summa_kostnader", "verksamhetens_nettokostnad", "finansnetto", "resultat",
    ]
    rows = []
    for key in order:
        if rr.grupprubriker and key in ("erhallna_bidrag", "personalkostnader"):
            namn = "Verksamhetens intäkter" if key == "erhallna_bidrag" else "Verksamhetens kostnader"
            rows.append(Row(f"grupp-{key}", namn, {}, heading=True))
        if key not in base:
            continue
        cells = dict(base[key])
        for col, (a, b) in derived.items():
            cells[col] = sub(cells[a], cells[b])
        namn = RESULTAT_NAMN[key]
        if key in m.RESULTAT_RADER and getattr(rr.rader, key) and getattr(rr.rader, key).rubrik:
            namn = getattr(rr.rader, key).rubrik
        rows.append(Row(key, namn, {c.key: cells[c.key] for c in resultat_columns(rr.kolumner)},
                        summa=key not in m.RESULTAT_RADER))
    return Table("resultatrapport", "Resultatrapport", rr.enhet,
                 resultat_columns(rr.kolumner, {**rr.kolumnrubriker, **(rubriker or {})}), rows,
                 caption=f"Resultatrapport, belopp i {rr.enhet}")


def resultatrapport_published(rr: m.Resultatrapport) -> list[Published]:
    return [
        Published("resultatrapport", row, col, value, "ekonomi.yaml",
                  ("resultatrapport", "publicerat", row, col))
        for row, cols in rr.publicerat.items()
        for col, value in cols.items()
        if value is not None
    ]


DRIFT_KOLUMNER = [
    ("budgetavvikelse", "Budget\u00adavvikelse", False, "mnkr"),
    ("omsattning", "Omsättning", False, "mnkr"),
    ("budgetram", "Varav budgetram", False, "mnkr"),
    ("relation", "Relation (%)", True, "procent"),
    ("budgetavvikelse_fg_ar", "Budget\u00adavvikelse fg år", False, "mnkr"),
    ("omsattning_fg_ar", "Omsättning", False, "mnkr"),
    ("budgetram_fg_ar", "Varav budgetram", False, "mnkr"),
]


def compute_driftredovisning(dr: m.Driftredovisning, lift: Lift = as_exact) -> Table:
    """Per område: relation (%) = budgetavvikelse / omsättning; totals computed."""
    present = {
        key for key, _, derived, _ in DRIFT_KOLUMNER
        if not derived and any(getattr(r, key) is not None for r in dr.rader)
    }
    if {"budgetavvikelse", "omsattning"} <= present:
        present.add("relation")
    columns = []
    for key, heading, derived, kind in DRIFT_KOLUMNER:
        if key not in present:
            continue
        if key == "omsattning" and dr.fotnot:
            heading += " *)"
        if key in ("budgetavvikelse", "omsattning", "budgetram") and dr.period:
            heading = f"{heading} {dr.period}"
        if key.endswith("_fg_ar") and dr.period_fg_ar:
            heading = heading.replace(" fg år", "") + f" {dr.period_fg_ar}"
        columns.append(Column(key, heading, derived=derived, kind=kind))  # type: ignore[arg-type]
    rows = []
    for rad in dr.rader:
        cells = {key: lift(getattr(rad, key)) for key in present if key != "relation"}
        if "relation" in present:
            cells["relation"] = percent(cells["budgetavvikelse"], cells["omsattning"])
        rows.append(Row(rad.id, rad.namn, cells, indent=rad.underomrade))
    sums = {key: total(r.cells[key] for r in rows) for key in present if key != "relation"}
    if "relation" in present:
        sums["relation"] = percent(sums["budgetavvikelse"], sums["omsattning"])
    rows.append(Row("summa", "Resultat" if "budgetavvikelse" in present else "Summa", sums,
                    summa=True))
    return Table("driftredovisning", "Driftredovisning", dr.enhet, columns, rows,
                 caption=f"Driftredovisning, belopp i {dr.enhet}", fotnot=dr.fotnot)


def driftredovisning_published(dr: m.Driftredovisning) -> list[Published]:
    out = [
        Published("driftredovisning", rad.id, col, value, "ekonomi.yaml",
                  ("driftredovisning", "rader", i, "publicerat", col))
        for i, rad in enumerate(dr.rader)
        for col, value in rad.publicerat.items()
        if value is not None
    ]
    out += [
        Published("driftredovisning", "summa", col, value, "ekonomi.yaml",
                  ("driftredovisning", "publicerat_summa", col))
        for col, value in dr.publicerat_summa.items()
        if value is not None
    ]
    return out


def compute_investeringar(inv: m.Investeringar, lift: Lift = as_exact) -> Table:
    columns = [Column(key, heading) for key, heading in zip(inv.kolumner, inv.kolumnrubriker)]
    rows = [
        Row(f"rad-{i}", rad.namn, {c.key: lift(getattr(rad, c.key)) for c in columns})
        for i, rad in enumerate(inv.rader)
    ]
    # a blank cell in an investment table is no amount: sum what is there
    rows.append(Row("summa", "Summa", {c.key: total_known(r.cells[c.key] for r in rows)
                                       for c in columns}, summa=True))
    rubrik = inv.rubrik or "Investeringar"
    return Table("investeringar", rubrik, inv.enhet, columns, rows,
                 caption=f"{rubrik}, belopp i {inv.enhet}")


def investeringar_published(inv: m.Investeringar) -> list[Published]:
    return [
        Published("investeringar", "summa", col, value, "ekonomi.yaml",
                  ("investeringar", "publicerat_summa", col))
        for col, value in inv.publicerat_summa.items()
        if value is not None
    ]


HANDLINGSPLAN_KIND = {"antal": "antal", "arsarbetare": "arsarbetare", "effekt": "mnkr",
                      "rubrik": "antal"}


def compute_handlingsplan(hp: m.Handlingsplan, lift: Lift = as_exact) -> Table:
    """The action plan; Summa = the sum of the effekt rows (mnkr) per column."""
    columns = [Column(k.id, k.rubrik) for k in hp.kolumner]
    rows: list[Row[Any]] = []
    for rad in hp.rader:
        cells = {c.key: lift(v) for c, v in zip(columns, rad.varden)}
        rows.append(Row(rad.id, rad.namn, cells, kind=HANDLINGSPLAN_KIND[rad.typ],  # type: ignore[arg-type]
                        note=rad.grupp))
    effekt = [r for r, rad in zip(rows, hp.rader) if rad.typ == "effekt"]
    sums = {c.key: total_known(r.cells.get(c.key) for r in effekt) for c in columns}
    rows.append(Row("summa", "Summa", sums, summa=True, kind="mnkr"))
    rubrik = hp.rubrik or "Uppföljning av handlingsplan"
    return Table("handlingsplan", rubrik, hp.enhet, columns, rows,
                 caption=f"{rubrik}; effekter i {hp.enhet}")


def handlingsplan_published(hp: m.Handlingsplan) -> list[Published]:
    return [
        Published("handlingsplan", "summa", k.id, value, "ekonomi.yaml",
                  ("handlingsplan", "publicerat_summa", i))
        for i, (k, value) in enumerate(zip(hp.kolumner, hp.publicerat_summa))
        if value is not None
    ]


RAM_KIND = {"mnkr": "mnkr", "tkr": "tkr", "%": "procent", "kr/åa": "antal", "timmar/åa": "antal"}


def compute_ekonomisk_ram(ram: m.EkonomiskRam, lift: Lift = as_exact) -> Table:
    """The economic frame; the change against last year is computed where both are given."""
    columns = [Column("procent", "Procent", kind="procent"), Column("varde", "Belopp"),
               Column("varde_fg_ar", "Föregående år"),
               Column("forandring", "Förändring", derived=True)]
    rows = []
    for post in ram.poster:
        cells = {"procent": lift(post.procent), "varde": lift(post.varde),
                 "varde_fg_ar": lift(post.varde_fg_ar)}
        cells["forandring"] = sub(cells["varde"], cells["varde_fg_ar"])
        kind = RAM_KIND.get(post.enhet or "", "mnkr")
        rows.append(Row(post.id, post.namn, cells, kind=kind, note=post.enhet))  # type: ignore[arg-type]
    return Table("ekonomisk-ram", ram.rubrik, "mnkr", columns, rows, caption=ram.rubrik)
