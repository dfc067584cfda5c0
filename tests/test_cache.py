"""The build cache: validated manifests, keys on every entry's kind, safe under parallel builds."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path

import pytest

from rtnreport import cache
from rtnreport.project import Project


def outputs(root: Path, report_id: str) -> list[Path]:
    out = root / "build"
    out.mkdir(exist_ok=True)
    paths = []
    for fmt in ("html", "pdf"):
        p = out / f"{report_id}.{fmt}"
        p.write_text(f"{report_id} {fmt}\n", encoding="utf-8")
        paths.append(p)
    return paths


@pytest.fixture
def project(copy_2024) -> Project:
    return Project(copy_2024.root)


@pytest.mark.parametrize("content", [
    "null", "[]", "7", '{"2024-delar": null}', '{"2024-delar": {"key": "k", "outputs": []}}',
    '{"2024-delar": {"key": "k", "outputs": {"html": 5}}}', '{"2024-del', "\x00\x01",
])
def test_a_manifest_of_the_wrong_shape_is_a_miss_and_rewritten(project, content):
    out = project.build
    written = outputs(project.root, "2024-delar")
    key = cache.cache_key(project, "2024-delar", "2024", "pdf/ua-1")
    path = cache.manifest_path(project, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content.replace('"k"', json.dumps(key)), encoding="utf-8")
    assert not cache.is_fresh(project, out, "2024-delar", key, ("html", "pdf"))
    cache.record(project, out, "2024-delar", key, written)
    assert cache.is_fresh(project, out, "2024-delar", key, ("html", "pdf"))
    assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
    cache.forget(project, out, "2024-delar")
    assert not cache.is_fresh(project, out, "2024-delar", key, ("html", "pdf"))


@pytest.mark.parametrize("change", ["dangling", "folder", "fifo"])
def test_a_state_the_loader_stumbles_on_is_never_fresh(project, change):
    out = project.build
    key = cache.cache_key(project, "2024-delar", "2024", "pdf/ua-1")
    cache.record(project, out, "2024-delar", key, outputs(project.root, "2024-delar"))
    assert cache.is_fresh(project, out, "2024-delar", key, ("html", "pdf"))
    text = project.data / "2024" / "2024-delar" / "text"
    if change == "dangling":
        (text / "ny.md").symlink_to(project.root / "finns-inte.md")
    elif change == "folder":
        (text / "ny.md").mkdir()
    else:
        import os

        os.mkfifo(text / "ny.md")
    new = cache.cache_key(project, "2024-delar", "2024", "pdf/ua-1")
    assert new is None
    assert not cache.is_fresh(project, out, "2024-delar", new, ("html", "pdf"))


def test_a_file_replaced_by_a_folder_changes_the_key(project):
    """Missing and 'a folder by that name' are different states (the old key saw neither)."""
    (project.data / "2024" / "2024-delar" / "personal.yaml").unlink()
    missing = cache.cache_key(project, "2024-delar", "2024", "pdf/ua-1")
    (project.data / "2024" / "2024-delar" / "personal.yaml").mkdir()
    assert cache.cache_key(project, "2024-delar", "2024", "pdf/ua-1") != missing


def test_a_moved_checkout_keeps_its_manifest(copy_2024, tmp_path):
    project = Project(copy_2024.root)
    key = cache.cache_key(project, "2024-delar", "2024", "pdf/ua-1")
    cache.record(project, project.build, "2024-delar", key, outputs(project.root, "2024-delar"))
    moved = Project(tmp_path / "flyttad")
    shutil.move(project.root, moved.root)
    key2 = cache.cache_key(moved, "2024-delar", "2024", "pdf/ua-1")
    assert key2 == key
    assert cache.is_fresh(moved, moved.build, "2024-delar", key2, ("html", "pdf"))


def _record_many(root: str, worker: int, n: int) -> None:
    project = Project(Path(root))
    for i in range(n):
        rid = f"2024-w{worker}-{i}"
        cache.record(project, project.build, rid, f"key-{rid}",
                     outputs(project.root, rid))


def test_two_processes_recording_at_once_lose_nothing(tmp_path):
    root = tmp_path / "p"
    (root / "data").mkdir(parents=True)
    (root / "templates").mkdir()
    n = 60
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_record_many, args=(str(root), w, n)) for w in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    project = Project(root)
    manifest = json.loads(cache.manifest_path(project, project.build).read_text(encoding="utf-8"))
    assert len(manifest) == 2 * n
    for rid in manifest:
        assert cache.is_fresh(project, project.build, rid, f"key-{rid}", ("html", "pdf"))


def test_a_full_or_read_only_cache_folder_is_not_an_error(project, monkeypatch):
    """The cache is an optimisation: failing to write it must not fail a build."""
    import errno

    from rtnreport.commands import build

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build, "atomic_write", refuse)
    key = cache.cache_key(project, "2024-delar", "2024", "pdf/ua-1")
    cache.record(project, project.build, "2024-delar", key, outputs(project.root, "2024-delar"))
    cache.forget(project, project.build, "2024-delar")
