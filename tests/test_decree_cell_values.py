"""Values an office types into a decree's cells the way its program keeps them: a date (or a
time, a duration) in an Excel cell, a percentage written "85%" in a Target column with no
Satuan column beside it (QA7 #21, QA8). Invented Kecamatan Tanjungsari Kidul decrees, in
every reader that has a Target column: office Excel, Word, tab text, markdown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook

from pokin.decree import import_decree

from .decree_files import add_table

HEADER = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
ROWS: list[list[Any]] = [
    [1, "Tersusunnya laporan kinerja tepat waktu", "Tanggal penyampaian LKjIP", "-", "Arsip",
     "", datetime(2027, 2, 28)],
    ["", "", "Batas unggah dokumen SAKIP", "-", "Aplikasi e-SAKIP", "", date(2027, 3, 31)],
    ["", "", "Jam buka layanan PATEN", "-", "SOP PATEN", "pukul", time(7, 30)],
    ["", "", "Waktu layanan surat pindah", "-", "Register", "", timedelta(hours=2, minutes=15)],
    [2, "Meningkatnya pelayanan", "Indeks kepuasan masyarakat", "Survei", "Laporan SKM",
     "indeks", 86.25],
]  # fmt: skip


def _workbook(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "IKI 2027"
    sheet.append(["JABATAN : SEKRETARIS KECAMATAN TANJUNGSARI KIDUL"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet["G6"].number_format = "[h]:mm"
    path = tmp_path / "tanjungsari.xlsx"
    book.save(path)
    return path


def test_date_and_time_cells_read_the_indonesian_way_with_a_note(tmp_path: Path) -> None:
    result = import_decree(_workbook(tmp_path))
    got = [(i.uraian, i.target, i.satuan) for _, i in result.tree.iter_indikator()]
    assert got == [
        ("Tanggal penyampaian LKjIP", "28 Februari 2027", "tanggal"),
        ("Batas unggah dokumen SAKIP", "31 Maret 2027", "tanggal"),
        ("Jam buka layanan PATEN", "07.30", "pukul"),
        ("Waktu layanan surat pindah", "2 jam 15 menit", None),
        ("Indeks kepuasan masyarakat", "86,25", "indeks"),
    ]
    said = [note for _, note in result.notes if "tanggal atau jam" in note]
    assert len(said) == 1  # one note for the column, naming its rows
    assert "lembar 'IKI 2027', kolom G (Target), baris 3, 4, 5, 6" in said[0]
    assert "«28 Februari 2027»" in said[0]


def test_a_date_with_an_hour_keeps_the_hour(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["JABATAN : CAMAT TANJUNGSARI KIDUL"])
    sheet.append(HEADER)
    sheet.append([1, "Terselenggaranya Musrenbang", "Pelaksanaan Musrenbang Kecamatan",
                  "-", "Undangan", "", datetime(2027, 1, 20, 8, 0)])  # fmt: skip
    path = tmp_path / "jam.xlsx"
    book.save(path)
    indikator = next(i for _, i in import_decree(path).tree.iter_indikator())
    assert (indikator.target, indikator.satuan) == ("20 Januari 2027 pukul 08.00", "tanggal")


# "85%" with no Satuan column: the same split as "100 persen", in every reader
NO_SATUAN = ["No", "Kinerja", "Indikator Kinerja", "Sumber Data", "Target"]
PERCENT_ROWS = [
    ["1", "Meningkatnya kualitas pelayanan", "Persentase layanan selesai", "Register", "85%"],
    ["", "", "Persentase aduan dijawab", "SP4N LAPOR", "92,5 %"],
    ["", "", "Persentase RT tertib", "Laporan", "85%/tahun"],
]
HEAD = ["KEPUTUSAN CAMAT TANJUNGSARI KIDUL", "TENTANG", "INDIKATOR KINERJA INDIVIDU TAHUN 2027"]


def _lines(join: Callable[[list[str]], str], rule: bool) -> str:
    lines = [*HEAD, "", "1. JABATAN : CAMAT TANJUNGSARI KIDUL", join(NO_SATUAN)]
    if rule:
        lines.append("|" + "---|" * len(NO_SATUAN))
    return "\n".join([*lines, *(join(r) for r in PERCENT_ROWS), ""]) + "\n"


def _tab(tmp_path: Path) -> Path:
    path = tmp_path / "persen.txt"
    path.write_text(_lines("\t".join, False), encoding="utf-8")
    return path


def _markdown(tmp_path: Path) -> Path:
    path = tmp_path / "persen.md"
    path.write_text(_lines(lambda c: "| " + " | ".join(c) + " |", True), encoding="utf-8")
    return path


def _word(tmp_path: Path) -> Path:
    document = docx.Document()
    for line in [*HEAD, "1. JABATAN : CAMAT TANJUNGSARI KIDUL"]:
        document.add_paragraph(line)
    add_table(document, [NO_SATUAN, *PERCENT_ROWS])
    path = tmp_path / "persen.docx"
    document.save(str(path))
    return path


def _excel(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["JABATAN : CAMAT TANJUNGSARI KIDUL"])
    sheet.append(NO_SATUAN)
    values: list[Any] = [0.85, 0.925, "85%/tahun"]
    for at, (row, value) in enumerate(zip(PERCENT_ROWS, values, strict=True), 3):
        sheet.append([*row[:4], value])
        sheet.cell(at, 5).number_format = "0.0%" if at == 4 else "0%"
    path = tmp_path / "persen.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    "write", [_tab, _markdown, _word, _excel], ids=["tab", "md", "docx", "xlsx"]
)
def test_a_percent_target_without_a_satuan_column_is_split(
    write: Callable[[Path], Path], tmp_path: Path
) -> None:
    tree = import_decree(write(tmp_path)).tree
    got = [(i.target, i.satuan) for _, i in tree.iter_indikator()]
    assert got == [("85", "%"), ("92,5", "%"), ("85%/tahun", None)]


IKU_HEAD = ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target 2026", "Target 2027"]
IKU_ROWS = [
    ["1", "Meningkatnya kualitas pelayanan publik", "Persentase layanan tepat waktu", "80%",
     "85%"],
    ["2", "Meningkatnya ketertiban umum", "Jumlah patroli terpadu", "40 kali", "48 kali"],
    ["3", "Meningkatnya partisipasi warga", "Persentase RT aktif", "70%", "75 RT"],
]  # fmt: skip
IKU_TITLE = "INDIKATOR KINERJA UTAMA KECAMATAN TANJUNGSARI KIDUL TAHUN 2026-2027"


def _iku_markdown(tmp_path: Path) -> Path:
    lines = [f"# {IKU_TITLE}", "", "| " + " | ".join(IKU_HEAD) + " |", "|---" * 5 + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in IKU_ROWS]
    path = tmp_path / "iku.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _iku_word(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(IKU_TITLE)
    add_table(document, [IKU_HEAD, *IKU_ROWS])
    path = tmp_path / "iku.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("write", [_iku_markdown, _iku_word], ids=["md", "docx"])
def test_iku_targets_with_their_unit_and_no_satuan_column(
    write: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The same rule in an IKU table: a unit written in every year's target is the
    satuan; targets whose units differ stay as written."""
    tree = import_decree(write(tmp_path)).tree
    got = [
        (i.satuan, [(p.periode, p.target) for p in i.per_periode])
        for s in tree.iku
        for i in s.indikator
    ]
    assert got == [
        ("%", [("2026", "80"), ("2027", "85")]),
        ("kali", [("2026", "40"), ("2027", "48")]),
        (None, [("2026", "70%"), ("2027", "75 RT")]),
    ]
