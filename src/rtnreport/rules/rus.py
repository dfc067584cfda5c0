"""RUS-uppföljning: colour counts per övergripande mål, from what the data knows.

The per-effektmål colours were in figures the extraction lost; the text states
counts per goal, sometimes only partly ("fyra av åtta", "fyra röda och två
gula").  The rule counts the known items, keeps the published counts beside
them and says whether the two can both be true.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import models as m
from .maluppfyllelse import count_colours


@dataclass(frozen=True)
class RusCounts:
    mal: m.RusOvergripandeMal
    gron: int
    gul: int
    rod: int
    okand: int
    publicerad: m.RusFordelning | None

    @property
    def named(self) -> int:
        return self.gron + self.gul + self.rod + self.okand

    @property
    def stated_total(self) -> int | None:
        """How many effektmål the text implies: its count, else the colours it states."""
        if self.mal.antal_effektmal is not None:
            return self.mal.antal_effektmal
        p = self.publicerad
        if p is None:
            return None
        return sum(v or 0 for v in (p.gron, p.gul, p.rod, p.ej_grona)) or None

    @property
    def complete(self) -> bool:
        """Every effektmål is in the data with a colour."""
        total = self.stated_total
        return self.okand == 0 and (total is None or total <= self.named)

    def shown(self) -> dict[str, int | None]:
        """What the report prints: counted when complete, else what the text states."""
        if self.complete:
            return {"gron": self.gron, "gul": self.gul, "rod": self.rod, "ej_grona": None,
                    "antal": self.named, "fran_text": False}
        p = self.publicerad or m.RusFordelning()
        known = [p.gron, p.gul, p.rod]
        antal = self.mal.antal_effektmal
        if antal is None and all(v is not None for v in known):
            antal = sum(v for v in known if v is not None)
        return {"gron": p.gron, "gul": p.gul, "rod": p.rod, "ej_grona": p.ej_grona,
                "antal": antal, "fran_text": True}

    def conflicts(self) -> list[str]:
        """Ways the published counts cannot hold together with the items and the total."""
        p = self.publicerad
        out = []
        if p is not None:
            for colour, have in (("gron", self.gron), ("gul", self.gul), ("rod", self.rod)):
                stated = getattr(p, colour)
                if stated is not None and have > stated:
                    out.append(f"{have} effektmål är {colour} i data men texten anger {stated}")
            stated_sum = sum(v or 0 for v in (p.gron, p.gul, p.rod, p.ej_grona))
            if self.mal.antal_effektmal is not None and stated_sum > self.mal.antal_effektmal:
                out.append(f"texten anger {stated_sum} färgade effektmål men målet har "
                           f"{self.mal.antal_effektmal}")
        if self.mal.antal_effektmal is not None and self.named > self.mal.antal_effektmal:
            out.append(f"data namnger {self.named} effektmål men målet har "
                       f"{self.mal.antal_effektmal}")
        return out


def rus_counts(rus: m.RusFil) -> list[RusCounts]:
    out = []
    for mal in rus.overgripande_mal:
        c = count_colours(e.bedomning.status if e.bedomning else None for e in mal.effektmal)
        out.append(RusCounts(mal, c["gron"], c["gul"], c["rod"], c["okand"],
                             mal.publicerad_fordelning))
    return out
