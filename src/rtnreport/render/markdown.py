"""User text to safe HTML.

Comment and narrative text is Markdown written by analysts.  It is never a
template and never trusted as HTML:

* markdown-it's ``js-default`` preset escapes raw HTML (``<script>`` shows as text);
* images are not rendered at all (no file or URL is ever fetched for them);
* links are kept only for ``https:``, ``http:`` and ``mailto:`` targets,
  otherwise the link text stays as plain text;
* the result then passes an allow-list sanitiser (nh3) as a second wall;
* ``[[table.row.column]]`` cites a computed figure: it is replaced by the
  formatted number before parsing, so prose cannot contradict its table.
  ``{{ … }}`` and other template syntax is ordinary text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import nh3
from markdown_it import MarkdownIt

from ..rules.report import REFERENCE, Figure
from .format import by_kind

ALLOWED_TAGS = {"p", "strong", "em", "ul", "ol", "li", "a", "br", "h3", "h4", "h5", "h6",
                "blockquote", "code", "hr"}
ALLOWED_SCHEMES = ("https:", "http:", "mailto:")


class UnresolvedReference(Exception):
    def __init__(self, reference: str):
        super().__init__(f"referensen [[{reference}]] pekar inte på någon beräknad siffra")
        self.reference = reference


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(ALLOWED_SCHEMES)


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


_MD = _make_parser()


def resolve_references(text: str, figures: Mapping[str, Figure]) -> str:
    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        figure = figures.get(key)
        if figure is None:
            raise UnresolvedReference(key)
        return by_kind(figure.value, figure.kind)

    return REFERENCE.sub(replace, text)


def render_markdown(text: str | None, figures: Mapping[str, Figure] | None = None,
                    heading_base: int = 3, inline: bool = False) -> str:
    """Markdown → sanitised HTML.  ``heading_base``: the level ``###`` becomes."""
    if not text:
        return ""
    source = resolve_references(text, figures or {})
    if inline:
        html = _MD.renderInline(source)
    else:
        tokens = _MD.parse(source)
        shift = heading_base - 3
        for tok in tokens:
            if tok.type in ("heading_open", "heading_close"):
                level = int(tok.tag[1]) + shift
                tok.tag = f"h{min(6, max(3, level))}"
        html = _MD.renderer.render(tokens, _MD.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    )


MarkdownFilter = Callable[..., str]
