"""A content-hash cache for ``rtnreport check``: unchanged data is not validated again.

A year's key hashes every entry of the folders of the years it reads
(:func:`rtnreport.project.years_read`: itself and last year, which trends read),
``rtnreport.yaml`` and its logo — path, kind and bytes, see :func:`rtnreport.cache.hash_tree` — and
rtnreport's own source; the stored value is the list of problems found, with
paths relative to the project (a moved checkout prints its own paths).  A hit
prints the same problems without importing Pydantic or reading any YAML.

A year whose folder is in a state no cache may answer for (a dangling symlink,
a folder named like a data file) has no key and is always checked anew; so is
a run whose problems cannot all be filed under the years checked.  A cache
file of the wrong shape is a miss and is rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from .. import cache
from ..problems import LEVEL_WORD, Problem
from ..project import Project, years_read
from .messages import problem_from_json, problem_to_json


def _path(project: Project) -> Path:
    return project.root / cache.CACHE_DIR / "check.json"


def year_key(project: Project, year: str) -> str | None:
    """The hash of what checking ``year`` reads, or None when it must not be cached."""
    h = hashlib.sha256(cache._code_digest().encode())
    for read in years_read(year):
        if not cache.hash_tree(h, project.root, project.data / read):
            return None
    for path in cache.project_files(project):  # the organisation's perspektiv, words, logo
        h.update(b"file\0" + path.relative_to(project.root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _valid_problem(d: Any) -> bool:
    if not isinstance(d, dict) or d.get("level") not in LEVEL_WORD:
        return False
    if not isinstance(d.get("message"), str) or not isinstance(d.get("code", "data"), str):
        return False
    if not isinstance(d.get("hint"), str | None) or not isinstance(d.get("file"), str | None):
        return False
    for k in ("line", "col"):
        v = d.get(k)
        if v is not None and (type(v) is not int or v < 1):
            return False
    return not (d.get("line") is not None and (d.get("col") is None or not d.get("file")))


def _stored(project: Project) -> dict:
    stored = cache.read_json(_path(project))
    return stored if isinstance(stored, dict) else {}


def lookup(project: Project, years: list[str]) -> list[Problem] | None:
    """The cached problems of ``years``, or None when any year changed (or the cache is bad)."""
    stored = _stored(project)
    problems: list[Problem] = []
    for year in years:
        entry = stored.get(year)
        if not isinstance(entry, dict) or not isinstance(entry.get("problems"), list):
            return None
        key = year_key(project, year)
        if key is None or entry.get("key") != key:
            return None
        if not all(_valid_problem(p) for p in entry["problems"]):
            return None
        for p in entry["problems"]:
            if p.get("file"):
                p = {**p, "file": str(project.root / p["file"])}
            problems.append(problem_from_json(p))
    return problems


def _year_of(project: Project, problem: Problem) -> tuple[str, str] | None:
    """(year, path relative to the project) of a problem in ``data/<år>/…``, else None."""
    where = problem.position.file if problem.position else problem.file
    if where is None:
        return None
    try:
        rel = Path(where).relative_to(project.root)
    except ValueError:
        return None
    if len(rel.parts) < 2 or rel.parts[0] != project.data.name:
        return None
    return rel.parts[1], rel.as_posix()


def store(project: Project, years: list[str], problems: list[Problem]) -> None:
    """Remember the problems of ``years``: one pass over the problems, one key per year."""
    from ..outputs import atomic_write

    mine: dict[str, list[dict]] = defaultdict(list)
    for p in problems:
        found = _year_of(project, p)
        if found is None or found[0] not in years:
            return  # a problem the per-year cache could not give back: do not cache this run
        d = problem_to_json(p)
        d["file"] = found[1]
        mine[found[0]].append(d)
    with contextlib.suppress(OSError), cache.locked(project):
        stored = {y: e for y, e in _stored(project).items() if isinstance(e, dict)}
        for year in years:
            key = year_key(project, year)
            if key is None:
                stored.pop(year, None)
            else:
                stored[year] = {"key": key, "problems": mine.get(year, [])}
        # a read-only checkout still checks, it just does not remember
        atomic_write(_path(project), json.dumps(stored, ensure_ascii=False).encode())
