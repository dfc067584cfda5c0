"""The live preview: serves on loopback, follows edits, shows data errors, recovers."""

from __future__ import annotations

import time
import urllib.request

import pytest

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
    srv = Server(Project(copy_2024.root), "2024-delar", "2024", port=0, interval=0.1)
    srv.start()
    yield srv, copy_2024
    srv.stop()


def test_preview_follows_edits_and_shows_errors(server):
    srv, project = server
    assert srv.url.startswith("http://127.0.0.1:")
    page = get(srv.url)
    assert "<h1>" in page and "Delårsrapport" in page and "/__stand" in page
    assert 'href="/2024-delar.pdf"' in page
    stand = get(srv.url + "__stand")

    project.edit("2024/2024-delar/text/inledning.md", "I Örebro län finns", "I hela Örebro län finns")
    assert wait_for(lambda: get(srv.url + "__stand") != stand)
    assert "I hela Örebro län finns" in get(srv.url)

    project.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    assert wait_for(lambda: "kan inte visas" in get(srv.url))
    page = get(srv.url)
    assert "ekonomi.yaml:" in page and "decimalkomma" in page

    project.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60,4", "budget_ack: 60.4")
    assert wait_for(lambda: "kan inte visas" not in get(srv.url))


def test_template_change_is_picked_up(server):
    srv, project = server
    stand = get(srv.url + "__stand")
    css = project.root / "templates" / "extra.css"  # a project's own additions to the stock CSS
    css.parent.mkdir(exist_ok=True)
    css.write_text("\n.provmarkering { color: red; }\n")
    assert wait_for(lambda: get(srv.url + "__stand") != stand)
    assert ".provmarkering" in get(srv.url)


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
    status, body = request(srv, "/__stand", host.format(port=port))
    assert status == 200


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1",
                                  "127.0.0.1:{other}", "localhost.evil.example:{port}",
                                  "127.0.0.2:{port}", "0.0.0.0:{port}", None])
def test_any_other_host_is_refused_against_dns_rebinding(server, host):
    srv, _ = server
    port = srv.httpd.server_address[1]
    if host is not None:
        host = host.format(port=port, other=port + 1 if port < 65535 else port - 1)
    for path in ("/", "/__stand", "/2024-delar.pdf"):
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
