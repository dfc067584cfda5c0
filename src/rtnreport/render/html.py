"""Render a report to one standalone HTML document with Jinja.

The environment autoescapes, fails on any undefined name (StrictUndefined)
and reads templates only from the project's ``templates/`` overrides and the
stock theme shipped in the package (see :mod:`.theme`).  User
text reaches the page only through the ``md`` filter (safe Markdown) or
autoescaping; it is never compiled as a template.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from .. import __version__
from .. import models as m
from ..loading import YearData
from ..reports import REPORT_TYPES
from ..rules.report import Computed
from ..rules.table import Table
from . import charts, format as fmt
from .format import varde_text
from .markdown import render_markdown
from .theme import STOCK, STOCK_PREFIX, Theme
from .view import OUTLINES, choose_sections, perspectives

STYLESHEET = "report.css"
EXTRA_STYLESHEET = "extra.css"
"""A project's ``templates/extra.css`` is added after the stock stylesheet."""

STATUS = {  # goal / uppdrag colour: shape + colour + words
    "gron": ("●", "Uppnå eller överträffa målnivån", "gron"),
    "gul": ("▲", "Mindre, acceptabel avvikelse från målnivån", "gul"),
    "rod": ("■", "Större negativ avvikelse från målnivån", "rod"),
}
STATUS_SHORT = {"gron": "Grön", "gul": "Gul", "rod": "Röd"}
TREND = {
    "forbattrad": ("↑", "Resultatet har förbättrats"),
    "oforandrad": ("→", "Resultatet är oförändrat"),
    "forsamrad": ("↓", "Resultatet har försämrats"),
}
TREND_SHORT = {"forbattrad": "Förbättrats", "oforandrad": "Oförändrat", "forsamrad": "Försämrats"}
IND_STATUS = {
    "helt": ("●", "Helt"),
    "delvis": ("◆", "Delvis"),
    "inte_alls": ("■", "Inte alls"),
    "varde_saknas": ("–", "Värde saknas för perioden"),
}
KONTROLL = {
    "pagaende": ("◐", "Pågående"),
    "avslutad": ("●", "Avslutad"),
    "ej_genomford": ("○", "Ej genomförd"),
}


EJ_BEDOMD = "Ej bedömd"
"""A follow-up item that has no assessment yet."""
SAKNAS = "Uppgift saknas"
"""An item whose assessment is unknown (the data says why in ``kalla``, for analysts)."""
EJ_BEDOMD_ORD = (EJ_BEDOMD, SAKNAS)


def ej_bedomd(bedomning: Any) -> str:
    """What a reader sees beside "–" where an item has no status."""
    if bedomning is not None and getattr(bedomning, "kalla", None):
        return SAKNAS
    return EJ_BEDOMD


def _missing_words(items: list[Any]) -> set[str]:
    return {ej_bedomd(i.bedomning) for i in items
            if i.bedomning is None or i.bedomning.status is None}


@dataclass
class Rendered:
    html: str
    title: str


class _SafeBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, but a damaged entry is a miss (and is rewritten), never a crash."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a truncated or foreign file: compile anew
            bucket.reset()
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(self.directory, self.pattern % bucket.key))


def _bytecode_cache(cache_root: Path) -> FileSystemBytecodeCache | None:
    """Compiled templates, outside the project (they are code: a checkout must not carry
    them), in the user's cache folder per rtnreport version; none if it cannot be made."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "rtnreport" / f"jinja-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return _SafeBytecodeCache(str(folder))


def environment(theme: Theme, cache_root: Path | None = None) -> Environment:
    """Jinja reading the project's overrides first, then the stock theme.

    ``stock/<name>`` always names the stock template, so an override can
    extend the file it replaces.
    """
    loader = ChoiceLoader([
        FileSystemLoader([str(d) for d in theme.dirs]),
        PrefixLoader({STOCK_PREFIX: FileSystemLoader(str(STOCK))}),
    ])
    env = Environment(
        loader=loader,
        bytecode_cache=_bytecode_cache(cache_root) if cache_root is not None else None,
        autoescape=select_autoescape(["html", "j2", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = _num
    env.filters["cell"] = _cell
    env.filters["pct"] = fmt.percent
    env.filters["datum"] = fmt.swedish_date
    env.filters["varde"] = varde_text
    env.filters["ej_bedomd"] = ej_bedomd
    env.filters["tid"] = charts.tid_label
    env.filters["som_skrivet"] = fmt.as_written
    env.globals.update(STATUS=STATUS, STATUS_SHORT=STATUS_SHORT, TREND=TREND,
                       TREND_SHORT=TREND_SHORT, IND_STATUS=IND_STATUS, KONTROLL=KONTROLL,
                       MISSING=fmt.MISSING, DECIMALS=fmt.DECIMALS, EJ_BEDOMD_ORD=EJ_BEDOMD_ORD, isinstance=isinstance,
                       models=m)
    return env


def _num(value: Decimal | None, decimals: int = 1, plus: bool = False) -> str:
    return fmt.number(value, decimals, plus=plus)


def _cell(table: Table, row: Any, col: Any) -> str:
    kind = table.kind_of(row, col)
    value = row.cells.get(col.key)
    if kind in table.decimals:
        return fmt.number(value, table.decimals[kind])
    return fmt.by_kind(value, kind)


def stylesheet(theme: Theme, accent: str | None = None) -> str:
    """The stock (or the project's) stylesheet; the project's accent colour last."""
    css = theme.find(STYLESHEET).read_text(encoding="utf-8")
    extra = theme.find(EXTRA_STYLESHEET) if theme.override else None
    if extra is not None and extra.is_relative_to(theme.dirs[0]) and extra.is_file():
        css += "\n" + extra.read_text(encoding="utf-8")
    if accent:
        css += f"\n:root {{ --accent: {accent}; }}\n"
    return css


def render_report(rapport: m.Rapport, data: YearData, computed: Computed,
                  theme: Theme, previous: YearData | None = None,
                  cache_root: Path | None = None,
                  links: dict[str, str | None] | None = None) -> Rendered:
    """The report as one HTML document.

    ``links``: the report's other files beside it (``pdf``, ``index``), linked from the
    top of the page; ``None`` (the live preview) links nothing.
    """
    rtype = REPORT_TYPES[rapport.typ]
    env = environment(theme, cache_root)
    config = data.config

    def md(text: str | None, heading_base: int = 4, inline: bool = False) -> Markup:
        return Markup(render_markdown(text, computed.figures, heading_base=heading_base,
                                      inline=inline))

    env.filters["md"] = md
    persps = perspectives(data, computed, term=rtype.term)
    year = str(rapport.period.till.year)
    running = rapport.titel if year in rapport.titel else f"{rapport.titel} {year}"
    namnd = rapport.namnd or config.namnd or ""
    title = f"{running} – {namnd}" if namnd else running
    context = {
        "rapport": rapport,
        "rtype": rtype,
        "title": title,
        "running_title": running,
        "data": data,
        "computed": computed,
        "tables": computed.tables,
        "texts": data.texts,
        "sammanfattning": computed.sammanfattning,
        "perspektiv": persps,
        "saknade": _missing_words([b.item for pv in persps for b in pv.blocks
                                   if b.kind in ("effektmal", "mal", "uppdrag")]),
        "saknade_indikatorer": _missing_words(
            data.indikatorer.indikatorer if data.indikatorer else []),
        "outline": choose_sections(OUTLINES[rtype.outline](rapport, data, persps, previous),
                                   rapport.avsnitt),
        "labels": rtype.labels,
        "charts": report_charts(data, computed),
        "css": Markup(stylesheet(theme, config.accentfarg)),
        "org": rapport.region or config.organisation or "",
        "namnd": namnd,
        "forvaltning": rapport.forvaltning or config.forvaltning,
        "logo": config.logo_data_uri,
        "ord": config.words,
        "generator": f"rtnreport {__version__}",
        "links": links or {},
    }
    if rtype.diff_previous:
        from ..diff.engine import diff_years
        from ..diff.output import change_html

        result = diff_years(previous, data) if previous is not None else None
        context["diff"] = result
        context["andringar"] = {c.id: c for c in result.changes if c.stable_id} if result else {}
        context["change_html"] = lambda c: Markup(change_html(c))
        from .andringar import change_groups

        context["andringsgrupper"] = change_groups(result, previous, data)
    html = env.get_template(rtype.template).render(context)
    return Rendered(html=html, title=title)


def report_charts(data: YearData, computed: Computed) -> dict[str, Any]:
    """SVG charts drawn from computed tables and indicator series."""
    out: dict[str, Any] = {"driftredovisning": None}
    drift = computed.tables.get("driftredovisning")
    if drift is not None and any(c.key == "budgetavvikelse" for c in drift.columns) and any(
            r.cells.get("budgetavvikelse") is not None for r in drift.rows):
        rows = [r for r in drift.rows if not r.summa]
        dr = data.ekonomi.driftredovisning  # type: ignore[union-attr]
        unit = dr.enhet if dr is not None else drift.enhet
        out["driftredovisning"] = charts.bar_chart(
            "diagram-budgetavvikelse",
            f"Budgetavvikelse per område, {dr.period} ({unit})" if dr is not None
            else f"Budgetavvikelse per område ({unit})",
            [r.namn for r in rows], [r.cells.get("budgetavvikelse") for r in rows], unit,
            decimals=fmt.DECIMALS.get(unit, 1))
    rr = data.ekonomi.resultatrapport if data.ekonomi else None
    if rr is not None:
        out["resultatrapport"] = [
            charts.line_chart(f"diagram-resultat-{k}", s.rubrik, [p.tid for p in s.punkter],
                              s.kolumner,
                              [[p.varden[j] for p in s.punkter] for j in range(len(s.kolumner))],
                              s.enhet or "")
            for k, s in enumerate(rr.diagram)]
    series: dict[str, list[Any]] = {}
    for ind in data.indikatorer.indikatorer if data.indikatorer else []:
        for k, s in enumerate(ind.serier):
            series.setdefault(ind.id, []).append(charts.line_chart(
                f"diagram-{ind.id}-{k}", s.rubrik, [p.tid for p in s.punkter], s.kolumner,
                [[p.varden[j] for p in s.punkter] for j in range(len(s.kolumner))],
                s.enhet or ""))
    out["serier"] = series
    return out
