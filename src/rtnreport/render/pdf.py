"""HTML → tagged PDF with WeasyPrint, fetching nothing outside the project.

* The URL fetcher allows ``data:`` URLs and files inside the allowed folders
  (the stock theme and the project's ``templates/``); anything else — a network URL, a file
  elsewhere, a redirect — stops the build with an error.
* Tagged PDF/UA-1 by default (document title, ``/Lang sv``); ``pdf/a-2u``
  etc. for an archival variant (WeasyPrint cannot claim A and UA at once).
* Byte-identical output for identical input: a fixed creation date from
  ``SOURCE_DATE_EPOCH`` (or the report's own date) and no other clock.
* Chapters start a new page, except where that would leave the page before nearly
  empty: the report is laid out, every chapter whose preceding page is less than
  :data:`NEAR_EMPTY` full is marked ``foljer`` (it follows on that page) and the report
  is laid out again, at most :data:`MAX_LAYOUTS` times in all.
* The tagged PDF's structure tree is completed afterwards (:mod:`.pdftags`): running
  header and footer as artifacts, one ``Table`` per table with scoped header cells,
  charts' alternative text with their values.

WeasyPrint is imported only here, so ``check`` and the HTML build stay fast.
"""

from __future__ import annotations

import contextlib
import html as htmllib
import logging
import os
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..outputs import EnvironmentFault
from .theme import Theme

FONTS_CSS = "assets/fonts.css"
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-2u", "pdf/a-3u", "pdf/a-2b", "pdf/a-3b", "none")


NEAR_EMPTY = 0.4
"""A page less full than this (share of its text area) does not end before a chapter."""
MAX_LAYOUTS = 5

_CHAPTER = re.compile(r'<section class="chapter"')
_CHART = re.compile(r'<title id="([^"]+)-title">(.*?)</title>\s*<desc id="\1-desc">(.*?)</desc>',
                    re.S)


def chart_texts(html: str) -> list[tuple[str, str]]:
    """Each chart's (title, description) in the HTML, in document order."""
    return [(htmllib.unescape(m.group(2)), htmllib.unescape(m.group(3)))
            for m in _CHART.finditer(html)]


def mark_following(html: str, following: set[int]) -> str:
    """The HTML with the chapters numbered in ``following`` (0-based) marked ``foljer``."""
    count = -1

    def mark(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return '<section class="chapter foljer"' if count in following else match.group(0)

    return _CHAPTER.sub(mark, html)


def _page_fill(page) -> float:  # noqa: ANN001 - a WeasyPrint page
    """How much of the page's text area its content takes, 0–1."""
    from weasyprint.formatting_structure import boxes

    box = page._page_box
    top, height = box.content_box_y(), box.height
    bottom = top
    for area in box.children:
        if isinstance(area, boxes.MarginBox):  # the running header and footer
            continue
        for child in area.descendants():
            if isinstance(child, (boxes.LineBox, boxes.ReplacedBox)):
                bottom = max(bottom, child.position_y + child.margin_height())
    return (bottom - top) / height if height else 1.0


def near_empty_breaks(document) -> set[int]:  # noqa: ANN001 - a WeasyPrint document
    """Chapters (0-based) whose forced page break leaves the page before nearly empty."""
    from weasyprint.formatting_structure import boxes

    starts: dict[int, int] = {}  # chapter number → page index where it starts
    counter = -1
    seen: set[int] = set()
    for index, page in enumerate(document.pages):
        areas = [a for a in page._page_box.children if not isinstance(a, boxes.MarginBox)]
        for box in (d for a in areas for d in a.descendants()):
            if box.element_tag != "section":
                continue
            classes = (box.element.get("class") or "").split()
            if "chapter" not in classes or id(box.element) in seen:
                continue
            seen.add(id(box.element))
            counter += 1
            if "foljer" not in classes and counter > 0:
                starts[counter] = index
    return {chapter for chapter, index in starts.items()
            if index > 0 and _page_fill(document.pages[index - 1]) < NEAR_EMPTY}


class BlockedFetch(Exception):
    """The document asked for a resource outside the allowed folders."""


def _fetcher_class():  # the class needs weasyprint, imported lazily
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class ProjectFetcher(URLFetcher):
        def __init__(self, allowed: list[Path]):
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False,
                             fail_on_errors=True)
            self.allowed = [p.resolve() for p in allowed]
            self.blocked: list[str] = []

        def fetch(self, url: str, headers=None):  # noqa: ANN001 - WeasyPrint's signature
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if path.is_file() and any(path.is_relative_to(root) for root in self.allowed):
                    return super().fetch(url, headers)
            self.blocked.append(url)
            raise FatalURLFetchingError(f"hämtning stoppad (utanför projektets mallar): {url}")

    return ProjectFetcher


@contextlib.contextmanager
def _source_date(epoch: int) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH for the font subsetter unless the caller set it."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    if old is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


MAX_EPOCH = 253_402_300_799  # 9999-12-31T23:59:59Z, the last second a PDF date can hold


class BadSourceDateEpoch(EnvironmentFault):
    """``SOURCE_DATE_EPOCH`` is set but is not a usable time (exit 2, never ignored)."""


def source_epoch(default: datetime) -> int:
    """``SOURCE_DATE_EPOCH`` (whole seconds since 1970, UTC) or ``default``'s time.

    An empty value counts as unset; anything else that is not a whole number of
    seconds between 1970 and 9999 is refused, not silently ignored.
    """
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not env:
        return int(default.replace(tzinfo=UTC).timestamp())
    shown = env if len(env) <= 30 else env[:27] + "…"
    if not (env.isascii() and env.isdigit()):
        raise BadSourceDateEpoch(
            f"miljövariabeln SOURCE_DATE_EPOCH='{shown}' är inget heltal antal sekunder sedan "
            "1970-01-01 UTC; sätt den till t.ex. $(git log -1 --format=%ct) eller ta bort den")
    if len(env) > 12 or int(env) > MAX_EPOCH:
        raise BadSourceDateEpoch(
            f"miljövariabeln SOURCE_DATE_EPOCH='{shown}' ligger efter år 9999; sätt den till "
            "t.ex. $(git log -1 --format=%ct) eller ta bort den")
    return int(env)


def pdf_html(html: str, created: datetime, fonts_css: str = FONTS_CSS) -> str:
    """The HTML WeasyPrint gets: embedded-font rules and the fixed dates added."""
    stamp = created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = (f'<meta name="dcterms.created" content="{stamp}">\n'
            f'<meta name="dcterms.modified" content="{stamp}">\n'
            f'<link rel="stylesheet" href="{fonts_css}">\n</head>')
    return html.replace("</head>", head, 1)


class _Progress(logging.Handler):
    def __init__(self, report: Callable[[str], None]):
        super().__init__()
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        self.report(record.getMessage())


def write_pdf(html: str, theme: Theme | Path, target: Path, *, variant: str = "pdf/ua-1",
              created: datetime, progress: Callable[[str], None] | None = None) -> bytes:
    """Render ``html`` to PDF bytes (the caller writes them atomically)."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    if isinstance(theme, Path):  # a single folder of templates (tests, tools)
        theme = Theme((theme.resolve(),))
    fetcher = _fetcher_class()(list(theme.dirs))
    fonts = theme.find(FONTS_CSS).resolve().as_uri()
    epoch = source_epoch(created)
    stamp = datetime.fromtimestamp(epoch, UTC)
    handler = _Progress(progress) if progress else None
    plogger = logging.getLogger("weasyprint.progress")
    if handler:
        plogger.addHandler(handler)
        plogger.setLevel(logging.INFO)
    try:
        with _source_date(epoch):
            options: dict = {"pdf_identifier": b"rtnreport-" + target.stem.encode()}
            if variant != "none":
                options["pdf_variant"] = variant
            if variant.startswith("pdf/ua") or variant == "none":
                options["pdf_tags"] = True
            following: set[int] = set()
            for _ in range(MAX_LAYOUTS):
                source = weasyprint.HTML(string=pdf_html(mark_following(html, following),
                                                         stamp, fonts),
                                         base_url=str(theme.dirs[-1]) + "/",
                                         url_fetcher=fetcher)
                document = source.render(**options)
                more = near_empty_breaks(document) - following
                if not more:
                    break
                following |= more
            data = document.write_pdf(**options)
            if options.get("pdf_tags"):
                from .pdftags import finish

                data = finish(data, chart_texts(html))
    except (Exception, FatalURLFetchingError) as exc:
        if fetcher.blocked:
            raise BlockedFetch(fetcher.blocked[0]) from exc
        raise
    finally:
        if handler:
            plogger.removeHandler(handler)
    if fetcher.blocked:
        raise BlockedFetch(fetcher.blocked[0])
    return data
