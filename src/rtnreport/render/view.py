"""The view: what a template lays out, arranged in report order.

Built from the loaded data and the computed figures; it does no arithmetic
of its own (every figure comes from :mod:`rtnreport.rules`).
"""

from __future__ import annotations

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

    @property
    def label(self) -> str:
        """A short name for the block (table captions, landmark labels)."""
        it = self.item
        nummer = getattr(it, "nummer", None)
        if self.kind == "effektmal" and nummer:
            return f"effektmål {nummer}"
        if self.kind == "mal" and nummer:
            return f"fokusområde {nummer}" if it.kategori == "fokusomrade" else f"mål {nummer}"
        return getattr(it, "rubrik", None) or it.text


@dataclass
class PerspectiveView:
    section: str  # "3.2"
    item: m.PerspektivAvsnitt
    blocks: list[Block]


def perspectives(data: YearData, computed: Computed, first_section: int = 2,
                 chapter: int = 3) -> list[PerspectiveView]:
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
    return views
