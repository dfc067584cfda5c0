"""The benchmark's synthetic projects stay valid data (else make bench fails half-way)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from conftest import ROOT
from rtnreport.commands.check import run_check
from rtnreport.project import Project


def test_the_years_project_checks_clean(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    try:
        spec.loader.exec_module(bench)
    finally:
        sys.modules.pop(spec.name, None)
    root: Path = bench.years_project(2, tmp_path)
    _, problems = run_check(Project(root))
    assert [p.message for p in problems if p.level == "error"] == []
