"""``rtnreport check``: load, validate and cross-check the data of some years."""

from __future__ import annotations

from ..checks import check_loaded_year
from ..config import load_config
from ..loading import YearData, load_year, year_dirs
from ..problems import Problem
from ..project import Project
from .messages import format_problem, problems_as_json  # noqa: F401 - re-exported


def run_check(project: Project, years: list[str] | None = None
              ) -> tuple[dict[str, YearData], list[Problem]]:
    """Check ``years`` (default: every year in ``data/``); return the data and all problems."""
    wanted = list(years) if years else year_dirs(project.data)
    loaded: dict[str, YearData] = {}
    config, problems = load_config(project.root)
    for year in wanted:
        data, found = load_year(project.data, year)
        data.config = config
        loaded[year] = data
        problems.extend(found)
    for year in wanted:
        problems.extend(check_loaded_year(loaded[year], loaded, project))
    return loaded, problems
