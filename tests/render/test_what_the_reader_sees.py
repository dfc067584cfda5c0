"""The rendered HTML against the computed data: every table cell, the bar chart's
geometry, the line charts' direction, and the 3.1 and RUS summaries.

Each test reads the page as a reader would (text of cells, positions in the SVG)
and compares it with what the rules computed, so a template or chart change that
shows a different figure, a bar of the wrong length or sign, an upside-down
axis, swapped colour columns or rows in another order fails here.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import lxml.html
import pytest

from conftest import ROOT
from rtnreport.commands.build import prepare
from rtnreport.project import Project
from rtnreport.render.html import render_report

MINUS, NBSP, NNBSP, DASH = "\u2212", "\u00a0", "\u202f", "\u2013"
# the caption each report type gives the computed tables (a plan shows them as budgets)
CAPTIONS = {
    "2024-delar": {"resultatrapport": "Resultatrapport", "driftredovisning": "Driftredovisning"},
    "2023-vb": {"resultatrapport": "Resultatrapport", "driftredovisning": "Driftredovisning"},
    "2025-vp": {"resultatrapport": "Resultatbudget", "driftredovisning": "Driftbudget"},
}


@cache
def rendered(report_id: str):
    project = Project(ROOT)
    prepared = prepare(project, report_id, report_id[:4])
    assert prepared.rapport is not None, [p.message for p in prepared.problems]
    html = render_report(prepared.rapport, prepared.data, prepared.computed, project.theme,
                         previous=prepared.previous).html
    return prepared, lxml.html.fromstring(html)


def text(el) -> str:
    return " ".join(el.text_content().split())


def table_by_caption(doc, start: str):
    found = [t for t in doc.iter("table")
             if t.find("caption") is not None and text(t.find("caption")).startswith(start)]
    assert len(found) == 1, f"{len(found)} tables whose caption starts with {start!r}"
    return found[0]


def parse_number(cell: str) -> Decimal | None:
    """A Swedish figure as printed ('−1 234,5', '7,0 %') back to a Decimal; '–' is None."""
    s = cell.replace(NBSP, " ").replace(NNBSP, " ").strip()
    if s == DASH:
        return None
    s = re.sub(r"\s*(%|mnkr|tkr|kr)$", "", s).replace(" ", "").replace(MINUS, "-")
    s = s.lstrip("+").replace(",", ".")
    assert re.fullmatch(r"-?\d+(\.\d+)?", s), f"not a figure: {cell!r}"
    return Decimal(s)


def body_rows(table) -> list[tuple[str, list[str]]]:
    rows = []
    for tr in table.find("tbody").iter("tr"):
        if "grupp" in (tr.get("class") or ""):
            continue
        th = tr.find("th")
        rows.append((text(th), [text(td) for td in tr.findall("td")]))
    return rows


@pytest.mark.parametrize("report_id,key", [(r, k) for r in CAPTIONS for k in CAPTIONS[r]])
def test_every_cell_of_the_economy_tables_is_the_computed_figure(report_id, key):
    prepared, doc = rendered(report_id)
    computed = prepared.computed.tables[key]
    table = table_by_caption(doc, CAPTIONS[report_id][key])
    heads = [text(th) for th in table.find("thead").iter("th")][1:]
    assert heads[-len(computed.columns):] == [c.rubrik for c in computed.columns]
    rows = [r for r in computed.rows if not r.heading]
    shown = body_rows(table)
    assert [name for name, _ in shown] == [r.namn for r in rows]
    checked = 0
    for (name, cells), row in zip(shown, rows, strict=True):
        assert len(cells) == len(computed.columns), name
        for cell, col in zip(cells, computed.columns, strict=True):
            value, printed = row.cells.get(col.key), parse_number(cell)
            if value is None:
                assert printed is None, (name, col.rubrik, cell)
                continue
            assert printed is not None, (name, col.rubrik, cell)
            decimals = max(0, -printed.as_tuple().exponent)
            assert abs(printed - Decimal(value)) <= Decimal(5) / 10 ** (decimals + 1), \
                (name, col.rubrik, cell, value)
            if value != 0 and printed != 0:
                assert (printed < 0) == (value < 0), (name, col.rubrik, cell, value)
            checked += 1
    assert checked >= 3 * len(rows)  # the tables are filled, not empty shells


def _bars(svg):
    """(label, rect or None) per row of a horizontal bar chart, top to bottom."""
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t for t in svg.iter("text", f"{ns}text") if t.get("text-anchor") == "end"
             and t.get("transform") is None]
    rects = list(svg.iter("rect", f"{ns}rect"))
    rows = []
    for label in texts:
        y = float(label.get("y"))
        near = [r for r in rects if float(r.get("y")) <= y <= float(r.get("y"))
                + float(r.get("height"))]
        rows.append((text(label), near[0] if near else None))
    return rows


def check_bar_geometry(svg, data: list[tuple[str, Decimal | None]]) -> None:
    """Each bar in the table's order, from the zero line, as long as its value says."""
    ns = "{http://www.w3.org/2000/svg}"
    (axis,) = list(svg.iter("line", f"{ns}line"))
    zero = float(axis.get("x1"))
    bars = [(label, rect) for label, rect in _bars(svg) if label in dict(data)]
    assert [label for label, _ in bars] == [name for name, _ in data]  # same order as the table
    lengths = {}
    for (label, rect), (_, value) in zip(bars, data, strict=True):
        if value is None:
            assert rect is None, label
            continue
        assert rect is not None, label
        x, width = float(rect.get("x")), float(rect.get("width"))
        if value > 0:  # to the right of the zero line
            assert x == pytest.approx(zero, abs=0.1) and width > 0, label
        elif value < 0:  # to the left, ending at the zero line
            assert x + width == pytest.approx(zero, abs=0.1) and width > 0, label
        lengths[label] = (width, abs(float(value)))
    assert len(lengths) >= 2
    widest = max(lengths.values(), key=lambda wv: wv[1])
    for label, (width, value) in lengths.items():  # proportional to the value
        assert width == pytest.approx(widest[0] * value / widest[1], abs=0.15), label


@pytest.mark.parametrize("report_id", ["2024-delar", "2023-vb"])
def test_bar_chart_bars_have_the_length_and_sign_of_their_deviation(report_id):
    prepared, doc = rendered(report_id)
    drift = prepared.computed.tables["driftredovisning"]
    data = [(r.namn, r.cells.get("budgetavvikelse")) for r in drift.rows if not r.summa]
    (svg,) = [s for s in doc.iter("svg", "{http://www.w3.org/2000/svg}svg")
              if "budgetavvikelse" in (s.get("aria-labelledby") or "")]
    check_bar_geometry(svg, data)


def test_bar_chart_geometry_with_both_signs_and_a_missing_value():
    from rtnreport.render.charts import bar_chart

    data = [("Ett", Decimal("2.5")), ("Två", Decimal("-1.0")), ("Tre", None),
            ("Fyra", Decimal("0.5"))]
    svg = lxml.html.fromstring(str(bar_chart("c", "t", [n for n, _ in data],
                                             [v for _, v in data], "mnkr")))
    check_bar_geometry(svg, data)


def test_line_charts_draw_higher_values_higher():
    prepared, doc = rendered("2024-delar")
    ns = "{http://www.w3.org/2000/svg}"
    charts = [s for s in doc.iter("svg", f"{ns}svg") if s.find(f"{ns}path") is not None
              or s.find("path") is not None]
    assert charts
    for svg in charts:
        # the y-axis labels: a larger number stands higher up (smaller y)
        ticks = [(float(t.get("y")), parse_number(text(t))) for t in svg.iter("text", f"{ns}text")
                 if t.get("text-anchor") == "end" and t.get("transform") is None
                 and re.fullmatch(r"[\d\s,\u2212\u00a0-]+", text(t))]
        assert len(ticks) >= 3
        ticks.sort()
        values = [v for _, v in ticks]
        assert values == sorted(values, reverse=True), values


def test_3_1_summary_rows_are_the_rules_counts_in_order():
    prepared, doc = rendered("2024-delar")
    rows = prepared.computed.sammanfattning
    table = table_by_caption(doc, "Prognos måluppfyllelse")
    heads = [text(th) for th in table.find("thead").iter("th")]
    assert [re.search("Grön|Gul|Röd", h).group(0) for h in heads[1:4]] == ["Grön", "Gul", "Röd"]
    shown = body_rows(table)
    assert [name.rstrip("*") for name, _ in shown] == [r.rubrik for r in rows]
    for (name, cells), row in zip(shown, rows, strict=True):
        expected = [DASH if n is None else str(n) for n in row.shown()[:3]]
        assert cells == expected, name
        if row.complete:
            assert cells == [str(row.gron), str(row.gul), str(row.rod)], name


def test_rus_summary_rows_are_the_rules_counts_in_colour_order():
    prepared, doc = rendered("2025-rus")
    counts = prepared.computed.rus
    table = table_by_caption(doc, "Effektmålens bedömning mot 2030")
    heads = [text(th) for th in table.find("thead").iter("th")]
    assert [re.search("Grön|Gul|Röd", h).group(0) for h in heads[1:4]] == ["Grön", "Gul", "Röd"]
    shown = body_rows(table)
    assert [name.rstrip("*") for name, _ in shown] == [c.mal.rubrik for c in counts]
    differing = 0
    for (name, cells), c in zip(shown, counts, strict=True):
        s = c.shown()
        expected = [DASH if s[k] is None else str(s[k])
                    for k in ("gron", "gul", "rod", "ej_grona", "antal")]
        assert cells[:5] == expected, name
        differing += s["gron"] != s["gul"] or s["gul"] != s["rod"]
    assert differing  # a swap of two colour columns would show
