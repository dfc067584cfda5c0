"""The CI workflow and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from rtnreport.precommit import years_of

WORKFLOW = ROOT / ".github" / "workflows" / "reports.yml"


def test_workflow_passes_actionlint():
    """The official actionlint, where it is installed (the GitHub workflow installs it and
    sets RTNREPORT_REQUIRE_ACTIONLINT=1; Debian has no package of it)."""
    exe = shutil.which("actionlint")
    if exe is None:
        if os.environ.get("RTNREPORT_REQUIRE_ACTIONLINT"):
            pytest.fail("actionlint is missing; the workflow must install it")
        pytest.skip("actionlint not installed (its official release binary)")
    proc = subprocess.run([exe, "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _steps() -> list[dict]:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [s for job in flow["jobs"].values() for s in job["steps"]]


def test_every_action_is_pinned_by_a_commit_sha():
    uses = [s["uses"] for s in _steps() if "uses" in s]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_chrome_comes_from_setup_chrome_not_apt():
    steps = _steps()
    assert any(s.get("uses", "").startswith("browser-actions/setup-chrome@")
               and s.get("with", {}).get("install-chromedriver") for s in steps)
    apt = " ".join(s.get("run", "") for s in steps if "apt-get install" in s.get("run", ""))
    assert "chromium" not in apt  # a snap stub on ubuntu-24.04


def test_npm_tools_and_python_packages_are_pinned():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    version = re.search(r"^AXE_CLI_VERSION=(\d+\.\d+\.\d+)$", ci, re.MULTILINE)
    assert version and '"@axe-core/cli@${AXE_CLI_VERSION}"' in ci
    assert not re.search(r"npm install[^\n]*@axe-core/cli(?!@)", ci)
    assert "make test" in ci.splitlines()[-1]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c constraints.txt -e '.[dev]'" in makefile
    pins = [line for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert pins and all(re.fullmatch(r"[\w.-]+==[\w.+!-]+", p) for p in pins), pins
    names = {p.split("==")[0].lower().replace("_", "-") for p in pins}
    assert {"weasyprint", "pydantic", "ruff", "mypy", "pytest-cov"} <= names


def test_setup_python_caches_pip():
    python = [s for s in _steps() if s.get("uses", "").startswith("actions/setup-python@")]
    assert python and python[0]["with"]["cache"] == "pip"


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
    assert hook["entry"] == ".venv/bin/python -m rtnreport.precommit"
    assert hook["files"] == r"^data/\d{4}/"
    # for other projects: pre-commit installs rtnreport itself and runs its console script
    (shared,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert shared["language"] == "python" and shared["entry"] == "rtnreport-precommit"
    assert years_of(["data/2024/mal.yaml", "data/2025/text/a.md", "README.md",
                     "data/2024/uppdrag.yaml"]) == ["2024", "2025"]


def test_precommit_hook_fails_on_bad_data(copy_2024, monkeypatch):
    copy_2024.edit("2024/2024-delar/ekonomi.yaml", "budget_ack: 60.4", "budget_ack: 60,4")
    monkeypatch.chdir(copy_2024.root)
    proc = subprocess.run([sys.executable, "-m", "rtnreport.precommit", "data/2024/2024-delar/ekonomi.yaml"],
                          capture_output=True, text=True, cwd=copy_2024.root)
    assert proc.returncode == 1 and "decimalkomma" in proc.stdout
