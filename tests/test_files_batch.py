"""AtomicFiles: several files that replace theirs together, or none (the gallery's pages)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from pokin._files import AtomicFiles
from pokin.errors import PokinFileError


def batch(writes: list[tuple[Path, bytes]], error: Exception | None = None) -> None:
    """Write ``writes`` as one batch, raising ``error`` inside the block after them."""
    with AtomicFiles() as files:
        for target, data in writes:
            files.write(target, data)
        if error is not None:
            raise error


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_every_file_is_written_when_the_block_ends(tmp_path: Path) -> None:
    old = tmp_path / "old.svg"
    old.write_bytes(b"old")
    old.chmod(0o600)
    with AtomicFiles() as files:
        files.write(old, b"new")
        files.write(tmp_path / "sub" / "new.svg", b"<svg/>")
        assert old.read_bytes() == b"old"  # nothing replaced before the end
        assert not (tmp_path / "sub" / "new.svg").exists()
    assert old.read_bytes() == b"new"
    assert old.stat().st_mode & 0o777 == 0o600  # the replaced file keeps its mode
    assert (tmp_path / "sub" / "new.svg").read_bytes() == b"<svg/>"
    assert (tmp_path / "sub" / "new.svg").stat().st_mode & 0o777 == 0o644
    assert listing(tmp_path) == ["old.svg", "sub", "sub/new.svg"]  # no temporary file left


def test_an_error_in_the_block_writes_nothing_and_removes_what_it_made(tmp_path: Path) -> None:
    old = tmp_path / "old.svg"
    old.write_bytes(b"old")
    writes = [(old, b"new"), (tmp_path / "a" / "b" / "page.svg", b"page")]
    with pytest.raises(RuntimeError, match="dot failed"):
        batch(writes, RuntimeError("dot failed"))
    assert old.read_bytes() == b"old"
    assert listing(tmp_path) == ["old.svg"]  # the folders a/ and a/b/ it made are gone


def test_a_folder_that_was_there_stays(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(RuntimeError):
        batch([(tmp_path / "out" / "page.svg", b"page")], RuntimeError())
    assert listing(tmp_path) == ["out"]


def test_a_failed_flush_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old.svg"
    old.write_bytes(b"old")

    def full(_: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="disk full"):
        batch([(old, b"new"), (tmp_path / "new.svg", b"new")])
    assert listing(tmp_path) == ["old.svg"]
    assert old.read_bytes() == b"old"


def test_threads_write_into_one_batch(tmp_path: Path) -> None:
    with AtomicFiles() as files:
        threads = [
            threading.Thread(target=files.write, args=(tmp_path / "out" / f"{n}.svg", b"%d" % n))
            for n in range(40)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted((p.name, p.read_bytes()) for p in (tmp_path / "out").iterdir()) == sorted(
        (f"{n}.svg", b"%d" % n) for n in range(40)
    )


def test_a_symlink_target_is_refused_and_nothing_written(tmp_path: Path) -> None:
    aim = tmp_path / "aim.txt"
    aim.write_text("kept")
    (tmp_path / "link.svg").symlink_to(aim)
    with pytest.raises(PokinFileError, match="symlink"):
        batch([(tmp_path / "first.svg", b"x"), (tmp_path / "link.svg", b"x")])
    assert aim.read_text() == "kept"
    assert listing(tmp_path) == ["aim.txt", "link.svg"]
