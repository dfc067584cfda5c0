"""``build/index.html``: every report of the project, with links to its formats.

Written by ``build --all`` after the reports.  Read from each year's
``rapporter.yaml`` (the reports' year, type, title, period and status) and from
what stands in the output folder (which formats exist), so the page never links to
a file that is not there.  No clock: identical input gives identical bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..project import Project, raw_reports
from .format import swedish_date
from .theme import Theme

INDEX = "index.html"
TEMPLATE = "index.html.j2"
FORMATS = (("html", "Webbsida (HTML)"), ("pdf", "PDF"), ("docx", "Word"), ("json", "Data (JSON)"))
STATUS = {"beslutad": "Beslutad", "publicerad": "Publicerad", "utkast": "Utkast"}


@dataclass
class Entry:
    id: str
    year: str
    titel: str
    typ: str
    status: str
    period: str
    links: list[tuple[str, str]] = field(default_factory=list)
    """(file name, what it is) of each format present in the output folder."""


def _period(raw: object) -> str:
    from datetime import date

    if not isinstance(raw, dict):
        return ""
    fran, till = raw.get("fran"), raw.get("till")
    try:
        return f"{swedish_date(date.fromisoformat(str(fran)))} – {swedish_date(date.fromisoformat(str(till)))}"
    except ValueError:
        return f"{fran} – {till}"


def entries(project: Project, out_dir: Path) -> list[Entry]:
    """Every report the data defines, newest year first, with the formats built."""
    from ..reports import REPORT_TYPES

    out: list[Entry] = []
    for year, r in raw_reports(project.data):
        rtype = REPORT_TYPES.get(str(r.get("typ")))
        titel = " ".join(str(t) for t in (r.get("titel"), r.get("undertitel")) if t)
        out.append(Entry(
            id=r["id"], year=year, titel=titel or r["id"],
            typ=rtype.namn if rtype else str(r.get("typ", "")),
            status=STATUS.get(str(r.get("status", "beslutad")), str(r.get("status", ""))),
            period=_period(r.get("period")),
            links=[(f"{r['id']}.{ext}", name) for ext, name in FORMATS
                   if (out_dir / f"{r['id']}.{ext}").is_file()]))
    return sorted(out, key=lambda e: (-int(e.year) if e.year.isdigit() else 0, e.id))


def render_index(project: Project, out_dir: Path, theme: Theme | None = None) -> str:
    from ..config import load_config
    from .html import environment, stylesheet

    theme = theme or project.theme
    config, _ = load_config(project.root)
    env = environment(theme)
    return env.get_template(TEMPLATE).render(
        rapporter=entries(project, out_dir),
        org=config.organisation or "", namnd=config.namnd or "",
        css=Markup(stylesheet(theme, config.accentfarg)))


def write_index(project: Project, out_dir: Path | None = None) -> Path:
    """Write ``index.html`` into the output folder (atomically) and return its path."""
    from ..outputs import atomic_write

    out_dir = out_dir or project.build
    target = out_dir / INDEX
    atomic_write(target, render_index(project, out_dir).encode("utf-8"))
    return target
