"""Invariants of the arithmetic every rule is built from (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from rtnreport.rules.arith import (
    Interval,
    add,
    div,
    percent,
    relative_change,
    sub,
    total,
    total_known,
)

money = st.decimals(min_value=-10_000, max_value=10_000, places=1, allow_nan=False,
                    allow_infinity=False)
maybe = st.one_of(st.none(), money)


@given(st.lists(money, min_size=1, max_size=12))
def test_a_sum_equals_its_parts(values):
    assert total(values) == sum(values, Decimal(0))


@given(st.lists(maybe, min_size=1, max_size=8))
def test_a_missing_part_makes_the_sum_missing(values):
    result = total(values)
    assert (result is None) == any(v is None for v in values)


@given(st.lists(maybe, max_size=8))
def test_total_known_skips_missing(values):
    present = [v for v in values if v is not None]
    assert total_known(values) == (sum(present, Decimal(0)) if present else None)


@given(money, money)
def test_deviation_is_a_minus_b(a, b):
    assert sub(a, b) == a - b
    assert add(sub(a, b), b) == a


@given(st.lists(st.tuples(money, money), min_size=1, max_size=10))
def test_total_of_deviations_is_deviation_of_totals(pairs):
    deviations = [sub(a, b) for a, b in pairs]
    assert total(deviations) == sub(total(a for a, _ in pairs), total(b for _, b in pairs))


@given(maybe)
def test_zero_base_gives_missing_not_an_error(a):
    assert div(a, Decimal(0)) is None
    assert percent(a, Decimal("0.0")) is None
    assert relative_change(a, Decimal(0)) is None


@given(maybe, maybe)
def test_missing_input_gives_missing(a, b):
    if a is None or b is None:
        assert sub(a, b) is None and div(a, b) is None and percent(a, b) is None


def test_relative_change_is_of_the_magnitude():
    # GUIDE §4: Månadslöner −90,2 against −88,4 → −1,8 mnkr and +2,0 %
    assert sub(Decimal("-90.2"), Decimal("-88.4")) == Decimal("-1.8")
    assert round(relative_change(Decimal("-90.2"), Decimal("-88.4")), 1) == Decimal("2.0")
    assert round(relative_change(Decimal("0.5"), Decimal("0.2")), 1) == Decimal("150.0")


@given(money, money)
def test_interval_contains_the_exact_result(a, b):
    ia, ib = Interval.of(a), Interval.of(b)
    for exact, interval in ((a + b, ia + ib), (a - b, ia - ib)):
        assert interval.lo <= exact <= interval.hi
    q = div(ib, ia)
    if a != 0 and not ia.contains_zero():
        assert q.lo <= b / a <= q.hi


def test_interval_of_a_rounded_figure():
    i = Interval.of(Decimal("59.9"))
    assert (i.lo, i.hi) == (Decimal("59.85"), Decimal("59.95"))
    assert Interval.of(Decimal("3145")).hi == Decimal("3145.5")


def test_interval_division_by_something_that_may_be_zero_is_unbounded():
    r = div(Interval.of(Decimal("0.1")), Interval.of(Decimal("0.0")))
    assert r == Interval(None, None)
    assert r.overlaps(Interval.of(Decimal("-64.6")))


def test_abs_of_interval_spanning_zero():
    assert abs(Interval(Decimal(-1), Decimal(2))) == Interval(Decimal(0), Decimal(2))
    assert abs(Interval(Decimal(-3), Decimal(-1))) == Interval(Decimal(1), Decimal(3))
