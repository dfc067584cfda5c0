"""The check cache: validated on read, keyed on exactly what is read, relative paths."""

from __future__ import annotations

import builtins
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from rtnreport.__main__ import cli
from rtnreport.commands import check_cache
from rtnreport.problems import Position, error
from rtnreport.project import Project


def run(root, *args):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def cache_file(root: Path) -> Path:
    return root / ".rtnreport-cache" / "check.json"


def valid_key_entry(root: Path, problems) -> str:
    key = check_cache.year_key(Project(root), "2024")
    return json.dumps({"2024": {"key": key, "problems": problems}})


@pytest.mark.parametrize("content", [
    "[]", "null", "42", '"x"', '{"2024": []}', '{"2024": {"key": 1, "problems": {}}}',
    '{"2024": {"key": "k"}}', "{\"2024\": {\"key\": \"", "\x00\xff garbage",
    "VALID_KEY_BAD_PROBLEMS", "VALID_KEY_PROBLEM_NOT_A_DICT",
])
def test_a_cache_file_of_the_wrong_shape_is_a_miss_and_rewritten(copy_2024, content):
    root = copy_2024.root
    fresh = run(root, "check", "2024", "--no-cache")
    if content == "VALID_KEY_BAD_PROBLEMS":
        content = valid_key_entry(root, [{"level": "bogus", "line": "x"}])
    elif content == "VALID_KEY_PROBLEM_NOT_A_DICT":
        content = valid_key_entry(root, [["error", "x"]])
    cache_file(root).parent.mkdir(exist_ok=True)
    cache_file(root).write_bytes(content.encode("utf-8", "surrogateescape"))
    r = run(root, "check", "2024")
    assert r.exit_code == fresh.exit_code == 0, r.output
    assert r.output == fresh.output
    stored = json.loads(cache_file(root).read_text(encoding="utf-8"))
    assert isinstance(stored, dict) and stored["2024"]["key"] == \
        check_cache.year_key(Project(root), "2024")
    assert check_cache.lookup(Project(root), ["2024"]) is not None  # answered next time


def test_an_unchanged_year_is_answered_from_the_cache(copy_2024, monkeypatch):
    root = copy_2024.root
    first = run(root, "check", "2024")
    import rtnreport.commands.check as check_module

    def no_check(*args, **kwargs):
        raise AssertionError("the year was checked again although nothing changed")

    monkeypatch.setattr(check_module, "run_check", no_check)
    assert run(root, "check", "2024").output == first.output


def test_no_cache_never_reads_or_writes_a_cache(copy_2024, monkeypatch):
    root = copy_2024.root
    run(root, "check", "2024")  # a cache exists
    before = cache_file(root).read_bytes()
    cache_dir = str(root / ".rtnreport-cache")
    touched = []
    real_open = io.open

    def watching_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and str(file).startswith(cache_dir):
            touched.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", watching_open)
    monkeypatch.setattr(builtins, "open", watching_open)
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    r = run(root, "check", "2024", "--no-cache")
    assert r.exit_code == 1 and "decimalkomma" in r.output
    assert touched == []
    assert cache_file(root).read_bytes() == before


def test_dangling_symlink_is_never_answered_from_the_cache(copy_2024):
    root = copy_2024.root
    run(root, "check", "2024")
    assert check_cache.lookup(Project(root), ["2024"]) is not None
    (copy_2024.path("2024/2024-delar/text") / "extra.md").symlink_to(root / "finns-inte.md")
    assert check_cache.year_key(Project(root), "2024") is None
    assert check_cache.lookup(Project(root), ["2024"]) is None
    run(root, "check", "2024")  # and it is not stored either
    assert check_cache.lookup(Project(root), ["2024"]) is None


def test_a_folder_where_a_file_belongs_is_not_the_missing_file(copy_2024):
    root = copy_2024.root
    copy_2024.path("2024/2024-delar/personal.yaml").unlink()
    run(root, "check", "2024")  # the answer for a missing personal.yaml is cached
    copy_2024.path("2024/2024-delar/personal.yaml").mkdir()
    assert check_cache.lookup(Project(root), ["2024"]) is None


def test_a_symlink_is_hashed_with_its_target(copy_2024, tmp_path):
    root = copy_2024.root
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("Samma text.\n", encoding="utf-8")
    b.write_text("Samma text.\n", encoding="utf-8")
    link = copy_2024.path("2024/2024-delar/text/extra.md")
    link.symlink_to(a)
    first = check_cache.year_key(Project(root), "2024")
    link.unlink()
    link.symlink_to(b)
    assert first is not None and check_cache.year_key(Project(root), "2024") != first


def test_a_moved_checkout_prints_its_own_paths(copy_2024, tmp_path):
    root = copy_2024.root
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    run(root, "check", "2024")
    moved = tmp_path / "flyttad"
    shutil.move(root, moved)
    assert check_cache.lookup(Project(moved), ["2024"]) is not None  # still a hit
    r = run(moved, "check", "2024")
    assert r.exit_code == 1
    assert str(moved / "data" / "2024" / "2024-delar" / "ekonomi.yaml") in r.output
    assert str(root) + os.sep not in r.output
    assert r.output == run(moved, "check", "2024", "--no-cache").output


def test_store_is_linear_in_the_number_of_years(tmp_path, monkeypatch):
    """Each problem is filed under its year once: no years × problems scan.

    (Counted as path resolutions, which the quadratic version did per pair:
    17 ms at 4 years, 361 ms at 20.)
    """
    root = tmp_path / "p"
    years = [str(2000 + i) for i in range(20)]
    problems = []
    for y in years:
        (root / "data" / y).mkdir(parents=True)
        (root / "data" / y / "mal.yaml").write_text("mal: []\n", encoding="utf-8")
        problems += [error(f"fel {i}", Position(root / "data" / y / "mal.yaml", i + 1, 1))
                     for i in range(20)]
    project = Project(root)
    calls = 0
    real = Path.resolve

    def counting(self, *args, **kwargs):
        nonlocal calls
        calls += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "resolve", counting)
    check_cache.store(project, years, problems)
    monkeypatch.setattr(Path, "resolve", real)
    assert calls <= 2 * (len(years) + len(problems))
    back = check_cache.lookup(project, years)
    assert back is not None and [p.message for p in back] == [p.message for p in problems]
