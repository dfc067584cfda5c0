"""The report types: which template, which data files and texts each needs.

A report id is ``<år>-<slag>`` (``2024-delar``); the year's
``rapporter.yaml`` declares it with a ``typ`` from this table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Data = Literal["plan", "uppfoljning", "egen"]
"""Where a report type's data comes from:

* ``plan``: the year's files (``data/<år>/*.yaml``, ``text/``);
* ``uppfoljning``: the year's plan for structure and targets, and the report's
  own folder ``data/<år>/<id>/`` for everything the period adds (outcomes,
  assessments, comments, economy, staff, texts);
* ``egen``: the report's own folder alone (e.g. the RUS-uppföljning).
"""


@dataclass(frozen=True)
class ReportType:
    typ: str
    namn: str
    template: str
    files: tuple[str, ...]
    """Data files the type cannot do without; the chapters of the others show when present."""
    texts: tuple[str, ...]
    """Texts the report cannot do without (text/<namn>.md)."""
    optional_texts: tuple[str, ...] = ()
    """Texts shown where they exist; new-report writes a stub for each."""
    labels: dict[str, str] = field(default_factory=dict)
    """Words that differ between report types (e.g. "Prognos helår" / "Resultat helår")."""
    data: Data = "plan"
    suffixes: tuple[str, ...] = ()
    """Report-id endings that mean this type (``2025-delar`` → delar), for new-report."""
    resultat_kolumner: str | None = None
    """The resultatrapport column set the type prints (see rules.ekonomi)."""
    outline: Literal["uppfoljning", "plan", "forslag", "rus"] = "plan"
    """How the chapters are laid out (see render.view.OUTLINES)."""
    term: str = "effektmål"
    """What the report calls a council goal ("effektmål", "målsättning nr")."""
    diff_previous: bool = False
    """The report shows what changed against last year's plan (the proposal)."""
    sections: tuple[str, ...] = ()
    """The type's chapters, in default order; a report may choose among them (``avsnitt``)."""
    section_texts: dict[str, str] = field(default_factory=dict)
    """Chapter → the required text it shows, so a report without the chapter needs no text."""


DELAR_LABELS = {
    "farg": "Färgindikatorer, prognos måluppfyllelse helår och prognos genomförande av uppdrag helår.",
    "pilar": "Förändringspilar, utveckling under året, prognos helår jämfört med föregående år "
             "alternativt årets början",
    "indikatorstatus": "Indikatorer, status för perioden vid delår",
    "bedomning": "Prognos helår",
    "sammanfattning": "Prognos måluppfyllelse",
    "gron": "Uppnå eller överträffa målnivån",
}
HELAR_LABELS = {
    "farg": "Färgindikatorer, resultat måluppfyllelse helår och resultat genomförande av uppdrag helår.",
    "pilar": "Förändringspilar, utveckling under året, resultat helår jämfört med föregående år "
             "alternativt årets början",
    "indikatorstatus": "Indikatorer, status för perioden vid helår",
    "bedomning": "Resultat helår",
    "sammanfattning": "Måluppfyllelse",
    "gron": "Uppnått eller överträffat målnivån",
}


FOLLOWUP_SECTIONS = ("inledning", "vasentliga-handelser", "mal", "ekonomi", "personal",
                     "framtida-utmaningar", "internkontroll")
FOLLOWUP_TEXTS = {"inledning": "inledning", "vasentliga-handelser": "vasentliga-handelser"}

REPORT_TYPES: dict[str, ReportType] = {
    "delar": ReportType(
        typ="delar",
        namn="Delårsrapport",
        template="uppfoljning.html.j2",
        files=("mal", "indikatorer"),
        texts=("inledning", "vasentliga-handelser"),
        optional_texts=("resultatrapport-analys", "periodens-resultat", "helarsprognos",
                        "handlingsplan", "investeringar", "intern-styrning"),
        labels=DELAR_LABELS,
        data="uppfoljning",
        suffixes=("delar", "delar-april", "delar-augusti", "delar-oktober", "delarsrapport"),
        resultat_kolumner="delar",
        outline="uppfoljning",
        sections=FOLLOWUP_SECTIONS,
        section_texts=FOLLOWUP_TEXTS,
    ),
    "helar": ReportType(
        typ="helar",
        namn="Verksamhetsberättelse",
        template="uppfoljning.html.j2",
        files=("mal", "indikatorer"),
        texts=("inledning", "vasentliga-handelser"),
        optional_texts=("resultatrapport-analys", "arets-resultat", "framtida-utmaningar",
                        "handlingsplan", "investeringar", "intern-styrning"),
        labels=HELAR_LABELS,
        data="uppfoljning",
        suffixes=("helar", "vb", "verksamhetsberattelse", "arsredovisning"),
        resultat_kolumner="helar",
        outline="uppfoljning",
        sections=FOLLOWUP_SECTIONS,
        section_texts=FOLLOWUP_TEXTS,
    ),
    "vp": ReportType(
        typ="vp",
        namn="Verksamhetsplan med budget",
        template="plan.html.j2",
        files=("mal", "indikatorer"),
        texts=("inledning",),
        labels={},
        suffixes=("vp", "verksamhetsplan"),
        resultat_kolumner="vp",
        term="målsättning nr",
        sections=("inledning", "vision", "mal", "budget", "organisation", "uppfoljning",
                  "internkontroll"),
        section_texts={"inledning": "inledning"},
    ),
    "vp_forslag": ReportType(
        typ="vp_forslag",
        namn="Förslag till ändringar i verksamhetsplanen",
        template="forslag.html.j2",
        files=("mal", "indikatorer", "uppdrag"),
        texts=(),
        labels={},
        suffixes=("vp-forslag", "forslag"),
        outline="forslag",
        term="målsättning nr",
        diff_previous=True,
        sections=("tidplan", "framtida-utmaningar", "malsattningar", "mal", "sammanfattning",
                  "ram", "internkontroll", "presentationer", "andringar"),
    ),
    "rus": ReportType(
        typ="rus",
        namn="RUS-uppföljning",
        template="rus.html.j2",
        files=("rus",),
        texts=("rus-forord", "rus-sammanfattning", "rus-inledning", "rus-omvarlden",
               "rus-slutsats"),
        labels={},
        data="egen",
        suffixes=("rus",),
        outline="rus",
        sections=("rus-forord", "rus-sammanfattning", "rus-inledning", "rus-omvarlden",
                  "overgripande", "omraden", "utmaningar", "rus-slutsats"),
        section_texts={t: t for t in ("rus-forord", "rus-sammanfattning", "rus-inledning",
                                      "rus-omvarlden", "rus-slutsats")},
    ),
}


def required_texts(rtype: ReportType, chosen: list[str] | None) -> list[str]:
    """The texts a report needs: its type's, less those of chapters it leaves out."""
    if chosen is None:
        return list(rtype.texts)
    return [t for t in rtype.texts
            if any(rtype.section_texts.get(s) == t for s in chosen)
            or t not in rtype.section_texts.values()]


def type_from_id(report_id: str) -> str | None:
    """The report type a report id's ending names (``2025-delar`` → ``delar``), if any."""
    ending = report_id.split("-", 1)[1] if "-" in report_id else ""
    for rtype in REPORT_TYPES.values():
        if ending in rtype.suffixes:
            return rtype.typ
    return None
