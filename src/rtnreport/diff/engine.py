"""A semantic diff of two years' data, keyed by stable id (GUIDE §5).

Pure functions: two loaded :class:`YearData` in, a :class:`DiffResult` out.
Items are matched by ``id``, so a renumbered, reworded or moved item is
reported as such — never as one removed and another added.  A section that
one year simply does not have is reported once, not as every row removed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .. import models as m
from ..loading import YearData
from ..rules.arith import percent, sub

Kind = str  # added | removed | changed | section-missing | restructured

STABLE_ID_SECTIONS = {"effektmal", "mal", "strategier", "indikatorer", "uppdrag", "internkontroll",
                      "bedomning-mal", "bedomning-indikatorer", "bedomning-uppdrag"}


@dataclass(frozen=True)
class Word:
    op: str  # equal | insert | delete
    text: str


@dataclass
class FieldChange:
    field: str
    label: str
    before: Any
    after: Any
    words: list[Word] | None = None
    """A word-level view of a text change."""
    amount: Decimal | None = None
    """For a figure: after − before."""
    filled: bool = False
    """A detail recorded in one year only (e.g. an origin the other year does not state)."""
    percent: Decimal | None = None
    """For a figure: the change in % of before (None for a zero base)."""


@dataclass
class Change:
    section: str
    kind: Kind
    id: str
    label: str
    fields: list[FieldChange] = field(default_factory=list)
    note: str | None = None

    @property
    def stable_id(self) -> bool:
        """Whether ``id`` is a data id (goals, indicators, uppdrag, risks), worth showing."""
        return bool(self.id) and self.section in STABLE_ID_SECTIONS

    @property
    def tags(self) -> list[str]:
        """Short words for what changed: omformulerad, omnumrerad, flyttad …"""
        words = {"text": "omformulerad", "rubrik": "omformulerad", "underrubrik": "omformulerad",
                 "nummer": "omnumrerad",
                 "parent": "flyttad", "riktning": "ny riktning", "enhet": "ny enhet",
                 "ursprung": "nytt ursprung", "mottagare": "ny mottagare",
                 "malvarde": "nytt målvärde", "langsiktigt_malvarde": "nytt långsiktigt målvärde",
                 "senast_kanda": "nytt senast känt värde", "typ": "ny typ",
                 "kategori": "ny kategori", "kontinuitet": "ny kontinuitet",
                 "status": "ny status", "trend": "ny trend", "utfall": "nytt utfall"}
        gone = {"malvarde": "målvärde borttaget",
                 "langsiktigt_malvarde": "långsiktigt målvärde borttaget",
                 "senast_kanda": "senast känt värde borttaget", "utfall": "utfall borttaget",
                 "status": "status borttagen", "trend": "trend borttagen"}
        seen: list[str] = []
        for f in self.fields:
            if f.filled:
                continue
            if f.after is None and f.before is not None and f.field in gone:
                tag = gone[f.field]
            else:
                tag = words.get(f.field, "ändrad")
            if tag not in seen:
                seen.append(tag)
        return seen


@dataclass
class Section:
    key: str
    title: str
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class DiffResult:
    before: str
    after: str
    sections: list[Section]

    @property
    def changes(self) -> list[Change]:
        return [c for s in self.sections for c in s.changes]

    @property
    def has_differences(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.changes:
            out[c.kind] = out.get(c.kind, 0) + 1
        return out

    def without_missing(self) -> DiffResult:
        """The diff less what is only a value missing in the newer data.

        A draft's empty cells (a target not yet set, an outcome not yet in) are not
        changes an analyst wants to read about while the draft is being written.
        """
        sections = []
        for s in self.sections:
            kept: list[Change] = []
            dropped = 0
            for c in s.changes:
                if c.kind != "changed":
                    kept.append(c)
                    continue
                fields = [f for f in c.fields if not (f.after is None and f.before is not None)]
                if fields:
                    kept.append(Change(c.section, c.kind, c.id, c.label, fields, c.note))
                else:
                    dropped += 1
            sections.append(Section(s.key, s.title, kept, s.unchanged + dropped))
        return DiffResult(self.before, self.after, sections)


# ---------------------------------------------------------------------------
# Words


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> list[Word]:
    """The change from ``before`` to ``after`` word by word (spaces kept)."""
    a = [t for t in _TOKEN.findall(before) if not t.isspace()]
    b = [t for t in _TOKEN.findall(after) if not t.isspace()]
    out: list[Word] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Word("equal", " ".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(Word("delete", " ".join(a[i1:i2])))
            if j2 > j1:
                out.append(Word("insert", " ".join(b[j1:j2])))
    return out


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _same_text(a: str | None, b: str | None) -> bool:
    """Equal but for white space and a closing full stop."""
    return _norm(a).rstrip(" .") == _norm(b).rstrip(" .")


_ORIGIN = re.compile(r"^(från|till)\s+", re.IGNORECASE)


def _origin(value: str | None) -> str | None:
    """'Från FM' and 'FM', 'DN2025' and 'DN 2025' are the same origin."""
    if value is None:
        return None
    v = _ORIGIN.sub("", _norm(value))
    v = re.sub(r"(?i)förslag\s+till\s+", "Förslag ", v)
    v = re.sub(r"([A-ZÅÄÖ]{2})(\d{4})", r"\1 \2", v)
    return v.upper()


METADATA = ("ursprung", "mottagare", "enhet", "kontinuitet")


# ---------------------------------------------------------------------------
# Items


LABELS = {
    "text": "text", "rubrik": "rubrik", "underrubrik": "underrubrik", "nummer": "nummer",
    "parent": "hör till",
    "riktning": "riktning", "enhet": "enhet", "ursprung": "ursprung", "mottagare": "mottagare",
    "malvarde": "målvärde", "langsiktigt_malvarde": "långsiktigt målvärde",
    "senast_kanda": "senast kända värde", "typ": "typ", "kategori": "kategori",
    "kontinuitet": "kontinuitet",
    "status": "status", "trend": "trend", "utfall": "utfall",
}


def _value_text(v: m.Varde | None) -> str | None:
    if v is None:
        return None
    if v.min is not None and v.max is not None:
        core = f"{v.min}–{v.max}"
    elif v.varde is not None:
        core = f"{v.operator or ''}{v.varde}"
    else:
        core = v.text or ""
    return f"{core} ({v.period})" if v.period else core or None


def _compare(before: Any, after: Any, fields: Sequence[str],
             parent_of: dict[str, str | None] | None = None) -> list[FieldChange]:
    out: list[FieldChange] = []
    for name in fields:
        if name == "parent":
            continue
        a, b = getattr(before, name, None), getattr(after, name, None)
        if isinstance(a, m.Varde) or isinstance(b, m.Varde):
            if _value_text(a) != _value_text(b):
                out.append(FieldChange(name, LABELS.get(name, name), a, b))
            continue
        if name in ("text", "rubrik"):
            if not _same_text(a, b):
                words = word_diff(_norm(a), _norm(b)) if a and b else None
                out.append(FieldChange(name, LABELS[name], a, b, words=words))
        elif name == "ursprung" and _origin(a) == _origin(b):
            continue
        elif a != b:
            filled = name in METADATA and (a is None or b is None)
            out.append(FieldChange(name, LABELS.get(name, name), a, b, filled=filled))
    return out


def _items_diff(section: Section, before: Sequence[Any], after: Sequence[Any],
                fields: Sequence[str], label: callable,  # type: ignore[valid-type]
                parent: callable | None = None,  # type: ignore[valid-type]
                names: dict[str, str] | None = None) -> None:
    """Match by id; report added, removed and changed items of one section."""
    a = {i.id: i for i in before}
    b = {i.id: i for i in after}
    names = names or {}
    for item in after:
        if item.id not in a:
            section.changes.append(Change(section.key, "added", item.id, label(item)))
            continue
        old = a[item.id]
        changes = _compare(old, item, fields)
        if parent is not None:
            pa, pb = parent(old), parent(item)
            if pa != pb:
                changes.append(FieldChange("parent", LABELS["parent"], names.get(pa or "", pa),
                                           names.get(pb or "", pb)))
        if changes:
            section.changes.append(Change(section.key, "changed", item.id, label(item), changes))
        else:
            section.unchanged += 1
    for item in before:
        if item.id not in b:
            section.changes.append(Change(section.key, "removed", item.id, label(item)))


def _goal_posts(data: YearData) -> list[Any]:
    if data.mal is None:
        return []
    return [p for persp in data.mal.perspektiv for p in persp.poster]


def _label_goal(p: Any) -> str:
    nummer = getattr(p, "nummer", None)
    head = {"effektmal": "Målsättning/effektmål", "mal": "Mål", "strategi": "Strategi"}[p.typ]
    name = _norm(getattr(p, "rubrik", None) or getattr(p, "text", ""))
    name = name if len(name) <= 110 else name[:107] + "…"
    return f"{head} {nummer}: {name}" if nummer else f"{head}: {name}"


def _label_item(prefix: str) -> callable:  # type: ignore[valid-type]
    def label(i: Any) -> str:
        nummer = getattr(i, "nummer", None)
        text = _norm(i.text)
        text = text if len(text) <= 110 else text[:107] + "…"
        return f"{prefix} {nummer}: {text}" if nummer else f"{prefix}: {text}"
    return label


def _join(words: Iterable[str]) -> str:
    items = sorted(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def _restructure_note(section: Section, before: Sequence[Any], after: Sequence[Any]) -> None:
    """When removed and added goals are of different kinds, say the structure was replaced."""
    removed = [c for c in section.changes if c.kind == "removed"]
    added = [c for c in section.changes if c.kind == "added"]
    if len(removed) < 3 or not added:
        return
    kind = {i.id: getattr(i, "kategori", getattr(i, "typ", "")) for i in [*before, *after]}
    gone = {kind[c.id] for c in removed}
    new = {kind[c.id] for c in added}
    if gone.isdisjoint(new):
        words = {"territoriellt_mal": "territoriella mål", "verksamhetsmal": "verksamhetsmål",
                 "fokusomrade": "fokusområden", "namndmal": "nämndmål", "effektmal": "effektmål",
                 "strategi": "strategier", "mal": "mål"}
        text = (f"Strukturen byttes: {len(removed)} {_join(words.get(k, k) for k in gone)} "
                f"ersattes av {len(added)} {_join(words.get(k, k) for k in new)}.")
        section.changes.insert(0, Change(section.key, "restructured", "", "Struktur", note=text))


# ---------------------------------------------------------------------------
# Figures


def _figure_change(name: str, label: str, a: Decimal | None, b: Decimal | None
                   ) -> FieldChange | None:
    if a == b:
        return None
    return FieldChange(name, label, a, b, amount=sub(b, a),
                       percent=percent(sub(b, a), abs(a)) if a is not None else None)


def _rows_diff(section: Section, before: Iterable[tuple[str, str, dict[str, Decimal | None]]],
               after: Iterable[tuple[str, str, dict[str, Decimal | None]]],
               columns: dict[str, str]) -> None:
    a = {key: (name, vals) for key, name, vals in before}
    b = {key: (name, vals) for key, name, vals in after}
    for key, (name, vals) in b.items():
        if key not in a:
            section.changes.append(Change(section.key, "added", key, name))
            continue
        changes = [fc for col, label in columns.items()
                   if (fc := _figure_change(col, label, a[key][1].get(col), vals.get(col)))]
        if a[key][0] != name:
            changes.insert(0, FieldChange("namn", "namn", a[key][0], name))
        if changes:
            section.changes.append(Change(section.key, "changed", key, name, changes))
        else:
            section.unchanged += 1
    for key, (name, _) in a.items():
        if key not in b:
            section.changes.append(Change(section.key, "removed", key, name))


def _missing(section: Section, year_a: str, year_b: str, has_a: bool, has_b: bool) -> bool:
    """Report a section one year lacks; True when there is nothing more to compare."""
    if has_a and has_b:
        return False
    if has_a or has_b:
        lacking = year_b if has_a else year_a
        section.changes.append(Change(section.key, "section-missing", "", section.title,
                                      note=f"{lacking} har inget avsnitt {section.title.lower()}"))
    return True


def _unit(*years: YearData, table: str, alone: bool = False) -> str:
    """The table's unit as a title's ending (", tkr" or " (tkr)"), from a year that has it."""
    for data in years:
        model = getattr(data.ekonomi, table, None) if data.ekonomi else None
        if model is not None:
            return f" ({model.enhet})" if alone else f", {model.enhet}"
    return ""


def _budget_rows(data: YearData) -> list[tuple[str, str, dict[str, Decimal | None]]]:
    rr = data.ekonomi.resultatrapport if data.ekonomi else None
    if rr is None:
        return []
    from ..rules.ekonomi import compute_resultatrapport

    t = compute_resultatrapport(rr)
    return [(r.key, r.namn, {"budget": r.cells.get("budget")}) for r in t.rows
            if "budget" in r.cells]


def _drift_rows(data: YearData) -> list[tuple[str, str, dict[str, Decimal | None]]]:
    dr = data.ekonomi.driftredovisning if data.ekonomi else None
    if dr is None:
        return []
    return [(r.id, r.namn, {"omsattning": r.omsattning, "budgetram": r.budgetram})
            for r in dr.rader]


def _invest_rows(data: YearData) -> list[tuple[str, str, dict[str, Decimal | None]]]:
    inv = data.ekonomi.investeringar if data.ekonomi else None
    if inv is None:
        return []
    return [(f"{r.kategori}/{r.namn}" if r.kategori else r.namn, r.namn, {"budget": r.budget})
            for r in inv.rader]


def _ram_rows(data: YearData) -> list[tuple[str, str, dict[str, Decimal | None]]]:
    ram = data.ekonomi.ekonomisk_ram if data.ekonomi else None
    if ram is None:
        return []
    return [(p.id, p.namn, {"varde": p.varde, "procent": p.procent}) for p in ram.poster]


# ---------------------------------------------------------------------------


def diff_years(before: YearData, after: YearData, label_before: str | None = None,
               label_after: str | None = None) -> DiffResult:
    """Everything that changed from ``before`` to ``after``, section by section."""
    la, lb = label_before or before.year, label_after or after.year
    sections: list[Section] = []
    names = {p.id: _label_goal(p) for p in [*_goal_posts(before), *_goal_posts(after)]}

    goals_a, goals_b = _goal_posts(before), _goal_posts(after)
    for key, title, typ in (("effektmal", "Målsättningar och effektmål", "effektmal"),
                            ("mal", "Nämndens mål och fokusområden", "mal"),
                            ("strategier", "Strategier", "strategi")):
        s = Section(key, title)
        a = [p for p in goals_a if p.typ == typ]
        b = [p for p in goals_b if p.typ == typ]
        if not _missing(s, la, lb, bool(a), bool(b)):
            _items_diff(s, a, b, ("nummer", "rubrik", "underrubrik", "text", "kategori",
                                  "ursprung"), _label_goal,
                        parent=lambda p: getattr(p, "effektmal", None), names=names)
            # an item that changed kind (strategi → målsättning) is matched across kinds
            _cross_kind(s, goals_a, goals_b, typ)
            _restructure_note(s, a, b)
        sections.append(s)

    s = Section("indikatorer", "Indikatorer och styrtal")
    ia = before.indikatorer.indikatorer if before.indikatorer else []
    ib = after.indikatorer.indikatorer if after.indikatorer else []
    if not _missing(s, la, lb, bool(ia), bool(ib)):
        _items_diff(s, ia, ib, ("nummer", "text", "riktning", "enhet", "malvarde",
                                "langsiktigt_malvarde", "ursprung"),
                    _label_item("Styrtal"), parent=lambda i: i.mal, names=names)
    sections.append(s)

    s = Section("uppdrag", "Uppdrag")
    ua = before.uppdrag.uppdrag if before.uppdrag else []
    ub = after.uppdrag.uppdrag if after.uppdrag else []
    if not _missing(s, la, lb, bool(ua), bool(ub)):
        _items_diff(s, ua, ub, ("nummer", "text", "ursprung", "mottagare", "kontinuitet"),
                    _label_item("Uppdrag"), parent=lambda u: u.mal, names=names)
    sections.append(s)

    for key, title, rows, columns in (
        ("resultatbudget", f"Resultatbudget (budget{_unit(after, before, table='resultatrapport')})",
         _budget_rows, {"budget": "budget"}),
        ("driftbudget", f"Driftbudget per område{_unit(after, before, table='driftredovisning', alone=True)}",
         _drift_rows,
         {"omsattning": "omsättning", "budgetram": "budgetram"}),
        ("investeringar", f"Investeringsbudget{_unit(after, before, table='investeringar', alone=True)}",
         _invest_rows,
         {"budget": "budget"}),
        ("ekonomisk-ram", "Ekonomisk ram", _ram_rows, {"varde": "värde", "procent": "procent"}),
    ):
        s = Section(key, title)
        ra, rb = rows(before), rows(after)
        has_a = any(v is not None for _, _, vals in ra for v in vals.values())
        has_b = any(v is not None for _, _, vals in rb for v in vals.values())
        if not _missing(s, la, lb, has_a, has_b):
            _rows_diff(s, ra, rb, columns)
        sections.append(s)

    if before.report_id is not None or after.report_id is not None:
        sections += assessment_sections(before, after, la, lb)

    s = Section("internkontroll", "Internkontroll (risker)")
    ka = [r for o in before.internkontroll.omraden for r in o.risker] if before.internkontroll else []
    kb = [r for o in after.internkontroll.omraden for r in o.risker] if after.internkontroll else []
    if not _missing(s, la, lb, bool(ka), bool(kb)):
        _items_diff(s, ka, kb, ("text",), lambda r: "Risk: " + _norm(r.text)[:110])
    sections.append(s)
    return DiffResult(la, lb, sections)


@dataclass(frozen=True)
class _Assessed:
    """An item's assessment in one report, for comparing follow-ups."""

    id: str
    label: str
    status: str | None
    trend: str | None
    utfall: m.Varde | None = None


def _assessed(items: Iterable[Any], label: callable) -> list[_Assessed]:  # type: ignore[valid-type]
    out = []
    for item in items:
        b = item.bedomning
        out.append(_Assessed(item.id, label(item), b.status if b else None,
                             b.trend if b else None, getattr(item, "utfall", None)))
    return out


def assessment_sections(before: YearData, after: YearData, la: str, lb: str) -> list[Section]:
    """Status, trend and utfall per goal, indicator and uppdrag, matched by id.

    Compares a follow-up with the previous follow-up (or with the plan, where
    nothing is assessed yet).
    """
    out = []
    goals = lambda d: [p for p in _goal_posts(d) if p.typ in ("effektmal", "mal")]  # noqa: E731
    inds = lambda d: d.indikatorer.indikatorer if d.indikatorer else []  # noqa: E731
    upps = lambda d: d.uppdrag.uppdrag if d.uppdrag else []  # noqa: E731
    for key, title, items, label, fields in (
        ("bedomning-mal", "Målens bedömning", goals, _label_goal, ("status", "trend")),
        ("bedomning-indikatorer", "Indikatorernas utfall och status", inds,
         _label_item("Indikator"), ("utfall", "status", "trend")),
        ("bedomning-uppdrag", "Uppdragens status", upps, _label_item("Uppdrag"),
         ("status", "trend")),
    ):
        s = Section(key, title)
        a, b = _assessed(items(before), label), _assessed(items(after), label)
        if not _missing(s, la, lb, bool(a), bool(b)):
            _items_diff(s, a, b, fields, lambda i: i.label)
        out.append(s)
    return out


def _cross_kind(section: Section, goals_a: Sequence[Any], goals_b: Sequence[Any],
                typ: str) -> None:
    """An id present in both years under different kinds: one 'changed', not add + remove."""
    by_a = {p.id: p for p in goals_a}
    by_b = {p.id: p for p in goals_b}
    kept: list[Change] = []
    for c in section.changes:
        if c.kind == "added" and c.id in by_a and by_a[c.id].typ != typ:
            old = by_a[c.id]
            c = Change(section.key, "changed", c.id, c.label,
                       [FieldChange("typ", LABELS["typ"], old.typ, typ)]
                       + _compare(old, by_b[c.id], ("nummer", "text")))
        elif c.kind == "removed" and c.id in by_b and by_b[c.id].typ != typ:
            continue  # reported where it now lives
        kept.append(c)
    section.changes[:] = kept
