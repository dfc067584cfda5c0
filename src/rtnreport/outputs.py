"""Safe output: report ids checked before a path is built, all formats or none written.

* A report id is the slug ``<år>-<slag>`` (``2024-delar``, ``2026-vp-forslag``):
  nothing else is ever turned into a file name, so no id (``../README``,
  ``/some/where/keep``) can reach outside the output folder.
* :func:`write_all` writes every file to a temporary beside its target and only
  renames them into place when all are written: a full disk or a read-only
  folder leaves the previous outputs exactly as they were, and no temporaries.
* :class:`EnvironmentFault` is a fault of the machine, not of the data or of
  rtnreport (disk full, folder read-only, a malformed ``SOURCE_DATE_EPOCH``):
  the CLI prints its Swedish message and exits 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

REPORT_ID = re.compile(r"^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$")


class EnvironmentFault(Exception):
    """A problem of the machine or its settings, explained in Swedish (exit 2)."""


class OutputError(EnvironmentFault):
    pass


def valid_report_id(report_id: object) -> bool:
    return isinstance(report_id, str) and REPORT_ID.fullmatch(report_id) is not None


def describe_os_error(exc: OSError, path: Path) -> str:
    """A Swedish sentence for a failed write, with what to do about it."""
    reason = {
        errno.ENOSPC: "disken är full; frigör utrymme och bygg igen",
        errno.EDQUOT: "diskkvoten är slut; frigör utrymme och bygg igen",
        errno.EFBIG: "filen blir större än systemet tillåter (ulimit -f); höj gränsen",
        errno.EROFS: "filsystemet är skrivskyddat; välj en annan katalog med --out",
        errno.EACCES: "katalogen är skrivskyddad för dig; ändra rättigheterna eller välj "
                      "en annan katalog med --out",
        errno.EPERM: "katalogen är skrivskyddad för dig; ändra rättigheterna eller välj "
                     "en annan katalog med --out",
        errno.ENOTDIR: "en del av sökvägen är en fil, inte en katalog; välj en annan --out",
        errno.EEXIST: "en fil står där katalogen ska vara; välj en annan --out",
    }.get(exc.errno or 0, f"{exc.strerror or exc}; kontrollera katalogen eller välj en annan "
                          "med --out")
    return f"kan inte skriva {path}: {reason}"


def _write_temp(path: Path, data: bytes, durable: bool = True) -> str:
    """``data`` in a new temporary file beside ``path`` (synced to disk when ``durable``)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file or none: all to temporaries first, then rename each into place.

    Renaming within a folder needs no space, so once every temporary is written
    the renames do not fail for a full disk.  Raises :class:`OutputError`
    (Swedish) when a folder cannot be created or a file not written; the
    previous files are then untouched and no temporary is left behind.
    """
    temps: list[tuple[str, Path]] = []
    current = Path(".")
    try:
        for path, data in files.items():
            current = path
            path.parent.mkdir(parents=True, exist_ok=True)
            temps.append((_write_temp(path, data), path))
        for tmp, path in temps:
            current = path
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise OutputError(describe_os_error(exc, current)) from exc
    except BaseException:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place (OSError on failure).

    For caches, schemas and scaffolds; reports go through :func:`write_all`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path, data, durable=False)  # caches and settings: no fsync needed
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
