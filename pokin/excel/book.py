"""A workbook as the reader sees it: its sheets' values (python-calamine, Rust), and what
only the sheet's XML tells (number formats, formulas, where each sheet's XML is).

python-calamine reads the values of a sheet (shared and inline strings, rich text, dates,
numbers) in a third of openpyxl's read-only time on the same workbook (24,162 indicators:
1.5 s against 4.5 s, bench/bench_excel.py).
It does not give a number's format, which decides what a planner sees (``85%`` is the
number 0.85): the few numeric cells of a sheet get theirs from ``xl/styles.xml`` and one
scan of the sheet's XML, only when the sheet has a number in a column pokin reads.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from python_calamine import CalamineSheet, CalamineWorkbook

from .._files import check_archive, damage_reason, read_bytes
from ..errors import PokinFileError

__all__ = ["Book", "cell_ref", "column_letter", "column_number", "open_book"]

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CHUNK = 1 << 23


def column_letter(number: int) -> str:
    """1 -> ``A``, 30 -> ``AD``.

    >>> column_letter(30), column_number("AD")
    ('AD', 30)
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """``A`` -> 1, ``AD`` -> 30."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")


def cell_ref(ref: str) -> tuple[int, int]:
    """``K6`` -> (row 6, column 11)."""
    found = _CELL_REF.fullmatch(ref)
    if found is None:
        raise ValueError(ref)
    return int(found.group(2)), column_number(found.group(1))


def open_book(file: Path) -> Book:
    """The workbook at ``file``, once the zip guard has passed it (no bomb, within limits).

    Raises:
        PokinFileError: not an ``.xlsx`` workbook, or a damaged one.
    """
    check_archive(file)  # a regular file, within the size limits, no zip bomb
    data = read_bytes(file)  # no file handle left open by a damaged workbook
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = _sheet_members(archive)
        values = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # zipfile, ElementTree and calamine raise many kinds
        raise PokinFileError(
            f"ini bukan buku kerja Excel (.xlsx), atau buku kerja yang rusak "
            f"({damage_reason(exc)})",
            path=file,
            hint="simpan dari Excel atau LibreOffice sebagai 'Excel Workbook (*.xlsx)'; "
            "berkas .xls, .ods dan .csv tidak dibaca",
        ) from None
    return Book(archive, values, members)


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the path of its XML in the archive (``xl/worksheets/sheet1.xml``)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels if r.get("Id")}
    members = {}
    for sheet in workbook.iter():
        if sheet.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        target = targets.get(sheet.get(_REL), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        members[sheet.get("name", "")] = posixpath.normpath(path)
    return members


class Book:
    """The sheets of one workbook: names, values by row, merged ranges, formats, XML."""

    def __init__(
        self, archive: zipfile.ZipFile, values: CalamineWorkbook, members: dict[str, str]
    ) -> None:
        self.archive = archive
        self.values = values
        self.members = members
        self.sheetnames: list[str] = list(values.sheet_names)
        self._sheets: dict[str, CalamineSheet] = {}

    def _sheet(self, title: str) -> CalamineSheet:
        """The sheet, read once (calamine reads a sheet's values on each look-up)."""
        if title not in self._sheets:
            self._sheets[title] = self.values.get_sheet_by_name(title)
        return self._sheets[title]

    def rows(self, title: str) -> list[list[Any]]:
        """The sheet's rows from A1, all of one length, every cell where it is (an empty
        cell is ``""``)."""
        rows: list[list[Any]] = self._sheet(title).to_python(skip_empty_area=False)
        return rows

    def merged(self, title: str) -> list[tuple[int, int, int, int]]:
        """The merged ranges as (first row, first column, last row, last column), from 1."""
        ranges = self._sheet(title).merged_cell_ranges or []
        return [(a + 1, b + 1, c + 1, d + 1) for (a, b), (c, d) in ranges]

    def chunks(self, title: str) -> Iterator[bytes]:
        """The sheet's XML in pieces of 8 MB that overlap by 64 bytes (a tag cut in two
        is whole in one of them)."""
        member = self.members.get(title)
        if member is None:
            return
        tail = b""
        with self.archive.open(member) as handle:
            while chunk := handle.read(_CHUNK):
                yield tail + chunk
                tail = chunk[-64:]

    def xml(self, title: str) -> bytes:
        member = self.members.get(title)
        return self.archive.read(member) if member else b""

    def number_formats(self, title: str) -> dict[tuple[int, int], str]:
        """(row, column) -> the number format of each numeric cell with a style."""
        codes = _styles(self.archive)
        found: dict[tuple[int, int], str] = {}
        for match in _CELL_TAG.finditer(self.xml(title)):
            attributes = dict(_ATTRIBUTE.findall(match.group(1)))
            style, ref = attributes.get(b"s"), attributes.get(b"r")
            if style is None or ref is None or attributes.get(b"t", b"n") != b"n":
                continue
            index = int(style)
            if index < len(codes):
                found[cell_ref(ref.decode())] = codes[index]
        return found

    def close(self) -> None:
        self._sheets.clear()
        self.values.close()
        self.archive.close()


_CELL_TAG = re.compile(rb"<(?:\w+:)?c\s([^>]*)>")
_ATTRIBUTE = re.compile(rb'(?<![\w:])(r|s|t)\s*=\s*"([^"]*)"')


def _styles(archive: zipfile.ZipFile) -> list[str]:
    """The number format code of each cell style (``cellXfs``), by style index."""
    try:
        root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return []
    custom: dict[str, str] = {}
    codes: list[str] = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "numFmt":
            custom[element.get("numFmtId", "")] = element.get("formatCode", "General")
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] != "cellXfs":
            continue
        for xf in element:
            number = xf.get("numFmtId", "0")
            code = custom.get(number) or _BUILTIN.get(int(number), "General")
            codes.append(code)
    return codes


_BUILTIN: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
"""The number formats Excel names by id alone (ECMA-376 18.8.30), as openpyxl lists them:
a file need not write them out. Kept here so reading never imports openpyxl (0.5 s)."""
