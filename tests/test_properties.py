"""Property tests: every reader, fed random and mutated input, returns a valid result or
raises one PokinError subclass, never another exception, within bounded time and memory.

Time is bounded per example by hypothesis' ``deadline``; memory by ``tracemalloc``'s peak.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import pokin
from pokin.decree import parse, parse_decree
from pokin.errors import PokinError

from .strategies import decree_texts, pokin_texts, workbooks

MEMORY = 64 << 20  # bytes a small text may make a reader allocate, at its peak
WORKBOOK_MEMORY = 256 << 20  # openpyxl alone takes about 70 MB to open a small workbook
SETTINGS = settings(
    max_examples=150,
    deadline=5000,  # ms: a small input read for seconds is a hang in the making
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the suite's examples are fixed: a failure reproduces
)


@contextmanager
def bounded(memory: int = MEMORY) -> Iterator[None]:
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
        assert peak < memory, f"peak memory {peak / 1e6:.0f} MB"
    finally:
        tracemalloc.stop()


def outcome(read: Callable[[], Any], memory: int = MEMORY) -> Any:
    """The result of ``read``, or the PokinError it raised (any other exception fails)."""
    with bounded(memory):
        try:
            return read()
        except PokinError as exc:
            error = exc
    assert str(error)  # a message a planner can read
    return error


@SETTINGS
@given(pokin_texts())
def test_the_loader_reads_or_explains_any_text(text: str) -> None:
    result = outcome(lambda: pokin.loads(text, path="acak.yaml"))
    if isinstance(result, pokin.PohonKinerja):
        assert pokin.loads(pokin.dumps(result)) == result  # what it read, it can write
    else:
        assert isinstance(result, pokin.PokinFileError)
        assert str(result).startswith("acak.yaml")


@SETTINGS
@given(decree_texts())
def test_the_decree_readers_read_or_explain_any_text(text: str) -> None:
    parsed = outcome(lambda: parse(text, source="acak.txt"))
    if not isinstance(parsed, PokinError):
        outcome(lambda: parse_decree(text, source="acak.txt"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workbooks")


@settings(SETTINGS, max_examples=60)
@given(workbooks())
def test_the_excel_reader_reads_or_explains_any_workbook(folder: Path, data: bytes) -> None:
    path = folder / "acak.xlsx"
    path.write_bytes(data)
    result = outcome(lambda: pokin.excel.read_xlsx(path), WORKBOOK_MEMORY)
    if isinstance(result, PokinError):
        assert isinstance(result, pokin.PokinFileError)
        assert str(result).startswith(str(path))
