"""Word (.docx) for the committee secretary, as python-docx and a screen reader see it.

The five shipped reports are built once, as HTML and Word, through the command line; each
Word document is compared with the HTML it was made from (slow: pandoc and cairosvg).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
import zipfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import docx
import lxml.html
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

from conftest import ROOT, TmpProject
from rtnreport.__main__ import cli
from rtnreport.render import docx as word
from rtnreport.render.docx_reference import (R, STYLES, W, make_reference,
                                             pandoc_default_reference)
from rtnreport.render.theme import STOCK

REPORTS = ("2023-vb", "2024-delar", "2025-rus", "2025-vp", "2026-vp-forslag")
NUMBER = re.compile(r"^[−+-]?\d[\d\u00a0 ]*(,\d+)?(\u00a0?%)?$")
WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
PIC_CNVPR = "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("word")
    r = run(ROOT, "build", "--all", "--format", "html", "--format", "docx", "--out", str(out),
            "--force", "--jobs", "2")
    assert r.exit_code == 0, r.output
    return out


def html_of(built: Path, report: str):
    return lxml.html.fromstring((built / f"{report}.html").read_bytes())


def visible(tree):
    """The HTML as a sighted reader sees it: screen-reader helpers and the skip link gone."""
    tree = lxml.html.fromstring(lxml.html.tostring(tree))
    for el in tree.xpath('//*[contains(concat(" ", @class, " "), " sr-only ") or '
                         'contains(concat(" ", @class, " "), " skip ") or '
                         'contains(concat(" ", @class, " "), " running-title ")]'):
        el.drop_tree()
    return tree


def body_xml(path: Path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def all_text(document) -> str:
    """Every visible text of the document: paragraphs, tables (nested too), header excluded."""
    return norm(" ".join(t.text or "" for t in document.element.body.iter(qn("w:t"))))


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_headings_match_the_reports_outline(built, report):
    tree = visible(html_of(built, report))
    expected = [(int(h.tag[1]) - 1, norm(h.text_content()))
                for h in tree.iter("h2", "h3", "h4", "h5", "h6")
                if not any(a.tag == "nav" for a in h.iterancestors())]
    document = docx.Document(built / f"{report}.docx")
    got = [(int(p.style.name.split()[-1]), norm(p.text)) for p in document.paragraphs
           if p.style.name.startswith("Heading ")]
    assert got == expected
    assert {level for level, _ in got} >= {1, 2}
    toc = tree.find_class("toc")[0]
    top = [norm(li.find("a").text_content()) for li in toc.find(".//ol").findall("li")]
    assert [text for level, text in got if level == 1] == top


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_title_page_and_table_of_contents_field(built, report):
    tree = html_of(built, report)
    document = docx.Document(built / f"{report}.docx")
    first = [(p.style.name, norm(p.text)) for p in document.paragraphs[:12]]
    cover = norm(tree.find_class("cover")[0].text_content())
    assert ("Title", norm(tree.find_class("cover-title")[0].text_content())) in first
    assert ("Subtitle", norm(tree.find_class("cover-namnd")[0].text_content())) in first
    assert any(text.startswith("Period:") for _, text in first)
    assert any(text.startswith("Status:") and text.split(": ")[1] in cover for _, text in first)
    assert norm(tree.find_class("cover-org")[0].text_content()) in dict(
        (t, s) for s, t in first)
    root = body_xml(built / f"{report}.docx")
    instr = [norm(t.text) for t in root.iter(qn("w:instrText"))]
    assert any(re.fullmatch(r'TOC \\o "1-\d" \\h \\z \\u', i) for i in instr), instr
    assert any(f.get(qn("w:dirty")) == "true" for f in root.iter(qn("w:fldChar")))
    toc = [norm(p.text) for p in document.paragraphs if p.style.name.startswith("toc ")]
    nav = [norm(a.text_content()) for a in tree.find_class("toc")[0].iter("a")]
    assert toc == nav
    assert word.TOC_MARKER not in all_text(document)


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_every_table_repeats_its_header_row(built, report):
    root = body_xml(built / f"{report}.docx")
    tables = list(root.iter(qn("w:tbl")))
    assert len(tables) == len(html_of(built, report).findall(".//table"))
    for tbl in tables:
        first = tbl.find(qn("w:tr"))
        header = first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
        assert header is not None and header.get(qn("w:val"), "on") in ("on", "1", "true")
        assert tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:type")) == "pct"


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_tables_are_word_tables_with_the_htmls_cells(built, report):
    """Each HTML table (the proposal's too) is a Word table with the same rows and cells."""
    html_tables = visible(html_of(built, report)).findall(".//table")
    word_tables = list(body_xml(built / f"{report}.docx").iter(qn("w:tbl")))
    assert len(word_tables) == len(html_tables) > 0
    for h, w in zip(html_tables, word_tables, strict=True):
        caption = h.find("caption")
        if caption is not None:
            assert w.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}").get(qn("w:val")) == \
                norm(caption.text_content())
        def squeeze(text: str) -> str:  # paragraphs in a cell: no spaces to compare
            return re.sub(r"\s+", "", text.replace("\u00ad", ""))

        html_rows = [[squeeze(c.text_content()) for c in tr if c.tag in ("td", "th")]
                     for tr in h.iter("tr")]
        word_rows = [[squeeze("".join(t.text or "" for t in tc.iter(qn("w:t"))))
                      for tc in tr.findall(qn("w:tc"))] for tr in w.findall(qn("w:tr"))]
        assert word_rows == html_rows


@pytest.mark.slow
@pytest.mark.parametrize("report", ["2024-delar", "2023-vb"])
def test_numbers_are_right_aligned_and_sums_bold(built, report):
    html_tables = html_of(built, report).findall(".//table")
    word_tables = list(body_xml(built / f"{report}.docx").iter(qn("w:tbl")))
    numbers = 0
    for h, w in zip(html_tables, word_tables, strict=True):
        for tr, wtr in zip(h.iter("tr"), w.findall(qn("w:tr")), strict=True):
            cells = [c for c in tr if c.tag in ("td", "th")]
            for cell, tc in zip(cells, wtr.findall(qn("w:tc")), strict=True):
                jc = [p.find(f"{qn('w:pPr')}/{qn('w:jc')}") for p in tc.iter(qn("w:p"))]
                if "num" in (cell.get("class") or "").split():
                    numbers += NUMBER.match(norm(cell.text_content())) is not None
                    assert all(j is not None and j.get(qn("w:val")) == "right" for j in jc)
                if "summa" in (tr.get("class") or "").split() and norm(cell.text_content()):
                    runs = [r for r in tc.iter(qn("w:r")) if "".join(r.itertext()).strip()]
                    assert all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs)
    assert numbers > 300


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_language_title_author_and_subject(built, report):
    tree = html_of(built, report)
    document = docx.Document(built / f"{report}.docx")
    core = document.core_properties
    assert core.language == "sv-SE"
    assert core.title == norm(tree.findtext(".//title"))
    organisation = norm(tree.find_class("cover-org")[0].text_content())
    assert organisation in core.author
    assert norm(tree.find_class("cover-title")[0].text_content()) in core.subject
    # The report's own date (beslutsdatum, else the period's end) at noon, never the clock.
    decided = [norm(dt.getnext().text_content()) for dt in tree.iter("dt")
               if norm(dt.text_content()) == "Beslutsdatum"]
    day = decided[0] if decided else re.findall(
        r"\d{4}-\d{2}-\d{2}", tree.find(".//meta[@name='description']").get("content"))[-1]
    expected = datetime.fromisoformat(f"{day}T12:00:00+00:00")
    if os.environ.get("SOURCE_DATE_EPOCH"):
        expected = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC)
    assert core.created.replace(tzinfo=UTC) == expected
    assert core.modified.replace(tzinfo=UTC) == expected
    styles = document.styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "sv-SE"


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_every_image_has_its_data_as_alternative_text(built, report):
    tree = html_of(built, report)
    descs = [norm(d.text_content()) for d in tree.iter("desc")]
    root = body_xml(built / f"{report}.docx")
    docprs = list(root.iter(WP_DOCPR))
    assert len(docprs) == len(list(tree.iter("svg")))
    alts = [d.get("descr") or "" for d in docprs]
    assert all(alts)
    for desc, alt in zip(descs, alts, strict=True):
        assert desc in alt and re.search(r"\d,\d", alt), alt
    assert all(c.get("descr") in alts for c in root.iter(PIC_CNVPR))
    assert not any("data:" in (c.get("descr") or "") for c in root.iter(PIC_CNVPR))


@pytest.mark.slow
def test_the_charts_of_2024_delar_are_pictures(built):
    assert len(list(body_xml(built / "2024-delar.docx").iter(WP_DOCPR))) >= 2
    with zipfile.ZipFile(built / "2024-delar.docx") as z:
        pngs = [n for n in z.namelist() if n.startswith("word/media/")]
        assert pngs and all(z.read(n).startswith(b"\x89PNG") for n in pngs)


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_no_visually_hidden_text_becomes_visible(built, report):
    tree = html_of(built, report)
    hidden = [norm(el.text_content()) for el in tree.find_class("sr-only")]
    seen = norm(visible(tree).find("body").text_content())
    text = all_text(docx.Document(built / f"{report}.docx"))
    assert "Hoppa till innehållet" not in text
    for phrase in set(hidden):
        if len(phrase) > 3:
            assert text.count(phrase) <= seen.count(phrase), phrase
    if report == "2024-delar":
        assert "trend saknas" in hidden and "trend saknas" not in text


@pytest.mark.slow
def test_status_symbols_carry_words_beside_their_colour(built):
    document = docx.Document(built / "2024-delar.docx")
    words = ("Grön", "Gul", "Röd", "Helt", "Delvis", "Inte alls", "Uppnå", "Mindre", "Större")
    styled = Counter()
    for p in document.paragraphs + [p for t in document.tables for r in t.rows
                                     for c in r.cells for p in c.paragraphs]:
        for run in p.runs:
            if run.style is not None and run.style.name.startswith("Symbol "):
                styled[run.style.name] += 1
                assert any(w in p.text for w in words), p.text
    assert set(styled) == {"Symbol grön", "Symbol gul", "Symbol röd"}


@pytest.mark.slow
def test_same_input_gives_the_same_bytes(built, tmp_path, monkeypatch):
    r = run(ROOT, "build", "2024-delar", "--format", "docx", "--out", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "2024-delar.docx").read_bytes() == (built / "2024-delar.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "2024-delar.docx") as z:
        assert {i.date_time for i in z.infolist()} == {
            docx.Document(tmp_path / "2024-delar.docx").core_properties.created.timetuple()[:6]}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    r = run(ROOT, "build", "2024-delar", "--format", "docx", "--out", str(tmp_path / "epoch"))
    assert r.exit_code == 0, r.output
    created = docx.Document(tmp_path / "epoch" / "2024-delar.docx").core_properties.created
    assert created.replace(tzinfo=UTC) == datetime.fromtimestamp(1700000000, UTC)


@pytest.mark.slow
def test_a_projects_own_reference_document_is_used(tmp_path):
    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=("2023", "2024"))
    reference = project.root / "templates" / "word" / "reference.docx"
    reference.parent.mkdir(parents=True)
    shutil.copy(STOCK / "word" / "reference.docx", reference)
    with zipfile.ZipFile(reference) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b'w:val="00507A"',
                                                                b'w:val="6A1B9A"')
    with zipfile.ZipFile(reference, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    r = run(project.root, "build", "2024-delar", "--format", "docx", "--out",
            str(tmp_path / "out"))
    assert r.exit_code == 0, r.output
    heading = docx.Document(tmp_path / "out" / "2024-delar.docx").styles["Heading 1"]
    assert str(heading.font.color.rgb) == "6A1B9A"


def test_a_missing_reference_document_is_an_environment_error(tmp_path, monkeypatch):
    from rtnreport.render import docx as docx_module

    project = TmpProject(tmp_path / "p", copy_from=ROOT, years=("2023", "2024"))
    monkeypatch.setattr(docx_module, "REFERENCE", Path("word") / "finns-inte.docx")
    r = run(project.root, "build", "2024-delar", "--format", "docx", "--out",
            str(tmp_path / "out"))
    assert r.exit_code == 2
    assert "Word-mallen" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "out" / "2024-delar.docx").exists()


@pytest.fixture
def no_pandoc(monkeypatch):
    word.pandoc_path.cache_clear()
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # import pypandoc → ImportError
    yield
    word.pandoc_path.cache_clear()


@pytest.mark.parametrize("how", [("2024-delar",), ("--all",)])
def test_a_missing_pandoc_is_an_environment_error_in_swedish(no_pandoc, tmp_path, how):
    r = run(ROOT, "build", *how, "--format", "docx", "--out", str(tmp_path), "--force")
    assert r.exit_code == 2, r.output
    assert "Word-formatet behöver pandoc" in r.output and "Traceback" not in r.output
    assert not list(tmp_path.glob("*.docx"))


def test_the_word_html_drops_helpers_and_keeps_symbols_with_words():
    html = ('<html lang="sv"><head><title>T – N</title><meta name="author" content="O, N">'
            '</head><body><a class="skip" href="#m">Hoppa till innehållet</a>'
            '<header class="cover"><p class="cover-org">O</p><h1><span class="cover-title">T'
            '</span> <span class="cover-namnd">N</span></h1><dl class="cover-meta"><div><dt>'
            'Period</dt><dd>2024</dd></div></dl><p class="running-title">T</p></header>'
            '<nav class="toc"><h2>Innehållsförteckning</h2><ol><li><a href="#s-1">1 A</a><ol>'
            '<li><a href="#s-1-1">1.1 B</a></li></ol></li></ol></nav><main id="m">'
            '<h2 id="s-1">1 A</h2><h3 id="s-1-1">1.1 B</h3><p><span class="sym farg-gul" '
            'aria-hidden="true">▲</span> <span class="sym-text">Gul<span class="sr-only">: '
            'mindre avvikelse</span></span> – <span class="sym-text">–<span class="sr-only"> '
            'trend saknas</span></span></p><p></p><table><caption>K</caption><thead><tr>'
            '<th scope="col">Rad</th><th scope="col" class="num">Belopp</th></tr></thead>'
            '<tbody><tr class="summa"><th scope="row">Summa</th><td class="num">1,0</td></tr>'
            '</tbody></table></main></body></html>')
    source = word.word_html(html)
    tree = lxml.html.fromstring(source.html)
    text = norm(tree.text_content())
    assert "Hoppa" not in text and "trend saknas" not in text and "mindre avvikelse" not in text
    assert "▲ Gul" in text and word.TOC_MARKER in text
    assert [h.tag for h in tree.iter("h1", "h2", "h3")] == ["h1", "h2"]
    assert tree.find("main") is None and tree.find(".//header") is None
    assert tree.find(".//nav") is None and tree.find(".//title") is None
    assert source.toc == [(1, "1 A", "s-1"), (2, "1.1 B", "s-1-1")]
    assert (source.title, source.author, source.subject) == ("T – N", "O, N", "T, N")
    assert [t.__dict__ for t in source.tables] == [{"header_row": True, "row_headers": True}]
    assert tree.xpath('//span[@data-custom-style="Symbol gul"]/text()') == ["▲"]
    assert tree.xpath('//td[@style="text-align: right"]//strong/text()') == ["1,0"]
    assert [d.get("data-custom-style") for d in tree.iter("div")][:3] == [
        "Försättsblad", "Title", "Subtitle"]


@pytest.mark.slow
def test_the_shipped_reference_document_has_the_swedish_styles():
    shipped = STOCK / "word" / "reference.docx"
    document = docx.Document(shipped)
    names = {s.name for s in document.styles}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4",
            "TOC Heading", "toc 1", "toc 2", "Försättsblad", "Symbol grön", "Symbol gul",
            "Symbol röd", "Märkning", "Table Caption", "Image Caption"} <= names
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert shipped.stat().st_size < 40_000
    made = make_reference(pandoc_default_reference(word.pandoc_path()))
    assert made == make_reference(pandoc_default_reference(word.pandoc_path()))

    def ours(data: bytes) -> dict[str, bytes]:  # the styles the script writes, not pandoc's
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = etree.fromstring(z.read("word/styles.xml"))
        return {s.get(qn("w:styleId")): etree.tostring(s) for s in root.iter(qn("w:style"))
                if s.get(qn("w:styleId")) in wanted}

    wanted = {etree.fromstring(f'<r xmlns:w="{W}" xmlns:r="{R}">{xml}</r>')[0].get(
        qn("w:styleId")) for xml in STYLES.values()}
    assert ours(shipped.read_bytes()) == ours(made), \
        "run: python -m rtnreport.render.docx_reference templates/word/reference.docx"
