"""HTML → tagged PDF with WeasyPrint, fetching nothing outside the project.

* The URL fetcher allows ``data:`` URLs and files inside the allowed folders
  (the stock theme and the project's ``templates/``); anything else — a network URL, a file
  elsewhere, a redirect — stops the build with an error.
* Tagged PDF/UA-1 by default (document title, ``/Lang sv``); ``pdf/a-2u``
  etc. for an archival variant (WeasyPrint cannot claim A and UA at once).
* Byte-identical output for identical input: a fixed creation date from
  ``SOURCE_DATE_EPOCH`` (or the report's own date) and no other clock.

WeasyPrint is imported only here, so ``check`` and the HTML build stay fast.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..outputs import EnvironmentFault
from .theme import Theme

FONTS_CSS = "assets/fonts.css"
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-2u", "pdf/a-3u", "pdf/a-2b", "pdf/a-3b", "none")


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
            document = weasyprint.HTML(string=pdf_html(html, stamp, fonts),
                                       base_url=str(theme.dirs[-1]) + "/",
                                       url_fetcher=fetcher)
            options: dict = {"pdf_identifier": b"rtnreport-" + target.stem.encode()}
            if variant != "none":
                options["pdf_variant"] = variant
            if variant.startswith("pdf/ua") or variant == "none":
                options["pdf_tags"] = True
            data = document.write_pdf(**options)
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
