"""Validation across files of one year: ids and the references between items.

Plain functions that take a loaded :class:`YearData` and return problems.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from . import models as m
from .loading import YearData
from .problems import Position, Problem, error


def goal_items(data: YearData) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path in mal.yaml, item) for every effektmål, mål and strategi."""
    if data.mal is None:
        return
    for pi, persp in enumerate(data.mal.perspektiv):
        for qi, post in enumerate(persp.poster):
            yield ("perspektiv", pi, "poster", qi), post


def check_ids(data: YearData) -> list[Problem]:
    """Ids are unique within the year across goals, indicators and uppdrag."""
    problems: list[Problem] = []
    seen: dict[str, tuple[str, tuple[Any, ...]]] = {}

    def visit(file: str, path: tuple[Any, ...], ident: str) -> None:
        if ident in seen:
            first_file, first_path = seen[ident]
            first = data.where(first_file, first_path + ("id",))
            problems.append(error(
                f"id '{ident}' används redan (första gången i {first}); ett id ska vara unikt",
                data.where(file, path + ("id",)),
            ))
        else:
            seen[ident] = (file, path)

    for path, post in goal_items(data):
        visit("mal.yaml", path, post.id)
    if data.indikatorer:
        for i, ind in enumerate(data.indikatorer.indikatorer):
            visit("indikatorer.yaml", ("indikatorer", i), ind.id)
    if data.uppdrag:
        for i, upp in enumerate(data.uppdrag.uppdrag):
            visit("uppdrag.yaml", ("uppdrag", i), upp.id)
    if data.internkontroll:
        for oi, omr in enumerate(data.internkontroll.omraden):
            for ri, risk in enumerate(omr.risker):
                visit("internkontroll.yaml", ("omraden", oi, "risker", ri), risk.id)
    return problems


def check_references(data: YearData) -> list[Problem]:
    """Every reference points at an item of the right kind that exists."""
    problems: list[Problem] = []
    if data.failed("mal.yaml"):
        return problems  # its own errors are reported; every reference would be a false alarm
    kinds: dict[str, str] = {post.id: post.typ for _, post in goal_items(data)}

    def expect(file: str, path: tuple[Any, ...], ref: str | None, allowed: set[str],
               what: str) -> None:
        if ref is None:
            return
        kind = kinds.get(ref)
        if kind is None:
            candidates = sorted(k for k, v in kinds.items() if v in allowed)
            close = difflib.get_close_matches(ref, candidates, n=1, cutoff=0.6)
            hint = (f"menade du '{close[0]}'?" if close else
                    f"id:n står i mal.yaml ({len(candidates)} st, t.ex. "
                    f"{', '.join(candidates[:3]) or 'inga'})")
            problems.append(error(
                f"{what} '{ref}' finns inte i mal.yaml",
                data.where(file, path),
                hint=hint,
            ))
        elif kind not in allowed:
            problems.append(error(
                f"{what} '{ref}' är en {kind}, väntade {' eller '.join(sorted(allowed))}",
                data.where(file, path),
            ))

    for path, post in goal_items(data):
        if isinstance(post, m.Mal):
            expect("mal.yaml", path + ("effektmal",), post.effektmal, {"effektmal"}, "effektmålet")
    if data.indikatorer:
        for i, ind in enumerate(data.indikatorer.indikatorer):
            expect("indikatorer.yaml", ("indikatorer", i, "mal"), ind.mal,
                   {"effektmal", "mal"}, "målet")
    if data.uppdrag:
        for i, upp in enumerate(data.uppdrag.uppdrag):
            expect("uppdrag.yaml", ("uppdrag", i, "mal"), upp.mal, {"effektmal", "mal"}, "målet")
    return problems


def check_year(data: YearData) -> list[Problem]:
    return check_ids(data) + check_references(data)


# ---------------------------------------------------------------------------
# Plan and follow-up kept apart.


def check_plan_fields(data: YearData) -> list[Problem]:
    """A plan file holds no follow-up values (utfall, status, …): those go in a report's folder."""
    problems: list[Problem] = []
    reports = [r.id for r in data.rapporter.rapporter] if data.rapporter else []
    folder = next((r for r in reports if r in data.reports), f"{data.year}-delar")

    def visit(file: str, path: tuple[Any, ...], item: Any, what: str) -> None:
        for name in m.PLAN_FORBIDDEN.get(type(item), ()):
            if name in item.model_fields_set:
                problems.append(error(
                    f"{what}: '{name}' hör till en uppföljning, inte till planen",
                    data.where(file, path + (name,), at_key=True), code="plan",
                    hint=f"skriv det i data/{data.year}/{folder}/{file} (rtnreport new-report "
                         "skapar filen); planens filer ändras aldrig av en uppföljning"))

    if data.mal:
        visit("mal.yaml", (), data.mal, "mal.yaml")
    for path, post in goal_items(data):
        visit("mal.yaml", path, post, f"'{post.id}'")
    if data.indikatorer:
        for i, ind in enumerate(data.indikatorer.indikatorer):
            visit("indikatorer.yaml", ("indikatorer", i), ind, f"indikatorn '{ind.id}'")
    if data.uppdrag:
        for i, upp in enumerate(data.uppdrag.uppdrag):
            visit("uppdrag.yaml", ("uppdrag", i), upp, f"uppdraget '{upp.id}'")
    if data.internkontroll:
        visit("internkontroll.yaml", (), data.internkontroll, "internkontroll.yaml")
        for oi, omr in enumerate(data.internkontroll.omraden):
            for ri, risk in enumerate(omr.risker):
                path = ("omraden", oi, "risker", ri)
                visit("internkontroll.yaml", path, risk, f"risken '{risk.id}'")
                for ai, atg in enumerate(risk.atgarder):
                    visit("internkontroll.yaml", path + ("atgarder", ai), atg,
                          f"risken '{risk.id}', åtgärd {ai + 1}")
    return problems


def _unknown_id(ident: str, known: list[str], what: str, plan_file: str, year: str,
                position: Any) -> Problem:
    close = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
    hint = f"menade du '{close[0]}'?" if close else (
        f"id:n står i data/{year}/{plan_file}" if known else f"data/{year}/{plan_file} saknas")
    return error(f"{what} '{ident}' finns inte i planens {plan_file}", position,
                 code="reference", hint=hint)


def check_report_folders(data: YearData) -> list[Problem]:
    """Each report folder belongs to a report, and addresses only items the plan has."""
    problems: list[Problem] = []
    reports = {r.id: r for r in data.rapporter.rapporter} if data.rapporter else {}
    for rid, folder in data.reports.items():
        if rid not in reports and not data.failed("rapporter.yaml"):
            problems.append(error(
                f"katalogen {rid}/ hör inte till någon rapport i rapporter.yaml",
                Position(folder.root, 1, 1), code="plan",
                hint=f"lägg till rapporten i data/{data.year}/rapporter.yaml "
                     f"(rtnreport new-report {rid}) eller byt namn på katalogen"))
        goal_ids = [post.id for _, post in goal_items(data)]
        if folder.mal and not data.failed("mal.yaml"):
            for ident in folder.mal.poster:
                if ident not in goal_ids:
                    problems.append(_unknown_id(ident, goal_ids, "målet", "mal.yaml", data.year,
                                                folder.where("mal.yaml", ("poster", ident),
                                                             at_key=True)))
        for attr, what in (("indikatorer", "indikatorn"), ("uppdrag", "uppdraget")):
            name = f"{attr}.yaml"
            own = getattr(folder, attr)
            if own is None or data.failed(name):
                continue
            plan_file = getattr(data, attr)
            ids = [item.id for item in getattr(plan_file, attr)] if plan_file else []
            for ident in getattr(own, attr):
                if ident not in ids:
                    problems.append(_unknown_id(ident, ids, what, name, data.year,
                                                folder.where(name, (attr, ident), at_key=True)))
        if folder.internkontroll and not data.failed("internkontroll.yaml"):
            risks = {risk.id: risk for omr in (data.internkontroll.omraden
                                               if data.internkontroll else [])
                     for risk in omr.risker}
            for ident, follow in folder.internkontroll.risker.items():
                risk = risks.get(ident)
                if risk is None:
                    problems.append(_unknown_id(
                        ident, list(risks), "risken", "internkontroll.yaml", data.year,
                        folder.where("internkontroll.yaml", ("risker", ident), at_key=True)))
                elif len(follow.atgarder) > len(risk.atgarder):
                    problems.append(error(
                        f"risken '{ident}' har {len(follow.atgarder)} åtgärder i uppföljningen "
                        f"men {len(risk.atgarder)} i planen",
                        folder.where("internkontroll.yaml", ("risker", ident, "atgarder")),
                        code="plan",
                        hint="ge en post per åtgärd i planen, i samma ordning"))
    return problems
