"""Every check of one loaded year, in one place: structure, references, rules.

Returns problems; never raises on bad data.
"""

from __future__ import annotations

from .loading import YearData
from .problems import Problem
from .project import Project
from .validate import check_year


def check_loaded_year(data: YearData, all_years: dict[str, YearData],
                      project: Project) -> list[Problem]:
    return check_year(data)
