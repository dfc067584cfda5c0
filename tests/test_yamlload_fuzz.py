"""Property: the loader returns data or raises its own YamlError, for any text at all.

Bounded for the test suite; ``make fuzz`` (or ``RTNREPORT_FUZZ_EXAMPLES=N``) runs a
longer session (see the README's development section).
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtnreport.yamlload import (MAX_DECIMALS, MAX_INTEGER_DIGITS, MAX_SIGNIFICANT, YamlError,
                                decode_utf8, load_text)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "data").glob("*/*.yaml"))
F = Path("fuzz.yaml")

EXAMPLES = int(os.environ.get("RTNREPORT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="RTNREPORT_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

YAML_CHARS = list(" \n\t\r:-[]{},#&*!|>'\"%@`?.~\\+=/") + list("0123456789abezåö") + [
    "\x00", "\x01", "\x1b", "\x7f", "\x85", "\xa0", "\ufeff", "\u2028", "\ufffe", "\ud800"]
FRAGMENTS = [
    "a: ", "id: ", "  ", "    ", "- ", "\n", ": ", "'", '"', "[", "]", "{", "}", ", ", "# x",
    "---\n", "...\n", "? ", "&x ", "*x", "!!str ", "!x ", "%YAML 1.2\n", "|\n", ">-\n",
    "80.1", "80,1", "-12", "0755", "1e3", "1:30", "no", "null", "~", "true", "2024-03-01",
    "9" * 16, "1" * 4400, "0." + "0" * 12 + "1", "1234567890.12345678901", "\\x", "\\u00e5",
    "åäö", "text: Mål: x", "\t- 1", "\x01", "\ud800",
]

yaml_like = st.one_of(
    st.text(alphabet=st.sampled_from(YAML_CHARS), max_size=200),
    st.lists(st.sampled_from(FRAGMENTS + YAML_CHARS), max_size=60).map("".join),
)


@st.composite
def mutated_shipped(draw):
    """A shipped data file with a few characters inserted, deleted or replaced."""
    text = draw(st.sampled_from(SHIPPED)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        what = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(FRAGMENTS + YAML_CHARS))
        if what == "insert":
            text = text[:i] + piece + text[i:]
        elif what == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 40)):]
        else:
            text = text[:i] + piece + text[i + len(piece):]
    return text


def _check_plain(value):
    """Loaded data holds only the types the loader promises, numbers within the limits."""
    if isinstance(value, dict):
        for k, v in value.items():
            assert isinstance(k, str)
            _check_plain(v)
    elif isinstance(value, list):
        for v in value:
            _check_plain(v)
    elif isinstance(value, bool) or value is None or isinstance(value, str):
        pass
    elif isinstance(value, int):
        assert len(str(abs(value))) <= MAX_INTEGER_DIGITS
    elif isinstance(value, Decimal):
        sign, digits, exponent = value.as_tuple()
        assert -exponent <= MAX_DECIMALS and len(digits) <= MAX_SIGNIFICANT
        assert abs(value) < Decimal(10) ** MAX_INTEGER_DIGITS
    else:
        raise AssertionError(f"unexpected type {type(value).__name__}: {value!r}")


def loads_or_own_error(text: str) -> None:
    try:
        data, smap = load_text(text, F)
    except YamlError as exc:
        assert exc.message
        if exc.position is not None:
            assert exc.position.file == F
            lines = len(re.split("\r\n|\r|\n", text))
            assert 1 <= exc.position.line <= lines + 1, (exc.position, exc.message)
            assert exc.position.col >= 1
        return
    _check_plain(data)


@FUZZ
@given(yaml_like)
def test_yaml_like_text_loads_or_raises_yaml_error(text):
    loads_or_own_error(text)


@FUZZ
@given(mutated_shipped())
def test_mutated_shipped_files_load_or_raise_yaml_error(text):
    loads_or_own_error(text)


@FUZZ
@given(st.binary(max_size=200))
def test_arbitrary_bytes_load_or_raise_yaml_error(raw):
    try:
        text = decode_utf8(raw, F)
    except YamlError:
        return
    loads_or_own_error(text)
