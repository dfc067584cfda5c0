"""axe-core in Debian's headless Chromium finds no violation (slow): WCAG 2.1 A and AA and
axe's best-practice rules, every impact, on the five reports and the index of reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from rtnreport.commands.build import build_report
from rtnreport.project import Project

pytestmark = pytest.mark.slow

CHROME_OPTIONS = ("headless=new,no-sandbox,disable-gpu,disable-background-networking,"
                  "disable-component-update,disable-sync,no-first-run")


def _tools() -> tuple[str, str, str]:
    axe = ROOT / "node_modules" / ".bin" / "axe"
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    missing = [n for n, p in (("axe (npm @axe-core/cli)", axe.exists() or None),
                              ("chromium", chromium), ("chromedriver", driver)) if not p]
    if missing:
        if os.environ.get("CI") or os.environ.get("RTNREPORT_REQUIRE_AXE"):
            pytest.fail(f"missing {', '.join(missing)}; .ci/run installs them")
        pytest.skip(f"missing {', '.join(missing)}")
    return str(axe), chromium, driver  # type: ignore[return-value]


TAGS = "wcag2a,wcag2aa,wcag21a,wcag21aa,best-practice"


@pytest.mark.parametrize("report", ["2024-delar", "2023-vb", "2025-vp", "2026-vp-forslag",
                                    "2025-rus", "index"])
def test_html_has_no_axe_violations(tmp_path, report):
    axe, chromium, driver = _tools()
    if report == "index":
        from rtnreport.render.index import write_index

        assert build_report(Project(ROOT), "2025-rus", tmp_path, ("html",)).ok
        write_index(Project(ROOT), tmp_path)
    else:
        result = build_report(Project(ROOT), report, tmp_path, ("html",))
        assert result.ok
    html = tmp_path / f"{report}.html"
    saved = tmp_path / "axe.json"
    proc = subprocess.run(
        [axe, html.as_uri(), "--chromedriver-path", driver, "--chrome-path", chromium,
         f"--chrome-options={CHROME_OPTIONS}", "--tags", TAGS, "--save", saved.name,
         "--load-delay", "200"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert saved.exists(), proc.stdout + proc.stderr
    runs = json.loads(saved.read_text())
    assert runs and runs[0]["url"].endswith(f"{report}.html")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in runs[0]["violations"]]
    assert bad == [], bad
    assert len(runs[0]["passes"]) > 15  # axe really looked at the page
    assert any("best-practice" in p["tags"] for p in runs[0]["passes"])
