"""``rtnreport check``: load, validate and cross-check the data of some years."""

from __future__ import annotations

from ..checks import check_loaded_year
from ..config import load_config
from ..loading import YearData, load_year
from ..problems import Problem
from ..project import Project, year_dirs, years_read
from .messages import format_problem, problems_as_json  # noqa: F401 - re-exported


def run_check(project: Project, years: list[str] | None = None
              ) -> tuple[dict[str, YearData], list[Problem]]:
    """Check ``years`` (default: every year in ``data/``); return the data read and the problems.

    Each year is checked with every year it reads (:func:`rtnreport.project.years_read`)
    loaded, so a year's problems are the same whichever other years are asked for;
    the problems are those of the years asked for, the data those of every year read.
    """
    wanted = list(years) if years else year_dirs(project.data)
    read = sorted({y for w in wanted for y in years_read(w)
                   if y in wanted or (project.data / y).is_dir()})
    loaded: dict[str, YearData] = {}
    config, problems = load_config(project.root)
    for year in read:
        data, found = load_year(project.data, year)
        data.config = config
        loaded[year] = data
        if year in wanted:
            problems.extend(found)
    for year in wanted:
        problems.extend(check_loaded_year(loaded[year], loaded, project))
    return loaded, problems
