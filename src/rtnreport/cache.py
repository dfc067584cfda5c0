"""A content-hash cache for builds: rebuild exactly what changed.

A report's key is a hash of everything its output depends on: the rtnreport
version and source code, the report id, the PDF variant, ``SOURCE_DATE_EPOCH``, and the
bytes of every file under ``data/<år>/``, ``data/<år−1>/`` (trends and the
proposal's diff read last year) and ``templates/``.  The manifest beside the
outputs (``.rtnreport-cache.json``) records each report's key and the hash of
each output, so a deleted or edited output is rebuilt too.  The manifest lives
in ``.rtnreport-cache/`` at the project root (one per output folder), so the
output folder holds nothing but reports.

Only hashing and JSON here: no YAML, no Pydantic, no WeasyPrint, so a no-op
rebuild stays fast.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .project import Project

CACHE_DIR = ".rtnreport-cache"


def _files(folder: Path) -> Iterable[Path]:
    if folder.is_dir():
        yield from sorted(p for p in folder.rglob("*") if p.is_file())


def input_files(project: Project, year: str) -> list[Path]:
    files = list(_files(project.data / year))
    if year.isdigit():
        files += _files(project.data / str(int(year) - 1))
    files += _files(project.templates)
    return files


def _code_digest() -> str:
    """The package's own source, so an edited or upgraded rtnreport invalidates too."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cache_key(project: Project, report_id: str, year: str, variant: str) -> str:
    """The hash of every input of one report (the formats are recorded per output)."""
    h = hashlib.sha256()
    for part in (__version__, _code_digest(), report_id, variant,
                 os.environ.get("SOURCE_DATE_EPOCH", "")):
        h.update(part.encode() + b"\0")
    for path in input_files(project, year):
        h.update(str(path.relative_to(project.root)).encode() + b"\0")
        h.update(_digest(path).encode() + b"\0")
    return h.hexdigest()


def manifest_path(project: Project, out_dir: Path) -> Path:
    name = hashlib.sha256(str(out_dir.resolve()).encode()).hexdigest()[:16]
    return project.root / CACHE_DIR / f"manifest-{name}.json"


def _load(project: Project, out_dir: Path) -> dict:
    try:
        return json.loads(manifest_path(project, out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save(project: Project, out_dir: Path, manifest: dict) -> None:
    from .commands.build import atomic_write  # local import: build pulls in more

    atomic_write(manifest_path(project, out_dir),
                 json.dumps(manifest, indent=2, sort_keys=True).encode())


def is_fresh(project: Project, out_dir: Path, report_id: str, key: str,
             formats: Iterable[str]) -> bool:
    """The outputs exist, are the ones last written, and were made from the same inputs."""
    entry = _load(project, out_dir).get(report_id)
    if not entry or entry.get("key") != key:
        return False
    for fmt in formats:
        path = out_dir / f"{report_id}.{fmt}"
        recorded = entry.get("outputs", {}).get(fmt)
        if not path.is_file() or recorded != _digest(path):
            return False
    return True


def record(project: Project, out_dir: Path, report_id: str, key: str,
           outputs: Iterable[Path]) -> None:
    manifest = _load(project, out_dir)
    entry = manifest.get(report_id, {})
    kept = entry.get("outputs", {}) if entry.get("key") == key else {}
    kept.update({p.suffix[1:]: _digest(p) for p in outputs})
    manifest[report_id] = {"key": key, "outputs": kept}
    _save(project, out_dir, manifest)


def forget(project: Project, out_dir: Path, report_id: str) -> None:
    manifest = _load(project, out_dir)
    if manifest.pop(report_id, None) is not None:
        _save(project, out_dir, manifest)
