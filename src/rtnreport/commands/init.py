"""``rtnreport init``: a new project that checks and builds at once.

The example is clearly fictitious (Exempelby kommun, Kulturnämnden): a plan
for the year with four perspectives, a delårsrapport that follows it up, the
committee's own result statement in tkr with kommunbidrag, texts, a logo, the
editor schemas and a README saying what to edit first.  Nothing is ever
overwritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..outputs import atomic_write
from .schema import editor_settings, schema_filename, schemas


class InitError(Exception):
    """The folder cannot be made a project (exit 2)."""


LOGO = """<svg xmlns="http://www.w3.org/2000/svg" width="300" height="64" viewBox="0 0 300 64">
  <title>Exempelby kommun</title>
  <rect x="2" y="8" width="48" height="48" rx="8" fill="#6a1b4d"/>
  <path d="M14 44 L26 20 L38 44 Z" fill="#ffffff"/>
  <text x="60" y="40" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#6a1b4d">Exempelby kommun</text>
</svg>
"""

FILES: dict[str, str] = {
    "rtnreport.yaml": """\
# Projektfilen: vems rapporterna är. Ändra detta först (se README.md).
# EXEMPEL: Exempelby kommun och dess kulturnämnd är påhittade.
organisation: Exempelby kommun
organisationstyp: kommun          # region eller kommun: styr orden (kommunfullmäktige …)
namnd: Kulturnämnden
forvaltning: Kultur- och fritidsförvaltningen
logotyp: bilder/logotyp.svg       # en SVG- eller PNG-fil i projektet
accentfarg: "#6a1b4d"             # rubrikernas färg; kontrasten mot vitt ska vara minst 4,5:1
perspektiv:
  - {{id: invanare, namn: Invånare}}
  - {{id: verksamhet, namn: Verksamhet}}
  - {{id: medarbetare, namn: Medarbetare}}
  - {{id: ekonomi, namn: Ekonomi}}
""",
    "data/{ar}/rapporter.yaml": """\
# Årets rapporter. Lägg till fler med: rtnreport new-report {ar}-delar
rapporter:
  - id: {ar}-vp
    typ: vp
    titel: Verksamhetsplan med budget {ar}
    period: {{fran: {ar}-01-01, till: {ar}-12-31}}
    dnr: KN {prev}/17
    beslutsdatum: {prev}-11-20
    paragraf: § 64
    status: beslutad
  - id: {ar}-delar
    typ: delar
    titel: Delårsrapport
    undertitel: Per 31 augusti {ar}
    period: {{fran: {ar}-01-01, till: {ar}-08-31}}
    status: utkast
""",
    "data/{ar}/mal.yaml": """\
# Planens mål per perspektiv (EXEMPEL). Uppföljningarna bedömer dem med samma id.
perspektiv:
  - id: invanare
    rubrik: Invånare
    poster:
      - typ: effektmal
        id: kultur-for-alla
        nummer: "1"
        rubrik: Kultur för alla
        text: Alla invånare har tillgång till ett rikt kulturliv i hela kommunen.
      - typ: mal
        id: fler-biblioteksbesok
        kategori: namndmal
        text: Fler invånare besöker biblioteken.
        effektmal: kultur-for-alla
  - id: verksamhet
    rubrik: Verksamhet
    poster:
      - typ: mal
        id: digitala-tjanster
        kategori: namndmal
        text: Fler lån och bokningar görs digitalt.
  - id: medarbetare
    rubrik: Medarbetare
    poster:
      - typ: mal
        id: hallbart-arbetsliv
        kategori: namndmal
        text: Medarbetarna har ett hållbart arbetsliv.
  - id: ekonomi
    rubrik: Ekonomi
    poster:
      - typ: mal
        id: ekonomi-i-balans
        kategori: namndmal
        text: Nämnden håller sin budget.
""",
    "data/{ar}/indikatorer.yaml": """\
# Planens indikatorer med riktning och målvärde (EXEMPEL).
indikatorer:
  - id: biblioteksbesok-per-invanare
    mal: fler-biblioteksbesok
    text: Antal biblioteksbesök per invånare ska öka.
    riktning: oka
    enhet: besök
    malvarde: {{varde: 4.5, operator: ">="}}
  - id: andel-digitala-lan
    mal: digitala-tjanster
    text: Andelen digitala lån ska öka.
    riktning: oka
    enhet: "%"
    malvarde: {{varde: 30}}
  - id: sjukfranvaro
    mal: hallbart-arbetsliv
    text: Sjukfrånvaron ska minska.
    riktning: minska
    enhet: "%"
    malvarde: {{varde: 6.0, operator: "<="}}
""",
    "data/{ar}/ekonomi.yaml": """\
# Nämndens resultatbudget (EXEMPEL), i tkr. Raderna, deras slag och summor är nämndens egna.
resultatrapport:
  rubrik: Resultatbudget
  enhet: tkr
  kolumner: [budget]
  rader:
    - {{id: intakter, namn: Verksamhetens intäkter, slag: intakt, budget: 52000}}
    - {{id: kostnader, namn: Verksamhetens kostnader, slag: kostnad, budget: -317350}}
    - {{id: nettokostnad, namn: Verksamhetens nettokostnad, slag: summa, summa: [intakter, kostnader]}}
    - {{id: kommunbidrag, namn: Kommunbidrag, slag: anslag, budget: 263850}}
    - {{id: finansnetto, namn: Finansnetto, slag: finansiell, budget: 1500}}
    - {{id: resultat, namn: Årets resultat, slag: summa, summa: [nettokostnad, kommunbidrag, finansnetto]}}
driftredovisning:
  rubrik: Driftbudget
  enhet: tkr
  period: "{ar}"
  rader:
    - {{id: bibliotek, namn: Bibliotek, omsattning: 61000, budgetram: 52000}}
    - {{id: kulturskola, namn: Kulturskola, omsattning: 38000, budgetram: 30500}}
""",
    "data/{ar}/text/inledning.md": """\
Kulturnämnden i Exempelby kommun (ett påhittat exempel) planerar för ett år med fler
biblioteksbesök och fler digitala tjänster.
""",
    "data/{ar}/{ar}-delar/mal.yaml": """\
# Delårsrapportens bedömning av planens mål (EXEMPEL).
# status: gron, gul eller rod · trend: forbattrad, oforandrad eller forsamrad
poster:
  kultur-for-alla:
    bedomning: {{status: gron, trend: forbattrad}}
    kommentar: Programmet har nått alla kommundelar under våren.
  fler-biblioteksbesok:
    bedomning: {{status: gul, trend: oforandrad}}
  digitala-tjanster:
    bedomning: {{status: gron, trend: forbattrad}}
  hallbart-arbetsliv:
    bedomning: {{status: gul, trend: forsamrad}}
  ekonomi-i-balans:
    bedomning: {{status: gron, trend: oforandrad}}
""",
    "data/{ar}/{ar}-delar/indikatorer.yaml": """\
# Delårsrapportens utfall per indikator (EXEMPEL).
indikatorer:
  biblioteksbesok-per-invanare:
    utfall: {{varde: 4.2, period: "{prev}"}}
    tidigare_utfall: [{{varde: 4.0, period: "{prev2}"}}]
    bedomning: {{status: delvis, trend: forbattrad}}
  andel-digitala-lan:
    utfall: {{varde: 31.5, period: jan–aug {ar}}}
    bedomning: {{status: helt, trend: forbattrad}}
  sjukfranvaro:
    utfall: {{varde: 6.4, period: jan–aug {ar}}}
    bedomning: {{status: inte_alls, trend: forsamrad}}
""",
    "data/{ar}/{ar}-delar/ekonomi.yaml": """\
# Delårsrapportens ekonomi (EXEMPEL), i tkr: planens rader med periodens kolumner.
resultatrapport:
  rubrik: Resultatrapport
  enhet: tkr
  kolumner: [utfall_ack, budget_ack, budgetavvikelse_ack, prognos, budget, prognosavvikelse]
  rader:
    - {{id: intakter, namn: Verksamhetens intäkter, slag: intakt,
       utfall_ack: 35600, budget_ack: 34000, prognos: 53000, budget: 52000}}
    - {{id: kostnader, namn: Verksamhetens kostnader, slag: kostnad,
       utfall_ack: -210800, budget_ack: -211600, prognos: -318500, budget: -317350}}
    - {{id: nettokostnad, namn: Verksamhetens nettokostnad, slag: summa, summa: [intakter, kostnader]}}
    - {{id: kommunbidrag, namn: Kommunbidrag, slag: anslag,
       utfall_ack: 175900, budget_ack: 175900, prognos: 263850, budget: 263850}}
    - {{id: finansnetto, namn: Finansnetto, slag: finansiell,
       utfall_ack: 3500, budget_ack: 1000, prognos: 1500, budget: 1500}}
    - {{id: resultat, namn: Årets resultat, slag: summa, summa: [nettokostnad, kommunbidrag, finansnetto]}}
driftredovisning:
  rubrik: Driftredovisning
  enhet: tkr
  period: jan–aug {ar}
  rader:
    - {{id: bibliotek, namn: Bibliotek, budgetavvikelse: 1250, omsattning: 40000,
       kommentar: Vakanser under våren gav ett överskott.}}
    - {{id: kulturskola, namn: Kulturskola, budgetavvikelse: -350, omsattning: 25000}}
""",
    "data/{ar}/{ar}-delar/text/inledning.md": """\
Delårsrapporten för Kulturnämnden i Exempelby kommun (ett påhittat exempel). Årets resultat
per augusti är [[resultatrapport.resultat.utfall_ack]] tkr.
""",
    "data/{ar}/{ar}-delar/text/vasentliga-handelser.md": """\
## Nytt bibliotek i Norrby

Biblioteket i Norrby öppnade i mars och har haft fler besök än väntat.
""",
    "bilder/logotyp.svg": LOGO,
    ".gitignore": "build/\n.rtnreport-cache/\n.venv/\n",
    "README.md": """\
# Rapporter för Kulturnämnden, Exempelby kommun (EXEMPEL)

Skapat med `rtnreport init`. Allt innehåll är påhittat: byt ut det mot er egen nämnd.

## Det här ändrar du först

1. `rtnreport.yaml`: er organisation (region eller kommun), nämnd, förvaltning, logotyp,
   färg och era perspektiv.
2. `data/{ar}/`: årets plan – mål per perspektiv (`mal.yaml`), indikatorer med målvärden
   (`indikatorer.yaml`), resultatbudget och driftbudget (`ekonomi.yaml`) och texter (`text/`).
3. `data/{ar}/{ar}-delar/`: delårsrapportens bedömningar, utfall och ekonomi. En ny
   uppföljning startar du med `rtnreport new-report {ar}-vb`.

## Kommandon

```sh
rtnreport check            # kontrollera data: fel med fil:rad:kolumn
rtnreport build --all      # bygg alla rapporter till build/ (HTML och PDF)
rtnreport serve {ar}-delar  # förhandsgranska medan du skriver
```

Egna mallar: lägg en fil i `templates/` med samma namn som en av rtnreports mallar (t.ex.
`templates/extra.css` för egna stilar); resten kommer från rtnreport.
""",
}


@dataclass
class Initialised:
    root: Path
    files: list[Path] = field(default_factory=list)


def init_project(target: Path, year: int) -> Initialised:
    """Create the example project in ``target`` (empty or new); never overwrite."""
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} finns redan och är ingen katalog")
    if target.exists() and any(target.iterdir()):
        raise InitError(f"{target} är inte tom; init skriver aldrig över något "
                        "(välj en ny katalog)")
    out = Initialised(target)
    values = {"ar": year, "prev": year - 1, "prev2": year - 2}
    for rel, text in FILES.items():
        path = target / rel.format(**values)
        content = text if text is LOGO else text.format(**values)
        atomic_write(path, content.encode("utf-8"))
        out.files.append(path)
    for name, schema in schemas().items():
        path = target / "schemas" / schema_filename(name)
        atomic_write(path, (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode())
        out.files.append(path)
    settings = target / ".vscode" / "settings.json"
    atomic_write(settings, (json.dumps(editor_settings(), ensure_ascii=False, indent=2)
                            + "\n").encode())
    out.files.append(settings)
    return out
