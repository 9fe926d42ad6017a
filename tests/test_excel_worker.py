"""The Saran Tautan suggestions computed in a forked process while the sheets are written
(pokin.excel.worker): the same workbook as computing them here, never a half-written file,
never a child left behind; here instead where forking is unsafe."""

from __future__ import annotations

import os
import signal
import threading
import time
import zipfile
from pathlib import Path

import pytest

import pokin.excel as excel
from pokin import datasets
from pokin.excel import export_xlsx, read_xlsx, worker
from pokin.excel.worker import Aside, aside, can_fork
from pokin.link import strip_links

forking = pytest.mark.skipif(not can_fork(), reason="this process cannot fork safely")


def _no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        # the creation time is the one part that differs between two exports
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


@forking
def test_the_result_comes_from_the_child() -> None:
    parent = os.getpid()
    with aside(lambda: (os.getpid(), [1, "dua"])) as pending:
        assert pending.forked
        pid, value = pending.result()
    assert pid != parent
    assert value == [1, "dua"]
    assert _no_child_left()


def test_without_fork_the_work_runs_here_when_asked() -> None:
    ran: list[int] = []
    with aside(lambda: ran.append(os.getpid()) or "x", fork=False) as pending:
        assert not pending.forked
        assert ran == []
        assert pending.result() == "x"
    assert ran == [os.getpid()]


@forking
def test_a_child_that_dies_leaves_the_work_to_the_parent() -> None:
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            os._exit(3)  # killed, out of memory...: no result down the pipe
        return "dikerjakan di sini"

    with aside(work) as pending:
        assert pending.forked
        assert pending.result() == "dikerjakan di sini"
    assert _no_child_left()


@forking
def test_an_error_of_the_work_is_raised_here() -> None:
    def work() -> str:
        raise ValueError(f"gagal di {os.getpid()}")

    with aside(work) as pending, pytest.raises(ValueError, match=f"gagal di {os.getpid()}$"):
        pending.result()  # the child failed: the parent ran it and raised its own error


@forking
def test_a_parent_that_stops_early_kills_and_reaps_the_child() -> None:
    def fail(pending: Aside[None]) -> None:
        assert pending.forked
        raise KeyError("the parent's error")

    with pytest.raises(KeyError), aside(lambda: time.sleep(60)) as pending:
        fail(pending)
    assert _no_child_left()


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        with aside(lambda: 1) as pending:
            assert not pending.forked
            assert pending.result() == 1
    finally:
        stop.set()
        thread.join()


def test_no_fork_where_the_platform_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    assert not can_fork()
    monkeypatch.undo()
    monkeypatch.setattr(worker.sys, "platform", "darwin")
    assert not can_fork()
    with aside(lambda: 1) as pending:
        assert not pending.forked


@forking
def test_the_workbook_is_the_same_forked_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte: the Saran Tautan texts take their shared strings after every other
    sheet's either way."""
    tree = strip_links(datasets.load("sambutan-2023"))
    forked: list[bool] = []
    start = Aside.start

    def noted(self: Aside[object]) -> None:
        start(self)
        forked.append(self.forked)

    monkeypatch.setattr(Aside, "start", noted)
    monkeypatch.setattr(excel, "FORK_FROM", 0)
    export_xlsx(tree, tmp_path / "aside.xlsx")
    monkeypatch.setattr(excel, "FORK_FROM", 10**9)
    export_xlsx(tree, tmp_path / "here.xlsx")
    assert forked == [True]  # the second export never started a child
    assert _members(tmp_path / "aside.xlsx") == _members(tmp_path / "here.xlsx")
    back = read_xlsx(tmp_path / "aside.xlsx")
    assert back == tree
    with zipfile.ZipFile(tmp_path / "aside.xlsx") as archive:
        assert b"skor 0," in archive.read("xl/sharedStrings.xml")  # suggestions written
    assert _no_child_left()


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
    assert _no_child_left()


class _InterruptedError(Exception):
    pass


@forking
def test_a_parent_interrupted_while_waiting_kills_the_child() -> None:
    def interrupt(*_: object) -> None:
        raise _InterruptedError

    previous = signal.signal(signal.SIGALRM, interrupt)
    start = time.monotonic()
    try:
        with aside(lambda: time.sleep(60)) as pending:
            signal.setitimer(signal.ITIMER_REAL, 0.3)  # not inherited: the parent's alone
            with pytest.raises(_InterruptedError):
                pending.result()
            assert not pending.forked
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - start < 30  # the child was killed, not waited for
    assert _no_child_left()
