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


def resolve_commit(project: Project, rev: str) -> str:
    """The commit id ``rev`` names, verified before git sees ``rev`` anywhere else.

    ``--end-of-options`` makes git read ``rev`` as a revision even when it starts
    with '-', so ``--rev=--output=FILE`` cannot pass an option to git.
    """
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
            cwd=project.root, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise DiffError("git finns inte på den här maskinen") from exc
    commit = found.stdout.strip()
    if found.returncode != 0 or len(commit) not in (40, 64) or \
            any(c not in "0123456789abcdef" for c in commit):
        raise DiffError(f"'{rev}' är ingen commit i git-förrådet {project.root}; ange en gren, "
                        "tagg eller commit (t.ex. origin/main eller HEAD~1)")
    return commit


def year_at_revision(project: Project, year: str, rev: str, into: Path
                     ) -> tuple[YearData, list[Problem]]:
    """Load ``data/<year>`` as it is at git revision ``rev`` (extracted into ``into``)."""
    rel = (project.data / year).relative_to(project.root)
    commit = resolve_commit(project, rev)
    try:
        archive = subprocess.run(["git", "archive", "--format=tar", commit, "--", str(rel)],
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
