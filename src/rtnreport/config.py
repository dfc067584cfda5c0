"""The project file ``rtnreport.yaml``: who the reports are for, in their own words.

Nothing in code, templates or schemas names an organisation: the organisation,
its committee, logo, accent colour, perspectives and the words that differ
between a region and a kommun come from here.  Loading returns problems
(file:line:col) like every other data file; it never raises on bad data.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path

from . import models as m
from .problems import Position, Problem, error

from .project import PROJECT_FILE

COUNCIL = {"region": "regionfullmäktige", "kommun": "kommunfullmäktige"}
BOARD = {"region": "Regionstyrelsen", "kommun": "Kommunstyrelsen"}

LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
LOGO_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Words:
    """The words a report uses that differ between organisations."""

    fullmaktige: str = "fullmäktige"
    effektmal: str = "Effektmål från fullmäktige"
    namndens_mal: str = "Nämndens mål"
    uppdrag: str = "Nämndens uppdrag"
    namnden: str = "Nämnden"
    styrelsen: str = "Styrelsen"
    andra: str = "andra organisationer"
    """Whom a relative comparison would be with ("andra regioner", "andra kommuner")."""

    def kategori(self, key: str) -> str:
        return {"effektmal": self.effektmal, "namndens_mal": self.namndens_mal,
                "uppdrag": self.uppdrag}[key]


@dataclass(frozen=True)
class Config:
    """The project file, resolved: defaults filled in, the logo read and checked."""

    file: m.ProjektFil | None = None
    words: Words = field(default_factory=Words)
    logo_data_uri: str | None = None

    @property
    def organisation(self) -> str | None:
        return self.file.organisation if self.file else None

    @property
    def namnd(self) -> str | None:
        return self.file.namnd if self.file else None

    @property
    def forvaltning(self) -> str | None:
        return self.file.forvaltning if self.file else None

    @property
    def accentfarg(self) -> str | None:
        return self.file.accentfarg if self.file else None

    @property
    def perspektiv(self) -> dict[str, str]:
        return {p.id: p.namn for p in self.file.perspektiv} if self.file else {}


def words_for(pf: m.ProjektFil | None) -> Words:
    if pf is None:
        return Words()
    council = pf.ord.fullmaktige or COUNCIL[pf.organisationstyp]
    return Words(fullmaktige=council,
                 effektmal=pf.ord.effektmal or f"Effektmål från {council}",
                 namndens_mal=pf.ord.namndens_mal or "Nämndens mål",
                 uppdrag=pf.ord.uppdrag or "Nämndens uppdrag",
                 namnden=pf.ord.namnden or "Nämnden",
                 styrelsen=pf.ord.styrelsen or BOARD[pf.organisationstyp],
                 andra={"region": "andra regioner", "kommun": "andra kommuner"}[
                     pf.organisationstyp])


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_on_white(hex_colour: str) -> float:
    """WCAG 2.1 contrast ratio of a colour against white."""
    return 1.05 / (_luminance(hex_colour) + 0.05)


def _logo(root: Path, rel: str, where: Position) -> tuple[str | None, list[Problem]]:
    """The logo as a data: URI, if it is an SVG or PNG file inside the project."""
    path = (root / rel)
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None, [error(f"logotypen '{rel}' finns inte", where, code="projekt",
                            hint="ange en fil i projektet, t.ex. bilder/logotyp.svg")]
    if not resolved.is_relative_to(root.resolve()):
        return None, [error(f"logotypen '{rel}' ligger utanför projektet", where, code="projekt",
                            hint="kopiera bilden in i projektet och ange dess sökväg där")]
    kind = LOGO_TYPES.get(resolved.suffix.lower())
    if kind is None or not resolved.is_file():
        return None, [error(f"logotypen '{rel}' är ingen SVG- eller PNG-fil", where,
                            code="projekt", hint="spara logotypen som .svg eller .png")]
    data = resolved.read_bytes()[:LOGO_MAX_BYTES + 1]
    if len(data) > LOGO_MAX_BYTES:
        return None, [error(f"logotypen '{rel}' är större än 2 MB", where, code="projekt")]
    looks_right = (data.startswith(b"\x89PNG\r\n\x1a\n") if kind == "image/png"
                   else b"<svg" in data[:4096])
    if not looks_right:
        return None, [error(f"logotypen '{rel}' är inte en giltig {resolved.suffix[1:].upper()}",
                            where, code="projekt")]
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}", []


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """Read and check ``rtnreport.yaml``; a missing file gives a config without organisation."""
    from .loading import load_model

    path = root / PROJECT_FILE
    if not path.exists():
        return Config(), []
    model, problems, smap = load_model(path, m.ProjektFil)
    if model is None:
        return Config(), problems
    pf: m.ProjektFil = model  # type: ignore[assignment]
    logo = None
    if pf.logotyp:
        where = smap.locate(("logotyp",)) if smap else Position(path, 1, 1)
        logo, found = _logo(root, pf.logotyp, where)
        problems += found
    if pf.accentfarg and contrast_on_white(pf.accentfarg) < 4.5:
        where = smap.locate(("accentfarg",)) if smap else Position(path, 1, 1)
        problems.append(error(
            f"accentfärgen {pf.accentfarg} har kontrasten "
            f"{contrast_on_white(pf.accentfarg):.1f}:1 mot vitt; rubriker i den färgen kräver "
            "minst 4,5:1 (WCAG 2.1 AA)", where, code="projekt",
            hint="välj en mörkare nyans av organisationens färg"))
    seen: set[str] = set()
    for i, p in enumerate(pf.perspektiv):
        if p.id in seen:
            where = smap.locate(("perspektiv", i, "id")) if smap else Position(path, 1, 1)
            problems.append(error(f"perspektivet '{p.id}' finns två gånger", where,
                                  code="projekt"))
        seen.add(p.id)
    return Config(pf, words_for(pf), logo), problems
