"""``rtnreport serve``: a live preview on loopback, of every report.

The start page lists the project's reports; ``/<rapport-id>/`` shows one.  A
watcher polls the inputs of the reports being viewed (their year, last year,
the templates) every :data:`POLL_INTERVAL` seconds; on any change it renders
the HTML again in memory and prints one line in the terminal (and one per
error).  Bad data does not stop the server, nor blank the page: the last good
rendering stays, under a banner listing the problems as file:line:col.  The
preview page adds a few lines of script that wait for the next rendering
(a long poll, answered the moment it is made) and reload — the built reports
themselves contain no script.  The PDF is built on demand from the current
rendering.

Hardened for a browser that also visits other sites: only requests whose
``Host`` is a loopback name with the bound port are answered (421 otherwise,
so a DNS-rebinding page cannot read a draft); one PDF render at a time per
report, concurrent requests waiting for it and sharing its bytes; at most
:data:`MAX_THREADS` request threads, each with a socket timeout, of which at
most :data:`MAX_WAITING` wait in a long poll (the others are answered at once
and poll again shortly).
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from .. import cache
from ..problems import Problem
from ..project import Project
from .messages import format_problem

HOST = "127.0.0.1"  # loopback only: the preview is never reachable from the network
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_THREADS = 8
MAX_WAITING = MAX_THREADS // 2
"""Long polls held at once; more are answered at once, so pages never starve the server."""
REQUEST_TIMEOUT = 30.0  # seconds a client may take to send its request
POLL_INTERVAL = 0.05
"""Seconds between looks at the inputs' mtimes (a look costs about a millisecond)."""
LONG_POLL = 20.0
"""Seconds a page's wait for the next rendering is held open before it asks again."""
ACTIVE = 600.0
"""A report not viewed for this long is no longer re-rendered on every change."""

RELOAD_SCRIPT = """<script>
(function () {
  var stand = %s, url = %s;
  function poll() {
    fetch(url + '?seit=' + stand, {cache: 'no-store'}).then(function (r) { return r.text(); })
      .then(function (s) {
        if (s !== String(stand)) { location.reload(); } else { setTimeout(poll, 50); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"""

BANNER_STYLE = ("position:sticky;top:0;z-index:1000;margin:0;padding:.75rem 1rem;"
                "background:#fdf0ef;color:#1a1a1a;border-bottom:4px solid #b3261e;"
                "font-family:'DejaVu Sans',Arial,sans-serif;font-size:.95rem")


def _one_line(problem: Problem) -> str:
    return format_problem(problem, None).splitlines()[0]


@dataclass
class Preview:
    project: Project
    report_id: str
    year: str
    stand: int = 0
    """Bumped on every new rendering; the page reloads when it changes."""
    html: str = ""
    """The page shown: the last good rendering (with a banner while the data has errors)."""
    good_html: str = ""
    """The last rendering without errors."""
    problems: list[Problem] = field(default_factory=list)
    fingerprint: str = ""
    detail: str | None = None
    """What broke a rendering that is no data problem (a template being edited)."""
    seconds: float = 0.0
    """How long the last rendering took."""
    viewed: float = field(default_factory=time.monotonic)
    pdf: bytes | None = None
    pdf_stand: int = -1
    lock: threading.Lock = field(default_factory=threading.Lock)
    changed: threading.Condition = field(init=False)
    """Notified on every new rendering (the long polls wait on it)."""
    pdf_lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while a PDF is rendered: one render at a time, the others wait and share it."""
    render_lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while the HTML is rendered (the watcher and a first request may both ask)."""

    def __post_init__(self) -> None:
        self.changed = threading.Condition(self.lock)

    def inputs_fingerprint(self) -> str:
        parts = []
        for path in cache.input_files(self.project, self.year):
            try:
                st = path.stat()
            except OSError:
                continue
            parts.append(f"{path}:{st.st_mtime_ns}:{st.st_size}")
        return "\n".join(parts)

    def refresh(self, force: bool = False) -> bool:
        """Render again if any input changed; True when a new rendering was made."""
        with self.render_lock:
            return self._refresh(force)

    def _refresh(self, force: bool) -> bool:
        fingerprint = self.inputs_fingerprint()
        if fingerprint == self.fingerprint and not force:
            return False
        from ..render.html import render_report
        from .build import prepare

        started = time.perf_counter()
        detail = None
        try:
            prepared = prepare(self.project, self.report_id, self.year)
            problems = prepared.problems
            page = None
            if prepared.rapport is not None:
                page = render_report(prepared.rapport, prepared.data, prepared.computed,
                                     self.project.theme, previous=prepared.previous,
                                     cache_root=self.project.root).html
        except Exception as exc:  # a template being edited can be broken for a moment
            page, problems, detail = None, [], f"{type(exc).__name__}: {exc}"
        with self.lock:
            self.fingerprint = fingerprint
            self.problems = problems
            if page is not None:
                self.good_html = self.html = page
            elif self.good_html:
                self.html = with_banner(self.good_html, problems, detail)
            else:
                self.html = error_page(self.report_id, problems, detail)
            self.detail = detail
            self.seconds = time.perf_counter() - started
            self.stand += 1
            self.changed.notify_all()
        return True

    def wait(self, seen: int, timeout: float) -> int:
        """The stand once it is not ``seen`` any more, or after ``timeout`` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.stand != seen, timeout)
            return self.stand

    def page(self) -> str:
        with self.lock:
            body, stand = self.html, self.stand
        script = RELOAD_SCRIPT % (stand, f'"/{self.report_id}/__stand"')
        return body.replace("</body>", script + "\n</body>", 1) if "</body>" in body \
            else body + script

    def pdf_bytes(self) -> bytes:
        """The PDF of the current rendering, rendered at most once however many ask at once."""
        from ..render import pdf

        with self.pdf_lock:
            with self.lock:
                if self.pdf is not None and self.pdf_stand == self.stand:
                    return self.pdf
                source, stand = self.good_html or self.html, self.stand
            data = pdf.write_pdf(source, self.project.theme, Path(f"{self.report_id}.pdf"),
                                 created=datetime(2000, 1, 1))
            with self.lock:
                self.pdf, self.pdf_stand = data, stand
            return data


def _problem_items(problems: list[Problem], detail: str | None) -> tuple[int, str]:
    lines = [_one_line(p) for p in problems if p.level == "error"]
    if detail:
        lines.append(detail)
    return len(lines), "".join(f"<li><pre>{html.escape(line)}</pre></li>" for line in lines)


def with_banner(page: str, problems: list[Problem], detail: str | None = None) -> str:
    """The last good page under a banner with the data errors (the page is not replaced)."""
    count, items = _problem_items(problems, detail)
    banner = (f'<div id="rtn-fel" role="alert" style="{BANNER_STYLE}">'
              f"<strong>{count} fel i data – sidan visar den senaste versionen som gick att "
              "bygga.</strong> Rätta filen och spara: sidan laddas om av sig själv."
              '<ol style="margin:.5rem 0 0;max-height:40vh;overflow:auto">'
              + items.replace("<pre>", '<pre style="white-space:pre-wrap;margin:.2rem 0">')
              + "</ol></div>")
    head, sep, rest = page.partition("<body")
    if not sep:
        return banner + page
    tag, close, body = rest.partition(">")
    return head + sep + tag + close + banner + body


def error_page(report_id: str, problems: list[Problem], detail: str | None = None) -> str:
    count, items = _problem_items(problems, None)
    extra = f"<p><pre>{html.escape(detail)}</pre></p>" if detail else ""
    return ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(report_id)}: fel i data</title>"
            "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;"
            "margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#fdf0ef;"
            "border-left:4px solid #b3261e;padding:.5rem}</style></head><body>"
            f"<p><a href=\"/\">Alla rapporter</a></p>"
            f"<h1>{html.escape(report_id)} kan inte visas</h1>"
            f"<p>{count} fel i data. Rätta filen och spara: sidan laddas om av sig själv.</p>"
            f"<ol>{items}</ol>{extra}</body></html>")


def report_list(project: Project) -> list[tuple[str, str, str]]:
    """(id, year, title) of every report the data defines, by year and id (unvalidated)."""
    from ..project import year_dirs
    from ..yamlload import YamlError, load_file

    out = []
    for year in year_dirs(project.data):
        path = project.data / year / "rapporter.yaml"
        try:
            raw, _ = load_file(path) if path.is_file() else (None, None)
        except YamlError:
            continue
        for r in (raw or {}).get("rapporter", []) if isinstance(raw, dict) else []:
            if isinstance(r, dict) and isinstance(r.get("id"), str):
                titel = r.get("titel") if isinstance(r.get("titel"), str) else ""
                under = r.get("undertitel") if isinstance(r.get("undertitel"), str) else ""
                out.append((r["id"], year, " – ".join(t for t in (titel, under) if t)))
    return out


def start_page(project: Project, reports: list[tuple[str, str, str]]) -> str:
    rows = "".join(
        f'<li><a href="/{html.escape(rid)}/">{html.escape(rid)}</a> {html.escape(title)}'
        f' <small>(<a href="/{html.escape(rid)}/{html.escape(rid)}.pdf">PDF</a>)</small></li>'
        for rid, _, title in reports)
    return ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            "<title>rtnreport: förhandsgranskning</title>"
            "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;"
            "margin:2rem auto;padding:0 1rem;line-height:1.6}</style></head><body>"
            "<h1>Rapporter</h1>"
            f"<p>{len(reports)} rapporter i {html.escape(str(project.data))}. Välj en: "
            "sidan byggs om och laddas om av sig själv när du sparar en fil.</p>"
            f"<ul>{rows}</ul></body></html>")


def allowed_host(host: str | None, port: int) -> bool:
    """A loopback name with the bound port (DNS rebinding sends the attacker's name)."""
    if not host:
        return False
    host = host.strip().lower()
    names = [f"{name}:{port}" for name in LOOPBACK_NAMES]
    if port == 80:
        names += list(LOOPBACK_NAMES)
    return host in names


def make_handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = REQUEST_TIMEOUT

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _text(self, status: int, text: str) -> None:
            self._send(status, text.encode("utf-8"), "text/plain; charset=utf-8")

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if not allowed_host(self.headers.get("Host"), self.server.server_address[1]):
                self._text(HTTPStatus.MISDIRECTED_REQUEST,
                           "Förhandsgranskningen svarar bara på 127.0.0.1, localhost och [::1] "
                           "med sin egen port.")
                return
            path, _, query = self.path.partition("?")
            if path == "/":
                self._send(HTTPStatus.OK, start_page(server.project, server.reports()).encode(),
                           "text/html; charset=utf-8")
                return
            parts = path[1:].split("/")
            report_id = parts[0].removesuffix(".pdf")
            preview = server.preview(report_id) if len(parts) <= 2 else None
            if preview is None:
                self._text(HTTPStatus.NOT_FOUND, "finns inte")
                return
            rest = parts[1] if len(parts) == 2 else ""
            if len(parts) == 1 and path.endswith(".pdf"):
                rest = f"{report_id}.pdf"
            elif len(parts) == 1:  # /<id> → /<id>/, so the page's own links resolve
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", f"/{report_id}/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if rest in ("", "index.html", f"{report_id}.html"):
                link = (f'<p class="skip" style="position:static"><a href="/">Alla rapporter</a>'
                        f' · <a href="/{report_id}/{report_id}.pdf">PDF (byggs när du '
                        'klickar)</a></p><main id="innehall">')
                page = preview.page().replace('<main id="innehall">', link, 1)
                self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
            elif rest == "__stand":
                self._text(HTTPStatus.OK, str(server.long_poll(preview, query)))
            elif rest == f"{report_id}.pdf":
                try:
                    data = preview.pdf_bytes()
                except Exception as exc:  # noqa: BLE001 - shown to the user instead
                    self._text(HTTPStatus.INTERNAL_SERVER_ERROR, f"PDF kunde inte byggas: {exc}")
                    return
                self._send(HTTPStatus.OK, data, "application/pdf")
            else:
                self._text(HTTPStatus.NOT_FOUND, "finns inte")

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # quiet: the server prints its renderings itself

    return Handler


class BoundedThreadingHTTPServer(ThreadingHTTPServer):
    """A thread per request, but at most ``max_threads`` at once (the rest wait to be accepted)."""

    daemon_threads = True

    def __init__(self, address, handler, max_threads: int = MAX_THREADS):  # noqa: ANN001
        self._slots = threading.BoundedSemaphore(max_threads)
        super().__init__(address, handler)

    def process_request(self, request, client_address) -> None:  # noqa: ANN001
        self._slots.acquire()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:  # noqa: ANN001
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class Server:
    """The preview server and its watcher thread (start/stop for tests and the CLI).

    ``report_id`` is rendered at once (the CLI opens it); any other report of
    the project is rendered when first asked for.  ``echo`` gets one Swedish
    line per rendering and per error (the CLI passes click.echo).
    """

    def __init__(self, project: Project, report_id: str | None = None, year: str | None = None,
                 port: int = 8765, interval: float = POLL_INTERVAL,
                 echo: Callable[[str], None] | None = None):
        self.project = project
        self.interval = interval
        self.echo = echo
        self._previews: dict[str, Preview] = {}
        self._lock = threading.Lock()
        self._waiting = threading.BoundedSemaphore(MAX_WAITING)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.report_id = report_id
        if report_id is not None:
            self.preview(report_id, year)
        self.httpd = BoundedThreadingHTTPServer((HOST, port), make_handler(self))

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}/"

    def report_url(self, report_id: str) -> str:
        return f"{self.url}{report_id}/"

    def reports(self) -> list[tuple[str, str, str]]:
        return report_list(self.project)

    def preview(self, report_id: str, year: str | None = None) -> Preview | None:
        """The report's preview, rendered the first time it is asked for; None if unknown."""
        with self._lock:
            found = self._previews.get(report_id)
        if found is None:
            if year is None:
                year = next((y for rid, y, _ in self.reports() if rid == report_id), None)
                if year is None:
                    return None
            with self._lock:
                found = self._previews.setdefault(report_id, Preview(self.project, report_id,
                                                                     year))
            self._refresh(found, force=True)
        found.viewed = time.monotonic()
        return found

    def long_poll(self, preview: Preview, query: str) -> int:
        """The page's long poll: the stand once it differs from ``seit``."""
        try:
            seen = int(parse_qs(query).get("seit", [""])[0])
        except ValueError:
            return preview.stand
        if not self._waiting.acquire(blocking=False):
            return preview.stand  # enough waiters: answer now, the page asks again shortly
        try:
            return preview.wait(seen, LONG_POLL)
        finally:
            self._waiting.release()

    def _refresh(self, preview: Preview, force: bool = False) -> None:
        if not preview.refresh(force=force) or self.echo is None:
            return
        now = datetime.now().strftime("%H:%M:%S")
        errors = [p for p in preview.problems if p.level == "error"]
        warnings = [p for p in preview.problems if p.level == "warning"]
        took = f"{preview.seconds:.2f}".replace(".", ",")
        if errors or preview.detail:
            count = len(errors) + (1 if preview.detail else 0)
            shown = ("visar den senaste versionen som gick att bygga" if preview.good_html
                     else "ingen version att visa ännu")
            self.echo(f"{now} {preview.report_id}: {count} fel, {shown} ({took} s)")
            for p in errors:
                self.echo(f"  {_one_line(p)}")
            if preview.detail:
                self.echo(f"  {preview.detail}")
        else:
            extra = f", {len(warnings)} varningar" if warnings else ""
            what = "byggd" if preview.stand == 1 else "byggd på nytt"
            self.echo(f"{now} {preview.report_id}: {what} ({took} s{extra})")

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            with self._lock:
                previews = list(self._previews.values())
            now = time.monotonic()
            for preview in previews:
                if now - preview.viewed < ACTIVE or preview.report_id == self.report_id:
                    self._refresh(preview)

    def start(self) -> None:
        for target in (self.httpd.serve_forever, self._watch):
            t = threading.Thread(target=target, daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def wait(self) -> None:  # pragma: no cover - interactive
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            self.stop()
