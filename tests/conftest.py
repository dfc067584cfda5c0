"""Shared fixtures: a throw-away project with the data a test writes itself."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project_root() -> Path:
    """The real project (shipped data and templates)."""
    return ROOT


class TmpProject:
    def __init__(self, root: Path):
        self.root = root
        (root / "data").mkdir()
        (root / "templates").mkdir()

    def write(self, relpath: str, text: str | bytes) -> Path:
        path = self.root / "data" / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path


@pytest.fixture
def tmp_project(tmp_path: Path) -> TmpProject:
    return TmpProject(tmp_path)
