"""Where templates, the stylesheet, fonts and the Word reference come from.

The stock theme ships inside the package (``rtnreport/theme/``).  A project may
have a ``templates/`` folder whose files override single stock files by the
same relative path (MkDocs' ``custom_dir``): the project's file wins, the rest
comes from the package.  An override can also build on the stock file it
replaces, Sphinx style, by naming it with the ``stock/`` prefix::

    {% extends "stock/base.html.j2" %}
    {% block omslag %}…{% endblock %}
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STOCK = Path(__file__).resolve().parent.parent / "theme"
"""The templates, stylesheet, fonts and reference.docx shipped with rtnreport."""

STOCK_PREFIX = "stock"


@dataclass(frozen=True)
class Theme:
    """The folders templates are read from, the project's override first."""

    dirs: tuple[Path, ...]

    @classmethod
    def for_project(cls, root: Path | None) -> Theme:
        own = root / "templates" if root is not None else None
        if own is not None and own.is_dir():
            return cls((own.resolve(), STOCK))
        return cls((STOCK,))

    @property
    def override(self) -> Path | None:
        return self.dirs[0] if len(self.dirs) > 1 else None

    def find(self, relpath: str | Path) -> Path:
        """The file at ``relpath``: the project's if it has one, else the stock one."""
        for folder in self.dirs:
            candidate = folder / relpath
            if candidate.is_file():
                return candidate
        return STOCK / relpath

    def files(self) -> list[Path]:
        """Every file that can change a rendered report (for the build cache)."""
        out: list[Path] = []
        for folder in self.dirs:
            out += sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        return out
