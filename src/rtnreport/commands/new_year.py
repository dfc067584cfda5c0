"""``rtnreport new-year``: start next year's plan from this year's.

Goals, styrtal, uppdrag, table rows and risks are carried with their ids, so
next year's diff and trends work; everything that is an outcome of the year —
utfall, statuses, comments, amounts, published figures — is emptied.  The last
known outcome of each styrtal (the year's helår, else its latest delår)
becomes its ``senast_kanda`` value.

The carried files are the source files rewritten, not regenerated: they are
read with the strict loader, and written by round-tripping the source text
with ruamel.yaml, changed only where the carried model differs, so the
analysts' comments, key order and quoting stay.  The new year also gets its
``rapporter.yaml`` with the plan report (``<år>-vp``, utkast) and the plan's
text stubs, as ``rtnreport new-report <år>-vp`` makes them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .. import models as m
from ..followup import outcomes_of_year, reference_report
from ..loading import YearData, load_year
from ..problems import Problem
from ..project import Project

HEADER = ("# {what} {year}: startad med 'rtnreport new-year {year} --from {source}'.\n"
          "# Id, struktur och texter är överförda från {source}; utfall, status, kommentarer\n"
          "# och belopp är tömda och fylls i under året.\n")
CARRIED_COMMENTS = "# Kommentarerna nedan är överförda från {source}.\n"


class NewYearError(Exception):
    pass


@dataclass
class Carried:
    target: str
    source: str
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
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
    reference = reference_report(plan)
    ekonomi_source = plan.root / "ekonomi.yaml"
    if plan.ekonomi is None and data.ekonomi is not None:
        ekonomi_source = plan.root / reference.id / "ekonomi.yaml" if reference else None
        plan_ekonomi = carry_ekonomi(data.ekonomi)
        if plan_ekonomi.resultatrapport is not None:
            plan_ekonomi = plan_ekonomi.model_copy(update={
                "resultatrapport": plan_ekonomi.resultatrapport.model_copy(
                    update={"kolumner": "vp", "kolumnrubriker": {}, "diagram": []})})
    else:
        plan_ekonomi = carry_ekonomi(plan.ekonomi) if plan.ekonomi else None
    carried = Carried(target, source)
    outputs: dict[str, tuple[str, m.Base, Path | None]] = {}
    if data.mal:
        outputs["mal.yaml"] = ("Mål", carry_mal(data.mal), plan.root / "mal.yaml")
        posts = [p for persp in data.mal.perspektiv for p in persp.poster]
        carried.counts["mål, effektmål och strategier"] = len(posts)
    if data.indikatorer:
        outputs["indikatorer.yaml"] = ("Indikatorer", carry_indikatorer(data.indikatorer),
                                       plan.root / "indikatorer.yaml")
        carried.counts["indikatorer/styrtal"] = len(data.indikatorer.indikatorer)
    if data.uppdrag:
        outputs["uppdrag.yaml"] = ("Uppdrag", carry_uppdrag(data.uppdrag, source, target),
                                   plan.root / "uppdrag.yaml")
        carried.counts["uppdrag"] = len(data.uppdrag.uppdrag)
    if plan_ekonomi is not None:
        outputs["ekonomi.yaml"] = ("Ekonomi", plan_ekonomi, ekonomi_source)
        dr = plan_ekonomi.driftredovisning
        carried.counts["områden i driftredovisningen"] = len(dr.rader) if dr else 0
    if data.personal:
        carried.not_carried.append("personalekonomin (den hör till uppföljningarna; "
                                   f"rtnreport new-report {target}-delar skapar den)")
    if data.internkontroll:
        outputs["internkontroll.yaml"] = ("Internkontroll",
                                          carry_internkontroll(data.internkontroll),
                                          plan.root / "internkontroll.yaml")
        carried.counts["risker"] = sum(len(o.risker) for o in data.internkontroll.omraden)
    if data.texts:
        carried.not_carried.append(f"{len(data.texts)} texter i text/ (skrivs för det nya "
                                   "året; mallar för planens texter är skapade)")
    if data.rus:
        carried.not_carried.append("rus.yaml (RUS-uppföljningen görs om varje år)")
    texts: dict[str, str] = {}
    for name, (what, model, src) in outputs.items():
        header = HEADER.format(what=what, year=target, source=source)
        if src is not None and src.is_file():
            texts[name] = carried_text(src, model, header + CARRIED_COMMENTS.format(
                source=source))
        else:
            texts[name] = header + dump(model)
    texts["rapporter.yaml"] = rapporter_text(plan, target, source)
    dest.mkdir(parents=True)
    for name, text in texts.items():
        path = dest / name
        atomic_write(path, text.encode("utf-8"))
        carried.files.append(path)
    # the plan report's text stubs, as new-report makes them (it never overwrites)
    from .new_report import new_report

    created, stub_problems = new_report(project, plan_report_id(target))
    carried.files += created.files
    carried.todo = created.todo
    _, check = load_year(project.data, target)
    return carried, [p for p in [*stub_problems, *check] if p.level == "error"]


def plan_report_id(year: str) -> str:
    return f"{year}-vp"


def rapporter_text(plan: YearData, target: str, source: str) -> str:
    """The new year's rapporter.yaml: its plan report, a draft for the whole year.

    The committee and administration are those the source year's reports name;
    where they name none, rtnreport.yaml's hold.
    """
    from ..reports import REPORT_TYPES
    from .new_report import _q

    reports = plan.rapporter.rapporter if plan.rapporter else []
    lines = [f"# Rapporter {target}: startad med 'rtnreport new-year {target} --from {source}'.",
             f"# Lägg till årets uppföljningar med rtnreport new-report {target}-delar …",
             "rapporter:",
             f"  - id: {plan_report_id(target)}",
             "    typ: vp",
             f"    titel: {_q(REPORT_TYPES['vp'].namn + ' ' + target)}"]
    for key in ("namnd", "forvaltning", "region"):
        value = next((getattr(r, key) for r in reports if getattr(r, key)), None)
        if value is not None:
            lines.append(f"    {key}: {_q(value)}")
    lines += ["    period:", f"      fran: {target}-01-01", f"      till: {target}-12-31",
              "    status: utkast"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Writing the carried files: the source file round-tripped (ruamel.yaml, for
# writing only), changed only where the carried model differs from it, so
# comments, key order and quoting stay.

_MISSING = object()


def _roundtrip_yaml() -> Any:
    from ..kolada.importera import _yaml

    y = _yaml()
    y.width = 100  # the shipped files' line length: long plain scalars stay as they are
    return y


def _norm(value: Any) -> Any:
    """A value as the strict loader and the model both give it, for comparison."""
    if isinstance(value, dict):
        return {str(k): _norm(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_norm(v) for v in value]
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def _slot(node: Any, key: Any) -> tuple[Any, Any, int]:
    """The comment slot after ``node[key]``'s value, descending into a nested collection."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = node[key]
    if isinstance(value, CommentedMap) and len(value):
        return _slot(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and len(value):
        return _slot(value, len(value) - 1)
    return node, key, (2 if isinstance(node, CommentedMap) else 0)


def _line_of(node: Any, key: Any) -> int | None:
    from ruamel.yaml.comments import CommentedMap

    try:
        return (node.lc.key(key) if isinstance(node, CommentedMap) else node.lc.item(key))[0]
    except (KeyError, IndexError, TypeError, AttributeError):
        return None


def _take_tail(node: Any, key: Any) -> str:
    """Remove and return the whole-line comments that follow ``node[key]`` (not its own)."""
    parent, k, i = _slot(node, key)
    entry = parent.ca.items.get(k)
    if not entry or len(entry) <= i or entry[i] is None:
        return ""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    token = entry[i]
    text = token.value
    mark = token.start_mark
    if isinstance(parent[k], (FoldedScalarString, LiteralScalarString)):
        # a block scalar ends its own line: blank lines and whole-line comments only
        own = ""
        lines = (" " * mark.column if mark is not None and text.startswith("#") else "") + text
    elif text.startswith("\n"):  # no end-of-line comment
        own, lines = "", text[1:]
    elif mark is not None and mark.line == _line_of(parent, k):  # end-of-line comment first
        own, _, lines = text.partition("\n")
        own += "\n"
    else:
        own, lines = "", " " * (mark.column if mark is not None else 0) + text
    if own:
        token.value = own  # the value's own end-of-line comment stays with it
    else:
        entry[i] = None
    return lines


def _put_tail(node: Any, key: Any, lines: str) -> None:
    """Attach whole-line comments after ``node[key]``'s value (before what follows it)."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
    from ruamel.yaml.tokens import CommentToken
    from ruamel.yaml.error import CommentMark

    if not lines:
        return
    parent, k, i = _slot(node, key)
    entry = parent.ca.items.setdefault(k, [None, None, None, None])
    while len(entry) < 4:
        entry.append(None)
    if entry[i] is not None:
        value = entry[i].value
        entry[i].value = value + ("" if value.endswith("\n") else "\n") + lines
        return
    block = isinstance(parent[k], (FoldedScalarString, LiteralScalarString))
    entry[i] = CommentToken(("" if block else "\n") + lines, CommentMark(0))


def _drop(node: Any, key: Any) -> None:
    """Delete ``node[key]``, keeping the whole-line comments that stood after it."""
    keys = list(node)
    lines = _take_tail(node, key)
    node.ca.items.pop(key, None)
    position = keys.index(key)
    del node[key]
    if lines and position > 0:
        _put_tail(node, keys[position - 1], lines)


def _new(value: Any) -> Any:
    """A value built from the model, in the files' style (short parts on one line)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from ..kolada.importera import _scalar

    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _new(v)
        if value and all(not isinstance(v, (dict, list)) for v in value.values()) \
                and len(str(value)) < 60:
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        seq = CommentedSeq([_new(v) for v in value])
        if all(not isinstance(v, (dict, list)) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, date):
        return value.isoformat()
    return _scalar(value)


def _replace(node: Any, key: Any, value: Any) -> None:
    lines = _take_tail(node, key)
    node[key] = value
    _put_tail(node, key, lines)


def _sync(node: Any, src: Any, full: Any, slim: Any) -> Any:
    """Make the round-trip ``node`` (read by the strict loader as ``src``) hold ``full``.

    ``full`` is the carried model's dump with every field, ``slim`` the same
    without defaults: a key whose value became empty is removed (the model
    leaves it out), one the model adds is inserted in the model's field order.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if _norm(src) == _norm(full):
        return node
    if isinstance(node, CommentedMap) and isinstance(src, dict) and isinstance(full, dict):
        slim = slim if isinstance(slim, dict) else {}
        for key in list(node):
            k = str(key)
            want, have = full.get(k, _MISSING), src.get(k)
            if want is not _MISSING and _norm(have) == _norm(want):
                continue
            if want is _MISSING or (_empty(want) and k not in slim):
                _drop(node, key)
                continue
            new = _sync(node[key], have, want, slim.get(k))
            if new is not node[key]:
                _replace(node, key, new)
        order = list(full)
        for k, v in slim.items():
            if k in node:
                continue
            before = [key for key in order[:order.index(k)] if key in node]
            if not before:
                node.insert(0, k, _new(v))
                continue
            # the comments after the key it follows stand before what comes next
            lines = _take_tail(node, before[-1])
            node.insert(list(node).index(before[-1]) + 1, k, _new(v))
            _put_tail(node, k, lines)
        return node
    if (isinstance(node, CommentedSeq) and isinstance(src, list) and isinstance(full, list)
            and len(node) == len(src) == len(full)):
        slims = slim if isinstance(slim, list) and len(slim) == len(full) else full
        for i in range(len(node)):
            new = _sync(node[i], src[i], full[i], slims[i])
            if new is not node[i]:
                _replace(node, i, new)
        return node
    return _new(slim if slim is not None else full)


def carried_text(source: Path, model: m.Base, header: str) -> str:
    """``source`` rewritten to hold ``model``: its comments, key order and quoting kept."""
    from ..yamlload import load_file

    y = _roundtrip_yaml()
    text = source.read_text(encoding="utf-8")
    doc = y.load(text)
    src, _ = load_file(source)
    full = model.model_dump(mode="python")
    slim = model.model_dump(mode="python", exclude_defaults=True)
    doc = _sync(doc, src, full, slim)
    out = io.StringIO()
    y.dump(doc, out)
    return header + out.getvalue()
