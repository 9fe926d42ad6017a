"""Read a decree kept as a spreadsheet export: CSV or tab-separated text of its table.

A planner's workbook saved as CSV is the sheet's grid in text: Excel in an Indonesian (or
another European) locale separates the cells with ``;`` (the comma is the decimal sign:
"82,5"), in an English one with ``,``; "Text (Tab delimited)" and a table copied out of a
spreadsheet separate them with tabs. A cell holding a line break or the separator is
quoted (``"Jumlah dokumen;\\n1. LKjIP"``), a quote inside doubled. The file is UTF-8, maybe
with a byte-order mark, or Windows-1252 (read by :func:`pokin.decree.parse_file` before
this module sees its text).

The separator is told by the content, not guessed from character counts: the one that
splits a row into a header naming the decree's columns (:func:`.columns.header_roles`: an
indicator column and one more), with the rows below it cut into as many cells or fewer.
The grid then goes, as one table, through the reading every sheet, Word and PDF table
goes through (:mod:`.assemble`): a title row above the header, a ``Jabatan`` column of one
long table, empty cells under a kinerja, ``JABATAN : X`` rows between per-position tables.

>>> text = "No;Jabatan;Kinerja;Indikator;Target\\n1;Camat;Meningkatnya layanan;Indeks;82,5\\n"
>>> separator(text)
';'
>>> [(r.nama, [(x.kinerja, x.indikator, x.target) for x in r.rows]) for r in parse(
...     text, source="k.csv").blocks]
[('Camat', [('Meningkatnya layanan', 'Indeks', '82,5')])]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .._text import format_number
from ..errors import ImportDocumentError
from .assemble import assemble
from .columns import header_roles
from .document import Table, TableRow
from .parts import ParsedDecree

__all__ = ["parse", "separator", "sniff"]

_SEPARATORS = (";", ",", "\t")
_SAMPLE = 200_000  # characters read to tell the separator
_HEAD = 40  # records in which the header must be
_BELOW = 30  # records below the header that must fit it


def sniff(text: str) -> bool:
    """Whether ``text`` is a CSV or tab-separated table of a decree (see the module).

    >>> sniff("Kinerja\\tIndikator\\tTarget\\nMeningkatnya layanan\\tIndeks kepuasan\\t82")
    True
    >>> sniff("pokin membaca kolom Kinerja, Indikator, Target.\\nLihat contoh di bawah.")
    False
    """
    return separator(text) is not None


def separator(text: str) -> str | None:
    """The separator that reads ``text`` as a decree's table, or ``None``."""
    best: tuple[int, str] | None = None
    sample = text[:_SAMPLE]
    for candidate in _SEPARATORS:
        if candidate not in sample:
            continue
        width = _header_width(sample, candidate)
        if width and (best is None or width > best[0]):
            best = (width, candidate)
    return best[1] if best else None


def _header_width(sample: str, candidate: str) -> int:
    """The number of cells of the header ``candidate`` splits a row of ``sample`` into,
    when the rows below fit it (as many cells or fewer, most of them three or more);
    0 when no header is found."""
    records: list[list[str]] = []
    try:  # the records up to a broken one: parse says where it is
        for _, cells in _records(sample, candidate):
            records.append(cells)
            if len(records) == _HEAD + _BELOW:
                break
    except csv.Error:
        pass
    for at, cells in enumerate(records[:_HEAD]):
        texts = [c.strip() for c in cells]
        if sum(1 for t in texts if t) < 3 or header_roles(texts) is None:
            continue
        width = len(_trimmed(texts))
        below = [_trimmed(r) for r in records[at + 1 : at + 1 + _BELOW]]
        below = [r for r in below if r]
        fits = [r for r in below if len(r) <= width + 1]
        wide = [r for r in fits if sum(1 for c in r if c.strip()) >= 3]
        if below and len(fits) == len(below) and len(wide) * 2 >= len(below):
            return width
        return 0
    return 0


def _trimmed(cells: list[str]) -> list[str]:
    """The cells up to the last filled one (Excel pads a row with empty cells)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """``(first line, cells)`` per record; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=False)
    line = 1
    for cells in reader:
        yield line, cells
        line = reader.line_num + 1


def parse(text: str, *, source: str) -> ParsedDecree:
    """Read a CSV or tab-separated decree (see the module) into layout-free parts."""
    delimiter = separator(text) or "\t"
    rows: list[TableRow] = []
    try:
        for line, cells in _records(text, delimiter):
            texts = _trimmed([cell.strip() for cell in cells])
            if texts:
                rows.append(TableRow(line, list[str | None](texts)))
    except csv.Error:  # a cell over the csv module's size limit (128 KB)
        line = rows[-1].line + 1 if rows else 1
        raise ImportDocumentError(
            "baris CSV ini tidak dapat dibaca: sebuah selnya lebih dari "
            f"{format_number(csv.field_size_limit())} karakter, atau tanda kutipnya tidak "
            "ditutup",
            path=source,
            line=line,
            hint="buka berkasnya di Excel atau LibreOffice, periksa sel di baris ini, lalu "
            "simpan ulang sebagai .xlsx dan impor berkas itu",
        ) from None
    return assemble([Table(rows, fresh=True)], source=source, layout="csv")
