"""Validation across files of one year: ids and the references between items.

Plain functions that take a loaded :class:`YearData` and return problems.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import models as m
from .loading import YearData
from .problems import Problem, error


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
    kinds: dict[str, str] = {post.id: post.typ for _, post in goal_items(data)}

    def expect(file: str, path: tuple[Any, ...], ref: str | None, allowed: set[str],
               what: str) -> None:
        if ref is None:
            return
        kind = kinds.get(ref)
        if kind is None:
            known = ", ".join(sorted(k for k, v in kinds.items() if v in allowed)) or "inga"
            problems.append(error(
                f"{what} '{ref}' finns inte i mal.yaml",
                data.where(file, path),
                hint=f"kända id: {known}",
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
