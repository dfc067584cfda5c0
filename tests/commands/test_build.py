"""``rtnreport build`` without the PDF step: ids, atomic output, refusal on bad data, JSON."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from rtnreport.__main__ import cli


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def built_html(root, out, report):
    """Build ``report`` as HTML into ``out`` through the CLI and return the page."""
    r = run(root, "build", report, "--format", "html", "--out", str(out))
    assert r.exit_code == 0, r.output
    return (out / f"{report}.html").read_text(encoding="utf-8")


def test_unknown_report_lists_the_known_ones(project_root, tmp_path):
    r = run(project_root, "build", "2024-helar", "--out", str(tmp_path))
    assert r.exit_code == 2
    assert "okänd rapport '2024-helar'" in r.output and "2024-delar" in r.output


def test_no_report_given(project_root):
    r = run(project_root, "build")
    assert r.exit_code == 2 and "2024-delar" in r.output


def test_html_build_writes_one_standalone_file(project_root, tmp_path):
    r = run(project_root, "build", "2024-delar", "--format", "html", "--out", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2024-delar.html"]
    html = (tmp_path / "2024-delar.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert "<script" not in html and "<link" not in html and "<style>" in html


def test_bad_data_builds_nothing_and_leaves_the_previous_outputs(copy_2024, tmp_path):
    out = tmp_path / "out"
    assert run(copy_2024.root, "build", "2024-delar", "--format", "html", "--format", "json",
               "--out", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(before) == {"2024-delar.html", "2024-delar.json"}
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4", "      budget_ack: 60,4")
    r = run(copy_2024.root, "build", "2024-delar", "--format", "html", "--format", "json",
            "--out", str(out))
    assert r.exit_code == 1
    assert "decimalkomma" in r.output and "byggdes inte" in r.output and "orörda" in r.output
    # the last good outputs are kept as they were, and no temp file is left
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    # but they are no longer taken for fresh: fixing the data builds again
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "      budget_ack: 60,4", "      budget_ack: 60.4")
    again = run(copy_2024.root, "build", "2024-delar", "--format", "html", "--out", str(out))
    assert again.exit_code == 0 and "Skrev" in again.output


def test_json_export_has_every_computed_table(project_root, tmp_path):
    r = run(project_root, "build", "2024-delar", "--format", "json", "--out", str(tmp_path))
    assert r.exit_code == 0, r.output
    payload = json.loads((tmp_path / "2024-delar.json").read_text(encoding="utf-8"))
    assert set(payload["tabeller"]) >= {
        "resultatrapport", "driftredovisning", "investeringar", "handlingsplan", "lonekostnad",
        "kostnadsanalys", "arsarbetare-avtalad-sysselsattningsgrad",
        "arsarbetare-exkl-tjanstlediga", "sjukfranvaro"}
    rr = {r["id"]: r for r in payload["tabeller"]["resultatrapport"]["rader"]}
    # 59,9 + 16,4 computes to 76,3; the source's 76,2 agrees within rounding and is shown
    assert rr["summa_intakter"]["varden"]["utfall_ack"] == "76.2"
    assert "utfall_ack" in rr["summa_intakter"]["publicerade"]
    assert rr["erhallna_bidrag"]["publicerade"] == ["budgetavvikelse_ack", "prognosavvikelse"]
    assert rr["summa_intakter"]["beraknad"] is True
    summary = {s["kategori"]: s for s in payload["sammanfattning"]}
    assert summary["uppdrag"]["visas"] == {"gron": 1, "gul": 5, "rod": 0, "fran_publicerad": False}
    assert summary["effektmal"]["visas"]["fran_publicerad"] is True
    assert len(payload["indikatorer"]) == 24


def test_report_shows_computed_not_typed_figures(project_root, tmp_path):
    run(project_root, "build", "2024-delar", "--format", "html", "--out", str(tmp_path))
    html = (tmp_path / "2024-delar.html").read_text(encoding="utf-8")
    # Summa intäkter utfall ack: computed 59,9 + 16,4 = 76,3; published 76,2 agrees and is shown
    import re
    row = re.search(r'<th scope="row">Summa intäkter</th>\s*<td class="num">([^<]*)</td>', html)
    assert row and row.group(1) == "76,2"
    # kostnadsanalys Timanställda: the published −17,2 % (from unrounded values), not −20,0
    assert "\u221217,2" in html and "\u221220,0" not in html
    # the handlingsplan prose cites the table instead of the published 14,9
    assert "ackumulerad effekt på 14,8 miljoner kronor" in html
    assert "hade 16,7 åa av dessa" in html
    # kostnadsanalys: minus sign, never #DIVISION/0!
    assert "\u221249,0" in html and "#DIV" not in html


def test_verksamhetsberattelse_2023_helar(project_root, tmp_path):
    html = built_html(project_root, tmp_path, "2023-vb")
    for heading in ("4.2 Årets resultat", "6 Framtida utmaningar", "7 Intern styrning och kontroll",
                    "7.2 ISK-bedömning", "Indikatorer, status för perioden vid helår",
                    "Resultat helår", "Utfalls\u00adavvikelse"):
        assert heading in html, heading
    assert "#DIV" not in html
    # the kostnadsanalys rows with a zero base show – where 2023 printed #DIVISION/0!
    assert html.count('<td class="num">\u2013</td>') >= 2


def test_verksamhetsplan_2025(project_root, tmp_path):
    html = built_html(project_root, tmp_path, "2025-vp")
    for heading in ("Senast kända värde", "Årets målvärde", "Långsiktigt målvärde",
                    "Resultatbudget", "Driftbudget", "Investeringsbudget",
                    "Ekonomiska nyckeltal", "Internkontrollplan", "Målsättning nr 4"):
        assert heading in html, heading


def test_vp_forslag_2026_marks_new_and_changed_from_the_diff(project_root, tmp_path):
    html = built_html(project_root, tmp_path, "2026-vp-forslag")
    assert "Sammanfattning av uppdrag till regional tillväxtnämnd (17 st)" in html
    assert "Tidiga insatser för barn och unga" in html
    assert "badge-ny" in html and "(tidigare nr 19)" in html  # Nr 19 → Nr 27
    assert "Ramanslag netto" in html and "151,3" in html
    assert "4,5&nbsp;mnkr" in html  # the change against 2025, computed (151,3 − 146,8)
    assert "Förändringar mot 2025" in html and "<del>" in html


def test_rus_2025_explains_its_colours(project_root, tmp_path):
    html = built_html(project_root, tmp_path, "2025-rus")
    assert "riktning och takt mot strategins mål" in html
    assert "inte samma sak som färgerna i nämndens" in html
    assert "De tio prioriterade områdena" in html
    assert "Områden där Örebro län har särskilda utmaningar" in html


@pytest.fixture
def keep_files(copy_2024, tmp_path):
    """Files outside the output folder that a hostile report id points at."""
    outside = tmp_path / "some" / "where"
    outside.mkdir(parents=True)
    files = [outside / "keep.html", outside / "keep.pdf", copy_2024.root / "README.html",
             copy_2024.root / "README.pdf"]
    for f in files:
        f.write_text("viktigt\n", encoding="utf-8")
    return outside, files


@pytest.mark.parametrize("hostile", ["ABSOLUTE", "../README"])
@pytest.mark.parametrize("data_ok", [True, False])
def test_a_report_id_that_is_not_a_slug_never_touches_a_path(copy_2024, keep_files, hostile,
                                                              data_ok):
    outside, files = keep_files
    rid = str(outside / "keep") if hostile == "ABSOLUTE" else hostile
    copy_2024.edit("2024/rapporter.yaml", "  - id: 2024-delar", f"  - id: '{rid}'")
    if not data_ok:
        copy_2024.edit("2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4", "      budget_ack: 60,4")
    out = copy_2024.root / "build"
    r = run(copy_2024.root, "build", rid, "--format", "html", "--format", "json")
    assert r.exit_code == 1, r.output
    assert "rapport-id" in r.output and "fel form" in r.output and "rapporter.yaml:3:" in r.output
    for f in files:
        assert f.read_text(encoding="utf-8") == "viktigt\n"
    assert sorted(p.name for p in outside.iterdir()) == ["keep.html", "keep.pdf"]
    assert not out.exists() or list(out.iterdir()) == []
    listed = run(copy_2024.root, "list")
    assert listed.exit_code == 0 and "ogiltigt id" in listed.output


def _previous_outputs(copy_2024, out):
    assert run(copy_2024.root, "build", "2024-delar", "--format", "json", "--format", "html",
               "--out", str(out)).exit_code == 0
    # a change, so the next build really writes
    copy_2024.edit("2024/uppdrag.yaml", "Stötta", "Stödja")
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_a_full_disk_writes_all_formats_or_none_and_exits_2(copy_2024, tmp_path):
    """The file size limit (ulimit -f) fails the larger output, as a full disk would."""
    import resource
    import signal
    import subprocess
    import sys

    out = tmp_path / "out"
    before = _previous_outputs(copy_2024, out)
    limit = (len(before["2024-delar.json"]) + len(before["2024-delar.html"])) // 2
    assert len(before["2024-delar.json"]) < limit < len(before["2024-delar.html"])

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = subprocess.run([sys.executable, "-m", "rtnreport", "--project", str(copy_2024.root),
                        "build", "2024-delar", "--format", "json", "--format", "html",
                        "--out", str(out)], capture_output=True, text=True,
                       preexec_fn=small_disk, timeout=120)
    assert r.returncode == 2, r.stderr
    assert "kan inte skriva" in r.stderr and "2024-delar.html" in r.stderr
    assert "Traceback" not in r.stderr and "internt fel" not in r.stderr
    # neither the json (which fitted) nor the html was replaced; no temporaries
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("code, words", [(30, "skrivskyddat"), (13, "skrivskyddad"),
                                         (28, "disken är full")])
def test_a_read_only_or_full_output_folder_is_exit_2(copy_2024, tmp_path, monkeypatch, code,
                                                     words):
    import tempfile

    out = tmp_path / "out"
    before = _previous_outputs(copy_2024, out)

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    r = run(copy_2024.root, "build", "2024-delar", "--format", "json", "--format", "html",
            "--out", str(out))
    assert r.exit_code == 2, r.output
    assert "kan inte skriva" in r.output and words in r.output and "internt fel" not in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("value", ["abc", "-5", "1.5", "99999999999999999999", "1e9", "٣٣"])
def test_a_malformed_source_date_epoch_is_exit_2(project_root, tmp_path, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    r = run(project_root, "build", "2024-delar", "--format", "pdf", "--out", str(tmp_path))
    assert r.exit_code == 2, r.output
    assert "SOURCE_DATE_EPOCH" in r.output and "internt fel" not in r.output
    assert list(tmp_path.iterdir()) == []


def test_build_prints_warnings_and_strict_stops_it(copy_2024, tmp_path):
    copy_2024.edit("2024/2024-delar/indikatorer.yaml",
                   "värdet avser 2023.\n    bedomning:\n      status: null",
                   "värdet avser 2023.\n    bedomning:\n      status: helt")
    out = tmp_path / "out"
    r = run(copy_2024.root, "build", "2024-delar", "--format", "html", "--out", str(out))
    assert r.exit_code == 0
    assert "varning: indikatorn 'behorighet-gymnasieskolan': status 'helt'" in r.output
    assert "1 varning ovan" in r.output
    strict = run(copy_2024.root, "build", "2024-delar", "--format", "json", "--out", str(out),
                 "--strict")
    assert strict.exit_code == 1 and "varningar och --strict" in strict.output
    assert not (out / "2024-delar.json").exists()  # nothing written


def test_pdf_progress_is_swedish():
    from rtnreport.commands.messages import pdf_step

    assert pdf_step("Step 5 - Creating layout - Page 12") == "lägger ut sidorna, sida 12"
    assert pdf_step("Step 1 - Fetching and parsing HTML") == "läser HTML"
