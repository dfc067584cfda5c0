"""Finish WeasyPrint's tagged PDF: the structure tree a screen reader needs.

WeasyPrint 70 tags the document, but

* the running header and footer (``@page`` margin boxes) are marked content whose
  structure elements it leaves out of the tree, so they are neither content nor
  artifacts;
* a table that breaks across pages becomes one ``Table`` element per page, each
  continuation with its repeated header row as a second ``THead``;
* header cells have no ``/Scope`` and the ``/ID`` they carry is in no ``/IDTree``;
* an inline SVG chart's ``/Alt`` is only its ``<title>``, not the figures its
  ``<desc>`` gives.

:func:`finish` repairs each of these with pikepdf and returns the new bytes.  Identical
input gives identical output (``deterministic_id``).  What remains as WeasyPrint makes
it: a section, list or paragraph that spans pages is one element per page (with the same
role, in order), which assistive technology reads as consecutive content.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, String

Node = Any
"""A structure element (a pikepdf Dictionary; pikepdf's own types say Object)."""

PAGINATION = Dictionary(Type=Name.Pagination)


def _kids(elem: Node) -> list[Object]:
    k = elem.get("/K")
    if k is None:
        return []
    if isinstance(k, Array):
        return list(k)
    return [k]


def _is_elem(obj: Object) -> bool:
    return isinstance(obj, Dictionary) and "/S" in obj


def _walk(elem: Node) -> Iterator[Node]:
    """Structure elements below ``elem`` in document order (depth first)."""
    for kid in _kids(elem):
        if _is_elem(kid):
            yield kid
            yield from _walk(kid)


def _role(elem: Node) -> str:
    return str(elem.get("/S"))


def _set_kids(elem: Node, kids: list[Object]) -> None:
    elem.K = Array(kids)


def _remove_kid(parent: Node, kid: Node) -> None:
    _set_kids(parent, [k for k in _kids(parent) if not (_is_elem(k) and k.objgen == kid.objgen)])


def _prune_empty(elem: Node) -> None:
    """Remove ``elem`` and each ancestor left without kids."""
    while _is_elem(elem) and not _kids(elem) and "/P" in elem and _is_elem(elem.P):
        parent = elem.P
        _remove_kid(parent, elem)
        elem = parent


def _children(elem: Node, role: str) -> list[Node]:
    return [k for k in _kids(elem) if _is_elem(k) and _role(k) == role]


def _cells(group: Node, role: str) -> list[Node]:
    return [c for c in _walk(group) if _role(c) == role]


def merge_split_tables(doc: Node, page_index: dict[tuple[int, int], int]) -> int:
    """One ``Table`` element per HTML table; returns how many pieces were merged.

    A piece without a ``Caption`` that is the first table on its page continues the
    last table of the page before (every table the templates write has a caption, on
    its first page only).  Its repeated header row leaves the tree (its text becomes
    a pagination artifact), its rows join the first piece's body, and each cell's
    ``/Headers`` then names the first piece's header cells.
    """
    tables = [e for e in _walk(doc) if _role(e) == "/Table"]

    def page(e: Node) -> int:
        return page_index.get(e.Pg.objgen, -1) if "/Pg" in e else -1

    merged = 0
    current: Node | None = None
    last_page = -2
    first_on_page: dict[int, int] = {}
    for i, t in enumerate(tables):
        first_on_page.setdefault(page(t), i)
    for i, t in enumerate(tables):
        pg = page(t)
        continues = (current is not None and not _children(t, "/Caption")
                     and first_on_page.get(pg) == i and last_page == pg - 1)
        if not continues:
            current, last_page = t, pg
            continue
        assert current is not None
        head_ids = [c.ID for h in _children(current, "/THead") for c in _cells(h, "/TH")
                    if "/ID" in c]
        repeated = [c.ID for h in _children(t, "/THead") for c in _cells(h, "/TH") if "/ID" in c]
        remap = {bytes(a): b for a, b in zip(repeated, head_ids)}
        bodies = _children(current, "/TBody")
        target = bodies[-1] if bodies else current
        for kid in _kids(t):
            if not _is_elem(kid):
                continue
            if _role(kid) == "/THead":
                continue  # the repeated header: pagination, not content
            rows = _kids(kid) if _role(kid) == "/TBody" else [kid]
            for row in rows:
                if _is_elem(row):
                    row.P = target
                    for cell in _cells(row, "/TD"):
                        attrs = cell.get("/A")
                        if isinstance(attrs, Dictionary) and "/Headers" in attrs:
                            attrs.Headers = Array([remap.get(bytes(h), h) for h in attrs.Headers])
            _set_kids(target, _kids(target) + [r for r in rows if _is_elem(r)])
        parent = t.P
        _remove_kid(parent, t)
        _prune_empty(parent)
        merged += 1
        last_page = pg
    return merged


def scope_header_cells(doc: Node) -> None:
    """``/Scope /Column`` for header cells in a table head, ``/Row`` in a body."""
    for table in (e for e in _walk(doc) if _role(e) == "/Table"):
        for group in _kids(table):
            if not _is_elem(group):
                continue
            scope = Name.Column if _role(group) == "/THead" else Name.Row
            for cell in _cells(group, "/TH"):
                attrs = cell.get("/A")
                if not isinstance(attrs, Dictionary):
                    attrs = cell.A = Dictionary(O=Name.Table)
                attrs.Scope = scope


def id_tree(pdf: pikepdf.Pdf, doc: Node) -> None:
    """An ``/IDTree`` so each cell's ``/Headers`` resolves to its header cells."""
    ids = sorted(((bytes(e.ID), e) for e in _walk(doc) if "/ID" in e), key=lambda p: p[0])
    if ids:
        names: list[Object] = []
        for key, elem in ids:
            names += [String(key), elem]
        pdf.Root.StructTreeRoot.IDTree = pdf.make_indirect(Dictionary(Names=Array(names)))


def chart_alternatives(doc: Node, charts: Sequence[tuple[str, str]]) -> int:
    """A chart's ``/Alt``: its title and the values its description states."""
    pending: dict[str, list[str]] = {}
    for title, desc in charts:
        pending.setdefault(title, []).append(f"{title}. {desc}" if desc else title)
    done = 0
    for fig in (e for e in _walk(doc) if _role(e) == "/Figure"):
        alt = str(fig.get("/Alt", ""))
        if pending.get(alt):
            fig.Alt = String(pending[alt].pop(0))
            done += 1
    return done


def artifacts(pdf: pikepdf.Pdf) -> int:
    """Marked content whose element is not in the tree becomes a pagination artifact.

    These are the running header and footer, and the header rows WeasyPrint repeats
    on each page a table continues on.  Returns how many marked sequences changed.
    """
    root = pdf.Root.StructTreeRoot
    reachable = {e.objgen for e in _walk(root)}
    nums = root.ParentTree.Nums
    changed = 0
    pages = list(pdf.pages)
    for i in range(0, len(nums), 2):
        index, refs = int(nums[i]), nums[i + 1]
        if not isinstance(refs, Array) or index >= len(pages):
            continue
        orphans = {j for j, ref in enumerate(refs)
                   if isinstance(ref, Dictionary) and ref.objgen not in reachable}
        if not orphans:
            continue
        page = pages[index]
        ops: list[Any] = list(pikepdf.parse_content_stream(page))
        out = []
        for operands, operator in ops:
            if (str(operator) == "BDC" and len(operands) == 2
                    and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]
                    and int(operands[1].MCID) in orphans):
                operands = [Name.Artifact, PAGINATION]
                changed += 1
            out.append(pikepdf.ContentStreamInstruction(operands, operator))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
        for j in orphans:
            refs[j] = None
    return changed


def finish(data: bytes, charts: Sequence[tuple[str, str]] = ()) -> bytes:
    """WeasyPrint's tagged PDF with the structure tree completed (see the module doc)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:  # an untagged variant (PDF/A without tags): nothing to finish
            return data
        page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        doc = root
        merge_split_tables(doc, page_index)
        scope_header_cells(doc)
        chart_alternatives(doc, charts)
        id_tree(pdf, doc)
        artifacts(pdf)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
