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
    css = project.root / "templates" / "report.css"
    css.write_text(css.read_text() + "\n.provmarkering { color: red; }\n")
    assert wait_for(lambda: get(srv.url + "__stand") != stand)
    assert ".provmarkering" in get(srv.url)


def test_unknown_path_is_404(server):
    srv, _ = server
    with pytest.raises(urllib.error.HTTPError) as exc:
        get(srv.url + "../../etc/passwd")
    assert exc.value.code == 404
