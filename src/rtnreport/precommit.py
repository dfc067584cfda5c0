"""The pre-commit hook: check the years a commit's files are read by.

``python -m rtnreport.precommit data/2023/mal.yaml data/2025/text/x.md`` runs
``rtnreport check --strict 2023 2024 2025``: each touched year, and each year
that reads a touched year (:func:`rtnreport.project.years_read`: the year after
a touched one, whose trends read it) — the same rule ``check`` and ``build`` use.
"""

from __future__ import annotations

import re
import sys

from .__main__ import cli
from .project import ProjectNotFound, find_project, year_dirs, years_affected


def years_of(paths: list[str]) -> list[str]:
    """The years whose files ``paths`` are (``data/<år>/…``)."""
    years = {m.group(1) for p in paths if (m := re.match(r"^data/(\d{4})/", p.replace("\\", "/")))}
    return sorted(years)


def years_to_check(paths: list[str], existing: list[str]) -> list[str]:
    """The existing years whose check reads a file in ``paths``."""
    return years_affected(set(years_of(paths)), existing)


def main(argv: list[str] | None = None) -> None:
    paths = list(sys.argv[1:] if argv is None else argv)
    if not years_of(paths):
        return
    try:
        existing = year_dirs(find_project().data)
    except ProjectNotFound as exc:
        print(f"rtnreport: {exc}", file=sys.stderr)
        sys.exit(2)
    years = years_to_check(paths, existing)
    if not years:
        return  # only removed years, read by no year that is left
    cli.main(["check", "--strict", *years], prog_name="rtnreport")


if __name__ == "__main__":
    main()
