"""pokin's shortcuts through XlsxWriter write what XlsxWriter itself writes."""

from __future__ import annotations

import re
import zipfile
import zlib
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from xlsxwriter import Workbook
from xlsxwriter.sharedstrings import SharedStrings, SharedStringTable
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from pokin import PokinFileError
from pokin.excel import export_xlsx, rowxml
from pokin.excel.rowxml import Row, cell_head, rows_xml, with_tail
from pokin.excel.writer import ZIP_LEVEL, _SharedStrings, _Workbook, _Worksheet

from .conftest import jab, make

PLAIN = [
    "Meningkatnya kinerja",
    "a & b < c > d",
    "baris\nbaru",
    "tab\tdi tengah",
    "“kutip” ünï",
    "_x00ZZ_ bukan heksadesimal",
    "teks <r>di tengah</r>",
]
SPECIAL = [
    " spasi di depan",
    "spasi di belakang ",
    "\u00a0spasi keras",
    "em space di belakang\u2003",
    "baris baru di belakang\n",
    "_x0041_ tertulis",
    "carriage\rreturn",
    "kontrol \x07",
    "nul \x00",
    "<r>teks kaya</r>",
    "<r>hanya di depan",
    "",
]


def sst(kind: type[SharedStrings], strings: list[str]) -> str:
    table = SharedStringTable()
    for text in strings:
        table._get_shared_string_index(text)
    table._sort_string_data()
    writer = kind()
    writer.string_table = table
    out = StringIO()
    writer._set_xml_writer(out)
    writer._assemble_xml_file()
    return out.getvalue()


@pytest.mark.parametrize("special", [None, *SPECIAL])
def test_shared_strings_are_written_as_xlsxwriter_writes_them(special: str | None) -> None:
    strings = [*PLAIN, *([special] if special is not None else []), "lagi & lagi"]
    assert sst(_SharedStrings, strings) == sst(SharedStrings, strings)


def test_plain_texts_take_the_one_piece_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("written text by text")

    monkeypatch.setattr(SharedStrings, "_write_si", refuse)
    assert "<si><t>a &amp; b &lt; c &gt; d</t></si>" in sst(_SharedStrings, PLAIN)
    with pytest.raises(AssertionError, match="text by text"):
        sst(_SharedStrings, [*PLAIN, " spasi"])


@pytest.mark.parametrize(
    "formula",
    [
        "='Pilihan Tautan'!$A$2:$A$7",
        "=Sheet1!A1:A3",
        "{=A1:A3}",
        "$B$2",
        "=SUM(A1:A3)",
        "=_xlfn.XLOOKUP(A1,B1:B3,C1:C3)",
        "=XLOOKUP(A1,B1:B3,C1:C3)",
    ],
)
def test_formulas_are_prepared_as_xlsxwriter_prepares_them(formula: str) -> None:
    for future in (False, True):
        mine = _Worksheet()._prepare_formula(formula, future)
        assert mine == Worksheet()._prepare_formula(formula, future)


def test_the_first_cell_excel_cannot_hold_is_named(tmp_path: Path) -> None:
    def edit(data: dict[str, object]) -> None:
        jab(data, "kasi").update(catatan="x" * 40_000)
        jab(data, "staf").update(tugas="y" * 40_000)

    with pytest.raises(PokinFileError, match=r"40000 karakter.*lembar 'Jabatan', baris 4"):
        export_xlsx(make(edit), tmp_path / "m.xlsx")
    assert list(tmp_path.iterdir()) == []


def deflated(data: bytes, level: int) -> int:
    """The size of ``data`` deflated raw at ``level``, as zipfile deflates a member."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return len(packer.compress(data) + packer.flush())


def test_the_package_is_deflated_at_the_fast_level(tmp_path: Path) -> None:
    # pokin runs XlsxWriter's own code with another ZipFile: the name must be the one it uses
    assert "ZipFile" in Workbook._store_workbook.__code__.co_names
    path = export_xlsx(make(), tmp_path / "m.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        members = archive.infolist()
        assert {m.compress_type for m in members} == {zipfile.ZIP_DEFLATED}
        for member in members:
            data = archive.read(member)
            assert member.compress_size == deflated(data, ZIP_LEVEL), member.filename
        big = max(members, key=lambda m: m.file_size)
        assert deflated(archive.read(big), 6) != big.compress_size  # not zlib's default


def xlsxwriter_sheet(rows: list[list[Any]]) -> tuple[str, list[tuple[int, int]]]:
    """The sheetData XlsxWriter itself writes for ``rows`` (from row 2), each column with
    a format of its own and another for texts starting with "="; and their style indexes."""
    book = Workbook(StringIO(), {"strings_to_numbers": False, "strings_to_formulas": False})
    sheet = book.add_worksheet()
    width = len(rows[0])
    formats = [
        (book.add_format({"font_size": 9 + n}), book.add_format({"font_size": 20 + n}))
        for n in range(width)
    ]
    for row, values in enumerate(rows, 1):
        for column, value in enumerate(values):
            plain, quoted = formats[column]
            if isinstance(value, str):
                sheet.write_string(row, column, value, quoted if value[:1] == "=" else plain)
            elif value is not None:
                sheet.write_number(row, column, value, plain)
    out = StringIO()
    sheet._set_xml_writer(out)
    sheet._write_rows()
    xml = re.sub(r' spans="[^"]*"', "", out.getvalue())
    return xml, [(a._get_xf_index(), b._get_xf_index()) for a, b in formats]


def test_rows_are_written_as_xlsxwriter_writes_them_and_repeated_parts_once() -> None:
    shared = ("Camat", "camat", 1)  # one tuple on each row: its XML made once
    rows: list[Row] = [
        (shared, ("Meningkatnya kinerja", None), (87.5,)),
        (shared, ("=1+2", "a & b"), (-0.0,)),
        (shared, ("Meningkatnya kinerja", "081"), (1e20,)),
        (("Sekcam", None, 2), (None, None), (None,)),
    ]
    expected, styles = xlsxwriter_sheet([[v for part in row for v in part] for row in rows])
    columns = [(cell_head(xl_col_to_name(n)), *style) for n, style in enumerate(styles)]
    strings: dict[str, int] = {}
    assert "".join(xml for xml, _ in rows_xml(rows, columns, strings)) == expected
    texts = ["Camat", "camat", "Meningkatnya kinerja", "=1+2", "a & b", "081", "Sekcam"]
    assert list(strings) == texts  # in the order of their first cell, as XlsxWriter's
    with pytest.raises(ValueError):  # a row cut into parts of other lengths
        list(rows_xml([*rows, (("a",), (None,) * 4, (None,))], columns, {}))


@pytest.mark.parametrize("chunk", [1, 2, 3, 4096])
def test_a_last_column_given_later_is_the_row_xlsxwriter_writes(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The matrix's Saran Tautan cells, given once the other sheets are written: each row
    as if written whole, its texts' shared strings after the rows' own (rows split across
    pieces of ``chunk`` rows too)."""
    monkeypatch.setattr(rowxml, "CHUNK", chunk)
    shared = ("Camat", 1)
    rows: list[Row] = [
        (shared, ("Meningkatnya kinerja",)),
        (shared, ("=1+2",)),
        (("Sekcam", 2), (None,)),
        (("Lurah", None), ("a & b",)),
        (("Kasi", 3), ("081",)),
    ]
    tail = ["saran satu", None, "=saran", None, "Camat"]
    whole = [[v for part in row for v in part] for row in rows]
    whole = [[*values, more] for values, more in zip(whole, tail, strict=True)]
    expected, styles = xlsxwriter_sheet(whole)
    columns = [(cell_head(xl_col_to_name(n)), *style) for n, style in enumerate(styles)]
    strings: dict[str, int] = {}
    pieces = list(rows_xml(rows, columns[:-1], strings))
    before = list(strings)
    done = list(with_tail(pieces, tail, columns[-1], strings))
    assert list(strings) == [*before, "saran satu", "=saran"]  # "Camat" had its index
    # XlsxWriter numbers the texts in cell order: renumber its sheet as ours
    ours = {
        n: strings[t]
        for n, t in enumerate(dict.fromkeys(v for row in whole for v in row if isinstance(v, str)))
    }
    renumbered = re.sub(
        r'(t="s"><v>)(\d+)(</v>)', lambda m: f"{m[1]}{ours[int(m[2])]}{m[3]}", expected
    )
    assert "".join(xml for xml, _ in done) == renumbered
    assert sum(used for _, used in done) == renumbered.count('t="s"')


def test_shared_strings_keep_their_order_without_a_sort(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_sort(self: SharedStringTable) -> None:
        raise AssertionError("sorted")

    monkeypatch.setattr(SharedStringTable, "_sort_string_data", no_sort)
    book = _Workbook(StringIO())
    for text in ["b", "a", "b", "c"]:
        book.str_table._get_shared_string_index(text)
    book._prepare_sst_string_data()
    assert book.str_table.string_array == ["b", "a", "c"]
    monkeypatch.undo()
    book = _Workbook(StringIO())
    book.str_table.string_table = {"b": 1, "a": 0}  # not in the order of its indexes
    book._prepare_sst_string_data()
    assert book.str_table.string_array == ["a", "b"]
