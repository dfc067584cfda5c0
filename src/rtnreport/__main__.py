"""The command line: a click group whose commands call into ``commands/``.

Exit codes: 0 clean, 1 problems in the data (or a failed build),
2 usage or environment errors (unknown report, no project, missing tool),
3 an internal error (a bug in rtnreport; RTNREPORT_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__, cli_sv
from .problems import has_errors
from .project import Project, ProjectNotFound, find_project

cli_sv.install()  # Click's help frame and usage errors in Swedish

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
BUILD_WARNINGS_SHOWN = 10
"""build prints at most this many warnings (check prints all; -v shows all here too)."""


class Tal(click.ParamType):
    """A number within bounds, said in Swedish (Click's ranges print "[x>=1]" in help)."""

    def __init__(self, kind: type, low: float | None = None, high: float | None = None):
        self.kind, self.low, self.high = kind, low, high
        self.name = "heltal" if kind is int else "tal"

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 - click's signature
        number: float
        if isinstance(value, self.kind):
            number = value
        else:
            try:
                number = self.kind(value)
            except (TypeError, ValueError):
                self.fail(f"'{value}' är inget {self.name}", param, ctx)
        if (self.low is not None and number < self.low) or (
                self.high is not None and number > self.high):
            bounds = (f"mellan {self.low} och {self.high}" if self.high is not None
                      else f"minst {self.low}")
            self.fail(f"{number} ska vara {bounds}", param, ctx)
        return number


class Command(click.Command):
    """A command whose usage line is Swedish too."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - click's signature
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """Turns an unexpected exception (a bug in rtnreport, never bad data) into one line."""

    command_class = Command

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - click's signature
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENT]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's signature
        try:
            return self._invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:  # output piped into e.g. head, which stopped reading
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
            sys.exit(EXIT_OK)
        except Exception as exc:  # pragma: no cover - only bugs get here
            if os.environ.get("RTNREPORT_DEBUG"):
                raise
            click.echo(f"rtnreport: internt fel ({type(exc).__name__}: {exc}). Det är ett fel i "
                       "rtnreport, inte i era data; kör med RTNREPORT_DEBUG=1 för detaljer.",
                       err=True)
            sys.exit(EXIT_INTERNAL)

    def _invoke(self, ctx: click.Context):  # noqa: ANN202
        from .outputs import EnvironmentFault

        try:
            return super().invoke(ctx)
        except EnvironmentFault as exc:  # disk full, read-only folder, bad SOURCE_DATE_EPOCH
            click.echo(f"rtnreport: {exc}", err=True)
            sys.exit(EXIT_USAGE)


class Context:
    def __init__(self, project_dir: Path | None, quiet: bool, verbose: bool):
        self.project_dir = project_dir
        self.quiet = quiet
        self.verbose = verbose

    def project(self) -> Project:
        try:
            if self.project_dir is not None:
                return find_project(self.project_dir)
            return find_project()
        except ProjectNotFound as exc:
            click.echo(f"rtnreport: {exc}", err=True)
            sys.exit(EXIT_USAGE)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rtnreport")
@click.option("--project", "project_dir", type=click.Path(file_okay=False, path_type=Path), metavar="KATALOG",
              help="Projektkatalogen (med rtnreport.yaml och data/). Standard: sök uppåt "
                   "från den aktuella katalogen.")
@click.option("-q", "--quiet", is_flag=True, help="Skriv bara fel.")
@click.option("-v", "--verbose", is_flag=True, help="Skriv mer om vad som görs.")
@click.pass_context
def cli(ctx: click.Context, project_dir: Path | None, quiet: bool, verbose: bool) -> None:
    """rtnreport: nämndens planer och uppföljningar som rapporter, ur YAML-data.

    \b
    Exempel:
      rtnreport check 2024
      rtnreport build 2024-delar
    """
    ctx.obj = Context(project_dir, quiet, verbose)


@cli.command(short_help="Kontrollera data och skriv varje problem som fil:rad:kolumn.")
@click.argument("years", nargs=-1, metavar="[ÅR]...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Utdataformat.")
@click.option("--strict", is_flag=True, help="Låt även varningar ge exit 1 (för CI).")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Kontrollera allt på nytt även om inget har ändrats.")
@click.pass_obj
def check(obj: Context, years: tuple[str, ...], fmt: str, strict: bool, no_cache: bool) -> None:
    """Validera data för ÅR (standard: alla år) och skriv varje problem som fil:rad:kolumn.

    \b
    Exempel:
      rtnreport check            # alla år
      rtnreport check 2024 --strict
      rtnreport check --format json
    """
    from .commands import check_cache
    from .commands.messages import (
        format_problem,
        problems_as_json,
        shown_problems,
        summary_line,
    )
    from .project import year_dirs

    project = obj.project()
    for year in years:
        if not year.isdigit() or len(year) != 4:
            click.echo(f"rtnreport: '{year}' är inget år (väntade t.ex. 2024)", err=True)
            sys.exit(EXIT_USAGE)
    wanted = list(years) or year_dirs(project.data)
    cached = None if no_cache or not all((project.data / y).is_dir() for y in wanted) \
        else check_cache.lookup(project, wanted)
    if cached is not None:
        loaded, problems = dict.fromkeys(wanted), cached
    else:
        from .commands.check import run_check

        loaded, problems = run_check(project, wanted)
        if not no_cache and not any(p.code == "usage" for p in problems):
            check_cache.store(project, wanted, problems)  # --no-cache neither reads nor writes
    usage = [p for p in problems if p.code == "usage"]
    if fmt == "json":
        click.echo(problems_as_json(problems))
    else:
        cache: dict = {}
        shown, hidden = shown_problems(problems, obj.verbose, obj.quiet)
        for p in shown:
            click.echo(format_problem(p, cache, color=sys.stdout.isatty()))
        if not obj.quiet or any(p.level == "error" for p in problems):
            click.echo(summary_line(wanted, problems, hidden))
    if usage:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_DATA if has_errors(problems, strict=strict) else EXIT_OK)


@cli.command(short_help="Bygg en rapport, eller alla, som HTML, PDF, JSON eller Word.")
@click.argument("report", required=False, metavar="[RAPPORT]")
@click.option("--all", "build_every", is_flag=True, help="Bygg alla rapporter som data definierar.")
@click.option("--jobs", "-j", type=Tal(int, 1), default=None, metavar="ANTAL",
              help="Antal parallella processer med --all (standard: antal kärnor).")
@click.option("--force", is_flag=True, help="Bygg om även om inget har ändrats.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Katalog för utdata (standard: build/).")
@click.option("--format", "formats", multiple=True,
              type=click.Choice(["html", "pdf", "json", "docx"]),
              help="Vilka format (kan upprepas). Standard: html och pdf.")
@click.option("--pdf-variant", default="pdf/ua-1", show_default=True,
              type=click.Choice(["pdf/ua-1", "pdf/a-2u", "pdf/a-3u", "pdf/a-2b", "pdf/a-3b", "none"]),
              help="Taggad PDF/UA-1 för publicering, eller en arkivvariant (PDF/A).")
@click.option("--strict", is_flag=True, help="Låt även varningar stoppa bygget (exit 1).")
@click.pass_obj
def build(obj: Context, report: str | None, build_every: bool, jobs: int | None, force: bool,
          out_dir: Path | None, formats: tuple[str, ...], pdf_variant: str,
          strict: bool) -> None:
    """Bygg RAPPORT (t.ex. 2024-delar) som HTML och taggad PDF i build/.

    Data kontrolleras först; vid fel skrivs ingenting och tidigare filer lämnas
    orörda (men räknas som inaktuella). Alla format skrivs, eller inget.
    En rapport vars indata (data, mallar, rtnreport-version) inte ändrats byggs
    inte om; --force bygger ändå.

    \b
    Exempel:
      rtnreport build 2024-delar
      rtnreport build 2024-delar --format html
      rtnreport build 2024-delar --format json --out /tmp/ut
      rtnreport build 2024-delar --format docx    # Word för nämndsekreteraren
      rtnreport build 2024-delar --pdf-variant pdf/a-2u
      rtnreport build --all --jobs 2
    """
    from .commands.build import UnknownReport, build_report, known_reports
    from .commands.messages import format_problem, pdf_step, shown_problems

    project = obj.project()
    chosen = tuple(dict.fromkeys(formats)) or ("html", "pdf")
    if build_every:
        if report is not None:
            click.echo("rtnreport: ange antingen en rapport eller --all", err=True)
            sys.exit(EXIT_USAGE)
        _build_all(obj, project, out_dir, chosen, pdf_variant, jobs, force, strict)
        return
    if report is None:
        known = ", ".join(sorted(known_reports(project))) or "inga"
        click.echo(f"rtnreport: ange vilken rapport som ska byggas (eller --all); kända "
                   f"rapporter: {known}", err=True)
        sys.exit(EXIT_USAGE)
    tty = sys.stderr.isatty() and not os.environ.get("CI")
    if obj.verbose and not obj.quiet:
        def show(msg: str) -> None:
            click.echo(f"  PDF: {pdf_step(msg)}", err=True)
    elif tty and not obj.quiet:
        def show(msg: str) -> None:
            click.echo(f"\r\x1b[K{report}: PDF – {pdf_step(msg)}", nl=False, err=True)
    else:
        show = None
    from .render.docx import ConverterMissing
    from .render.pdf import BlockedFetch

    try:
        result = build_report(project, report, out_dir, chosen, pdf_variant, progress=show,
                              force=force, strict=strict)
    except (UnknownReport, ConverterMissing) as exc:
        click.echo(f"rtnreport: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except BlockedFetch as exc:
        click.echo(f"rtnreport: {report} byggdes inte: dokumentet försökte hämta {exc}, "
                   "som ligger utanför projektets mallar", err=True)
        sys.exit(EXIT_DATA)
    if show is not None and tty and not obj.verbose:
        click.echo("\r\x1b[K", nl=False, err=True)
    cache: dict = {}
    shown, _ = shown_problems(result.problems, obj.verbose, obj.quiet)
    limit = None if obj.verbose else BUILD_WARNINGS_SHOWN
    warnings_left = [p for p in shown if p.level == "warning"][limit:] if limit else []
    for p in shown:
        if p not in warnings_left:
            click.echo(format_problem(p, cache, color=sys.stderr.isatty()), err=True)
    if warnings_left:
        click.echo(f"… och {len(warnings_left)} varningar till (rtnreport check {report[:4]} "
                   "visar alla).", err=True)
    if not result.ok:
        n = sum(p.level == "error" for p in result.problems)
        w = sum(p.level == "warning" for p in result.problems)
        what = f"{n} fel" if n else f"{w} varningar och --strict"
        click.echo(f"rtnreport: {report} byggdes inte: {what} (se ovan, eller kör rtnreport "
                   "check); inget skrevs och tidigare filer lämnades orörda.", err=True)
        sys.exit(EXIT_DATA)
    if not obj.quiet:
        if result.cached:
            click.echo(f"{report}: aktuell, inget att bygga ({', '.join(str(p) for p in result.written)}).")
            return
        for path in result.written:
            click.echo(f"Skrev {path}")
        steps = {"check": "kontroll", "html": "html", "pdf": "pdf", "docx": "word"}
        times = ", ".join(f"{steps.get(k, k)} {v:.2f} s".replace(".", ",")
                          for k, v in result.seconds.items())
        warned = sum(p.level == "warning" for p in result.problems)
        note = f"; {warned} {'varning' if warned == 1 else 'varningar'} ovan" if warned else ""
        click.echo(f"{report}: klart ({times}){note}.")


def _build_all(obj: Context, project: Project, out_dir: Path | None, formats: tuple[str, ...],
               variant: str, jobs: int | None, force: bool, strict: bool = False) -> None:
    import time

    from .commands.build import build_all
    from .commands.messages import format_problem, shown_problems

    if "docx" in formats:  # a missing converter is one environment error, not one per report
        from .render.docx import ConverterMissing, check_converters

        try:
            check_converters()
        except ConverterMissing as exc:
            click.echo(f"rtnreport: {exc}", err=True)
            sys.exit(EXIT_USAGE)
    tty = sys.stderr.isatty() and not os.environ.get("CI")
    start = time.perf_counter()

    def done(result, n: int, total: int) -> None:  # noqa: ANN001
        if obj.quiet:
            return
        state = ("aktuell" if result.cached else "klar") if result.ok else "FEL"
        secs = sum(result.seconds.values())
        line = f"[{n}/{total}] {result.report_id}: {state} ({secs:.1f} s)"
        if tty:
            click.echo(f"\r\x1b[K{line}", nl=n == total, err=True)
        else:
            click.echo(line, err=True)

    if not obj.quiet:
        from .commands.build import known_reports

        n_reports = len(known_reports(project))
        click.echo(f"Bygger {n_reports} rapporter ({', '.join(formats)}) …", err=True)
    results = build_all(project, out_dir, formats, variant, jobs, force, on_done=done)
    for r in results:
        r.strict = strict
    failed = [r for r in results if not r.ok]
    cache: dict = {}
    seen: set[tuple] = set()
    for r in results:
        shown, _ = shown_problems(r.problems, obj.verbose, obj.quiet)
        for p in shown:
            key = (p.level, p.message, p.position)
            if key not in seen:  # a plan file's finding concerns every report of the year
                seen.add(key)
                click.echo(format_problem(p, cache), err=True)
    built = sum(1 for r in results if r.ok and not r.cached)
    fresh = sum(1 for r in results if r.cached)
    if not obj.quiet:
        click.echo(f"{len(results)} rapporter: {built} byggda, {fresh} aktuella, {len(failed)} fel "
                   f"({time.perf_counter() - start:.1f} s).")
    if any(p.code == "environment" for r in failed for p in r.problems):
        sys.exit(EXIT_USAGE)
    if failed:
        sys.exit(EXIT_DATA)


@cli.command(short_help="Visa vad som ändrats mellan två år eller två rapporter.")
@click.argument("before", metavar="FÖRE")
@click.argument("after", required=False, metavar="[EFTER]")
@click.option("--rev", metavar="REVISION", help="Jämför med data vid en git-revision (t.ex. origin/main).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]),
              default="text", show_default=True, help="Utdataformat.")
@click.option("--exit-code", "exit_code", is_flag=True,
              help="Avsluta med 1 om det finns skillnader (för CI).")
@click.option("--color/--no-color", default=None, help="Färg i terminalen (standard: om tty).")
@click.option("--utan-saknade", "skip_missing", is_flag=True,
              help="Visa inte ändringar som bara är värden som saknas i den nyare datan.")
@click.pass_obj
def diff(obj: Context, before: str, after: str | None, rev: str | None, fmt: str,
         exit_code: bool, color: bool | None, skip_missing: bool) -> None:
    """Visa vad som ändrats i mål, styrtal, uppdrag och budget mellan två år eller rapporter.

    Poster matchas på sitt stabila id, så en omnumrerad, omformulerad eller
    flyttad post visas som just det.

    \b
    Exempel:
      rtnreport diff 2025 2026
      rtnreport diff 2025 2026 --format markdown > ändringar.md
      rtnreport diff 2024 --rev origin/main      # vad en ändring gör med 2024
      rtnreport diff 2023 2024 --exit-code
      rtnreport diff 2025-delar 2026-delar --utan-saknade
    """
    from .commands.check import format_problem
    from .commands.diff import DiffError, run_diff
    from .diff import output

    project = obj.project()
    try:
        result, problems = run_diff(project, before, after, rev)
    except DiffError as exc:
        click.echo(f"rtnreport: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if result is not None and skip_missing:
        result = result.without_missing()
    if result is None:
        cache: dict = {}
        for p in problems:
            click.echo(format_problem(p, cache), err=True)
        usage = any(p.code == "usage" for p in problems)
        click.echo("rtnreport: data måste vara felfria för att jämföras (kör rtnreport check).",
                   err=True)
        sys.exit(EXIT_USAGE if usage else EXIT_DATA)
    if fmt == "json":
        click.echo(output.to_json(result), nl=False)
    elif fmt == "markdown":
        click.echo(output.to_markdown(result), nl=False)
    elif fmt == "html":
        click.echo(output.to_html(result), nl=False)
    else:
        use_color = sys.stdout.isatty() if color is None else color
        click.echo(output.to_text(result, color=use_color), nl=False)
    if exit_code and result.has_differences:
        sys.exit(EXIT_DATA)


@cli.command(short_help="Skriv JSON Schema för datafilerna och editorns inställningar.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Katalog för schemana (standard: schemas/ i projektet).")
@click.pass_obj
def schema(obj: Context, out_dir: Path | None) -> None:
    """Skriv JSON Schema för varje slags datafil, för redigerare med yaml-language-server.

    Skriver också .vscode/settings.json så att VS Code kopplar data/<år>/*.yaml
    till sina scheman (komplettering och kontroll medan man skriver).

    \b
    Exempel:
      rtnreport schema
    """
    from .commands.schema import SettingsNotJson, write_project_schemas

    project = obj.project()
    try:
        written = write_project_schemas(project.root, out_dir)
    except SettingsNotJson as exc:
        click.echo(f"rtnreport: {exc}; lämnas orörd", err=True)
        written = exc.written
    if not obj.quiet:
        for p in written:
            click.echo(f"Skrev {p}")


@cli.command(short_help="Förhandsgranska en rapport i webbläsaren medan du skriver.")
@click.argument("report", required=False, metavar="[RAPPORT]")
@click.option("--port", type=Tal(int, 0, 65535), default=8765, show_default=True,
              metavar="PORT",
              help="Port på 127.0.0.1 (0 = välj en ledig).")
@click.pass_obj
def serve(obj: Context, report: str | None, port: int) -> None:
    """Förhandsgranska RAPPORT i webbläsaren; sidan uppdateras när data eller mallar ändras.

    Startsidan listar alla rapporter; RAPPORT öppnas direkt. Servern lyssnar bara
    på 127.0.0.1. Fel i data visas som en banderoll över den senaste sidan som
    gick att bygga (fil:rad och meddelande), och varje bygge och fel skrivs i
    terminalen. PDF byggs när du klickar på länken.

    \b
    Exempel:
      rtnreport serve 2024-delar --port 8765
    """
    from .commands.build import known_reports
    from .commands.serve import Server

    project = obj.project()
    reports = known_reports(project)
    if report is None:
        report = "2024-delar" if "2024-delar" in reports else next(iter(sorted(reports)), None)
    if report not in reports:
        click.echo(f"rtnreport: okänd rapport '{report}'; kända rapporter: "
                   f"{', '.join(sorted(reports)) or 'inga'}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        server = Server(project, report, reports[report], port, echo=click.echo)
    except OSError as exc:
        click.echo(f"rtnreport: kan inte lyssna på 127.0.0.1:{port}: {exc.strerror}", err=True)
        sys.exit(EXIT_USAGE)
    server.start()
    click.echo(f"Förhandsgranskar {report} på {server.report_url(report)}, alla rapporter på "
               f"{server.url} (Ctrl-C avslutar)")
    server.wait()


@cli.command(name="new-year", short_help="Starta nästa års plan ur ett tidigare år.")
@click.argument("year", metavar="ÅR")
@click.option("--from", "source", required=True, metavar="ÅR", help="Året att utgå från.")
@click.pass_obj
def new_year_command(obj: Context, year: str, source: str) -> None:
    """Starta ett nytt år ur ett tidigare: mål, styrtal, uppdrag och tabeller med sina id.

    Utfall, status, kommentarer och belopp töms; senast kända värde och tidigare
    utfall förs med så att trenden kan räknas. Skriver aldrig över ett befintligt år.

    \b
    Exempel:
      rtnreport new-year 2027 --from 2026
    """
    from .commands.messages import format_problem
    from .commands.new_year import NewYearError, new_year

    project = obj.project()
    try:
        carried, problems = new_year(project, year, source)
    except NewYearError as exc:
        click.echo(f"rtnreport: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if problems and not carried.files:
        cache: dict = {}
        for p in problems:
            click.echo(format_problem(p, cache), err=True)
        click.echo(f"rtnreport: {source} har fel; rätta dem innan ett nytt år startas.", err=True)
        sys.exit(EXIT_DATA)
    click.echo(f"Startade {year} från {source} i {project.data / year}:")
    for what, n in carried.counts.items():
        click.echo(f"  förde över {n} {what}")
    for path in carried.files:
        click.echo(f"  skrev {path.relative_to(project.root)}")
    for item in carried.not_carried:
        click.echo(f"  förde inte över {item}")
    for item in carried.todo:
        click.echo(f"  nästa steg: {item}")
    if problems:
        cache = {}
        for p in problems:
            click.echo(format_problem(p, cache), err=True)
        sys.exit(EXIT_INTERNAL)


@cli.command(name="init", short_help="Skapa ett nytt projekt med ett påhittat exempel.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), metavar="KATALOG")
@click.option("--ar", "year", type=Tal(int, 1900, 2999), default=None, metavar="ÅR",
              help="Exemplets år (standard: innevarande år).")
def init_command(directory: Path, year: int | None) -> None:
    """Skapa ett nytt projekt i KATALOG med ett påhittat exempel som går att bygga direkt.

    Projektfil, en plan och en delårsrapport för en påhittad kulturnämnd, texter, en
    logotyp, .gitignore, editorns scheman och en README om vad du ändrar först.
    Skriver aldrig över något.

    \b
    Exempel:
      rtnreport init kulturnamnden
      cd kulturnamnden && rtnreport check && rtnreport build --all
    """
    from datetime import date

    from .commands.init import InitError, init_project

    try:
        done = init_project(directory, year or date.today().year)
    except InitError as exc:
        click.echo(f"rtnreport: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"Skapade ett nytt projekt i {directory} ({len(done.files)} filer).")
    click.echo("Ändra först rtnreport.yaml (er organisation) och data/ (se README.md), och kör:")
    click.echo(f"  cd {directory} && rtnreport check && rtnreport build --all")


@cli.command(name="new-report", short_help="Starta en rapport ur årets plan, utan att ändra planen.")
@click.argument("report", metavar="RAPPORT")
@click.option("--till", "till", metavar="ÅÅÅÅ-MM-DD", default=None,
              help="Periodens sista dag (standard: som förra årets rapport av samma typ).")
@click.option("--typ", "typ", default=None, metavar="TYP", help="Rapporttypen, om id:ts slut inte säger den.")
@click.pass_obj
def new_report_command(obj: Context, report: str, till: str | None, typ: str | None) -> None:
    """Starta RAPPORT ur årets plan, utan att ändra planen.

    En uppföljning (delår, helår) får en egen katalog data/<år>/<id>/ med en
    mall per mål, indikator, uppdrag och risk (ej bedömda), ekonomins tabeller med
    rapportens kolumner och planens budget ifylld, och en mall per text.
    Rapporten läggs sist i rapporter.yaml. Skriver aldrig över en fil.

    \b
    Exempel:
      rtnreport new-report 2025-delar --till 2025-07-31
      rtnreport new-report 2025-vb
    """
    from datetime import date

    from .commands.messages import format_problem
    from .commands.new_report import NewReportError, new_report

    project = obj.project()
    try:
        end = date.fromisoformat(till) if till else None
    except ValueError:
        click.echo(f"rtnreport: --till '{till}' är inget datum; skriv ÅÅÅÅ-MM-DD", err=True)
        sys.exit(EXIT_USAGE)
    try:
        created, problems = new_report(project, report, typ, end)
    except NewReportError as exc:
        click.echo(f"rtnreport: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if problems:
        cache: dict = {}
        for p in problems:
            click.echo(format_problem(p, cache), err=True)
        click.echo(f"rtnreport: årets plan har fel; rätta dem innan {report} startas.", err=True)
        sys.exit(EXIT_DATA)
    if created.entry_added:
        click.echo(f"La till {report} ({created.typ}) i data/{report[:4]}/rapporter.yaml")
    for path in created.files:
        click.echo(f"  skapade {path.relative_to(project.root)}")
    for path in created.kept:
        click.echo(f"  fanns redan, orörd: {path.relative_to(project.root)}")
    if created.todo:
        click.echo("Fyll i härnäst:")
        for item in created.todo:
            click.echo(f"  - {item}")


@cli.command(name="kolada", short_help="Hämta indikatorernas utfall från Kolada.")
@click.argument("report", metavar="RAPPORT")
@click.option("--from-file", "from_files", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Läs sparade Kolada-svar (JSON) i stället för att hämta (upprepbar).")
@click.option("--write", "write_files", is_flag=True, help="Skriv ändringarna (annars bara diff).")
@click.option("--overwrite", is_flag=True, help="Ersätt även värden som matats in för hand.")
@click.option("--indikator", "only", multiple=True, metavar="ID", help="Bara denna indikator (upprepbar).")
@click.option("--timeout", type=Tal(float, 1), default=30, show_default=True,
              metavar="SEKUNDER",
              help="Sekunder att vänta på Kolada per anrop.")
@click.pass_obj
def kolada_command(obj: Context, report: str, from_files: tuple[Path, ...], write_files: bool,
                   overwrite: bool, only: tuple[str, ...], timeout: float) -> None:
    """Hämta indikatorernas utfall från Kolada till uppföljningen RAPPORT och visa ändringarna.

    Planens indikatorer anger sin källa (kolada: i data/<år>/indikatorer.yaml);
    värdena skrivs i data/<år>/<rapport>/indikatorer.yaml och svaren sparas i
    data/<år>/<rapport>/kolada/. Planen skrivs aldrig. Värden som matats in för
    hand ersätts bara med --overwrite.

    \b
    Exempel:
      rtnreport kolada 2024-delar                    # visa vad som skulle ändras
      rtnreport kolada 2024-delar --write
      rtnreport kolada 2024-delar --from-file svar.json
    """
    from .commands.kolada import run_kolada
    from .commands.messages import format_problem
    from .kolada.importera import ImportFailed

    project = obj.project()
    try:
        result, written = run_kolada(project, report, from_files=list(from_files),
                                     only=list(only), write_files=write_files,
                                     overwrite=overwrite, timeout=timeout)
    except ImportFailed as exc:
        cache: dict = {}
        for p in exc.problems:
            click.echo(format_problem(p, cache), err=True)
        click.echo(f"rtnreport kolada: {exc}", err=True)
        sys.exit(exc.exit_code)
    for note in result.notes:
        click.echo(f"obs: {note}", err=True)
    for line in result.kept:
        click.echo(f"  behåller: {line}")
    for line in result.changes:
        click.echo(f"  {line}")
    if not result.changed:
        click.echo(f"{report}: inga ändringar från Kolada.")
        return
    if not obj.quiet:
        click.echo(result.diff(project.root), nl=False)
        for path in result.saved:
            click.echo(f"sparat svar: {path.relative_to(project.root)}")
    if write_files:
        for path in written:
            click.echo(f"skrev {path.relative_to(project.root)}")
    else:
        click.echo("Inget är skrivet; kör med --write för att skriva ändringarna.")


@cli.command(name="list", short_help="Lista rapporterna och om build/ är aktuell.")
@click.pass_obj
def list_reports(obj: Context) -> None:
    """Lista rapporterna som data definierar, om de kan byggas och om build/ är aktuell.

    \b
    Exempel:
      rtnreport list
    """
    from .commands.list import format_rows, report_rows

    click.echo("\n".join(format_rows(report_rows(obj.project()))))


def main() -> None:  # pragma: no cover - entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
