"""From an indicator's Kolada mapping and a response to the values a follow-up shows, and back.

:func:`build` makes the follow-up's ``utfall``, ``tidigare_utfall``, ``uppdelningar``
and ``serier`` of one indicator (plain data, as YAML would hold it); :func:`cells`
names the (kpi, område, år, kön) behind each value an import wrote, so ``check``
and the import can tell an imported value from one edited by hand afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .. import models as m
from .omraden import NAMN
from .svar import KON_ORD, Svar

KON_AV_ORD = {v: k for k, v in KON_ORD.items()}
LAG_YEARS = 3
"""How many years before the report's year an outcome may be (Kolada lags the period)."""

RUBRIK = {"kon": "Kvinnor och män {ar}", "kommun": "Per kommun {ar}",
          "lan": "Jämförelse mellan län {ar}"}


def area_id(a: str | m.KoladaOmrade) -> str:
    return a if isinstance(a, str) else a.id


def area_name(a: str | m.KoladaOmrade) -> str | None:
    return NAMN.get(a) if isinstance(a, str) else a.namn


def columns(u: m.KoladaUppdelning) -> list[str]:
    return list(u.kon) or (["K", "M", "T"] if u.dimension == "kon" else ["T"])


def rows(u: m.KoladaUppdelning, k: m.KoladaKoppling) -> list[str | m.KoladaOmrade]:
    return list(u.omraden) or [k.omrade]


def unknown_areas(k: m.KoladaKoppling) -> list[tuple[tuple[Any, ...], str]]:
    """(path in the mapping, id) of each area without a name rtnreport knows."""
    out = []
    if area_name(k.omrade) is None and not any(
            area_id(a) == k.omrade and area_name(a) for u in k.uppdelningar for a in u.omraden):
        out.append((("omrade",), k.omrade))
    for i, u in enumerate(k.uppdelningar):
        for j, a in enumerate(u.omraden):
            if area_name(a) is None:
                out.append((("uppdelningar", i, "omraden", j), area_id(a)))
    return out


def years(report_year: int, k: m.KoladaKoppling) -> list[int]:
    span = (k.serie or 2) + LAG_YEARS
    return list(range(report_year - span + 1, report_year + 1))


def areas(k: m.KoladaKoppling) -> set[str]:
    return {k.omrade} | {area_id(a) for u in k.uppdelningar for a in rows(u, k)}


@dataclass
class Built:
    utfall: dict[str, Any] | None = None
    tidigare_utfall: list[dict[str, Any]] = field(default_factory=list)
    uppdelningar: list[dict[str, Any]] = field(default_factory=list)
    serier: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build(ind: m.Indikator, report_year: int, svar: Svar, hamtad: date) -> Built:
    """The follow-up values of ``ind`` from ``svar``: the latest year with a value is the utfall."""
    k = ind.kolada
    assert k is not None
    out = Built()
    mark = {"kpi": k.kpi, "hamtad": hamtad.isoformat()}
    with_value = [y for y in years(report_year, k) if svar.get(k.kpi, k.omrade, y, k.kon) is not None]
    if not with_value:
        span = years(report_year, k)
        out.notes.append(f"Kolada har inget värde för {k.kpi} i {area_name(k.omrade) or k.omrade} "
                         f"({KON_ORD[k.kon].lower()}) {span[0]}–{span[-1]}")
        return out
    ar = with_value[-1]
    out.utfall = {"varde": svar.get(k.kpi, k.omrade, ar, k.kon), "period": str(ar),
                  "kolada": dict(mark)}
    if len(with_value) > 1:
        prev = with_value[-2]
        out.tidigare_utfall = [{"varde": svar.get(k.kpi, k.omrade, prev, k.kon),
                                "period": str(prev), "kolada": dict(mark)}]
    for u in k.uppdelningar:
        kons = columns(u)
        rader = [{"namn": area_name(a) or area_id(a),
                  "varden": [svar.get(k.kpi, area_id(a), ar, kon) for kon in kons]}
                 for a in rows(u, k)]
        if all(v is None for r in rader for v in r["varden"]):
            out.notes.append(f"Kolada har inga värden för uppdelningen {u.dimension} {ar}")
            continue
        table: dict[str, Any] = {"rubrik": u.rubrik or RUBRIK[u.dimension].format(ar=ar),
                                 "dimension": u.dimension, "period": str(ar)}
        if ind.enhet:
            table["enhet"] = ind.enhet
        table.update({"kolumner": [KON_ORD[kon] for kon in kons], "rader": rader,
                      "kolada": dict(mark)})
        out.uppdelningar.append(table)
    if k.serie:
        span = [y for y in range(ar - k.serie + 1, ar + 1)]
        serie: dict[str, Any] = {"rubrik": f"{area_name(k.omrade) or k.omrade} "
                                           f"{span[0]}–{span[-1]}"}
        if ind.enhet:
            serie["enhet"] = ind.enhet
        serie.update({"kolumner": [KON_ORD[k.kon]],
                      "punkter": [{"tid": str(y), "varden": [svar.get(k.kpi, k.omrade, y, k.kon)]}
                                  for y in span],
                      "kolada": dict(mark)})
        out.serier.append(serie)
    return out


# ---------------------------------------------------------------------------
# Which Kolada value stands behind each value an import wrote.

Cell = tuple[tuple[Any, ...], Decimal | None, tuple[str, str, int, str] | None, str]
"""(path within the element, the value in the data, its (kpi, område, år, kön) or None, label)."""


def _year(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() and len(text) == 4 else None


def varde_cells(v: m.Varde, k: m.KoladaKoppling) -> Iterator[Cell]:
    ar = _year(v.period)
    key = (v.kolada.kpi, k.omrade, ar, k.kon) if v.kolada and ar is not None else None
    yield ("varde",), v.varde, key, f"värdet för {v.period}"


def uppdelning_cells(u: m.Uppdelning, k: m.KoladaKoppling) -> Iterator[Cell]:
    ar = _year(u.period)
    names: dict[str, str] = {}
    for mu in k.uppdelningar:
        if mu.dimension == u.dimension:
            names.update({area_name(a) or area_id(a): area_id(a) for a in rows(mu, k)})
    for i, rad in enumerate(u.rader):
        for j, (col, value) in enumerate(zip(u.kolumner, rad.varden, strict=False)):
            omrade, kon = names.get(rad.namn), KON_AV_ORD.get(col)
            key = (u.kolada.kpi, omrade, ar, kon) \
                if u.kolada and omrade and kon and ar is not None else None
            yield ("rader", i, "varden", j), value, key, f"{rad.namn}, {col}, {u.period}"


def serie_cells(s: m.Serie, k: m.KoladaKoppling) -> Iterator[Cell]:
    for i, p in enumerate(s.punkter):
        ar = _year(p.tid)
        for j, (col, value) in enumerate(zip(s.kolumner, p.varden, strict=False)):
            kon = KON_AV_ORD.get(col)
            key = (s.kolada.kpi, k.omrade, ar, kon) \
                if s.kolada and kon and ar is not None else None
            yield ("punkter", i, "varden", j), value, key, f"{p.tid}, {col}"


def cells(element: Any, k: m.KoladaKoppling) -> Iterator[Cell]:
    if isinstance(element, m.Varde):
        return varde_cells(element, k)
    if isinstance(element, m.Uppdelning):
        return uppdelning_cells(element, k)
    return serie_cells(element, k)


def differences(element: Any, k: m.KoladaKoppling,
                svar: Svar) -> list[tuple[tuple[Any, ...], str]]:
    """(path within the element, what differs) for each value that is not the saved response's."""
    out = []
    for path, value, key, label in cells(element, k):
        if key is None:
            out.append((path, f"{label}: kan inte knytas till ett värde i Kolada "
                              "(okänd rad, kolumn eller period)"))
            continue
        if not svar.has(*key):
            if value is not None:
                out.append((path, f"{label}: {value} finns inte i det sparade svaret"))
            continue
        saved = svar.get(*key)
        if saved != value:
            shown = "null (saknas)" if saved is None else str(saved)
            out.append((path, f"{label}: {'null' if value is None else value} men det sparade "
                              f"svaret från Kolada har {shown}"))
    return out


def same_values(old: Any, new: Any) -> bool:
    """Equal apart from the fetch date: an unchanged import keeps its old date."""
    return _strip(old) == _strip(new)


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (_strip({kk: vv for kk, vv in v.items() if kk != "hamtad"})
                    if k == "kolada" and isinstance(v, dict) else _strip(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    return value
