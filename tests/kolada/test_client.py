"""The Kolada client: paging, batching, retries, timeouts and errors, over a fake transport.

The last test runs the real urllib transport against a loopback-only http.server.
"""

from __future__ import annotations

import json
import threading
import urllib.error
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rtnreport.kolada.client import KoladaClient, KoladaError, urllib_transport
from rtnreport.kolada.svar import Svar


def row(kpi, area, year, *values):
    return {"kpi": kpi, "municipality": area, "period": year,
            "values": [{"gender": g, "count": 1, "status": "", "value": v, "isdeleted": d}
                       for g, v, d in values]}


class Fake:
    """A transport answering from a dict URL → list of (status, body) used in turn."""

    def __init__(self, answers: dict[str, list[tuple[int, object]]], headers=None):
        self.answers = answers
        self.calls: list[str] = []
        self.headers = headers or {}

    def __call__(self, url: str, timeout: float):
        self.calls.append(url)
        queue = self.answers.get(url)
        assert queue, f"unexpected request {url}"
        status, body = queue.pop(0) if len(queue) > 1 else queue[0]
        return status, dict(self.headers), json.dumps(body).encode()


BASE = "https://api.kolada.se/v3"


def client(fake, **kw):
    waits: list[float] = []
    c = KoladaClient(transport=fake, sleep=waits.append, **kw)
    return c, waits


def test_pages_are_followed_by_next_url_and_by_v2s_next_page():
    u1 = f"{BASE}/data/kpi/N00999/municipality/0018/year/2022,2023"
    fake = Fake({
        u1: [(200, {"count": 2, "values": [row("N00999", "0018", 2022, ("T", 8.1, False))],
                    "next_url": f"{BASE}/data/page2"})],
        f"{BASE}/data/page2": [(200, {"count": 2, "values": [
            row("N00999", "0018", 2023, ("T", 8.7, False))], "next_page": "/v3/data/page3"})],
        f"{BASE}/data/page3": [(200, {"count": 2, "values": [], "next_url": None})],
    })
    c, _ = client(fake)
    rows = c.data("N00999", ["0018"], [2023, 2022])
    assert [r["period"] for r in rows] == [2022, 2023]
    assert fake.calls == [u1, f"{BASE}/data/page2", f"{BASE}/data/page3"]
    assert rows[1]["values"][0]["value"] == Decimal("8.7")  # parsed as Decimal, not float


def test_at_most_25_ids_per_path_segment():
    areas = [f"{n:04d}" for n in range(1800, 1830)]
    c, _ = client(Fake({}))
    urls = c.data_urls("N00999", areas, [2023])
    assert len(urls) == 2
    segments = [u.split("/municipality/")[1].split("/year/")[0].split(",") for u in urls]
    assert [len(s) for s in segments] == [25, 5]
    assert sorted(a for s in segments for a in s) == areas


def test_429_then_success_waits_as_told():
    url = f"{BASE}/data/kpi/N00999/municipality/0018/year/2023"
    ok = {"count": 1, "values": [row("N00999", "0018", 2023, ("T", 8.7, False))]}
    fake = Fake({url: [(429, {}), (503, {}), (200, ok)]}, headers={"Retry-After": "2"})
    c, waits = client(fake)
    rows = c.data("N00999", ["0018"], [2023])
    assert len(rows) == 1 and len(fake.calls) == 3
    assert waits == [2.0, 2.0]


def test_back_off_doubles_without_retry_after_and_gives_up_with_exit_2():
    url = f"{BASE}/data/kpi/N00999/municipality/0018/year/2023"
    c, waits = client(Fake({url: [(503, {})]}), retries=3, backoff=0.5)
    with pytest.raises(KoladaError) as exc:
        c.data("N00999", ["0018"], [2023])
    assert waits == [0.5, 1.0, 2.0]
    assert exc.value.exit_code == 2 and "efter 4 försök" in str(exc.value)


def test_offline_and_timeout_are_environment_errors_in_swedish():
    def offline(url, timeout):
        raise urllib.error.URLError("Temporary failure in name resolution")

    def slow(url, timeout):
        raise TimeoutError("timed out")

    with pytest.raises(KoladaError) as exc:
        KoladaClient(transport=offline).data("N00999", ["0018"], [2023])
    assert exc.value.exit_code == 2
    assert "kan inte nå Kolada" in str(exc.value) and "--from-file" in str(exc.value)
    with pytest.raises(KoladaError) as exc:
        KoladaClient(transport=slow, timeout=7).data("N00999", ["0018"], [2023])
    assert exc.value.exit_code == 2 and "inom 7 s" in str(exc.value)


def test_unknown_kpi_and_unknown_area_are_data_errors():
    empty = {"count": 0, "values": []}
    fake = Fake({f"{BASE}/data/kpi/N99999/municipality/0018/year/2023": [(200, empty)],
                 f"{BASE}/kpi/N99999": [(200, empty)]})
    with pytest.raises(KoladaError) as exc:
        client(fake)[0].data("N99999", ["0018"], [2023])
    assert exc.value.exit_code == 1 and exc.value.kpi == "N99999" and not exc.value.omraden
    fake = Fake({
        f"{BASE}/data/kpi/N00999/municipality/0018,0099/year/2023": [(200, {"values": [
            row("N00999", "0018", 2023, ("T", 8.7, False))]})],
        f"{BASE}/municipality/0099": [(200, empty)]})
    with pytest.raises(KoladaError) as exc:
        client(fake)[0].data("N00999", ["0018", "0099"], [2023])
    assert exc.value.exit_code == 1 and exc.value.omraden == ("0099",)
    assert "0099" in str(exc.value)


def test_null_is_missing_deleted_is_absent_and_kon_is_kept():
    svar = Svar()
    svar.add_rows([row("N17457", "0018", 2023, ("T", Decimal("72.4"), False),
                       ("K", Decimal("74.9"), False), ("M", None, False),
                       ("T", Decimal("99.9"), True))], "test")
    assert svar.get("N17457", "0018", 2023, "T") == Decimal("72.4")  # the deleted row is gone
    assert svar.get("N17457", "0018", 2023, "K") == Decimal("74.9")
    assert svar.has("N17457", "0018", 2023, "M") and svar.get("N17457", "0018", 2023, "M") is None
    assert not svar.has("N17457", "0018", 2022, "T")


def test_loopback_server_end_to_end_with_the_urllib_transport():
    """The real transport against http.server on 127.0.0.1: a 429, then two pages."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            hits.append(self.path)
            if len(hits) == 1:
                self.send_response(429)
                self.send_header("Retry-After", "0")
                self.end_headers()
                return
            if self.path.startswith("/v3/data/kpi/"):
                body = {"count": 2, "values": [row("N00914", "0018", 2022, ("T", 80.1, False))],
                        "next_url": f"http://127.0.0.1:{port}/v3/next"}
            else:
                body = {"count": 2, "values": [row("N00914", "0018", 2023, ("T", None, False))]}
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        c = KoladaClient(transport=urllib_transport, base_url=f"http://127.0.0.1:{port}/v3",
                         timeout=5, sleep=lambda s: None)
        rows = c.data("N00914", ["0018"], [2022, 2023])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert [r["period"] for r in rows] == [2022, 2023]
    assert rows[1]["values"][0]["value"] is None
    assert hits[0] == hits[1] and hits[2] == "/v3/next"
