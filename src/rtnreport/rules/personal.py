"""Personalekonomi: lönekostnad, kostnadsanalys, årsarbetare, sjukfrånvaro."""

from __future__ import annotations

from typing import Any

from .. import models as m
from .arith import add, as_exact, percent, relative_change, sub, total
from .ekonomi import Lift
from .table import Column, Published, Row, Table


# (column, heading, derived from (new, old) or None); shown when its inputs are in the data
LONEKOSTNAD_KOLUMNER: list[tuple[str, str, tuple[str, str] | None]] = [
    ("utfall", "Utfall", None),
    ("utfall_ack", "Utfall ack", None),
    ("utfall_ack_fg_ar", "Utfall ack fg år", None),
    ("prognos", "Prognos", None),
    ("utfall_fg_ar", "Utfall fg år", None),
    ("okningstakt", "Ökningstakt (%)", ("utfall", "utfall_fg_ar")),
    ("okningstakt_ack", "Ökningstakt (%) ack", ("utfall_ack", "utfall_ack_fg_ar")),
    ("okningstakt_ack_fg_ar", "Ökningstakt (%) ack fg år", None),
    ("okningstakt_prognos", "Ökningstakt (%) prognos", ("prognos", "utfall_fg_ar")),
    ("okningstakt_fg_ar", "Ökningstakt (%) fg år", None),
]


def compute_lonekostnad(lk: m.Lonekostnad, lift: Lift = as_exact) -> Table:
    """Lönekostnad and its growth: ökningstakt = change of the magnitude in %.

    The growth of the year before (``*_fg_ar``) is an input: its base is last
    year's data, which this year's file does not hold.
    """
    cells: dict[str, Any] = {}
    columns: list[Column] = []
    for key, heading, derived in LONEKOSTNAD_KOLUMNER:
        if derived is None:
            if getattr(lk, key) is None:
                continue
            cells[key] = lift(getattr(lk, key))
        else:
            new, old = derived
            if getattr(lk, new) is None:
                continue
            cells[key] = relative_change(lift(getattr(lk, new)), lift(getattr(lk, old)))
        kind = "procent" if key.startswith("okningstakt") else lk.enhet
        columns.append(Column(key, heading, derived=derived is not None, kind=kind))
    row = Row("lonekostnad", lk.rubrik, cells)
    return Table("lonekostnad", "Personalkostnader", lk.enhet, columns, [row],
                 caption=f"Personalkostnader, belopp i {lk.enhet}, ökningstakt i %")


def lonekostnad_published(lk: m.Lonekostnad) -> list[Published]:
    return [Published("lonekostnad", "lonekostnad", col, v, "personal.yaml",
                      ("lonekostnad", "publicerat", col))
            for col, v in lk.publicerat.items() if v is not None]


def compute_kostnadsanalys(ka: m.Kostnadsanalys, lift: Lift = as_exact) -> Table:
    """Change per account: mnkr = utfall − fg år; % = change of the magnitude.

    A zero base gives a missing percentage (the published 2023 report printed
    ``#DIVISION/0!`` there).
    """
    a, b = ka.kolumnrubriker
    columns = [
        Column("utfall", f"{a}, {ka.enhet}", kind=ka.enhet),
        Column("utfall_fg_ar", f"{b}, {ka.enhet}", kind=ka.enhet),
        Column("forandring", f"Förändring, {ka.enhet}", derived=True, kind=ka.enhet),
        Column("forandring_procent", "Förändring %", derived=True, kind="procent"),
    ]

    def cells(utfall: Any, fg: Any) -> dict[str, Any]:
        return {"utfall": utfall, "utfall_fg_ar": fg, "forandring": sub(utfall, fg),
                "forandring_procent": relative_change(utfall, fg)}

    rows = [Row(f"rad-{i}", f"{rad.konto} {rad.namn}" if rad.konto else rad.namn,
                cells(lift(rad.utfall), lift(rad.utfall_fg_ar)))
            for i, rad in enumerate(ka.rader)]
    rows.append(Row("summa", ka.summa_namn,
                    cells(total(r.cells["utfall"] for r in rows),
                          total(r.cells["utfall_fg_ar"] for r in rows)), summa=True))
    return Table("kostnadsanalys", "Kostnadsanalys", ka.enhet, columns, rows,
                 caption=f"Kostnadsanalys, belopp i {ka.enhet}")


def kostnadsanalys_published(ka: m.Kostnadsanalys) -> list[Published]:
    out = [Published("kostnadsanalys", f"rad-{i}", col, v, "personal.yaml",
                      ("kostnadsanalys", "rader", i, "publicerat", col))
           for i, rad in enumerate(ka.rader) for col, v in rad.publicerat.items() if v is not None]
    out += [Published("kostnadsanalys", "summa", col, v, "personal.yaml",
                      ("kostnadsanalys", "publicerat_summa", col))
            for col, v in ka.publicerat_summa.items() if v is not None]
    return out


ARS_KOLUMNER = ("g1", "g2", "totalt", "g1_fg", "g2_fg", "totalt_fg", "d_g1", "d_g2", "d_totalt")


def compute_arsarbetare(aa: m.Arsarbetare, lift: Lift = as_exact) -> Table:
    """Årsarbetare per yrkesgrupp: totals per date, change per group and in total."""
    g1, g2 = aa.grupper
    columns: list[Column] = []
    for suffix, label, derived in (("", aa.tidpunkt, False), ("_fg", aa.tidpunkt_fg_ar, False),
                                   ("d", "Förändring", True)):
        heads = [g1, g2, "Totalt"]
        keys = (["d_g1", "d_g2", "d_totalt"] if suffix == "d"
                else [f"g1{suffix}", f"g2{suffix}", f"totalt{suffix}"])
        for i, (k, h) in enumerate(zip(keys, heads)):
            columns.append(Column(k, h, derived=derived or i == 2, kind="arsarbetare",
                                  group=label))

    def cells(a: Any, b: Any, c: Any, d: Any) -> dict[str, Any]:
        t, t_fg = add(a, b), add(c, d)
        return {"g1": a, "g2": b, "totalt": t, "g1_fg": c, "g2_fg": d, "totalt_fg": t_fg,
                "d_g1": sub(a, c), "d_g2": sub(b, d), "d_totalt": sub(t, t_fg)}

    rows = [Row(f"rad-{i}", rad.namn,
                cells(lift(rad.i_ar[0]), lift(rad.i_ar[1]), lift(rad.fg_ar[0]), lift(rad.fg_ar[1])))
            for i, rad in enumerate(aa.rader)]
    sums = cells(*(total(r.cells[k] for r in rows) for k in ("g1", "g2", "g1_fg", "g2_fg")))
    rows.append(Row("summa", "Summa", sums, summa=True))
    return Table(f"arsarbetare-{aa.id}", aa.rubrik, "arsarbetare", columns, rows,
                 caption=f"{aa.rubrik}, antal årsarbetare")


def _ars_pub(pub: m.ArsarbetarePublicerat | None, row: str, table: str,
             path: tuple[Any, ...]) -> list[Published]:
    if pub is None:
        return []
    out = []
    if pub.totalt is not None:
        out.append(Published(table, row, "totalt", pub.totalt, "personal.yaml", path + ("totalt",)))
    if pub.totalt_fg_ar is not None:
        out.append(Published(table, row, "totalt_fg", pub.totalt_fg_ar, "personal.yaml",
                             path + ("totalt_fg_ar",)))
    for i, (col, v) in enumerate(zip(("d_g1", "d_g2", "d_totalt"), pub.forandring)):
        if v is not None:
            out.append(Published(table, row, col, v, "personal.yaml", path + ("forandring", i)))
    return out


def arsarbetare_published(aa: m.Arsarbetare, index: int) -> list[Published]:
    table = f"arsarbetare-{aa.id}"
    base = ("arsarbetare", index)
    out: list[Published] = []
    for i, rad in enumerate(aa.rader):
        out += _ars_pub(rad.publicerat, f"rad-{i}", table, base + ("rader", i, "publicerat"))
    out += _ars_pub(aa.publicerat_summa, "summa", table, base + ("publicerat_summa",))
    for key, cols in (("publicerat_summa_i_ar", ("g1", "g2")),
                      ("publicerat_summa_fg_ar", ("g1_fg", "g2_fg"))):
        for i, (col, v) in enumerate(zip(cols, getattr(aa, key))):
            if v is not None:
                out.append(Published(table, "summa", col, v, "personal.yaml", base + (key, i)))
    return out


SJUK_RADER = [
    ("schemalagda_timmar", "Schemalagda timmar", "timmar"),
    ("korttid_tim", "Sjukfrånvaro, korttidsfrånvaro (tim)", "timmar"),
    ("langtid_tim", "Sjukfrånvaro, långtidsfrånvaro (tim)", "timmar"),
    ("totalt_tim", "Sjukfrånvaro totalt (tim)", "timmar"),
    ("korttid_procent", "Sjukfrånvaro, korttidsfrånvaro % *", "procent"),
    ("langtid_procent", "Sjukfrånvaro, långtidsfrånvaro % *", "procent"),
    ("totalt_procent", "Sjukfrånvaro totalt % *", "procent"),
]


def compute_sjukfranvaro(sf: m.Sjukfranvaro, lift: Lift = as_exact) -> Table:
    """Hours per kön and in total; % = hours / schemalagda timmar; changes per year.

    The change of a % row is in procentenheter (the difference of the rates).
    """
    def year(s: m.SjukfranvaroTimmar, k: m.SjukfranvaroTimmar, lng: m.SjukfranvaroTimmar
             ) -> dict[str, list[Any]]:
        sched = [lift(s.kvinnor), lift(s.man)]
        kort = [lift(k.kvinnor), lift(k.man)]
        lang = [lift(lng.kvinnor), lift(lng.man)]
        rows: dict[str, list[Any]] = {}
        for key, vals in (("schemalagda_timmar", sched), ("korttid_tim", kort),
                          ("langtid_tim", lang)):
            rows[key] = [*vals, add(*vals)]
        rows["totalt_tim"] = [add(a, b) for a, b in zip(rows["korttid_tim"], rows["langtid_tim"])]
        for kind in ("korttid", "langtid", "totalt"):
            rows[f"{kind}_procent"] = [percent(h, s_) for h, s_ in
                                       zip(rows[f"{kind}_tim"], rows["schemalagda_timmar"])]
        return rows

    now = year(sf.schemalagda_timmar, sf.korttid, sf.langtid)
    before = year(sf.schemalagda_timmar_fg_ar, sf.korttid_fg_ar, sf.langtid_fg_ar)
    columns: list[Column] = []
    for prefix, label, derived in (("", sf.period, False), ("fg_", sf.period_fg_ar, False),
                                   ("d_", "Förändring antal timmar, procent", True)):
        for i, (k, h) in enumerate((("kvinnor", "Kvinnor"), ("man", "Män"), ("totalt", "Totalt"))):
            columns.append(Column(f"{prefix}{k}", h, derived=derived or i == 2, kind="timmar",
                                  group=label))
    rows = []
    for key, namn, kind in SJUK_RADER:
        cells: dict[str, Any] = {}
        for i, k in enumerate(("kvinnor", "man", "totalt")):
            cells[k] = now[key][i]
            cells[f"fg_{k}"] = before[key][i]
            cells[f"d_{k}"] = sub(now[key][i], before[key][i])
        rows.append(Row(key, namn, cells, kind=kind,  # type: ignore[arg-type]
                        summa=key == "totalt_tim", derived=kind == "procent"))
    return Table("sjukfranvaro", sf.rubrik, "timmar", columns, rows,
                 caption=f"{sf.rubrik}: timmar och procent av schemalagd tid",
                 fotnot="*) Procent av schemalagd tid",
                 decimals={"procent": sf.procent_decimaler})


SJUK_CELLER = ("kvinnor", "man", "totalt", "fg_kvinnor", "fg_man", "fg_totalt",
               "d_kvinnor", "d_man", "d_totalt")


def sjukfranvaro_published(sf: m.Sjukfranvaro) -> list[Published]:
    return [
        Published("sjukfranvaro", row, col, v, "personal.yaml", ("sjukfranvaro", "publicerat", row, i))
        for row, values in sf.publicerat.items()
        for i, (col, v) in enumerate(zip(SJUK_CELLER, values))
        if v is not None
    ]
