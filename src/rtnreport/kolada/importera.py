"""``rtnreport kolada``: what Kolada's values would change in a follow-up, and writing it.

The plan's indicators declare their source (``kolada:`` in ``data/<år>/indikatorer.yaml``);
the values go to the follow-up's own ``data/<år>/<rapport>/indikatorer.yaml`` (never a
plan file), each marked ``kolada: {kpi, hamtad}``, and the responses they came from to
``data/<år>/<rapport>/kolada/<KPI>.json``.

A value without that mark was entered by hand; so was a marked value that no longer
matches the saved response.  Neither is replaced without ``overwrite``.  The data is
read with the project's strict loader; ruamel.yaml's round-trip mode is used only to
write the changed file with its comments and layout.  Nothing is written unless every
fetch succeeded and the new file passes the strict loader and the model.
"""

from __future__ import annotations

import difflib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import models as m
from ..followup import data_kind, find_rapport
from ..loading import ReportFolder, YearData, load_year
from ..problems import Problem, error
from ..project import Project, year_dirs
from . import varden as v
from .svar import Svar, SvarError, read_file, saved_json

SAVED_DIR = "kolada"
FILE = "indikatorer.yaml"

Requests = dict[str, tuple[set[str], set[int]]]
"""KPI → (areas, years) to fetch."""
Source = Callable[[Requests], Svar]


class ImportFailed(Exception):
    def __init__(self, message: str, exit_code: int, problems: list[Problem] | None = None):
        super().__init__(message)
        self.exit_code = exit_code
        self.problems = problems or []


@dataclass
class Result:
    report: str
    file: Path
    old_text: str
    new_text: str
    saved: dict[Path, bytes] = field(default_factory=dict)
    """Saved responses to write (path → content); only those whose values changed."""
    changes: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.old_text != self.new_text or bool(self.saved)

    def diff(self, root: Path) -> str:
        name = str(self.file.relative_to(root))
        return "".join(difflib.unified_diff(self.old_text.splitlines(keepends=True),
                                            self.new_text.splitlines(keepends=True),
                                            f"a/{name}", f"b/{name}"))


# ---------------------------------------------------------------------------


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.ignore_aliases = lambda data: True  # the data never uses anchors
    y.representer.add_representer(
        type(None), lambda r, d: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    y.representer.add_representer(
        Decimal, lambda r, d: r.represent_scalar(
            "tag:yaml.org,2002:int" if d == d.to_integral_value() and "." not in str(d)
            else "tag:yaml.org,2002:float", str(d)))
    return y


def _scalar(value: Any) -> Any:
    """Text the strict loader would read as something else ("2023", "%") in double quotes."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from ..yamlload import resolve_plain

    if isinstance(value, str) and (resolve_plain(value) != value or value[:1] in "%'\"&*!|>@`"
                                   or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return DoubleQuotedScalarString(value)
    return value


def _flow_map(d: dict[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    cm = CommentedMap()
    for k, val in d.items():
        cm[k] = _flow_seq(val) if isinstance(val, list) else _scalar(val)
    cm.fa.set_flow_style()
    return cm


def _flow_seq(items: list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    cs = CommentedSeq(items)
    cs.fa.set_flow_style()
    return cs


def _node(d: dict[str, Any]) -> Any:
    """A value, table or series as YAML in the shipped style: short parts on one line."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    cm = CommentedMap()
    for k, val in d.items():
        if k == "kolada":
            cm[k] = _flow_map(val)
        elif k in ("rader", "punkter"):
            cm[k] = CommentedSeq([_flow_map(r) for r in val])
        elif isinstance(val, list):
            cm[k] = _flow_seq([_scalar(x) for x in val])
        else:
            cm[k] = _scalar(val)
    return cm


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(val) for k, val in node.items()}
    if isinstance(node, list):
        return [_plain(x) for x in node]
    return node


# ---------------------------------------------------------------------------


def mapped(plan: YearData, only: list[str]) -> tuple[list[m.Indikator], list[str]]:
    """The indicators to import, and notes on those left out."""
    inds = plan.indikatorer.indikatorer if plan.indikatorer else []
    known = {i.id for i in inds}
    for ident in only:
        if ident not in known:
            close = difflib.get_close_matches(ident, sorted(known), n=1)
            raise ImportFailed(f"planen har ingen indikator '{ident}'"
                               + (f"; menade du '{close[0]}'?" if close else ""), 2)
    notes, out = [], []
    for ind in inds:
        if only and ind.id not in only:
            continue
        if ind.kolada is None:
            if only:
                raise ImportFailed(f"indikatorn '{ind.id}' har ingen kolada: i "
                                   f"data/{plan.year}/indikatorer.yaml", 2)
            continue
        if ind.kolada.avviker and not only:
            notes.append(f"hoppar över '{ind.id}': Koladas definition avviker "
                         f"({ind.kolada.kalla}); hämta den ändå med --indikator {ind.id}")
            continue
        out.append(ind)
    return out, notes


def requests(inds: list[m.Indikator], report_year: int) -> Requests:
    out: Requests = {}
    for ind in inds:
        k = ind.kolada
        assert k is not None
        areas, years = out.setdefault(k.kpi, (set(), set()))
        areas |= v.areas(k)
        years |= set(v.years(report_year, k))
    return out


def saved_responses(folder: Path) -> tuple[Svar, list[str]]:
    """The responses saved by earlier imports (``kolada/*.json``), and notes on unreadable ones."""
    svar, notes = Svar(), []
    directory = folder / SAVED_DIR
    for path in sorted(directory.glob("*.json")) if directory.is_dir() else []:
        try:
            read_file(path, svar)
        except SvarError as exc:
            notes.append(str(exc))
    return svar, notes


def _load(project: Project, report_id: str) -> tuple[YearData, m.Rapport, ReportFolder]:
    year = report_id.split("-", 1)[0]
    if not (project.data / year).is_dir():
        known = ", ".join(year_dirs(project.data)) or "inga"
        raise ImportFailed(f"det finns ingen data för {year} (kända år: {known})", 2)
    plan, problems = load_year(project.data, year)
    rapport = find_rapport(plan, report_id)
    if rapport is None:
        ids = [r.id for r in plan.rapporter.rapporter] if plan.rapporter else []
        close = difflib.get_close_matches(report_id, ids, n=1)
        raise ImportFailed(f"okänd rapport '{report_id}'"
                           + (f"; menade du '{close[0]}'?" if close else
                              f" (data/{year}/rapporter.yaml har: {', '.join(ids) or 'inga'})"), 2)
    if data_kind(rapport) != "uppfoljning":
        raise ImportFailed(f"{report_id} är ingen uppföljning (delår eller helår); Kolada-värden "
                           "skrivs bara i en uppföljnings egen katalog", 2)
    folder = plan.reports.get(report_id)
    if folder is None:
        raise ImportFailed(f"rapporten {report_id} har ingen katalog data/{year}/{report_id}/; "
                           f"skapa den med: rtnreport new-report {report_id}", 1)
    relevant = {plan.file("indikatorer.yaml"), plan.file("rapporter.yaml"), folder.file(FILE)}
    bad = [p for p in problems if p.level == "error" and (
        (p.position.file if p.position else p.file) in relevant)]
    if bad:
        raise ImportFailed("rätta felen i data först; inget har ändrats", 1, bad)
    return plan, rapport, folder


def plan_import(project: Project, report_id: str, source: Source, *, only: list[str] = (),
                overwrite: bool = False, today: date | None = None) -> Result:
    """Fetch and compute the changes of one follow-up; write nothing."""
    plan, rapport, folder = _load(project, report_id)
    inds, notes = mapped(plan, list(only))
    unknown = [(ind, path, ident) for ind in inds for path, ident in v.unknown_areas(ind.kolada)]
    if unknown:
        raise ImportFailed("områden utan namn", 1, [_unknown_area(plan, ind, path, ident)
                                                     for ind, path, ident in unknown])
    path = folder.file(FILE)
    old_text = path.read_text(encoding="utf-8") if path.exists() else ""
    result = Result(report_id, path, old_text, old_text, notes=notes)
    if not inds:
        result.notes.append(f"ingen indikator i data/{plan.year}/indikatorer.yaml har kolada: "
                            "att hämta")
        return result
    report_year = rapport.period.till.year
    wanted = requests(inds, report_year)
    svar = source(wanted)
    result.notes += svar.notes
    missing = sorted(k for k in wanted if k not in svar.kpis())
    if missing:
        raise ImportFailed(f"svaret har inga värden för {', '.join(missing)} "
                           f"({', '.join(svar.sources) or 'Kolada'}); inget har ändrats", 1)
    hamtad = svar.hamtad or today or date.today()
    old_svar, unreadable = saved_responses(folder.root)
    result.notes += unreadable

    y = _yaml()
    from ruamel.yaml.comments import CommentedMap

    doc = y.load(old_text) if old_text.strip() else None
    if doc is None:
        doc = CommentedMap()
        doc.yaml_set_start_comment(f"{report_id}: utfall per indikator, med indikatorns id i "
                                   "../indikatorer.yaml")
    if doc.get("indikatorer") is None:
        doc["indikatorer"] = CommentedMap()
    own = folder.indikatorer.indikatorer if folder.indikatorer else {}
    used: set[str] = set()
    for ind in inds:
        built = v.build(ind, report_year, svar, hamtad)
        result.notes += [f"{ind.id}: {n}" for n in built.notes]
        entry = doc["indikatorer"].get(ind.id)
        if entry is None:
            entry = CommentedMap()
        before = _plain(entry)
        _merge(ind, own.get(ind.id), entry, built, old_svar, overwrite, result)
        if _plain(entry) != before:
            if ind.id not in doc["indikatorer"]:
                doc["indikatorer"][ind.id] = entry
            used.add(ind.kolada.kpi)
    out = io.StringIO()
    y.dump(doc, out)
    result.new_text = out.getvalue() if used else old_text
    _validate(result.new_text, path)
    for kpi in sorted(used):
        target = folder.root / SAVED_DIR / f"{kpi}.json"
        content = saved_json(kpi, svar, hamtad)
        if not _same_saved(target, content):
            result.saved[target] = content
    return result


def _unknown_area(plan: YearData, ind: m.Indikator, path: tuple[Any, ...], ident: str) -> Problem:
    i = plan.indikatorer.indikatorer.index(ind)
    return error(f"indikatorn '{ind.id}': rtnreport vet inte vad området '{ident}' heter",
                 plan.where("indikatorer.yaml", ("indikatorer", i, "kolada") + path),
                 code="kolada", hint=f"skriv området med namn: {{id: \"{ident}\", namn: …}}")


def _same_saved(target: Path, content: bytes) -> bool:
    """The saved response has the same rows (a re-import on another day changes nothing)."""
    try:
        old = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return old.get("values") == json.loads(content).get("values")


def _validate(text: str, path: Path) -> None:
    """The file we would write passes the strict loader and the model (else it is our bug)."""
    from ..yamlload import YamlError, load_text

    try:
        raw, _ = load_text(text, path)
        m.IndikatorUppfoljningFil.model_validate(raw)
    except (YamlError, ValueError) as exc:  # pragma: no cover - a bug in the import
        raise RuntimeError(f"importen skulle skriva en ogiltig {path.name}: {exc}") from exc


# ---------------------------------------------------------------------------
# One indicator: which of its values may be replaced.


def _describe(d: dict[str, Any]) -> str:
    if "varde" in d:
        return f"{d['varde']} ({d['period']})"
    return f"'{d['rubrik']}'"


def _edited(model: Any, k: m.KoladaKoppling, old_svar: Svar) -> bool:
    """A value marked as imported that no longer matches the response it came from."""
    if model is None or getattr(model, "kolada", None) is None:
        return False
    if model.kolada.kpi not in old_svar.kpis():
        return False
    return bool(v.differences(model, k, old_svar))


def _decide(ind: m.Indikator, what: str, model: Any, new: dict[str, Any], old_node: Any,
            old_svar: Svar, overwrite: bool, result: Result) -> bool:
    """Whether to write ``new`` over ``model`` (None: nothing there yet)."""
    if model is None:
        result.changes.append(f"{ind.id}: {what} {_describe(new)} (ny)")
        return True
    if v.same_values(_plain(old_node), new):
        return False
    hand = model.kolada is None
    edited = _edited(model, ind.kolada, old_svar)
    if (hand or edited) and not overwrite:
        why = "inmatat för hand" if hand else "ändrat för hand efter importen"
        result.kept.append(f"{ind.id}: behåller {what} {_describe(_plain(old_node))} ({why}); "
                           f"Kolada har {_describe(new)}; --overwrite ersätter")
        return False
    verb = "ersätter" if (hand or edited) else "uppdaterar"
    result.changes.append(f"{ind.id}: {verb} {what} {_describe(_plain(old_node))} med "
                          f"{_describe(new)}")
    return True


def _merge(ind: m.Indikator, own: m.IndikatorUppfoljning | None, entry: Any, built: v.Built,
           old_svar: Svar, overwrite: bool, result: Result) -> None:
    from ruamel.yaml.comments import CommentedSeq

    if built.utfall is not None:
        model = own.utfall if own else None
        if _decide(ind, "utfall", model, built.utfall, entry.get("utfall"), old_svar,
                   overwrite, result):
            if "utfall" in entry:
                entry["utfall"] = _node(built.utfall)
            else:
                entry.insert(0, "utfall", _node(built.utfall))
    if built.tidigare_utfall:
        models = list(own.tidigare_utfall) if own else []
        new = built.tidigare_utfall[0]
        if not models:
            result.changes.append(f"{ind.id}: tidigare utfall {_describe(new)} (ny)")
            pos = list(entry).index("utfall") + 1 if "utfall" in entry else 0
            entry.insert(pos, "tidigare_utfall", CommentedSeq([_node(new)]))
        elif len(models) == 1 and _decide(ind, "tidigare utfall", models[0], new,
                                          entry["tidigare_utfall"][0], old_svar, overwrite,
                                          result):
            entry["tidigare_utfall"][0] = _node(new)
        elif len(models) > 1 and not all(x.kolada for x in models) and not overwrite:
            result.kept.append(f"{ind.id}: behåller tidigare utfall (inmatade för hand); "
                               "--overwrite ersätter")
        elif len(models) > 1:
            result.changes.append(f"{ind.id}: ersätter tidigare utfall med {_describe(new)}")
            entry["tidigare_utfall"] = CommentedSeq([_node(new)])
    for key, news, match in (("uppdelningar", built.uppdelningar, "dimension"),
                             ("serier", built.serier, None)):
        models = list(getattr(own, key)) if own else []
        for new in news:
            candidates = [i for i, x in enumerate(models) if x is not None
                          and (match is None or getattr(x, match) == new[match])]
            marked = [i for i in candidates if models[i].kolada is not None]
            at = (marked or candidates or [None])[0]
            what = "uppdelningen" if key == "uppdelningar" else "serien"
            if at is None:
                result.changes.append(f"{ind.id}: {what} {_describe(new)} (ny)")
                if key not in entry:
                    entry[key] = CommentedSeq()
                entry[key].append(_node(new))
                models.append(None)
            elif _decide(ind, what, models[at], new, entry[key][at], old_svar, overwrite,
                         result):
                entry[key][at] = _node(new)


def write(result: Result) -> list[Path]:
    """Write the follow-up file and the saved responses (each atomically); never a plan file."""
    from ..commands.build import atomic_write

    written = []
    if result.new_text != result.old_text:
        atomic_write(result.file, result.new_text.encode("utf-8"))
        written.append(result.file)
    for path, content in result.saved.items():
        atomic_write(path, content)
        written.append(path)
    return written


# ---------------------------------------------------------------------------
# Sources: live, or saved files.


def live_source(client: Any) -> Source:
    def fetch(wanted: Requests) -> Svar:
        svar = Svar()
        for kpi, (areas, years) in sorted(wanted.items()):
            rows = client.data(kpi, sorted(areas), sorted(years))
            svar.add_rows(rows, f"Kolada ({kpi})")
            svar.rows.setdefault(kpi, [])
        svar.sources = list(client.urls)
        return svar
    return fetch


def file_source(paths: list[Path]) -> Source:
    def read(wanted: Requests) -> Svar:
        svar = Svar()
        for p in paths:
            try:
                read_file(p, svar)
            except SvarError as exc:
                raise ImportFailed(str(exc), 2) from exc
        svar.sources = [p.name for p in paths]
        return svar
    return read
