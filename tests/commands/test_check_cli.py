"""``rtnreport check`` as a user runs it: exit codes, messages, JSON, strict."""

from __future__ import annotations

import json

import pytest

from click.testing import CliRunner

from rtnreport.__main__ import cli


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def test_shipped_data_passes(project_root):
    r = run(project_root, "check")
    assert r.exit_code == 0, r.output
    assert " 0 fel" in r.output


def test_shipped_2024_is_clean_even_strict_and_reports_rounding(project_root):
    r = run(project_root, "check", "2024", "--strict")
    assert r.exit_code == 0, r.output
    # a clean check is one line; the unchanging rounding notes are there with -v
    assert r.output.count("\n") == 1 and "0 fel, 0 varningar (" in r.output
    assert "upplysningar visas med -v" in r.output
    verbose = run(project_root, "-v", "check", "2024", "--strict")
    assert "avrundningsdifferens i Resultatrapport, Summa intäkter, Utfall ack" in verbose.output
    assert "publicerat 76,2, beräknat 76,3" in verbose.output


def test_json_output(project_root):
    r = run(project_root, "check", "2024", "--format", "json")
    payload = json.loads(r.output)
    assert payload["errors"] == 0
    infos = [p for p in payload["problems"] if p["level"] == "info"]
    assert infos and all(p["file"].endswith(".yaml") and p["line"] for p in infos)


def test_unknown_year_is_a_usage_error(project_root):
    r = run(project_root, "check", "1999")
    assert r.exit_code == 2
    assert "ingen datakatalog för år 1999" in r.output


def test_not_a_year(project_root):
    assert run(project_root, "check", "tjugo").exit_code == 2


def corrupt(copy_2024, file, old, new):
    copy_2024.edit(file, old, new)
    return run(copy_2024.root, "check", "2024")


def test_duplicate_key(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4\n",
                "      budget_ack: 60.4\n      budget_ack: 61.4\n")
    assert r.exit_code == 1
    assert "ekonomi.yaml:" in r.output and "'budget_ack' förekommer två gånger" in r.output
    assert "Traceback" not in r.output


def test_typo_in_key(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4", "      budget_akc: 60.4")
    assert r.exit_code == 1 and "okänt fält 'budget_akc'" in r.output
    assert "menade du 'budget_ack'?" in r.output


def test_text_where_number_belongs(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4", "      budget_ack: sextio")
    assert r.exit_code == 1 and "väntade ett tal, fick texten 'sextio'" in r.output


def test_sexagesimal(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4", "      budget_ack: 1:30")
    assert r.exit_code == 1 and "'1:30'" in r.output


def test_tab_and_broken_indent(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4", "\t    budget_ack: 60.4")
    assert r.exit_code == 1 and "tabbtecken i indraget" in r.output


def test_non_utf8(copy_2024):
    path = copy_2024.path("2024/uppdrag.yaml")
    path.write_bytes(path.read_bytes().replace("Stötta".encode(), "St\xf6tta".encode("latin-1")))
    r = run(copy_2024.root, "check", "2024")
    assert r.exit_code == 1 and "uppdrag.yaml:" in r.output and "inte UTF-8" in r.output


def test_alias_bomb(copy_2024):
    copy_2024.write("2024/uppdrag.yaml", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n")
    r = run(copy_2024.root, "check", "2024")
    assert r.exit_code == 1 and "uppdrag.yaml:1:" in r.output and "ankare" in r.output


def test_removed_id(copy_2024):
    r = corrupt(copy_2024, "2024/uppdrag.yaml",
                "  - id: uppdrag-ungas-entreprenorskap\n    mal:", "  - mal:")
    assert r.exit_code == 1 and "uppdrag.yaml:4:" in r.output and "fältet 'id' saknas" in r.output


def test_reference_to_missing_goal(copy_2024):
    r = corrupt(copy_2024, "2024/indikatorer.yaml", "mal: fokus-utbildning", "mal: fokus-utbildnig")
    assert r.exit_code == 1 and "målet 'fokus-utbildnig' finns inte i mal.yaml" in r.output


def test_published_figure_outside_rounding_is_an_error(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/ekonomi.yaml", "utfall_ack: 76.2", "utfall_ack: 79.2")
    assert r.exit_code == 1
    assert "publicerat 79,2 men beräknat 76,3" in r.output


def test_summary_that_does_not_fit_the_items_is_an_error(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/mal.yaml", "  uppdrag:\n    gron: 1\n    gul: 5",
                "  uppdrag:\n    gron: 2\n    gul: 4")
    assert r.exit_code == 1 and "Nämndens uppdrag: publicerad sammanfattning 2/4/0" in r.output


def test_unresolved_reference_in_prose(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/text/handlingsplan.md", "[[handlingsplan.summa.utfall-ack-jul]]",
                "[[handlingsplan.summa.utfall-ack-juli]]")
    assert r.exit_code == 1
    assert "handlingsplan.md:" in r.output and "[[handlingsplan.summa.utfall-ack-juli]]" in r.output


def test_hand_set_status_against_numbers_is_a_warning_and_strict_fails(copy_2024):
    copy_2024.edit("2024/2024-delar/indikatorer.yaml",
                   "värdet avser 2023.\n    bedomning:\n      status: null",
                   "värdet avser 2023.\n    bedomning:\n      status: helt")
    r = run(copy_2024.root, "check", "2024")
    assert r.exit_code == 0 and "status 'helt' men siffrorna ger 'inte alls'" in r.output
    assert run(copy_2024.root, "check", "2024", "--strict").exit_code == 1


def test_check_cache_gives_the_same_answer_and_sees_changes(copy_2024):
    first = run(copy_2024.root, "check", "2024")
    cached = run(copy_2024.root, "check", "2024")
    assert cached.output == first.output and cached.exit_code == 0
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    changed = run(copy_2024.root, "check", "2024")
    assert changed.exit_code == 1 and "decimalkomma" in changed.output
    assert run(copy_2024.root, "check", "2024").output == changed.output  # cached error too
    # a file that fails to load does not drag a cascade of reference errors with it
    assert "[[handlingsplan" not in changed.output


def test_number_beyond_a_report_is_a_data_error_with_its_line(copy_2024):
    r = corrupt(copy_2024, "2024/2024-delar/ekonomi.yaml", "      budget_ack: 60.4",
                "      budget_ack: " + "9" * 5000)
    assert r.exit_code == 1, r.output
    assert "ekonomi.yaml:" in r.output and "för stort" in r.output


def test_control_character_is_reported_at_its_line(copy_2024):
    path = copy_2024.path("2024/uppdrag.yaml")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if i > 3 and len(line) > 12)
    lines[n] = lines[n][:10] + "\x01" + lines[n][10:]
    path.write_text("".join(lines), encoding="utf-8")
    r = run(copy_2024.root, "check", "2024")
    assert r.exit_code == 1
    assert f"uppdrag.yaml:{n + 1}:11:" in r.output and "U+0001" in r.output


def test_errors_come_first_then_warnings_then_one_summary_line(copy_2024):
    copy_2024.edit("2024/2024-delar/indikatorer.yaml",
                   "värdet avser 2023.\n    bedomning:\n      status: null",
                   "värdet avser 2023.\n    bedomning:\n      status: helt")  # a warning
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    r = run(copy_2024.root, "check", "2024")
    lines = [ln for ln in r.output.splitlines() if ": fel: " in ln or ": varning: " in ln]
    assert ": fel: " in lines[0] and ": varning: " in lines[-1]
    assert r.output.rstrip().splitlines()[-1].startswith("Kontrollerade 2024: 1 fel, 1 varning")
    quiet = run(copy_2024.root, "-q", "check", "2024")
    assert ": varning: " not in quiet.output and "1 fel" in quiet.output


@pytest.mark.parametrize("written, stored", [
    ("grön", "gron"), ("Röd", "rod"), ("förbättrats", "forbattrad"), ("oförändrad", "oforandrad"),
    ("Inte alls", "inte_alls"), ("pågående", "pagaende"),
])
def test_swedish_spellings_of_status_words_are_accepted(written, stored):
    from rtnreport import models as m

    model, field = {"gron": (m.Bedomning, "status"), "rod": (m.Bedomning, "status"),
                    "inte_alls": (m.IndikatorBedomning, "status"),
                    "pagaende": (m.Atgard, "status")}.get(stored, (m.Bedomning, "trend"))
    extra = {"text": "x"} if model is m.Atgard else {}
    assert getattr(model.model_validate({field: written, **extra}), field) == stored


def test_a_status_written_in_swedish_passes_check(copy_2024):
    copy_2024.edit("2024/2024-delar/uppdrag.yaml", "      status: gul\n",
                   "      status: gul\n      trend: förbättrats\n", count=1)
    r = run(copy_2024.root, "check", "2024")
    assert r.exit_code == 0 and "0 fel" in r.output, r.output


def test_a_misspelt_status_suggests_the_word_and_names_the_item_by_id(copy_2024):
    copy_2024.edit("2024/2024-delar/indikatorer.yaml",
                   "värdet avser 2023.\n    bedomning:\n      status: null",
                   "värdet avser 2023.\n    bedomning:\n      status: hellt")
    r = run(copy_2024.root, "check", "2024")
    assert r.exit_code == 1
    assert "indikatorer → behorighet-gymnasieskolan → bedomning → status: ogiltigt värde 'hellt'" \
        in r.output and "menade du 'helt'?" in r.output


def test_a_list_item_without_id_is_named_by_its_position():
    from rtnreport.loading import _readable_path

    raw = {"omraden": [{"verksamhet": "HR", "risker": [{"id": "risk-a"}]}, {"verksamhet": "x"}]}
    assert _readable_path(raw, ("omraden", 1, "verksamhet")) == "omraden → nr 2 → verksamhet"
    assert _readable_path(raw, ("omraden", 0, "risker", 0)) == "omraden → nr 1 → risker → 'risk-a'"
