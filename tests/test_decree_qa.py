"""Defects found by a planner's QA pass of ``pokin import``, each on an invented decree.

Every test names the general mechanism it checks (not the QA file): rows numbered with
one digit, wrapped cells, tables at other column positions, unreadable rows reported,
one cell per line, year ranges, office workbooks, one-line titles, Windows-1252 text.
"""

from __future__ import annotations

from pathlib import Path

from pokin import PohonKinerja
from pokin.decree import import_decree

DECREES = Path(__file__).parent / "fixtures" / "decrees"


def _indikator(tree: PohonKinerja) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (j.id, k.uraian, i.uraian, i.formulasi or "", i.sumber_data or "", i.satuan or "")
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


def test_fixed_width_rows_numbered_with_one_digit_are_all_read() -> None:
    """QA 1: "1", "2", "3" in a No column were glued to the next cell, and the lines that
    then crossed the column bounds were dropped without a word."""
    result = import_decree(DECREES / "pdf-layout-harapan.txt")
    camat = result.tree.jabatan[0]
    assert [k.uraian for k in camat.kinerja] == [
        "Meningkatnya kualitas pelayanan publik di Kecamatan",
        "Terwujudnya ketertiban umum di wilayah Kecamatan",
    ]
    assert [i.uraian for i in camat.kinerja[0].indikator] == [
        "Indeks Kepuasan Masyarakat atas layanan Kecamatan",
        "Persentase izin yang terbit tepat waktu",
    ]


def test_fixed_width_wrapped_cells_join_the_row_above_in_their_own_column() -> None:
    """QA 2: the last line of a wrapped kinerja ("Kecamatan") beside the last line of a
    wrapped formula ("100%") is no new row; a later table set two characters to the
    right does not move this table's column bounds (no "KIB | dan laporan" cut)."""
    rows = _indikator(import_decree(DECREES / "pdf-layout-harapan.txt").tree)
    assert rows[0] == (
        "camat",
        "Meningkatnya kualitas pelayanan publik di Kecamatan",
        "Indeks Kepuasan Masyarakat atas layanan Kecamatan",
        "Rata-rata nilai survei kepuasan masyarakat 100%",
        "Laporan dan arsip SKM",
        "indeks",
    )
    assert rows[2][2:] == (
        "Persentase pelanggaran Perda yang ditindak",
        "Jumlah pelanggaran yang ditindak / jumlah pelanggaran x 100%",
        "Laporan Trantib",
        "persen",
    )
    assert not any("(indikator tidak tertulis)" in row[2] for row in rows)


def test_fixed_width_row_across_the_columns_is_reported_with_its_lines() -> None:
    """QA 1: a row whose text crosses the column bounds cannot be split; it is reported
    with its line (and its wrapped line), and the numbered row after it is read again."""
    result = import_decree(DECREES / "pdf-layout-harapan.txt")
    assert [(s.line, s.text[:30]) for s in result.skipped] == [
        (26, "2 Persentase laporan keuangan "),
        (27, "lengkap dan benar wajib x 100%"),
    ]
    sekretaris = result.tree.jabatan[1]
    assert [k.uraian for k in sekretaris.kinerja] == [
        "Tertibnya administrasi perkantoran",
        "Terkelolanya kepegawaian",
    ]
