"""The computed table: what every ekonomi and personal rule returns.

A :class:`Table` holds rows of cells keyed by column.  Input cells come from
the data; derived cells (sums, deviations, percentages) are computed.  The
same table can be computed with exact Decimals (for the report) or with
intervals (to judge published figures), see :mod:`rtnreport.rules.arith`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

N = TypeVar("N")

Kind = Literal["mnkr", "tkr", "kr", "procent", "procentenheter", "arsarbetare", "antal", "timmar"]


@dataclass(frozen=True)
class Column:
    key: str
    rubrik: str
    derived: bool = False
    kind: Kind = "mnkr"
    group: str | None = None
    """A heading spanning several columns (e.g. "Antal årsarbetare per 31 juli 2024")."""


@dataclass
class Row(Generic[N]):
    key: str
    namn: str
    cells: dict[str, N | None]
    summa: bool = False
    """A computed total row (shown in bold)."""
    derived: bool = False
    """Every cell of the row is computed (e.g. a % row), though not a total."""
    indent: bool = False
    kind: Kind | None = None
    """Overrides the column's kind for this row (e.g. a % row in hours table)."""
    note: str | None = None
    heading: bool = False
    """A group heading row: a name and no figures."""
    published: frozenset[str] = frozenset()
    """Derived cells that show the source's published figure (see consistency)."""


@dataclass
class Table(Generic[N]):
    id: str
    rubrik: str
    enhet: Kind
    columns: list[Column]
    rows: list[Row[N]]
    caption: str | None = None
    fotnot: str | None = None
    decimals: dict[str, int] = field(default_factory=dict)
    """Decimals per kind where the source prints other than the default."""

    def row(self, key: str) -> Row[N]:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def cell(self, row: str, col: str) -> N | None:
        return self.row(row).cells.get(col)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def is_derived(self, row: Row[Any], col: Column) -> bool:
        return row.summa or row.derived or col.derived

    def kind_of(self, row: Row[Any], col: Column) -> Kind:
        return row.kind or col.kind


@dataclass(frozen=True)
class Published:
    """A derived figure as the source printed it, and where the data records it."""

    table: str
    row: str
    col: str
    value: Decimal
    file: str
    path: tuple[Any, ...] = field(default=())
