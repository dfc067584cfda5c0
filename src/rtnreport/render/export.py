"""The computed report as JSON, for analysts and other tools.

Every section with its computed figures; numbers are exact decimal strings
(``"-154.2"``), missing values are ``null``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from .. import __version__
from .. import models as m
from ..loading import YearData
from ..rules.arith import Interval
from ..rules.report import Computed
from ..rules.table import Table


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize() if value == value.to_integral() else value, "f")
    if isinstance(value, Interval):
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def table_to_dict(t: Table) -> dict[str, Any]:
    return {
        "id": t.id,
        "rubrik": t.rubrik,
        "enhet": t.enhet,
        "kolumner": [{"id": c.key, "rubrik": c.rubrik, "beraknad": c.derived, "slag": c.kind,
                      "grupp": c.group} for c in t.columns],
        "rader": [{"id": r.key, "namn": r.namn, "summa": r.summa,
                   "beraknad": r.summa or r.derived,
                   "varden": {c.key: _plain(r.cells.get(c.key)) for c in t.columns},
                   "publicerade": sorted(r.published)}
                  for r in t.rows],
    }


def computed_to_json(rapport: m.Rapport, data: YearData, computed: Computed) -> str:
    payload = {
        "rtnreport": __version__,
        "rapport": rapport.model_dump(mode="json"),
        "sammanfattning": [
            {"kategori": s.kategori, "rubrik": s.rubrik, "gron": s.gron, "gul": s.gul,
             "rod": s.rod, "okand": s.okand,
             "visas": dict(zip(("gron", "gul", "rod", "fran_publicerad"), s.shown())),
             "publicerad": s.publicerad.model_dump() if s.publicerad else None}
            for s in computed.sammanfattning
        ],
        "mal": data.mal.model_dump(mode="json") if data.mal else None,
        "indikatorer": [
            {**ind.model_dump(mode="json"),
             "beraknad_bedomning": asdict(computed.assessments[ind.id])
             if ind.id in computed.assessments else None}
            for ind in (data.indikatorer.indikatorer if data.indikatorer else [])
        ],
        "uppdrag": data.uppdrag.model_dump(mode="json")["uppdrag"] if data.uppdrag else [],
        "tabeller": {key: table_to_dict(t) for key, t in computed.tables.items()},
        "internkontroll": data.internkontroll.model_dump(mode="json")
        if data.internkontroll else None,
        "texter": data.texts,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
