"""Benchmark rtnreport against its targets (issue: the analyst's and CI's workflow).

Run with ``make bench``.  Wall times are medians over several runs of the real
command line (a fresh process each time, as a user or CI runs it); the machine
is shared and noisy, so the targets that matter are ratios measured in the
same run.  Writes the table to stdout and to bench/results/latest.md.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin" / "rtnreport"
PY = ROOT / ".venv" / "bin" / "python"
REPORT = "2024-delar"


def timed(cmd: list[str], runs: int, env: dict | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def weasyprint_alone_script(html_file: Path, out: Path) -> list[str]:
    code = (
        "import sys, weasyprint\n"
        f"doc = weasyprint.HTML(filename={str(html_file)!r}, base_url={str(ROOT / 'templates')!r} + '/')\n"
        f"doc.write_pdf({str(out)!r}, pdf_variant='pdf/ua-1', pdf_tags=True)\n"
    )
    return [str(PY), "-c", code]


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    slow = max(3, runs // 2)
    out = Path(tempfile.mkdtemp(prefix="rtnbench-"))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600"}
    rows: list[tuple[str, float, str]] = []

    rows.append(("check, alla år", timed([str(BIN), "-q", "check"], runs), "≤ 0,5 s"))
    rows.append(("build 2024-delar, bara HTML", timed(
        [str(BIN), "-q", "build", REPORT, "--format", "html", "--force", "--out", str(out)], runs),
        "≤ 0,5 s"))
    pdf = timed([str(BIN), "-q", "build", REPORT, "--format", "pdf", "--force", "--out", str(out)],
                slow, env)
    rows.append(("build 2024-delar, bara PDF", pdf, ""))
    subprocess.run([str(BIN), "-q", "build", REPORT, "--out", str(out)], cwd=ROOT, check=True)
    rows.append(("omkörning utan ändringar (no-op)", timed(
        [str(BIN), "-q", "build", REPORT, "--out", str(out)], runs), "≤ 0,3 s"))

    # WeasyPrint alone on exactly the HTML rtnreport hands it
    sys.path.insert(0, str(ROOT / "src"))
    from datetime import datetime

    from rtnreport.commands.build import prepare
    from rtnreport.project import Project
    from rtnreport.render.html import render_report
    from rtnreport.render.pdf import pdf_html

    project = Project(ROOT)
    prepared = prepare(project, REPORT, REPORT[:4])
    html = render_report(prepared.rapport, prepared.data, prepared.computed, project.templates,
                         previous=prepared.previous).html
    html_file = out / "weasyprint-input.html"
    html_file.write_text(pdf_html(html, datetime(2025, 1, 1)), encoding="utf-8")
    alone = timed(weasyprint_alone_script(html_file, out / "alone.pdf"), slow, env)
    rows.append(("WeasyPrint ensam, samma HTML", alone, ""))

    # The PDF step alone, in one process: rtnreport's write_pdf (fetcher, tags, fonts,
    # fixed dates) against a bare WeasyPrint call on the same HTML.
    import weasyprint

    from rtnreport.render.pdf import write_pdf

    ours, bare = [], []
    for _ in range(slow):
        t = time.perf_counter()
        write_pdf(html, project.templates, out / "ours.pdf", created=datetime(2025, 1, 1))
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        weasyprint.HTML(string=pdf_html(html, datetime(2025, 1, 1)),
                        base_url=str(project.templates) + "/").write_pdf(
            pdf_variant="pdf/ua-1", pdf_tags=True)
        bare.append(time.perf_counter() - t)
    step_ratio = statistics.median(ours) / statistics.median(bare)

    serial = timed([str(BIN), "-q", "build", "--all", "--force", "-j", "1", "--out", str(out)],
                   max(2, slow - 1), env)
    parallel = timed([str(BIN), "-q", "build", "--all", "--force", "-j", str(os.cpu_count() or 2),
                      "--out", str(out)], max(2, slow - 1), env)
    rows.append(("build --all, seriellt (-j 1)", serial, ""))
    rows.append((f"build --all, parallellt (-j {os.cpu_count()})", parallel, ""))

    lines = [f"Medianer, {runs} körningar ({slow} för PDF och --all), {os.cpu_count()} kärnor.", "",
             "| mätning | sekunder | mål |", "| --- | ---: | --- |"]
    lines += [f"| {name} | {secs:.2f} | {goal} |" for name, secs, goal in rows]
    lines += ["", "| kvot | värde | mål |", "| --- | ---: | --- |",
              f"| PDF-bygge ÷ WeasyPrint ensam (hela kommandot) | {pdf / alone:.2f} | ≤ 1,10 |",
              f"| PDF-steget ÷ WeasyPrint ensam (samma process) | {step_ratio:.2f} | ≤ 1,10 |",
              f"| seriellt ÷ parallellt (uppsnabbning) | {serial / parallel:.2f} | ≥ 1,7 |"]
    text = re.sub(r"(\d)\.(\d)", r"\1,\2", "\n".join(lines)) + "\n"
    print(text)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
