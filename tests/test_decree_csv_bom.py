"""A CSV whose UTF-8 byte order mark sits before Windows-1252 text is read as
Windows-1252, with the note such a file gets (invented Teluk Sebong Hulu decree).

A file once saved as UTF-8 with its mark and then saved again by a Windows-1252 program
keeps the three bytes (``ï»¿`` to that program) before its text; it was refused as "bukan
teks UTF-8 yang sah", though the same bytes without the mark are read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree

from .decree_files import indikator_rows

LINES = [
    "KEPUTUSAN CAMAT TELUK SEBONG HULU;;;;;;",
    "JABATAN : PENGOLAH DATA KEPENDUDUKAN;;;;;;",
    "No;Kinerja;Indikator Kinerja;Formulasi;Sumber Data;Satuan;Target",
    "1;Tersedianya data kependudukan yang mutakhir;Persentase data mutasi yang divalidasi;"
    "Data tervalidasi / data mutasi × 100%;Aplikasi SIAK – Dukcapil;persen;100",
    ";;Jumlah laporan data kependudukan;Laporan bulanan;Arsip «laporan»;laporan;12",
]
WANT = [
    ("Pengolah Data Kependudukan", "Tersedianya data kependudukan yang mutakhir",
     "Persentase data mutasi yang divalidasi", "Data tervalidasi / data mutasi × 100%",
     "Aplikasi SIAK – Dukcapil", "persen", "100"),
    ("Pengolah Data Kependudukan", "Tersedianya data kependudukan yang mutakhir",
     "Jumlah laporan data kependudukan", "Laporan bulanan", "Arsip «laporan»", "laporan",
     "12"),
]  # fmt: skip


@pytest.mark.parametrize("mark", [b"\xef\xbb\xbf", b""])
def test_windows_1252_text_after_a_utf8_mark_is_read(tmp_path: Path, mark: bytes) -> None:
    file = tmp_path / "pengolah-data.csv"
    file.write_bytes(mark + "\r\n".join(LINES).encode("cp1252"))
    result = import_decree(file)
    assert indikator_rows(result.tree) == WANT
    assert [line for line, note in result.notes if "Windows-1252" in note] == [4]


def test_a_utf8_file_with_its_mark_is_read_as_utf8(tmp_path: Path) -> None:
    file = tmp_path / "pengolah-data.csv"
    file.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(LINES).encode("utf-8"))
    result = import_decree(file)
    assert indikator_rows(result.tree) == WANT
    assert not [note for _, note in result.notes if "Windows-1252" in note]
