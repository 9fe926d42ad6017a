"""Decree texts that would break out of a Markdown table cell or make a link.

Before, the report's and the diff's Markdown escaped a pipe as ``\\|`` but not the
backslash before it: a decree's "Register\\|Laporan" came out as ``Register\\\\|Laporan``,
an escaped backslash then a bare pipe, so the row gained a cell and every column after it
shifted. A text "[klik](javascript:...)" came out as a live link in any Markdown viewer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pokin
from pokin.diff import diff_markdown
from pokin.report import write_report

from .conftest import jab, make

SPLIT = "Register surat\\|Buku agenda"
LINK = "[Klik di sini](javascript:alert(1))"


def tanah_grogot() -> pokin.PohonKinerja:
    def edit(data: dict[str, object]) -> None:
        indikator = jab(data, "camat")["kinerja"][0]["indikator"][0]
        indikator["uraian"] = SPLIT
        del indikator["formulasi"]  # a finding (PK501) quoting the text
        kinerja = jab(data, "sekretaris")["kinerja"][0]
        kinerja["uraian"] = LINK
        kinerja["mendukung"] = []  # an orphan (PK101) quoting the text

    return make(edit)


def _cells(row: str) -> int:
    """The cells of a Markdown table row: pipes not escaped by an odd run of backslashes."""
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) - 1


def _check_tables(text: str) -> None:
    header = 0
    for line in text.splitlines():
        if not line.startswith("|"):
            header = 0
        elif not header:
            header = _cells(line)
        else:
            assert _cells(line) == header, line
    assert "[Klik di sini](" not in text
    assert "\\[Klik di sini\\]" in text


def test_report_markdown_keeps_every_row_s_cells(tmp_path: Path) -> None:
    tree = tanah_grogot()
    text = write_report(tree, tmp_path / "laporan.md").read_text(encoding="utf-8")
    assert "Register surat\\\\\\|Buku agenda" in text
    _check_tables(text)


def test_diff_markdown_keeps_every_row_s_cells() -> None:
    text = diff_markdown(pokin.diff(make(), tanah_grogot()))
    _check_tables(text)
