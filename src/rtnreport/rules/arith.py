"""Arithmetic with missing values, and the same arithmetic on intervals.

Every rule is written with these helpers, generic over the number type:

* ``Decimal`` computes the figure shown in the report;
* :class:`Interval` computes the range the figure could take given that the
  inputs were rounded (a transcribed ``59.9`` stands for [59.85, 59.95]), so
  ``check`` can tell a rounding difference from a real error.

A missing input (``None``) or an undefined operation (a zero base) gives
``None`` — shown as "–" — never an exception and never ``#DIVISION/0!``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import TypeVar

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi] of Decimals (None bounds mean unbounded)."""

    lo: Decimal | None
    hi: Decimal | None

    @staticmethod
    def of(value: Decimal) -> Interval:
        """The values that round to ``value`` at its own precision."""
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        half = Decimal(1).scaleb(exponent) / 2
        return Interval(value - half, value + half)

    @staticmethod
    def exact(value: Decimal) -> Interval:
        return Interval(value, value)

    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    def _wrap(self, other: object) -> Interval:
        if isinstance(other, Interval):
            return other
        if isinstance(other, (int, Decimal)):
            return Interval.exact(Decimal(other))
        raise TypeError(other)

    def __add__(self, other: object) -> Interval:
        o = self._wrap(other)
        lo = None if self.lo is None or o.lo is None else self.lo + o.lo
        hi = None if self.hi is None or o.hi is None else self.hi + o.hi
        return Interval(lo, hi)

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return Interval(None if self.hi is None else -self.hi, None if self.lo is None else -self.lo)

    def __sub__(self, other: object) -> Interval:
        return self + (-self._wrap(other))

    def __rsub__(self, other: object) -> Interval:
        return self._wrap(other) + (-self)

    def __mul__(self, other: object) -> Interval:
        o = self._wrap(other)
        if not (self.bounded and o.bounded):
            return Interval(None, None)
        products = [a * b for a in (self.lo, self.hi) for b in (o.lo, o.hi)]  # type: ignore[operator]
        return Interval(min(products), max(products))

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Interval:
        o = self._wrap(other)
        if not (self.bounded and o.bounded) or o.lo <= 0 <= o.hi:  # type: ignore[operator]
            return Interval(None, None)
        quotients = [a / b for a in (self.lo, self.hi) for b in (o.lo, o.hi)]  # type: ignore[operator]
        return Interval(min(quotients), max(quotients))

    def __abs__(self) -> Interval:
        if not self.bounded:
            return Interval(Decimal(0), None)
        lo, hi = self.lo, self.hi
        if lo >= 0:  # type: ignore[operator]
            return self
        if hi <= 0:  # type: ignore[operator]
            return -self
        return Interval(Decimal(0), max(-lo, hi))  # type: ignore[operator, type-var]

    def contains_zero(self) -> bool:
        return (self.lo is None or self.lo <= 0) and (self.hi is None or self.hi >= 0)

    def overlaps(self, other: Interval) -> bool:
        return (self.lo is None or other.hi is None or self.lo <= other.hi) and (
            self.hi is None or other.lo is None or other.lo <= self.hi
        )


Number = Decimal | Interval
N = TypeVar("N", Decimal, Interval)


def add(*values: N | None) -> N | None:
    """The sum, or None if any term is missing."""
    if not values or any(v is None for v in values):
        return None
    result = values[0]
    for v in values[1:]:
        result = result + v  # type: ignore[operator]
    return result


def total(values: Iterable[N | None]) -> N | None:
    return add(*list(values))


def total_known(values: Iterable[N | None]) -> N | None:
    """The sum of the values present (None if none is)."""
    present = [v for v in values if v is not None]
    return add(*present) if present else None


def sub(a: N | None, b: N | None) -> N | None:
    """a − b: deviations (utfall − budget, prognos − budget, utfall − fg år)."""
    if a is None or b is None:
        return None
    return a - b


def div(a: N | None, b: N | None) -> N | None:
    """a ÷ b, or None when b is missing or zero (never a division error)."""
    if a is None or b is None:
        return None
    if isinstance(b, Decimal):
        if b == 0:
            return None
        with localcontext() as ctx:
            ctx.prec = 28
            return a / b
    if b.contains_zero():
        return Interval(None, None)
    return a / b


def percent(part: N | None, whole: N | None) -> N | None:
    """part as a percentage of whole (None for a missing or zero whole)."""
    q = div(part, whole)
    return None if q is None else q * HUNDRED


def relative_change(new: N | None, old: N | None) -> N | None:
    """Change of the magnitude in %: (|new| − |old|) / |old| × 100.

    Costs are negative in the accounts; GUIDE §4: Månadslöner −90,2 against
    −88,4 is a change of −1,8 mnkr and +2,0 %.
    """
    if new is None or old is None:
        return None
    return percent(abs(new) - abs(old), abs(old))


def as_interval(value: Decimal | None) -> Interval | None:
    return None if value is None else Interval.of(value)


def as_exact(value: Decimal | None) -> Decimal | None:
    return value
