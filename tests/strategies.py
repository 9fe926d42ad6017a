"""Hypothesis strategies for hostile input: valid files, then mutated the way files break.

A mutation is what happens to real files: a range deleted or duplicated, a line moved, a
byte or character changed, the end cut off, random text inserted. Each strategy starts from
something valid (a pokin YAML file, a decree excerpt, an exported workbook), so most
examples are *almost* valid, where readers are most likely to crash.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path
from typing import TypeVar

from hypothesis import strategies as st

import pokin

from .conftest import make

FIXTURES = Path(__file__).parent / "fixtures"
T = TypeVar("T", str, bytes)

# Characters that mean something to YAML, markdown tables, tab layouts or markup.
SPECIAL = ":-|\t\n#&*!%@`'\"{}[]<>,?\\\r\x00\u00a0\u2028\ufeff"


def _mutate(data: T, draw: st.DrawFn, alphabet: st.SearchStrategy[T]) -> T:
    """One real-world-like change to ``data``."""
    if not data:
        return draw(alphabet)
    size = len(data)
    start = draw(st.integers(0, size - 1))
    end = draw(st.integers(start, min(size, start + 200)))
    kind = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "cut", "swap"]))
    if kind == "delete":
        return data[:start] + data[end:]
    if kind == "duplicate":
        return data[:end] + data[start:end] + data[end:]
    if kind == "insert":
        return data[:start] + draw(alphabet) + data[start:]
    if kind == "replace":
        return data[:start] + draw(alphabet) + data[end:]
    if kind == "cut":
        return data[:start]
    other = draw(st.integers(0, size - 1))  # swap: move a range elsewhere
    piece, rest = data[start:end], data[:start] + data[end:]
    other = min(other, len(rest))
    return rest[:other] + piece + rest[other:]


def _text_alphabet() -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(SPECIAL) | st.characters(), max_size=20)


def mutated_text(valid: str, *, changes: int = 3) -> st.SearchStrategy[str]:
    """``valid`` changed one to ``changes`` times."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        text = valid
        for _ in range(draw(st.integers(1, changes))):
            text = _mutate(text, draw, _text_alphabet())
        return text

    return build()


def mutated_bytes(valid: bytes, *, changes: int = 3) -> st.SearchStrategy[bytes]:
    """``valid`` changed one to ``changes`` times, byte-wise."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = valid
        for _ in range(draw(st.integers(1, changes))):
            data = _mutate(data, draw, st.binary(max_size=20))
        return data

    return build()


@cache
def valid_yaml() -> str:
    """A small valid pokin file with every kind of node."""
    return pokin.dumps(make())


def pokin_texts() -> st.SearchStrategy[str]:
    """Mutated pokin files, and now and then text with no relation to one."""
    return mutated_text(valid_yaml()) | st.text(max_size=300)


@cache
def decree_excerpts() -> tuple[str, ...]:
    """The first 3,000 characters of each decree fixture (every layout pokin reads)."""
    paths = sorted((FIXTURES / "decrees").iterdir())
    return tuple(p.read_text(encoding="utf-8")[:3000] for p in paths if p.suffix in (".txt", ".md"))


def decree_texts() -> st.SearchStrategy[str]:
    """Mutated decree excerpts of every layout."""
    return st.sampled_from(decree_excerpts()).flatmap(mutated_text)


@cache
def valid_workbook() -> bytes:
    """The exported matrix of the small tree, as bytes."""
    buffer = io.BytesIO()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = pokin.excel.export_xlsx(make(), Path(tmp) / "m.xlsx")
        buffer.write(path.read_bytes())
    return buffer.getvalue()


@cache
def workbook_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(valid_workbook())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    """A workbook with one XML member mutated (the zip stays valid), or its raw bytes
    mutated (a damaged download)."""
    if draw(st.booleans()):
        return draw(mutated_bytes(valid_workbook(), changes=2))
    members = dict(workbook_members())
    name = draw(st.sampled_from(sorted(n for n in members if n.endswith(".xml"))))
    text = members[name].decode("utf-8")
    members[name] = draw(mutated_text(text, changes=2)).encode("utf-8", "surrogatepass")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()
