"""Where the project is: the folder that holds ``rtnreport.yaml`` and ``data/``.

A project's ``templates/`` is optional: it overrides single stock templates
(see :mod:`rtnreport.render.theme`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


PROJECT_FILE = "rtnreport.yaml"


class ProjectNotFound(Exception):
    pass


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def templates(self) -> Path:
        """The project's own template overrides (may not exist)."""
        return self.root / "templates"

    @property
    def theme(self):  # noqa: ANN201 - a Theme; imported lazily to keep check fast
        from .render.theme import Theme

        return Theme.for_project(self.root)

    @property
    def config_file(self) -> Path:
        return self.root / PROJECT_FILE

    @property
    def build(self) -> Path:
        return self.root / "build"


def find_project(start: Path | None = None) -> Project:
    """The nearest folder at or above ``start`` (default: cwd) with a ``data/`` folder.

    ``RTNREPORT_PROJECT`` overrides the search.
    """
    env = os.environ.get("RTNREPORT_PROJECT")
    if env:
        root = Path(env)
        if not (root / "data").is_dir():
            raise ProjectNotFound(f"RTNREPORT_PROJECT={env} har ingen katalog data/")
        return Project(root.resolve())
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data").is_dir() and ((folder / PROJECT_FILE).is_file()
                                           or (folder / "templates").is_dir()):
            return Project(folder)
    raise ProjectNotFound(
        f"hittar ingen projektkatalog (med {PROJECT_FILE} och data/) i {here} eller ovanför; "
        "kör rtnreport i projektet, ange --project, eller skapa ett nytt projekt med "
        "'rtnreport init KATALOG'"
    )


def years_read(year: str) -> list[str]:
    """The years whose files checking or building ``year`` reads, oldest first.

    The one rule for ``check``, its cache, ``build`` and the pre-commit hook: the
    year itself and the year before (trends, "fg år" and a proposal's diff read it).
    A year that is not a number reads only itself.
    """
    return [str(int(year) - 1), year] if year.isdigit() else [year]


def years_affected(changed: set[str], existing: list[str]) -> list[str]:
    """The years in ``existing`` whose check reads any of the ``changed`` years."""
    return [y for y in existing if changed.intersection(years_read(y))]


def year_dirs(data_root: Path) -> list[str]:
    """The years (four-digit folder names) under ``data/``, oldest first."""
    if not data_root.is_dir():
        return []
    return sorted(p.name for p in data_root.iterdir() if p.is_dir() and p.name.isdigit())


def raw_reports(data_root: Path) -> list[tuple[str, dict]]:
    """(year, entry) for every report entry in each year's rapporter.yaml, unvalidated.

    Quick and forgiving (for listing and finding a report): a file that does not load,
    or an entry without an id, is skipped here; ``check`` reports it.
    """
    from .yamlload import YamlError, load_file

    out: list[tuple[str, dict]] = []
    for year in year_dirs(data_root):
        path = data_root / year / "rapporter.yaml"
        if not path.is_file():
            continue
        try:
            raw, _ = load_file(path)
        except YamlError:
            continue
        entries = raw.get("rapporter") if isinstance(raw, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                out.append((year, entry))
    return out
