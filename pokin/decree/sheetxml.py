"""A workbook's sheets without their value-less cells, before openpyxl reads them.

A sheet may carry hundreds of thousands of rows whose cells hold only a style (a format
applied down to row 1.048.576 by a program, a table copied with its empty rows):
openpyxl builds a cell object for each (a sheet of 10^6 such rows took 150 s to import,
for two positions). :func:`without_empty_cells` removes, from each large sheet, the cells
with no value, no formula and no inline text (``<c r="A9" s="3"/>``), and the rows left
with no cell; nothing read from a sheet changes: a row's number and a cell's column are
their ``r`` attributes, kept. A sheet with a row or cell that has no ``r`` (its place
counted from the one before) is left as it is.
"""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["without_empty_cells"]

_LARGE = 1 << 20
"""The size of a sheet's XML from which its empty cells are removed (smaller sheets are
read as they are)."""

_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
_EMPTY_CELL = re.compile(rb"<c\b[^>]*?/>|<c\b[^>]*>\s*</c>")
_EMPTY_ROW = re.compile(rb"<row\b[^>]*?/>|<row\b[^>]*>\s*</row>")
_UNNUMBERED = re.compile(rb"<(?:c|row)\b(?![^>]*\sr=)")


def without_empty_cells(data: bytes) -> bytes:
    """The workbook ``data`` (an ``.xlsx`` archive) with the value-less cells and empty rows
    of its large sheets left out; ``data`` itself when there is none, or it is no archive.

    >>> _pruned(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/></row>'
    ...         b'<row r="2" spans="1:2"><c r="A2" s="2"/></row>')
    b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    >>> _pruned(b'<row><c r="A1" s="2"/></row>')  # its place counted: left as it is
    b'<row><c r="A1" s="2"/></row>'
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            large = [m for m in members if _SHEET.fullmatch(m.filename) and m.file_size > _LARGE]
            if not large:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as pruned:
                for member in members:
                    content = archive.read(member)
                    if member in large:
                        content = _pruned(content)
                    pruned.writestr(member, content)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return data  # damaged or encrypted: openpyxl says why
    return out.getvalue()


def _pruned(sheet: bytes) -> bytes:
    if _UNNUMBERED.search(sheet):
        return sheet
    return _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", sheet))
