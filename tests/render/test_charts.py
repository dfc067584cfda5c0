"""SVG charts: accessible, deterministic, no scripts."""

from __future__ import annotations

from decimal import Decimal as D

from rtnreport.render.charts import bar_chart, line_chart


def test_bar_chart_has_title_description_and_values():
    svg = bar_chart("c1", "Budgetavvikelse <per> område", ["A & B", "C"], [D("0.9"), D("-1.2")],
                    "mnkr")
    assert 'role="img"' in svg and 'aria-labelledby="c1-title c1-desc"' in svg
    assert "<title id=\"c1-title\">Budgetavvikelse &lt;per&gt; område</title>" in svg
    assert "A &amp; B: 0,9 mnkr; C: \u22121,2 mnkr" in svg
    assert "<script" not in svg
    assert svg == bar_chart("c1", "Budgetavvikelse <per> område", ["A & B", "C"],
                            [D("0.9"), D("-1.2")], "mnkr")


def test_bar_chart_missing_value_shows_dash():
    assert "\u2013" in bar_chart("c", "t", ["A"], [None], "mnkr")


def test_line_chart_describes_each_series():
    svg = line_chart("c2", "Sysselsättningsgrad", ["2024M01", "2024M02"], ["Män", "Kvinnor"],
                     [[D("80.0"), D("79.5")], [D("78.5"), None]], "%")
    assert "Män från 80,0 (2024M01) till 79,5 (2024M02)" in svg
    assert "stroke-dasharray" in svg  # series differ by line style, not only colour
