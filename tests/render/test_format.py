"""Swedish number formatting (GUIDE §7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from rtnreport.render.format import MINUS, MISSING, NBSP, by_kind, number, percent, swedish_date


@pytest.mark.parametrize("value, decimals, expected", [
    (D("-154.1"), 1, f"{MINUS}154,1"),
    (D("1144992"), 0, f"1{NBSP}144{NBSP}992"),
    (D("7"), 1, "7,0"),
    (D("0.05"), 1, "0,1"),  # half up, as in the published reports
    (D("-0.04"), 1, "0,0"),  # never a minus sign on zero
    (D("-10671"), 0, f"{MINUS}10{NBSP}671"),
    (None, 1, MISSING),
])
def test_number(value, decimals, expected):
    assert number(value, decimals) == expected


def test_plus_sign_for_deviations():
    assert number(D("0.9"), 1, plus=True) == "+0,9"
    assert number(D("-0.9"), 1, plus=True) == f"{MINUS}0,9"


def test_percent_has_non_breaking_space():
    assert percent(D("7.0")) == f"7,0{NBSP}%"
    assert percent(None) == MISSING


def test_by_kind_decimals():
    assert by_kind(D("6.976744"), "procent") == "7,0"
    assert by_kind(D("3145"), "timmar") == f"3{NBSP}145"
    assert by_kind(D("16.7"), "arsarbetare", with_unit=True) == f"16,7{NBSP}årsarbetare"
    assert by_kind(None, "mnkr") == MISSING


def test_swedish_date():
    assert swedish_date(date(2024, 7, 31)) == "31 juli 2024"


@pytest.mark.parametrize("value, decimals, expected", [
    (D("1" * 30), 1, NBSP.join(["111"] * 10) + ",0"),
    (D("-" + "9" * 27 + ".96"), 1, MINUS + NBSP.join(["1", *["000"] * 9]) + ",0"),
    (D("1e40"), 0, NBSP.join(["10", *["000"] * 13])),
])
def test_numbers_of_28_digits_and_more_are_formatted_not_crashed(value, decimals, expected):
    assert number(value, decimals) == expected


def test_by_kind_and_percent_survive_huge_values():
    assert by_kind(D("1" * 29), "mnkr").endswith(",0")
    assert percent(D("9" * 30)).endswith(NBSP + "%")
