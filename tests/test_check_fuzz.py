"""Property: ``check`` only ever returns problems, for any edit of any shipped file.

A shipped data file (plan or report folder) gets a few characters inserted,
deleted or replaced; ``check`` of its year must answer with the tool's own
problem values — never an exception, which the CLI would report as a bug
(exit 3).  Bounded for the suite; ``make fuzz`` raises the count
(``RTNREPORT_FUZZ_EXAMPLES``), see the README's development section.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtnreport.commands.check import run_check
from rtnreport.project import Project

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.relative_to(ROOT / "data") for p in (ROOT / "data").rglob("*.yaml"))
EXAMPLES = max(1, int(os.environ.get("RTNREPORT_FUZZ_EXAMPLES", "150")) // 5)
PIECES = ["a: ", "id: ", "  ", "- ", "\n", ": ", "'", '"', "[", "]", "{", "}", "# x", "80,1",
          "-12", "null", "~", "no", "2024-03-01", "gron", "grön", "summa: [x]", "slag: summa",
          "9" * 30, "\t", "\x01", "id: x", "mal: x", "typ: mal", "kolumner: [utfall]"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "p"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "rtnreport.yaml", root / "rtnreport.yaml")
    return root


@st.composite
def edit(draw):
    rel = draw(st.sampled_from(SHIPPED))
    text = (ROOT / "data" / rel).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(PIECES))
        how = draw(st.sampled_from(["insert", "delete", "replace"]))
        if how == "insert":
            text = text[:i] + piece + text[i:]
        elif how == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 60)):]
        else:
            text = text[:i] + piece + text[i + len(piece):]
    return rel, text


@settings(max_examples=EXAMPLES, deadline=None,
          derandomize="RTNREPORT_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(edit())
def test_check_never_raises_for_an_edited_shipped_file(project, change):
    rel, text = change
    path = project / "data" / rel
    original = (ROOT / "data" / rel).read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    try:
        _, problems = run_check(Project(project), [rel.parts[0]])
        assert all(p.level in ("error", "warning", "info") for p in problems)
    finally:
        path.write_text(original, encoding="utf-8")
