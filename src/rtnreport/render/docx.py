"""The rendered HTML → Word (.docx) through pandoc: one renderer, a Word variant of its HTML.

The report's HTML (``render_report``) is what the reader of the web page and the PDF
sees; this module rewrites a copy of it into what pandoc turns into a good Word document,
runs pandoc (the ``pypandoc_binary`` wheel bundles pandoc 3) with the project's
``templates/word/reference.docx`` for styles, then finishes the few things pandoc does
not write:

* **Title page**: the cover ``<header>`` (pandoc drops it) becomes paragraphs in the
  styles Försättsblad, Title and Subtitle; organisation, nämnd, title, period, dnr and
  status come from the same template as the HTML.
* **Table of contents**: the ``<nav>`` (pandoc drops it) becomes a real ``TOC`` field over
  Rubrik 1–2, marked for update so Word fills in page numbers; until then it shows the
  report's own entries as links.
* **Headings**: the cover's ``<h1>`` is the title, so ``<h2>``…``<h6>`` become Rubrik 1–5
  (Heading 1–5), the report's numbered chapters and sections.
* **Screen-reader helpers** (``sr-only``, the skip link, the print-only running title) are
  removed: in Word they would be visible text.  Status symbols keep their words beside
  them and get a colour style (Symbol grön/gul/röd), never colour alone.
* **Charts**: each inline SVG becomes a PNG (cairosvg) whose alternative text is the
  chart's ``<title>`` and ``<desc>`` (its values); the data tables beside the charts stay.
* **Tables**: numbers right-aligned, sum rows bold, the header row repeats on every page
  (``w:tblHeader``), rows do not split across pages, row headers mark the first column.
* **Properties**: title, author (organisation and nämnd), subject, language sv-SE;
  created/modified from ``SOURCE_DATE_EPOCH`` or the report's date, and fixed zip
  timestamps, so identical input gives identical bytes.

pandoc runs with ``--sandbox``: it reads only the HTML it is given and the reference
document, so the document can fetch nothing (charts travel as ``data:`` URLs).
"""

from __future__ import annotations

import base64
import functools
import io
import re
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from .theme import Theme

REFERENCE = Path("word") / "reference.docx"
MIN_PANDOC = (3, 0)
TOC_MARKER = "RTNREPORT-INNEHALLSFORTECKNING"
TEXT_WIDTH_PX = 604  # 16 cm at 96 dpi: A4 minus 2 × 2,5 cm
CHART_SCALE = 2  # PNG pixels per SVG unit, for print-sharp charts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
SYMBOL_STYLES = {  # CSS class of a status symbol → character style (colour) in Word
    "farg-gron": "Symbol grön", "ind-helt": "Symbol grön", "avslutad": "Symbol grön",
    "farg-gul": "Symbol gul", "ind-delvis": "Symbol gul",
    "farg-rod": "Symbol röd", "ind-inte_alls": "Symbol röd",
}
BOLD_CLASSES = {"bed-label", "legend-title", "strategi-ingress", "kommentar-label", "ind-label",
                "ind-text", "diff-kind", "cover-org"}
HIDDEN_CLASSES = {"sr-only", "skip", "running-title"}


class ConverterMissing(Exception):
    """pandoc (or the SVG converter) is not installed: an environment problem, exit 2."""


# --------------------------------------------------------------------------- converters

@functools.lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The bundled pandoc (pypandoc_binary), or one on PATH; at least pandoc 3."""
    hint = ("installera beroendena igen (make run, eller pip install pypandoc_binary i "
            "rtnreports miljö)")
    try:
        import pypandoc
    except ImportError as exc:
        raise ConverterMissing(f"Word-formatet behöver pandoc, som saknas; {hint}") from exc
    try:
        path = pypandoc.get_pandoc_path()
        version = subprocess.run([path, "--version"], check=True, capture_output=True,
                                 text=True).stdout.split("\n", 1)[0]
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ConverterMissing(f"Word-formatet behöver pandoc, som saknas; {hint}") from exc
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:2])
    if numbers < MIN_PANDOC:
        raise ConverterMissing(f"Word-formatet behöver pandoc 3 eller senare, men hittade "
                               f"{version.strip()}; {hint}")
    return path


def _svg2png():
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # OSError: the cairo library itself is missing
        raise ConverterMissing(
            "Word-formatet behöver cairosvg och biblioteket cairo för att göra diagrammen "
            "till bilder; installera beroendena igen (make run) och systempaketet libcairo2"
        ) from exc
    return cairosvg.svg2png


def check_converters() -> None:
    """Raise :class:`ConverterMissing` unless everything the Word format needs is here."""
    pandoc_path()
    _svg2png()


# --------------------------------------------------------------------------- the Word HTML

@dataclass
class TableInfo:
    header_row: bool
    row_headers: bool


@dataclass
class WordSource:
    """The HTML pandoc gets, and what the finishing step needs to know about it."""

    html: str
    title: str = ""
    author: str = ""
    subject: str = ""
    description: str = ""
    toc_title: str = "Innehållsförteckning"
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # level, text, anchor
    tables: list[TableInfo] = field(default_factory=list)
    alts: list[str] = field(default_factory=list)


def _text(el) -> str:  # noqa: ANN001 - lxml element
    return " ".join(el.text_content().split())


def _classes(el) -> set[str]:  # noqa: ANN001
    return set((el.get("class") or "").split())


def _chart_images(html: str, alts: list[str]) -> str:
    """Each inline ``<svg>`` → ``<img>`` with a PNG ``data:`` URL and its title/desc as alt."""
    from lxml import etree

    svg2png = None

    def replace(match: re.Match) -> str:
        nonlocal svg2png
        svg = match.group(0)
        try:
            root = etree.fromstring(svg.encode("utf-8"))
        except etree.XMLSyntaxError:
            return ""
        sns = "{http://www.w3.org/2000/svg}"
        parts = [" ".join((root.findtext(f"{sns}{tag}") or root.findtext(tag) or "").split())
                 for tag in ("title", "desc")]
        alt = ". ".join(p.rstrip(".") for p in parts if p) + "." if any(parts) else ""
        alt = alt or "Diagram"
        svg2png = svg2png or _svg2png()
        png = svg2png(bytestring=svg.encode("utf-8"), scale=CHART_SCALE)
        try:
            width = float(root.get("width") or 0)
        except ValueError:
            width = 0
        width_px = min(int(width), TEXT_WIDTH_PX) if width else TEXT_WIDTH_PX
        alts.append(alt)
        src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        return (f'<img src="{src}" alt="{escape(alt, {chr(34): "&quot;"})}" '
                f'width="{width_px}px">')

    return re.sub(r"<svg\b.*?</svg>", replace, html, flags=re.S)


def word_html(html: str) -> WordSource:
    """The report's HTML → the HTML pandoc turns into the Word document (see the module)."""
    import lxml.html
    from lxml.html import builder as E

    source = WordSource(html="")
    doc = lxml.html.document_fromstring(_chart_images(html, source.alts))
    head = doc.find("head")
    if head is not None:
        source.title = " ".join((head.findtext("title") or "").split())
        for meta in head.iter("meta"):
            if meta.get("name") == "author":
                source.author = meta.get("content") or ""
            elif meta.get("name") == "description":
                source.description = meta.get("content") or ""
        for child in list(head):  # pandoc would print <title> and <meta> as a title block
            head.remove(child)
    body = doc.find("body")
    for main in list(body.iter("main")):  # pandoc reads only <main> when there is one
        main.drop_tag()

    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("script", "style", "noscript", "template") or el.get("hidden") is not None \
                or _classes(el) & HIDDEN_CLASSES:
            el.drop_tree()

    # Images: only the charts made above (data: URLs); anything else becomes its alt text.
    for img in list(body.iter("img")):
        if not (img.get("src") or "").startswith("data:image/"):
            span = E.SPAN(img.get("alt") or "")
            span.tail = img.tail
            img.getparent().replace(img, span)

    # Title page.
    for cover in list(body.iter("header")):
        if "cover" not in _classes(cover):
            continue
        blocks = []

        def styled(style: str, *content) -> None:  # noqa: ANN002
            div = E.DIV(E.P(*content))
            div.set("data-custom-style", style)
            blocks.append(div)

        for el in cover.iter():
            cls = _classes(el)
            if "cover-org" in cls:
                styled("Försättsblad", E.STRONG(_text(el)))
            elif "cover-title" in cls:
                styled("Title", _text(el))
                source.subject = source.subject or _text(el)
            elif "cover-namnd" in cls or "cover-sub" in cls:
                styled("Subtitle", _text(el))
                if "cover-namnd" in cls:
                    source.subject = f"{source.subject}, {_text(el)}".strip(", ")
            elif el.tag == "dt":
                dd = el.getnext()
                value = _text(dd) if dd is not None and dd.tag == "dd" else ""
                styled("Försättsblad", E.STRONG(f"{_text(el)}:"), f" {value}")
        if not any(b.get("data-custom-style") == "Title" for b in blocks):
            h1 = cover.find(".//h1")
            styled("Title", _text(h1) if h1 is not None else source.title)
        parent = cover.getparent()
        index = parent.index(cover)
        for offset, block in enumerate(blocks):
            parent.insert(index + offset, block)
        cover.drop_tree()

    # Table of contents: the report's own entries, replaced by a TOC field afterwards.
    for nav in list(body.iter("nav")):
        if "toc" not in _classes(nav):
            continue
        heading = nav.find(".//h2")
        if heading is not None:
            source.toc_title = _text(heading)
        for a in nav.iter("a"):
            href = a.get("href") or ""
            level = sum(1 for anc in a.iterancestors() if anc.tag in ("ol", "ul")
                        and nav in anc.iterancestors())
            if href.startswith("#") and _text(a):
                source.toc.append((max(level, 1), _text(a), href[1:]))
        marker = E.P(TOC_MARKER)
        marker.tail = nav.tail
        nav.getparent().replace(nav, marker)

    # Headings: the cover's h1 is the title; the chapters (h2) are Rubrik 1.
    for el in body.iter("h2", "h3", "h4", "h5", "h6"):
        el.tag = f"h{int(el.tag[1]) - 1}"

    # A figure without a picture (a note that the source lost it) would become a layout
    # table in Word: make it a caption paragraph and its text.
    for figure in list(body.iter("figure")):
        if figure.find(".//img") is None:
            figure.tag = "div"
            for caption in figure.findall("figcaption"):
                caption.tag = "p"
                _embolden(caption)

    for details in list(body.iter("details")):
        details.tag = "div"
        for summary in details.findall("summary"):
            summary.tag = "p"
            _embolden(summary)

    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            continue
        cls = _classes(el)
        if el.tag == "span" and "sym" in cls:
            style = next((SYMBOL_STYLES[c] for c in sorted(cls) if c in SYMBOL_STYLES), None)
            if style:
                el.set("data-custom-style", style)
        elif el.tag == "span" and "badge" in cls:
            el.set("data-custom-style", "Märkning")
            el.text = f"[{el.text or ''}"
            if len(el):
                el[-1].tail = (el[-1].tail or "") + "]"
            else:
                el.text += "]"
        elif cls & BOLD_CLASSES or el.tag == "ins":
            _embolden(el)
        elif el.tag == "p" and not _text(el) and not len(el):
            el.drop_tree()

    for table in body.iter("table"):
        source.tables.append(_table(table))

    doc.set("lang", "sv-SE")
    source.html = lxml.html.tostring(doc, encoding="unicode", method="html", doctype="<!DOCTYPE html>")
    return source


def _embolden(el) -> None:  # noqa: ANN001 - lxml element
    from lxml.html import builder as E

    strong = E.STRONG()
    strong.text, el.text = el.text, None
    for child in list(el):
        strong.append(child)
    el.append(strong)


def _table(table) -> TableInfo:  # noqa: ANN001 - lxml element
    rows = [tr for tr in table.iter("tr") if tr.getparent() is not None and
            next((a for a in tr.iterancestors("table")), None) is table]
    first = rows[0] if rows else None
    header_row = first is not None and (first.getparent().tag == "thead" or all(
        c.tag == "th" for c in first if isinstance(c.tag, str)))
    row_headers = False
    for tr in rows:
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if tr.getparent().tag != "thead" and cells and cells[0].tag == "th" \
                and cells[0].get("scope") == "row":
            row_headers = True
        for cell in cells:
            if "num" in _classes(cell):
                cell.set("style", "text-align: right")
        if _classes(tr) & {"summa", "grupp"}:
            for cell in cells:
                if _text(cell):
                    _embolden(cell)
    return TableInfo(header_row=header_row, row_headers=row_headers)


# --------------------------------------------------------------------------- pandoc

def run_pandoc(html: str, reference: Path) -> bytes:
    with tempfile.TemporaryDirectory(prefix="rtnreport-docx-") as tmp:
        target = Path(tmp) / "rapport.docx"
        proc = subprocess.run(
            [pandoc_path(), "--from", "html", "--to", "docx", "--sandbox",
             "--reference-doc", str(reference), "--metadata", "lang=sv-SE",
             "--output", str(target)],
            input=html.encode("utf-8"), capture_output=True, check=False)
        if proc.returncode != 0 or not target.is_file():
            raise RuntimeError("pandoc kunde inte skriva Word-dokumentet: "
                               + proc.stderr.decode("utf-8", "replace").strip())
        return target.read_bytes()


# --------------------------------------------------------------------------- finishing

def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _toc_paragraphs(source: WordSource, bookmarks: set[str]) -> list:
    """The TOC field (over Rubrik 1–N) whose cached result is the report's own entries."""
    from lxml import etree

    depth = max((level for level, _, _ in source.toc), default=2)
    instr = f' TOC \\o "1-{depth}" \\h \\z \\u '

    def p(style: str | None) -> etree._Element:
        para = etree.Element(_w("p"))
        ppr = etree.SubElement(para, _w("pPr"))
        if style:
            etree.SubElement(ppr, _w("pStyle")).set(_w("val"), style)
        return para

    def run(parent, kind: str, value: str | None = None):  # noqa: ANN001, ANN202
        r = etree.SubElement(parent, _w("r"))
        if kind == "t":
            t = etree.SubElement(r, _w("t"))
            t.text = value
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "instr":
            t = etree.SubElement(r, _w("instrText"))
            t.text = value
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        else:
            fld = etree.SubElement(r, _w("fldChar"))
            fld.set(_w("fldCharType"), kind)
            if kind == "begin":
                fld.set(_w("dirty"), "true")
        return r

    heading = p("TOCHeading")
    etree.SubElement(heading[0], _w("pageBreakBefore"))
    run(heading, "t", source.toc_title)
    out = [heading]
    entries = source.toc or [(1, "Högerklicka och välj Uppdatera fält.", "")]
    for k, (level, text, anchor) in enumerate(entries):
        para = p(f"TOC{min(level, 9)}")
        if k == 0:
            run(para, "begin")
            run(para, "instr", instr)
            run(para, "separate")
        target = para
        if anchor in bookmarks:
            target = etree.SubElement(para, _w("hyperlink"))
            target.set(_w("anchor"), anchor)
            target.set(_w("history"), "1")
        run(target, "t", text)
        if k == len(entries) - 1:
            run(para, "end")
        out.append(para)
    return out


def _finish_document(xml: bytes, source: WordSource) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    body = root.find("w:body", NS)

    # Table of contents in place of its marker.
    bookmarks = {b.get(_w("name")) for b in root.iter(_w("bookmarkStart"))}
    for para in list(body.iter(_w("p"))):
        if "".join(t.text or "" for t in para.iter(_w("t"))).strip() == TOC_MARKER:
            parent = para.getparent()
            index = parent.index(para)
            parent.remove(para)
            for offset, new in enumerate(_toc_paragraphs(source, bookmarks)):
                parent.insert(index + offset, new)
            break

    # The first chapter starts a page even if an organisation's Heading 1 does not.
    for para in body.iter(_w("p")):
        style = para.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(_w("val")) == "Heading1":
            ppr = para.find("w:pPr", NS)
            if ppr.find("w:pageBreakBefore", NS) is None:
                style.addnext(etree.Element(_w("pageBreakBefore")))
            break

    # Tables: repeating header row, rows kept whole, first column marked as row headers,
    # the full text width shared by the columns after their content.
    text_width = _text_width(body)
    tables = list(body.iter(_w("tbl")))
    infos = source.tables if len(source.tables) == len(tables) else [None] * len(tables)
    for tbl, info in zip(tables, infos, strict=True):
        rows = tbl.findall("w:tr", NS)
        for k, tr in enumerate(rows):
            trpr = tr.find("w:trPr", NS)
            if trpr is None:
                trpr = etree.Element(_w("trPr"))
                tr.insert(0, trpr)
            if trpr.find("w:cantSplit", NS) is None:
                trpr.insert(0, etree.Element(_w("cantSplit")))
            if k == 0 and (info is None or info.header_row) \
                    and trpr.find("w:tblHeader", NS) is None:
                etree.SubElement(trpr, _w("tblHeader")).set(_w("val"), "on")
        look = tbl.find("w:tblPr/w:tblLook", NS)
        if look is not None and info is not None and info.row_headers:
            look.set(_w("firstColumn"), "1")
        _fit_columns(tbl, text_width)

    # Pictures: alternative text on both the drawing and the picture, no empty title.
    for k, inline in enumerate(body.iter(f"{{{NS['wp']}}}inline", f"{{{NS['wp']}}}anchor")):
        docpr = inline.find("wp:docPr", NS)
        if docpr is None:
            continue
        alt = docpr.get("descr") or (source.alts[k] if k < len(source.alts) else "")
        docpr.set("descr", alt)
        if not docpr.get("title"):
            docpr.attrib.pop("title", None)
        for cnv in inline.iter(f"{{{NS['pic']}}}cNvPr"):
            cnv.set("descr", alt)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_width(body) -> int:  # noqa: ANN001 - lxml element
    """The page's text width in twips, from the reference document's section."""
    sect = body.find("w:sectPr", NS)
    try:
        size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
        return int(size.get(_w("w"))) - int(margins.get(_w("left"))) \
            - int(margins.get(_w("right")))
    except (AttributeError, TypeError, ValueError):
        return 9072


def _fit_columns(tbl, text_width: int) -> None:  # noqa: ANN001 - lxml element
    """Full-width table; each column as wide as its content asks, no word split if possible.

    pandoc gives every column the same width, which breaks figures such as "−154,1" and
    headings such as "Budgetavvikelse" in a table of nine columns.  Each column gets at
    least its longest word (figures before heading words, which may break at their soft
    hyphens), and the rest of the width goes to the columns with long text.
    """
    from lxml import etree

    grid = tbl.find("w:tblGrid", NS)
    if grid is None or not len(grid):
        return
    cols = grid.findall("w:gridCol", NS)
    longest = [0] * len(cols)  # longest text in a cell of the column (characters)
    body_word = [0] * len(cols)  # longest word in the body rows
    head_word = [0] * len(cols)  # longest word in the header rows
    for tr in tbl.findall("w:tr", NS):
        header = tr.find("w:trPr/w:tblHeader", NS) is not None
        col = 0
        for tc in tr.findall("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(_w("val"))) if span_el is not None else 1
            text = "".join(t.text or "" if t.tag == _w("t") else "\u00ad"
                           for t in tc.iter(_w("t"), _w("softHyphen"), _w("br")))
            if span == 1 and col < len(cols):
                longest[col] = max(longest[col], len(text))
                words = max(map(len, re.split(r"[ \t\n\u00ad/-]+", text)))
                target = head_word if header else body_word
                target[col] = max(target[col], words)
            col += span
    char, pad = 120, 200  # twips per character of 9 pt (bold) text, cell margins
    body_min = [w * char + pad for w in body_word]
    full_min = [max(b, h * char + pad) for b, h in zip(body_min, head_word, strict=True)]
    wanted = [max(m, min(n, 45) * char + pad) for m, n in zip(full_min, longest, strict=True)]
    for lower, upper in ((full_min, wanted), (body_min, full_min)):
        if sum(lower) <= text_width:
            extra = text_width - sum(lower)
            more = [u - lo for u, lo in zip(upper, lower, strict=True)]
            if sum(more) and extra < sum(more):
                widths = [lo + extra * x // sum(more) for lo, x in zip(lower, more, strict=True)]
            else:  # everything fits: the rest in proportion to what each column wants
                rest = extra - sum(more)
                widths = [u + rest * u // sum(upper) for u in upper]
            break
    else:  # too narrow even for the figures: shrink them alike
        widths = [text_width * m // sum(body_min) for m in body_min]
    widths[-1] += text_width - sum(widths)
    for col, width in zip(cols, widths, strict=True):
        col.set(_w("w"), str(width))
    tblpr = tbl.find("w:tblPr", NS)
    tblw = tblpr.find("w:tblW", NS)
    if tblw is None:
        tblw = etree.SubElement(tblpr, _w("tblW"))
    tblw.set(_w("type"), "pct")
    tblw.set(_w("w"), "5000")
    layout = tblpr.find("w:tblLayout", NS)
    if layout is None:
        layout = etree.Element(_w("tblLayout"))
        tblw.addnext(layout)
    layout.set(_w("type"), "fixed")


def _core(source: WordSource, stamp: str) -> bytes:
    def el(tag: str, value: str) -> str:
        return f"<{tag}>{escape(value)}</{tag}>" if value else ""

    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + el("dc:title", source.title) + el("dc:subject", source.subject)
            + el("dc:creator", source.author) + el("dc:description", source.description)
            + el("cp:lastModifiedBy", source.author) + "<dc:language>sv-SE</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>").encode("utf-8")


def finish(docx: bytes, source: WordSource, epoch: int) -> bytes:
    """pandoc's document → the finished one, with fixed dates and zip order."""
    moment = datetime.fromtimestamp(max(epoch, 315532800), UTC)  # zip cannot go before 1980
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["word/document.xml"] = _finish_document(parts["word/document.xml"], source)
    parts["docProps/core.xml"] = _core(source, stamp)
    order = ["[Content_Types].xml"] + sorted(n for n in parts if n != "[Content_Types].xml")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, moment.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, parts[name])
    return out.getvalue()


def reference_doc(theme: Theme | Path) -> Path:
    """The project's templates/word/reference.docx, else the one shipped with rtnreport."""
    if isinstance(theme, Path):
        theme = Theme((theme.resolve(),))
    path = theme.find(REFERENCE)
    if not path.is_file():
        raise ConverterMissing(f"Word-mallen {path} saknas; installera om rtnreport eller lägg "
                               "er organisations egen mall i templates/word/reference.docx")
    return path


def write_docx(html: str, templates: Theme | Path, *, created: datetime) -> bytes:
    """Render the report's ``html`` to .docx bytes (the caller writes them atomically)."""
    from .pdf import source_epoch

    reference = reference_doc(templates)
    pandoc_path()
    source = word_html(html)
    return finish(run_pandoc(source.html, reference), source, source_epoch(created))
