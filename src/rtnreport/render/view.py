"""The view: what a template lays out, arranged in report order.

Built from the loaded data and the computed figures; it does no arithmetic
of its own (every figure comes from :mod:`rtnreport.rules`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import models as m
from ..loading import YearData
from ..rules.maluppfyllelse import Assessment
from ..rules.report import Computed


@dataclass
class IndicatorView:
    item: m.Indikator
    assessment: Assessment | None


@dataclass
class Block:
    """One item of a perspective as the report shows it."""

    kind: str  # effektmal | mal | strategi | uppdrag
    item: Any
    indicators: list[IndicatorView] = field(default_factory=list)
    suffix: str = ""
    """Added to the label when two blocks would otherwise read the same."""
    term: str = "effektmål"
    """What the report calls a fullmäktige goal ("effektmål", "målsättning nr")."""

    @property
    def label(self) -> str:
        return self.base_label + self.suffix

    @property
    def base_label(self) -> str:
        """A short name for the block (table captions, landmark labels)."""
        it = self.item
        nummer = getattr(it, "nummer", None)
        if self.kind == "effektmal" and nummer:
            return f"{self.term} {nummer}"
        if self.kind == "mal" and nummer:
            return f"fokusområde {nummer}" if it.kategori == "fokusomrade" else f"mål {nummer}"
        return getattr(it, "rubrik", None) or it.text


@dataclass
class PerspectiveView:
    section: str  # "3.2"
    item: m.PerspektivAvsnitt
    blocks: list[Block]


def perspectives(data: YearData, computed: Computed, first_section: int = 2,
                 chapter: int = 3, term: str = "effektmål") -> list[PerspectiveView]:
    """Perspektiv → blocks: each goal with its indicators, uppdrag after their goal.

    An uppdrag that belongs to a mål follows that mål; one that belongs to an
    effektmål follows the effektmål's last mål (as the published reports do).
    """
    if data.mal is None:
        return []
    indicators: dict[str, list[IndicatorView]] = {}
    for ind in data.indikatorer.indikatorer if data.indikatorer else []:
        indicators.setdefault(ind.mal, []).append(
            IndicatorView(ind, computed.assessments.get(ind.id)))
    uppdrag: dict[str | None, list[m.Uppdrag]] = {}
    for upp in data.uppdrag.uppdrag if data.uppdrag else []:
        uppdrag.setdefault(upp.mal, []).append(upp)

    views = []
    for i, persp in enumerate(data.mal.perspektiv):
        blocks: list[Block] = []
        open_effektmal: str | None = None

        def close_group() -> None:
            nonlocal open_effektmal
            if open_effektmal is not None:
                blocks.extend(Block("uppdrag", u) for u in uppdrag.get(open_effektmal, []))
                open_effektmal = None

        for post in persp.poster:
            if isinstance(post, m.Effektmal):
                close_group()
                open_effektmal = post.id
                blocks.append(Block("effektmal", post, indicators.get(post.id, [])))
            elif isinstance(post, m.Mal):
                if post.effektmal != open_effektmal:
                    close_group()
                blocks.append(Block("mal", post, indicators.get(post.id, [])))
                blocks.extend(Block("uppdrag", u) for u in uppdrag.get(post.id, []))
            else:
                close_group()
                blocks.append(Block("strategi", post))
        close_group()
        views.append(PerspectiveView(f"{chapter}.{first_section + i}", persp, blocks))
    seen: dict[str, int] = {}
    for view in views:
        for block in view.blocks:
            block.term = term
            n = seen.get(block.base_label, 0) + 1
            seen[block.base_label] = n
            if n > 1:
                block.suffix = f" ({n})"
    return views


# ---------------------------------------------------------------------------
# The outline: numbered sections, shared by the table of contents and the body.


@dataclass
class Sec:
    key: str
    number: str
    title: str
    children: list[Sec] = field(default_factory=list)
    ref: Any = None
    """What the section shows (e.g. the perspective, a text key or a table)."""

    @property
    def anchor(self) -> str:
        if not self.number:
            return "s-" + self.title.lower().replace(" ", "-")
        return "s-" + self.number.replace(".", "-")

    @property
    def id(self) -> str:
        """What a report's ``avsnitt`` list calls the section (a text chapter: its text)."""
        return str(self.ref) if self.key == "text" else self.key


def choose_sections(outline: list[Sec], chosen: list[Any] | None) -> list[Sec]:
    """The chapters a report lists (``avsnitt``), in its order and with its headings.

    Entries name a section of the type (``inledning``), rename one
    (``{avsnitt: mal, rubrik: …}``) or add a free chapter from a text
    (``{text: kulturarv, rubrik: …}``).  A listed section the data has nothing for
    is left out (``check`` says so).  Numbering, the table of contents and the
    PDF bookmarks follow the new order.
    """
    if chosen is None:
        return outline
    by_id = {s.id: s for s in outline}
    out: list[Sec] = []
    for entry in chosen:
        if isinstance(entry, str):
            if entry in by_id:
                out.append(by_id[entry])
        elif entry.text is not None:
            out.append(Sec("text", "1", entry.rubrik, ref=entry.text))
        elif entry.avsnitt in by_id:
            sec = by_id[entry.avsnitt]
            if entry.rubrik:
                sec.title = entry.rubrik
            out.append(sec)
    n = 0
    for sec in out:
        if sec.number:
            n += 1
            _renumber(sec, str(n))
    return out


def _renumber(sec: Sec, number: str) -> None:
    sec.number = number
    if isinstance(sec.ref, PerspectiveView):
        sec.ref.section = number
    for i, child in enumerate(sec.children, 1):
        _renumber(child, f"{number}.{i}")


def followup_outline(typ: str, data: YearData, persps: list[PerspectiveView]) -> list[Sec]:
    """The sections of a delårsrapport or verksamhetsberättelse, numbered as published."""
    helar = typ == "helar"
    out = [Sec("inledning", "1", "Inledning"), Sec("vasentliga-handelser", "2", "Väsentliga händelser")]
    mal = Sec("mal", "3", "Nämndens mål, strategier och uppdrag",
              [Sec("sammanfattning", "3.1", "Sammanfattning uppföljning av mål och uppdrag")])
    mal.children += [Sec("perspektiv", pv.section, f"Perspektiv: {pv.item.rubrik}", ref=pv)
                     for pv in persps]
    out.append(mal)
    ek = data.ekonomi
    if ek is not None:
        sec = Sec("ekonomi", "4", "Ekonomi")
        items: list[tuple[str, str]] = []
        if ek.resultatrapport:
            items.append(("resultatrapport", ek.resultatrapport.rubrik or "Resultatrapport"))
        if ek.driftredovisning or {"periodens-resultat", "arets-resultat"} & set(data.texts):
            items.append(("resultat", "Årets resultat" if helar else "Periodens resultat"))
        if not helar and "helarsprognos" in data.texts:
            items.append(("helarsprognos", "Helårsprognos"))
        if ek.handlingsplan or "handlingsplan" in data.texts:
            items.append(("handlingsplan", "Vidtagna åtgärder för att nå ekonomi i balans"))
        if ek.investeringar:
            items.append(("investeringar", "Investeringar"))
        if ek.nyckeltal:
            items.append(("nyckeltal", "Ekonomiska nyckeltal"))
        sec.children = [Sec(k, f"4.{i}", t) for i, (k, t) in enumerate(items, 1)]
        out.append(sec)
    pe = data.personal
    if pe is not None:
        sec = Sec("personal", "5", "Personalekonomi")
        items2: list[tuple[str, str, Any]] = []
        if pe.lonekostnad:
            items2.append(("lonekostnad", "Personalkostnader", None))
        if pe.kostnadsanalys:
            items2.append(("kostnadsanalys", "Kostnadsanalys", None))
        items2 += [("arsarbetare", aa.rubrik, aa) for aa in pe.arsarbetare]
        if pe.sjukfranvaro:
            items2.append(("sjukfranvaro", pe.sjukfranvaro.rubrik, None))
        sec.children = [Sec(k, f"5.{i}", t, ref=r) for i, (k, t, r) in enumerate(items2, 1)]
        out.append(sec)
    n = 6
    if "framtida-utmaningar" in data.texts:
        out.append(Sec("framtida-utmaningar", str(n), "Framtida utmaningar"))
        n += 1
    if data.internkontroll is not None:
        title = "Intern styrning och kontroll" if helar else "Intern kontroll"
        sec = Sec("internkontroll", str(n), title,
                  [Sec("internkontrollplan", f"{n}.1", "Internkontrollplan")])
        if data.internkontroll.isk_bedomning:
            sec.children.append(Sec("isk", f"{n}.2", "ISK-bedömning"))
        out.append(sec)
    return out


def plan_outline(data: YearData) -> list[Sec]:
    """The sections of a verksamhetsplan med budget, numbered as published."""
    texts = data.texts
    out = [Sec("inledning", "1", "Inledning")]
    if "vision-och-vardegrund" in texts:
        out.append(Sec("vision", "2", "Vision och värdegrund"))
    n = len(out) + 1
    out.append(Sec("mal", str(n), "Målsättningar, styrtal och uppdrag",
                   [Sec("malsattningar", f"{n}.1", "Övergripande målområden/målsättningar")]))
    n += 1
    ek = data.ekonomi
    if ek is not None:
        items = []
        text_key = None
        if "ekonomiskt-utgangslage" in texts:
            items.append(("utgangslage", "Ekonomiskt utgångsläge och utveckling"))
        budget_text = next((k for k in sorted(texts) if k.startswith("budget-")), None)
        if budget_text:
            items.append(("budgettext", f"Budget {budget_text.split('-', 1)[1]}"))
            text_key = budget_text
        if ek.nyckeltal:
            items.append(("nyckeltal", "Ekonomiska nyckeltal"))
        if ek.resultatrapport:
            items.append(("resultatbudget", ek.resultatrapport.rubrik or "Resultatbudget"))
        if ek.driftredovisning:
            items.append(("driftbudget", ek.driftredovisning.rubrik or "Driftbudget"))
        if ek.investeringar:
            items.append(("investeringsbudget", ek.investeringar.rubrik or "Investeringsbudget"))
        out.append(Sec("budget", str(n), "Budget",
                       [Sec(k, f"{n}.{i}", t, ref=text_key if k == "budgettext" else None)
                        for i, (k, t) in enumerate(items, 1)]))
        n += 1
    for key, title in (("organisation", "Organisation"), ("uppfoljning", "Uppföljning")):
        if key in texts:
            out.append(Sec(key, str(n), title))
            n += 1
    if data.internkontroll is not None or "intern-styrning" in texts:
        sec = Sec("internkontroll", str(n), "Intern styrning och kontroll")
        if data.internkontroll is not None:
            sec.children.append(Sec("internkontrollplan", f"{n}.1", "Internkontrollplan"))
        out.append(sec)
    return out


def proposal_outline(data: YearData, previous: YearData | None,
                     bilagor: list[Any] | None = None) -> list[Sec]:
    """The sections of a proposal for next year's plan (typ vp_forslag)."""
    texts = data.texts
    items: list[tuple[str, str, Any]] = []
    if "tidplan" in texts:
        items.append(("text", "Tidplan", "tidplan"))
    if "framtida-utmaningar" in texts:
        items.append(("text", "Framtida utmaningar", "framtida-utmaningar"))
    if "malsattningar" in texts:
        items.append(("text", "Målsättningar", "malsattningar"))
    items.append(("mal", "Målsättningar med styrtal och uppdrag", None))
    items.append(("sammanfattning", "Sammanfattning av uppdrag till nämnden", None))
    if data.ekonomi is not None and data.ekonomi.ekonomisk_ram is not None:
        items.append(("ram", data.ekonomi.ekonomisk_ram.rubrik, None))
    if data.internkontroll is not None:
        items.append(("internkontroll", "Internkontrollplan", None))
    if bilagor:
        items.append(("presentationer", "Presentation av verksamhetens förutsättningar",
                      [b for b in bilagor if b.text in texts]))
    if previous is not None:
        items.append(("andringar", f"Förändringar mot {previous.year}", None))
    return [Sec(key, str(i), title, ref=ref) for i, (key, title, ref) in enumerate(items, 1)]


def rus_outline(data: YearData) -> list[Sec]:
    """The sections of the RUS-uppföljning "Läget i länet"."""
    out: list[Sec] = []
    for key, title in (("rus-forord", "Förord"), ("rus-sammanfattning", "Sammanfattning")):
        if key in data.texts:
            out.append(Sec("text", "", title, ref=key))
    n = 1
    for key, title in (("rus-inledning", "Inledning"), ("rus-omvarlden", "Omvärlden")):
        if key in data.texts:
            out.append(Sec("text", str(n), title, ref=key))
            n += 1
    rus = data.rus
    if rus is not None:
        out.append(Sec("overgripande", str(n), "Övergripande mål med effektmål",
                       [Sec("mal", f"{n}.{i}", g.rubrik, ref=g)
                        for i, g in enumerate(rus.overgripande_mal, 1)]))
        n += 1
        if rus.prioriterade_omraden:
            out.append(Sec("omraden", str(n), f"De {_antal(len(rus.prioriterade_omraden))} "
                           "prioriterade områdena",
                           [Sec("omrade", f"{n}.{i}", o.rubrik, ref=o)
                            for i, o in enumerate(rus.prioriterade_omraden, 1)]))
            n += 1
        if rus.utmaningsomraden:
            out.append(Sec("utmaningar", str(n), rus.utmaningar_rubrik,
                           [Sec("utmaning", f"{n}.{i}", u.rubrik, ref=u)
                            for i, u in enumerate(rus.utmaningsomraden, 1)]))
            n += 1
    if "rus-slutsats" in data.texts:
        out.append(Sec("text", str(n), "Slutsats", ref="rus-slutsats"))
    return out


OUTLINES: dict[str, Callable[..., list[Sec]]] = {
    "uppfoljning": lambda rapport, data, persps, previous: followup_outline(rapport.typ, data,
                                                                            persps),
    "plan": lambda rapport, data, persps, previous: plan_outline(data),
    "forslag": lambda rapport, data, persps, previous: proposal_outline(data, previous,
                                                                        rapport.bilagor),
    "rus": lambda rapport, data, persps, previous: rus_outline(data),
}
"""A report type's ``outline`` (see rtnreport.reports) → its chapters from the data."""


def _antal(n: int) -> str:
    words = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
             "elva", "tolv"]
    return words[n] if n < len(words) else str(n)
