"""``rtnreport list``: the reports the data defines, whether their type can be built,
and whether ``build/`` is up to date.

It reads each year's ``rapporter.yaml`` once and nothing else of the data (no year
is validated), and the build cache's key of each report to tell fresh from stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import cache
from .. import models as m
from ..loading import load_model
from ..outputs import valid_report_id
from ..project import Project
from ..reports import REPORT_TYPES
from .build import known_reports


@dataclass(frozen=True)
class ReportRow:
    id: str
    typ: str
    buildable: bool
    state: str
    """ej byggd | aktuell | inaktuell | ogiltigt id"""
    title: str


def report_rows(project: Project) -> list[ReportRow]:
    """One row per report id in the data, sorted by id."""
    rows: list[ReportRow] = []
    plans: dict[str, m.Rapporter | None] = {}
    for rid, year in sorted(known_reports(project).items()):
        if not valid_report_id(rid):  # never a path from an id that is not a slug
            shown = rid.encode("unicode_escape").decode("ascii")[:60]
            rows.append(ReportRow(shown, "?", False, "ogiltigt id",
                                  "(id:t har fel form: kör rtnreport build för detaljer)"))
            continue
        if year not in plans:
            model, _, _ = load_model(project.data / year / "rapporter.yaml", m.Rapporter)
            plans[year] = model if isinstance(model, m.Rapporter) else None
        plan = plans[year]
        rapport = next((r for r in plan.rapporter if r.id == rid), None) if plan else None
        typ = rapport.typ if rapport else "?"
        title = rapport.titel if rapport else "(kan inte läsas: kör rtnreport check)"
        built = [f for f in ("html", "pdf") if (project.build / f"{rid}.{f}").exists()]
        if not built:
            state = "ej byggd"
        elif cache.is_fresh(project, project.build, rid,
                            cache.cache_key(project, rid, year, "pdf/ua-1"), built):
            state = "aktuell"
        else:
            state = "inaktuell"
        rows.append(ReportRow(rid, typ, typ in REPORT_TYPES, state, title))
    return rows


def format_rows(rows: list[ReportRow]) -> list[str]:
    """The table ``rtnreport list`` prints."""
    if not rows:
        return ["Inga rapporter: ingen data/<år>/rapporter.yaml definierar någon."]
    width = max(len(r.id) for r in rows)
    lines = [f"{'rapport':<{width}}  {'typ':<10}  kan byggas  build/     titel"]
    for r in rows:
        lines.append(f"{r.id:<{width}}  {r.typ:<10}  {'ja' if r.buildable else 'nej':<10}  "
                     f"{r.state:<9}  {r.title}")
    return lines
