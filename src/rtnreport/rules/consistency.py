"""Published figures against computed ones: rounding difference or error?

Transcribed history holds rounded figures.  A published derived figure is
judged against the interval the computation can take when every input is
only known to its printed precision (59.9 means [59.85, 59.95]) and the
published figure itself was rounded:

* equal to the exact computation at the published precision → fine;
* otherwise inside that interval → an *avrundningsdifferens* (info);
* outside → an error naming both values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Literal

from .arith import Interval
from .table import Published, Table
from ..swedish import tal


@dataclass(frozen=True)
class Finding:
    level: Literal["error", "warning", "info"]
    message: str
    file: str
    path: tuple[Any, ...]


def round_like(value: Decimal, like: Decimal) -> Decimal:
    """``value`` at the precision of ``like``, half up, at any size (no 28-digit limit)."""
    exponent = like.as_tuple().exponent
    assert isinstance(exponent, int)
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() - exponent + 2)
        return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def _fmt(value: Decimal) -> str:
    return tal(value)


def judge(published: Published, exact: Decimal | None, interval: Interval | None,
          label: str) -> Finding | None:
    """One published figure against its computation; None when they agree."""
    p = published.value
    if exact is None:
        if interval is None:
            return Finding("error", f"{label}: publicerat {_fmt(p)} men värdet kan inte beräknas "
                           "(ett indata saknas eller basen är noll)", published.file, published.path)
        return None
    if round_like(exact, p) == p:
        return None
    shown = round_like(exact, p)
    if interval is not None and interval.overlaps(Interval.of(p)):
        return Finding(
            "info",
            f"avrundningsdifferens i {label}: publicerat {_fmt(p)}, beräknat {_fmt(shown)} ur "
            "avrundade indata (inom avrundningen; rapporten visar det publicerade värdet)",
            published.file, published.path)
    return Finding(
        "error",
        f"{label}: publicerat {_fmt(p)} men beräknat {_fmt(shown)}; skillnaden är större än "
        "avrundningen av indata kan förklara",
        published.file, published.path)


def check_published(exact: Table, interval: Table, published: list[Published]) -> list[Finding]:
    """Every published figure of one table against the computed table."""
    findings = []
    for pub in published:
        try:
            row = exact.row(pub.row)
            column = exact.column(pub.col)
        except KeyError:
            findings.append(Finding(
                "error", f"{exact.rubrik}: publicerat värde för okänd cell {pub.row}/{pub.col}; "
                "bara beräknade celler kan anges som publicerade", pub.file, pub.path))
            continue
        if not exact.is_derived(row, column):
            # A printed table may be recorded whole: an input cell must then
            # match the input exactly.
            given = row.cells.get(pub.col)
            if given != pub.value:
                findings.append(Finding(
                    "error", f"{exact.rubrik}, {row.namn}, {column.rubrik}: publicerat "
                    f"{_fmt(pub.value)} men indata är "
                    f"{'–' if given is None else _fmt(given)}", pub.file, pub.path))
            continue
        label = f"{exact.rubrik}, {row.namn}, {column.rubrik}"
        finding = judge(pub, row.cells.get(pub.col), interval.row(pub.row).cells.get(pub.col), label)
        if finding:
            findings.append(finding)
    return findings


def with_published(exact: Table, interval: Table, published: list[Published]) -> Table:
    """The table the report shows: computed, except where the source states a figure.

    A published derived figure that agrees with the computation within the
    rounding of the inputs is the better figure (it was computed from the
    unrounded values the data no longer has), so it is shown; every other
    cell is the computed one.  A figure that disagrees is an error in
    ``check`` and is never shown.
    """
    from dataclasses import replace

    rows = {r.key: replace(r, cells=dict(r.cells)) for r in exact.rows}
    for pub in published:
        row = rows.get(pub.row)
        try:
            column = exact.column(pub.col)
        except KeyError:
            continue
        if row is None or not exact.is_derived(row, column):
            continue
        finding = judge(pub, exact.row(pub.row).cells.get(pub.col),
                        interval.row(pub.row).cells.get(pub.col), "")
        if finding is None or finding.level == "info":
            row.cells[pub.col] = pub.value
            row.published = row.published | {pub.col}
    return replace(exact, rows=[rows[r.key] for r in exact.rows])
