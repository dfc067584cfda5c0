"""A content-hash cache for builds: rebuild exactly what changed.

A report's key is a hash of everything its output depends on: the rtnreport
version and source code, the report id, the PDF variant, ``SOURCE_DATE_EPOCH``, and
every entry under ``data/<år>/``, ``data/<år−1>/`` (trends and the proposal's diff
read last year) and ``templates/``: its path relative to the project, its kind
(file, folder, symlink and where it points) and a file's bytes.  A state the
loader would stumble on — a dangling symlink, a folder named like a data file or
text, a fifo, an unreadable file — has no key at all: it is never answered from
a cache, so the command runs and reports it.  The manifest beside the
outputs (``.rtnreport-cache.json``) records each report's key and the hash of
each output, so a deleted or edited output is rebuilt too.  The manifest lives
in ``.rtnreport-cache/`` at the project root (one per output folder), so the
output folder holds nothing but reports.

Every cache file is validated when read: one of the wrong shape (truncated,
garbage, ``null``, a list) is a miss and is rewritten.  The manifest is
changed under an exclusive ``fcntl.flock`` on ``.rtnreport-cache/lock``, so
parallel builds (``build --all``, two terminals) do not lose each other's entries.

Only hashing and JSON here: no YAML, no Pydantic, no WeasyPrint, so a no-op
rebuild stays fast.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import __version__
from .project import Project, years_read

try:
    import fcntl
except ImportError:  # pragma: no cover - not on the project's (POSIX) machines
    fcntl = None  # type: ignore[assignment]

CACHE_DIR = ".rtnreport-cache"
FILE_SUFFIXES = (".yaml", ".yml", ".md")
"""Names of the files the loader reads: a folder or a dangling link by such a name is trouble."""


def _files(folder: Path) -> Iterable[Path]:
    if folder.is_dir():
        yield from sorted(p for p in folder.rglob("*") if p.is_file())


def input_files(project: Project, year: str) -> list[Path]:
    files = [f for read in years_read(year) for f in _files(project.data / read)]
    files += project.theme.files()
    return files + project_files(project)


def hash_tree(h: Any, root: Path, folder: Path) -> bool:
    """Feed ``h`` every entry under ``folder`` (path relative to ``root``, kind, bytes).

    False when the folder holds a state no cache may answer for (see the module
    docstring); ``h`` is then unusable.  A missing folder is hashed as missing.
    """
    rel = os.path.relpath(folder, root).encode()
    if not os.path.lexists(folder):
        h.update(b"absent\0" + rel + b"\0")
        return True
    if folder.is_symlink() or not folder.is_dir():
        return False
    h.update(b"folder\0" + rel + b"\0")
    try:
        return _hash_entries(h, root, folder)
    except OSError:
        return False


def _hash_entries(h: Any, root: Path, folder: Path) -> bool:
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        rel = os.path.relpath(path, root).encode()
        mode = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISLNK(mode):
            if not path.is_file():  # dangling, or a link to a folder or a device
                return False
            h.update(b"link\0" + rel + b"\0" + os.readlink(path).encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
        elif stat.S_ISDIR(mode):
            if entry.name.endswith(FILE_SUFFIXES):
                return False
            h.update(b"dir\0" + rel + b"\0")
            if not _hash_entries(h, root, path):
                return False
        elif stat.S_ISREG(mode):
            h.update(b"file\0" + rel + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
        else:  # a fifo, socket or device: reading it could block or lie
            return False
    return True


@contextlib.contextmanager
def locked(project: Project) -> Iterator[None]:
    """An exclusive lock on the project's cache folder while a cache file is rewritten."""
    folder = project.root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def read_json(path: Path) -> Any:
    """A cache file's JSON, or None when it is missing, unreadable or not JSON."""
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """The package's own source and stock theme, so an edited or upgraded rtnreport
    invalidates too."""
    h = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(package)).encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


def project_files(project: Project) -> list[Path]:
    """The project file and the logo it names (read without YAML, to keep the no-op fast)."""
    config = project.root / "rtnreport.yaml"
    if not config.is_file():
        return []
    files = [config]
    match = re.search(r"^logotyp:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(#.*)?$",
                      config.read_text(encoding="utf-8", errors="replace"), re.MULTILINE)
    if match and (project.root / match.group(1)).is_file():
        files.append(project.root / match.group(1))
    return files


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cache_key(project: Project, report_id: str, year: str, variant: str) -> str | None:
    """The hash of every input of one report (the formats are recorded per output).

    None when an input folder is in a state no cache may answer for.
    """
    h = hashlib.sha256()
    for part in (__version__, _code_digest(), report_id, variant,
                 os.environ.get("SOURCE_DATE_EPOCH", "")):
        h.update(part.encode() + b"\0")
    folders = [project.data / read for read in reversed(years_read(year))]
    folders.append(project.templates)
    for folder in folders:
        if not hash_tree(h, project.root, folder):
            return None
    for path in project_files(project):
        h.update(b"file\0" + os.path.relpath(path, project.root).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def manifest_path(project: Project, out_dir: Path) -> Path:
    """One manifest per output folder, named by its path relative to the project when
    inside it (a moved checkout keeps its manifest)."""
    target = out_dir.resolve()
    try:
        name_of = str(target.relative_to(project.root.resolve()))
    except ValueError:
        name_of = str(target)
    name = hashlib.sha256(name_of.encode()).hexdigest()[:16]
    return project.root / CACHE_DIR / f"manifest-{name}.json"


def _valid_entry(entry: Any) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("key"), str)
            and isinstance(entry.get("outputs"), dict)
            and all(isinstance(k, str) and isinstance(v, str)
                    for k, v in entry["outputs"].items()))


def _load(project: Project, out_dir: Path) -> dict:
    """The manifest's valid entries; anything of the wrong shape is dropped (a miss)."""
    manifest = read_json(manifest_path(project, out_dir))
    if not isinstance(manifest, dict):
        return {}
    return {rid: entry for rid, entry in manifest.items() if _valid_entry(entry)}


def _save(project: Project, out_dir: Path, manifest: dict) -> None:
    from .outputs import atomic_write

    atomic_write(manifest_path(project, out_dir),
                 json.dumps(manifest, indent=2, sort_keys=True).encode())


def is_fresh(project: Project, out_dir: Path, report_id: str, key: str | None,
             formats: Iterable[str]) -> bool:
    """The outputs exist, are the ones last written, and were made from the same inputs."""
    if key is None:
        return False
    entry = _load(project, out_dir).get(report_id)
    if not entry or entry.get("key") != key:
        return False
    for fmt in formats:
        path = out_dir / f"{report_id}.{fmt}"
        recorded = entry.get("outputs", {}).get(fmt)
        if path.is_symlink() or not path.is_file() or recorded != _digest(path):
            return False
    return True


def record(project: Project, out_dir: Path, report_id: str, key: str | None,
           outputs: Iterable[Path]) -> None:
    """Remember the outputs made from ``key`` (or forget the report when there is no key).

    The cache is only an optimisation: a read-only or full cache folder is ignored.
    """
    if key is None:
        forget(project, out_dir, report_id)
        return
    digests = {p.suffix[1:]: _digest(p) for p in outputs}
    with contextlib.suppress(OSError), locked(project):
        manifest = _load(project, out_dir)
        entry = manifest.get(report_id, {})
        kept = entry.get("outputs", {}) if entry.get("key") == key else {}
        kept.update(digests)
        manifest[report_id] = {"key": key, "outputs": kept}
        _save(project, out_dir, manifest)


def forget(project: Project, out_dir: Path, report_id: str) -> None:
    with contextlib.suppress(OSError), locked(project):
        manifest = _load(project, out_dir)
        if manifest.pop(report_id, None) is not None:
            _save(project, out_dir, manifest)
