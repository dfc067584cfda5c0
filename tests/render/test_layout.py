"""Layout of the five shipped reports: real headings, the PDF structure tree, page feet,
the index of reports, the change chapter, and the HTML at phone width (390 px)."""

from __future__ import annotations

import html as htmllib
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import ROOT, require_tool
from rtnreport.commands.build import build_all, build_report
from rtnreport.project import Project
from rtnreport.render.pdftags import _kids, _is_elem, _role, _walk

REPORTS = ["2023-vb", "2024-delar", "2025-rus", "2025-vp", "2026-vp-forslag"]
BOLD_ONLY = re.compile(r"<p>\s*<strong>[^<]*</strong>\s*</p>")


@pytest.fixture(scope="module")
def html_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    results = build_all(Project(ROOT), out, ("html",), jobs=1, force=True)
    assert all(r.ok for r in results), [p.message for r in results for p in r.problems]
    return out


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    results = build_all(Project(ROOT), out, ("html", "pdf"), jobs=2, force=True)
    assert all(r.ok for r in results), [p.message for r in results for p in r.problems]
    return out


def _text(fragment: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# ------------------------------------------------------------------ headings in texts

@pytest.mark.parametrize("report", REPORTS)
def test_no_bold_only_paragraphs_in_rendered_texts(html_build, report):
    page = (html_build / f"{report}.html").read_text(encoding="utf-8")
    assert BOLD_ONLY.findall(page) == []


def test_texts_have_real_sub_headings(html_build):
    delar = (html_build / "2024-delar.html").read_text(encoding="utf-8")
    # a goal's comment (under its h4) has its sub-headings one level below
    assert "<h5>Regional platsberättelse för turism och besöksnäring</h5>" in delar
    vp = (html_build / "2025-vp.html").read_text(encoding="utf-8")
    assert "<h5>Verksamhetens insatser för positiv förflyttning</h5>" in vp
    assert "<h5>- varav regional tillväxtnämnd (1,2 miljoner kronor)</h5>" in vp


def test_shipped_texts_hold_no_bold_only_lines():
    bold_line = re.compile(r"^[ \t]*\*\*[^*\n]+\*\*[ \t]*$", re.M)
    found = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "data").rglob("*"))
             if p.suffix in (".md", ".yaml") and bold_line.search(p.read_text(encoding="utf-8"))]
    assert found == []


# ------------------------------------------------------------------ PDF structure tree

def _pdf(pdf_build: Path, report: str) -> pikepdf.Pdf:
    return pikepdf.open(pdf_build / f"{report}.pdf")


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_running_header_and_footer_are_artifacts(pdf_build, report):
    with _pdf(pdf_build, report) as pdf:
        root = pdf.Root.StructTreeRoot
        reachable = {e.objgen for e in _walk(root)}
        nums = root.ParentTree.Nums
        for i in range(0, len(nums), 2):
            refs = nums[i + 1]
            if isinstance(refs, pikepdf.Array):  # a page's marked content, by MCID
                assert all(r is None or not isinstance(r, pikepdf.Dictionary)
                           or r.objgen in reachable for r in refs)
        for number, page in enumerate(pdf.pages[1:], start=2):
            marked = [ops for ops, op in pikepdf.parse_content_stream(page) if str(op) == "BDC"]
            pagination = [o for o in marked if str(o[0]) == "/Artifact"
                          and str(o[1].get("/Type")) == "/Pagination"]
            # header left and right, footer "Sida X av Y"
            assert len(pagination) >= 3, f"sida {number}"
            mcids = {int(o[1].MCID) for o in marked if "/MCID" in o[1]}
            refs = nums[2 * (number - 1) + 1]
            assert all(refs[j] is not None for j in mcids)


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_one_table_element_per_table_with_scoped_headers(pdf_build, report):
    page = (pdf_build / f"{report}.html").read_text(encoding="utf-8")
    printed = re.sub(r'<details class="chart-data">.*?</details>', "", page, flags=re.S)
    with _pdf(pdf_build, report) as pdf:
        root = pdf.Root.StructTreeRoot
        elems = list(_walk(root))
        tables = [e for e in elems if _role(e) == "/Table"]
        assert len(tables) == printed.count("<table")
        for t in tables:
            assert [_role(k) for k in _kids(t) if _is_elem(k)][:1] == ["/Caption"]
            assert len([k for k in _kids(t) if _is_elem(k) and _role(k) == "/THead"]) == 1
        ths = [e for e in elems if _role(e) == "/TH"]
        assert ths and all(str(th.A.get("/Scope")) in ("/Column", "/Row") for th in ths)
        ids = {bytes(n) for n in list(root.IDTree.Names)[::2]}
        for td in (e for e in elems if _role(e) == "/TD"):
            assert {bytes(h) for h in td.A.get("/Headers", [])} <= ids


@pytest.mark.slow
@pytest.mark.parametrize("report", ["2023-vb", "2024-delar"])
def test_charts_alternative_text_gives_their_values(pdf_build, report):
    page = (pdf_build / f"{report}.html").read_text(encoding="utf-8")
    descs = [htmllib.unescape(d) for d in re.findall(r'<desc id="[^"]+">(.*?)</desc>', page, re.S)]
    assert descs
    with _pdf(pdf_build, report) as pdf:
        alts = [str(e.get("/Alt", "")) for e in _walk(pdf.Root.StructTreeRoot)
                if _role(e) == "/Figure"]
    for desc in descs:
        values = re.findall(r"[−-]?\d+(?:,\d+)?", desc)
        assert values
        assert any(all(v in alt for v in values) for alt in alts), desc[:80]
    if report == "2023-vb":
        assert any("Fellingsbro Folkhögskola: \u22123,0 mnkr" in alt for alt in alts)
    else:
        assert any("maj 2024: " in alt and "nov 2022: " in alt for alt in alts)


def _page_blocks(pdf: Path) -> list[list[tuple[float, str, float]]]:
    """Per page, the text blocks (top y, text, bottom y) pdftotext finds, top to bottom."""
    require_tool("pdftotext")
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", xml, re.S):
        blocks = []
        for attrs, body in re.findall(r"<block ([^>]*)>(.*?)</block>", page, re.S):
            y = float(re.search(r'yMin="([\d.]+)"', attrs).group(1))
            bottom = float(re.search(r'yMax="([\d.]+)"', attrs).group(1))
            words = re.findall(r"<word [^>]*>(.*?)</word>", body)
            blocks.append((y, htmllib.unescape(" ".join(words)), bottom))
        pages.append(sorted(blocks))
    return pages


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_no_heading_caption_or_risk_at_a_page_foot(pdf_build, report):
    page = (pdf_build / f"{report}.html").read_text(encoding="utf-8")
    main = page[page.index("<main"):]
    heads = {_text(h) for h in re.findall(r"<h[2-6][^>]*>(.*?)</h[2-6]>", main, re.S)}
    heads |= {_text(c) for c in re.findall(r"<caption>(.*?)</caption>", main, re.S)}
    heads |= {_text(r) for r in re.findall(r'<tr class="grupp">(.*?)</tr>', main, re.S)}
    heads |= {_text(r) for r in re.findall(r'<div class="risk-text">(.*?)</div>', main, re.S)}
    heads.discard("")
    pages = _page_blocks(pdf_build / f"{report}.pdf")
    for number, blocks in enumerate(pages[2:], start=3):
        body = [text for y, text, _ in blocks if 60 < y < 800 and not text.startswith("Sida ")]
        if number < len(pages) and body:
            assert body[-1] not in heads, f"{report} sida {number}: '{body[-1]}' sist på sidan"


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_no_nearly_empty_page_before_a_chapter(pdf_build, report):
    require_tool("pdftotext")
    pdf = pdf_build / f"{report}.pdf"
    pages = _page_blocks(pdf)
    page = (pdf_build / f"{report}.html").read_text(encoding="utf-8")
    chapters = {_text(h) for h in re.findall(r'<section class="chapter"[^>]*>\s*<h2[^>]*>(.*?)</h2>',
                                             page, re.S)}
    for number, blocks in enumerate(pages[3:], start=4):
        body = [(y, t) for y, t, _ in blocks if 60 < y < 800 and not t.startswith("Sida ")]
        if body and body[0][1] in chapters:
            before = [bottom for y, t, bottom in pages[number - 2] if 60 < y < 800
                      and not t.startswith("Sida ")]
            lowest = max(before, default=0)
            # the page before a chapter's first page is at least a third full (A4: 842 pt)
            assert lowest > 60 + (780 - 60) / 3, f"{report}: sidan före sida {number} nästan tom"


# ------------------------------------------------------------------ index and links

def test_index_links_every_built_report(html_build):
    index = (html_build / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in index and "<caption>" in index
    for report in REPORTS:
        assert f'href="{report}.html"' in index
        assert f'href="{report}.pdf"' not in index  # not built here, so not linked
        page = (html_build / f"{report}.html").read_text(encoding="utf-8")
        assert '<a href="index.html">Alla rapporter</a>' in page
    assert "Delårsrapport" in index and "2024" in index and "Beslutad" in index
    assert "1 januari 2024 – 31 juli 2024" in index


def test_index_links_pdf_when_built(tmp_path):
    result = build_report(Project(ROOT), "2025-rus", tmp_path, ("html",))
    assert result.ok
    (tmp_path / "2025-rus.pdf").write_bytes(b"%PDF-1.7\n")  # as if built
    from rtnreport.render.index import write_index

    index = write_index(Project(ROOT), tmp_path).read_text(encoding="utf-8")
    assert 'href="2025-rus.pdf"' in index and 'href="2025-rus.html"' in index
    assert 'href="2024-delar.html"' not in index and "Inte byggd" in index


@pytest.mark.slow
def test_report_html_links_its_pdf(pdf_build):
    page = (pdf_build / "2024-delar.html").read_text(encoding="utf-8")
    assert '<a href="2024-delar.pdf">' in page
    index = (pdf_build / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{r}.pdf"' in index for r in REPORTS)


# ------------------------------------------------------------------ the change chapter

def test_change_chapter_is_the_committees_table(html_build):
    page = (html_build / "2026-vp-forslag.html").read_text(encoding="utf-8")
    chapter = page[page.index('id="d-'):]
    assert "Nuvarande lydelse (2025)" in chapter and "Föreslagen lydelse (2026)" in chapter
    assert "<th scope=\"col\" class=\"kommentar-col\">Kommentar</th>" in chapter
    assert "posterna matchas" not in page and "nummer: 5 →" not in page
    # a renumbered målsättning: both wordings, and the reason in words
    assert "Målsättning <del>5:</del> Forskning" in chapter
    assert "Målsättning <ins>6:</ins> Forskning" in chapter
    assert "Omnumrerad: 5 → 6." in chapter
    assert "<caption>Styrtal, nya (" in chapter
    assert "<caption>Nämndens mål och fokusområden, som utgår (1)</caption>" in chapter


# ------------------------------------------------------------------ phone width

HARNESS = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>m</title></head>
<body style="margin:0"><iframe id="f" title="m" src="%s" style="width:390px;height:844px;border:0">
</iframe><script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument.documentElement;
  document.body.setAttribute('data-scroll-width', d.scrollWidth);
  var svg = this.contentDocument.querySelector('figure.chart svg');
  if (svg) document.body.setAttribute('data-chart-scale', svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
});
</script></body></html>"""


@pytest.mark.slow
@pytest.mark.parametrize("report", [*REPORTS, "index"])
def test_no_horizontal_scroll_at_390_px(html_build, report):
    """The report in a 390 px wide frame (a phone) in headless Chromium scrolls only down."""
    chromium = require_tool("chromium")
    harness = html_build / f"_390_{report}.html"
    harness.write_text(HARNESS % f"{report}.html", encoding="utf-8")
    dom = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                          "--allow-file-access-from-files", "--window-size=800,900",
                          "--virtual-time-budget=5000", "--dump-dom", harness.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    width = re.search(r'data-scroll-width="(\d+)"', dom)
    assert width, dom[:500]
    assert int(width.group(1)) <= 390
    scale = re.search(r'data-chart-scale="([\d.]+)"', dom)
    if scale:  # chart text (12 units) stays legible: at least 9 px on the phone
        assert 12 * float(scale.group(1)) >= 9


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_no_url_in_running_text(pdf_build, report):
    """Long addresses are links (clickable in the PDF), never printed in the text; a short
    one a reader can type (``https://vux.regionorebrolan.se/``) may stand as written."""
    exe = require_tool("pdftotext")
    text = subprocess.run([exe, str(pdf_build / f"{report}.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    printed = re.findall(r"https?://\S+", text)
    assert [u for u in printed if len(u) > 40] == []
    with _pdf(pdf_build, report) as pdf:
        links = [a for p in pdf.pages for a in p.get("/Annots", [])
                 if a.get("/Subtype") == "/Link" and "/A" in a and "/URI" in a.A]
    if report == "2025-rus":
        assert any("eur-lex.europa.eu" in str(a.A.URI) for a in links)
