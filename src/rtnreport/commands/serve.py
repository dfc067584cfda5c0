"""``rtnreport serve``: a live preview on loopback.

A watcher polls the report's inputs (its year, last year, the templates); on
any change it renders the HTML again in memory.  Bad data does not stop the
server: the page then lists the problems as file:line:col.  The preview page
adds a few lines of script that reload it when the rendering changes — the
built reports themselves contain no script.  The PDF is built on demand from
the current rendering.

Hardened for a browser that also visits other sites: only requests whose
``Host`` is a loopback name with the bound port are answered (421 otherwise,
so a DNS-rebinding page cannot read a draft); one PDF render at a time per
report, concurrent requests waiting for it and sharing its bytes; at most
:data:`MAX_THREADS` request threads, each with a socket timeout.
"""

from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .. import cache
from ..problems import Problem
from ..project import Project
from .messages import format_problem

HOST = "127.0.0.1"  # loopback only: the preview is never reachable from the network
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_THREADS = 8
REQUEST_TIMEOUT = 30.0  # seconds a client may take to send its request

RELOAD_SCRIPT = """<script>
(function () {
  var stand = %s;
  function poll() {
    fetch('/__stand', {cache: 'no-store'}).then(function (r) { return r.text(); })
      .then(function (s) { if (s !== String(stand)) { location.reload(); } })
      .catch(function () {}).finally(function () { setTimeout(poll, 700); });
  }
  setTimeout(poll, 700);
})();
</script>"""


@dataclass
class Preview:
    project: Project
    report_id: str
    year: str
    stand: int = 0
    """Bumped on every new rendering; the page reloads when it changes."""
    html: str = ""
    problems: list[Problem] = field(default_factory=list)
    fingerprint: str = ""
    pdf: bytes | None = None
    pdf_stand: int = -1
    lock: threading.Lock = field(default_factory=threading.Lock)
    pdf_lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while a PDF is rendered: one render at a time, the others wait and share it."""

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
        fingerprint = self.inputs_fingerprint()
        if fingerprint == self.fingerprint and not force:
            return False
        from ..render.html import render_report
        from .build import prepare

        try:
            prepared = prepare(self.project, self.report_id, self.year)
            if prepared.rapport is None:
                page, problems = error_page(self.report_id, prepared.problems), prepared.problems
            else:
                page = render_report(prepared.rapport, prepared.data, prepared.computed,
                                     self.project.theme, previous=prepared.previous,
                                     cache_root=self.project.root).html
                problems = prepared.problems
        except Exception as exc:  # a template being edited can be broken for a moment
            page = error_page(self.report_id, [], f"{type(exc).__name__}: {exc}")
            problems = []
        with self.lock:
            self.fingerprint = fingerprint
            self.html, self.problems = page, problems
            self.stand += 1
        return True

    def page(self) -> str:
        with self.lock:
            body, stand = self.html, self.stand
        script = RELOAD_SCRIPT % stand
        return body.replace("</body>", script + "\n</body>", 1) if "</body>" in body \
            else body + script

    def pdf_bytes(self) -> bytes:
        """The PDF of the current rendering, rendered at most once however many ask at once."""
        from ..render import pdf

        with self.pdf_lock:
            with self.lock:
                if self.pdf is not None and self.pdf_stand == self.stand:
                    return self.pdf
                source, stand = self.html, self.stand
            data = pdf.write_pdf(source, self.project.theme, Path(f"{self.report_id}.pdf"),
                                 created=datetime(2000, 1, 1))
            with self.lock:
                self.pdf, self.pdf_stand = data, stand
            return data


def error_page(report_id: str, problems: list[Problem], detail: str | None = None) -> str:
    lines = [format_problem(p, {}) for p in problems if p.level == "error"]
    items = "".join(f"<li><pre>{html.escape(line)}</pre></li>" for line in lines)
    extra = f"<p><pre>{html.escape(detail)}</pre></p>" if detail else ""
    return ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(report_id)}: fel i data</title>"
            "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;"
            "margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#fdf0ef;"
            "border-left:4px solid #b3261e;padding:.5rem}</style></head><body>"
            f"<h1>{html.escape(report_id)} kan inte visas</h1>"
            f"<p>{len(lines)} fel i data. Rätta filen och spara: sidan laddas om av sig själv.</p>"
            f"<ol>{items}</ol>{extra}</body></html>")


def allowed_host(host: str | None, port: int) -> bool:
    """A loopback name with the bound port (DNS rebinding sends the attacker's name)."""
    if not host:
        return False
    host = host.strip().lower()
    names = [f"{name}:{port}" for name in LOOPBACK_NAMES]
    if port == 80:
        names += list(LOOPBACK_NAMES)
    return host in names


def make_handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = REQUEST_TIMEOUT

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if not allowed_host(self.headers.get("Host"), self.server.server_address[1]):
                self._send(HTTPStatus.MISDIRECTED_REQUEST,
                           "Förhandsgranskningen svarar bara på 127.0.0.1, localhost och [::1] "
                           "med sin egen port.".encode(), "text/plain; charset=utf-8")
                return
            path = self.path.split("?", 1)[0]
            if path in ("/", f"/{preview.report_id}.html"):
                page = preview.page().replace(
                    "<main id=\"innehall\">",
                    f"<p class=\"skip\" style=\"position:static\"><a href=\"/{preview.report_id}.pdf\">"
                    "PDF (byggs när du klickar)</a></p><main id=\"innehall\">", 1)
                self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
            elif path == "/__stand":
                self._send(HTTPStatus.OK, str(preview.stand).encode(), "text/plain")
            elif path == f"/{preview.report_id}.pdf":
                try:
                    data = preview.pdf_bytes()
                except Exception as exc:  # noqa: BLE001 - shown to the user instead
                    self._send(HTTPStatus.INTERNAL_SERVER_ERROR,
                               f"PDF kunde inte byggas: {exc}".encode(), "text/plain; charset=utf-8")
                    return
                self._send(HTTPStatus.OK, data, "application/pdf")
            else:
                self._send(HTTPStatus.NOT_FOUND, b"finns inte", "text/plain; charset=utf-8")

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # quiet: the CLI prints what matters

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
    """The preview server and its watcher thread (start/stop for tests and the CLI)."""

    def __init__(self, project: Project, report_id: str, year: str, port: int = 8765,
                 interval: float = 0.5):
        self.preview = Preview(project, report_id, year)
        self.preview.refresh(force=True)
        self.httpd = BoundedThreadingHTTPServer((HOST, port), make_handler(self.preview))
        self.interval = interval
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}/"

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            self.preview.refresh()

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
