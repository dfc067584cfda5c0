"""Kolada's REST API v3: data per KPI × areas × years, robustly.

- at most :data:`MAX_IDS` ids per path segment (areas and years are batched);
- every page: follows ``next_url`` (v3) or ``next_page`` (v2) until it is absent;
- HTTP 429 and 5xx are retried with exponential back-off (``Retry-After`` honoured,
  capped); other errors, a timeout or no network raise :class:`KoladaError` with a
  Swedish message;
- the transport is injected (``transport(url, timeout) -> (status, headers, body)``),
  so tests never open a socket.  Only the standard library is used.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__

BASE_URL = "https://api.kolada.se/v3"
MAX_IDS = 25
"""Kolada accepts at most 25 ids per path segment."""
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_PAGES = 1000

Transport = Callable[[str, float], tuple[int, dict[str, str], bytes]]


class KoladaError(Exception):
    """A fetch that failed. ``exit_code`` 2 (network, service) or 1 (unknown KPI or area)."""

    def __init__(self, message: str, exit_code: int = 2, kpi: str | None = None,
                 omraden: tuple[str, ...] = ()):
        super().__init__(message)
        self.exit_code = exit_code
        self.kpi = kpi
        self.omraden = omraden


def urllib_transport(url: str, timeout: float) -> tuple[int, dict[str, str], bytes]:
    """GET ``url`` with urllib; HTTP errors are returned, network errors raised."""
    req = urllib.request.Request(url, headers={
        "Accept": "application/json", "User-Agent": f"rtnreport/{__version__}"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - https URL
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as exc:
        body = exc.read() if exc.fp is not None else b""
        return exc.code, dict(exc.headers.items()) if exc.headers else {}, body


def batches(items: list[str], size: int = MAX_IDS) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class KoladaClient:
    def __init__(self, transport: Transport = urllib_transport, base_url: str = BASE_URL,
                 timeout: float = 30.0, retries: int = 4, backoff: float = 1.0,
                 max_wait: float = 60.0, sleep: Callable[[float], None] = time.sleep):
        self.transport = transport
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self.urls: list[str] = []
        """Every URL fetched, in order (for the saved response and tests)."""

    # -- one request -----------------------------------------------------------

    def get_json(self, url: str) -> tuple[int, Any]:
        """The JSON of ``url`` (status 200), or (404, None); retries 429/5xx."""
        attempt = 0
        while True:
            self.urls.append(url)
            try:
                status, headers, body = self.transport(url, self.timeout)
            except TimeoutError as exc:
                raise KoladaError(f"Kolada svarade inte inom {self.timeout:g} s ({url}); "
                                  "försök igen senare, eller använd --from-file med sparade "
                                  "svar") from exc
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                raise KoladaError(f"kan inte nå Kolada ({urlsplit(url).netloc}): {reason}. "
                                  "Kontrollera nätverket, eller använd --from-file med sparade "
                                  "svar") from exc
            if status == 200:
                try:
                    return status, json.loads(body.decode("utf-8"), parse_float=Decimal)
                except (UnicodeDecodeError, ValueError) as exc:
                    raise KoladaError(f"Kolada svarade med något som inte är JSON ({url})") \
                        from exc
            if status == 404:
                return status, None
            if status in RETRY_STATUS and attempt < self.retries:
                self.sleep(self._wait(attempt, headers))
                attempt += 1
                continue
            if status in RETRY_STATUS:
                raise KoladaError(f"Kolada svarar inte (HTTP {status}) efter {attempt + 1} "
                                  f"försök ({url}); försök igen senare")
            raise KoladaError(f"Kolada svarade HTTP {status} på {url}")

    def _wait(self, attempt: int, headers: dict[str, str]) -> float:
        retry_after = {k.lower(): v for k, v in headers.items()}.get("retry-after")
        if retry_after is not None:
            try:
                return min(max(float(retry_after), 0.0), self.max_wait)
            except ValueError:
                pass
        return min(self.backoff * (2 ** attempt), self.max_wait)

    # -- paging ----------------------------------------------------------------

    def pages(self, url: str) -> Iterator[dict[str, Any]]:
        """Every page of ``url``: follows ``next_url`` (v3) or ``next_page`` (v2)."""
        seen: set[str] = set()
        while url:
            if url in seen or len(seen) >= MAX_PAGES:
                raise KoladaError(f"Kolada hänvisar i en slinga till nästa sida ({url})")
            seen.add(url)
            status, page = self.get_json(url)
            if status == 404 or page is None:
                raise KoladaError(f"Kolada känner inte till adressen {url}", exit_code=1)
            if not isinstance(page, dict) or not isinstance(page.get("values"), list):
                raise KoladaError(f"Koladas svar har inte formen {{count, values}} ({url})")
            yield page
            nxt = page.get("next_url") or page.get("next_page")
            url = urljoin(url, nxt) if isinstance(nxt, str) and nxt else ""

    # -- the data endpoint -----------------------------------------------------

    def data_urls(self, kpi: str, omraden: Iterable[str], years: Iterable[int]) -> list[str]:
        ids = sorted(set(omraden))
        ys = [str(y) for y in sorted(set(years))]
        return [f"{self.base_url}/data/kpi/{kpi}/municipality/{','.join(a)}/year/{','.join(y)}"
                for a in batches(ids) for y in batches(ys)]

    def data(self, kpi: str, omraden: Iterable[str], years: Iterable[int]) -> list[dict[str, Any]]:
        """Every row of ``kpi`` for the areas and years; checks that both exist."""
        omraden = sorted(set(omraden))
        rows: list[dict[str, Any]] = []
        for url in self.data_urls(kpi, omraden, years):
            for page in self.pages(url):
                rows.extend(r for r in page["values"] if isinstance(r, dict))
        found = {str(r.get("municipality")) for r in rows if r.get("kpi") == kpi}
        if not found:
            self._known_kpi(kpi)
        missing = [a for a in omraden if a not in found]
        if missing:
            self._known_areas(kpi, missing)
        return rows

    def _known_kpi(self, kpi: str) -> None:
        status, meta = self.get_json(f"{self.base_url}/kpi/{kpi}")
        values = meta.get("values") if isinstance(meta, dict) else None
        if status == 404 or not values:
            raise KoladaError(f"Kolada har ingen KPI med id {kpi}", exit_code=1, kpi=kpi)

    def _known_areas(self, kpi: str, ids: list[str]) -> None:
        known: set[str] = set()
        for batch in batches(ids):
            status, meta = self.get_json(f"{self.base_url}/municipality/{','.join(batch)}")
            for v in (meta.get("values") or []) if isinstance(meta, dict) else []:
                if isinstance(v, dict):
                    known.add(str(v.get("id")))
        unknown = tuple(a for a in ids if a not in known)
        if unknown:
            raise KoladaError(f"Kolada har inget område med id {', '.join(unknown)}",
                              exit_code=1, kpi=kpi, omraden=unknown)
