"""``rtnreport kolada REPORT``: the follow-up's indicator values from Kolada, as a diff; --write writes.

Exit codes: 0 done (with or without changes), 1 data (errors in the indicator files,
an unknown KPI or area, a response without a mapped KPI), 2 usage or environment
(unknown report, not a follow-up, Kolada unreachable, a --from-file that is not a
Kolada response).  On any failure nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..kolada.client import KoladaClient, KoladaError, Transport, urllib_transport
from ..kolada.importera import ImportFailed, Result, file_source, live_source, plan_import, write
from ..problems import Problem
from ..project import Project


def run_kolada(project: Project, report_id: str, *, from_files: list[Path] = (),
               only: list[str] = (), write_files: bool = False, overwrite: bool = False,
               today: date | None = None, transport: Transport = urllib_transport,
               timeout: float = 30.0, sleep: Callable[[float], None] | None = None,
               ) -> tuple[Result, list[Path]]:
    """Compute (and with ``write_files`` write) one follow-up's Kolada values.

    Raises :class:`ImportFailed` (with ``exit_code`` and problems) on any failure; then
    no file has been written.
    """
    if from_files:
        source = file_source(list(from_files))
    else:
        kw = {"sleep": sleep} if sleep is not None else {}
        source = live_source(KoladaClient(transport=transport, timeout=timeout, **kw))
    try:
        result = plan_import(project, report_id, source, only=list(only), overwrite=overwrite,
                             today=today)
    except KoladaError as exc:
        problems: list[Problem] = []
        if exc.kpi and exc.exit_code == 1:
            problems = _where_mapped(project, report_id, exc)
        raise ImportFailed(str(exc), exc.exit_code, problems) from exc
    written = write(result) if write_files else []
    return result, written


def _where_mapped(project: Project, report_id: str, exc: KoladaError) -> list[Problem]:
    """The plan lines that name an unknown KPI or area."""
    from ..loading import load_year
    from ..problems import error

    plan, _ = load_year(project.data, report_id.split("-", 1)[0])
    out = []
    for i, ind in enumerate(plan.indikatorer.indikatorer if plan.indikatorer else []):
        k = ind.kolada
        if k is None or k.kpi != exc.kpi:
            continue
        path = ("indikatorer", i, "kolada")
        if not exc.omraden:
            out.append(error(str(exc), plan.where("indikatorer.yaml", path + ("kpi",)),
                             code="kolada", hint="rätta KPI-id:t (se kolada.se)"))
        elif k.omrade in exc.omraden:
            out.append(error(str(exc), plan.where("indikatorer.yaml", path + ("omrade",)),
                             code="kolada"))
        else:
            out.append(error(str(exc), plan.where("indikatorer.yaml", path + ("uppdelningar",)),
                             code="kolada"))
    return out
