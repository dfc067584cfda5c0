"""User text is rendered safely and may cite computed figures."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from rtnreport.render.markdown import UnresolvedReference, render_markdown
from rtnreport.rules.report import Figure

FIGURES = {"handlingsplan.summa.utfall-ack-jul": Figure(D("14.8"), "mnkr"),
           "resultatrapport.resultat.prognos": Figure(D("-146.1"), "mnkr")}


@pytest.mark.parametrize("text, forbidden", [
    ("<script>alert(1)</script>", "<script"),
    ('<img src="file:///etc/passwd">', "<img"),
    ("![x](/etc/passwd)", "<img"),
    ("[klick](javascript:alert(1))", 'href="javascript'),
    ("[fil](file:///etc/passwd)", "href"),
    ('<a href="x" onclick="y">a</a>', '<a href="x"'),
    ("<iframe src=https://example.org></iframe>", "<iframe"),
])
def test_dangerous_markup_is_neutralised(text, forbidden):
    assert forbidden not in render_markdown(text)


def test_template_syntax_is_plain_text():
    html = render_markdown("Summa {{ 7*7 }} och {% raw %}")
    assert "{{ 7*7 }}" in html and "49" not in html


def test_https_links_are_kept():
    html = render_markdown("Se [Vuxwebben](https://vux.regionorebrolan.se/).")
    assert 'href="https://vux.regionorebrolan.se/"' in html


def test_reference_is_replaced_by_the_formatted_figure():
    html = render_markdown("effekt på [[handlingsplan.summa.utfall-ack-jul]] miljoner", FIGURES)
    assert "effekt på 14,8 miljoner" in html
    assert "\u2212146,1" in render_markdown("[[resultatrapport.resultat.prognos]]", FIGURES)


def test_unknown_reference_raises():
    with pytest.raises(UnresolvedReference) as exc:
        render_markdown("[[handlingsplan.summa.finns-inte]]", FIGURES)
    assert exc.value.reference == "handlingsplan.summa.finns-inte"


def test_heading_levels_are_shifted_under_the_section():
    assert "<h5>" in render_markdown("### Rubrik", heading_base=5)
    assert "<h3>" in render_markdown("# Rubrik", heading_base=3)
