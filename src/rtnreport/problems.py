"""Problems found in the data: values, not exceptions (beancount style).

Every loader, validator and check returns a list of :class:`Problem`; the CLI
prints them all and picks the exit code.  A problem knows its file, line and
column so the user can go straight to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Level = Literal["error", "warning", "info"]

LEVEL_WORD = {"error": "fel", "warning": "varning", "info": "info"}


@dataclass(frozen=True, order=True)
class Position:
    file: Path
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    level: Level
    message: str
    position: Position | None = None
    file: Path | None = None
    code: str = "data"
    hint: str | None = field(default=None, compare=False)
    report: str | None = field(default=None, compare=False)
    """The report the problem concerns, where it concerns one report only."""

    @property
    def where(self) -> str:
        if self.position is not None:
            return str(self.position)
        if self.file is not None:
            return str(self.file)
        return "rtnreport"

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "code": self.code,
            "file": str(self.position.file if self.position else self.file or ""),
            "line": self.position.line if self.position else None,
            "column": self.position.col if self.position else None,
            "message": self.message,
            "hint": self.hint,
        }


def error(message: str, position: Position | None = None, **kw: Any) -> Problem:
    return Problem("error", message, position, **kw)


def warning(message: str, position: Position | None = None, **kw: Any) -> Problem:
    return Problem("warning", message, position, **kw)


def info(message: str, position: Position | None = None, **kw: Any) -> Problem:
    return Problem("info", message, position, **kw)


def has_errors(problems: list[Problem], strict: bool = False) -> bool:
    bad = {"error", "warning"} if strict else {"error"}
    return any(p.level in bad for p in problems)
