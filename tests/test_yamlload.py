"""The strict YAML loader: each hazard of GUIDE §9 with the message it gets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from rtnreport.yamlload import MAX_DEPTH, YamlError, load_file, load_text, resolve_plain

F = Path("x.yaml")


def load(text: str):
    return load_text(text, F)[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("no", "no"),
        ("NO", "NO"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("1:30", "1:30"),
        ("0755", "0755"),
        ("010", "010"),
        ("2024-03-01", "2024-03-01"),
        ("1e3", "1e3"),
        (".5", ".5"),
        ("80,1", "80,1"),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("0", 0),
        ("-12", -12),
        ("80.1", Decimal("80.1")),
        ("1.10", Decimal("1.10")),
        ("-0.5", Decimal("-0.5")),
    ],
)
def test_plain_scalars_resolve_yaml12_style(text, expected):
    value = resolve_plain(text)
    assert value == expected and type(value) is type(expected)


def test_decimals_are_never_float():
    data = load("a: 59.9\nb: [16.4, 1]\n")
    assert data == {"a": Decimal("59.9"), "b": [Decimal("16.4"), 1]}
    assert not any(isinstance(v, float) for v in [data["a"], *data["b"]])


def test_quoted_scalars_stay_text():
    assert load('a: "80.1"\nb: \'true\'\n') == {"a": "80.1", "b": "true"}


def test_duplicate_key_names_both_lines():
    with pytest.raises(YamlError) as exc:
        load("a: 1\nb: 2\na: 3\n")
    assert "'a' förekommer två gånger" in exc.value.message
    assert "rad 1" in exc.value.message and "rad 3" in exc.value.message
    assert (exc.value.position.line, exc.value.position.col) == (3, 1)


def test_nested_duplicate_key():
    with pytest.raises(YamlError) as exc:
        load("x:\n  - id: a\n    text: t\n    id: b\n")
    assert exc.value.position.line == 4


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x [1]\n"])
def test_anchors_and_aliases_rejected(text):
    with pytest.raises(YamlError) as exc:
        load(text)
    assert "ankare" in exc.value.message or "alias" in exc.value.message


def test_alias_bomb_rejected_before_expansion():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8)
    )
    with pytest.raises(YamlError) as exc:
        load(bomb)
    assert exc.value.position.line == 1


@pytest.mark.parametrize("text", ["a: !!python/object:os.system x\n", "a: !include other.yaml\n",
                                  "a: !!str 1\n"])
def test_tags_rejected(text):
    with pytest.raises(YamlError) as exc:
        load(text)
    assert "taggen" in exc.value.message


def test_multiple_documents_rejected():
    with pytest.raises(YamlError) as exc:
        load("a: 1\n---\nb: 2\n")
    assert "flera YAML-dokument" in exc.value.message
    assert exc.value.position.line == 2


def test_tab_indent_named():
    with pytest.raises(YamlError) as exc:
        load("a:\n\t- 1\n")
    assert exc.value.message == "tabbtecken i indraget"
    assert exc.value.position.line == 2


def test_broken_indent_has_position():
    with pytest.raises(YamlError) as exc:
        load("x:\n  - id: a\n    text: t\n   mal: b\n")
    assert exc.value.position.line == 4


def test_colon_in_unquoted_text_explained():
    with pytest.raises(YamlError) as exc:
        load("text: Mål: x\n")
    assert "kolon" in exc.value.message
    assert "citattecken" in exc.value.hint


def test_non_utf8_file_named_with_position(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(YamlError) as exc:
        load_file(f)
    assert "inte UTF-8" in exc.value.message
    assert (exc.value.position.line, exc.value.position.col) == (2, 7)
    assert exc.value.position.file == f


def test_utf8_bom_is_accepted(tmp_path):
    f = tmp_path / "bom.yaml"
    f.write_bytes("\ufeffa: åäö\n".encode())
    assert load_file(f)[0] == {"a": "åäö"}


def test_depth_cap():
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(YamlError) as exc:
        load(deep)
    assert "djupare" in exc.value.message


def test_size_cap(tmp_path):
    f = tmp_path / "big.yaml"
    f.write_bytes(b"a: '" + b"x" * 2_100_000 + b"'\n")
    with pytest.raises(YamlError) as exc:
        load_file(f)
    assert "större än" in exc.value.message


def test_complex_key_rejected():
    with pytest.raises(YamlError):
        load("? [a, b]\n: 1\n")


def test_numeric_keys_become_text():
    assert load("2023: 1\n") == {"2023": 1}


def test_positions_recorded_for_every_value():
    _, smap = load_text("x:\n  - id: a\n    v: 1.5\n", F)
    assert smap.values[("x", 0, "v")].line == 3
    assert smap.values[("x", 0, "v")].col == 8
    assert smap.keys[("x", 0, "v")].col == 5
    assert smap.locate(("x", 0, "function-after[x]", "v")).line == 3


def test_missing_file(tmp_path):
    with pytest.raises(YamlError) as exc:
        load_file(tmp_path / "nope.yaml")
    assert "finns inte" in exc.value.message


# --- numbers beyond what a report can hold (issue 13) ---------------------------------


@pytest.mark.parametrize(
    "number, why",
    [
        ("1" * 4400, "siffror"),  # int() itself refuses > 4300 digits
        ("1234567890123456", "1e15"),  # 16 digits before the point: beyond 10^15
        ("-1000000000000000", "1e15"),
        ("1234567890.12345678901", "siffror"),  # 21 significant digits
        ("0.00000000001", "decimaler"),  # 11 decimals
        ("9" * 28 + ".5", "siffror"),
    ],
)
def test_numbers_beyond_a_report_are_rejected_with_their_position(number, why):
    with pytest.raises(YamlError) as exc:
        load(f"a: 1\nb:\n  - {number}\n")
    assert (exc.value.position.line, exc.value.position.col) == (3, 5)
    assert why in exc.value.message
    assert exc.value.hint and "citattecken" in exc.value.hint


@pytest.mark.parametrize("number", ["999999999999999", "-999999999999999.5", "0.0000000001",
                                    "12345678901234.123456", "0", "-0.5"])
def test_numbers_within_the_limits_still_load(number):
    assert load(f"a: {number}\n")["a"] == Decimal(number)


def test_a_long_number_in_quotes_is_text():
    assert load("a: '" + "1" * 5000 + "'\n")["a"] == "1" * 5000


# --- control characters at their real place ------------------------------------------


@pytest.mark.parametrize("char", ["\x01", "\x00", "\x7f", "\x1b", "\ufffe"])
def test_control_character_located_at_its_line_and_column(char):
    with pytest.raises(YamlError) as exc:
        load(f"a: 1\nb: ok\nc: text{char}mer\n")
    assert (exc.value.position.line, exc.value.position.col) == (3, 8)
    assert f"U+{ord(char):04X}" in exc.value.message
    assert "styrtecken" in exc.value.message or "tecken" in exc.value.message
    assert exc.value.hint


def test_control_character_in_a_file_is_located(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_bytes("a: 1\nbå: x\x02\n".encode())
    with pytest.raises(YamlError) as exc:
        load_file(f)
    assert (exc.value.position.line, exc.value.position.col) == (2, 6)


def test_lone_surrogate_in_text_is_a_yaml_error():
    with pytest.raises(YamlError) as exc:
        load("a: x\ud800\n")
    assert exc.value.position.line == 1


# --- YAML syntax errors in Swedish, with the fix ---------------------------------------

ENGLISH = ("while parsing", "did not find", "expected", "found", "could not")


@pytest.mark.parametrize(
    "text, line, words",
    [
        # a key under-indented to the level of the list's '-'
        ("x:\n  - id: a\n    namn: b\n  text: t\n", 4, "'-'"),
        ("- a\nb: 1\n", 2, "'-'"),
        ("a: [1, 2\n", 2, "]"),
        ("a: {b: 1\n", 2, "}"),
        ("a: \"x\n", 1, "citattecken"),
        ("a: 1\n- b\n", 2, "indrag"),
        ("a: b: c\n", 1, "kolon"),
        ("a: @x\n", 1, "@"),
        ("a: \"\\q\"\n", 1, "\\"),
    ],
)
def test_syntax_errors_are_swedish_with_a_hint(text, line, words):
    with pytest.raises(YamlError) as exc:
        load(text)
    e = exc.value
    assert e.position.line == line
    assert words in e.message + (e.hint or "")
    assert not any(w in e.message for w in ENGLISH), e.message
    assert e.hint, e.message


def test_under_indented_key_hint_names_the_column():
    with pytest.raises(YamlError) as exc:
        load("x:\n  - id: a\n    namn: b\n  text: t\n")
    assert "kolumn 5" in exc.value.hint


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_line_breaks_editors_do_not_count_are_refused_at_their_place(char):
    with pytest.raises(YamlError) as exc:
        load(f"a: 1\r\nb: x{char}y\n")
    assert (exc.value.position.line, exc.value.position.col) == (2, 5)
    assert "radbrytningstecken" in exc.value.message


# --- what stands where a data file belongs ---------------------------------------------


def test_a_folder_where_a_file_belongs(tmp_path):
    (tmp_path / "mal.yaml").mkdir()
    with pytest.raises(YamlError) as exc:
        load_file(tmp_path / "mal.yaml")
    assert "katalog" in exc.value.message and exc.value.hint


def test_a_dangling_symlink_is_named_as_such(tmp_path):
    (tmp_path / "mal.yaml").symlink_to(tmp_path / "borta.yaml")
    with pytest.raises(YamlError) as exc:
        load_file(tmp_path / "mal.yaml")
    assert "symbolisk länk" in exc.value.message and exc.value.hint


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_something_that_is_not_a_regular_file_is_never_read(tmp_path, kind):
    """A fifo would block and /dev/zero would never end: refused before reading."""
    import os

    path = tmp_path / "mal.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(YamlError) as exc:
        load_file(path)
    assert "inte en vanlig fil" in exc.value.message


def test_a_huge_file_is_refused_by_its_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "mal.yaml"
    with open(path, "wb") as fh:
        fh.truncate(8 * 1024**3)  # sparse: 8 GB that would take long to read
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or real(self))
    with pytest.raises(YamlError) as exc:
        load_file(path)
    assert "större än" in exc.value.message and read == []


def test_english_os_errors_do_not_reach_the_message(tmp_path, monkeypatch):
    import errno

    path = tmp_path / "mal.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(YamlError) as exc:
        load_file(path)
    assert "Permission" not in exc.value.message and "läsa" in exc.value.message


def test_read_data_file_serves_texts_with_the_same_checks(tmp_path):
    from rtnreport.yamlload import read_data_file

    (tmp_path / "inledning.md").write_text("# Inledning\n", encoding="utf-8")
    assert read_data_file(tmp_path / "inledning.md") == b"# Inledning\n"
    (tmp_path / "analys.md").mkdir()
    with pytest.raises(YamlError) as exc:
        read_data_file(tmp_path / "analys.md")
    assert "katalog" in exc.value.message
