"""``pdftotext -layout`` text of a Chromium PDF: rows laid out one by one, cells glued one
space apart (QA7 #3). A row whose cells cannot be cut right is refused with its lines
(peringatan, exit 1), never read into shifted cells or left in a jabatan's catatan.

The fixture is an invented decree (Kecamatan Bojongsari): a 7-column table (No, Kinerja,
Indikator, Formulasi, Sumber Data over two lines, Satuan, Target) where row 2 glues the
indicator, formula and source one space apart, a target "persen 95" set under the Target
label with the Satuan cell empty, and a 4-column table (No, Sasaran, Indikator, Target)
whose first row ends in a line run across every column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.cli import main
from pokin.decree import import_decree
from pokin.decree.gutters import Grid
from pokin.decree.misread import buried, unit_before_target

from .decree_files import indikator_rows

FIXTURE = Path(__file__).parent / "fixtures" / "decrees" / "pdf-layout-bojongsari.txt"


def rows() -> list[tuple[str, ...]]:
    return indikator_rows(import_decree(FIXTURE).tree)


def test_rows_read_right_and_misread_rows_refused() -> None:
    assert rows() == [
        ("Camat", "Meningkatnya kualitas layanan kecamatan", "Indeks Kepuasan Masyarakat",
         "Nilai rata-rata unsur layanan x 25", "Laporan SKM Kecamatan", "indeks", "83"),
        # row 2 (lines 14-16) glued one space apart: refused, row 3 read
        ("Camat", "Menurunnya gangguan ketertiban umum", "Jumlah kejadian banjir yang tertangani",
         "Jumlah kejadian yang ditangani dalam satu tahun", "Laporan Kasi Trantib", "kejadian",
         "10"),
        # "persen 95" under the Target label, the Satuan cell empty: both read
        ("Sekretaris Kecamatan", "Indeks Kepuasan Masyarakat",
         "Persentase surat selesai dalam satu hari kerja",
         "Surat selesai dalam satu hari dibagi seluruh surat x 100%", "Register surat keluar",
         "persen", "95"),
        ("Sekretaris Kecamatan", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP Kecamatan",
         "Nilai hasil evaluasi Inspektorat", "LHE SAKIP Inspektorat", "nilai", "72"),
        # row 1 (lines 37-39) ends in a line run across every column: refused, not cut;
        # "100%" with no Satuan cell is read as target 100, satuan % (as every reader does)
        ("Kepala Seksi Pemerintahan", "Meningkatnya tertib administrasi desa",
         "Persentase laporan realisasi APBDes yang diverifikasi", "", "", "%", "100"),
    ]  # fmt: skip


def test_every_refused_line_is_reported_and_the_import_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skipped = import_decree(FIXTURE).skipped
    assert [(s.line, s.end_line) for s in skipped] == [(14, 14), (15, 15), (16, 16), (37, 38),
                                                       (39, 39)]  # fmt: skip
    assert skipped[0].text.startswith("2 Meningkatnya Persentase desa Jumlah desa yang Data")
    assert skipped[3].text.startswith("1 Persentase desa yang APBDes-nya")
    assert main(["import", str(FIXTURE), "-o", str(tmp_path / "b.yaml")]) == 1
    err = capsys.readouterr().err
    assert "pdf-layout-bojongsari.txt:37-38: tidak diimpor" in err
    assert "bukan tugas, fungsi atau baris tabel" not in err  # nothing left in a catatan


def test_a_cut_with_a_new_texts_first_word_inside_a_cell_is_wrong() -> None:
    assert buried(["Persentase desa Jumlah", "desa yang Data"])
    assert buried(["tepat waktu Sekretariat"])
    assert not buried(["Kecamatan", "layanan"])  # a name at a cell's start
    assert not buried(["pelayanan KTP", "yang dilatih"])  # an acronym inside


def test_a_unit_and_number_in_the_target_cell() -> None:
    grid = Grid([], [10.0, 20.0], ["Sumber Data", "Satuan", "Target"])
    cells = ["Register", "", "persen 95"]
    assert unit_before_target(cells, grid) is True
    assert cells == ["Register", "persen", "95"]
    taken = ["Buku", "register", "kali 1.200"]  # the satuan bound is not where the text is
    assert unit_before_target(taken, grid) is False
    assert unit_before_target(["Register", "", "95%"], grid) is None
