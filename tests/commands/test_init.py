"""Any committee can use it: rtnreport init, the project file, overrides and chosen chapters.

The example that ``init`` writes is a fictitious kommun's kulturnämnd with four
perspectives and no uppdrag, personalekonomi or internkontroll.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, require_tool
from rtnreport.__main__ import cli
from rtnreport.render.theme import STOCK

YEAR = "2026"


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


@pytest.fixture
def kommun(tmp_path) -> Path:
    root = tmp_path / "kommun-x"
    r = CliRunner().invoke(cli, ["init", str(root), "--ar", YEAR])
    assert r.exit_code == 0, r.output
    assert "Ändra först rtnreport.yaml" in r.output
    return root


def html_of(root: Path, report: str, out: Path) -> str:
    r = run(root, "build", report, "--format", "html", "--out", str(out), "--force")
    assert r.exit_code == 0, r.output
    return (out / f"{report}.html").read_text(encoding="utf-8")


def test_init_makes_a_project_that_checks_and_builds_at_once(kommun):
    assert not (kommun / "templates").exists()
    for name in ("rtnreport.yaml", ".gitignore", "README.md", ".vscode/settings.json",
                 "schemas/mal.schema.json", "schemas/rapport-mal.schema.json",
                 f"data/{YEAR}/rapporter.yaml", f"data/{YEAR}/{YEAR}-delar/ekonomi.yaml"):
        assert (kommun / name).is_file(), name
    check = run(kommun, "check")
    assert check.exit_code == 0 and "0 fel, 0 varningar" in check.output, check.output
    r = run(kommun, "build", "--all", "--format", "html", "-j", "1")
    assert r.exit_code == 0, r.output
    for report in (f"{YEAR}-vp", f"{YEAR}-delar"):
        html = (kommun / "build" / f"{report}.html").read_text(encoding="utf-8")
        assert "Exempelby kommun" in html and "Kulturnämnden" in html
        assert not re.search(r"Örebro|tillväxtnämnd|regionfullmäktige", html, re.IGNORECASE)
        assert 'src="data:image/svg+xml;base64,' in html  # the logo, embedded
        assert "--accent: #6a1b4d" in html


def test_a_kommun_without_uppdrag_staff_or_internal_control_has_no_empty_chapters(kommun,
                                                                                tmp_path):
    html = html_of(kommun, f"{YEAR}-delar", tmp_path / "o")
    assert "Effektmål från kommunfullmäktige" in html
    assert "Nämndens uppdrag" not in html  # no uppdrag: no summary row
    for absent in ("Personalekonomi", "Intern kontroll", "Helårsprognos", "Investeringar"):
        assert absent not in html, absent
    for persp in ("Invånare", "Verksamhet", "Medarbetare", "Ekonomi"):
        assert f"Perspektiv: {persp}" in html
    assert "jämförelse med andra kommuner" in html
    assert "Årets resultat" in html and ">4\u00a0200<" in html


def test_a_draft_is_marked_on_every_page_and_in_the_html(kommun, tmp_path):
    html = html_of(kommun, f"{YEAR}-delar", tmp_path / "o")
    assert '<p class="utkast-banner" role="note"><strong>UTKAST</strong>' in html
    decided = html_of(kommun, f"{YEAR}-vp", tmp_path / "o")
    assert "<p class=\"utkast-banner\"" not in decided and "2025-11-20, § 64" in decided
    exe = require_tool("pdftotext")
    r = run(kommun, "build", f"{YEAR}-delar", "--format", "pdf", "--out", str(tmp_path / "p"))
    assert r.exit_code == 0, r.output
    pages = subprocess.run([exe, str(tmp_path / "p" / f"{YEAR}-delar.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 4 and all("UTKAST" in p for p in pages)


def test_init_never_overwrites(kommun):
    r = CliRunner().invoke(cli, ["init", str(kommun)])
    assert r.exit_code == 2 and "inte tom" in r.output


def test_an_overridden_partial_changes_only_that_part(kommun, tmp_path):
    before = html_of(kommun, f"{YEAR}-delar", tmp_path / "a")
    own = kommun / "templates" / "partials" / "ekonomi.html.j2"
    own.parent.mkdir(parents=True)
    stock = (STOCK / "partials" / "ekonomi.html.j2").read_text(encoding="utf-8")
    own.write_text(stock.replace('<h5 class="omrade-rubrik">', '<h5 class="omrade-rubrik egen">'),
                   encoding="utf-8")
    after = html_of(kommun, f"{YEAR}-delar", tmp_path / "b")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines())
    assert changed and all('class="omrade-rubrik egen"' in b for _, b in changed)


def test_an_override_can_extend_the_stock_template(kommun, tmp_path):
    own = kommun / "templates" / "base.html.j2"
    own.parent.mkdir()
    own.write_text('{% extends "stock/base.html.j2" %}\n'
                   '{% block kolofon %}<footer class="colophon"><p>Kulturnämnden, '
                   'Stora torget 1</p></footer>{% endblock %}\n', encoding="utf-8")
    html = html_of(kommun, f"{YEAR}-delar", tmp_path / "o")
    assert "Stora torget 1" in html and "Framställd ur data" not in html
    assert "Exempelby kommun" in html  # the rest is the stock template


def test_extra_css_is_added_after_the_stock_stylesheet(kommun, tmp_path):
    (kommun / "templates").mkdir()
    (kommun / "templates" / "extra.css").write_text(".cover-org { font-size: 2rem; }\n")
    html = html_of(kommun, f"{YEAR}-delar", tmp_path / "o")
    assert html.index("--accent: #00507a") < html.index(".cover-org { font-size: 2rem; }")


@pytest.mark.parametrize("edit, message", [
    (("logotyp: bilder/logotyp.svg", "logotyp: ../utanfor.svg"), "ligger utanför projektet"),
    (("logotyp: bilder/logotyp.svg", "logotyp: README.md"), "ingen SVG- eller PNG-fil"),
    (("logotyp: bilder/logotyp.svg", "logotyp: bilder/saknas.png"), "finns inte"),
    (('accentfarg: "#6a1b4d"', 'accentfarg: "#ffcc00"'), "kräver minst 4,5:1"),
    (("organisationstyp: kommun", "organisationstyp: landsting"), "tillåtna värden"),
])
def test_the_project_file_is_checked(kommun, edit, message):
    (kommun.parent / "utanfor.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    path = kommun / "rtnreport.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    r = run(kommun, "check")
    assert r.exit_code == 1 and "rtnreport.yaml:" in r.output and message in r.output, r.output


def test_a_fake_image_is_not_a_logo(kommun):
    (kommun / "bilder" / "logotyp.svg").write_text("inte en bild")
    r = run(kommun, "check")
    assert r.exit_code == 1 and "är inte en giltig SVG" in r.output


def test_perspectives_are_the_projects(kommun):
    path = kommun / "data" / YEAR / "mal.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: verksamhet", "id: verksamhten"))
    r = run(kommun, "check")
    assert r.exit_code == 1
    assert "perspektivet 'verksamhten' finns inte bland projektets perspektiv" in r.output
    assert "menade du 'verksamhet'?" in r.output


def test_a_report_chooses_and_orders_its_chapters(kommun, tmp_path):
    rapporter = kommun / "data" / YEAR / "rapporter.yaml"
    text = rapporter.read_text(encoding="utf-8")
    text = text.replace("    status: utkast\n", "    status: utkast\n    avsnitt:\n"
                        "      - {avsnitt: mal, rubrik: Mål och resultat}\n"
                        "      - {text: bibliotek, rubrik: Biblioteken}\n"
                        "      - ekonomi\n")
    rapporter.write_text(text, encoding="utf-8")
    (kommun / "data" / YEAR / f"{YEAR}-delar" / "inledning.md").unlink(missing_ok=True)
    (kommun / "data" / YEAR / f"{YEAR}-delar" / "text" / "inledning.md").unlink()
    folder_text = kommun / "data" / YEAR / f"{YEAR}-delar" / "text" / "bibliotek.md"
    folder_text.write_text("Sju bibliotek, **ett** nytt.\n", encoding="utf-8")
    check = run(kommun, "check")
    assert check.exit_code == 0, check.output  # inledning is left out, so not needed
    html = html_of(kommun, f"{YEAR}-delar", tmp_path / "o")
    start = html.index('<nav class="toc"')
    toc = html[start:html.index("</nav>", start)]
    assert re.findall(r'href="#s-(\d)">\d ([^<]+)</a>', toc) == [
        ("1", "Mål och resultat"), ("2", "Biblioteken"), ("3", "Ekonomi")]
    assert '<h3 id="s-1-1">1.1 Sammanfattning' in html and "1.2 Perspektiv: Invånare" in html
    assert "Sju bibliotek, <strong>ett</strong> nytt." in html
    assert "Väsentliga händelser" not in html and "Inledning" not in toc


def test_an_unknown_chapter_is_an_error_with_the_known_ones(kommun):
    rapporter = kommun / "data" / YEAR / "rapporter.yaml"
    rapporter.write_text(rapporter.read_text(encoding="utf-8").replace(
        "    status: utkast\n", "    status: utkast\n    avsnitt: [inledning, ekonomin]\n"),
        encoding="utf-8")
    r = run(kommun, "check")
    assert r.exit_code == 1 and "har inget avsnitt 'ekonomin'" in r.output
    assert "menade du 'ekonomi'?" in r.output


@pytest.mark.slow
def test_the_wheel_works_outside_the_repository(tmp_path):
    """Build a wheel, install it in a fresh virtual environment elsewhere, init and build."""
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True)
    (wheel,) = dist.glob("rtnreport-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    exe = venv / "bin" / "rtnreport"
    work = tmp_path / "elsewhere"
    work.mkdir()
    subprocess.run([str(exe), "init", "kommun-x", "--ar", YEAR], cwd=work, check=True,
                   capture_output=True)
    project = work / "kommun-x"
    for args in (["check"], ["build", "--all", "-j", "1"]):
        r = subprocess.run([str(exe), *args], cwd=project, capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr
    built = sorted(p.name for p in (project / "build").iterdir())
    assert built == [f"{YEAR}-delar.html", f"{YEAR}-delar.pdf", f"{YEAR}-vp.html",
                     f"{YEAR}-vp.pdf", "index.html"]
    assert not (project / "templates").exists()
    html = (project / "build" / f"{YEAR}-delar.html").read_text(encoding="utf-8")
    assert "Exempelby kommun" in html and "Örebro" not in html
