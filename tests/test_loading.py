"""Loading a year: Pydantic errors mapped to file:line:col in plain Swedish."""

from __future__ import annotations

from rtnreport.loading import load_year
from rtnreport.validate import check_year

UPPDRAG_OK = """
uppdrag:
  - id: uppdrag-a
    text: Gör något.
    mal: effektmal-a
"""

MAL_OK = """
perspektiv:
  - id: invanare_och_samhalle
    rubrik: Invånare och samhälle
    poster:
      - typ: effektmal
        id: effektmal-a
        nummer: 5
        text: Ett effektmål.
      - typ: mal
        id: fokus-a
        kategori: fokusomrade
        nummer: 5.1.1
        text: Ett mål.
        effektmal: effektmal-a
"""


def errors_of(tmp_project, year="2099"):
    data, problems = load_year(tmp_project.root / "data", year)
    problems += check_year(data)
    return data, problems


def test_valid_year_loads(tmp_project):
    tmp_project.write("2099/mal.yaml", MAL_OK)
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK)
    data, problems = errors_of(tmp_project)
    assert problems == []
    assert data.mal.perspektiv[0].poster[0].nummer == "5"
    assert data.mal.perspektiv[0].poster[1].nummer == "5.1.1"


def test_typo_in_key_suggests_the_field(tmp_project):
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK.replace("    mal:", "    mall:"))
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert p.message == "okänt fält 'mall'"
    assert p.hint == "menade du 'mal'?"
    assert (p.position.line, p.position.col) == (4, 5)


def test_text_where_number_belongs(tmp_project):
    tmp_project.write("2099/indikatorer.yaml", """
        indikatorer:
          - id: ind-a
            mal: effektmal-a
            text: En indikator.
            utfall: {varde: ungefär åtta}
        """)
    _, problems = errors_of(tmp_project)
    (p,) = [p for p in problems if p.level == "error"]
    assert "väntade ett tal, fick texten 'ungefär åtta'" in p.message
    assert p.position.line == 5


def test_decimal_comma_gets_a_precise_hint(tmp_project):
    tmp_project.write("2099/indikatorer.yaml", """
        indikatorer:
          - id: ind-a
            mal: effektmal-a
            text: En indikator.
            utfall:
              varde: 80,1
        """)
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "decimalkomma" in p.message and "80.1" in p.message
    assert (p.position.line, p.position.col) == (6, 14)


def test_sexagesimal_in_number_field_is_an_error_not_90(tmp_project):
    tmp_project.write("2099/indikatorer.yaml", """
        indikatorer:
          - id: ind-a
            mal: effektmal-a
            text: En indikator.
            utfall: {varde: 1:30}
        """)
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "'1:30'" in p.message


def test_norway_problem_is_an_error_in_an_enum(tmp_project):
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK + "    bedomning: {status: no}\n")
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "ogiltigt värde 'no'" in p.message and "gron, gul, rod" in p.message


def test_missing_id(tmp_project):
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK.replace("  - id: uppdrag-a\n    text", "  - text"))
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert p.message.startswith("fältet 'id' saknas")
    assert p.position.line == 2


def test_bad_id_slug(tmp_project):
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK.replace("uppdrag-a", "Uppdrag Å"))
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "inget giltigt id" in p.message


def test_duplicate_ids_across_files(tmp_project):
    tmp_project.write("2099/mal.yaml", MAL_OK)
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK.replace("uppdrag-a", "fokus-a"))
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "id 'fokus-a' används redan" in p.message
    assert p.position.file.name == "uppdrag.yaml"


def test_reference_to_missing_goal(tmp_project):
    tmp_project.write("2099/mal.yaml", MAL_OK)
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK.replace("mal: effektmal-a", "mal: finns-inte"))
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert p.message == "målet 'finns-inte' finns inte i mal.yaml"
    assert p.position.line == 4
    assert "effektmal-a" in p.hint


def test_goal_must_point_at_an_effektmal(tmp_project):
    tmp_project.write("2099/mal.yaml", MAL_OK.replace("effektmal: effektmal-a", "effektmal: fokus-a"))
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "är en mal, väntade effektmal" in p.message


def test_unknown_union_tag(tmp_project):
    tmp_project.write("2099/mal.yaml", MAL_OK.replace("typ: mal", "typ: maal"))
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "ogiltig typ 'maal'" in p.message
    assert (p.position.line, p.position.col) == (9, 14)


def test_unknown_file_is_a_warning_with_suggestion(tmp_project):
    tmp_project.write("2099/mal.yaml", MAL_OK)
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK)
    tmp_project.write("2099/upprdag.yaml", UPPDRAG_OK)
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert p.level == "warning" and "menade du 'uppdrag.yaml'" in p.hint


def test_bad_date(tmp_project):
    tmp_project.write("2099/rapporter.yaml", """
        rapporter:
          - id: 2099-delar
            typ: delar
            titel: Delårsrapport
            namnd: Nämnden
            forvaltning: Förvaltningen
            period: {fran: 2099-01-01, till: 2099-02-30}
            status: beslutad
        """)
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "inget giltigt datum" in p.message
    assert p.position.line == 7


def test_every_model_error_in_a_file_is_reported(tmp_project):
    tmp_project.write("2099/uppdrag.yaml", """
        uppdrag:
          - id: a
            text: x
            fel1: 1
          - id: b
            text: y
            fel2: 2
        """)
    _, problems = errors_of(tmp_project)
    assert [p.position.line for p in problems] == [4, 7]


def test_non_utf8_text_file(tmp_project):
    tmp_project.write("2099/uppdrag.yaml", UPPDRAG_OK.replace("    mal: effektmal-a\n", ""))
    tmp_project.write("2099/text/inledning.md", b"Hej \xe5\n")
    _, problems = errors_of(tmp_project)
    (p,) = problems
    assert "inte UTF-8" in p.message and p.position.file.name == "inledning.md"


def test_pydantic_english_never_reaches_the_user(tmp_path):
    """Bounds and unusual errors are said in Swedish, with the rule's code as a hint."""
    from rtnreport import models as m
    from rtnreport.loading import load_model

    path = tmp_path / "mal.yaml"
    path.write_text("perspektiv: []\npublicerad_sammanfattning:\n  uppdrag: {gron: -1, gul: 0, rod: 0}\n",
                    encoding="utf-8")
    _, problems, _ = load_model(path, m.MalFil)
    (p,) = problems
    assert "det ska vara minst 0" in p.message
    assert "Input should" not in p.message and "Input should" not in (p.hint or "")
