"""Every check of one loaded year, in one place: structure, references, rules.

Turns the rules' findings into problems at file:line:col; never raises on
bad data.
"""

from __future__ import annotations

from typing import Any

from .loading import YearData
from .problems import Position, Problem, error, info, warning
from .project import Project
from .reports import REPORT_TYPES
from .rules.report import Computed, compute_year, published_findings, references
from .validate import check_year, goal_items

STATUS_ORD = {"helt": "helt", "delvis": "delvis", "inte_alls": "inte alls",
              "varde_saknas": "värde saknas"}
FARG_ORD = {"gron": "grön", "gul": "gul", "rod": "röd"}


def previous_year(data: YearData, all_years: dict[str, YearData]) -> YearData | None:
    return all_years.get(str(int(data.year) - 1)) if data.year.isdigit() else None


def check_loaded_year(data: YearData, all_years: dict[str, YearData],
                      project: Project | None = None) -> list[Problem]:
    problems = check_year(data)
    computed = compute_year(data, previous_year(data, all_years))
    problems += check_figures(data, computed)
    problems += check_summary(data, computed)
    problems += check_uppdrag_count(data, computed)
    problems += check_rus(data, computed)
    problems += check_indicators(data, computed)
    problems += check_texts(data, computed)
    problems += check_report_texts(data)
    return problems


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

    def report(ref: str, pos: Position) -> None:
        if ref in known or source_failed(ref):
            return
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
    return out


def check_report_texts(data: YearData) -> list[Problem]:
    """Each report of the year has the narrative texts its type needs."""
    out: list[Problem] = []
    if data.rapporter is None:
        return out
    for i, rapport in enumerate(data.rapporter.rapporter):
        if not rapport.id.startswith(data.year):
            out.append(error(f"rapporten '{rapport.id}' ligger i data/{data.year}/ men dess id "
                             f"börjar inte med {data.year}",
                             data.where("rapporter.yaml", ("rapporter", i, "id"))))
        rtype = REPORT_TYPES.get(rapport.typ)
        if rtype is None:
            continue
        for key in rtype.texts:
            if key not in data.texts:
                out.append(error(
                    f"rapporten '{rapport.id}' behöver texten text/{key}.md, som saknas",
                    data.where("rapporter.yaml", ("rapporter", i, "typ")), code="text"))
        for j, bilaga in enumerate(rapport.bilagor):
            if bilaga.text not in data.texts:
                out.append(error(f"bilagan text/{bilaga.text}.md finns inte",
                                 data.where("rapporter.yaml", ("rapporter", i, "bilagor", j, "text")),
                                 code="text"))
        for need in rtype.files:
            if getattr(data, need) is None and not data.failed(f"{need}.yaml"):
                out.append(error(f"rapporten '{rapport.id}' behöver {need}.yaml, som saknas",
                                 data.where("rapporter.yaml", ("rapporter", i, "typ"))))
    return out
