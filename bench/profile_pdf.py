"""Profile the PDF build of 2024-delar: where does the time go?  (make profile)

Prints the 25 most expensive calls by cumulative time, and compares
rtnreport's write_pdf with a bare WeasyPrint call on the same HTML in the same
process, so the overhead of rtnreport's own PDF step is visible on its own.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rtnreport.commands.build import prepare  # noqa: E402
from rtnreport.project import Project  # noqa: E402
from rtnreport.render.html import render_report  # noqa: E402
from rtnreport.render.pdf import pdf_html, write_pdf  # noqa: E402


def main() -> None:
    import weasyprint

    project = Project(ROOT)
    prepared = prepare(project, "2024-delar", "2024")
    html = render_report(prepared.rapport, prepared.data, prepared.computed, project.templates,
                         previous=prepared.previous).html
    created = datetime(2025, 1, 1)
    out = Path(tempfile.mkdtemp()) / "x.pdf"

    t = time.perf_counter()
    write_pdf(html, project.templates, out, created=created)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    weasyprint.HTML(string=pdf_html(html, created), base_url=str(project.templates) + "/").write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True)
    bare = time.perf_counter() - t
    print(f"rtnreport write_pdf {ours:.2f} s, WeasyPrint alone {bare:.2f} s, "
          f"ratio {ours / bare:.2f} (same process, same HTML)")

    profile = cProfile.Profile()
    profile.enable()
    write_pdf(html, project.templates, out, created=created)
    profile.disable()
    buf = io.StringIO()
    pstats.Stats(profile, stream=buf).sort_stats("cumulative").print_stats(25)
    print(buf.getvalue())


if __name__ == "__main__":
    main()
