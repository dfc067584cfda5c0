"""A content-hash cache for ``rtnreport check``: unchanged data is not validated again.

A year's key hashes its files, last year's files (trends read them) and
rtnreport's own source; the stored value is the list of problems found.  A hit
prints the same problems without importing Pydantic or reading any YAML.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import cache
from ..problems import Problem
from ..project import Project
from .messages import problem_from_json, problem_to_json


def _path(project: Project) -> Path:
    return project.root / cache.CACHE_DIR / "check.json"


def year_key(project: Project, year: str) -> str:
    h = hashlib.sha256(cache._code_digest().encode())
    folders = [project.data / year]
    if year.isdigit():
        folders.append(project.data / str(int(year) - 1))
    for folder in folders:
        for path in cache._files(folder):
            h.update(str(path.relative_to(project.root)).encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def lookup(project: Project, years: list[str]) -> list[Problem] | None:
    """The cached problems of ``years``, or None when any year changed."""
    try:
        stored = json.loads(_path(project).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    problems: list[Problem] = []
    for year in years:
        entry = stored.get(year)
        if not entry or entry.get("key") != year_key(project, year):
            return None
        problems += [problem_from_json(p) for p in entry["problems"]]
    return problems


def store(project: Project, years: list[str], problems: list[Problem]) -> None:
    from .build import atomic_write

    try:
        stored = json.loads(_path(project).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    for year in years:
        root = (project.data / year).resolve()
        mine = [p for p in problems
                if _belongs(p, root, project.data / year)]
        stored[year] = {"key": year_key(project, year),
                        "problems": [problem_to_json(p) for p in mine]}
    try:
        atomic_write(_path(project), json.dumps(stored, ensure_ascii=False).encode())
    except OSError:
        pass  # a read-only checkout still checks, it just does not remember


def _belongs(problem: Problem, root: Path, folder: Path) -> bool:
    where = problem.position.file if problem.position else problem.file
    if where is None:
        return False
    try:
        Path(where).resolve().relative_to(root)
        return True
    except ValueError:
        return Path(where) == folder
