"""pokin's shortcuts through XlsxWriter write what XlsxWriter itself writes."""

from __future__ import annotations

import zipfile
import zlib
from io import StringIO
from pathlib import Path

import pytest
from xlsxwriter import Workbook
from xlsxwriter.sharedstrings import SharedStrings, SharedStringTable
from xlsxwriter.worksheet import Worksheet

from pokin import PokinFileError
from pokin.excel import export_xlsx
from pokin.excel.writer import ZIP_LEVEL, _SharedStrings, _Worksheet

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
        jab(data, "staf").update(tugas="a\x07b")

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
