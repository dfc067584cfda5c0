"""``rtnreport kolada``: import into a test project, the report's source line, hand values,
``check``'s comparison with the saved response, and failures that write nothing."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from rtnreport.__main__ import cli
from rtnreport.commands.kolada import run_kolada
from rtnreport.kolada.importera import ImportFailed
from rtnreport.loading import load_year
from rtnreport.project import Project

from .test_client import BASE, Fake, row

FIXTURE = Path(__file__).parent / "fixtures" / "pahittat-2024-delar.json"
TODAY = date(2026, 11, 30)
SOURCE = "Källa: Kolada (N00999, hämtad 2026-11-30)"
FOLLOWUP = "2024/2024-delar/indikatorer.yaml"
URL = f"{BASE}/data/kpi/N00999/municipality/0018/year/2019,2020,2021,2022,2023,2024"


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(copy_2024):
    """The shipped 2024 data; nystartade företag mapped with a kön breakdown and a series."""
    copy_2024.edit("2024/indikatorer.yaml", '''      uppdelningar:
        - dimension: lan
          omraden: ["0018", "0006", "0007", "0017", "0019"]
''', '''      serie: 3
      uppdelningar:
        - dimension: kon
''')
    return copy_2024


def pages():
    """Two pages linked by next_url, a 429 first, a null value and an isdeleted row."""
    first = {"count": 5, "values": [
        row("N00999", "0018", 2019, ("T", 6.9, False)),
        row("N00999", "0018", 2020, ("T", 7.4, False), ("K", 5.1, False), ("M", 9.6, False)),
        row("N00999", "0018", 2021, ("T", 8.0, False), ("K", 5.6, False), ("M", 10.3, False)),
    ], "next_url": f"{BASE}/data/page2"}
    second = {"count": 5, "values": [
        row("N00999", "0018", 2022, ("T", 8.3, False), ("K", 6.0, False), ("M", None, False)),
        row("N00999", "0018", 2023, ("T", 8.7, False), ("K", 6.2, False), ("M", 11.1, False)),
        row("N00999", "0018", 2024, ("T", 99.9, True)),
    ], "next_url": None}
    return Fake({URL: [(429, {}), (200, first)], f"{BASE}/data/page2": [(200, second)]})


def import_live(project, fake, **kw):
    return run_kolada(Project(project.root), "2024-delar", only=["nystartade-foretag-per-1000-invanare"],
                      transport=fake, sleep=lambda s: None, today=TODAY, **kw)


def test_import_writes_values_with_source_and_the_report_shows_them(project, tmp_path):
    fake = pages()
    result, written = import_live(project, fake, write_files=True)
    assert fake.calls == [URL, URL, f"{BASE}/data/page2"]  # 429, then both pages
    folder, _ = load_year(project.root / "data", "2024")
    own = folder.reports["2024-delar"].indikatorer.indikatorer["nystartade-foretag-per-1000-invanare"]
    # 2024's only value is deleted: the outcome is 2023's, marked with its source
    assert (own.utfall.varde, own.utfall.period) == (Decimal("8.7"), "2023")
    assert (own.utfall.kolada.kpi, own.utfall.kolada.hamtad) == ("N00999", TODAY)
    assert [(v.varde, v.period) for v in own.tidigare_utfall] == [(Decimal("8.3"), "2022")]
    kon = own.uppdelningar[0]
    assert (kon.dimension, kon.kolumner, kon.period) == ("kon", ["Kvinnor", "Män", "Totalt"], "2023")
    assert kon.rader[0].varden == [Decimal("6.2"), Decimal("11.1"), Decimal("8.7")]
    serie = own.serier[0]
    assert [(p.tid, p.varden) for p in serie.punkter] == [
        ("2021", [Decimal("8.0")]), ("2022", [Decimal("8.3")]), ("2023", [Decimal("8.7")])]
    saved = json.loads((project.path("2024/2024-delar/kolada/N00999.json")).read_text())
    assert saved["hamtad"] == "2026-11-30" and saved["count"] == 6
    assert sorted(p.name for p in written) == ["N00999.json", "indikatorer.yaml"]

    r = run(project.root, "build", "2024-delar", "--format", "html", "--out", str(tmp_path))
    assert r.exit_code == 0, r.output
    page = (tmp_path / "2024-delar.html").read_text(encoding="utf-8")
    assert page.count(SOURCE) == 3  # beside the utfall, under the kön table, in the chart caption
    rows = re.findall(r"(?s)<tr>\s*<th scope=\"row\">.*?</tr>", page)
    nyst = next(r for r in rows if "nystartade företag per 1 000" in r)
    cells = re.findall(r"(?s)<td>(.*?)</td>", nyst)
    assert "8,7" in cells[0] and SOURCE in cells[0]
    assert all("Kolada" not in c for c in cells[1:])  # nothing beside the computed status/trend
    hand = next(r for r in rows if "behörighet till gymnasieskolans" in r)
    assert "80,1" in hand and "Kolada" not in hand  # a hand-entered value names no source


def test_the_imported_file_keeps_its_comments_and_other_entries(project):
    before = project.path(FOLLOWUP).read_text(encoding="utf-8")
    import_live(project, pages(), write_files=True)
    after = project.path(FOLLOWUP).read_text(encoding="utf-8")
    assert after.splitlines()[:2] == before.splitlines()[:2]  # the header comments
    untouched = before.split("  brp-per-sysselsatt:")[1]
    assert untouched in after  # every later indicator byte for byte


@pytest.mark.parametrize("status", [503, "offline"])
def test_a_failing_fetch_leaves_the_data_untouched(project, status):
    before = digest(project.root / "data")

    def broken(url, timeout):
        if status == "offline":
            raise OSError("Network is unreachable")
        return status, {}, b""

    with pytest.raises(ImportFailed) as exc:
        import_live(project, broken, write_files=True)
    assert exc.value.exit_code == 2
    assert digest(project.root / "data") == before


def test_hand_edits_after_import_are_warned_by_check_and_kept_by_the_import(project):
    import_live(project, pages(), write_files=True)
    r = run(project.root, "check", "2024", "--no-cache", "--strict")
    assert r.exit_code == 0, r.output
    project.edit(FOLLOWUP, "varde: 8.7\n", "varde: 8.9\n")
    r = run(project.root, "check", "2024", "--no-cache")
    line = next(x for x in r.output.splitlines() if "sparade svaret" in x)
    assert re.search(r"data/2024/2024-delar/indikatorer\.yaml:6:14: varning:", line), line
    assert "8.9 men det sparade svaret från Kolada har 8.7" in line
    result, _ = import_live(project, pages())
    assert any("ändrat för hand efter importen" in k for k in result.kept)
    assert not result.changed
    result, _ = import_live(project, pages(), write_files=True, overwrite=True)
    assert "varde: 8.7\n" in project.path(FOLLOWUP).read_text(encoding="utf-8")
    assert run(project.root, "check", "2024", "--no-cache", "--strict").exit_code == 0


def test_check_warns_about_a_marked_value_without_saved_response(project):
    import_live(project, pages(), write_files=True)
    project.path("2024/2024-delar/kolada/N00999.json").unlink()
    r = run(project.root, "check", "2024", "--no-cache")
    assert "det sparade svaret för N00999 saknas" in r.output


def test_unknown_kpi_is_a_data_error_at_the_mapping(project):
    empty = {"count": 0, "values": []}
    fake = Fake({URL: [(200, empty)], f"{BASE}/kpi/N00999": [(404, {})]})
    with pytest.raises(ImportFailed) as exc:
        import_live(project, fake)
    assert exc.value.exit_code == 1
    pos = exc.value.problems[0].position
    assert pos.file.name == "indikatorer.yaml" and pos.line == 14  # the kpi: line of the plan


def test_an_area_without_a_name_is_an_error_in_check(project):
    project.edit("2024/indikatorer.yaml", '- dimension: kon\n',
                 '- dimension: lan\n          omraden: ["1280"]\n')
    r = run(project.root, "check", "2024", "--no-cache")
    assert r.exit_code == 1
    assert "vet inte vad Kolada-området '1280' heter" in r.output


# ---------------------------------------------------------------------------
# The shipped data with a saved response (invented values).


def test_dry_run_on_the_shipped_data_prints_the_changes_and_writes_nothing():
    before = digest(ROOT / "data")
    r = run(ROOT, "kolada", "2024-delar", "--from-file", str(FIXTURE))
    assert r.exit_code == 0, r.output
    assert "+++ b/data/2024/2024-delar/indikatorer.yaml" in r.output
    assert "nystartade-foretag-per-1000-invanare: utfall 20.22 (2023) (ny)" in r.output
    assert "behåller utfall 80.1 (2023) (inmatat för hand)" in r.output
    assert "hoppar över 'eftergymnasial-utbildning-25-50-ar'" in r.output
    assert "Inget är skrivet" in r.output
    assert digest(ROOT / "data") == before


def test_write_on_a_copy_of_the_shipped_data_keeps_check_clean(copy_2024):
    root = copy_2024.root
    plan_before = copy_2024.path("2024/indikatorer.yaml").read_bytes()
    r = run(root, "kolada", "2024-delar", "--from-file", str(FIXTURE), "--write")
    assert r.exit_code == 0, r.output
    assert "skrev data/2024/2024-delar/indikatorer.yaml" in r.output
    assert copy_2024.path("2024/indikatorer.yaml").read_bytes() == plan_before  # never the plan
    r = run(root, "check", "2024", "--no-cache", "--strict")
    assert r.exit_code == 0, r.output
    assert "0 fel, 0 varningar" in r.output
    r = run(root, "kolada", "2024-delar", "--from-file", str(FIXTURE))
    assert "inga ändringar från Kolada" in r.output  # a second import changes nothing
    r = run(root, "kolada", "2024-delar", "--from-file", str(FIXTURE), "--write",
            "--overwrite", "--indikator", "behorighet-gymnasieskolan")
    assert "ersätter utfall 80.1 (2023) med 60.22 (2023)" in r.output


def test_avviker_is_imported_only_when_named(copy_2024):
    r = run(copy_2024.root, "kolada", "2024-delar", "--from-file", str(FIXTURE),
            "--indikator", "eftergymnasial-utbildning-25-50-ar")
    assert r.exit_code == 1  # named, so fetched: the saved response has no N01982
    assert "svaret har inga värden för N01982" in r.output


@pytest.mark.parametrize(("args", "code", "message"), [
    (["2024-helar"], 2, "okänd rapport '2024-helar'"),
    (["2024-delar", "--indikator", "nystartade-foretag"], 2, "menade du"),
    (["2024-delar", "--from-file", "saknas.json"], 2, "kan inte läsa"),
])
def test_usage_errors(copy_2024, args, code, message):
    r = run(copy_2024.root, "kolada", *args)
    assert r.exit_code == code and message in r.output, r.output


def test_a_from_file_that_is_not_a_kolada_response(copy_2024, tmp_path):
    bad = tmp_path / "svar.json"
    bad.write_text('{"data": []}', encoding="utf-8")
    r = run(copy_2024.root, "kolada", "2024-delar", "--from-file", str(bad))
    assert r.exit_code == 2 and "har inte Koladas form" in r.output
