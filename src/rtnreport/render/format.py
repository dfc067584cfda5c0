"""Swedish number formatting for reports (GUIDE §7).

Decimal comma, non-breaking space between thousands, a real minus sign
(U+2212), ``7,0 %`` with a non-breaking space, and an en dash for a missing
value.  Rounding is half up, as in the published reports; a value that
rounds to zero never shows a minus sign.  (Babel's sv_SE formatting was
tried and left: it rounds half to even and prints a hyphen-minus, and
importing it cost 0,07 s of every build for the month names alone.)
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol
from decimal import ROUND_HALF_UP, Decimal, localcontext

MINUS = "\u2212"
NBSP = "\u00a0"
MISSING = "\u2013"  # en dash
THIN = "\u202f"

DECIMALS = {
    "mnkr": 1,
    "tkr": 0,
    "kr": 0,
    "procent": 1,
    "procentenheter": 1,
    "arsarbetare": 1,
    "antal": 0,
    "timmar": 0,
}


def rounded(value: Decimal, exponent: int) -> Decimal:
    """``value`` rounded half up to ``10**exponent``, however many digits that takes.

    The default context's 28 digits would make ``quantize`` raise
    ``InvalidOperation`` for a larger number; the precision is raised to fit.
    """
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() - exponent + 2)
        return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def number(value: Decimal | int | None, decimals: int = 1, plus: bool = False) -> str:
    """``-1234.56`` → ``−1 234,6``; None or a non-finite value → ``–``."""
    if value is None:
        return MISSING
    value = Decimal(value)
    if not value.is_finite():
        return MISSING
    d = rounded(value, -decimals)
    if d == 0:
        d = abs(d)
    sign = MINUS if d < 0 else ("+" if plus and d > 0 else "")
    text = f"{d.copy_abs():,.{decimals}f}"  # 1,234.6 (copy_abs: exact at any size)
    integer, _, fraction = text.partition(".")
    integer = integer.replace(",", NBSP)
    return sign + integer + ("," + fraction if fraction else "")


def percent(value: Decimal | None, decimals: int = 1) -> str:
    """``7.0`` → ``7,0 %``."""
    if value is None:
        return MISSING
    return number(value, decimals) + NBSP + "%"


def by_kind(value: Decimal | None, kind: str, with_unit: bool = False) -> str:
    """A table cell: decimals chosen by the kind of figure."""
    text = number(value, DECIMALS.get(kind, 1))
    if with_unit and value is not None:
        unit = {"procent": "%", "procentenheter": "procentenheter", "mnkr": "mnkr",
                "tkr": "tkr", "kr": "kr", "arsarbetare": "årsarbetare", "timmar": "timmar"}.get(kind)
        if unit:
            text += NBSP + unit
    return text


MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")


def swedish_date(d: date) -> str:
    """``2024-07-31`` → ``31 juli 2024``."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


class Varde(Protocol):
    """An indicator value (models.Varde): a number, an interval or words, and its period."""

    varde: Decimal | None
    min: Decimal | None
    max: Decimal | None
    operator: str | None
    period: str | None
    text: str | None


def varde_text(v: Varde | Any, enhet: str | None = None, with_period: bool = False) -> str:
    """An indicator value as text: ``80,1 %``, ``> 79``, ``77–80``, or its words."""
    if v is None:
        return MISSING
    unit = f"{NBSP}{enhet}" if enhet and enhet not in ("index",) else ""
    if v.min is not None and v.max is not None:
        text = f"{number(v.min, decimals_as_written(v.min))}–{number(v.max, decimals_as_written(v.max))}{unit}"
    elif v.varde is not None:
        op = {">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "=": ""}.get(v.operator or "", "")
        text = f"{op}{number(v.varde, decimals_as_written(v.varde))}{unit}"
    elif v.text is not None:
        text = v.text
    else:
        return MISSING
    if with_period and v.period:
        text += f" ({v.period})"
    return text


def decimals_as_written(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 1


def as_written(d: Decimal | None) -> str:
    """A figure with as many decimals as it was written with (``1.04`` → ``1,04``)."""
    return MISSING if d is None else number(d, decimals_as_written(d))
