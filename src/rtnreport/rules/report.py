"""The compute phase: one year's data in, every figure of its reports out.

:func:`compute_year` runs each rule once and gathers the results in a
:class:`Computed` value that the renderer, the JSON export and ``check``
all read.  Nothing here formats a number or touches a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .. import models as m
from ..loading import YearData
from . import ekonomi as ek
from . import personal as pe
from .arith import as_interval
from .consistency import Finding, check_published, with_published
from .maluppfyllelse import Assessment, SummaryRow, assess_indicator, maluppfyllelse
from .plan import uppdrag_till_namnden
from .rus import RusCounts, rus_counts
from .table import Kind, Published, Table

REFERENCE = re.compile(r"\[\[\s*([a-z0-9_.-]+)\s*\]\]")
"""Prose cites a computed figure as ``[[handlingsplan.summa.utfall-ack-jul]]``."""


@dataclass(frozen=True)
class Figure:
    value: Decimal | None
    kind: Kind


@dataclass
class Computed:
    year: str
    tables: dict[str, Table] = field(default_factory=dict)
    """What the reports show: computed, or the published figure where it agrees."""
    exact: dict[str, Table] = field(default_factory=dict)
    """Computed from the inputs alone."""
    intervals: dict[str, Table] = field(default_factory=dict)
    published: dict[str, list[Published]] = field(default_factory=dict)
    sammanfattning: list[SummaryRow] = field(default_factory=list)
    assessments: dict[str, Assessment] = field(default_factory=dict)
    uppdrag_till_namnden: list[m.Uppdrag] = field(default_factory=list)
    rus: list[RusCounts] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)


def _effektmal_mal(data: YearData) -> tuple[list[m.Effektmal], list[m.Mal]]:
    effektmal: list[m.Effektmal] = []
    mal: list[m.Mal] = []
    if data.mal:
        for persp in data.mal.perspektiv:
            for post in persp.poster:
                if isinstance(post, m.Effektmal):
                    effektmal.append(post)
                elif isinstance(post, m.Mal):
                    mal.append(post)
    return effektmal, mal


# (file attribute, table id, builder, published figures) of every single table
SINGLE_TABLES = [
    ("ekonomi", "ekonomisk_ram", "ekonomisk-ram", ek.compute_ekonomisk_ram, lambda m_: []),
    ("ekonomi", "resultatrapport", "resultatrapport", ek.compute_resultatrapport,
     ek.resultatrapport_published),
    ("ekonomi", "driftredovisning", "driftredovisning", ek.compute_driftredovisning,
     ek.driftredovisning_published),
    ("ekonomi", "investeringar", "investeringar", ek.compute_investeringar,
     ek.investeringar_published),
    ("ekonomi", "handlingsplan", "handlingsplan", ek.compute_handlingsplan,
     ek.handlingsplan_published),
    ("personal", "lonekostnad", "lonekostnad", pe.compute_lonekostnad, pe.lonekostnad_published),
    ("personal", "kostnadsanalys", "kostnadsanalys", pe.compute_kostnadsanalys,
     pe.kostnadsanalys_published),
]


def _tables(data: YearData) -> list[tuple[str, Any, Any, list[Published]]]:
    """(id, exact builder, model, published) for every table the year has."""
    out: list[tuple[str, Any, Any, list[Published]]] = []
    for file_attr, attr, key, build, published in SINGLE_TABLES:
        model = getattr(getattr(data, file_attr) or object(), attr, None)
        if model is not None:
            out.append((key, build, model, published(model)))
    if data.personal:
        for i, aa in enumerate(data.personal.arsarbetare):
            out.append((f"arsarbetare-{aa.id}", pe.compute_arsarbetare, aa,
                        pe.arsarbetare_published(aa, i)))
        if data.personal.sjukfranvaro:
            sf = data.personal.sjukfranvaro
            out.append(("sjukfranvaro", pe.compute_sjukfranvaro, sf,
                        pe.sjukfranvaro_published(sf)))
    return out


def compute_year(data: YearData, previous: YearData | None = None) -> Computed:
    """Every computed figure of one year (``previous``: last year, for trends)."""
    result = Computed(year=data.year)
    for key, build, model, published in _tables(data):
        result.exact[key] = build(model)
        result.intervals[key] = build(model, as_interval)
        result.published[key] = published
        result.tables[key] = with_published(result.exact[key], result.intervals[key], published)
    effektmal, mal = _effektmal_mal(data)
    uppdrag = data.uppdrag.uppdrag if data.uppdrag else []
    result.sammanfattning = maluppfyllelse(
        effektmal, mal, uppdrag, data.mal.publicerad_sammanfattning if data.mal else None,
        names=data.config.words.kategori)
    prev_ind = ({i.id: i for i in previous.indikatorer.indikatorer}
                if previous and previous.indikatorer else {})
    if data.indikatorer:
        for ind in data.indikatorer.indikatorer:
            result.assessments[ind.id] = assess_indicator(ind, prev_ind.get(ind.id))
    result.uppdrag_till_namnden = uppdrag_till_namnden(uppdrag)
    if data.rus is not None:
        result.rus = rus_counts(data.rus)
    result.figures = figures(result)
    return result


def figures(computed: Computed) -> dict[str, Figure]:
    """The reference namespace: ``<table>.<row>.<column>`` and ``sammanfattning.<kat>.<färg>``."""
    out: dict[str, Figure] = {}
    for tid, table in computed.tables.items():
        for row in table.rows:
            for col in table.columns:
                out[f"{tid}.{row.key}.{col.key}"] = Figure(row.cells.get(col.key),
                                                           table.kind_of(row, col))
    for s in computed.sammanfattning:
        gron, gul, rod, _ = s.shown()
        for colour, n in (("gron", gron), ("gul", gul), ("rod", rod)):
            out[f"sammanfattning.{s.kategori}.{colour}"] = Figure(
                None if n is None else Decimal(n), "antal")
    out["uppdrag.till-namnden.antal"] = Figure(Decimal(len(computed.uppdrag_till_namnden)), "antal")
    return out


def published_findings(computed: Computed) -> list[Finding]:
    findings: list[Finding] = []
    for key in computed.tables:
        findings += check_published(computed.exact[key], computed.intervals[key],
                                    computed.published[key])
    return findings


def references(text: str) -> list[tuple[str, int]]:
    """(reference, offset) of every ``[[…]]`` in ``text``."""
    return [(mt.group(1), mt.start()) for mt in REFERENCE.finditer(text)]
