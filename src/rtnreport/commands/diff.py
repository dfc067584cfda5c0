"""``rtnreport diff``: what changed between two years, or between git revisions of one."""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from ..diff.engine import DiffResult, diff_years
from ..loading import YearData, load_year
from ..problems import Problem
from ..project import Project


class DiffError(Exception):
    pass


def year_at_revision(project: Project, year: str, rev: str, into: Path
                     ) -> tuple[YearData, list[Problem]]:
    """Load ``data/<year>`` as it is at git revision ``rev`` (extracted into ``into``)."""
    rel = (project.data / year).relative_to(project.root)
    try:
        archive = subprocess.run(["git", "archive", "--format=tar", rev, "--", str(rel)],
                                 cwd=project.root, capture_output=True, check=True).stdout
    except FileNotFoundError as exc:
        raise DiffError("git finns inte på den här maskinen") from exc
    except subprocess.CalledProcessError as exc:
        msg = exc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(f"kan inte läsa {rel} vid revisionen '{rev}': "
                        f"{msg[-1] if msg else 'okänt fel'}") from exc
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return load_year(into / "data", year)


def run_diff(project: Project, before: str, after: str | None, rev: str | None
             ) -> tuple[DiffResult | None, list[Problem]]:
    """Diff two years, or one year against itself at ``rev`` (when ``after`` is None)."""
    if after is None and rev is None:
        raise DiffError("ange två år (t.ex. 'rtnreport diff 2025 2026') eller ett år och --rev")
    with tempfile.TemporaryDirectory(prefix="rtnreport-diff-") as tmp:
        if rev is not None:
            old, p1 = year_at_revision(project, before, rev, Path(tmp))
            label_a = f"{before}@{rev}"
            if after is None:
                new, p2 = load_year(project.data, before)
                label_b = f"{before} (arbetskopian)"
            else:
                new, p2 = load_year(project.data, after)
                label_b = after
        else:
            assert after is not None
            old, p1 = load_year(project.data, before)
            new, p2 = load_year(project.data, after)
            label_a, label_b = before, after
        problems = [p for p in p1 + p2 if p.level == "error"]
        if problems:
            return None, problems
        return diff_years(old, new, label_a, label_b), []
