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
    # every point's value is in the description, with the month as a reader says it
    assert "Män – jan 2024: 80,0; feb 2024: 79,5." in svg
    assert "Kvinnor – jan 2024: 78,5; feb 2024: \u2013." in svg
    assert "stroke-dasharray" in svg  # series differ by line style, not only colour


def test_time_axis_uses_swedish_month_names_horizontally():
    labels = [f"{2022 + (10 + i) // 12}M{(10 + i) % 12 + 1:02d}" for i in range(19)]
    svg = line_chart("c3", "t", labels, ["Totalt"], [[D(i) for i in range(19)]], "%")
    assert labels[0] == "2022M11" and labels[-1] == "2024M05"
    assert ">nov 2022</text>" in svg and ">maj 2024</text>" in svg
    assert "M11" not in svg and "rotate(" not in svg
    # the shown labels are far enough apart not to overlap (about 7 px per character)
    import re
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle"', svg)]
    assert len(xs) >= 5
    assert all(b - a >= 7.2 * 8 for a, b in zip(xs, xs[1:]))


def test_tid_label():
    from rtnreport.render.charts import tid_label
    assert tid_label("2023M01") == "jan 2023"
    assert tid_label("2023-12") == "dec 2023"
    assert tid_label("7") == "7" and tid_label("2023M13") == "2023M13"


def test_negative_bar_value_stays_clear_of_its_label():
    import re
    labels = ["Fellingsbro Folkhögskola", "Område A", "Område B"]
    svg = bar_chart("c4", "t", labels, [D("-3.0"), D("2.5"), D("1.0")], "mnkr")
    label_right = float(re.search(r'<text x="([\d.]+)" y="26" text-anchor="end"', svg).group(1))
    value = re.search(r'<text x="([\d.]+)" y="26" text-anchor="end" fill="#1a1a1a">\u2212', svg)
    # the value is right-aligned at x; its text (4 characters, ~7 px each) starts after the label
    assert float(value.group(1)) - 4 * 7.5 > label_right
