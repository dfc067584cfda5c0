"""rtnreport new-year: carry ids and structure, empty the year's outcomes."""

from __future__ import annotations

from click.testing import CliRunner

from rtnreport.__main__ import cli
from rtnreport.diff.engine import diff_years
from rtnreport.followup import load_report
from rtnreport.loading import load_year


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def test_new_year_carries_ids_and_empties_outcomes(copy_2024):
    r = run(copy_2024.root, "new-year", "2025", "--from", "2024")
    assert r.exit_code == 0, r.output
    assert "förde över 24 indikatorer/styrtal" in r.output
    assert "skrev data/2025/rapporter.yaml" in r.output
    old, _ = load_report(copy_2024.root / "data", "2024-delar")
    new, problems = load_year(copy_2024.root / "data", "2025")
    assert [p for p in problems if p.level == "error"] == []
    assert [i.id for i in new.indikatorer.indikatorer] == [i.id for i in old.indikatorer.indikatorer]
    ind = {i.id: i for i in new.indikatorer.indikatorer}["behorighet-gymnasieskolan"]
    assert ind.utfall is None and ind.bedomning is None and ind.kommentar is None
    assert str(ind.senast_kanda.varde) == "80.1" and ind.senast_kanda.period == "2023"
    assert ind.tidigare_utfall == []  # outcomes belong to follow-ups, not to the plan
    upp = new.uppdrag.uppdrag[0]
    assert upp.bedomning is None and upp.kontinuitet == "Från 2024 fortsätter 2025"
    assert all(r.budgetavvikelse is None for r in new.ekonomi.driftredovisning.rader)
    rows = {r.id: r for r in new.ekonomi.resultatrapport.rader}
    assert rows["erhallna_bidrag"].utfall_ack is None and rows["erhallna_bidrag"].slag == "intakt"
    assert rows["resultat"].summa == ["verksamhetens_nettokostnad", "finansnetto"]
    assert new.ekonomi.resultatrapport.kolumner == "vp"
    assert new.personal is None and "personalekonomin" in r.output
    assert all(a.status is None for o in new.internkontroll.omraden for r in o.risker
               for a in r.atgarder)
    assert not (copy_2024.root / "data" / "2025" / "2024-delar").exists()
    assert new.mal.publicerad_sammanfattning is None
    # the diff sees continuing items, not a wall of additions
    result = diff_years(old, new)
    assert not [c for c in result.changes if c.kind in ("added", "removed")
                and c.section in ("mal", "indikatorer", "uppdrag")]


def test_new_year_never_overwrites(copy_2024):
    assert run(copy_2024.root, "new-year", "2025", "--from", "2024").exit_code == 0
    r = run(copy_2024.root, "new-year", "2025", "--from", "2024")
    assert r.exit_code == 2 and "finns redan" in r.output


def test_new_year_refuses_a_broken_source(copy_2024):
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    r = run(copy_2024.root, "new-year", "2025", "--from", "2024")
    assert r.exit_code == 1 and "decimalkomma" in r.output
    assert not (copy_2024.root / "data" / "2025").exists()


def _comments(text):
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_new_year_keeps_comments_key_order_and_quoting(copy_2024):
    data = copy_2024.root / "data"
    assert run(copy_2024.root, "new-year", "2025", "--from", "2024").exit_code == 0
    for name in ("mal.yaml", "indikatorer.yaml", "uppdrag.yaml", "internkontroll.yaml"):
        old = (data / "2024" / name).read_text(encoding="utf-8")
        new = (data / "2025" / name).read_text(encoding="utf-8")
        assert new.startswith("# "), name  # the new year's header, then the carried comments
        kept = _comments(new)
        assert kept[-len(_comments(old)):] == _comments(old), name
    new = (data / "2025" / "indikatorer.yaml").read_text(encoding="utf-8")
    # section comments between items, inline flow lists and double-quoted ids stay as written
    assert "  # --- Fokusområde 5.1.1 Omställning, innovation och attraktionskraft ---\n" in new
    assert '          omraden: ["0018", "0006", "0007", "0017", "0019"]\n' in new
    assert '    enhet: "%"\n' in new
    assert "    text: >-\n      Antal nystartade företag per 1 000 invånare i Örebro län" in new
    # key order: the source's, with senast_kanda where the model has it (after malvarde)
    block = new.split("  - id: behorighet-gymnasieskolan\n", 1)[1].split("\n  - id:", 1)[0]
    keys = [line.split(":")[0].strip() for line in block.splitlines()
            if line.startswith("    ") and not line.startswith("     ")]
    assert keys.index("senast_kanda") > keys.index("text")
    assert "senast_kanda:\n      varde: 80.1\n      period: \"2023\"" in block
    # what the follow-up adds, and the plan's analyst notes, are gone as before
    assert "utfall:" not in new and "bedomning:" not in new
    assert "Riktningen \"minska\" avser" not in new


def test_new_year_writes_exactly_what_the_carry_rules_give(copy_2024):
    from rtnreport.commands.new_year import (carry_indikatorer, carry_internkontroll, carry_mal,
                                             carry_uppdrag)
    from rtnreport.followup import outcomes_of_year

    assert run(copy_2024.root, "new-year", "2025", "--from", "2024").exit_code == 0
    old, _ = load_year(copy_2024.root / "data", "2024")
    merged = outcomes_of_year(old)
    new, problems = load_year(copy_2024.root / "data", "2025")
    assert [p for p in problems if p.level == "error"] == []
    assert new.mal.model_dump() == carry_mal(merged.mal).model_dump()
    assert new.indikatorer.model_dump() == carry_indikatorer(merged.indikatorer).model_dump()
    assert new.uppdrag.model_dump() == carry_uppdrag(merged.uppdrag, "2024", "2025").model_dump()
    assert (new.internkontroll.model_dump()
            == carry_internkontroll(merged.internkontroll).model_dump())


def test_new_year_creates_the_plan_report_and_its_text_stubs(copy_2024):
    from rtnreport.commands.new_report import TEXT_STUB

    r = run(copy_2024.root, "new-year", "2025", "--from", "2024")
    assert r.exit_code == 0, r.output
    assert "skrev data/2025/rapporter.yaml" in r.output
    assert "skrev data/2025/text/inledning.md" in r.output
    new, _ = load_year(copy_2024.root / "data", "2025")
    (rapport,) = new.rapporter.rapporter
    assert (rapport.id, rapport.typ, rapport.status) == ("2025-vp", "vp", "utkast")
    assert (rapport.period.fran.isoformat(), rapport.period.till.isoformat()) == (
        "2025-01-01", "2025-12-31")
    assert rapport.namnd == "Regional tillväxtnämnd"  # as the source year's report names it
    assert rapport.titel == "Verksamhetsplan med budget 2025"
    stub = copy_2024.root / "data" / "2025" / "text" / "inledning.md"
    assert stub.read_text(encoding="utf-8") == TEXT_STUB
    check = run(copy_2024.root, "check", "2025")
    assert check.exit_code == 0, check.output
    assert "0 fel" in check.output and "inledning.md" in check.output  # the stub is a warning
    built = run(copy_2024.root, "build", "2025-vp", "--format", "html")
    assert built.exit_code == 0, built.output


def test_new_year_leaves_the_committee_to_the_project_file(copy_2024):
    copy_2024.edit("2024/rapporter.yaml", "    namnd: Regional tillväxtnämnd\n", "")
    copy_2024.edit("2024/rapporter.yaml", "    forvaltning: Regional utveckling\n", "")
    assert run(copy_2024.root, "new-year", "2025", "--from", "2024").exit_code == 0
    text = (copy_2024.root / "data" / "2025" / "rapporter.yaml").read_text(encoding="utf-8")
    assert "namnd:" not in text and "forvaltning:" not in text
    new, problems = load_year(copy_2024.root / "data", "2025")
    assert [p for p in problems if p.level == "error"] == []


def test_removed_keys_keep_the_comments_that_stood_after_them(tmp_path):
    from rtnreport import models as m
    from rtnreport.commands.new_year import carried_text, carry_uppdrag
    from rtnreport.yamlload import load_file

    source = tmp_path / "uppdrag.yaml"
    source.write_text(
        "# Uppdragen\n"
        "uppdrag:\n"
        "  # --- Från fullmäktige ---\n"
        "  - id: a\n"
        "    nummer: 'Nr 19'   # enkla citattecken\n"
        "    text: Gör a.\n"
        "    kalla: not  # om källan\n"
        "    # om b\n"
        "  - id: b\n"
        "    text: Gör b.\n"
        "    kommentar: >-\n"
        "      lång\n"
        "      kommentar\n"
        "\n"
        "  # --- Nämndens egna ---\n"
        "  - id: c\n"
        "    text: \"Gör c.\"\n", encoding="utf-8")
    data, _ = load_file(source)
    model = carry_uppdrag(m.UppdragFil.model_validate(data), "2024", "2025")
    text = carried_text(source, model, "# huvud\n")
    target = tmp_path / "ut.yaml"
    target.write_text(text, encoding="utf-8")
    again, _ = load_file(target)
    assert m.UppdragFil.model_validate(again) == model
    assert text.startswith("# huvud\n# Uppdragen\n")
    assert "  # --- Från fullmäktige ---\n" in text
    assert "    # om b\n  - id: b\n" in text
    assert "\n\n  # --- Nämndens egna ---\n  - id: c\n" in text
    assert "nummer: 'Nr 19'   # enkla citattecken\n" in text
    assert 'text: "Gör c."' in text
    assert "om källan" not in text and "lång" not in text and "kalla" not in text
