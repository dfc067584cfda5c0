"""The report types: which template, which data files and texts each needs.

A report id is ``<år>-<slag>`` (``2024-delar``); the year's
``rapporter.yaml`` declares it with a ``typ`` from this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportType:
    typ: str
    namn: str
    template: str
    files: tuple[str, ...]
    texts: tuple[str, ...]


REPORT_TYPES: dict[str, ReportType] = {
    "delar": ReportType(
        typ="delar",
        namn="Delårsrapport",
        template="delar.html.j2",
        files=("mal", "indikatorer", "uppdrag", "ekonomi", "personal", "internkontroll"),
        texts=("inledning", "vasentliga-handelser", "resultatrapport-analys",
               "periodens-resultat", "helarsprognos", "handlingsplan"),
    ),
}
