"""Load one year's data directory into models, collecting every problem.

``load_year`` never raises on bad data: it returns the models it could build
and the list of problems (file:line:col), like beancount's loader.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import models as m
from .problems import Position, Problem, error, warning
from .project import year_dirs
from .config import Config
from .yamlload import (
    SourceMap,
    YamlError,
    decode_utf8,
    forbidden_character,
    load_file,
    read_data_file,
)

TEXT_DIR = "text"
REPORT_DIR = re.compile(r"^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$")
"""A report's own folder is named by its id (``2025-delar``)."""


@dataclass
class Redirect:
    """Positions of a merged value: ``path`` in ``name`` really stands in another file."""

    name: str
    prefix: tuple[Any, ...]
    smap: SourceMap | None
    target: tuple[Any, ...]
    file: Path


@dataclass
class Files:
    """Loaded files of one folder: models by file, texts, and where every value stands."""

    root: Path
    texts: dict[str, str] = field(default_factory=dict)
    text_files: dict[str, Path] = field(default_factory=dict)
    maps: dict[str, SourceMap] = field(default_factory=dict)
    """file name (e.g. ``mal.yaml``) → its source map."""
    redirects: list[Redirect] = field(default_factory=list)
    """For a report's merged data: values that come from the report's own folder."""
    failed_files: set[str] = field(default_factory=set)
    """Files that exist but could not be loaded (their errors are already reported)."""

    def file(self, name: str) -> Path:
        return self.root / name

    def failed(self, name: str) -> bool:
        """The file exists but could not be loaded (its errors are already reported)."""
        return name in self.failed_files

    def where(self, name: str, path: tuple[Any, ...] = (), at_key: bool = False) -> Position:
        """Position of ``path`` in file ``name`` (line 1 if unknown)."""
        best: Redirect | None = None
        for r in self.redirects:
            if r.name == name and path[:len(r.prefix)] == r.prefix and (
                    best is None or len(r.prefix) > len(best.prefix)):
                best = r
        if best is not None:
            if best.smap is None:
                return Position(best.file, 1, 1)
            return best.smap.locate(best.target + path[len(best.prefix):], at_key=at_key)
        smap = self.maps.get(name)
        if smap is None:
            return Position(self.file(name), 1, 1)
        return smap.locate(path, at_key=at_key)


@dataclass
class ReportFolder(Files):
    """``data/<år>/<rapport-id>/``: what one report adds to its year's plan."""

    id: str = ""
    mal: m.MalUppfoljning | None = None
    indikatorer: m.IndikatorUppfoljningFil | None = None
    uppdrag: m.UppdragUppfoljningFil | None = None
    ekonomi: m.EkonomiFil | None = None
    personal: m.PersonalFil | None = None
    internkontroll: m.InternkontrollUppfoljning | None = None
    rus: m.RusFil | None = None


@dataclass
class YearData(Files):
    """One year's data: the plan (``data/<år>/*.yaml``) and its reports' own folders.

    The same type holds a report's merged data (see :mod:`rtnreport.followup`):
    the plan's structure and targets with the report's own values.
    """

    year: str = ""
    rapporter: m.Rapporter | None = None
    mal: m.MalFil | None = None
    indikatorer: m.IndikatorFil | None = None
    uppdrag: m.UppdragFil | None = None
    ekonomi: m.EkonomiFil | None = None
    personal: m.PersonalFil | None = None
    internkontroll: m.InternkontrollFil | None = None
    rus: m.RusFil | None = None
    reports: dict[str, ReportFolder] = field(default_factory=dict)
    """The reports' own folders, by report id (the plan only)."""
    report_id: str | None = None
    """Set on a report's merged data: the report it was merged for."""
    config: Config = field(default_factory=Config)
    """The project file (rtnreport.yaml), resolved; set by whoever loads the project."""
    computed: dict[str, Any] = field(default_factory=dict)
    """Report id → its computed figures, kept by ``check`` so a build computes once."""


ATTRIBUTE_OF_FILE = {
    "rapporter.yaml": "rapporter",
    "mal.yaml": "mal",
    "indikatorer.yaml": "indikatorer",
    "uppdrag.yaml": "uppdrag",
    "ekonomi.yaml": "ekonomi",
    "personal.yaml": "personal",
    "internkontroll.yaml": "internkontroll",
    "rus.yaml": "rus",
}


def load_year(data_root: Path, year: str) -> tuple[YearData, list[Problem]]:
    """The year's plan files and every report folder under ``data/<year>/``."""
    root = data_root / year
    data = YearData(year=year, root=root)
    problems: list[Problem] = []
    if not root.is_dir():
        known = ", ".join(year_dirs(data_root)) or "inga"
        problems.append(
            error(f"det finns ingen datakatalog för år {year} ({root}); kända år: {known}",
                  file=root, code="usage")
        )
        return data, problems
    found = _load_files(data, m.FILE_MODELS, problems)
    for child in sorted(root.iterdir()):
        if not child.is_dir() or child.name == TEXT_DIR:
            continue
        if REPORT_DIR.match(child.name):
            folder = ReportFolder(root=child, id=child.name)
            found = _load_files(folder, m.FOLLOWUP_FILE_MODELS, problems) or found
            data.reports[child.name] = folder
            found = found or bool(folder.texts)
        else:
            problems.append(warning(
                f"okänd katalog '{child.name}' i {root}; den läses inte",
                Position(child, 1, 1),
                hint="en rapports egna filer ligger i en katalog med rapportens id, t.ex. "
                     f"{year}-delar/"))
    if not found:
        problems.append(error(f"katalogen {root} innehåller ingen datafil", file=root))
    return data, problems


def _outside(path: Path, project_root: Path) -> Problem | None:
    """A file that resolves outside the project (a symlink out of it): an error naming
    the link, never its target's content."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return None  # a loop or a dangling link: reading it reports what is wrong
    if resolved.is_relative_to(project_root.resolve()) or not os.path.lexists(resolved):
        return None
    return error("filen pekar ut ur projektet (en symbolisk länk till en fil utanför det); den "
                 "läses inte", Position(path, 1, 1), code="sokvag",
                 hint="kopiera in filen i projektet i stället för att länka till den")


def _load_files(target: Files, models: dict[str, type[BaseModel]],
                problems: list[Problem]) -> bool:
    """Load the YAML files and texts of one folder into ``target``; True if it had any."""
    found = False
    project_root = target.root.parents[1] if isinstance(target, YearData) else \
        target.root.parents[2]
    for child in sorted(target.root.iterdir()):
        if child.suffix in (".yaml", ".yml") and child.name in models and child.is_dir():
            problems.append(error(f"här ska filen {child.name} stå, men det är en katalog",
                                  Position(child, 1, 1), code="sokvag",
                                  hint="ta bort eller byt namn på katalogen"))
            target.failed_files.add(child.name)
            continue
        if child.is_dir():
            continue
        if child.suffix in (".yaml", ".yml") and (outside := _outside(child, project_root)):
            problems.append(outside)
            if child.name in models:
                target.failed_files.add(child.name)
            continue
        if child.suffix in (".yaml", ".yml"):
            if child.name not in models:
                close = difflib.get_close_matches(child.name, list(models), n=1)
                hint = f"menade du '{close[0]}'?" if close else (
                    "kända filer: " + ", ".join(models))
                problems.append(warning(f"okänd datafil '{child.name}'; den läses inte",
                                        Position(child, 1, 1), hint=hint))
                continue
            found = True
            model, file_problems, smap = load_model(child, models[child.name])
            problems.extend(file_problems)
            if smap is not None:
                target.maps[child.name] = smap
            if model is not None:
                setattr(target, ATTRIBUTE_OF_FILE[child.name], model)
            else:
                target.failed_files.add(child.name)
    text_root = target.root / TEXT_DIR
    if text_root.is_dir() and not (outside := _outside(text_root, project_root)):
        for md in sorted(text_root.glob("*.md")):
            if outside := _outside(md, project_root):
                problems.append(outside)
                continue
            try:
                text = decode_utf8(read_data_file(md), md)
                bad = forbidden_character(text, md)
                if bad is not None:
                    raise bad
            except YamlError as exc:
                problems.append(error(exc.message, exc.position or Position(md, 1, 1),
                                      hint=exc.hint))
                continue
            if not text.strip():
                problems.append(error("texten är tom", Position(md, 1, 1), code="text",
                                      hint="skriv texten, eller ta bort filen"))
                continue
            target.texts[md.stem] = text
            target.text_files[md.stem] = md
    elif text_root.is_dir():
        problems.append(outside)  # type: ignore[arg-type]
    return found


def load_model(
    file: Path, model: type[BaseModel]
) -> tuple[BaseModel | None, list[Problem], SourceMap | None]:
    try:
        raw, smap = load_file(file)
    except YamlError as exc:
        return None, [error(exc.message, exc.position, file=file, hint=exc.hint, code="yaml")], None
    if raw is None:
        return None, [error("filen är tom", Position(file, 1, 1))], smap
    if not isinstance(raw, dict):
        return None, [error("filen ska bestå av nycklar (t.ex. 'indikatorer:') på översta nivån",
                            Position(file, 1, 1))], smap
    try:
        return model.model_validate(raw), [], smap
    except ValidationError as exc:
        return None, [_problem_from(err, smap, raw) for err in exc.errors()], smap


# ---------------------------------------------------------------------------
# Pydantic errors in plain Swedish, at the line they concern.


@lru_cache(maxsize=1)
def _all_field_names() -> tuple[str, ...]:
    names: set[str] = set()
    for obj in vars(m).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            names.update(obj.model_fields)
    return tuple(sorted(names))


def _fold(text: str) -> str:
    return (text.strip().lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
            .replace(" ", "_"))


def _readable_path(raw: Any, path: tuple[Any, ...]) -> str:
    """``indikatorer → 'sjukfranvaro' → bedomning``: list items named by their id, or by
    their 1-based position ("nr 7") when they have none."""
    parts: list[str] = []
    node = raw
    for key in path:
        if isinstance(key, int) and isinstance(node, list):
            item = node[key] if 0 <= key < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"'{ident}'" if isinstance(ident, str) else f"nr {key + 1}")
        else:
            parts.append(str(key))
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
    return " → ".join(parts)


def _value_at(raw: Any, path: tuple[Any, ...]) -> Any:
    node = raw
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = str(text).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "…"


def _problem_from(err: dict[str, Any], smap: SourceMap, raw: Any) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    path = smap.data_path(loc)
    where = _readable_path(raw, path) or "filen"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        close = difflib.get_close_matches(key, _all_field_names(), n=1, cutoff=0.7)
        hint = f"menade du '{close[0]}'?" if close else "kontrollera stavningen mot README:s dataformat"
        return error(f"okänt fält '{key}'", smap.locate(loc, at_key=True), hint=hint)
    position = smap.locate(loc)
    value = _value_at(raw, path)
    if kind == "missing":
        field_name = loc[-1]
        return error(f"fältet '{field_name}' saknas (i {where})", position)
    msg = err.get("msg", "")
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        text = msg.removeprefix("Value error, ")
        return error(f"{where}: {text}", position)
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        options = [e.strip() for e in expected.split(",") if e.strip()]
        close = difflib.get_close_matches(_fold(str(value)), options, n=1, cutoff=0.5)
        return error(f"{where}: ogiltigt värde '{_show(value)}'; tillåtna värden: {expected}",
                     position, hint=f"menade du '{close[0]}'?" if close else None)
    if kind == "union_tag_invalid":
        position = smap.locate(path + (ctx.get("discriminator", "typ").strip("'"),))
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        close = difflib.get_close_matches(str(ctx.get("tag")),
                                          [e.strip() for e in expected.split(",")], n=1)
        return error(f"{where}: ogiltig typ '{ctx.get('tag')}'; tillåtna: {expected}", position,
                     hint=f"menade du '{close[0]}'?" if close else None)
    if kind == "union_tag_not_found":
        return error(f"{where}: fältet '{ctx.get('discriminator', 'typ')}' saknas", position)
    if kind == "string_pattern_mismatch":
        return error(
            f"{where}: '{_show(value)}' är inget giltigt id; använd små bokstäver a–z, "
            "siffror och bindestreck (t.ex. 'nystartade-foretag')",
            position,
        )
    if kind in ("string_type",):
        return error(f"{where}: väntade text, fick '{_show(value)}'", position,
                     hint="sätt texten inom citattecken")
    if kind in ("bool_type",):
        return error(f"{where}: väntade true eller false, fick '{_show(value)}'", position)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return error(f"{where}: väntade fält (nyckel: värde), fick '{_show(value)}'", position)
    if kind in ("list_type",):
        return error(f"{where}: väntade en lista (rader som börjar med '- '), fick '{_show(value)}'",
                     position)
    if kind in ("too_short", "too_long"):
        return error(f"{where}: {_count_message(kind, ctx)}", position)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": ("ge", "minst"), "greater_than": ("gt", "större än"),
                 "less_than_equal": ("le", "högst"), "less_than": ("lt", "mindre än")}[kind]
        return error(f"{where}: värdet {_show(value)} är utanför tillåtet intervall; det ska "
                     f"vara {bound[1]} {ctx.get(bound[0])}", position)
    if kind in ("string_too_long", "string_too_short"):
        limit = ctx.get("max_length", ctx.get("min_length"))
        word = "högst" if kind == "string_too_long" else "minst"
        return error(f"{where}: texten ska ha {word} {limit} tecken", position)
    return error(f"{where}: ogiltigt värde '{_show(value)}'", position,
                 hint=f"kontrollera värdet mot README:s dataformat (kod: {kind})")


def _count_message(kind: str, ctx: dict[str, Any]) -> str:
    if kind == "too_short":
        return f"för få element (minst {ctx.get('min_length')}, fick {ctx.get('actual_length')})"
    return f"för många element (högst {ctx.get('max_length')}, fick {ctx.get('actual_length')})"
