"""The proposal's change chapter as the committee reads it: tables from the diff.

Per kind of item (målsättningar, mål, strategier, styrtal, uppdrag, risker): one table
of changed items — *Nuvarande lydelse | Föreslagen lydelse | Kommentar* — and one each of
new and removed items.  Everything comes from :func:`rtnreport.diff.engine.diff_years`
(items matched by stable id); the wording is the whole item as each year states it, with
removed words marked ``<del>`` and added words ``<ins>`` (struck through and underlined,
so colour is not the only carrier).  ``rtnreport diff`` keeps the machine view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..diff.engine import DiffResult, word_diff
from ..diff.output import _value
from ..loading import YearData

SECTIONS = {  # diff section → (plural for captions, singular)
    "effektmal": ("Målsättningar", "målsättning"),
    "mal": ("Nämndens mål och fokusområden", "mål"),
    "strategier": ("Strategier", "strategi"),
    "indikatorer": ("Styrtal", "styrtal"),
    "uppdrag": ("Uppdrag", "uppdrag"),
    "internkontroll": ("Risker i internkontrollplanen", "risk"),
}
TEXT_FIELDS = {"text", "rubrik", "underrubrik"}
MOTTAGARE = {"namnden": "till nämnden", "forvaltningen": "till förvaltningen",
             "alla_namnder": "till samtliga nämnder"}


@dataclass
class Row:
    nuvarande: Markup = Markup("")
    foreslagen: Markup = Markup("")
    kommentar: str = ""


@dataclass
class Group:
    key: str
    rubrik: str
    andrade: list[Row] = field(default_factory=list)
    nya: list[Row] = field(default_factory=list)
    borttagna: list[Row] = field(default_factory=list)


def _items(data: YearData | None) -> dict[str, Any]:
    if data is None:
        return {}
    out: dict[str, Any] = {}
    if data.mal is not None:
        out.update({p.id: p for persp in data.mal.perspektiv for p in persp.poster})
    if data.indikatorer is not None:
        out.update({i.id: i for i in data.indikatorer.indikatorer})
    if data.uppdrag is not None:
        out.update({u.id: u for u in data.uppdrag.uppdrag})
    if data.internkontroll is not None:
        out.update({r.id: r for o in data.internkontroll.omraden for r in o.risker})
    return out


def lydelse(item: Any) -> str:
    """An item's whole wording as a year states it, in one line."""
    nummer = getattr(item, "nummer", None)
    typ = getattr(item, "typ", None)
    parts: list[str] = []
    if typ in ("effektmal", "mal", "strategi"):
        head = {"effektmal": "Målsättning", "mal": "Mål", "strategi": "Strategi"}[typ]
        parts.append(f"{head} {nummer}:" if nummer else f"{head}:")
        for attr in ("rubrik", "underrubrik"):
            if getattr(item, attr, None):
                parts.append(f"{getattr(item, attr)}.")
        text = getattr(item, "text", None)
        if text and text != getattr(item, "rubrik", None):
            parts.append(text)
    elif hasattr(item, "atgarder"):  # a risk
        parts.append(item.text)
    else:  # styrtal or uppdrag
        if nummer:
            parts.append(f"Nr {nummer}.")
        parts.append(item.text)
        for attr, label in (("malvarde", "Målvärde"), ("langsiktigt_malvarde",
                                                        "Långsiktigt målvärde")):
            if getattr(item, attr, None) is not None:
                parts.append(f"{label}: {_value(getattr(item, attr))}.")
        if getattr(item, "enhet", None):
            parts.append(f"Enhet: {item.enhet}.")
        if getattr(item, "mottagare", None):
            parts.append(f"Uppdrag {MOTTAGARE.get(item.mottagare, item.mottagare)}.")
    if getattr(item, "ursprung", None):
        parts.append(f"({item.ursprung})")
    # a closing full stop is punctuation, not wording (as the diff itself counts it)
    return " ".join(_sentence(p) for p in parts)


def _sentence(part: str) -> str:
    text = " ".join(str(part).split())
    if text.endswith(":") or text.startswith("("):
        return text
    return text.rstrip(" .") + "."


def _marked(words: list, keep: str, mark: str, tag: str) -> Markup:
    out = []
    for w in words:
        if w.op == "equal":
            out.append(escape(w.text))
        elif w.op == mark:
            out.append(Markup(f"<{tag}>{escape(w.text)}</{tag}>"))
    return Markup(" ").join(out)


def _kommentar(change: Any) -> str:
    notes: list[str] = []
    for fc in change.fields:
        if fc.field in TEXT_FIELDS:
            if "Omformulerad." not in notes:
                notes.append("Omformulerad.")
        elif fc.field == "nummer":
            notes.append(f"Omnumrerad: {_value(fc.before)} → {_value(fc.after)}.")
        elif fc.field == "parent":
            notes.append(f"Flyttad: från {_value(fc.before)} till {_value(fc.after)}.")
        elif fc.filled:
            notes.append(f"{fc.label.capitalize()} anges: {_value(fc.after)}.")
        else:
            notes.append(f"{fc.label.capitalize()}: {_value(fc.before)} → {_value(fc.after)}.")
    return " ".join(notes)


def change_groups(diff: DiffResult | None, before: YearData | None,
                  after: YearData) -> list[Group]:
    """The change chapter's tables, one group per kind of item that changed."""
    if diff is None:
        return []
    old, new = _items(before), _items(after)

    groups: list[Group] = []
    for section in diff.sections:
        if section.key not in SECTIONS:
            continue
        group = Group(section.key, SECTIONS[section.key][0])
        for c in section.changes:
            if c.kind == "changed" and c.id in old and c.id in new:
                a, b = lydelse(old[c.id]), lydelse(new[c.id])
                words = word_diff(a, b)
                group.andrade.append(Row(_marked(words, "equal", "delete", "del"),
                                         _marked(words, "equal", "insert", "ins"),
                                         _kommentar(c)))
            elif c.kind == "added" and c.id in new:
                group.nya.append(Row(foreslagen=Markup(escape(lydelse(new[c.id]))),
                                     kommentar="Ny."))
            elif c.kind == "removed" and c.id in old:
                group.borttagna.append(Row(nuvarande=Markup(escape(lydelse(old[c.id]))),
                                           kommentar="Utgår."))
        if group.andrade or group.nya or group.borttagna:
            groups.append(group)
    return groups
