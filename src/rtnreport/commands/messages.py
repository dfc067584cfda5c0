"""How problems are printed: ``fil:rad:kolumn: fel: meddelande`` with the line, or JSON.

Kept free of heavy imports so commands that only print stay fast.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..problems import LEVEL_WORD, Problem


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


ECHO_WIDTH = 120
"""The widest excerpt of a source line shown under a problem."""


def format_problem(problem: Problem, maps_by_file: dict[Path, list[str]] | None = None,
                   color: bool = False) -> str:
    """``file:line:col: fel: message`` with the offending line and a caret."""
    pos = problem.position
    if pos is not None:
        where = f"{_display_path(pos.file)}:{pos.line}:{pos.col}"
    elif problem.file is not None:
        where = _display_path(problem.file)
    else:
        where = "rtnreport"
    word = LEVEL_WORD[problem.level]
    if color:
        colour = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[36m"}[problem.level]
        word = f"{colour}{word}\x1b[0m"
    lines = [f"{where}: {word}: {problem.message}"]
    echo = problem.level != "info" and problem.code != "sokvag"  # never a linked file's lines
    if pos is not None and maps_by_file is not None and echo:
        source = maps_by_file.get(pos.file)
        if source is None:
            try:
                source = pos.file.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                source = []
            maps_by_file[pos.file] = source
        if 1 <= pos.line <= len(source):
            text = source[pos.line - 1].replace("\t", "→")
            col = pos.col
            if len(text) > ECHO_WIDTH:  # a sane excerpt around the column
                start = max(0, min(col - 1 - ECHO_WIDTH // 2, len(text) - ECHO_WIDTH))
                text = ("…" if start else "") + text[start:start + ECHO_WIDTH] + "…"
                col = col - start + (1 if start else 0)
            lines.append(f"    {pos.line:>4} | {text}")
            lines.append("         | " + " " * (col - 1) + "^")
    if problem.hint:
        lines.append(f"    tips: {problem.hint}")
    return "\n".join(lines)


def problems_as_json(problems: list[Problem]) -> str:
    return json.dumps(
        {
            "errors": sum(p.level == "error" for p in problems),
            "warnings": sum(p.level == "warning" for p in problems),
            "infos": sum(p.level == "info" for p in problems),
            "problems": [p.to_dict() for p in problems],
        },
        ensure_ascii=False,
        indent=2,
    )


def problem_to_json(p: Problem) -> dict:
    return {"level": p.level, "message": p.message, "code": p.code, "hint": p.hint,
            "file": str(p.position.file if p.position else p.file or "") or None,
            "line": p.position.line if p.position else None,
            "col": p.position.col if p.position else None}


def problem_from_json(d: dict) -> Problem:
    from ..problems import Position

    position = (Position(Path(d["file"]), d["line"], d["col"])
                if d.get("line") is not None and d.get("file") else None)
    return Problem(d["level"], d["message"], position,
                   file=Path(d["file"]) if d.get("file") and position is None else None,
                   code=d.get("code", "data"), hint=d.get("hint"))


ORDER = {"error": 0, "warning": 1, "info": 2}


def shown_problems(problems: list[Problem], verbose: bool = False,
                   quiet: bool = False) -> tuple[list[Problem], int]:
    """What a person sees, errors first, then warnings; info lines only with ``-v``.

    Returns the problems to print and how many were left out (info lines).
    With ``quiet`` only errors are printed.
    """
    keep = {"error"} if quiet else ({"error", "warning", "info"} if verbose
                                    else {"error", "warning"})
    shown = sorted((p for p in problems if p.level in keep), key=lambda p: ORDER[p.level])
    hidden = sum(1 for p in problems if p.level == "info" and p.level not in keep)
    return shown, hidden


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(checked: list[str], problems: list[Problem], hidden: int) -> str:
    """One line: the years checked, the counts, and how many info lines ``-v`` shows."""
    errors = sum(p.level == "error" for p in problems)
    warnings = sum(p.level == "warning" for p in problems)
    years = ", ".join(checked) or "inga år"
    line = f"Kontrollerade {years}: {errors} fel, {_plural(warnings, 'varning', 'varningar')}"
    if hidden:
        line += f" ({_plural(hidden, 'upplysning', 'upplysningar')} visas med -v)"
    return line + "."


PDF_STEPS = {
    "Fetching and parsing HTML": "läser HTML",
    "Fetching and parsing CSS": "läser stilmallar",
    "Applying CSS": "tillämpar stilmallar",
    "Creating formatting structure": "bygger dokumentets struktur",
    "Creating layout": "lägger ut sidorna",
    "Creating PDF": "skriver PDF",
    "Adding PDF metadata": "lägger till metadata",
}


def pdf_step(message: str) -> str:
    """WeasyPrint's progress line in Swedish ("Step 5 - Creating layout - Page 12" →
    "lägger ut sidorna, sida 12"); an unknown line is passed on as it is."""
    parts = [p.strip() for p in message.split(" - ")]
    if parts and parts[0].startswith("Step"):
        parts = parts[1:]
    if not parts:
        return message
    text = PDF_STEPS.get(parts[0], parts[0])
    for extra in parts[1:]:
        text += ", " + extra.replace("Page", "sida")
    return text
