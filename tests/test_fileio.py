"""Atomic writes (hytecli.fileio), as docs/record.md "Safety" promises them.

The old file survives a failed write, no temporary file is left behind, permission bits are kept,
symbolic links stay links and the folder is flushed after the rename.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hytecli.fileio import write_bytes_atomic, write_text_atomic

OLD = b"# fictional fixture\nid: vanha\n"
NEW = b"# fictional fixture\nid: uusi\n"

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits and fsync")


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_file_is_replaced(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(OLD)
    write_bytes_atomic(file, NEW)
    assert file.read_bytes() == NEW
    assert listing(tmp_path) == ["x.yaml"]


def test_a_new_file_is_created_readable(tmp_path: Path) -> None:
    file = tmp_path / "uusi.yaml"
    write_text_atomic(file, "id: ä\n")
    assert file.read_bytes() == "id: ä\n".encode()
    if os.name == "posix":
        assert stat.S_IMODE(file.stat().st_mode) == 0o644


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_replace_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(OLD)

    def fail(src: object, dst: object) -> None:
        assert Path(str(src)).read_bytes() == NEW  # the new data was written before the rename
        raise error

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(type(error)):
        write_bytes_atomic(file, NEW)
    assert file.read_bytes() == OLD
    assert listing(tmp_path) == ["x.yaml"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(OLD)

    def fail(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="Input/output error"):
        write_bytes_atomic(file, NEW)
    assert file.read_bytes() == OLD
    assert listing(tmp_path) == ["x.yaml"]


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_permission_bits_are_kept(tmp_path: Path, mode: int) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(OLD)
    file.chmod(mode)
    write_bytes_atomic(file, NEW)
    assert stat.S_IMODE(file.stat().st_mode) == mode


@needs_symlinks
def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "x.yaml"
    target.write_bytes(OLD)
    target.chmod(0o640)
    plan = tmp_path / "plan"
    plan.mkdir()
    link = plan / "x.yaml"
    link.symlink_to(Path("..") / "shared" / "x.yaml")  # a relative link, as git stores them
    write_bytes_atomic(link, NEW)
    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("..", "shared", "x.yaml")
    assert target.read_bytes() == NEW
    assert listing(plan) == ["x.yaml"] and listing(shared) == ["x.yaml"]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o640


@needs_symlinks
def test_a_chain_of_links_and_a_linked_folder_are_followed(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "x.yaml").write_bytes(OLD)
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (tmp_path / "first.yaml").symlink_to(tmp_path / "linked" / "x.yaml")
    write_bytes_atomic(tmp_path / "first.yaml", NEW)
    assert (real / "x.yaml").read_bytes() == NEW
    assert (tmp_path / "first.yaml").is_symlink() and (tmp_path / "linked").is_symlink()
    assert listing(real) == ["x.yaml"]


@posix_only
def test_the_folder_is_flushed_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    write_bytes_atomic(tmp_path / "x.yaml", NEW)
    assert events == ["fsync file", "replace", "fsync folder"]


@posix_only
def test_a_folder_that_cannot_be_flushed_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")  # some file systems refuse it
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_bytes_atomic(tmp_path / "x.yaml", NEW)
    assert (tmp_path / "x.yaml").read_bytes() == NEW
