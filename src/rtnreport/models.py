"""Pydantic models of the committee's data: one model per data file kind.

Everything here is a pure data type: strict, ``extra="forbid"``, immutable.
Figures are ``Decimal``. Derived figures (sums, deviations, percentages) are
never inputs; a file may record a *published* derived figure under
``publicerat`` only so that ``rtnreport check`` can compare it with the
computed one (see :mod:`rtnreport.rules`).

YAML keys are Swedish domain words in ASCII snake_case; values keep å/ä/ö.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

# --------------------------------------------------------------------------
# Scalar types.  The loader hands us str, bool, None, int and Decimal only
# (it resolves plain scalars itself, YAML 1.2 style); these validators turn
# them into what a field needs and explain what was wrong in plain words.

_DECIMAL_COMMA = re.compile(r"^[-−]?\d[\d ]*,\d+$")


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("väntade ett tal, fick ett sanningsvärde (true/false)")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        if _DECIMAL_COMMA.match(value.strip()):
            dotted = value.strip().replace(",", ".").replace(" ", "").replace("−", "-")
            raise ValueError(
                f"'{value}' har decimalkomma; skriv talet med decimalpunkt: {dotted}"
            )
        raise ValueError(f"väntade ett tal, fick texten '{value}'")
    raise ValueError(f"väntade ett tal, fick {type(value).__name__}")


def _to_int(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("väntade ett heltal, fick ett sanningsvärde (true/false)")
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    raise ValueError(f"väntade ett heltal, fick '{value}'")


def _to_text(value: Any) -> Any:
    """Text fields accept a number typed without quotes (``nummer: 5.2``).

    The loader keeps the number's source spelling, so ``5.10`` stays
    ``"5.10"``.
    """
    if isinstance(value, bool):
        raise ValueError(
            "väntade text, fick ett sanningsvärde (true/false); sätt texten inom citattecken"
        )
    if isinstance(value, (int, Decimal)):
        return str(value)
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"'{value}' är inget giltigt datum") from exc
    raise ValueError(f"väntade ett datum som ÅÅÅÅ-MM-DD, fick '{value}'")


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("texten får inte vara tom")
    return value


# WithJsonSchema: what an editor should accept while typing (yaml-language-server).
Tal = Annotated[Decimal, BeforeValidator(_to_decimal),
                WithJsonSchema({"type": "number", "description": "Tal med decimalpunkt"})]
Heltal = Annotated[int, BeforeValidator(_to_int), WithJsonSchema({"type": "integer"})]
Text = Annotated[str, BeforeValidator(_to_text), AfterValidator(_nonblank),
                 WithJsonSchema({"type": ["string", "number"], "minLength": 1})]
Datum = Annotated[date, BeforeValidator(_to_date),
                  WithJsonSchema({"type": "string", "format": "date",
                                  "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
Id = Annotated[
    str,
    BeforeValidator(_to_text),
    Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80,
                    "description": "Stabilt id: små bokstäver a–z, siffror och bindestreck"}),
]
"""A stable ASCII slug that stays when an item's number or wording changes."""

Markdown = Text
"""Comment and narrative text: Markdown, rendered safely, never as a template."""


class Base(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


# --------------------------------------------------------------------------
# Enumerations (Literal keeps strict mode happy with plain YAML strings).

Perspektiv = Annotated[
    str, BeforeValidator(_to_text),
    Field(pattern=r"^[a-z0-9]+([_-][a-z0-9]+)*$", max_length=80),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+([_-][a-z0-9]+)*$",
                    "description": "Perspektivets id (t.ex. invanare_och_samhalle); de tillåtna "
                                   "står i rtnreport.yaml under perspektiv, om de anges där"}),
]
"""A perspective's id; a project may list its perspectives in rtnreport.yaml."""
SPELLINGS = {"forbattrats": "forbattrad", "oforandrat": "oforandrad", "forsamrats": "forsamrad"}
"""Other ways an analyst writes a word (the participle of the published legends)."""


def _word(allowed: tuple[str, ...]) -> Any:
    """Accept the Swedish spelling of a code word: "grön" for gron, "Inte alls" for inte_alls."""

    def normalise(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        folded = (value.strip().lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
                  .replace(" ", "_").replace("-", "_"))
        folded = SPELLINGS.get(folded, folded)
        return folded if folded in allowed else value
    return BeforeValidator(normalise)


def _spellings(allowed: tuple[str, ...], swedish: tuple[str, ...]) -> Any:
    return WithJsonSchema({"type": "string", "enum": [*allowed, *swedish]})


FARGER = ("gron", "gul", "rod")
TRENDER = ("forbattrad", "oforandrad", "forsamrad")
IND_STATUSAR = ("helt", "delvis", "inte_alls", "varde_saknas")
KONTROLL_STATUSAR = ("pagaende", "avslutad", "ej_genomford")

Farg = Annotated[Literal["gron", "gul", "rod"], _word(FARGER),
                 _spellings(FARGER, ("grön", "röd"))]
"""Goal and uppdrag colour: grön uppnått, gul mindre avvikelse, röd större avvikelse."""
Trend = Annotated[Literal["forbattrad", "oforandrad", "forsamrad"], _word(TRENDER),
                  _spellings(TRENDER, ("förbättrad", "oförändrad", "försämrad"))]
IndikatorStatus = Annotated[Literal["helt", "delvis", "inte_alls", "varde_saknas"],
                            _word(IND_STATUSAR),
                            _spellings(IND_STATUSAR, ("inte alls", "värde saknas"))]
Riktning = Literal["oka", "minska", "intervall", "hogre_an_jamforelse", "uppna"]
KontrollStatus = Annotated[Literal["pagaende", "avslutad", "ej_genomford"],
                           _word(KONTROLL_STATUSAR),
                           _spellings(KONTROLL_STATUSAR, ("pågående", "ej genomförd"))]
def _known_type(value: str) -> str:
    from .reports import REPORT_TYPES

    if value not in REPORT_TYPES:
        raise ValueError(f"okänd rapporttyp '{value}'; kända typer: " + ", ".join(REPORT_TYPES))
    return value


def _types_schema() -> dict[str, Any]:
    from .reports import REPORT_TYPES

    return {"type": "string", "enum": list(REPORT_TYPES),
            "description": "Rapporttypen (registret i rtnreport.reports)"}


RapportTyp = Annotated[str, AfterValidator(_known_type), WithJsonSchema(_types_schema())]
"""A report type: one of the registry's (rtnreport.reports.REPORT_TYPES)."""


# --------------------------------------------------------------------------
# The project file  (rtnreport.yaml at the project's root)


class PerspektivNamn(Base):
    id: Perspektiv
    namn: Text


class Ord(Base):
    """Words that differ between organisations; each has a default from ``organisationstyp``."""

    fullmaktige: Text | None = None
    """The council: "regionfullmäktige" or "kommunfullmäktige"."""
    effektmal: Text | None = None
    """The summary's first category ("Effektmål från regionfullmäktige")."""
    namndens_mal: Text | None = None
    """The summary's second category ("Nämndens mål")."""
    uppdrag: Text | None = None
    """The summary's third category ("Nämndens uppdrag")."""
    namnden: Text | None = None
    """The committee in definite form, as uppdrag are given to it ("Kulturnämnden")."""
    styrelsen: Text | None = None
    """The executive board: "Regionstyrelsen" or "Kommunstyrelsen"."""


class ProjektFil(Base):
    """``rtnreport.yaml``: the organisation whose reports the project makes."""

    organisation: Text
    """The region or kommun, as it is named on the cover ("Exempelby kommun")."""
    organisationstyp: Literal["region", "kommun"]
    namnd: Text | None = None
    """The committee, used where a report in rapporter.yaml does not name one."""
    forvaltning: Text | None = None
    logotyp: Text | None = None
    """A logo file inside the project (SVG or PNG), e.g. ``bilder/logotyp.svg``."""
    accentfarg: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None
    """The colour of headings and rules, as #RRGGBB (contrast against white at least 4.5:1)."""
    perspektiv: list[PerspektivNamn] = Field(default_factory=list)
    """The perspectives mal.yaml may use; empty: any id."""
    ord: Ord = Field(default_factory=Ord)


# --------------------------------------------------------------------------
# Report metadata  (rapporter.yaml)


class Period(Base):
    fran: Datum
    till: Datum

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.till < self.fran:
            raise ValueError("periodens 'till' ligger före 'fran'")
        return self


class Bilaga(Base):
    """A text appended to a report, in the order given (``text`` is a file in text/)."""

    text: Id
    rubrik: Text


class AvsnittVal(Base):
    """A chapter of a report: one of its type's sections (renamed), or a free text chapter."""

    avsnitt: Id | None = None
    """One of the report type's sections (e.g. ``ekonomi``)."""
    text: Id | None = None
    """A free chapter: the Markdown file text/<text>.md."""
    rubrik: Text | None = None
    """The chapter's heading (required for a free chapter)."""

    @model_validator(mode="after")
    def _one(self) -> AvsnittVal:
        if (self.avsnitt is None) == (self.text is None):
            raise ValueError("ange antingen avsnitt (ett av rapporttypens avsnitt) eller text "
                             "(ett eget kapitel ur text/<namn>.md)")
        if self.text is not None and self.rubrik is None:
            raise ValueError(f"kapitlet ur text/{self.text}.md behöver en rubrik")
        return self


class Rapport(Base):
    id: Annotated[str, Field(pattern=r"^\d{4}-[a-z][a-z0-9-]*$")]
    typ: RapportTyp
    titel: Text
    undertitel: Text | None = None
    namnd: Text | None = None
    """The committee; default: ``namnd`` in rtnreport.yaml."""
    forvaltning: Text | None = None
    """The administration; default: ``forvaltning`` in rtnreport.yaml."""
    region: Text | None = None
    """The organisation (region or kommun); default: ``organisation`` in rtnreport.yaml."""
    period: Period
    dnr: Text | None = None
    beslutsdatum: Datum | None = None
    paragraf: Text | None = None
    """The decision's paragraph in the minutes ("§ 45"), shown beside beslutsdatum."""
    status: Literal["utkast", "beslutad", "publicerad"]
    """utkast (marked UTKAST on every page), beslutad, or publicerad (published without a
    decision, e.g. a follow-up the committee only takes note of)."""
    avsnitt: list[Id | AvsnittVal] | None = None
    """The report's chapters in order, when not its type's default: section ids
    (``inledning``), renamed sections (``{avsnitt: mal, rubrik: …}``) and free
    chapters (``{text: kulturarv, rubrik: Kulturarvet}``)."""
    bilagor: list[Bilaga] = Field(default_factory=list)
    """Texts shown after the report's own sections (e.g. the areas' presentations)."""
    kalla: Text | None = None


class Rapporter(Base):
    """``data/<år>/rapporter.yaml``: the reports the year's data makes."""

    rapporter: list[Rapport] = Field(min_length=1)


# --------------------------------------------------------------------------
# Goals, strategies  (mal.yaml)


class Bedomning(Base):
    """A goal's or uppdrag's assessment for the period: colour and trend.

    ``None`` means unknown; ``kalla`` says why (e.g. the colour symbol was lost
    when the published PDF was extracted) or how a value was derived.
    """

    status: Farg | None = None
    trend: Trend | None = None
    harledd: bool = False
    """The colour is not printed in the source but follows from it (say how in kalla)."""
    kalla: Text | None = None


class Effektmal(Base):
    typ: Literal["effektmal"]
    id: Id
    nummer: Text | None = None
    rubrik: Text | None = None
    text: Text
    bedomning: Bedomning | None = None
    kommentar: Markdown | None = None
    kalla: Text | None = None


class Mal(Base):
    """Nämndens mål: fokusområde, territoriellt mål, verksamhetsmål or plain mål."""

    typ: Literal["mal"]
    id: Id
    kategori: Literal["fokusomrade", "territoriellt_mal", "verksamhetsmal", "namndmal"]
    nummer: Text | None = None
    rubrik: Text | None = None
    underrubrik: Text | None = None
    """The delmål a fokusområde's number stands for ("Innovationsstöds- och företagsfrämjande system")."""
    text: Text
    effektmal: Id | None = None
    """The effektmål (id) this goal serves, if any."""
    ursprung: Text | None = None
    """Who decided the goal: "DN 2025", "Förslag DN 2026" …"""
    bedomning: Bedomning | None = None
    kommentar: Markdown | None = None
    kalla: Text | None = None


class Strategi(Base):
    typ: Literal["strategi"]
    id: Id
    rubrik: Text
    ingress: Text | None = None
    punkter: list[Text] = Field(default_factory=list)
    kommentar: Markdown | None = None
    kalla: Text | None = None


Post = Annotated[Effektmal | Mal | Strategi, Field(discriminator="typ")]


class PerspektivAvsnitt(Base):
    id: Perspektiv
    rubrik: Text
    beskrivning: Text | None = None
    poster: list[Post] = Field(default_factory=list)
    """Effektmål, mål and strategier in the order the report shows them."""


class Sammanfattning(Base):
    gron: Heltal = Field(ge=0)
    gul: Heltal = Field(ge=0)
    rod: Heltal = Field(ge=0)


class PubliceradSammanfattning(Base):
    """The published 3.1 counts, kept only to check the computed ones."""

    effektmal: Sammanfattning | None = None
    namndens_mal: Sammanfattning | None = None
    uppdrag: Sammanfattning | None = None
    kalla: Text | None = None


class MalFil(Base):
    """``data/<år>/mal.yaml``: perspektiv with their effektmål, mål and strategier."""

    perspektiv: list[PerspektivAvsnitt]
    publicerad_sammanfattning: PubliceradSammanfattning | None = None


# --------------------------------------------------------------------------
# Indicators  (indikatorer.yaml)


# --------------------------------------------------------------------------
# Kolada (the open KPI database of municipalities and regions): an indicator's
# source in the plan, and the mark of a value imported from it (rtnreport kolada).

KoladaKon = Literal["T", "K", "M"]
"""Kolada's gender: T totalt, K kvinnor, M män."""

def _omrade_id(value: str) -> str:
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError(f"'{value}' är inget områdes-id i Kolada; skriv fyra siffror inom "
                         "citattecken: kommun '1880', region '00' + länskod ('0018'), riket '0000'")
    return value


def _kpi_id(value: str) -> str:
    if not re.fullmatch(r"[NU]\d{5}", value):
        raise ValueError(f"'{value}' är inget KPI-id i Kolada (N eller U och fem siffror, "
                         "t.ex. N00999)")
    return value


KoladaOmradeId = Annotated[
    str, BeforeValidator(_to_text), AfterValidator(_omrade_id),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}$",
                    "description": "Koladas områdes-id inom citattecken: kommun '1880', "
                                   "region '00' + länskod ('0018'), riket '0000'"}),
]
KpiId = Annotated[str, BeforeValidator(_to_text), AfterValidator(_kpi_id),
                  WithJsonSchema({"type": "string", "pattern": r"^[NU]\d{5}$",
                                  "description": "Koladas KPI-id, t.ex. N00999"})]


class KoladaOmrade(Base):
    """An area with the name the report prints (for an area rtnreport does not know)."""

    id: KoladaOmradeId
    namn: Text


class KoladaUppdelning(Base):
    """A breakdown to import: one row per area, one column per kön."""

    dimension: Literal["kon", "kommun", "lan"]
    omraden: list[KoladaOmradeId | KoladaOmrade] = Field(default_factory=list)
    """The rows (kommun: municipalities, lan: comparison regions); kon: default the
    indicator's own area."""
    kon: list[KoladaKon] = Field(default_factory=list)
    """The columns; default K, M, T for dimension kon, else T."""
    rubrik: Text | None = None


class KoladaKoppling(Base):
    """Where Kolada publishes an indicator (``kolada:`` of an indicator in the plan)."""

    kpi: KpiId
    omrade: KoladaOmradeId
    kon: KoladaKon = "T"
    uppdelningar: list[KoladaUppdelning] = Field(default_factory=list)
    serie: Heltal | None = Field(default=None, ge=2, le=20)
    """Import the last N years as a time series (a chart in the report)."""
    avviker: bool = False
    """Kolada's definition differs from the indicator's (say how in kalla): not imported
    unless asked for by name (rtnreport kolada --indikator ID)."""
    kalla: Text | None = None

    @model_validator(mode="after")
    def _note(self) -> KoladaKoppling:
        if self.avviker and not self.kalla:
            raise ValueError("avviker: true kräver en kalla: som säger hur Koladas "
                             "definition skiljer sig från indikatorns")
        return self


class KoladaKalla(Base):
    """The mark of a value taken as Kolada publishes it (written by rtnreport kolada)."""

    kpi: KpiId
    hamtad: Datum
    """The day it was fetched."""


class Varde(Base):
    """A measured or target value with the period it refers to."""

    varde: Tal | None = None
    min: Tal | None = None
    max: Tal | None = None
    operator: Literal[">", ">=", "<", "<=", "="] | None = None
    period: Text | None = None
    text: Text | None = None
    """A value the source gives only in words or with a unit ("1,04 st")."""
    kalla: Text | None = None
    kolada: KoladaKalla | None = None

    @model_validator(mode="after")
    def _interval(self) -> Varde:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) är större än max ({self.max})")
        return self


class TabellRad(Base):
    namn: Text
    varden: list[Tal | None]


class Uppdelning(Base):
    """A breakdown table (per kommun, kön or jämförelselän)."""

    rubrik: Text
    dimension: Literal["kommun", "kon", "lan", "grupp"]
    period: Text | None = None
    enhet: Text | None = None
    kolumner: list[Text] = Field(min_length=1)
    rader: list[TabellRad] = Field(min_length=1)
    kalla: Text | None = None
    kolada: KoladaKalla | None = None

    @model_validator(mode="after")
    def _widths(self) -> Uppdelning:
        for rad in self.rader:
            if len(rad.varden) != len(self.kolumner):
                raise ValueError(
                    f"raden '{rad.namn}' har {len(rad.varden)} värden men tabellen "
                    f"har {len(self.kolumner)} kolumner"
                )
        return self


class SeriePunkt(Base):
    tid: Text
    varden: list[Tal | None]


class Serie(Base):
    """A time series (e.g. monthly sysselsättningsgrad), drawn as a chart."""

    rubrik: Text
    enhet: Text | None = None
    kolumner: list[Text] = Field(min_length=1)
    punkter: list[SeriePunkt] = Field(min_length=1)
    kommentar: Markdown | None = None
    kalla: Text | None = None
    kolada: KoladaKalla | None = None

    @model_validator(mode="after")
    def _widths(self) -> Serie:
        for p in self.punkter:
            if len(p.varden) != len(self.kolumner):
                raise ValueError(
                    f"punkten '{p.tid}' har {len(p.varden)} värden men serien "
                    f"har {len(self.kolumner)} kolumner"
                )
        return self


class IndikatorBedomning(Base):
    status: IndikatorStatus | None = None
    trend: Trend | None = None
    motivering: Text | None = None
    """Why a hand-set status differs from the computed one."""
    kalla: Text | None = None


class Indikator(Base):
    id: Id
    mal: Id
    """The goal or effektmål (id) the indicator measures."""
    nummer: Text | None = None
    """The styrtal's number in a plan ("5", "4 a"), if it has one."""
    text: Text
    riktning: Riktning | None = None
    enhet: Text | None = None
    utfall: Varde | None = None
    malvarde: Varde | None = None
    """The target for the year (årets målvärde)."""
    senast_kanda: Varde | None = None
    langsiktigt_malvarde: Varde | None = None
    tidigare_utfall: list[Varde] = Field(default_factory=list)
    """Earlier outcomes, for the trend."""
    bedomning: IndikatorBedomning | None = None
    kommentar: Markdown | None = None
    uppdelningar: list[Uppdelning] = Field(default_factory=list)
    serier: list[Serie] = Field(default_factory=list)
    efter_tabell: Markdown | None = None
    """Comment text that the report prints after the breakdowns and series."""
    ursprung: Text | None = None
    kalla: Text | None = None
    kolada: KoladaKoppling | None = None
    """Where Kolada publishes the indicator (plan only; see rtnreport kolada)."""


class IndikatorFil(Base):
    """``data/<år>/indikatorer.yaml``."""

    indikatorer: list[Indikator]


# --------------------------------------------------------------------------
# Uppdrag  (uppdrag.yaml)


class Uppdrag(Base):
    id: Id
    nummer: Text | None = None
    """Fullmäktige's number (``Nr 19``); none for the committee's own."""
    mal: Id | None = None
    text: Text
    ursprung: Text | None = None
    """Who gave it: "FM 2026", "DN 2025", "Förslag DN 2026" …"""
    kontinuitet: Text | None = None
    """"Från 2022 fortsätter 2023", "Nytt 2023" …"""
    mottagare: Literal["namnden", "forvaltningen", "alla_namnder"] | None = None
    bedomning: Bedomning | None = None
    kommentar: Markdown | None = None
    kalla: Text | None = None


class UppdragFil(Base):
    """``data/<år>/uppdrag.yaml``."""

    uppdrag: list[Uppdrag]
    publicerat_antal_till_namnden: Heltal | None = None
    """A published count of the uppdrag to the nämnd ("Sammanfattning … (17 st)"), checked."""


# --------------------------------------------------------------------------
# Ekonomi  (ekonomi.yaml)

RadId = Annotated[
    str,
    BeforeValidator(_to_text),
    Field(pattern=r"^[a-z0-9]+([_-][a-z0-9]+)*$", max_length=80),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+([_-][a-z0-9]+)*$",
                    "maxLength": 80,
                    "description": "Radens id: små bokstäver a–z, siffror, _ och -"}),
]
"""A table row's id: what ``[[tabell.rad.kolumn]]`` references and ``summa`` lists name."""

Belopp = Literal["mnkr", "tkr", "kr"]
"""The unit of an economy table's amounts."""

RadSlag = Literal["intakt", "kostnad", "anslag", "finansiell", "summa"]
"""What a resultatrapport row is: intäkt (positive), kostnad (negative), anslag
(kommunbidrag, regionbidrag, budgetram: positive), finansiell (finansnetto, either
sign), or a summa of other rows."""

ResultatKolumn = Literal[
    "utfall", "budget", "utfall_fg_ar", "utfall_ack", "budget_ack", "utfall_ack_fg_ar",
    "prognos", "prognos_fg_ar", "budget_fg_ar", "budgetavvikelse_fg_ar",
    "budgetavvikelse", "budgetavvikelse_ack", "prognosavvikelse", "utfallsavvikelse",
    "utfallsavvikelse_ack",
]
"""The resultatrapport's columns; the avvikelse columns are computed (see rules.ekonomi)."""

RESULTAT_VARDEN = ("utfall", "budget", "utfall_fg_ar", "utfall_ack", "budget_ack",
                   "utfall_ack_fg_ar", "prognos", "prognos_fg_ar", "budget_fg_ar",
                   "budgetavvikelse_fg_ar")
"""The input columns a row may give values for."""


class ResultatRad(Base):
    """One row of the resultatrapport, declared by the committee: an account line or a sum."""

    id: RadId
    namn: Text
    slag: RadSlag
    summa: list[RadId] = Field(default_factory=list)
    """For ``slag: summa``: the rows (or other sums) it adds, in any order."""
    grupp: Text | None = None
    """A group heading printed above the row (e.g. "Verksamhetens intäkter")."""
    utfall: Tal | None = None
    budget: Tal | None = None
    utfall_fg_ar: Tal | None = None
    utfall_ack: Tal | None = None
    budget_ack: Tal | None = None
    utfall_ack_fg_ar: Tal | None = None
    prognos: Tal | None = None
    prognos_fg_ar: Tal | None = None
    budget_fg_ar: Tal | None = None
    budgetavvikelse_fg_ar: Tal | None = None
    """Last year's published budget deviation (an input: its budget is not in the data)."""

    @model_validator(mode="after")
    def _sum_or_values(self) -> ResultatRad:
        if self.slag == "summa":
            if not self.summa:
                raise ValueError(f"summaraden '{self.id}' anger inte vilka rader den summerar "
                                 "(summa: [rad-id, …])")
            given = [c for c in RESULTAT_VARDEN if getattr(self, c) is not None]
            if given:
                raise ValueError(
                    f"summaraden '{self.id}' räknas ur sina rader och tar inga värden "
                    f"({', '.join(given)}); ett tryckt värde hör under publicerat")
        elif self.summa:
            raise ValueError(f"raden '{self.id}' har slag {self.slag}; bara en rad med "
                             "slag: summa kan ha summa")
        return self


Kolumnvarden = dict[str, Tal | None]

RESULTAT_KOLUMNSET: dict[str, tuple[str, ...]] = {
    "delar": ("utfall_ack", "budget_ack", "budgetavvikelse_ack", "utfall_ack_fg_ar", "prognos",
              "budget", "prognosavvikelse", "budgetavvikelse_fg_ar"),
    "helar": ("utfall", "budget", "utfall_fg_ar", "budgetavvikelse", "utfallsavvikelse"),
    "vp": ("budget", "prognos_fg_ar", "budget_fg_ar"),
}
"""Named column sets: a report type's usual columns (``kolumner: delar``)."""


class Resultatrapport(Base):
    """The result statement as the committee lays it out: its rows, sums and columns."""

    rubrik: Text | None = None
    fotnot: Text | None = None
    enhet: Belopp = "mnkr"
    kolumner: Literal["delar", "helar", "vp"] | Annotated[list[ResultatKolumn],
                                                          Field(min_length=1)]
    """A named set (delar, helar, vp) or the columns in order."""
    kolumnrubriker: dict[str, Text] = Field(default_factory=dict)
    """Headings as printed, by column key (e.g. utfall: "Utfall 2023")."""
    diagram: list[Serie] = Field(default_factory=list)
    """Series the report draws beside the table (e.g. budgetavvikelse per månad)."""
    rader: list[ResultatRad] = Field(min_length=1)
    """Account lines and sums in the order printed."""
    publicerat: dict[str, Kolumnvarden] = Field(default_factory=dict)
    """Published derived cells (row → column → value), checked, never shown."""
    kalla: Text | None = None

    @model_validator(mode="after")
    def _unique_rows(self) -> Resultatrapport:
        seen: set[str] = set()
        for rad in self.rader:
            if rad.id in seen:
                raise ValueError(f"rad-id '{rad.id}' finns två gånger; varje rad behöver ett "
                                 "eget id")
            seen.add(rad.id)
        return self

    @property
    def columns(self) -> tuple[str, ...]:
        k = self.kolumner
        return RESULTAT_KOLUMNSET[k] if isinstance(k, str) else tuple(k)


class DriftRad(Base):
    id: Id
    namn: Text
    underomrade: bool = False
    """Shown indented under the row above (e.g. a folkhögskola)."""
    budgetavvikelse: Tal | None = None
    omsattning: Tal | None = None
    budgetavvikelse_fg_ar: Tal | None = None
    budgetram: Tal | None = None
    """Varav budgetram (driftbudget in a plan)."""
    omsattning_fg_ar: Tal | None = None
    budgetram_fg_ar: Tal | None = None
    kommentar_rubrik: Text | None = None
    """The name the comment's heading uses when it differs from ``namn``."""
    kommentar: Markdown | None = None
    publicerat: Kolumnvarden = Field(default_factory=dict)


class Driftredovisning(Base):
    rubrik: Text | None = None
    enhet: Belopp = "mnkr"
    period: Text
    period_fg_ar: Text | None = None
    rader: list[DriftRad] = Field(min_length=1)
    fotnot: Text | None = None
    publicerat_summa: Kolumnvarden = Field(default_factory=dict)
    kalla: Text | None = None


class InvesteringRad(Base):
    namn: Text
    kategori: Text | None = None
    """A group heading the row is printed under (e.g. "Inventarier")."""
    utfall_ack: Tal | None = None
    prognos: Tal | None = None
    budget: Tal | None = None
    utfall_fg_ar: Tal | None = None
    utfall: Tal | None = None
    overfort: Tal | None = None
    """Överfört från tidigare år (helår)."""
    budget_fg_ar: Tal | None = None
    prognos_fg_ar: Tal | None = None


class Investeringar(Base):
    enhet: Belopp = "mnkr"
    rubrik: Text | None = None
    forsta_kolumn: Text | None = None
    """The heading of the row-name column (e.g. "Investeringar brutto, mnkr")."""
    kolumner: list[
        Literal["utfall_ack", "prognos", "budget", "utfall_fg_ar", "utfall", "overfort",
                "budget_fg_ar", "prognos_fg_ar"]
    ] = Field(min_length=1)
    kolumnrubriker: list[Text] = Field(min_length=1)
    rader: list[InvesteringRad]
    publicerat_summa: Kolumnvarden = Field(default_factory=dict)
    kalla: Text | None = None


class Kolumn(Base):
    id: Id
    rubrik: Text


class HandlingsplanRad(Base):
    id: Id
    grupp: Text
    namn: Text
    typ: Literal["antal", "arsarbetare", "effekt", "rubrik"]
    """``effekt`` rows (mnkr) add up to the Summa row; ``rubrik`` rows carry no values."""
    varden: list[Tal | None]


class Handlingsplan(Base):
    enhet: Belopp = "mnkr"
    rubrik: Text | None = None
    ingress: Text | None = None
    kolumner: list[Kolumn] = Field(min_length=1)
    rader: list[HandlingsplanRad]
    publicerat_summa: list[Tal | None] = Field(default_factory=list)
    kalla: Text | None = None

    @model_validator(mode="after")
    def _widths(self) -> Handlingsplan:
        for rad in self.rader:
            if len(rad.varden) not in (0, len(self.kolumner)):
                raise ValueError(
                    f"raden '{rad.namn}' har {len(rad.varden)} värden men tabellen "
                    f"har {len(self.kolumner)} kolumner"
                )
        return self


class Nyckeltal(Base):
    namn: Text
    enhet: Text | None = None
    varden: dict[str, Tal | None]
    kalla: Text | None = None


class RamPost(Base):
    """One line of the economic frame (ramanslag, index, schablon, reserv …)."""

    id: Id
    namn: Text
    varde: Tal | None = None
    enhet: Text | None = None
    """mnkr, %, kr/åa, timmar/åa …"""
    varde_fg_ar: Tal | None = None
    procent: Tal | None = None
    """A rate given beside the amount (e.g. 3,1 % or 4,6 mnkr)."""
    kommentar: Markdown | None = None
    kalla: Text | None = None


class EkonomiskRam(Base):
    """The economic frame of a plan year (ekonomiska förutsättningar)."""

    rubrik: Text
    datum: Datum | None = None
    poster: list[RamPost] = Field(min_length=1)
    kommentar: Markdown | None = None
    kalla: Text | None = None


class EkonomiFil(Base):
    """``data/<år>/ekonomi.yaml``."""

    ekonomisk_ram: EkonomiskRam | None = None
    resultatrapport: Resultatrapport | None = None
    driftredovisning: Driftredovisning | None = None
    investeringar: Investeringar | None = None
    handlingsplan: Handlingsplan | None = None
    nyckeltal: list[Nyckeltal] = Field(default_factory=list)


# --------------------------------------------------------------------------
# Personalekonomi  (personal.yaml)


class Lonekostnad(Base):
    enhet: Belopp = "mnkr"
    rubrik: Text
    utfall_ack: Tal | None = None
    utfall_ack_fg_ar: Tal | None = None
    prognos: Tal | None = None
    utfall: Tal | None = None
    utfall_fg_ar: Tal | None = None
    okningstakt_ack_fg_ar: Tal | None = None
    """Published growth of the year before (its base is not in the data)."""
    okningstakt_fg_ar: Tal | None = None
    publicerat: Kolumnvarden = Field(default_factory=dict)
    kommentar: Markdown | None = None


class KostnadsRad(Base):
    namn: Text
    konto: Text | None = None
    utfall: Tal | None
    utfall_fg_ar: Tal | None
    publicerat: Kolumnvarden = Field(default_factory=dict)


class Kostnadsanalys(Base):
    enhet: Belopp = "mnkr"
    kolumnrubriker: list[Text] = Field(min_length=2, max_length=2)
    """Headings of the two input columns (e.g. "Utfall ack", "Utfall ack fg år")."""
    rader: list[KostnadsRad] = Field(min_length=1)
    summa_namn: Text = "Totalt kontoklass 40-41"
    publicerat_summa: Kolumnvarden = Field(default_factory=dict)
    kommentar: Markdown | None = None


class ArsarbetarePublicerat(Base):
    """Published derived cells of one row, kept only to check the computed ones."""

    totalt: Tal | None = None
    totalt_fg_ar: Tal | None = None
    forandring: list[Tal | None] = Field(default_factory=list, max_length=3)
    """[grupp 1, grupp 2, totalt]."""


class ArsarbetareRad(Base):
    namn: Text
    i_ar: list[Tal | None] = Field(min_length=2, max_length=2)
    """[grupp 1, grupp 2] at ``tidpunkt``."""
    fg_ar: list[Tal | None] = Field(min_length=2, max_length=2)
    """[grupp 1, grupp 2] at ``tidpunkt_fg_ar``."""
    publicerat: ArsarbetarePublicerat | None = None


class Arsarbetare(Base):
    id: Id
    rubrik: Text
    grupper: list[Text] = Field(min_length=2, max_length=2)
    """Kvinnor/Män or Tillsvidare/Visstid."""
    tidpunkt: Text
    tidpunkt_fg_ar: Text
    rader: list[ArsarbetareRad] = Field(min_length=1)
    publicerat_summa: ArsarbetarePublicerat | None = None
    publicerat_summa_i_ar: list[Tal | None] = Field(default_factory=list, max_length=2)
    publicerat_summa_fg_ar: list[Tal | None] = Field(default_factory=list, max_length=2)
    definition: Markdown | None = None
    kommentar: Markdown | None = None


class SjukfranvaroTimmar(Base):
    kvinnor: Tal | None
    man: Tal | None


class Sjukfranvaro(Base):
    kalla: Text | None = None
    procent_decimaler: Heltal = Field(default=1, ge=0, le=3)
    """How many decimals the % rows are printed with (2023 printed two)."""
    rubrik: Text
    period: Text
    period_fg_ar: Text
    schemalagda_timmar: SjukfranvaroTimmar
    schemalagda_timmar_fg_ar: SjukfranvaroTimmar
    korttid: SjukfranvaroTimmar
    korttid_fg_ar: SjukfranvaroTimmar
    langtid: SjukfranvaroTimmar
    langtid_fg_ar: SjukfranvaroTimmar
    publicerat: dict[str, list[Tal | None]] = Field(default_factory=dict)
    """Published derived rows (row key → 9 cells), checked against the computed ones."""
    kommentar: Markdown | None = None


class PersonalFil(Base):
    """``data/<år>/personal.yaml``."""

    lonekostnad: Lonekostnad | None = None
    kostnadsanalys: Kostnadsanalys | None = None
    arsarbetare: list[Arsarbetare] = Field(default_factory=list)
    sjukfranvaro: Sjukfranvaro | None = None


# --------------------------------------------------------------------------
# Internkontroll  (internkontroll.yaml)


class Atgard(Base):
    text: Markdown
    status: KontrollStatus | None = None
    kommentar: Markdown | None = None
    kalla: Text | None = None


class Risk(Base):
    id: Id
    text: Markdown
    atgarder: list[Atgard] = Field(default_factory=list)
    uppfoljning: Markdown | None = None
    """The year-end follow-up of the risk (helår)."""
    isk_bedomning: Markdown | None = None


class KontrollOmrade(Base):
    kalla: Text | None = None
    verksamhet: Text
    risker: list[Risk] = Field(min_length=1)


class InternkontrollFil(Base):
    """``data/<år>/internkontroll.yaml``."""

    omraden: list[KontrollOmrade]
    isk_bedomning: Markdown | None = None
    kalla: Text | None = None


# --------------------------------------------------------------------------
# RUS-uppföljning  (rus.yaml): the regional development strategy's follow-up.
# Its colours mean direction and pace towards 2030, not the committee's target.


class RusEffektmal(Base):
    id: Id
    text: Text
    bedomning: Bedomning | None = None
    kommentar: Markdown | None = None
    kalla: Text | None = None


class RusFordelning(Base):
    """Colour counts as the RUS text states them; a colour it does not state is None."""

    gron: Heltal | None = Field(default=None, ge=0)
    gul: Heltal | None = Field(default=None, ge=0)
    rod: Heltal | None = Field(default=None, ge=0)
    ej_grona: Heltal | None = Field(default=None, ge=0)
    """Yellow or red, not split ("fyra bedöms inte kunna uppfyllas till år 2030")."""


class RusOvergripandeMal(Base):
    id: Id
    rubrik: Text
    text: Markdown | None = None
    """The analysis text of the goal."""
    effektmal: list[RusEffektmal] = Field(default_factory=list)
    antal_effektmal: Heltal | None = Field(default=None, ge=0)
    """How many effektmål the goal has, where the source says so but lost the items."""
    publicerad_fordelning: RusFordelning | None = None
    """The colour counts the text states (e.g. "fyra röda och två gula")."""
    uppfylls_2030: bool | None = None
    """Whether the report judges the goal reachable by 2030."""
    figur: Text | None = None
    """The caption of the figure that showed the effektmål, if the source had one."""
    kalla: Text | None = None


class RusOmrade(Base):
    id: Id
    rubrik: Text
    text: Markdown
    kalla: Text | None = None


class RusUtmaning(Base):
    id: Id
    rubrik: Text
    fraga: Text | None = None
    nulage: Markdown | None = None
    framsteg: Markdown | None = None
    utmaningar: Markdown | None = None
    rekommendation: Markdown | None = None
    kalla: Text | None = None


class RusFil(Base):
    """``data/<år>/<rapport>/rus.yaml``: the follow-up of the regional development strategy."""

    fargforklaring: Markdown | None = None
    overgripande_mal: list[RusOvergripandeMal] = Field(min_length=1)
    prioriterade_omraden: list[RusOmrade] = Field(default_factory=list)
    utmaningsomraden: list[RusUtmaning] = Field(default_factory=list)
    utmaningar_rubrik: Text = "Områden med särskilda utmaningar"
    """The heading of the chapter on ``utmaningsomraden``."""
    kalla: Text | None = None


# --------------------------------------------------------------------------
# Follow-up files: ``data/<år>/<rapport-id>/``.  A follow-up (delår, helår)
# adds what its period reports to the year's plan, item by item, keyed by the
# plan's stable ids.  Nothing in a follow-up ever changes the plan's files.


class PostUppfoljning(Base):
    """A goal's or strategy's follow-up for the period (by its id in the plan's mal.yaml)."""

    bedomning: Bedomning | None = None
    """Colour and trend for the period; leave out while the goal is not yet assessed."""
    kommentar: Markdown | None = None
    """The period's analysis of the goal."""
    kalla: Text | None = None


class MalUppfoljning(Base):
    """``data/<år>/<rapport>/mal.yaml``: assessments of the plan's goals, by id."""

    poster: dict[Id, PostUppfoljning] = Field(default_factory=dict)
    publicerad_sammanfattning: PubliceradSammanfattning | None = None


class IndikatorUppfoljning(Base):
    """An indicator's outcome for the period (by its id in the plan's indikatorer.yaml)."""

    utfall: Varde | None = None
    """The outcome, with the period it refers to (often an earlier year)."""
    tidigare_utfall: list[Varde] = Field(default_factory=list)
    bedomning: IndikatorBedomning | None = None
    kommentar: Markdown | None = None
    uppdelningar: list[Uppdelning] = Field(default_factory=list)
    serier: list[Serie] = Field(default_factory=list)
    efter_tabell: Markdown | None = None
    kalla: Text | None = None


class IndikatorUppfoljningFil(Base):
    """``data/<år>/<rapport>/indikatorer.yaml``: outcomes of the plan's indicators, by id."""

    indikatorer: dict[Id, IndikatorUppfoljning] = Field(default_factory=dict)


class UppdragUppfoljning(Base):
    """An uppdrag's follow-up for the period (by its id in the plan's uppdrag.yaml)."""

    bedomning: Bedomning | None = None
    kommentar: Markdown | None = None
    kalla: Text | None = None


class UppdragUppfoljningFil(Base):
    """``data/<år>/<rapport>/uppdrag.yaml``: status of the plan's uppdrag, by id."""

    uppdrag: dict[Id, UppdragUppfoljning] = Field(default_factory=dict)


class AtgardUppfoljning(Base):
    """The follow-up of one åtgärd, in the order the plan lists them."""

    status: KontrollStatus | None = None
    kommentar: Markdown | None = None
    kalla: Text | None = None


class RiskUppfoljning(Base):
    atgarder: list[AtgardUppfoljning] = Field(default_factory=list)
    """One entry per åtgärd of the risk in the plan, in the same order."""
    uppfoljning: Markdown | None = None
    isk_bedomning: Markdown | None = None


class InternkontrollUppfoljning(Base):
    """``data/<år>/<rapport>/internkontroll.yaml``: the plan's risks followed up, by id."""

    risker: dict[Id, RiskUppfoljning] = Field(default_factory=dict)
    isk_bedomning: Markdown | None = None
    kalla: Text | None = None


FOLLOWUP_FIELDS: dict[type[Base], tuple[str, ...]] = {
    Effektmal: ("bedomning", "kommentar"),
    Mal: ("bedomning", "kommentar"),
    Strategi: ("kommentar",),
    Indikator: ("utfall", "tidigare_utfall", "bedomning", "kommentar", "uppdelningar",
                "serier", "efter_tabell"),
    Uppdrag: ("bedomning", "kommentar"),
    Risk: ("uppfoljning", "isk_bedomning"),
}
"""Per plan item kind: the fields a follow-up report supplies (its own or none).

A follow-up shows these from its own files only; the plan's ``kommentar`` (a
plan's description of a goal) is never shown as a follow-up's comment.
"""

PLAN_FORBIDDEN: dict[type[Base], tuple[str, ...]] = {
    Effektmal: ("bedomning",),
    Mal: ("bedomning",),
    Indikator: ("utfall", "tidigare_utfall", "bedomning", "uppdelningar", "serier",
                "efter_tabell"),
    Uppdrag: ("bedomning",),
    Risk: ("uppfoljning", "isk_bedomning"),
    Atgard: ("status",),
    MalFil: ("publicerad_sammanfattning",),
    InternkontrollFil: ("isk_bedomning",),
}
"""Fields that belong to a follow-up: written in a plan file they are an error."""


# --------------------------------------------------------------------------
# The files of one year, by file name.

FILE_MODELS: dict[str, type[Base]] = {
    "rapporter.yaml": Rapporter,
    "mal.yaml": MalFil,
    "indikatorer.yaml": IndikatorFil,
    "uppdrag.yaml": UppdragFil,
    "ekonomi.yaml": EkonomiFil,
    "personal.yaml": PersonalFil,
    "internkontroll.yaml": InternkontrollFil,
    "rus.yaml": RusFil,
}

FOLLOWUP_FILE_MODELS: dict[str, type[Base]] = {
    "mal.yaml": MalUppfoljning,
    "indikatorer.yaml": IndikatorUppfoljningFil,
    "uppdrag.yaml": UppdragUppfoljningFil,
    "internkontroll.yaml": InternkontrollUppfoljning,
    "ekonomi.yaml": EkonomiFil,
    "personal.yaml": PersonalFil,
    "rus.yaml": RusFil,
}
"""The files of a report's own folder ``data/<år>/<rapport-id>/``, by file name."""
