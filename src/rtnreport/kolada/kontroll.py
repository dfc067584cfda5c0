"""``check``: Kolada-sourced values against the responses they were imported from.

A value marked ``kolada: {kpi, hamtad}`` in a follow-up's indikatorer.yaml must equal
the value in the saved response (``data/<år>/<rapport>/kolada/<KPI>.json``) for the
indicator's area, kön and the value's period; a difference is a hand edit after the
import (warning).  Also: a mapping naming an area rtnreport has no name for (error), a
marked value whose indicator has no mapping, or whose response was not saved (warnings).
"""

from __future__ import annotations

from typing import Any

from .. import models as m
from ..loading import YearData
from ..problems import Problem, error, warning
from . import varden as v
from .importera import FILE, SAVED_DIR, saved_responses


def check_year(plan: YearData) -> list[Problem]:
    out: list[Problem] = []
    inds = {ind.id: (i, ind) for i, ind in
            enumerate(plan.indikatorer.indikatorer if plan.indikatorer else [])}
    for ident, (i, ind) in inds.items():
        for path, area in v.unknown_areas(ind.kolada) if ind.kolada else []:
            out.append(error(f"indikatorn '{ident}': rtnreport vet inte vad Kolada-området "
                             f"'{area}' heter", plan.where(
                                 "indikatorer.yaml", ("indikatorer", i, "kolada") + path),
                             code="kolada", hint=f"skriv {{id: \"{area}\", namn: …}}"))
    for rid, folder in sorted(plan.reports.items()):
        if folder.indikatorer is None:
            continue
        svar, unreadable = saved_responses(folder.root)
        for note in unreadable:
            out.append(warning(f"{rid}: sparat Kolada-svar kan inte läsas: {note}",
                               file=folder.root / SAVED_DIR, code="kolada"))
        for ident, own in folder.indikatorer.indikatorer.items():
            k = inds[ident][1].kolada if ident in inds else None
            for path, element in _marked(own):
                where = folder.where(FILE, ("indikatorer", ident) + path)
                if k is None:
                    if ident in inds:
                        out.append(warning(
                            f"{rid}: indikatorn '{ident}' har ett värde märkt kolada men ingen "
                            f"kolada: i data/{plan.year}/indikatorer.yaml", where, code="kolada",
                            hint="lägg till indikatorns kolada-koppling i planen, eller ta bort "
                                 "märkningen om värdet inte kommer från Kolada"))
                    continue
                if element.kolada.kpi not in svar.kpis():
                    out.append(warning(
                        f"{rid}: indikatorn '{ident}': det sparade svaret för "
                        f"{element.kolada.kpi} saknas ({rid}/{SAVED_DIR}/"
                        f"{element.kolada.kpi}.json)", where, code="kolada",
                        hint=f"hämta igen: rtnreport kolada {rid} --write"))
                    continue
                for sub, what in v.differences(element, k, svar):
                    out.append(warning(
                        f"{rid}: indikatorn '{ident}': {what} ({element.kolada.kpi}, "
                        f"hämtad {element.kolada.hamtad.isoformat()})",
                        folder.where(FILE, ("indikatorer", ident) + path + sub),
                        code="kolada",
                        hint="ett Kolada-värde ändrat för hand: ta bort kolada-märkningen om "
                             "värdet är ert eget, eller hämta Koladas värde igen med "
                             f"rtnreport kolada {rid} --write --overwrite"))
    return out


def _marked(own: m.IndikatorUppfoljning) -> list[tuple[tuple[Any, ...], Any]]:
    out: list[tuple[tuple[Any, ...], Any]] = []
    if own.utfall is not None and own.utfall.kolada is not None:
        out.append((("utfall",), own.utfall))
    for key in ("tidigare_utfall", "uppdelningar", "serier"):
        for i, element in enumerate(getattr(own, key)):
            if element.kolada is not None:
                out.append(((key, i), element))
    return out
