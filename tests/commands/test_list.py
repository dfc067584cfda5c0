"""rtnreport list reads each year's rapporter.yaml and nothing else of the data."""

from __future__ import annotations

from click.testing import CliRunner

from rtnreport.__main__ import cli
from rtnreport.commands.list import format_rows, report_rows
from rtnreport.project import Project


def test_list_validates_no_year_and_reads_only_rapporter(copy_2024, monkeypatch):
    import rtnreport.loading as loading

    def no_year(*args, **kwargs):
        raise AssertionError("list must not load a whole year")

    monkeypatch.setattr(loading, "load_year", no_year)
    copy_2024.write("2024/mal.yaml", "mal: [trasig\n")  # a year that does not check
    opened: list[str] = []
    real = loading.load_file

    def counting(path, *args, **kwargs):
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loading, "load_file", counting)
    rows = report_rows(Project(copy_2024.root))
    assert [(r.id, r.typ, r.buildable, r.state) for r in rows] == \
        [("2024-delar", "delar", True, "ej byggd")]
    assert rows[0].title.startswith("Delårsrapport")
    assert opened == [str(copy_2024.path("2024/rapporter.yaml"))]


def test_list_command_prints_the_rows(copy_2024):
    r = CliRunner().invoke(cli, ["--project", str(copy_2024.root), "list"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == format_rows(report_rows(Project(copy_2024.root)))


def test_a_report_file_that_does_not_load_is_shown_as_unreadable(copy_2024):
    copy_2024.edit("2024/rapporter.yaml", "typ: delar", "typ: 17")
    rows = report_rows(Project(copy_2024.root))
    assert rows[0].typ == "?" and "kan inte läsas" in rows[0].title
