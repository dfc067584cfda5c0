"""Make ``templates/word/reference.docx``: pandoc's reference document with Swedish styles.

Run ``python -m rtnreport.render.docx_reference [MÅL]`` after changing the styles below;
the result is deterministic for a given pandoc version (fixed zip dates, no clock).

What it changes in pandoc's default reference document (``pandoc
--print-default-data-file reference.docx``), which supplies every style pandoc uses:

* A4 with 2,5 cm margins; a running header with the document title (a ``TITLE`` field,
  so it follows the core property) and a footer "Sida X av Y"; no header or footer on the
  title page.
* Language sv-SE (spelling, hyphenation), decimal comma, Arial 10,5 pt (Word's usual
  sans-serif; LibreOffice substitutes a metric-compatible font).
* The report's colours and heading sizes; Rubrik 1 starts a new page like a chapter in the
  PDF; table text 9 pt with rules between rows and a shaded header row.
* Styles rtnreport's Word variant asks for: ``Försättsblad`` (title page lines),
  ``toc 1``/``toc 2`` (the table of contents), ``Symbol grön``/``gul``/``röd`` (status
  symbols: shape and colour, always beside their words), ``Märkning`` (Ny/Ändrad badges).

An organisation that has its own Word template replaces this file in its project's
``templates/word/``; pandoc then takes the styles, page set-up, header and footer from it.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
ACCENT, MUTED, GRON, GUL, ROD, BAND, RULE = ("00507A", "4A4A4A", "1B7A32", "8A6500",
                                              "B3261E", "EEF3F7", "B9C3CC")
FONT = "Arial"
TEXT_WIDTH = 9072  # twips: A4 (11906) minus 2 × 1417
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _xml(fragment: str) -> etree._Element:
    return etree.fromstring(f'<root xmlns:w="{W}" xmlns:r="{R}">{fragment}</root>')[0]


def _fonts(size_half_points: int | None = None, color: str | None = None, bold: bool = False,
           italic: bool = False) -> str:
    parts = [f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>']
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size_half_points:
        parts.append(f'<w:sz w:val="{size_half_points}"/><w:szCs w:val="{size_half_points}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _heading(level: int, size: int, before: int, page_break: bool = False) -> str:
    brk = "<w:pageBreakBefore/>" if page_break else ""
    border = (f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="2" w:color="{ACCENT}"/>'
              "</w:pBdr>") if level == 1 else ""
    return (f'<w:style w:type="paragraph" w:styleId="Heading{level}">'
            f'<w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/>'
            f'<w:next w:val="BodyText"/><w:link w:val="Heading{level}Char"/>'
            f'<w:uiPriority w:val="9"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:keepLines/>{brk}{border}'
            f'<w:spacing w:before="{before}" w:after="120"/>'
            f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            + _fonts(size, ACCENT, bold=True) + "</w:style>")


STYLES = {
    "Normal": '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
              '<w:name w:val="Normal"/><w:qFormat/></w:style>',
    "BodyText": '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
                '<w:basedOn w:val="Normal"/><w:link w:val="BodyTextChar"/><w:qFormat/>'
                '<w:pPr><w:spacing w:before="0" w:after="140" w:line="264" w:lineRule="auto"/>'
                '<w:widowControl/></w:pPr></w:style>',
    "Compact": '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Compact">'
               '<w:name w:val="Compact"/><w:basedOn w:val="BodyText"/><w:qFormat/>'
               '<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr></w:style>',
    "Title": '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
             '<w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:uiPriority w:val="10"/>'
             '<w:qFormat/><w:pPr><w:spacing w:before="240" w:after="120" w:line="240" '
             'w:lineRule="auto"/></w:pPr>' + _fonts(60, ACCENT, bold=True) + "</w:style>",
    "Subtitle": '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/>'
                '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="11"/>'
                '<w:qFormat/><w:pPr><w:spacing w:before="60" w:after="240"/></w:pPr>'
                + _fonts(36, ACCENT) + "</w:style>",
    "Heading1": _heading(1, 36, 0, page_break=True),
    "Heading2": _heading(2, 28, 360),
    "Heading3": _heading(3, 24, 280),
    "Heading4": _heading(4, 22, 220),
    "Heading5": _heading(5, 21, 200),
    "TOCHeading": '<w:style w:type="paragraph" w:styleId="TOCHeading">'
                  '<w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/>'
                  '<w:next w:val="BodyText"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
                  '<w:qFormat/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>',
    "TOC1": '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>'
            '<w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" '
            f'w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:before="120" w:after="40"/></w:pPr>'
            + _fonts(None, None, bold=True) + "</w:style>",
    "TOC2": '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>'
            '<w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" '
            f'w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:before="0" w:after="40"/>'
            '<w:ind w:left="284"/></w:pPr></w:style>',
    "TableCaption": '<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCaption">'
                    '<w:name w:val="Table Caption"/><w:basedOn w:val="Caption"/>'
                    '<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/></w:pPr>'
                    + _fonts(20, None, bold=True) + "</w:style>",
    "ImageCaption": '<w:style w:type="paragraph" w:customStyle="1" w:styleId="ImageCaption">'
                    '<w:name w:val="Image Caption"/><w:basedOn w:val="Caption"/>'
                    '<w:pPr><w:spacing w:before="60" w:after="200"/></w:pPr>'
                    + _fonts(18, MUTED, italic=True) + "</w:style>",
    "Table": '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table"/>'
             '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
             '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>'
             '</w:pPr>' + _fonts(18) +
             '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
             f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>'
             f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>'
             f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
             '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
             '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
             '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
             '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
             f'<w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" '
             f'w:color="{ACCENT}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" '
             f'w:fill="{BAND}"/><w:vAlign w:val="bottom"/></w:tcPr></w:tblStylePr>'
             "</w:style>",
    "Forsattsblad": '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Försättsblad">'
                    '<w:name w:val="Försättsblad"/><w:basedOn w:val="Normal"/><w:qFormat/>'
                    '<w:pPr><w:spacing w:before="0" w:after="80"/></w:pPr>'
                    + _fonts(24) + "</w:style>",
    "SymbolGron": '<w:style w:type="character" w:customStyle="1" w:styleId="Symbolgrön">'
                  '<w:name w:val="Symbol grön"/><w:qFormat/>' + _fonts(None, GRON) + "</w:style>",
    "SymbolGul": '<w:style w:type="character" w:customStyle="1" w:styleId="Symbolgul">'
                 '<w:name w:val="Symbol gul"/><w:qFormat/>' + _fonts(None, GUL) + "</w:style>",
    "SymbolRod": '<w:style w:type="character" w:customStyle="1" w:styleId="Symbolröd">'
                 '<w:name w:val="Symbol röd"/><w:qFormat/>' + _fonts(None, ROD) + "</w:style>",
    "Markning": '<w:style w:type="character" w:customStyle="1" w:styleId="Märkning">'
                '<w:name w:val="Märkning"/><w:qFormat/>' + _fonts(None, ACCENT, bold=True)
                + "</w:style>",
}

HEADER = (f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
          f'<w:r>{_fonts(16, MUTED)}<w:fldChar w:fldCharType="begin"/></w:r>'
          f'<w:r>{_fonts(16, MUTED)}<w:instrText xml:space="preserve"> TITLE </w:instrText></w:r>'
          f'<w:r>{_fonts(16, MUTED)}<w:fldChar w:fldCharType="separate"/></w:r>'
          f'<w:r>{_fonts(16, MUTED)}<w:t>Rapport</w:t></w:r>'
          f'<w:r>{_fonts(16, MUTED)}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>')


def _field(code: str, shown: str) -> str:
    rpr = _fonts(16, MUTED)
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr}<w:t>{shown}</w:t></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


FOOTER = (f'<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          f'<w:r>{_fonts(16, MUTED)}<w:t xml:space="preserve">Sida </w:t></w:r>'
          + _field("PAGE", "1")
          + f'<w:r>{_fonts(16, MUTED)}<w:t xml:space="preserve"> av </w:t></w:r>'
          + _field("NUMPAGES", "1") + "</w:p></w:ftr>")

SECT_PR = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdRtnHeader"/>'
           '<w:footerReference w:type="default" r:id="rIdRtnFooter"/>'
           '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
           '<w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" '
           'w:footer="708" w:gutter="0"/><w:titlePg/></w:sectPr>')

DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" '
            f'xmlns:r="{R}"><w:body><w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r>'
            '<w:t>Referensdokument för rtnreport: formatmallarna används när rapporter skrivs '
            f'som Word.</w:t></w:r></w:p>{SECT_PR}</w:body></w:document>')

CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title>rtnreport referensdokument</dc:title><dc:language>sv-SE</dc:language>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
        '</cp:coreProperties>')


def pandoc_default_reference(pandoc: str) -> bytes:
    return subprocess.run([pandoc, "--print-default-data-file", "reference.docx"],
                          check=True, capture_output=True).stdout


def _styles(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    rpr = root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    for child in list(rpr):
        rpr.remove(child)
    for el in list(_xml(_fonts(21))):
        rpr.append(el)
    rpr.append(_xml('<w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>'))
    by_id = {s.get(_w("styleId")): s for s in root.findall("w:style", NS)}
    for fragment in STYLES.values():
        new = _xml(fragment)
        old = by_id.get(new.get(_w("styleId")))
        if old is not None:
            old.addprevious(new)
            root.remove(old)
        else:
            root.append(new)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _settings(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for tag, val in (("themeFontLang", "sv-SE"), ("decimalSymbol", ","), ("listSeparator", ";")):
        el = root.find(f"w:{tag}", NS)
        if el is not None:
            el.set(_w("val"), val)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    for rid, kind, target in (("rIdRtnHeader", "header", "header1.xml"),
                              ("rIdRtnFooter", "footer", "footer1.xml")):
        el = etree.SubElement(root, f"{{{pkg}}}Relationship")
        el.set("Id", rid)
        el.set("Type", f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}")
        el.set("Target", target)
    for el in list(root):  # pandoc's sample hyperlink
        if el.get("TargetMode") == "External":
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    base = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    for part, kind in (("/word/header1.xml", "header"), ("/word/footer1.xml", "footer")):
        el = etree.SubElement(root, f"{{{ct}}}Override")
        el.set("PartName", part)
        el.set("ContentType", f"{base}.{kind}+xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def make_reference(default: bytes) -> bytes:
    """Pandoc's default reference document (bytes) → rtnreport's (bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(default)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        parts = {name: src.read(name) for name in src.namelist()}
        parts["word/styles.xml"] = _styles(parts["word/styles.xml"])
        parts["word/settings.xml"] = _settings(parts["word/settings.xml"])
        parts["word/_rels/document.xml.rels"] = _rels(parts["word/_rels/document.xml.rels"])
        parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"])
        parts["word/document.xml"] = DOCUMENT.encode()
        parts["word/header1.xml"] = HEADER.encode()
        parts["word/footer1.xml"] = FOOTER.encode()
        parts["docProps/core.xml"] = CORE.encode()
        order = ["[Content_Types].xml"] + sorted(n for n in parts if n != "[Content_Types].xml")
        for name in order:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, parts[name])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    from .docx import pandoc_path

    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else Path("templates/word/reference.docx")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make_reference(pandoc_default_reference(pandoc_path())))
    print(f"Skrev {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
