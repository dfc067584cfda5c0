"""A report's data: the year's plan, with what the report's own folder adds.

A follow-up (delår, helår) takes its structure and targets — perspektiv,
goals, indicators with their targets, uppdrag, risks — from the year's plan,
and everything its period reports — outcomes, assessments, comments, the
economy and staff tables, its texts — from ``data/<år>/<rapport-id>/``,
matched by stable id.  The plan's own comments are never shown as a
follow-up's.  Nothing here reads or writes a file: :func:`report_data` only
combines loaded models, so a follow-up can never change its plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import models as m
from .loading import Redirect, ReportFolder, YearData
from .problems import Problem
from .reports import REPORT_TYPES


def data_kind(rapport: m.Rapport) -> str:
    """``plan``, ``uppfoljning`` or ``egen`` (see :data:`rtnreport.reports.Data`)."""
    rtype = REPORT_TYPES.get(rapport.typ)
    return rtype.data if rtype is not None else "plan"


def find_rapport(plan: YearData, report_id: str) -> m.Rapport | None:
    if plan.rapporter is None:
        return None
    return next((r for r in plan.rapporter.rapporter if r.id == report_id), None)


def report_data(plan: YearData, rapport: m.Rapport) -> YearData:
    """The data one report shows: the plan, merged with the report's own folder."""
    kind = data_kind(rapport)
    if kind == "plan":
        return plan
    folder = plan.reports.get(rapport.id) or ReportFolder(root=plan.root / rapport.id,
                                                          id=rapport.id)
    out = YearData(root=plan.root, year=plan.year, rapporter=plan.rapporter,
                   report_id=rapport.id, config=plan.config)
    out.maps = dict(plan.maps)
    out.texts, out.text_files = folder.texts, folder.text_files
    out.failed_files = set(plan.failed_files) | folder.failed_files
    own = ("ekonomi", "personal", "rus") if kind == "uppfoljning" else (
        "mal", "indikatorer", "uppdrag", "ekonomi", "personal", "internkontroll", "rus")
    for attr in own:
        name = f"{attr}.yaml"
        setattr(out, attr, getattr(folder, attr))
        out.redirects.append(_redirect(folder, name, (), ()))
        out.failed_files.discard(name)
        if folder.failed(name):
            out.failed_files.add(name)
    if kind == "uppfoljning":
        _merge_goals(out, plan, folder)
        _merge_list(out, plan, folder, "indikatorer", m.Indikator)
        _merge_list(out, plan, folder, "uppdrag", m.Uppdrag)
        _merge_internkontroll(out, plan, folder)
    return out


def _redirect(folder: ReportFolder, name: str, prefix: tuple[Any, ...],
              target: tuple[Any, ...]) -> Redirect:
    return Redirect(name, prefix, folder.maps.get(name), target, folder.file(name))


def _fields(item: Any, overlay: Any | None, fields: tuple[str, ...]) -> dict[str, Any]:
    """The follow-up fields of ``item`` as the overlay gives them (empty where it does not)."""
    out: dict[str, Any] = {}
    for name in fields:
        default = type(item).model_fields[name].get_default(call_default_factory=True)
        out[name] = getattr(overlay, name) if overlay is not None else default
    return out


def _merge_goals(out: YearData, plan: YearData, folder: ReportFolder) -> None:
    if plan.mal is None:
        return
    own = folder.mal.poster if folder.mal else {}
    persps = []
    for pi, persp in enumerate(plan.mal.perspektiv):
        poster = []
        for qi, post in enumerate(persp.poster):
            fields = m.FOLLOWUP_FIELDS[type(post)]
            poster.append(post.model_copy(update=_fields(post, own.get(post.id), fields)))
            if post.id in own:
                for f in fields:
                    out.redirects.append(_redirect(folder, "mal.yaml",
                                                   ("perspektiv", pi, "poster", qi, f),
                                                   ("poster", post.id, f)))
        persps.append(persp.model_copy(update={"poster": poster}))
    published = folder.mal.publicerad_sammanfattning if folder.mal else None
    out.mal = plan.mal.model_copy(update={"perspektiv": persps,
                                          "publicerad_sammanfattning": published})
    out.redirects.append(_redirect(folder, "mal.yaml", ("publicerad_sammanfattning",),
                                   ("publicerad_sammanfattning",)))


def _merge_list(out: YearData, plan: YearData, folder: ReportFolder, attr: str,
                kind: type[m.Base]) -> None:
    """Indicators or uppdrag: each plan item with its follow-up fields from the folder.

    ``attr`` names both the file (``<attr>.yaml``) and its list (``<attr>:``).
    """
    plan_file = getattr(plan, attr)
    if plan_file is None:
        return
    folder_file = getattr(folder, attr)
    own = getattr(folder_file, attr) if folder_file else {}
    fields = m.FOLLOWUP_FIELDS[kind]
    items = []
    for i, item in enumerate(getattr(plan_file, attr)):
        items.append(item.model_copy(update=_fields(item, own.get(item.id), fields)))
        if item.id in own:
            for f in fields:
                out.redirects.append(_redirect(folder, f"{attr}.yaml", (attr, i, f),
                                               (attr, item.id, f)))
    setattr(out, attr, plan_file.model_copy(update={attr: items}))


def _merge_internkontroll(out: YearData, plan: YearData, folder: ReportFolder) -> None:
    if plan.internkontroll is None:
        return
    ik = folder.internkontroll
    own = ik.risker if ik else {}
    omraden = []
    for oi, omr in enumerate(plan.internkontroll.omraden):
        risker = []
        for ri, risk in enumerate(omr.risker):
            follow = own.get(risk.id)
            atgarder = []
            for ai, atg in enumerate(risk.atgarder):
                f_atg = follow.atgarder[ai] if follow and ai < len(follow.atgarder) else None
                atgarder.append(atg.model_copy(update={
                    "status": f_atg.status if f_atg else None,
                    "kommentar": f_atg.kommentar if f_atg else None,
                    "kalla": (f_atg.kalla if f_atg else None) or atg.kalla,
                }))
            update: dict[str, Any] = {"atgarder": atgarder}
            update.update(_fields(risk, follow, m.FOLLOWUP_FIELDS[m.Risk]))
            risker.append(risk.model_copy(update=update))
            if follow is not None:
                path = ("omraden", oi, "risker", ri)
                for f in (*m.FOLLOWUP_FIELDS[m.Risk], "atgarder"):
                    out.redirects.append(_redirect(folder, "internkontroll.yaml", path + (f,),
                                                   ("risker", risk.id, f)))
        omraden.append(omr.model_copy(update={"risker": risker}))
    out.internkontroll = plan.internkontroll.model_copy(update={
        "omraden": omraden, "isk_bedomning": ik.isk_bedomning if ik else None})
    out.redirects.append(_redirect(folder, "internkontroll.yaml", ("isk_bedomning",),
                                   ("isk_bedomning",)))


def reference_report(plan: YearData) -> m.Rapport | None:
    """The follow-up whose outcomes stand for the year (the helår, else the latest delår)."""
    if plan.rapporter is None:
        return None
    followups = [r for r in plan.rapporter.rapporter if data_kind(r) == "uppfoljning"]
    if not followups:
        return None
    return max(followups, key=lambda r: (r.typ == "helar", r.period.till))


def outcomes_of_year(plan: YearData | None) -> YearData | None:
    """The year's outcomes for trends and "fg år": its reference follow-up's data."""
    if plan is None:
        return None
    rapport = reference_report(plan)
    return report_data(plan, rapport) if rapport is not None else plan


def load_report(data_root: Path, report_id: str) -> tuple[YearData, list[Problem]]:
    """Load the year of ``report_id`` and return the report's merged data (library use)."""
    from .loading import load_year

    year = report_id.split("-", 1)[0]
    plan, problems = load_year(data_root, year)
    rapport = find_rapport(plan, report_id)
    if rapport is None:
        raise KeyError(f"okänd rapport '{report_id}' i {data_root / year}")
    return report_data(plan, rapport), problems
