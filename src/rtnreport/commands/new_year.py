"""``rtnreport new-year``: start next year's data from this year's.

Goals, styrtal, uppdrag, table rows and risks are carried with their ids, so
next year's diff and trends work; everything that is an outcome of the year —
utfall, statuses, comments, amounts, published figures — is emptied.  The last
outcome of each styrtal becomes its ``senast_kanda`` value and joins
``tidigare_utfall`` so the trend can be computed next year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .. import models as m
from ..followup import outcomes_of_year
from ..loading import load_year
from ..problems import Problem
from ..project import Project

HEADER = ("# {what} {year}: startad med 'rtnreport new-year {year} --from {source}'.\n"
          "# Id, struktur och texter är överförda från {source}; utfall, status, kommentarer\n"
          "# och belopp är tömda och fylls i under året.\n")


class NewYearError(Exception):
    pass


@dataclass
class Carried:
    target: str
    source: str
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    not_carried: list[str] = field(default_factory=list)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the loader rejects anchors and aliases
        return True


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _str)


def dump(model: m.Base) -> str:
    data = model.model_dump(mode="python", exclude_defaults=True)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _blank_rows(values: list[Any]) -> list[None]:
    return [None for _ in values]


def carry_mal(mal: m.MalFil) -> m.MalFil:
    persps = []
    for p in mal.perspektiv:
        posts = [post.model_copy(update={"kommentar": None, "kalla": None,
                                          **({"bedomning": None} if hasattr(post, "bedomning")
                                             else {})})
                 for post in p.poster]
        persps.append(p.model_copy(update={"poster": posts}))
    return m.MalFil(perspektiv=persps)


def carry_indikatorer(fil: m.IndikatorFil) -> m.IndikatorFil:
    out = []
    for ind in fil.indikatorer:
        latest = ind.utfall or ind.senast_kanda
        out.append(ind.model_copy(update={
            "utfall": None, "senast_kanda": latest, "tidigare_utfall": [],
            "bedomning": None, "kommentar": None, "uppdelningar": [], "serier": [],
            "efter_tabell": None, "kalla": None}))
    return m.IndikatorFil(indikatorer=out)


def carry_uppdrag(fil: m.UppdragFil, source: str, target: str) -> m.UppdragFil:
    return m.UppdragFil(uppdrag=[
        u.model_copy(update={"bedomning": None, "kommentar": None, "kalla": None,
                             "kontinuitet": f"Från {source} fortsätter {target}"})
        for u in fil.uppdrag])


def carry_ekonomi(ek: m.EkonomiFil) -> m.EkonomiFil:
    update: dict[str, Any] = {}
    if ek.resultatrapport:
        blank = [r.model_copy(update=dict.fromkeys(m.RESULTAT_VARDEN))
                 for r in ek.resultatrapport.rader]
        update["resultatrapport"] = ek.resultatrapport.model_copy(update={
            "rader": blank, "publicerat": {}, "kalla": None})
    if ek.driftredovisning:
        rows = [m.DriftRad(id=r.id, namn=r.namn, underomrade=r.underomrade,
                           kommentar_rubrik=r.kommentar_rubrik)
                for r in ek.driftredovisning.rader]
        update["driftredovisning"] = ek.driftredovisning.model_copy(update={
            "rader": rows, "publicerat_summa": {}, "kalla": None})
    if ek.investeringar:
        rows2 = [m.InvesteringRad(namn=r.namn, kategori=r.kategori)
                 for r in ek.investeringar.rader]
        update["investeringar"] = ek.investeringar.model_copy(update={
            "rader": rows2, "publicerat_summa": {}, "kalla": None})
    if ek.handlingsplan:
        rows3 = [r.model_copy(update={"varden": _blank_rows(r.varden)})
                 for r in ek.handlingsplan.rader]
        update["handlingsplan"] = ek.handlingsplan.model_copy(update={
            "rader": rows3, "publicerat_summa": [], "kalla": None})
    update["nyckeltal"] = [n.model_copy(update={"varden": {}, "kalla": None})
                           for n in ek.nyckeltal]
    update["ekonomisk_ram"] = None
    return ek.model_copy(update=update)


def carry_personal(pe: m.PersonalFil) -> m.PersonalFil:
    update: dict[str, Any] = {}
    if pe.lonekostnad:
        update["lonekostnad"] = m.Lonekostnad(rubrik=pe.lonekostnad.rubrik,
                                              enhet=pe.lonekostnad.enhet)
    if pe.kostnadsanalys:
        update["kostnadsanalys"] = pe.kostnadsanalys.model_copy(update={
            "rader": [m.KostnadsRad(namn=r.namn, konto=r.konto, utfall=None, utfall_fg_ar=None)
                      for r in pe.kostnadsanalys.rader],
            "publicerat_summa": {}, "kommentar": None})
    update["arsarbetare"] = [
        a.model_copy(update={"rader": [m.ArsarbetareRad(namn=r.namn, i_ar=[None, None],
                                                         fg_ar=[None, None]) for r in a.rader],
                             "publicerat_summa": None, "publicerat_summa_i_ar": [],
                             "publicerat_summa_fg_ar": [], "kommentar": None})
        for a in pe.arsarbetare]
    update["sjukfranvaro"] = None  # hours only: nothing to carry but the heading
    return pe.model_copy(update=update)


def carry_internkontroll(ik: m.InternkontrollFil) -> m.InternkontrollFil:
    return m.InternkontrollFil(omraden=[
        o.model_copy(update={"kalla": None, "risker": [
            r.model_copy(update={"uppfoljning": None, "isk_bedomning": None, "atgarder": [
                a.model_copy(update={"status": None, "kommentar": None, "kalla": None})
                for a in r.atgarder]})
            for r in o.risker]})
        for o in ik.omraden])


def new_year(project: Project, target: str, source: str) -> tuple[Carried, list[Problem]]:
    """Write ``data/<target>/`` from ``data/<source>/``; refuse to overwrite."""
    from ..outputs import atomic_write

    if not (target.isdigit() and len(target) == 4 and source.isdigit() and len(source) == 4):
        raise NewYearError("ange år med fyra siffror, t.ex. 'rtnreport new-year 2027 --from 2026'")
    dest = project.data / target
    if dest.exists():
        raise NewYearError(f"{dest} finns redan; new-year skriver aldrig över ett år")
    plan, problems = load_year(project.data, source)
    errors = [p for p in problems if p.level == "error"]
    if errors:
        return Carried(target, source), errors
    # the plan's structure, with the year's last known outcomes (its helår or latest delår)
    data = outcomes_of_year(plan) or plan
    if plan.ekonomi is None and data.ekonomi is not None:
        plan_ekonomi = carry_ekonomi(data.ekonomi)
        if plan_ekonomi.resultatrapport is not None:
            plan_ekonomi = plan_ekonomi.model_copy(update={
                "resultatrapport": plan_ekonomi.resultatrapport.model_copy(
                    update={"kolumner": "vp", "kolumnrubriker": {}, "diagram": []})})
    else:
        plan_ekonomi = carry_ekonomi(plan.ekonomi) if plan.ekonomi else None
    carried = Carried(target, source)
    outputs: dict[str, tuple[str, m.Base]] = {}
    if data.mal:
        outputs["mal.yaml"] = ("Mål", carry_mal(data.mal))
        posts = [p for persp in data.mal.perspektiv for p in persp.poster]
        carried.counts["mål, effektmål och strategier"] = len(posts)
    if data.indikatorer:
        outputs["indikatorer.yaml"] = ("Indikatorer", carry_indikatorer(data.indikatorer))
        carried.counts["indikatorer/styrtal"] = len(data.indikatorer.indikatorer)
    if data.uppdrag:
        outputs["uppdrag.yaml"] = ("Uppdrag", carry_uppdrag(data.uppdrag, source, target))
        carried.counts["uppdrag"] = len(data.uppdrag.uppdrag)
    if plan_ekonomi is not None:
        outputs["ekonomi.yaml"] = ("Ekonomi", plan_ekonomi)
        dr = plan_ekonomi.driftredovisning
        carried.counts["områden i driftredovisningen"] = len(dr.rader) if dr else 0
    if data.personal:
        carried.not_carried.append("personalekonomin (den hör till uppföljningarna; "
                                   f"rtnreport new-report {target}-delar skapar den)")
    if data.internkontroll:
        outputs["internkontroll.yaml"] = ("Internkontroll",
                                          carry_internkontroll(data.internkontroll))
        carried.counts["risker"] = sum(len(o.risker) for o in data.internkontroll.omraden)
    if plan.rapporter:
        carried.not_carried.append("rapporter.yaml (lägg till årets rapporter med "
                                   f"rtnreport new-report {target}-vp, {target}-delar …)")
    if data.texts:
        carried.not_carried.append(f"{len(data.texts)} texter i text/ (skrivs för det nya året)")
    if data.rus:
        carried.not_carried.append("rus.yaml (RUS-uppföljningen görs om varje år)")
    dest.mkdir(parents=True)
    for name, (what, model) in outputs.items():
        text = HEADER.format(what=what, year=target, source=source) + dump(model)
        path = dest / name
        atomic_write(path, text.encode("utf-8"))
        carried.files.append(path)
    _, check = load_year(project.data, target)
    return carried, [p for p in check if p.level == "error"]
