"""Ekonomi: resultatrapport, driftredovisning, investeringar, handlingsplan.

Pure functions: model in, :class:`Table` out.  ``lift`` turns each input
Decimal into the number type to compute with (exact, or an interval).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .. import models as m
from .arith import as_exact, percent, sub, total, total_known
from .table import Column, Published, Row, Table

Lift = Callable[[Decimal | None], Any]

# The resultatrapport's columns: (heading, derived-from or None).  A derived
# column is a − b of two other columns of the same row (GUIDE §4).
RESULTAT_KOLUMNER: dict[str, tuple[str, tuple[str, str] | None]] = {
    "utfall": ("Utfall", None),
    "budget": ("Budget", None),
    "utfall_fg_ar": ("Utfall fg år", None),
    "utfall_ack": ("Utfall ack", None),
    "budget_ack": ("Budget ack", None),
    "utfall_ack_fg_ar": ("Utfall ack fg år", None),
    "prognos": ("Prognos", None),
    "prognos_fg_ar": ("Prognos fg år", None),
    "budget_fg_ar": ("Budget fg år", None),
    "budgetavvikelse_fg_ar": ("Budget\u00adavvikelse fg år", None),
    "budgetavvikelse": ("Budget\u00adavvikelse", ("utfall", "budget")),
    "budgetavvikelse_ack": ("Budget\u00adavvikelse ack", ("utfall_ack", "budget_ack")),
    "prognosavvikelse": ("Prognos budget\u00adavvikelse", ("prognos", "budget")),
    "utfallsavvikelse": ("Utfalls\u00adavvikelse", ("utfall", "utfall_fg_ar")),
    "utfallsavvikelse_ack": ("Utfalls\u00adavvikelse ack", ("utfall_ack", "utfall_ack_fg_ar")),
}

SIGN_OF_KIND = {"intakt": 1, "anslag": 1, "kostnad": -1}
"""The sign an amount of each row kind has (costs are negative as in the accounts)."""

AMOUNT_COLUMNS = ("utfall", "budget", "utfall_fg_ar", "utfall_ack", "budget_ack",
                  "utfall_ack_fg_ar", "prognos", "prognos_fg_ar", "budget_fg_ar")
"""Input columns that hold amounts (not deviations): their sign follows the row's kind."""


def resultat_columns(rr: m.Resultatrapport, rubriker: dict[str, str] | None = None
                     ) -> list[Column]:
    headings = {**rr.kolumnrubriker, **(rubriker or {})}
    return [Column(key, headings.get(key, RESULTAT_KOLUMNER[key][0]),
                   derived=RESULTAT_KOLUMNER[key][1] is not None, kind=rr.enhet)
            for key in rr.columns]


def input_columns(rr: m.Resultatrapport) -> list[str]:
    """The value columns the table needs: those shown, and the inputs of derived ones."""
    out: list[str] = []
    for key in rr.columns:
        spec = RESULTAT_KOLUMNER[key][1]
        for col in (spec or (key,)):
            if col not in out:
                out.append(col)
    return out


def sum_cycles(rr: m.Resultatrapport) -> list[list[str]]:
    """Sum rows that (indirectly) contain themselves, each as the path of ids."""
    parts = {r.id: r.summa for r in rr.rader if r.slag == "summa"}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        for part in parts.get(node, []):
            if part == path[0]:
                cycles.append(path + [part])
            elif part not in path and part in parts:
                visit(part, path + [part])

    for start in parts:
        visit(start, [start])
    seen: set[frozenset[str]] = set()
    unique = []
    for c in cycles:
        key = frozenset(c)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


def compute_resultatrapport(rr: m.Resultatrapport, lift: Lift = as_exact,
                            rubriker: dict[str, str] | None = None) -> Table:
    """The resultatrapport as declared: every sum and deviation computed.

    A sum row adds the rows it names (account lines or other sums) column by
    column; a missing part makes the sum unknown, never zero.  Budgetavvikelse
    = utfall − budget, prognosavvikelse = prognos − budget, utfallsavvikelse =
    utfall − utfall fg år; costs are negative, so the same formula holds for
    every row.  A sum that refers to an unknown row or to itself is unknown
    (``check`` names it).
    """
    inputs = input_columns(rr)
    by_id = {r.id: r for r in rr.rader}
    values: dict[str, dict[str, Any]] = {}
    busy: set[str] = set()

    def value(row_id: str) -> dict[str, Any]:
        if row_id in values:
            return values[row_id]
        rad = by_id.get(row_id)
        if rad is None or row_id in busy:
            return dict.fromkeys(inputs)
        if rad.slag != "summa":
            values[row_id] = {col: lift(getattr(rad, col)) for col in inputs}
            return values[row_id]
        busy.add(row_id)
        parts = [value(part) for part in rad.summa]
        busy.discard(row_id)
        values[row_id] = {col: total(p[col] for p in parts) for col in inputs}
        return values[row_id]

    columns = resultat_columns(rr, rubriker)
    rows: list[Row[Any]] = []
    for rad in rr.rader:
        if rad.grupp:
            rows.append(Row(f"grupp-{rad.id}", rad.grupp, {}, heading=True))
        cells = dict(value(rad.id))
        for col in columns:
            spec = RESULTAT_KOLUMNER[col.key][1]
            if spec is not None:
                cells[col.key] = sub(cells[spec[0]], cells[spec[1]])
        rows.append(Row(rad.id, rad.namn, {c.key: cells[c.key] for c in columns},
                        summa=rad.slag == "summa"))
    return Table("resultatrapport", "Resultatrapport", rr.enhet, columns, rows,
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
    ("budgetavvikelse", "Budget\u00adavvikelse", False, "belopp"),
    ("omsattning", "Omsättning", False, "belopp"),
    ("budgetram", "Varav budgetram", False, "belopp"),
    ("relation", "Relation (%)", True, "procent"),
    ("budgetavvikelse_fg_ar", "Budget\u00adavvikelse fg år", False, "belopp"),
    ("omsattning_fg_ar", "Omsättning", False, "belopp"),
    ("budgetram_fg_ar", "Varav budgetram", False, "belopp"),
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
        columns.append(Column(key, heading, derived=derived,
                              kind=dr.enhet if kind == "belopp" else kind))  # type: ignore[arg-type]
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
    columns = [Column(key, heading, kind=inv.enhet)
               for key, heading in zip(inv.kolumner, inv.kolumnrubriker)]
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


HANDLINGSPLAN_KIND = {"antal": "antal", "arsarbetare": "arsarbetare", "effekt": "belopp",
                      "rubrik": "antal"}


def compute_handlingsplan(hp: m.Handlingsplan, lift: Lift = as_exact) -> Table:
    """The action plan; Summa = the sum of the effekt rows (in the table's unit) per column."""
    columns = [Column(k.id, k.rubrik, kind=hp.enhet) for k in hp.kolumner]
    rows: list[Row[Any]] = []
    for rad in hp.rader:
        cells = {c.key: lift(v) for c, v in zip(columns, rad.varden)}
        kind = HANDLINGSPLAN_KIND[rad.typ]
        rows.append(Row(rad.id, rad.namn, cells, kind=hp.enhet if kind == "belopp" else kind,  # type: ignore[arg-type]
                        note=rad.grupp))
    effekt = [r for r, rad in zip(rows, hp.rader) if rad.typ == "effekt"]
    sums = {c.key: total_known(r.cells.get(c.key) for r in effekt) for c in columns}
    rows.append(Row("summa", "Summa", sums, summa=True, kind=hp.enhet))
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
