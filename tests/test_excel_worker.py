"""The workbook written by a forked child while this process computes the Saran Tautan
suggestions (pokin.excel.worker): the same workbook as writing it here, never a
half-written file, never a child left behind; all here where forking is unsafe."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import pokin.excel as excel
from pokin import datasets
from pokin._fork import can_fork
from pokin.excel import export_xlsx, read_xlsx
from pokin.excel.worker import handed_over
from pokin.link import strip_links

from .forking import forking, no_child_left


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        # the creation time is the one part that differs between two exports
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def _handed(
    compute: Callable[[], str], *, fork: bool = True, fail_in_child: bool = False
) -> tuple[bool, list[tuple[int, str]], list[str]]:
    """What ``handed_over`` did: whether a child wrote, what was written (by which
    process, with which value; a file shared as the workbook's is), the resets."""
    parent = os.getpid()
    with tempfile.TemporaryFile("w+") as out:

        def write(given: Callable[[], str]) -> None:
            out.write(f"{os.getpid()}:{given()}\n")
            out.flush()
            if fail_in_child and os.getpid() != parent:
                os._exit(3)  # killed, out of memory...: after writing part of it

        resets: list[str] = []

        def reset() -> None:
            resets.append("reset")
            out.seek(0)
            out.truncate()

        forked = handed_over(write, compute, reset=reset, fork=fork)
        out.seek(0)
        lines = [line.split(":", 1) for line in out.read().splitlines()]
    return forked, [(int(pid), value) for pid, value in lines], resets


@forking
def test_a_child_writes_what_is_computed_here() -> None:
    computed: list[int] = []
    forked, written, resets = _handed(lambda: computed.append(os.getpid()) or "saran")
    assert forked
    assert computed == [os.getpid()]  # the value is computed here: its caches stay here
    [(writer, value)] = written
    assert writer != os.getpid()
    assert value == "saran"
    assert resets == []
    assert no_child_left()


def test_without_fork_both_jobs_run_here() -> None:
    forked, written, _ = _handed(lambda: "saran", fork=False)
    assert not forked
    assert written == [(os.getpid(), "saran")]


@forking
def test_a_child_that_dies_leaves_the_writing_to_this_process() -> None:
    forked, written, resets = _handed(lambda: "saran", fail_in_child=True)
    assert not forked
    assert resets == ["reset"]  # what the child wrote is dropped
    assert written == [(os.getpid(), "saran")]
    assert no_child_left()


@forking
def test_an_error_of_the_writing_is_raised_here() -> None:
    def write(given: Callable[[], str]) -> None:
        raise ValueError(f"gagal di {os.getpid()}: {given()}")

    with pytest.raises(ValueError, match=f"gagal di {os.getpid()}: saran$"):
        handed_over(write, lambda: "saran", reset=lambda: None)
    assert no_child_left()


@forking
def test_an_error_here_kills_and_reaps_the_child() -> None:
    def compute() -> str:
        raise KeyError("this process failed")

    def write(given: Callable[[], str]) -> None:
        time.sleep(60)

    start = time.monotonic()
    with pytest.raises(KeyError):
        handed_over(write, compute, reset=lambda: None)
    assert time.monotonic() - start < 30
    assert no_child_left()


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert _handed(lambda: "saran")[1] == [(os.getpid(), "saran")]
    finally:
        stop.set()
        thread.join()


def test_no_fork_where_the_platform_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    assert not can_fork()
    monkeypatch.undo()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not can_fork()
    assert not _handed(lambda: "saran")[0]


@forking
def test_the_workbook_is_the_same_forked_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte: the Saran Tautan texts take their shared strings after every other
    sheet's either way."""
    tree = strip_links(datasets.load("sambutan-2023"))
    forked: list[bool] = []

    def noted(*args: Any, **kwargs: Any) -> bool:
        forked.append(handed_over(*args, **kwargs))
        return forked[-1]

    monkeypatch.setattr(excel, "handed_over", noted)
    monkeypatch.setattr(excel, "FORK_FROM", 0)
    export_xlsx(tree, tmp_path / "aside.xlsx")
    monkeypatch.setattr(excel, "FORK_FROM", 10**9)
    export_xlsx(tree, tmp_path / "here.xlsx")
    assert forked == [True, False]  # written by a child, then here
    assert _members(tmp_path / "aside.xlsx") == _members(tmp_path / "here.xlsx")
    back = read_xlsx(tmp_path / "aside.xlsx")
    assert back == tree
    with zipfile.ZipFile(tmp_path / "aside.xlsx") as archive:
        assert b"skor 0," in archive.read("xl/sharedStrings.xml")  # suggestions written
    assert no_child_left()


@forking
def test_a_failed_export_with_a_child_running_leaves_no_file_and_no_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "matriks.xlsx"
    target.write_bytes(b"the planner's old workbook")

    def broken(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(excel, "FORK_FROM", 0)
    monkeypatch.setattr(excel, "contents", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        export_xlsx(strip_links(datasets.load("sambutan-2023")), target)
    assert target.read_bytes() == b"the planner's old workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["matriks.xlsx"]
    assert no_child_left()
