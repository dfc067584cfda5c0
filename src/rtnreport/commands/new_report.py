"""``rtnreport new-report``: start a report of a planned year without touching the plan.

For a follow-up (delår, helår) it writes the report's own folder
``data/<år>/<id>/`` with a stub for every goal, indicator, uppdrag and risk of
the plan (assessment empty), the economy tables with the report's columns and
the plan's budget filled in, the staff tables carried from the last
follow-up, and a stub for each text the report needs; and it appends the
report to ``rapporter.yaml``.  It never overwrites a file and never writes a
plan file other than appending to ``rapporter.yaml``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .. import models as m
from ..checks import TEXT_STUB as STUB_MARK
from ..followup import data_kind, find_rapport, outcomes_of_year, report_data
from ..loading import REPORT_DIR, YearData, load_year
from ..problems import Problem
from ..project import Project
from ..reports import REPORT_TYPES, type_from_id
from .new_year import carry_ekonomi, carry_personal, dump

TEXT_STUB = f"Skriv texten här. {STUB_MARK}\n"
"""A text stub's words; ``check`` warns while a report still has one."""

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]
MONTHS_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


class NewReportError(Exception):
    """A usage problem (exit 2): a bad id, an unknown type, a missing year."""


@dataclass
class Created:
    report_id: str
    typ: str
    files: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Files that existed already and were left as they were."""
    entry_added: bool = False
    todo: list[str] = field(default_factory=list)


def _q(value: Any) -> str:
    """One YAML scalar, quoted where YAML would misread it."""
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return format(value, "f")
    text = yaml.safe_dump(str(value), allow_unicode=True, width=10_000).strip()
    return text.removesuffix("\n...").strip()


def _comment(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def default_till(typ: str, year: int, plan: YearData, previous: YearData | None) -> date:
    """The period end: as last year's report of the same type, else the usual one."""
    for data in (plan, previous):
        if data is not None and data.rapporter is not None:
            same = [r for r in data.rapporter.rapporter if r.typ == typ]
            if same:
                last = max(same, key=lambda r: r.period.till).period.till
                day = min(last.day, calendar.monthrange(year, last.month)[1])
                return date(year, last.month, day)
    return date(year, 8, 31) if typ == "delar" else date(year, 12, 31)


def rapport_entry(report_id: str, typ: str, till: date, plan: YearData,
                  previous: YearData | None) -> str:
    """The report's entry for rapporter.yaml, as YAML text (appended, never rewritten)."""
    rtype = REPORT_TYPES[typ]
    year = report_id[:4]
    like = None
    for data in (plan, previous):
        if data is not None and data.rapporter is not None and data.rapporter.rapporter:
            like = data.rapporter.rapporter[0]
            break
    titel = f"{rtype.namn} {year}" if typ != "delar" else "Delårsrapport"
    lines = [f"  - id: {report_id}", f"    typ: {typ}", f"    titel: {_q(titel)}"]
    if typ == "delar":
        lines.append(f"    undertitel: {_q(f'Per {till.day} {MONTHS[till.month - 1]} {year}')}")
    lines.append(f"    namnd: {_q(like.namnd if like else 'Nämndens namn')}")
    lines.append(f"    forvaltning: {_q(like.forvaltning if like else 'Förvaltningens namn')}")
    if like is not None and "region" in like.model_fields_set:
        lines.append(f"    region: {_q(like.region)}")
    lines += ["    period:", f"      fran: {year}-01-01", f"      till: {till.isoformat()}",
              "    status: utkast"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# The follow-up folder's files, as commented YAML an analyst fills in.

GOAL_HINT = "# status: gron, gul eller rod · trend: forbattrad, oforandrad eller forsamrad"
IND_HINT = ("# utfall: värde och den period det avser · status: helt, delvis, inte_alls eller "
            "varde_saknas")


def _label(post: Any) -> str:
    nummer = getattr(post, "nummer", None)
    head = getattr(post, "rubrik", None) or getattr(post, "text", "")
    kind = {"effektmal": "Effektmål", "mal": "Mål", "strategi": "Strategi"}.get(
        getattr(post, "typ", ""), "")
    return _comment(f"{kind} {nummer + ': ' if nummer else ''}{head}".strip())


def mal_stub(plan: YearData) -> str:
    out = [GOAL_HINT, "poster:"]
    for persp in plan.mal.perspektiv if plan.mal else []:
        for post in persp.poster:
            out.append(f"  # {_label(post)}")
            out.append(f"  {post.id}:")
            if isinstance(post, (m.Effektmal, m.Mal)):
                out += ["    bedomning:", "      status: null", "      trend: null"]
            out.append("    kommentar: null")
    return "\n".join(out) + "\n"


def indikatorer_stub(plan: YearData) -> str:
    out = [IND_HINT, "indikatorer:"]
    for ind in plan.indikatorer.indikatorer if plan.indikatorer else []:
        target = ind.malvarde
        goal = ""
        if target is not None and (target.varde is not None or target.min is not None):
            goal = " (målvärde " + (f"{target.min}–{target.max}" if target.min is not None
                                    else f"{target.operator or ''}{target.varde}") + ")"
        out.append(f"  # {_comment((ind.nummer + '. ' if ind.nummer else '') + ind.text + goal)}")
        out += [f"  {ind.id}:", "    utfall:", "      varde: null", "      period: null",
                "    bedomning:", "      status: null", "      trend: null",
                "    kommentar: null"]
    return "\n".join(out) + "\n"


def uppdrag_stub(plan: YearData) -> str:
    out = [GOAL_HINT.split(" · ")[0], "uppdrag:"]
    for upp in plan.uppdrag.uppdrag if plan.uppdrag else []:
        out.append(f"  # {_comment(('Nr ' + upp.nummer + ': ' if upp.nummer else '') + upp.text)}")
        out += [f"  {upp.id}:", "    bedomning:", "      status: null", "      trend: null",
                "    kommentar: null"]
    return "\n".join(out) + "\n"


def internkontroll_stub(plan: YearData) -> str:
    out = ["# per åtgärd, i planens ordning · status: pagaende, avslutad eller ej_genomford",
           "risker:"]
    for omr in plan.internkontroll.omraden if plan.internkontroll else []:
        for risk in omr.risker:
            out.append(f"  # {_comment(omr.verksamhet + ': ' + risk.text)}")
            out += [f"  {risk.id}:", "    atgarder:"]
            for atg in risk.atgarder:
                out.append(f"      # {_comment(atg.text, 80)}")
                out += ["      - status: null", "        kommentar: null"]
            if not risk.atgarder:
                out[-1] = "    atgarder: []"
    return "\n".join(out) + "\n"


RESULTAT_INPUTS = {
    "delar": ("utfall_ack", "budget_ack", "utfall_ack_fg_ar", "prognos", "budget",
              "budgetavvikelse_fg_ar"),
    "helar": ("utfall", "budget", "utfall_fg_ar"),
}
INVEST_COLUMNS = {
    "delar": (["utfall_ack", "prognos", "budget"], ["Utfall ack", "Prognos", "Budget"]),
    "helar": (["utfall", "budget", "overfort"], ["Utfall", "Budget", "Överfört"]),
}


def ekonomi_for(typ: str, till: date, plan: YearData,
                earlier: YearData | None) -> m.EkonomiFil | None:
    """The economy tables with the report's columns; the plan's budget filled in.

    Structure (rows, areas) comes from the plan, or — where the plan has no
    economy tables — from the last follow-up, emptied.  Last year's figures
    ("fg år") are filled from last year's report of the same type where it has them.
    """
    source = plan.ekonomi
    if source is None and earlier is not None and earlier.ekonomi is not None:
        source = carry_ekonomi(earlier.ekonomi)
    if source is None:
        return None
    year = till.year
    update: dict[str, Any] = {"ekonomisk_ram": None, "nyckeltal": []}
    rr = source.resultatrapport
    if rr is not None and typ in RESULTAT_INPUTS:
        prev_rr = earlier.ekonomi.resultatrapport if earlier and earlier.ekonomi else None
        prev_rows = {r.id: r for r in prev_rr.rader} if prev_rr is not None else {}
        same_kind = prev_rr is not None and prev_rr.columns == m.RESULTAT_KOLUMNSET[typ]
        rows: list[m.ResultatRad] = []
        for rad in rr.rader:
            values: dict[str, Any] = dict.fromkeys(m.RESULTAT_VARDEN)
            if rad.slag != "summa":
                values["budget"] = rad.budget
                prev = prev_rows.get(rad.id)
                if prev is not None and same_kind and prev.slag != "summa":
                    if typ == "delar":
                        values["utfall_ack_fg_ar"] = prev.utfall_ack
                    else:
                        values["utfall_fg_ar"] = prev.utfall
            rows.append(rad.model_copy(update=values))
        update["resultatrapport"] = rr.model_copy(update={
            "kolumner": typ, "kolumnrubriker": {}, "rader": rows,
            "publicerat": {}, "diagram": [], "kalla": None, "fotnot": None,
            "rubrik": (rr.rubrik or "Resultatrapport").replace("Resultatbudget",
                                                               "Resultatrapport")})
    dr = source.driftredovisning
    if dr is not None:
        rows2 = [m.DriftRad(id=r.id, namn=r.namn, underomrade=r.underomrade,
                            kommentar_rubrik=r.kommentar_rubrik) for r in dr.rader]
        period = (f"ack {MONTHS_SHORT[till.month - 1]} {year}" if typ == "delar"
                  else str(year))
        update["driftredovisning"] = dr.model_copy(update={
            "rader": rows2, "publicerat_summa": {}, "kalla": None, "fotnot": None,
            "period": period, "period_fg_ar": None,
            "rubrik": (dr.rubrik or "Driftredovisning").replace("Driftbudget",
                                                                "Driftredovisning")})
    inv = source.investeringar
    if inv is not None and typ in INVEST_COLUMNS:
        cols, heads = INVEST_COLUMNS[typ]
        rows3 = [m.InvesteringRad(namn=r.namn, kategori=r.kategori, budget=r.budget)
                 for r in inv.rader]
        update["investeringar"] = inv.model_copy(update={
            "kolumner": cols, "kolumnrubriker": [f"{h} {year}" for h in heads],
            "rader": rows3, "publicerat_summa": {}, "kalla": None,
            "rubrik": "Uppföljning investeringar"})
    update["handlingsplan"] = None
    return source.model_copy(update=update)


def ekonomi_text(ek: m.EkonomiFil, typ: str) -> str:
    """The economy stub as YAML, with an empty (null) cell for every value to fill in."""
    import yaml as pyyaml

    from .new_year import _Dumper

    data = ek.model_dump(mode="python", exclude_defaults=True)
    rr = data.get("resultatrapport")
    if rr is not None:
        inputs = [c for c in ek.resultatrapport.columns  # type: ignore[union-attr]
                  if c in m.RESULTAT_VARDEN]
        for row in rr["rader"]:
            if row["slag"] != "summa":
                for col in inputs:
                    row.setdefault(col, None)
    dr = data.get("driftredovisning")
    if dr is not None:
        for row in dr["rader"]:
            for col in ("budgetavvikelse", "omsattning"):
                row.setdefault(col, None)
    inv = data.get("investeringar")
    if inv is not None:
        for row in inv["rader"]:
            for col in inv["kolumner"]:
                row.setdefault(col, None)
    return pyyaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


@dataclass
class Plan:
    """What new-report will write: path → text, and the rapporter.yaml entry."""

    files: dict[Path, str] = field(default_factory=dict)
    entry: str | None = None
    todo: list[str] = field(default_factory=list)


def plan_report(project: Project, report_id: str, typ: str | None = None,
                till: date | None = None) -> tuple[str, Plan, list[Problem]]:
    """Decide what to write for ``report_id`` (nothing is written here)."""
    if not REPORT_DIR.match(report_id):
        raise NewReportError(f"'{report_id}' är inget rapport-id; skriv <år>-<slag>, "
                             "t.ex. 2025-delar")
    typ = typ or type_from_id(report_id)
    if typ is None or typ not in REPORT_TYPES:
        endings = ", ".join(s for t in REPORT_TYPES.values() for s in t.suffixes)
        raise NewReportError(f"kan inte avgöra rapporttypen av '{report_id}'; ange --typ "
                             f"({', '.join(REPORT_TYPES)}) eller avsluta id:t med: {endings}")
    year = report_id[:4]
    if not (project.data / year).is_dir():
        raise NewReportError(f"det finns ingen plan för {year} (data/{year}/); börja med "
                             f"'rtnreport new-year {year} --from {int(year) - 1}'")
    plan, problems = load_year(project.data, year)
    errors = [p for p in problems if p.level == "error"
              and not str(p.position.file if p.position else "").startswith(
                  str(project.data / year / report_id))]
    if errors:
        return typ, Plan(), errors
    previous = None
    if (project.data / str(int(year) - 1)).is_dir():
        previous, _ = load_year(project.data, str(int(year) - 1))
    till = till or default_till(typ, int(year), plan, previous)
    if str(till.year) != year:
        raise NewReportError(f"--till {till.isoformat()} ligger inte i {year}")
    rtype = REPORT_TYPES[typ]
    out = Plan()
    existing = find_rapport(plan, report_id)
    if existing is None:
        out.entry = rapport_entry(report_id, typ, till, plan, previous)
    elif existing.typ != typ:
        raise NewReportError(f"rapporten '{report_id}' finns redan i rapporter.yaml med typ "
                             f"'{existing.typ}'")
    kind = rtype.data
    folder = project.data / year / report_id
    text_dir = (folder if kind != "plan" else project.data / year) / "text"
    # the last follow-up before this one: same type last year, else last year's outcomes
    earlier = None
    if previous is not None and previous.rapporter is not None:
        same = [r for r in previous.rapporter.rapporter if r.typ == typ]
        earlier = (report_data(previous, max(same, key=lambda r: r.period.till)) if same
                   else outcomes_of_year(previous))
    if kind == "uppfoljning":
        out.files[folder / "mal.yaml"] = mal_stub(plan)
        out.files[folder / "indikatorer.yaml"] = indikatorer_stub(plan)
        out.files[folder / "uppdrag.yaml"] = uppdrag_stub(plan)
        if plan.internkontroll is not None:
            out.files[folder / "internkontroll.yaml"] = internkontroll_stub(plan)
        ek = ekonomi_for(typ, till, plan, earlier)
        if ek is not None:
            out.files[folder / "ekonomi.yaml"] = ekonomi_text(ek, typ)
        personal_from = next((d.personal for d in (earlier,) if d is not None and d.personal),
                             None)
        if personal_from is not None:
            out.files[folder / "personal.yaml"] = dump(carry_personal(personal_from))
        out.todo += [f"bedöm målen, uppdragen och indikatorerna i {folder.name}/mal.yaml, "
                     "uppdrag.yaml och indikatorer.yaml (status, trend, utfall, kommentar)"]
        if ek is not None:
            out.todo.append(f"fyll i ekonomins utfall och prognos i {folder.name}/ekonomi.yaml")
    elif kind == "egen" and typ == "rus":
        prev_rus = next((report_rus(previous, r) for r in (previous.rapporter.rapporter
                         if previous and previous.rapporter else []) if r.typ == "rus"), None)
        goals = [g.model_copy(update={"effektmal": [], "publicerad_fordelning": None,
                                      "uppfylls_2030": None, "text": None, "figur": None,
                                      "kalla": None, "antal_effektmal": None})
                 for g in prev_rus.overgripande_mal] if prev_rus is not None else [
            m.RusOvergripandeMal(id="overgripande-mal-1", rubrik="Övergripande mål 1")]
        out.files[folder / "rus.yaml"] = dump(m.RusFil(overgripande_mal=goals))
        out.todo.append(f"skriv de övergripande målen och deras bedömning i {folder.name}/rus.yaml")
    for key in rtype.texts + tuple(t for t in rtype.optional_texts
                                   if t not in ("investeringar", "intern-styrning")):
        out.files[text_dir / f"{key}.md"] = TEXT_STUB
    if rtype.texts:
        out.todo.append(f"skriv texterna i {text_dir.relative_to(project.root)}/ "
                        "(check varnar så länge en mall står kvar)")
    for need in rtype.files:
        path = (folder if kind != "plan" and need not in (
            "mal", "indikatorer", "uppdrag", "internkontroll") else project.data / year)
        if need == "rus" or kind == "plan" or need in ("ekonomi", "personal"):
            target = path / f"{need}.yaml"
            if target not in out.files and not target.exists() and getattr(plan, need) is None:
                out.todo.append(f"skapa {target.relative_to(project.root)} (rapporttypen "
                                f"{rtype.namn.lower()} visar den)")
    out.todo.append(f"kör: rtnreport check {year} && rtnreport build {report_id}")
    return typ, out, []


def report_rus(year: YearData | None, rapport: m.Rapport) -> m.RusFil | None:
    if year is None:
        return None
    folder = year.reports.get(rapport.id)
    return folder.rus if folder is not None else None


def new_report(project: Project, report_id: str, typ: str | None = None,
               till: date | None = None) -> tuple[Created, list[Problem]]:
    """Write the report's entry and stubs; never overwrite a file."""
    from ..outputs import atomic_write

    typ, todo, problems = plan_report(project, report_id, typ, till)
    created = Created(report_id, typ)
    if problems:
        return created, problems
    for path, text in todo.files.items():
        if path.exists():
            created.kept.append(path)
            continue
        header = "" if path.suffix == ".md" else (
            f"# {report_id}: skapad med 'rtnreport new-report {report_id}'.\n")
        atomic_write(path, (header + text).encode("utf-8"))
        created.files.append(path)
    if todo.entry is not None:
        rapporter = project.data / report_id[:4] / "rapporter.yaml"
        if rapporter.exists():
            old = rapporter.read_text(encoding="utf-8")
            sep = "" if old.endswith("\n") else "\n"
            atomic_write(rapporter, (old + sep + todo.entry).encode("utf-8"))
        else:
            atomic_write(rapporter, ("rapporter:\n" + todo.entry).encode("utf-8"))
        created.entry_added = True
    created.todo = todo.todo
    return created, problems


__all__ = ["Created", "NewReportError", "data_kind", "new_report", "plan_report", "TEXT_STUB"]
