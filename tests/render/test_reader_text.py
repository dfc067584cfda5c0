"""Reports speak to their readers: no word about sources, extraction or transcription.

That is provenance for analysts (``kalla:`` notes, ``check -v``).  Builds all
five shipped reports, HTML and PDF (slow).
"""

from __future__ import annotations

import html as htmllib
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, require_tool
from rtnreport.commands.build import build_all
from rtnreport.project import Project

pytestmark = pytest.mark.slow

REPORTS = ["2023-vb", "2024-delar", "2025-rus", "2025-vp", "2026-vp-forslag"]

PROVENANCE = re.compile(
    r"källdokument|källtext|textextraktion|extraktion|extraction|transkri|transcri"
    r"|saknas i underlaget|finns inte i underlaget|framgår inte av underlaget"
    r"|gick förlorad|härledd|kalla:", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("alla")
    results = build_all(Project(ROOT), out, ("html", "pdf"), jobs=2, force=True)
    assert [r.report_id for r in results] == REPORTS
    assert all(r.ok for r in results), [p.message for r in results for p in r.problems]
    return out


def _visible_text(html: str) -> str:
    body = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("report", REPORTS)
def test_html_never_talks_about_its_sources(built, report):
    text = _visible_text((built / f"{report}.html").read_text(encoding="utf-8"))
    found = sorted({m.group(0).lower() for m in PROVENANCE.finditer(text)})
    assert found == [], f"{report}: {found}"


@pytest.mark.parametrize("report", REPORTS)
def test_pdf_never_talks_about_its_sources(built, report):
    exe = require_tool("pdftotext")
    text = subprocess.run([exe, str(built / f"{report}.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    found = sorted({m.group(0).lower() for m in PROVENANCE.finditer(text)})
    assert found == [], f"{report}: {found}"


def test_unknown_colours_are_explained_neutrally(built):
    text = _visible_text((built / "2024-delar.html").read_text(encoding="utf-8"))
    # 2024's lost goal colours: a neutral word, and the legend says what "–" means
    assert "Uppgift saknas" in text
    assert "Ej bedömd" not in text  # every item of the 2024 follow-up was assessed


def test_the_word_list_catches_what_it_should():
    assert PROVENANCE.search("Färg saknas i underlaget: symbolen gick förlorad i källdokumentet")
    assert PROVENANCE.search("Värdena är uppskattade av textextraktionen")
    assert not PROVENANCE.search("beräknas som en årsarbetare i underlaget")  # the committee's words
