"""The CI workflow and the pre-commit hook."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, require_tool
from rtnreport.precommit import years_of

WORKFLOW = ROOT / ".github" / "workflows" / "reports.yml"


def test_workflow_passes_actionlint():
    exe = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    if not Path(exe).exists():
        exe = require_tool("actionlint")
    proc = subprocess.run([exe, "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_checks_builds_uploads_and_diffs():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads 'on' as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = flow["jobs"]["reports"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "rtnreport check --strict" in runs and "rtnreport build --all" in runs
    assert "rtnreport diff" in runs and "GITHUB_STEP_SUMMARY" in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)


def test_precommit_hook_checks_the_touched_years():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "python -m rtnreport.precommit" and hook["files"] == r"^data/\d{4}/"
    assert years_of(["data/2024/mal.yaml", "data/2025/text/a.md", "README.md",
                     "data/2024/uppdrag.yaml"]) == ["2024", "2025"]


def test_precommit_hook_fails_on_bad_data(copy_2024, monkeypatch):
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    monkeypatch.chdir(copy_2024.root)
    proc = subprocess.run([sys.executable, "-m", "rtnreport.precommit", "data/2024/2024-delar/ekonomi.yaml"],
                          capture_output=True, text=True, cwd=copy_2024.root)
    assert proc.returncode == 1 and "decimalkomma" in proc.stdout
