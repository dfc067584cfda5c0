"""Published against computed: rounding difference or error, at any size of number."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtnreport.rules.arith import Interval
from rtnreport.rules.consistency import judge, round_like
from rtnreport.rules.table import Published


def pub(value: str) -> Published:
    return Published("t", "r", "c", D(value), "ekonomi.yaml")


def test_agreement_rounding_and_error():
    assert judge(pub("59.9"), D("59.94"), Interval.of(D("59.94")), "x") is None
    assert judge(pub("60.0"), D("59.94"), Interval(D("59.9"), D("60.1")), "x").level == "info"
    assert judge(pub("61.0"), D("59.94"), Interval(D("59.9"), D("60.1")), "x").level == "error"


@pytest.mark.parametrize("exact, like", [
    ("1" * 30, "0.1"),
    ("9" * 27 + ".96", "0.1"),
    ("-1e40", "0.001"),
    ("123456789012345678901234567.5", "1"),
])
def test_round_like_never_overflows(exact, like):
    rounded = round_like(D(exact), D(like))
    assert rounded.as_tuple().exponent == D(like).as_tuple().exponent
    assert abs(rounded - D(exact)) <= D(like).copy_abs() / 2


def test_judge_with_28_significant_digits_is_an_error_not_a_crash():
    exact = D("1234567890123456789012345678")
    finding = judge(pub("0.1"), exact, Interval.of(exact), "x")
    assert finding is not None and finding.level == "error"


@settings(max_examples=200, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None),
       st.integers(-12, 4))
def test_round_like_any_finite_decimal(value, exponent):
    like = D(1).scaleb(exponent)
    assert round_like(value, like).as_tuple().exponent == exponent


def test_rules_say_numbers_the_way_reports_do():
    """One formatting for messages: decimal comma, real minus, no-break thousands."""
    from decimal import Decimal as D

    from rtnreport.rules.maluppfyllelse import suggested_status
    from rtnreport.swedish import tal
    from rtnreport import models as m

    assert tal(D("-1234.50")) == "\u22121\u00a0234,50" and tal(D("4900")) == "4\u00a0900"
    ind = m.Indikator(id="a", mal="b", text="t", riktning="minska",
                      utfall=m.Varde(varde=D("6.5")), malvarde=m.Varde(min=D("6.1"), max=D("6.3")))
    assert suggested_status(ind)[1] == "utfall 6,5 utanför intervallet 6,1–6,3"
