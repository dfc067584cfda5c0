"""``rtnreport build``: check the data, compute, render HTML/PDF/JSON/Word, write atomically."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from .. import cache
from ..outputs import atomic_write  # noqa: F401 - re-exported for callers of build
from ..problems import Problem, error
from ..project import Project

FORMATS = ("html", "pdf", "json", "docx")


class UnknownReport(Exception):
    pass


@dataclass
class BuildResult:
    report_id: str
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    strict: bool = False
    """Warnings stop the build too (``build --strict``)."""
    cached: bool = False
    """Nothing to do: the outputs were made from the same inputs."""

    @property
    def ok(self) -> bool:
        bad = {"error", "warning"} if self.strict else {"error"}
        return not any(p.level in bad for p in self.problems)


def known_reports(project: Project) -> dict[str, str]:
    """report id → year, read from each year's rapporter.yaml (unvalidated, quick)."""
    from ..project import raw_reports

    return {entry["id"]: year for year, entry in raw_reports(project.data)}


@dataclass
class Prepared:
    """A report's data, checked and computed, ready to render (or the problems)."""

    problems: list[Problem]
    rapport: Any = None
    data: Any = None
    computed: Any = None
    previous: Any = None


def prepare(project: Project, report_id: str, year: str) -> Prepared:
    """Check the report's year (and last year, which trends and diffs read) and compute it.

    The problems kept are those of the year's plan and of this report's own
    folder: a half-filled follow-up never stops the build of the plan.
    """
    from ..checks import previous_year
    from ..followup import find_rapport, outcomes_of_year, report_data
    from ..reports import REPORT_TYPES
    from ..rules.report import compute_year
    from .check import run_check

    years = [year]  # run_check also loads every year it reads (project.years_read)
    loaded, problems = run_check(project, years)
    plan = loaded[year]
    out = Prepared([p for p in problems
                    if _concerns(p, project.data / year, report_id, set(plan.reports))])
    rapport = find_rapport(plan, report_id)
    if rapport is None:
        if not any(p.level == "error" for p in out.problems):
            out.problems.append(error(f"rapporten '{report_id}' kunde inte läsas"))
        return out
    if rapport.typ not in REPORT_TYPES:
        out.problems.append(error(
            f"rapporttypen '{rapport.typ}' kan inte byggas ännu; kända typer: "
            + ", ".join(REPORT_TYPES), file=project.data / year / "rapporter.yaml"))
        return out
    if any(p.level == "error" for p in out.problems):
        return out
    out.rapport, out.data = rapport, report_data(plan, rapport)
    out.previous = previous_year(plan, loaded)
    out.computed = plan.computed.get(report_id) or compute_year(
        out.data, outcomes_of_year(out.previous))  # check computed it already
    return out


def build_report(project: Project, report_id: str, out_dir: Path | None = None,
                 formats: tuple[str, ...] = ("html", "pdf"), pdf_variant: str = "pdf/ua-1",
                 progress: Callable[[str], None] | None = None, force: bool = False,
                 reports: dict[str, str] | None = None, strict: bool = False) -> BuildResult:
    """Build one report; on any error write nothing and leave the previous outputs.

    All formats are rendered first and written together at the end (every one
    or none, see :func:`rtnreport.outputs.write_all`).  A report id that is not
    the slug ``<år>-<slag>`` is an error before any path is built from it.
    Unchanged inputs (see :mod:`rtnreport.cache`) make it a no-op unless ``force``.
    With ``strict`` a warning stops the build like an error.
    Raises :class:`rtnreport.outputs.EnvironmentFault` for a full disk, a
    read-only folder or a malformed ``SOURCE_DATE_EPOCH``.
    """
    import time as clock

    from ..outputs import valid_report_id, write_all

    reports = reports if reports is not None else known_reports(project)
    if report_id not in reports:
        known = ", ".join(sorted(reports)) or "inga"
        raise UnknownReport(f"okänd rapport '{report_id}'; kända rapporter: {known}")
    year = reports[report_id]
    result = BuildResult(report_id)
    if not valid_report_id(report_id):
        result.problems.append(_bad_id(project, report_id, year))
        return result
    out_dir = out_dir or project.build
    targets = {fmt: out_dir / f"{report_id}.{fmt}" for fmt in formats}
    t0 = clock.perf_counter()
    key = cache.cache_key(project, report_id, year, pdf_variant)
    if not force and cache.is_fresh(project, out_dir, report_id, key, formats):
        result.cached = True
        result.written = list(targets.values())
        result.seconds["cache"] = clock.perf_counter() - t0
        return result

    from ..render.export import computed_to_json

    prepared = prepare(project, report_id, year)
    result.problems = prepared.problems
    result.strict = strict
    if not result.ok or prepared.rapport is None:
        cache.forget(project, out_dir, report_id)  # the old outputs stay, but are not fresh
        return result
    result.seconds["check"] = clock.perf_counter() - t0
    rapport, data, computed = prepared.rapport, prepared.data, prepared.computed

    from ..render.html import render_report

    t1 = clock.perf_counter()
    outputs: dict[str, bytes] = {}
    rendered = None
    if {"html", "pdf", "docx"} & set(formats):
        rendered = render_report(rapport, data, computed, project.theme, cache_root=project.root,
                                 previous=prepared.previous,
                                 links={"pdf": f"{report_id}.pdf" if "pdf" in formats else None,
                                        "index": "index.html"})
    if "html" in formats and rendered is not None:
        outputs["html"] = rendered.html.encode("utf-8")
    if "json" in formats:
        outputs["json"] = computed_to_json(rapport, data, computed).encode("utf-8")
    result.seconds["html"] = clock.perf_counter() - t1
    if "pdf" in formats and rendered is not None:
        from ..render.pdf import write_pdf

        t2 = clock.perf_counter()
        created = datetime.combine(rapport.beslutsdatum or rapport.period.till, time(12))
        try:
            outputs["pdf"] = write_pdf(rendered.html, project.theme, targets["pdf"],
                                       variant=pdf_variant, created=created, progress=progress)
        except BaseException:
            cache.forget(project, out_dir, report_id)
            raise
        result.seconds["pdf"] = clock.perf_counter() - t2
    if "docx" in formats and rendered is not None:
        from ..render.docx import write_docx

        t3 = clock.perf_counter()
        created = datetime.combine(rapport.beslutsdatum or rapport.period.till, time(12))
        try:
            outputs["docx"] = write_docx(rendered.html, project.theme, created=created)
        except BaseException:
            cache.forget(project, out_dir, report_id)
            raise
        result.seconds["docx"] = clock.perf_counter() - t3
    try:
        write_all({targets[fmt]: outputs[fmt] for fmt in formats})
    except BaseException:
        cache.forget(project, out_dir, report_id)
        raise
    result.written = [targets[fmt] for fmt in formats]
    cache.record(project, out_dir, report_id, key, result.written)
    return result


def _bad_id(project: Project, report_id: str, year: str) -> Problem:
    """The error for a report id that is not a slug, at its place in rapporter.yaml."""
    from ..yamlload import YamlError, load_file

    file = project.data / year / "rapporter.yaml"
    position = None
    with contextlib.suppress(YamlError, AttributeError, TypeError):
        raw, smap = load_file(file)
        for i, rapport in enumerate(raw.get("rapporter") or []):
            if isinstance(rapport, dict) and rapport.get("id") == report_id:
                position = smap.values.get(("rapporter", i, "id"))
                break
    shown = report_id.encode("unicode_escape").decode("ascii")[:80]
    return error(f"rapport-id '{shown}' har fel form; ett id är '<år>-<slag>' med små bokstäver, "
                 "siffror och bindestreck (t.ex. 2024-delar), så inget byggs av det",
                 position, file=None if position else file, code="data",
                 hint="rätta id:t i rapporter.yaml; det blir filnamnet i build/")


def _build_one(args: tuple) -> BuildResult:
    """Worker for build_all (top level so a process pool can pickle it)."""
    project, report_id, out_dir, formats, variant, force, reports = args
    from ..outputs import EnvironmentFault

    try:
        return build_report(project, report_id, out_dir, formats, variant, force=force,
                            reports=reports)
    except EnvironmentFault as exc:  # disk full, read-only, SOURCE_DATE_EPOCH: exit 2
        result = BuildResult(report_id)
        result.problems.append(error(f"{report_id}: {exc}", code="environment"))
        return result
    except Exception as exc:  # a bug or a blocked fetch: report it with the rest
        result = BuildResult(report_id)
        result.problems.append(error(f"{report_id}: {type(exc).__name__}: {exc}", code="build"))
        return result


def build_all(project: Project, out_dir: Path | None = None,
              formats: tuple[str, ...] = ("html", "pdf"), pdf_variant: str = "pdf/ua-1",
              jobs: int | None = None, force: bool = False,
              on_done: Callable[[BuildResult, int, int], None] | None = None
              ) -> list[BuildResult]:
    """Build every report the data defines, one process per report, ``jobs`` at a time."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    import multiprocessing

    reports = known_reports(project)
    ids = sorted(reports)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(ids) or 1))
    tasks = [(project, rid, out_dir, formats, pdf_variant, force, reports) for rid in ids]
    results: list[BuildResult] = []
    if jobs == 1:
        for task in tasks:
            results.append(_build_one(task))
            if on_done:
                on_done(results[-1], len(results), len(tasks))
        _write_index(project, out_dir)
        return results
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures = [pool.submit(_build_one, task) for task in tasks]
        for future in as_completed(futures):
            results.append(future.result())
            if on_done:
                on_done(results[-1], len(results), len(tasks))
    results = sorted(results, key=lambda r: r.report_id)
    _write_index(project, out_dir)
    return results


def _write_index(project: Project, out_dir: Path | None) -> None:
    """``index.html`` beside the reports: every report, linking the formats that exist."""
    from ..render.index import write_index

    write_index(project, out_dir)


def _concerns(problem: Problem, year_dir: Path, report_id: str, folders: set[str]) -> bool:
    """A problem of the report's year: its plan files or the report's own folder."""
    if problem.report is not None:
        return problem.report == report_id
    where = problem.position.file if problem.position else problem.file
    if where is None:
        return True
    try:
        rel = Path(where).resolve().relative_to(year_dir.resolve())
    except ValueError:
        return problem.level == "error" and problem.code == "usage"
    first = rel.parts[0] if rel.parts else ""
    return first not in folders or first == report_id
