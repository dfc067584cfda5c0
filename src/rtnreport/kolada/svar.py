"""Kolada's answer as values: (kpi, område, år, kön) → Decimal, or None where Kolada has no value.

The documented shape: ``{count, values: [{kpi, municipality, period, values: [{gender,
count, status, value, isdeleted}]}], next_url}``.  A ``null`` value is missing, never
0; an ``isdeleted`` row is absent.  Saved responses (``data/<år>/<rapport>/kolada/
<KPI>.json``) keep this shape with ``kpi``, ``hamtad`` (the fetch date) and ``kalla``
(the URLs or files it came from) added, so a saved file is also a ``--from-file`` input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

Key = tuple[str, str, int, str]
"""(kpi, område, år, kön)."""

KON_ORD = {"T": "Totalt", "K": "Kvinnor", "M": "Män"}


class SvarError(Exception):
    """A response that is not in Kolada's shape (a file given with --from-file)."""


@dataclass
class Svar:
    values: dict[Key, Decimal | None] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """The rows by KPI as received (deleted rows included), to save."""
    sources: list[str] = field(default_factory=list)
    hamtad: date | None = None
    """The fetch date a saved file states (None for a live fetch or a bare response)."""
    notes: list[str] = field(default_factory=list)

    def get(self, kpi: str, omrade: str, ar: int, kon: str) -> Decimal | None:
        return self.values.get((kpi, omrade, ar, kon))

    def has(self, kpi: str, omrade: str, ar: int, kon: str) -> bool:
        return (kpi, omrade, ar, kon) in self.values

    def kpis(self) -> set[str]:
        return {k[0] for k in self.values} | set(self.rows)

    def add_rows(self, rows: list[Any], where: str) -> None:
        for n, row in enumerate(rows):
            if not isinstance(row, dict):
                raise SvarError(f"{where}: rad {n + 1} i values är inget objekt")
            kpi, omrade, period = row.get("kpi"), row.get("municipality"), row.get("period")
            inner = row.get("values")
            if not isinstance(kpi, str) or omrade is None or period is None \
                    or not isinstance(inner, list):
                raise SvarError(f"{where}: rad {n + 1} saknar kpi, municipality, period "
                                "eller values")
            try:
                ar = int(str(period)[:4])
            except ValueError as exc:
                raise SvarError(f"{where}: rad {n + 1} har perioden '{period}', inget år") \
                    from exc
            self.rows.setdefault(kpi, []).append(row)
            for v in inner:
                if not isinstance(v, dict) or v.get("isdeleted") is True:
                    continue
                kon = v.get("gender")
                if kon not in KON_ORD:
                    continue
                self.values[(kpi, str(omrade), ar, kon)] = _decimal(v.get("value"), where, n)


def _decimal(value: Any, where: str, n: int) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise SvarError(f"{where}: rad {n + 1} har värdet {value}, inget tal")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):  # pragma: no cover - json is parsed with Decimal
        return Decimal(str(value))
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise SvarError(f"{where}: rad {n + 1} har värdet '{value}', inget tal") from exc


def read_file(path: Path, svar: Svar | None = None) -> Svar:
    """Add a saved response (one page, or a saved file written by --write) to ``svar``."""
    svar = svar if svar is not None else Svar()
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except OSError as exc:
        raise SvarError(f"kan inte läsa {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise SvarError(f"{path} är ingen JSON-fil ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise SvarError(f"{path} har inte Koladas form {{count, values: [...]}}")
    svar.add_rows(data["values"], str(path))
    svar.sources.append(str(path))
    if isinstance(data.get("hamtad"), str):
        try:
            svar.hamtad = date.fromisoformat(data["hamtad"])
        except ValueError:
            pass
    if data.get("next_url") or data.get("next_page"):
        svar.notes.append(f"{path} är en sida av flera (next_url finns); ange varje sida "
                          "med --from-file")
    return svar


def saved_json(kpi: str, svar: Svar, hamtad: date) -> bytes:
    """A saved response: Kolada's shape, the KPI's rows, and where and when they came from."""
    rows = svar.rows.get(kpi, [])
    doc = {"kpi": kpi, "hamtad": hamtad.isoformat(), "kalla": svar.sources,
           "count": len(rows), "values": rows}
    return (json.dumps(doc, ensure_ascii=False, indent=1, default=_json_number) + "\n").encode()


def _json_number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) \
            else float(value)
    raise TypeError(type(value).__name__)
