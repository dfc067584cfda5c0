"""Every file kind of every shipped year, broken on purpose: a clean error, never a crash.

Each mutation makes the file invalid in a way an analyst could (a tab, a typo in a
key, a key given twice, a decimal comma).  ``check`` must answer with an error in
that file at a line — the tool's own problem values, no exception.  The lines are
drawn with a fixed seed so the test is the same on every run.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from rtnreport.commands.check import run_check
from rtnreport.project import Project

FILES = sorted(p.relative_to(ROOT / "data") for p in (ROOT / "data").rglob("*.yaml"))
KEY = re.compile(r"^(\s*)(- )?([a-z_]+):(\s.*)?$")
NUMBER = re.compile(r"^(\s*(- )?[a-z_]+: )(-?\d+\.\d+)\s*$")


def _lines(text: str, pattern: re.Pattern[str], seed: str) -> list[int]:
    found = [i for i, line in enumerate(text.splitlines()) if pattern.match(line)]
    random.Random(seed).shuffle(found)
    return found[:1]


def mutations(text: str, name: str) -> list[tuple[str, str]]:
    lines = text.splitlines()
    out: list[tuple[str, str]] = []
    for i in _lines(text, KEY, name + "tab"):
        changed = lines.copy()
        changed[i] = "\t" + changed[i]
        out.append(("tab", "\n".join(changed)))
    for i in _lines(text, KEY, name + "key"):
        changed = lines.copy()
        m = KEY.match(changed[i])
        assert m
        changed[i] = changed[i].replace(f"{m.group(3)}:", f"{m.group(3)}x:", 1)
        out.append(("typo", "\n".join(changed)))
    for i in _lines(text, NUMBER, name + "comma"):
        changed = lines.copy()
        changed[i] = re.sub(r"(-?\d+)\.(\d+)\s*$", r"\1,\2", changed[i])
        out.append(("comma", "\n".join(changed)))
    for i in _lines(text, KEY, name + "dup"):
        m = KEY.match(lines[i])
        assert m
        if m.group(2):  # a list item's first key: duplicate the next key instead
            continue
        changed = lines[:i + 1] + [lines[i]] + lines[i + 1:]
        out.append(("duplicate", "\n".join(changed)))
    return out


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mut") / "p"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "rtnreport.yaml", root / "rtnreport.yaml")
    return root


@pytest.mark.parametrize("rel", FILES, ids=str)
def test_every_mutation_is_a_clean_error_in_its_file(pristine, rel):
    path = pristine / "data" / rel
    original = path.read_text(encoding="utf-8")
    year = rel.parts[0]
    tried = 0
    try:
        for kind, text in mutations(original, str(rel)):
            path.write_text(text + "\n", encoding="utf-8")
            _, problems = run_check(Project(pristine), [year])  # never raises
            errors = [p for p in problems if p.level == "error" and p.position is not None
                      and p.position.file.resolve() == path.resolve()]
            assert errors, f"{rel} ({kind}): no error in the file: {[p.message for p in problems]}"
            assert all(p.position.line >= 1 for p in errors)
            tried += 1
    finally:
        path.write_text(original, encoding="utf-8")
    assert tried >= 2
