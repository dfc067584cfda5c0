"""Benchmark rtnreport against its targets (issue 16: the analyst's and CI's workflow).

Run with ``make bench``.  Each measurement runs the real command line in a fresh
process, as a user or CI does.  Commands that are compared run interleaved
(A B A B …), so load from elsewhere on the shared machine falls on both alike;
each row gives the median wall time with its min–max and the median CPU time
(user + system of the process and the children it waited for).  The targets
that matter are ratios measured in the same run; they are printed with the
target and whether it is met.  Writes the tables to stdout and to
bench/results/latest.md.  ``BENCH_RUNS`` (default 5) sets the repeats.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin" / "rtnreport"
PY = ROOT / ".venv" / "bin" / "python"
REPORT = "2024-delar"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600"}


@dataclass(eq=False)  # a key of the interleaved runs: by identity
class Timing:
    name: str
    goal: str = ""
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    def row(self) -> str:
        cpu = f"{statistics.median(self.cpu):.2f}" if self.cpu else "–"
        return (f"| {self.name} | {self.median:.2f} | {min(self.wall):.2f}–{max(self.wall):.2f} "
                f"| {cpu} | {self.goal} |")


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    cpu0, t0 = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - t0, _children_cpu() - cpu0


def interleaved(commands: dict[Timing, list[str]], runs: int,
                before: Callable[[Timing], None] | None = None,
                cwd: Path = ROOT) -> None:
    """Run the commands A B A B … ``runs`` rounds, recording wall and CPU time."""
    for _ in range(runs):
        for timing, cmd in commands.items():
            if before:
                before(timing)
            wall, cpu = run_once(cmd, cwd)
            timing.wall.append(wall)
            timing.cpu.append(cpu)


def weasyprint_alone(html_file: Path, base_url: str, out: Path) -> list[str]:
    code = (
        "import weasyprint\n"
        f"doc = weasyprint.HTML(filename={str(html_file)!r}, base_url={base_url!r})\n"
        f"doc.write_pdf({str(out)!r}, pdf_variant='pdf/ua-1', pdf_tags=True)\n"
    )
    return [str(PY), "-c", code]


def years_project(n: int, where: Path) -> Path:
    """A project of ``n`` years, each a copy of the shipped 2024 renamed to its year."""
    root = where / f"ar{n}"
    (root / "data").mkdir(parents=True)
    shutil.copy(ROOT / "rtnreport.yaml", root / "rtnreport.yaml")
    for i in range(n):
        year = str(2100 + i)
        dest = root / "data" / year
        shutil.copytree(ROOT / "data" / "2024", dest)
        (dest / "2024-delar").rename(dest / f"{year}-delar")
        rapporter = dest / "rapporter.yaml"
        rapporter.write_text(rapporter.read_text(encoding="utf-8").replace(
            "2024-delar", f"{year}-delar").replace("2024-01-01", f"{year}-01-01")
            .replace("2024-07-31", f"{year}-07-31"), encoding="utf-8")
    return root


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    slow = max(3, runs // 2)
    cores = os.cpu_count() or 2
    out = Path(tempfile.mkdtemp(prefix="rtnbench-"))
    rtn = [str(BIN), "-q"]

    # 1. the everyday commands, interleaved
    check_warm = Timing("check, alla år (cache varm)", "≤ 0,5 s")
    check_cold = Timing("check, alla år (--no-cache)")
    html = Timing("build 2024-delar, bara HTML", "≤ 0,5 s")
    noop = Timing("omkörning utan ändringar (no-op)", "≤ 0,3 s")
    listing = Timing("list")
    subprocess.run(rtn + ["check"], cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL)
    subprocess.run(rtn + ["build", REPORT, "--out", str(out / "noop")], cwd=ROOT, env=ENV,
                   check=True)
    interleaved({
        check_warm: rtn + ["check"],
        check_cold: rtn + ["check", "--no-cache"],
        html: rtn + ["build", REPORT, "--format", "html", "--force", "--out", str(out)],
        noop: rtn + ["build", REPORT, "--out", str(out / "noop")],
        listing: rtn + ["list"],
    }, runs)

    # 2. check as the number of years grows (linear: the time per year stays flat)
    scaling: list[tuple[int, Timing, Timing]] = []
    for n in (4, 16, 32):
        project = years_project(n, out)
        cold = Timing(f"check, {n} år (--no-cache)")
        warm = Timing(f"check, {n} år (cache varm)")
        subprocess.run([str(BIN), "-q", "--project", str(project), "check"], env=ENV,
                       stdout=subprocess.DEVNULL)
        interleaved({cold: [str(BIN), "-q", "--project", str(project), "check", "--no-cache"],
                     warm: [str(BIN), "-q", "--project", str(project), "check"]}, max(2, slow - 1))
        scaling.append((n, cold, warm))

    # 3. the PDF build against WeasyPrint alone on exactly the HTML rtnreport hands it
    sys.path.insert(0, str(ROOT / "src"))
    from rtnreport.commands.build import prepare
    from rtnreport.project import Project
    from rtnreport.render.html import render_report
    from rtnreport.render.pdf import pdf_html, write_pdf
    from rtnreport.render.theme import STOCK

    project = Project(ROOT)
    prepared = prepare(project, REPORT, REPORT[:4])
    theme = project.theme
    page = render_report(prepared.rapport, prepared.data, prepared.computed, theme,
                         previous=prepared.previous).html
    html_file = out / "weasyprint-input.html"
    html_file.write_text(pdf_html(page, datetime(2025, 1, 1)), encoding="utf-8")
    base_url = str(STOCK) + "/"  # the stock theme's fonts and images
    pdf = Timing("build 2024-delar, bara PDF")
    alone = Timing("WeasyPrint ensam, samma HTML")
    interleaved({
        pdf: rtn + ["build", REPORT, "--format", "pdf", "--force", "--out", str(out)],
        alone: weasyprint_alone(html_file, base_url, out / "alone.pdf"),
    }, slow)

    # the PDF step alone, in this process: rtnreport's write_pdf against bare WeasyPrint
    import weasyprint

    step = Timing("PDF-steget (write_pdf, i processen)")
    bare = Timing("WeasyPrint ensam (i processen)")
    for _ in range(slow):
        t = time.perf_counter()
        c = time.process_time()
        write_pdf(page, theme, out / "ours.pdf", created=datetime(2025, 1, 1))
        step.wall.append(time.perf_counter() - t)
        step.cpu.append(time.process_time() - c)
        t = time.perf_counter()
        c = time.process_time()
        weasyprint.HTML(string=pdf_html(page, datetime(2025, 1, 1)), base_url=base_url).write_pdf(
            pdf_variant="pdf/ua-1", pdf_tags=True)
        bare.wall.append(time.perf_counter() - t)
        bare.cpu.append(time.process_time() - c)

    # 4. build --all, serial against parallel
    serial = Timing("build --all, seriellt (-j 1)")
    parallel = Timing(f"build --all, parallellt (-j {cores})")
    interleaved({
        serial: rtn + ["build", "--all", "--force", "-j", "1", "--out", str(out)],
        parallel: rtn + ["build", "--all", "--force", "-j", str(cores), "--out", str(out)],
    }, max(2, slow - 1))

    timings = [check_warm, check_cold, listing, html, noop, pdf, alone, step, bare, serial,
               parallel]
    lines = [f"{runs} körningar ({slow} för PDF, {max(2, slow - 1)} för --all och årsserien), "
             f"växelvis; {cores} kärnor; {datetime.now():%Y-%m-%d}.", "",
             "| mätning | median s | min–max s | CPU s | mål |",
             "| --- | ---: | ---: | ---: | --- |"]
    lines += [t.row() for t in timings]
    lines += ["", "| år | check --no-cache s | per år s | check, cache varm s | per år s |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {n} | {c.median:.2f} | {c.median / n:.3f} | {w.median:.2f} | {w.median / n:.3f} |"
              for n, c, w in scaling]

    def verdict(ok: bool) -> str:
        return "uppfyllt" if ok else "**ej uppfyllt**"

    first_per_year = scaling[0][1].median / scaling[0][0]
    last_per_year = scaling[-1][1].median / scaling[-1][0]
    ratios = [
        ("PDF-bygge ÷ WeasyPrint ensam (hela kommandot)", pdf.median / alone.median, "≤ 1,10",
         pdf.median / alone.median <= 1.10),
        ("PDF-steget ÷ WeasyPrint ensam (samma process)", step.median / bare.median, "≤ 1,10",
         step.median / bare.median <= 1.10),
        ("seriellt ÷ parallellt (uppsnabbning)", serial.median / parallel.median, "≥ 1,7",
         serial.median / parallel.median >= 1.7),
        ("build, bara HTML (s)", html.median, "≤ 0,5 s", html.median <= 0.5),
        (f"check per år, {scaling[-1][0]} år ÷ {scaling[0][0]} år (linjärt ≈ 1)",
         last_per_year / first_per_year, "≤ 1,5", last_per_year / first_per_year <= 1.5),
    ]
    lines += ["", "| kvot | värde | mål | |", "| --- | ---: | --- | --- |"]
    lines += [f"| {name} | {value:.2f} | {goal} | {verdict(ok)} |"
              for name, value, goal, ok in ratios]
    text = re.sub(r"(\d)\.(\d)", r"\1,\2", "\n".join(lines)) + "\n"
    print(text)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text(text, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
