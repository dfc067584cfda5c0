"""The built Delårsrapport 2024 as a reader and an auditor see it (slow: builds PDFs)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import ROOT, TmpProject, require_tool
from rtnreport.commands.build import build_report
from rtnreport.project import Project
from rtnreport.render.pdf import BlockedFetch, write_pdf
from rtnreport.render.theme import STOCK

pytestmark = pytest.mark.slow

EVIL = ('<script>alert("x")</script> {{ 7*7 }} <img src="file:///etc/passwd"> '
        '![x](/etc/passwd) [l](file:///etc/passwd) ONDSKA')


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = build_report(Project(ROOT), "2024-delar", out, ("html", "pdf"))
    assert result.ok, result.problems
    return out


@pytest.fixture(scope="module")
def pdf_text(built) -> str:
    exe = require_tool("pdftotext")
    return subprocess.run([exe, "-layout", str(built / "2024-delar.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_pdf_holds_key_figures_in_swedish_format(pdf_text):
    for expected in ["Delårsrapport", "Regional tillväxtnämnd", "Sida 2 av",
                     "\u2212154,1",  # Summa kostnader utfall ack, as published (agrees)
                     "160,7",  # driftredovisning omsättning
                     "7,0",  # relation %
                     "1 144 992",  # prose: the text's own spaces
                     "203,9", "8 074",  # a table figure; pdftotext prints its no-break space as ' '
                     "Helt", "Delvis", "Inte alls"]:
        assert expected in pdf_text, expected
    assert "#DIV" not in pdf_text and "-154" not in pdf_text


def test_figures_group_thousands_with_a_no_break_space(built):
    """The PDF is made from this HTML: a figure's groups are joined by U+00A0, so a
    line never breaks inside a number (pdftotext cannot tell that space apart)."""
    html = (built / "2024-delar.html").read_text(encoding="utf-8")
    assert "8\u00a0074" in html and "8 074" not in html


def test_pdf_page_count_is_sane(built):
    with pikepdf.open(built / "2024-delar.pdf") as pdf:
        assert 25 <= len(pdf.pages) <= 60


def test_pdf_is_tagged_with_language_title_and_no_attachments(built):
    with pikepdf.open(built / "2024-delar.pdf") as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert str(root.Lang) == "sv"
        assert root.MarkInfo.Marked
        assert root.ViewerPreferences.DisplayDocTitle
        assert "Delårsrapport" in str(pdf.docinfo["/Title"])
        names = root.get("/Names")
        assert names is None or "/EmbeddedFiles" not in names
        assert not any("/AF" in page for page in pdf.pages)
        with pdf.open_metadata() as meta:
            assert "pdfuaid:part" in str(meta) or meta.get("pdfuaid:part") == "1"


def test_pdf_fonts_are_embedded(built):
    with pikepdf.open(built / "2024-delar.pdf") as pdf:
        seen = 0
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                descendants = font.get("/DescendantFonts")
                desc = (descendants[0] if descendants else font).get("/FontDescriptor")
                assert desc is not None and any(k in desc for k in ("/FontFile2", "/FontFile3",
                                                                    "/FontFile"))
                seen += 1
        assert seen


def test_two_builds_are_byte_identical(built, tmp_path):
    result = build_report(Project(ROOT), "2024-delar", tmp_path, ("pdf", "html"))
    assert result.ok
    assert (tmp_path / "2024-delar.pdf").read_bytes() == (built / "2024-delar.pdf").read_bytes()
    assert (tmp_path / "2024-delar.html").read_bytes() == (built / "2024-delar.html").read_bytes()


def test_html_structure(built):
    html = (built / "2024-delar.html").read_text(encoding="utf-8")
    assert html.count("<h1") == 1
    assert html.count("<caption>") >= 15
    assert 'scope="col"' in html and 'scope="row"' in html
    assert 'name="viewport"' in html
    assert "<script" not in html


@pytest.fixture(scope="module")
def evil_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("evil")
    project = TmpProject(root / "p", copy_from=ROOT, years=("2024",))
    project.edit("2024/2024-delar/uppdrag.yaml", "Uppdraget har startat men bedöms inte vara klart vid "
                 "årets slut.", EVIL)
    project.edit("2024/2024-delar/text/inledning.md", "I Örebro län", EVIL + "\n\nI Örebro län")
    out = root / "out"
    result = build_report(Project(project.root), "2024-delar", out, ("html", "pdf"))
    assert result.ok, result.problems
    return out


def test_hostile_comment_is_neutralised_in_html(evil_build):
    html = (evil_build / "2024-delar.html").read_text(encoding="utf-8")
    assert "ONDSKA" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html and ">49<" not in html
    assert "<img" not in html and 'href="file:' not in html


def test_hostile_comment_is_neutralised_in_pdf(evil_build):
    exe = require_tool("pdftotext")
    text = subprocess.run([exe, str(evil_build / "2024-delar.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "ONDSKA" in text and "{{ 7*7 }}" in text
    assert "root:" not in text  # /etc/passwd was not pulled in
    with pikepdf.open(evil_build / "2024-delar.pdf") as pdf:
        assert "/EmbeddedFiles" not in pdf.Root.get("/Names", {})
        for page in pdf.pages:  # no image was fetched
            for xobj in page.Resources.get("/XObject", {}).values():
                assert xobj.get("/Subtype") != "/Image"


@pytest.mark.parametrize("markup", [
    '<link rel="attachment" href="file:///etc/passwd">',
    '<img src="file:///etc/passwd">',
    '<img src="https://example.org/x.png">',
    '<style>@import url("file:///etc/passwd");</style>',
])
def test_fetcher_blocks_anything_outside_the_templates(markup, tmp_path):
    html = f"<!DOCTYPE html><html lang=sv><head><title>t</title>{markup}</head><body>x</body></html>"
    from datetime import datetime

    with pytest.raises(BlockedFetch):
        write_pdf(html, STOCK, tmp_path / "x.pdf", created=datetime(2024, 1, 1))


def test_archival_pdf_a_variant(tmp_path):
    result = build_report(Project(ROOT), "2024-delar", tmp_path, ("pdf",), pdf_variant="pdf/a-2u")
    assert result.ok
    with pikepdf.open(tmp_path / "2024-delar.pdf") as pdf:
        with pdf.open_metadata() as meta:
            assert meta.get("pdfaid:part") == "2"
        assert "/OutputIntents" in pdf.Root


def test_pdf_structure_has_headings_tables_and_figures_with_alt_text(built):
    import collections

    kinds: collections.Counter = collections.Counter()
    figures = []

    def walk(node):
        if isinstance(node, pikepdf.Dictionary):
            s = node.get("/S")
            if s is not None:
                kinds[str(s)] += 1
                if str(s) == "/Figure":
                    figures.append(node.get("/Alt"))
            kids = node.get("/K")
            if kids is not None:
                walk(kids)
        elif isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)

    with pikepdf.open(built / "2024-delar.pdf") as pdf:
        walk(pdf.Root.StructTreeRoot)
    assert kinds["/H1"] == 1 and kinds["/H2"] >= 6 and kinds["/H3"] >= 15
    # one Table per table (its caption inside), plus each chart's figcaption
    assert kinds["/Table"] >= 15 and kinds["/TH"] >= 100
    html = (built / "2024-delar.html").read_text(encoding="utf-8")
    assert kinds["/Caption"] == kinds["/Table"] + html.count("<figcaption")
    assert len(figures) >= 2 and all(alt and str(alt).strip() for alt in figures)
