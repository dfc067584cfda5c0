"""Måluppfyllelse: the 3.1 summary (grön/gul/röd per category) and indicator assessment."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .. import models as m
from ..swedish import tal

FARGER = ("gron", "gul", "rod")

KATEGORIER = (
    ("effektmal", "Effektmål från fullmäktige"),
    ("namndens_mal", "Nämndens mål"),
    ("uppdrag", "Nämndens uppdrag"),
)


@dataclass(frozen=True)
class SummaryRow:
    """Counts of one category, computed from the per-item statuses."""

    kategori: str
    rubrik: str
    gron: int
    gul: int
    rod: int
    okand: int
    """Items whose colour the data does not know (e.g. lost in extraction)."""
    publicerad: m.Sammanfattning | None = None
    harledda: int = 0
    """Items whose colour is derived (not printed in the source)."""

    @property
    def antal(self) -> int:
        return self.gron + self.gul + self.rod + self.okand

    @property
    def complete(self) -> bool:
        return self.okand == 0

    @property
    def consistent_with_published(self) -> bool | None:
        """Whether the published counts can be the counts of these items.

        None when nothing was published.  With unknown items the published
        counts must cover the known ones and add up to the number of items.
        """
        p = self.publicerad
        if p is None:
            return None
        if self.complete:
            return (p.gron, p.gul, p.rod) == (self.gron, self.gul, self.rod)
        return (p.gron >= self.gron and p.gul >= self.gul and p.rod >= self.rod
                and p.gron + p.gul + p.rod == self.antal)

    def shown(self) -> tuple[int | None, int | None, int | None, bool]:
        """(grön, gul, röd, from_published): what the report prints.

        The computed counts when every item has a colour; otherwise the
        published counts if they agree with what is known (flagged, so the
        report can say so); otherwise unknown (None).
        """
        if self.complete:
            return self.gron, self.gul, self.rod, False
        if self.publicerad is None or not self.consistent_with_published:
            return None, None, None, False  # unknown: shown as "–", never as 0
        p = self.publicerad
        return p.gron, p.gul, p.rod, True


def count_colours(statuses: Iterable[str | None]) -> dict[str, int]:
    counts = {"gron": 0, "gul": 0, "rod": 0, "okand": 0}
    for s in statuses:
        counts[s if s in FARGER else "okand"] += 1
    return counts


def _status(item: m.Effektmal | m.Mal | m.Uppdrag) -> str | None:
    return item.bedomning.status if item.bedomning else None


def maluppfyllelse(
    effektmal: Sequence[m.Effektmal],
    mal: Sequence[m.Mal],
    uppdrag: Sequence[m.Uppdrag],
    publicerad: m.PubliceradSammanfattning | None = None,
    names: Callable[[str], str] | None = None,
) -> list[SummaryRow]:
    """The 3.1 summary: colours counted per category from the items themselves.

    ``names`` gives each category's name in the organisation's words
    ("Effektmål från kommunfullmäktige"); the defaults are neutral.
    """
    items = {"effektmal": effektmal, "namndens_mal": mal, "uppdrag": uppdrag}
    rows = []
    for key, rubrik in KATEGORIER:
        if not items[key] and (publicerad is None or getattr(publicerad, key) is None):
            continue  # a category the committee does not have (e.g. no uppdrag this year)
        c = count_colours(_status(i) for i in items[key])
        derived = sum(1 for i in items[key] if i.bedomning and i.bedomning.harledd)
        rows.append(SummaryRow(key, names(key) if names else rubrik, c["gron"], c["gul"], c["rod"], c["okand"],
                               getattr(publicerad, key) if publicerad else None, derived))
    return rows


# ---------------------------------------------------------------------------
# Indicators


@dataclass(frozen=True)
class Assessment:
    status: str | None
    """Suggested helt / delvis / inte_alls / varde_saknas (None: cannot tell)."""
    trend: str | None
    reason: str


def _num(v: m.Varde | None) -> Decimal | None:
    return v.varde if v is not None else None


def suggested_status(ind: m.Indikator, previous: Decimal | None = None) -> tuple[str | None, str]:
    """The status the numbers support, and why.

    * no numeric outcome, target or direction → None (the numbers cannot say;
      the analyst's status stands);
    * a target interval (min–max) → helt inside, otherwise inte alls;
    * a target value and a direction (öka/minska, or an operator) →
      helt when reached; delvis when not reached but moving the right way
      against the previous value; otherwise inte alls;
    * no target → None (the numbers cannot say).
    """
    utfall = _num(ind.utfall)
    if utfall is None:
        return None, "inget numeriskt utfall"
    target = ind.malvarde
    if target is None:
        return None, "inget målvärde"
    if target.min is not None and target.max is not None:
        inside = target.min <= utfall <= target.max
        return ("helt" if inside else "inte_alls"), (
            f"utfall {tal(utfall)} {'inom' if inside else 'utanför'} intervallet "
            f"{tal(target.min)}–{tal(target.max)}")
    goal = target.varde
    if goal is None:
        return None, "målvärdet är inte numeriskt"
    op = target.operator
    if op is None:
        op = {"oka": ">=", "minska": "<=", "uppna": ">="}.get(ind.riktning or "", None)
    if op is None:
        return None, "riktning saknas"
    reached = {
        ">": utfall > goal, ">=": utfall >= goal, "<": utfall < goal,
        "<=": utfall <= goal, "=": utfall == goal,
    }[op]
    if reached:
        return "helt", f"utfall {tal(utfall)} {op} målvärde {tal(goal)}"
    if previous is not None:
        better = utfall > previous if op in (">", ">=") else utfall < previous
        if better:
            return "delvis", (f"målvärdet {tal(goal)} nås inte men utfallet {tal(utfall)} är "
                              f"bättre än {tal(previous)}")
    return "inte_alls", f"utfall {tal(utfall)} når inte målvärdet {op} {tal(goal)}"


def suggested_trend(ind: m.Indikator, previous: Decimal | None) -> str | None:
    """forbattrad / oforandrad / forsamrad against the previous value, by direction."""
    utfall = _num(ind.utfall)
    if utfall is None or previous is None:
        return None
    if utfall == previous:
        return "oforandrad"
    op = ind.malvarde.operator if ind.malvarde else None
    upward = ind.riktning in ("oka", "hogre_an_jamforelse", "uppna") or op in (">", ">=")
    downward = ind.riktning == "minska" or op in ("<", "<=")
    if not (upward or downward):
        return None
    return "forbattrad" if (utfall > previous) == upward else "forsamrad"


def previous_value(ind: m.Indikator, previous_year: m.Indikator | None = None) -> Decimal | None:
    """The last earlier outcome: from the indicator's own series, else last year's data."""
    for v in reversed(ind.tidigare_utfall):
        if v.varde is not None:
            return v.varde
    if previous_year is not None and previous_year.utfall is not None:
        prev = previous_year.utfall.varde
        if prev is not None and (ind.utfall is None or previous_year.utfall.period != ind.utfall.period):
            return prev
    return None


def assess_indicator(ind: m.Indikator, previous_year: m.Indikator | None = None) -> Assessment:
    prev = previous_value(ind, previous_year)
    status, reason = suggested_status(ind, prev)
    return Assessment(status, suggested_trend(ind, prev), reason)
