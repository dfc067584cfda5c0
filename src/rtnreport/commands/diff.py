"""``rtnreport diff``: what changed between two years, or between git revisions of one."""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from dataclasses import replace

from ..diff.engine import DiffResult, diff_years
from ..followup import find_rapport, outcomes_of_year, report_data
from ..loading import REPORT_DIR, YearData, load_year
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
    """Load ``data/<year>`` as it is at git revision ``rev`` (extracted into ``into``).

    The year's plan is returned; its report folders are extracted too.
    """
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


def resolve(data_root: Path, what: str) -> tuple[YearData, list[Problem]]:
    """A year (``2025``: its plan) or a report (``2025-delar``: its data), loaded.

    A year whose plan has no economy tables of its own (a year kept only as its
    follow-ups) is compared with the economy its reference follow-up states.
    """
    year = what[:4]
    plan, problems = load_year(data_root, year)
    if len(what) == 4:
        if plan.ekonomi is None:
            ref = outcomes_of_year(plan)
            if ref is not None and ref is not plan and ref.ekonomi is not None:
                plan = replace(plan, ekonomi=ref.ekonomi)
        return plan, problems
    rapport = find_rapport(plan, what)
    if rapport is None:
        known = ", ".join(r.id for r in plan.rapporter.rapporter) if plan.rapporter else "inga"
        raise DiffError(f"okänd rapport '{what}'; rapporter {year}: {known}")
    return report_data(plan, rapport), problems


def run_diff(project: Project, before: str, after: str | None, rev: str | None
             ) -> tuple[DiffResult | None, list[Problem]]:
    """Diff two years or reports, or one against itself at ``rev`` (when ``after`` is None)."""
    for what in (before, after):
        if what is not None and not (
                (what.isdigit() and len(what) == 4) or REPORT_DIR.match(what)):
            raise DiffError(f"'{what}' är varken ett år (2025) eller en rapport (2025-delar)")
    if after is None and rev is None:
        raise DiffError("ange två år (t.ex. 'rtnreport diff 2025 2026') eller ett år och --rev")
    with tempfile.TemporaryDirectory(prefix="rtnreport-diff-") as tmp:
        if rev is not None:
            year_at_revision(project, before[:4], rev, Path(tmp))
            old, p1 = resolve(Path(tmp) / "data", before)
            label_a = f"{before}@{rev}"
            if after is None:
                new, p2 = resolve(project.data, before)
                label_b = f"{before} (arbetskopian)"
            else:
                new, p2 = resolve(project.data, after)
                label_b = after
        else:
            assert after is not None
            old, p1 = resolve(project.data, before)
            new, p2 = resolve(project.data, after)
            label_a, label_b = before, after
        problems = [p for p in p1 + p2 if p.level == "error"]
        if problems:
            return None, problems
        return diff_years(old, new, label_a, label_b), []
