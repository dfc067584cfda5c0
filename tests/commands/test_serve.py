"""The live preview: serves on loopback, follows edits, shows data errors, recovers."""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from rtnreport.commands.serve import Server
from rtnreport.project import Project


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 - loopback test server
        return r.read().decode("utf-8")


def wait_for(predicate, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def server(copy_2024):
    lines = []
    srv = Server(Project(copy_2024.root), "2024-delar", "2024", port=0, interval=0.05,
                 echo=lines.append)
    srv.start()
    srv.lines = lines
    yield srv, copy_2024
    srv.stop()


def test_preview_follows_edits_and_shows_errors_over_the_last_good_page(server):
    srv, project = server
    assert srv.url.startswith("http://127.0.0.1:")
    url = srv.report_url("2024-delar")
    page = get(url)
    assert "<h1>" in page and "Delårsrapport" in page and "/2024-delar/__stand" in page
    assert 'href="/2024-delar/2024-delar.pdf"' in page and 'href="/"' in page
    stand = get(url + "__stand")

    project.edit("2024/2024-delar/text/inledning.md", "I Örebro län finns", "I hela Örebro län finns")
    assert wait_for(lambda: get(url + "__stand") != stand)
    assert "I hela Örebro län finns" in get(url)

    project.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    assert wait_for(lambda: 'id="rtn-fel"' in get(url))
    page = get(url)
    banner = page.split('id="rtn-fel"', 1)[1].split("</div>", 1)[0]
    assert "ekonomi.yaml:" in banner and "decimalkomma" in banner and "1 fel i data" in banner
    assert '<div id="rtn-fel" role="alert"' in page
    # the last good page stays under the banner, with the edit made before the error
    assert "I hela Örebro län finns" in page and "Resultatrapport" in page

    project.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60,4", "budget_ack: 60.4")
    assert wait_for(lambda: 'id="rtn-fel"' not in get(url))


def test_each_rendering_and_error_is_one_swedish_line_in_the_terminal(server):
    srv, project = server
    assert len(srv.lines) == 1 and "2024-delar: byggd (" in srv.lines[0]
    project.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    assert wait_for(lambda: any("fel" in line for line in srv.lines))
    head = next(line for line in srv.lines if " fel, " in line)
    assert "2024-delar: 1 fel, visar den senaste versionen som gick att bygga" in head
    error = srv.lines[srv.lines.index(head) + 1]
    assert "ekonomi.yaml:" in error and ": fel: " in error and "decimalkomma" in error
    assert "\n" not in error
    project.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60,4", "budget_ack: 60.4")
    assert wait_for(lambda: "byggd på nytt" in srv.lines[-1])


def test_start_page_lists_every_report_and_serves_another(server):
    srv, project = server
    shutil.copytree(ROOT / "data" / "2025", project.root / "data" / "2025")
    start = get(srv.url)
    for rid in ("2024-delar", "2025-vp", "2025-rus"):
        assert f'href="/{rid}/"' in start
    assert "Verksamhetsplan" in start
    page = get(srv.report_url("2025-vp"))
    assert "/2025-vp/__stand" in page and "2025" in page and "Delårsrapport" not in page
    # the second report follows its own edits too
    stand = get(srv.report_url("2025-vp") + "__stand")
    text = project.root / "data" / "2025" / "text" / "inledning.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nEn provmening i planen.\n",
                    encoding="utf-8")
    assert wait_for(lambda: get(srv.report_url("2025-vp") + "__stand") != stand)
    assert "En provmening i planen." in get(srv.report_url("2025-vp"))
    with pytest.raises(urllib.error.HTTPError) as exc:
        get(srv.url + "2031-delar/")
    assert exc.value.code == 404


def test_a_first_rendering_with_errors_shows_the_error_page(copy_2024):
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    srv = Server(Project(copy_2024.root), "2024-delar", "2024", port=0)
    srv.start()
    try:
        page = get(srv.report_url("2024-delar"))
        assert "kan inte visas" in page and "decimalkomma" in page
    finally:
        srv.stop()


def test_reload_latency_after_a_save(server):
    """A page waiting in its long poll learns of a save's rendering at once (functional check;
    the median is printed, not asserted, the machine being shared)."""
    import statistics
    import threading

    srv, project = server
    url = srv.report_url("2024-delar")
    text = project.path("2024/2024-delar/text/inledning.md")
    original = text.read_text(encoding="utf-8")
    times = []
    for i in range(5):
        stand = get(url + "__stand")
        answer = {}

        def wait(stand=stand, answer=answer):
            answer["stand"] = get(f"{url}__stand?seit={stand}")
            answer["at"] = time.perf_counter()

        waiter = threading.Thread(target=wait)
        waiter.start()
        time.sleep(0.3)  # the page is now waiting in its long poll
        assert "stand" not in answer  # it waits: nothing changed yet
        saved = time.perf_counter()
        text.write_text(original + f"\nÄndring {i}.\n", encoding="utf-8")
        waiter.join(15)
        assert answer["stand"] != stand
        page = get(url)
        times.append(time.perf_counter() - saved)
        assert f"Ändring {i}." in page
    print(f"omladdning efter sparning: median {statistics.median(times):.3f} s "
          f"({', '.join(f'{t:.3f}' for t in times)})")


def test_unknown_path_is_404(server):
    srv, _ = server
    with pytest.raises(urllib.error.HTTPError) as exc:
        get(srv.url + "../../etc/passwd")
    assert exc.value.code == 404


def request(srv, path="/", host: str | None = "DEFAULT", timeout=30.0):
    """GET with an explicit Host header (None: no Host header at all); (status, body)."""
    import http.client

    port = srv.httpd.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.putrequest("GET", path, skip_host=True)
        if host == "DEFAULT":
            host = f"127.0.0.1:{port}"
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LocalHost:{port}",
                                  "[::1]:{port}"])
def test_loopback_host_names_with_the_bound_port_are_served(server, host):
    srv, _ = server
    port = srv.httpd.server_address[1]
    for path in ("/", "/2024-delar/", "/2024-delar/__stand"):
        status, body = request(srv, path, host.format(port=port))
        assert status == 200


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1",
                                  "127.0.0.1:{other}", "localhost.evil.example:{port}",
                                  "127.0.0.2:{port}", "0.0.0.0:{port}", None])
def test_any_other_host_is_refused_against_dns_rebinding(server, host):
    srv, _ = server
    port = srv.httpd.server_address[1]
    if host is not None:
        host = host.format(port=port, other=port + 1 if port < 65535 else port - 1)
    for path in ("/", "/2024-delar/", "/2024-delar/__stand", "/2024-delar/2024-delar.pdf",
                 "/2024-delar.pdf"):
        status, body = request(srv, path, host)
        assert status in (403, 421), (host, path, status)
        assert "Delårsrapport".encode() not in body


def test_concurrent_pdf_requests_render_once(server, monkeypatch):
    """One PDF render at a time per report: concurrent requests wait for it and share it."""
    import threading

    import rtnreport.render.pdf as pdf

    srv, _ = server
    lock = threading.Lock()
    state = {"running": 0, "most": 0, "calls": 0}

    def slow_pdf(html, *args, **kwargs):
        with lock:
            state["running"] += 1
            state["calls"] += 1
            state["most"] = max(state["most"], state["running"])
        time.sleep(0.5)
        with lock:
            state["running"] -= 1
        return b"%PDF-1.7 test"

    monkeypatch.setattr(pdf, "write_pdf", slow_pdf)
    results = []
    threads = [threading.Thread(target=lambda: results.append(request(srv, "/2024-delar.pdf")))
               for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [status for status, _ in results] == [200] * 6
    assert {body for _, body in results} == {b"%PDF-1.7 test"}
    assert state["most"] == 1 and state["calls"] == 1


def test_request_threads_are_bounded(server, monkeypatch):
    import threading

    import rtnreport.commands.serve as serve
    import rtnreport.render.pdf as pdf

    srv, _ = server
    release = threading.Event()

    def blocked_pdf(html, *args, **kwargs):
        release.wait(30)
        return b"%PDF-1.7 test"

    monkeypatch.setattr(pdf, "write_pdf", blocked_pdf)
    bound = getattr(serve, "MAX_THREADS", 8)
    before = threading.active_count()
    results = []
    clients = [threading.Thread(target=lambda: results.append(request(srv, "/2024-delar.pdf")))
               for _ in range(3 * bound)]
    for t in clients:
        t.start()
    time.sleep(1.5)
    server_threads = threading.active_count() - before - len(clients)
    release.set()
    for t in clients:
        t.join(60)
    assert server_threads <= bound
    assert [status for status, _ in results] == [200] * len(clients)
