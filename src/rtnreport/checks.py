"""Every check of one loaded year, in one place: structure, references, rules.

Turns the rules' findings into problems at file:line:col; never raises on
bad data.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import models as m
from .followup import data_kind, outcomes_of_year, report_data
from .loading import YearData
from .problems import Position, Problem, error, info, warning
from .project import Project
from .reports import REPORT_TYPES, required_texts
from .rules.report import Computed, compute_year, published_findings, references
from .validate import check_plan_fields, check_report_folders, check_year, goal_items

TEXT_STUB = "(Mall från rtnreport new-report: ersätt hela stycket.)"
"""The mark of a text stub that new-report wrote (see commands.new_report)."""

STATUS_ORD = {"helt": "helt", "delvis": "delvis", "inte_alls": "inte alls",
              "varde_saknas": "värde saknas"}
FARG_ORD = {"gron": "grön", "gul": "gul", "rod": "röd"}


def previous_year(data: YearData, all_years: dict[str, YearData]) -> YearData | None:
    return all_years.get(str(int(data.year) - 1)) if data.year.isdigit() else None


def check_loaded_year(plan: YearData, all_years: dict[str, YearData],
                      project: Project | None = None) -> list[Problem]:
    """Every check of one year: the plan, its report folders, and each report's data."""
    problems = check_year(plan) + check_plan_fields(plan) + check_report_folders(plan)
    problems += check_perspectives(plan)
    problems += check_plausible(plan)
    problems += check_kolada(plan)
    previous = outcomes_of_year(previous_year(plan, all_years))
    targets: list[tuple[YearData, list[tuple[int, m.Rapport]]]] = [(plan, [])]
    for i, rapport in enumerate(plan.rapporter.rapporter if plan.rapporter else []):
        data = report_data(plan, rapport)
        for target, rapports in targets:
            if target is data:
                rapports.append((i, rapport))
                break
        else:
            targets.append((data, [(i, rapport)]))
    for data, rapports in targets:
        computed = compute_year(data, previous)
        for _, rapport in rapports:
            plan.computed[rapport.id] = computed
        found = check_figures(data, computed)
        found += check_summary(data, computed)
        found += check_uppdrag_count(data, computed)
        found += check_rus(data, computed)
        found += check_indicators(data, computed)
        found += check_texts(data, computed)
        found += check_ekonomi(data, [r for _, r in rapports])
        found += check_plausible_values(data)
        if data.report_id is not None:
            found = [replace(p, report=data.report_id) for p in found]
        problems += found
        for i, rapport in rapports:
            problems += [replace(p, report=rapport.id)
                         for p in check_report_needs(plan, data, i, rapport)
                         + check_assessed(plan, data, rapport)
                         + check_previous_year(plan, all_years, i, rapport)]
    return _unique(problems)


RENDERED_TABLES: dict[str, tuple[str, ...]] = {
    "delar": ("resultatrapport", "driftredovisning", "investeringar", "handlingsplan",
              "nyckeltal"),
    "helar": ("resultatrapport", "driftredovisning", "investeringar", "handlingsplan",
              "nyckeltal"),
    "vp": ("resultatrapport", "driftredovisning", "investeringar", "nyckeltal"),
    "vp_forslag": ("ekonomisk_ram",),
    "rus": (),
}
"""The ekonomi.yaml tables each report type shows."""

TABLE_WORD = {"resultatrapport": "resultatrapporten", "driftredovisning": "driftredovisningen",
              "investeringar": "investeringarna", "handlingsplan": "handlingsplanen",
              "nyckeltal": "nyckeltalen", "ekonomisk_ram": "den ekonomiska ramen"}


def check_ekonomi(data: YearData, rapports: list[m.Rapport]) -> list[Problem]:
    """The declared result statement adds up, and nothing in ekonomi.yaml goes unshown.

    Errors: a sum naming an unknown row, a sum containing itself.  Warnings: an
    amount whose sign contradicts its row's kind (a positive kostnad), a shown
    column no row has a value for, and a table none of the reports reading
    this data shows.
    """
    from .rules.ekonomi import AMOUNT_COLUMNS, RESULTAT_KOLUMNER, SIGN_OF_KIND, sum_cycles

    out: list[Problem] = []
    ek = data.ekonomi
    if ek is None:
        return out
    rr = ek.resultatrapport
    if rr is not None:
        ids = [r.id for r in rr.rader]
        for i, rad in enumerate(rr.rader):
            path = ("resultatrapport", "rader", i)
            for j, part in enumerate(rad.summa):
                if part not in ids:
                    close = difflib.get_close_matches(part, ids, n=1)
                    out.append(error(
                        f"resultatrapport: summaraden '{rad.id}' summerar '{part}', som inte "
                        "är någon rad i tabellen", data.where("ekonomi.yaml", path + ("summa", j)),
                        code="ekonomi",
                        hint=f"menade du '{close[0]}'?" if close else "rader: " + ", ".join(ids)))
            sign = SIGN_OF_KIND.get(rad.slag)
            for col in AMOUNT_COLUMNS if sign else ():
                value = getattr(rad, col)
                if value is not None and value * sign < 0:
                    word = {"intakt": "en intäkt", "kostnad": "en kostnad",
                            "anslag": "ett anslag"}[rad.slag]
                    expected = "negativ" if sign < 0 else "positiv"
                    out.append(warning(
                        f"resultatrapport: '{rad.namn}' är {word} men {col} är {value}; "
                        f"{'en kostnad' if sign < 0 else 'den'} ska vara {expected}",
                        data.where("ekonomi.yaml", path + (col,)), code="ekonomi",
                        hint="kostnader skrivs negativa, intäkter och anslag positiva, som i "
                             "bokföringen; eller rätta radens slag"))
        for cycle in sum_cycles(rr):
            first = ids.index(cycle[0])
            out.append(error(f"resultatrapport: summan '{cycle[0]}' innehåller sig själv "
                             f"({' → '.join(cycle)})",
                             data.where("ekonomi.yaml", ("resultatrapport", "rader", first,
                                                         "summa")), code="ekonomi"))
        inputs = [r for r in rr.rader if r.slag != "summa"]
        for col in rr.columns:
            spec = RESULTAT_KOLUMNER[col][1]
            for need in (spec or (col,)):
                if inputs and all(getattr(r, need) is None for r in inputs):
                    out.append(warning(
                        f"resultatrapport: kolumnen '{col}' visas men ingen rad har värde i "
                        f"'{need}'", data.where("ekonomi.yaml", ("resultatrapport", "kolumner")),
                        code="ekonomi", hint=f"fyll i {need} eller ta bort kolumnen"))
                    break
    if rapports and rr is not None and rr.diagram and not any(
            r.typ in ("delar", "helar") for r in rapports):
        out.append(warning(
            f"resultatrapport: diagram visas bara i uppföljningar, inte i "
            f"{', '.join(r.id for r in rapports)}",
            data.where("ekonomi.yaml", ("resultatrapport", "diagram"), at_key=True),
            code="ekonomi", hint="flytta diagrammet till uppföljningens ekonomi.yaml"))
    if rapports:
        shown = {t for r in rapports for t in RENDERED_TABLES.get(r.typ, ())}
        for table, word in TABLE_WORD.items():
            if getattr(ek, table) and table not in shown:
                names = ", ".join(r.id for r in rapports)
                out.append(warning(
                    f"ekonomi.yaml: {word} ({table}) visas inte i {names}",
                    data.where("ekonomi.yaml", (table,), at_key=True), code="ekonomi",
                    hint="flytta tabellen dit den redovisas (planen eller rapportens katalog) "
                         "eller ta bort den"))
    return out


def check_kolada(plan: YearData) -> list[Problem]:
    """Kolada mappings name their areas, and imported values still match their saved responses."""
    from .kolada.kontroll import check_year as check_kolada_year

    return check_kolada_year(plan)


def check_previous_year(plan: YearData, all_years: dict[str, YearData], i: int,
                        rapport: m.Rapport) -> list[Problem]:
    """A report that reads last year (the proposal's changes, a follow-up's trends) needs
    last year's files to load; otherwise its marks or trends would silently be missing."""
    rtype = REPORT_TYPES.get(rapport.typ)
    if rtype is None or not (rtype.diff_previous or rtype.data == "uppfoljning"):
        return []
    previous = previous_year(plan, all_years)
    if previous is None:
        return []
    broken = sorted(previous.failed_files | {f"{rid}/{name}" for rid, folder
                                             in previous.reports.items()
                                             for name in folder.failed_files})
    if not broken:
        return []
    what = "förändringarna mot föregående år" if rtype.diff_previous else "trenderna"
    return [error(
        f"rapporten '{rapport.id}' läser {previous.year} för {what}, men "
        f"{', '.join(f'data/{previous.year}/{b}' for b in broken)} kan inte läsas",
        plan.where("rapporter.yaml", ("rapporter", i, "typ")), code="foregaende-ar",
        hint=f"rätta felen i {previous.year} först (rtnreport check {previous.year})")]


def _unique(problems: list[Problem]) -> list[Problem]:
    """The same finding about a plan file, made for several reports, once."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for p in problems:
        key = (p.level, p.message, p.position, p.file, p.code)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def check_figures(data: YearData, computed: Computed) -> list[Problem]:
    out = []
    for f in published_findings(computed):
        pos = data.where(f.file, f.path)
        out.append(Problem(f.level, f.message, pos, code="figure"))
    return out


def check_summary(data: YearData, computed: Computed) -> list[Problem]:
    out: list[Problem] = []
    if data.mal is None or data.mal.publicerad_sammanfattning is None:
        return out
    for row in computed.sammanfattning:
        if row.publicerad is None:
            continue
        pos = data.where("mal.yaml", ("publicerad_sammanfattning", row.kategori))
        p = row.publicerad
        pub = f"{p.gron}/{p.gul}/{p.rod}"
        got = f"{row.gron}/{row.gul}/{row.rod}"
        if row.complete and not row.consistent_with_published:
            out.append(error(f"{row.rubrik}: publicerad sammanfattning {pub} men posternas "
                             f"status ger {got} (grön/gul/röd)", pos, code="summary"))
        elif not row.complete and not row.consistent_with_published:
            out.append(error(f"{row.rubrik}: publicerad sammanfattning {pub} går inte ihop med "
                             f"posterna: kända {got}, {row.okand} utan färg, {row.antal} totalt",
                             pos, code="summary"))
        elif not row.complete:
            out.append(info(f"{row.rubrik}: {row.okand} av {row.antal} poster saknar färg i "
                            f"data; kända {got} är förenliga med den publicerade sammanfattningen "
                            f"{pub}, som rapporten visar", pos, code="summary"))
    return out


def check_uppdrag_count(data: YearData, computed: Computed) -> list[Problem]:
    """The published "Sammanfattning av uppdrag … (N st)" against the uppdrag themselves."""
    if data.uppdrag is None or data.uppdrag.publicerat_antal_till_namnden is None:
        return []
    published = data.uppdrag.publicerat_antal_till_namnden
    got = computed.uppdrag_till_namnden
    if published == len(got):
        return []
    numbers = ", ".join(f"Nr {u.nummer}" for u in got) or "inga"
    return [error(f"publicerat {published} uppdrag till nämnden, men data ger {len(got)} "
                  f"(numrerade uppdrag med mottagare nämnden eller alla nämnder: {numbers})",
                  data.where("uppdrag.yaml", ("publicerat_antal_till_namnden",)), code="figure")]


def check_rus(data: YearData, computed: Computed) -> list[Problem]:
    out = []
    for i, counts in enumerate(computed.rus):
        for conflict in counts.conflicts():
            out.append(error(f"{counts.mal.rubrik}: {conflict}",
                             data.where("rus.yaml", ("overgripande_mal", i, "publicerad_fordelning")),
                             code="summary"))
    return out


def check_indicators(data: YearData, computed: Computed) -> list[Problem]:
    out: list[Problem] = []
    if data.indikatorer is None:
        return out
    for i, ind in enumerate(data.indikatorer.indikatorer):
        a = computed.assessments.get(ind.id)
        if a is None or a.status is None:
            continue
        given = ind.bedomning.status if ind.bedomning else None
        path = ("indikatorer", i, "bedomning", "status")
        if given is None:
            out.append(info(f"indikatorn '{ind.id}': saknar status; siffrorna ger "
                            f"'{STATUS_ORD[a.status]}' ({a.reason})",
                            data.where("indikatorer.yaml", ("indikatorer", i)), code="indicator"))
        elif given != a.status and not (ind.bedomning and ind.bedomning.motivering):
            out.append(warning(
                f"indikatorn '{ind.id}': status '{STATUS_ORD[given]}' men siffrorna ger "
                f"'{STATUS_ORD[a.status]}' ({a.reason})",
                data.where("indikatorer.yaml", path), code="indicator",
                hint="rätta statusen eller skriv skälet i bedomning.motivering"))
    return out


def _text_fields(data: YearData) -> list[tuple[str, tuple[Any, ...], str]]:
    """(file, path, text) of every Markdown field that may cite figures."""
    out: list[tuple[str, tuple[Any, ...], str]] = []
    for path, post in goal_items(data):
        if post.kommentar:
            out.append(("mal.yaml", path + ("kommentar",), post.kommentar))
    for name, model, key in (("indikatorer.yaml", data.indikatorer, "indikatorer"),
                             ("uppdrag.yaml", data.uppdrag, "uppdrag")):
        if model is None:
            continue
        for i, item in enumerate(getattr(model, key)):
            for fld in ("kommentar", "efter_tabell"):
                text = getattr(item, fld, None)
                if text:
                    out.append((name, (key, i, fld), text))
    if data.ekonomi and data.ekonomi.driftredovisning:
        for i, rad in enumerate(data.ekonomi.driftredovisning.rader):
            if rad.kommentar:
                out.append(("ekonomi.yaml", ("driftredovisning", "rader", i, "kommentar"),
                            rad.kommentar))
    return out


MAX_REFERENCE_ERRORS = 20
"""Unresolved [[…]] reported one by one per file; the rest are counted."""


def check_texts(data: YearData, computed: Computed) -> list[Problem]:
    """Every ``[[reference]]`` in prose resolves to a computed figure."""
    out: list[Problem] = []
    known = computed.figures
    failed = {name for name in ("ekonomi.yaml", "personal.yaml", "mal.yaml", "uppdrag.yaml")
              if data.failed(name)}

    def source_failed(ref: str) -> bool:
        """A reference into a file that did not load: its error is reported already."""
        table = ref.split(".", 1)[0]
        if table in ("sammanfattning",):
            return bool(failed & {"mal.yaml", "uppdrag.yaml"})
        if table in ("uppdrag",):
            return "uppdrag.yaml" in failed
        personal = table in ("lonekostnad", "kostnadsanalys", "sjukfranvaro") or \
            table.startswith("arsarbetare")
        return ("personal.yaml" if personal else "ekonomi.yaml") in failed

    per_file: dict[Path, int] = {}

    def report(ref: str, pos: Position) -> None:
        if ref in known or source_failed(ref):
            return
        per_file[pos.file] = per_file.get(pos.file, 0) + 1
        if per_file[pos.file] > MAX_REFERENCE_ERRORS:
            return  # summarised below: one wrong line must not flood the output
        prefix = ref.rsplit(".", 1)[0]
        close = sorted(k for k in known if k.startswith(prefix + "."))[:6]
        hint = ("finns: " + ", ".join(close)) if close else (
            "tabeller: " + ", ".join(sorted({k.split('.')[0] for k in known})))
        out.append(error(f"referensen [[{ref}]] pekar inte på någon beräknad siffra", pos,
                         code="reference", hint=hint))

    for name, text in data.texts.items():
        file = data.text_files[name]
        for ref, offset in references(text):
            line = text.count("\n", 0, offset) + 1
            col = offset - (text.rfind("\n", 0, offset) + 1) + 1
            report(ref, Position(file, line, col))
    for file, path, text in _text_fields(data):
        for ref, offset in references(text):
            base = data.where(file, path)
            extra = text.count("\n", 0, offset)
            report(ref, Position(base.file, base.line + (extra + 1 if extra or "\n" in text else 0),
                                 base.col))
    for file, n in per_file.items():
        if n > MAX_REFERENCE_ERRORS:
            out.append(error(f"… och {n - MAX_REFERENCE_ERRORS} olösta referenser till i filen",
                             Position(file, 1, 1), code="reference",
                             hint="rätta de första; samma fel upprepas troligen"))
    return out


# ---------------------------------------------------------------------------
# Plausibility: data that loads but cannot be what the committee meant.
# Errors where a report would be wrong or ambiguous (two reports or uppdrag by one
# id or number, a period outside the report's year, rows that share an id);
# warnings where an unusual value may still be right (a share outside 0–100 %,
# an old decision date, a positive salary cost, an interval target without an
# interval).


def _duplicates(items: list[tuple[str, Position]], what: str, hint: str) -> list[Problem]:
    seen: dict[str, Position] = {}
    out = []
    for key, pos in items:
        if key in seen:
            out.append(error(f"{what} '{key}' förekommer två gånger (första gången på rad "
                             f"{seen[key].line})", pos, code="dubblett", hint=hint))
        else:
            seen[key] = pos
    return out


def check_plausible(plan: YearData) -> list[Problem]:
    """The year's reports and plan items are each addressed once, in the right year."""
    out: list[Problem] = []
    if plan.rapporter is not None:
        rapporter = plan.rapporter.rapporter
        out += _duplicates([(r.id, plan.where("rapporter.yaml", ("rapporter", i, "id")))
                            for i, r in enumerate(rapporter)], "rapport-id",
                           "ge varje rapport ett eget id")
        year = int(plan.year) if plan.year.isdigit() else None
        for i, r in enumerate(rapporter):
            if year is not None and (r.period.fran.year != year or r.period.till.year != year):
                out.append(error(
                    f"rapporten '{r.id}' har perioden {r.period.fran}–{r.period.till}, som inte "
                    f"ligger i {year}", plan.where("rapporter.yaml", ("rapporter", i, "period")),
                    code="rimlighet", hint=f"en rapport i data/{year}/ redovisar {year}"))
            if r.beslutsdatum is not None and year is not None and not (
                    year - 2 <= r.beslutsdatum.year <= year + 1):
                out.append(warning(
                    f"rapporten '{r.id}' har beslutsdatum {r.beslutsdatum}, långt från {year}",
                    plan.where("rapporter.yaml", ("rapporter", i, "beslutsdatum")),
                    code="rimlighet", hint="kontrollera årtalet"))
    if plan.uppdrag is not None:
        out += _duplicates([(u.nummer, plan.where("uppdrag.yaml", ("uppdrag", i, "nummer")))
                            for i, u in enumerate(plan.uppdrag.uppdrag) if u.nummer],
                           "uppdragsnumret", "fullmäktiges nummer anger ett uppdrag; rätta "
                           "numret eller slå ihop uppdragen")
    if plan.indikatorer is not None:
        for i, ind in enumerate(plan.indikatorer.indikatorer):
            target = ind.malvarde
            if ind.riktning == "intervall" and target is not None and (
                    target.min is None or target.max is None):
                where = plan.where("indikatorer.yaml", ("indikatorer", i, "malvarde"))
                message = (f"indikatorn '{ind.id}' ska ligga inom ett intervall men målvärdet "
                           "anger inget intervall")
                if target.kalla:  # the analyst noted why (the published target is one value)
                    out.append(info(f"{message}: {target.kalla}", where, code="kalla"))
                else:
                    out.append(warning(message, where, code="rimlighet",
                                       hint="ange malvarde: {min: …, max: …}"))
    return out


def check_plausible_values(data: YearData) -> list[Problem]:
    """Values a report would print that are very likely typing mistakes."""
    out: list[Problem] = []
    for i, ind in enumerate(data.indikatorer.indikatorer if data.indikatorer else []):
        if (ind.enhet or "").strip() != "%":
            continue
        for name in ("utfall", "malvarde", "senast_kanda", "langsiktigt_malvarde"):
            v = getattr(ind, name)
            values = [x for x in (v.varde, v.min, v.max) if x is not None] if v else []
            if any(x < 0 or x > 100 for x in values):
                out.append(warning(
                    f"indikatorn '{ind.id}': {name} {', '.join(str(x) for x in values)} % ligger "
                    "utanför 0–100 %", data.where("indikatorer.yaml", ("indikatorer", i, name)),
                    code="rimlighet", hint="en andel i procent ligger mellan 0 och 100; "
                                           "kontrollera värdet eller enheten"))
    pe = data.personal
    if pe is not None and pe.lonekostnad is not None:
        for name in ("utfall_ack", "utfall_ack_fg_ar", "prognos", "utfall", "utfall_fg_ar"):
            value = getattr(pe.lonekostnad, name)
            if value is not None and value > 0:
                out.append(warning(
                    f"lönekostnaden {name} är {value}; kostnader skrivs negativa",
                    data.where("personal.yaml", ("lonekostnad", name)), code="rimlighet",
                    hint=f"skriv -{value}"))
    ek = data.ekonomi
    if ek is not None:
        if ek.driftredovisning is not None:
            out += _duplicates([(r.id, data.where("ekonomi.yaml", ("driftredovisning", "rader",
                                                                   j, "id")))
                                for j, r in enumerate(ek.driftredovisning.rader)],
                               "driftredovisningens rad-id", "[[driftredovisning.<id>.…]] och "
                               "publicerade värden hittar raden på sitt id")
        if ek.handlingsplan is not None:
            hp = ek.handlingsplan
            out += _duplicates([(r.id, data.where("ekonomi.yaml", ("handlingsplan", "rader", j,
                                                                   "id")))
                                for j, r in enumerate(hp.rader)], "handlingsplanens rad-id",
                               "ge varje rad ett eget id")
            out += _duplicates([(k.id, data.where("ekonomi.yaml", ("handlingsplan", "kolumner",
                                                                   j, "id")))
                                for j, k in enumerate(hp.kolumner)],
                               "handlingsplanens kolumn-id", "ge varje kolumn ett eget id")
        if ek.ekonomisk_ram is not None:
            out += _duplicates([(r.id, data.where("ekonomi.yaml", ("ekonomisk_ram", "poster", j,
                                                                   "id")))
                                for j, r in enumerate(ek.ekonomisk_ram.poster)],
                               "ramens post-id", "ge varje post ett eget id")
    if pe is not None:
        out += _duplicates([(a.id, data.where("personal.yaml", ("arsarbetare", j, "id")))
                            for j, a in enumerate(pe.arsarbetare)], "årsarbetartabellens id",
                           "ge varje tabell ett eget id")
    return out


def check_perspectives(plan: YearData) -> list[Problem]:
    """The perspectives mal.yaml uses are the ones rtnreport.yaml lists (when it lists any)."""
    allowed = plan.config.perspektiv
    if not allowed or plan.mal is None:
        return []
    out = []
    for i, persp in enumerate(plan.mal.perspektiv):
        if persp.id not in allowed:
            close = difflib.get_close_matches(persp.id, list(allowed), n=1)
            out.append(error(
                f"perspektivet '{persp.id}' finns inte bland projektets perspektiv",
                plan.where("mal.yaml", ("perspektiv", i, "id")), code="projekt",
                hint=(f"menade du '{close[0]}'? " if close else "") +
                     "perspektiven står i rtnreport.yaml: " + ", ".join(allowed)))
    seen: set[str] = set()
    for i, persp in enumerate(plan.mal.perspektiv):
        if persp.id in seen:
            out.append(error(f"perspektivet '{persp.id}' står två gånger i mal.yaml",
                             plan.where("mal.yaml", ("perspektiv", i, "id")), code="projekt"))
        seen.add(persp.id)
    return out


def check_report_needs(plan: YearData, data: YearData, i: int,
                       rapport: m.Rapport) -> list[Problem]:
    """The report has what its type renders: its folder, data files and texts."""
    out: list[Problem] = []
    at_typ = plan.where("rapporter.yaml", ("rapporter", i, "typ"))
    if not rapport.id.startswith(plan.year):
        out.append(error(f"rapporten '{rapport.id}' ligger i data/{plan.year}/ men dess id "
                         f"börjar inte med {plan.year}",
                         plan.where("rapporter.yaml", ("rapporter", i, "id"))))
    for attr, word, key in (("region", "organisation", "organisation"),
                            ("namnd", "nämnd", "namnd")):
        if getattr(rapport, attr) is None and getattr(plan.config, key) is None:
            out.append(error(
                f"rapporten '{rapport.id}' har ingen {word}", at_typ, code="projekt",
                hint=f"ange {key} i rtnreport.yaml (gäller alla rapporter) eller {attr} i "
                     "rapportens post i rapporter.yaml"))
    rtype = REPORT_TYPES.get(rapport.typ)
    if rtype is None:
        return out
    folder = f"data/{plan.year}/{rapport.id}/"
    if rtype.data != "plan" and rapport.id not in plan.reports:
        out.append(error(
            f"rapporten '{rapport.id}' har ingen katalog {folder} för sina egna uppgifter",
            at_typ, code="plan", hint=f"skapa den med: rtnreport new-report {rapport.id}"))
        return out
    if rtype.data == "plan" and rapport.id in plan.reports:
        out.append(warning(
            f"rapporten '{rapport.id}' är en plan och läser årets filer; katalogen {folder} "
            "läses inte för den", Position(plan.reports[rapport.id].root, 1, 1), code="plan"))
    where_texts = folder + "text/" if rtype.data != "plan" else f"data/{plan.year}/text/"
    for key, text in data.texts.items():
        if TEXT_STUB in text:
            out.append(warning(f"rapporten '{rapport.id}': texten {where_texts}{key}.md är "
                               "fortfarande mallen från new-report",
                               Position(data.text_files[key], 1, 1), code="text",
                               hint="skriv texten och ta bort mallens stycke"))
    chosen = None
    if rapport.avsnitt is not None:
        chosen = []
        for j, entry in enumerate(rapport.avsnitt):
            ident = entry if isinstance(entry, str) else entry.avsnitt
            where = plan.where("rapporter.yaml", ("rapporter", i, "avsnitt", j))
            if ident is None:  # a free chapter from a text
                text = entry.text  # type: ignore[union-attr]
                if text not in data.texts:
                    out.append(error(f"kapitlet '{entry.rubrik}' visar texten "  # type: ignore[union-attr]
                                     f"{where_texts}{text}.md, som saknas", where, code="text",
                                     hint=f"skapa filen {where_texts}{text}.md"))
                continue
            chosen.append(ident)
            if ident not in rtype.sections:
                close = difflib.get_close_matches(ident, rtype.sections, n=1)
                out.append(error(
                    f"rapporttypen {rapport.typ} har inget avsnitt '{ident}'", where,
                    code="avsnitt", hint=(f"menade du '{close[0]}'? " if close else "")
                    + "avsnitt: " + ", ".join(rtype.sections)))
    for key in required_texts(rtype, chosen):
        if key not in data.texts:
            out.append(error(
                f"rapporten '{rapport.id}' behöver texten {where_texts}{key}.md, som saknas",
                at_typ, code="text",
                hint=f"skapa filen {where_texts}{key}.md (rtnreport new-report {rapport.id} "
                     "skapar de texter som saknas)"))
    for j, bilaga in enumerate(rapport.bilagor):
        if bilaga.text not in data.texts:
            out.append(error(f"bilagan {where_texts}{bilaga.text}.md finns inte",
                             plan.where("rapporter.yaml", ("rapporter", i, "bilagor", j, "text")),
                             code="text"))
    for need in rtype.files:
        name = f"{need}.yaml"
        if getattr(data, need) is None and not data.failed(name):
            place = f"data/{plan.year}/" if rtype.data == "plan" or need in (
                "mal", "indikatorer", "uppdrag", "internkontroll") else folder
            out.append(error(f"rapporten '{rapport.id}' behöver {place}{name}, som saknas",
                             at_typ, code="plan"))
    if rtype.resultat_kolumner and data.ekonomi and data.ekonomi.resultatrapport:
        rr = data.ekonomi.resultatrapport
        if isinstance(rr.kolumner, str) and rr.kolumner != rtype.resultat_kolumner:
            out.append(error(
                f"rapporten '{rapport.id}' ({rtype.namn.lower()}) visar resultatrapportens "
                f"kolumner '{rtype.resultat_kolumner}', men data har kolumner: {rr.kolumner}",
                data.where("ekonomi.yaml", ("resultatrapport", "kolumner")), code="plan",
                hint=f"sätt kolumner: {rtype.resultat_kolumner} (eller en lista av kolumner) "
                     "och fyll i dess värden"))
    return out


def _not_assessed(bedomning: object) -> bool:
    """No assessment: none given, or a status left empty without a note why."""
    return bedomning is None or (getattr(bedomning, "status", None) is None
                                 and getattr(bedomning, "kalla", None) is None)


def check_assessed(plan: YearData, data: YearData, rapport: m.Rapport) -> list[Problem]:
    """A follow-up's items that are not yet assessed (warnings, named by id).

    A status the data marks unknown with a ``kalla`` note is provenance for the
    analyst: an ``info`` (code ``kalla``), shown with ``check -v``.
    """
    if data_kind(rapport) != "uppfoljning":
        return []
    folder = plan.reports.get(rapport.id)
    if folder is None:
        return []
    out: list[Problem] = []
    base = f"data/{plan.year}/{rapport.id}"

    def where(name: str, key: str, ident: str, fallback: Position) -> Position:
        if name in folder.maps:
            return folder.where(name, (key, ident), at_key=True)
        return fallback

    def flag(bedomning: object, what: str, name: str, key: str, ident: str,
             fallback: Position) -> None:
        pos = where(name, key, ident, fallback)
        bedomd = "bedömd" if what.endswith("n") else "bedömt"
        if _not_assessed(bedomning):
            out.append(warning(f"{rapport.id}: {what} '{ident}' är inte {bedomd}",
                               pos, code="ej-bedomd",
                               hint=f"fyll i bedomning för '{ident}' i {base}/{name}"))
        elif getattr(bedomning, "status", None) is None:
            out.append(info(f"{rapport.id}: {what} '{ident}' har ingen status: "
                            f"{getattr(bedomning, 'kalla', '')}", pos, code="kalla"))

    for path, post in goal_items(data):
        if isinstance(post, (m.Effektmal, m.Mal)):
            flag(post.bedomning, "målet", "mal.yaml", "poster", post.id,
                 plan.where("mal.yaml", path))
    for i, ind in enumerate(data.indikatorer.indikatorer if data.indikatorer else []):
        flag(ind.bedomning, "indikatorn", "indikatorer.yaml", "indikatorer", ind.id,
             plan.where("indikatorer.yaml", ("indikatorer", i)))
    for i, upp in enumerate(data.uppdrag.uppdrag if data.uppdrag else []):
        flag(upp.bedomning, "uppdraget", "uppdrag.yaml", "uppdrag", upp.id,
             plan.where("uppdrag.yaml", ("uppdrag", i)))
    return out
