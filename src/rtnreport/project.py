"""Where the project is: the folder that holds ``data/`` and ``templates/``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


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
        return self.root / "templates"

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
        if (folder / "data").is_dir() and (folder / "templates").is_dir():
            return Project(folder)
    raise ProjectNotFound(
        f"hittar ingen projektkatalog (med data/ och templates/) i {here} eller ovanför; "
        "kör rtnreport i projektet eller ange --project"
    )


def year_dirs(data_root: Path) -> list[str]:
    """The years (four-digit folder names) under ``data/``, oldest first."""
    if not data_root.is_dir():
        return []
    return sorted(p.name for p in data_root.iterdir() if p.is_dir() and p.name.isdigit())
