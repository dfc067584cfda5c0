"""Shared fixtures: the real project, and throw-away projects a test writes itself."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project_root() -> Path:
    """The real project (shipped data and templates)."""
    return ROOT


class TmpProject:
    def __init__(self, root: Path, copy_from: Path | None = None, years: tuple[str, ...] = ()):
        self.root = root
        if copy_from is None:
            (root / "data").mkdir()
            (root / "templates").mkdir()  # an (empty) override folder marks the project
        else:
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy(copy_from / "rtnreport.yaml", root / "rtnreport.yaml")
            (root / "data").mkdir()
            for year in years:
                shutil.copytree(copy_from / "data" / year, root / "data" / year)

    def path(self, relpath: str) -> Path:
        return self.root / "data" / relpath

    def write(self, relpath: str, text: str | bytes) -> Path:
        path = self.path(relpath)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def edit(self, relpath: str, old: str, new: str, count: int = 1) -> None:
        path = self.path(relpath)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relpath}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def tmp_project(tmp_path: Path) -> TmpProject:
    return TmpProject(tmp_path)


@pytest.fixture
def copy_2024(tmp_path: Path) -> TmpProject:
    """A copy of the real project holding the shipped 2024 data, to corrupt at will."""
    return TmpProject(tmp_path / "p", copy_from=ROOT, years=("2024",))


def require_tool(name: str) -> str:
    """The path of a tool the test needs; in CI a missing tool fails the test."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing; .ci/run must install it")
        pytest.skip(f"{name} not installed")
    return path


# The result statement of the shipped committee (a regional nämnd without regionbidrag in
# its statement), as tests declare it: account lines with kinds, and the sums.
REGIONAL_LAYOUT = [
    ("erhallna_bidrag", "Erhållna bidrag", "intakt", None),
    ("ovriga_intakter", "Övriga intäkter", "intakt", None),
    ("summa_intakter", "Summa intäkter", "summa", ["erhallna_bidrag", "ovriga_intakter"]),
    ("personalkostnader", "Personalkostnader", "kostnad", None),
    ("lamnade_bidrag", "Lämnade bidrag", "kostnad", None),
    ("ovriga_kostnader", "Övriga kostnader", "kostnad", None),
    ("avskrivningar", "Avskrivningar", "kostnad", None),
    ("summa_kostnader", "Summa kostnader", "summa",
     ["personalkostnader", "lamnade_bidrag", "ovriga_kostnader", "avskrivningar"]),
    ("verksamhetens_nettokostnad", "Verksamhetens nettokostnad", "summa",
     ["summa_intakter", "summa_kostnader"]),
    ("finansnetto", "Finansnetto", "finansiell", None),
    ("resultat", "Resultat", "summa", ["verksamhetens_nettokostnad", "finansnetto"]),
]


def resultat_rader(values: dict, layout=REGIONAL_LAYOUT) -> list:
    """Declared resultatrapport rows: ``values`` maps an account line's id to its columns."""
    from rtnreport import models as m

    return [m.ResultatRad(id=i, namn=namn, slag=slag, summa=summa or [],
                          **(values.get(i, {}) if slag != "summa" else {}))
            for i, namn, slag, summa in layout]


# A small plan of an invented kommun's kulturnämnd (tkr, kommunbidrag), for tests that
# build every report type from it or break it on purpose.
MINIMAL_PLAN = {
    "rapporter.yaml": """
        rapporter:
          - id: 2027-vp
            typ: vp
            titel: Verksamhetsplan med budget 2027
            namnd: Kulturnämnden
            forvaltning: Kulturförvaltningen
            region: Exempelby kommun
            period: {fran: 2027-01-01, till: 2027-12-31}
            status: utkast
    """,
    "mal.yaml": """
        perspektiv:
          - id: invanare_och_samhalle
            rubrik: Invånare
            poster:
              - typ: effektmal
                id: levande-kultur
                nummer: "1"
                text: Ett levande kulturliv i hela kommunen.
              - typ: mal
                id: fler-besok
                kategori: namndmal
                text: Fler besök på biblioteken.
                effektmal: levande-kultur
    """,
    "indikatorer.yaml": """
        indikatorer:
          - id: besok-per-invanare
            mal: fler-besok
            text: Besök per invånare ska öka.
            riktning: oka
            malvarde: {varde: 4.5}
    """,
    "uppdrag.yaml": """
        uppdrag:
          - id: oppettider
            mal: fler-besok
            text: Utred längre öppettider.
    """,
    "ekonomi.yaml": """
        resultatrapport:
          enhet: tkr
          kolumner: vp
          rader:
            - {id: intakter, namn: Verksamhetens intäkter, slag: intakt, budget: 35600}
            - {id: kostnader, namn: Verksamhetens kostnader, slag: kostnad, budget: -210800}
            - {id: nettokostnad, namn: Verksamhetens nettokostnad, slag: summa,
               summa: [intakter, kostnader]}
            - {id: kommunbidrag, namn: Kommunbidrag, slag: anslag, budget: 175900}
            - {id: finansnetto, namn: Finansnetto, slag: finansiell, budget: 3500}
            - {id: resultat, namn: Årets resultat, slag: summa,
               summa: [nettokostnad, kommunbidrag, finansnetto]}
        driftredovisning:
          enhet: tkr
          period: "2027"
          rader:
            - {id: bibliotek, namn: Bibliotek, omsattning: 8000, budgetram: 7000}
            - {id: kulturskola, namn: Kulturskola, omsattning: 6000, budgetram: 5500}
    """,
    "internkontroll.yaml": """
        omraden:
          - verksamhet: Ekonomi
            risker:
              - id: risk-attest
                text: Risk för felaktig attest.
                atgarder:
                  - text: Stickprov varje kvartal.
    """,
    "text/inledning.md": "Kulturnämndens plan för 2027.\n",
}
