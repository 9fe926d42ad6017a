"""The PDF-text decree layout: table columns broken across lines (iki-staf-samarinda)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from pokin.decree import markdown as _decree_markdown
from pokin.decree import pdf as _decree_pdf
from pokin.decree import tab as _decree_tab
from pokin.decree.parts import ParsedDecree, Row

FIXTURES = Path(__file__).parent / "fixtures"
SAMARINDA = FIXTURES / "seeds" / "iki-staf-samarinda.txt"
HEADER = "KINERJA UTAMA INDIKATOR KINERJA UTAMA FORMULASI PERHITUNGAN/ PENJELASAN SUMBER DATA\n"

# What iki-staf-samarinda.txt holds, counted by reading it (one kinerja may have several
# indicators; a merged SUMBER DATA cell is printed once, beside its first indicator):
#
#   position                                              kinerja  indicators
#   PENGADMINISTRASI SURAT                                   2        4 + 1
#   PENGELOLA PERSONIL DAN PENGEMBANGAN KECAMATAN            2        3 + 4
#   PENGELOLA PEMANFAATAN BARANG MILIK DAERAH                2        1 + 2
#   PENGOLAH DATA PERENCANAAN                                3        1 + 1 + 1
#   BENDAHARA PENGELUARAN                                    2        4 + 3
#   PENGADMINISTRASI KEUANGAN                                2        3 + 3
#   PETUGAS KEAMANAN                                         2        1 + 3
#   PENGOLAH DATA PEMERINTAHAN                               3        1 + 1 + 1
#   PENGOLAH DATA PEMBERDAYAAN MASYARAKAT DAN KELEMBAGAAN    8        1 each
#   PENGOLAH DATA PELAYANAN UMUM                             2        1 + 1
#   PETUGAS LAYANAN UMUM                                     2        1 + 1
#   total: 11 positions                                     30       50
#
# The last indicator of PENGELOLA PERSONIL ("Jumlah arsip kepegawaian (pengantar ...)")
# has no separate formula in the text; it is counted as an indicator without formula.
EXPECTED = [
    ("PENGADMINISTRASI SURAT", 2, 5),
    ("PENGELOLA PERSONIL DAN PENGEMBANGAN KECAMATAN", 2, 7),
    ("PENGELOLA PEMANFAATAN BARANG MILIK DAERAH", 2, 3),
    ("PENGOLAH DATA PERENCANAAN", 3, 3),
    ("BENDAHARA PENGELUARAN", 2, 7),
    ("PENGADMINISTRASI KEUANGAN", 2, 6),
    ("PETUGAS KEAMANAN", 2, 4),
    ("PENGOLAH DATA PEMERINTAHAN", 3, 3),
    ("PENGOLAH DATA PEMBERDAYAAN MASYARAKAT DAN KELEMBAGAAN", 8, 8),
    ("PENGOLAH DATA PELAYANAN UMUM", 2, 2),
    ("PETUGAS LAYANAN UMUM", 2, 2),
]


def parse(text: str) -> ParsedDecree:
    return _decree_pdf.parse(text, source="test.txt")


def rows(body: str) -> list[Row]:
    decree = parse("1. JABATAN : STAF\n\n" + HEADER + "1 2 3 4\n" + body)
    return decree.blocks[0].rows


def cells(row: Row) -> tuple[str, str, str, str]:
    return (row.kinerja, row.indikator, row.formulasi, row.sumber_data)


@pytest.fixture(scope="module")
def samarinda() -> ParsedDecree:
    return _decree_pdf.parse(SAMARINDA.read_text(encoding="utf-8"), source=SAMARINDA.name)


# -- the Samarinda seed ----------------------------------------------------------------------


def test_samarinda_positions_kinerja_and_indicators(samarinda: ParsedDecree) -> None:
    got = [
        (b.nama, sum(1 for r in b.rows if r.kinerja), sum(1 for r in b.rows if r.indikator))
        for b in samarinda.blocks
    ]
    assert got == EXPECTED
    assert all(r.indikator for b in samarinda.blocks for r in b.rows)
    assert samarinda.blocks[0].rows[0].kinerja  # every table opens with a kinerja
    assert samarinda.skipped == []
    assert samarinda.layout == "pdf-text"


def _table_lines(text: str) -> list[str]:
    """The lines of every table region, without the header and column-number lines."""
    out: list[str] = []
    inside = False
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line.startswith("KINERJA UTAMA INDIKATOR"):
            inside = True
        elif line == "INDIKATOR KINERJA INDIVIDU":
            inside = False
        elif inside and line and not re.fullmatch(r"[\d ]+|FORMULASI PERHITUNGAN/|PENJELASAN|"
                                                  r"SUMBER DATA", line):  # fmt: skip
            out.append(line)
    return out


def _chars(texts: list[str]) -> Counter[str]:
    return Counter(c for text in texts for c in text if not c.isspace() and c not in ";\uf0b7")


def test_samarinda_every_table_character_is_accounted_for(samarinda: ParsedDecree) -> None:
    """Nothing lost, nothing invented: rows + skipped hold exactly the table's characters."""
    source = _table_lines(SAMARINDA.read_text(encoding="utf-8"))
    assert len(source) == 254
    parsed = [text for b in samarinda.blocks for r in b.rows for text in cells(r)]
    parsed += [s.text for s in samarinda.skipped]
    assert _chars(parsed) == _chars(source)


def test_samarinda_rows_read_across_broken_columns(samarinda: ParsedDecree) -> None:
    surat, personil = samarinda.blocks[0].rows, samarinda.blocks[1].rows
    assert cells(surat[0]) == (
        "Tercatat dan terarsipnya surat menyurat",
        "Jumlah surat masuk yang tercatat",
        "Jumlah surat masuk yang dicatat di buku register",
        "Agenda Surat Keluar; Agenda Surat Masuk; Arsip pegawai",  # the merged cell
    )
    assert cells(surat[1])[1:3] == (  # "Arsip pegawaiJumlah surat keluar ..." unglued
        "Jumlah surat keluar yang tercatat",
        "Jumlah surat keluar yang dicatat di buku register",  # "register" after a blank
    )
    assert surat[4].formulasi == "Jumlah surat tugas dan SPPD yang dibuat dan dicatat"
    assert personil[3].sumber_data == "Rekap data fingerprint pegawai; Rekap daftar hadir pegawai"
    assert personil[4].indikator == "Jumlah arsip daftar hadir kepegawaian yang direkap"
    keamanan = samarinda.blocks[6].rows
    assert cells(keamanan[0]) == (
        "Pelaksanaan koordinasi dengan Polsek dan Koramil dalam peningkatan keamanan dan "
        "ketertiban wilayah kecamatan",
        "Terlaksananya patroli wilayah kecamatan",
        "Jumlah patroli yang dilaksanakan dalam setahun",
        "Data Koordinasi Tramtib",
    )
    assert keamanan[0].line == 389
    perencanaan = samarinda.blocks[3].rows
    assert perencanaan[0].formulasi == (
        "Jumlah dokumen laporan kinerja yang dibuat 1. Laporan Kinerja Tahunan "
        "2. Perjanjian Kinerja 3. Laporan Sakip 4. LKPJ dan LPPD"
    )
    layanan = samarinda.blocks[10].rows
    assert cells(layanan[0])[1:] == (
        "Meningkatnya kualitas dan profesionalitas pelayanan kepada masyarakat",
        "Lancar dan singkatnya waktu pelayanan",
        "Data Pelayanan Umum",
    )


def test_samarinda_tugas_and_fungsi(samarinda: ParsedDecree) -> None:
    bendahara = samarinda.blocks[4]
    assert bendahara.tugas == (
        "Mengelola administrasi keuangan dan membuat laporan mengenai Permintaan, pengeluaran "
        "dan keadaan kas berdasarkan penerimaan dan pengeluaran sebagai bahan "
        "pertanggungjawaban"
    )
    assert len(bendahara.fungsi) == 6
    assert bendahara.fungsi[5] == "Mencatat dan mengarsip berkas pengajuan anggaran"
    surat = samarinda.blocks[0]
    assert surat.fungsi[0] == (
        "Menerima, mencatat dan meregister surat masuk, sesuai dengan prosedur dan ketentuan "
        "yang berlaku, agar memudahkan pencarian"
    )
    assert [len(b.fungsi) for b in samarinda.blocks] == [5, 7, 13, 4, 6, 5, 5, 3, 4, 5, 3]


def test_samarinda_has_no_decree_header(samarinda: ParsedDecree) -> None:
    assert (samarinda.nama, samarinda.nomor, samarinda.tanggal) == (None, None, None)


# -- quirks, one tiny input each -------------------------------------------------------------


def test_cells_on_one_line_are_split() -> None:
    (row,) = rows("Terlaksananya patroli\n\nPatroli rutin Jumlah patroli setahun Data Tramtib\n")
    assert cells(row) == ("Terlaksananya patroli", "Patroli rutin", "Jumlah patroli setahun",
                          "Data Tramtib")  # fmt: skip


def test_source_word_after_a_short_formula_is_not_split() -> None:
    (row,) = rows("Kinerja\n\nJumlah bahan Laporan LRA Jumlah Data LRA\n")
    assert (row.indikator, row.formulasi, row.sumber_data) == (
        "Jumlah bahan Laporan LRA",
        "Jumlah Data LRA",
        "",
    )


def test_lower_case_line_after_blank_continues_the_cell() -> None:
    (row,) = rows("Kinerja\n\nJumlah surat Jumlah surat yang dicatat di\n\nbuku register\n")
    assert row.formulasi == "Jumlah surat yang dicatat di buku register"


def test_narrow_paragraph_after_a_source_is_a_new_kinerja() -> None:
    got = rows("Kinerja satu\n\nJumlah A\n\nData A\n\nTersedianya laporan\nkeuangan\n\nJumlah B\n")
    assert [(r.kinerja, r.indikator) for r in got] == [
        ("Kinerja satu", "Jumlah A"),
        ("Tersedianya laporan keuangan", "Jumlah B"),
    ]


def test_indicator_after_a_formula_is_the_next_indicator_of_the_kinerja() -> None:
    got = rows("Kinerja\n\nJumlah A\n\nJumlah A yang dibuat\n\nJumlah B\n\nJumlah B yang dibuat")
    assert [cells(r) for r in got] == [
        ("Kinerja", "Jumlah A", "Jumlah A yang dibuat", ""),
        ("", "Jumlah B", "Jumlah B yang dibuat", ""),
    ]


def test_page_number_and_text_before_first_row_are_skipped_with_lines() -> None:
    decree = parse("1. JABATAN : STAF\n" + HEADER + "1 2 3 4\nlanjutan\n\nKinerja\n12\nJumlah A\n")
    assert [(s.line, s.text) for s in decree.skipped] == [(4, "lanjutan"), (7, "12")]
    assert [cells(r)[:2] for r in decree.blocks[0].rows] == [("Kinerja", "Jumlah A")]


def test_repeated_header_after_page_break_continues_the_table() -> None:
    got = rows("Kinerja\n\nJumlah A Jumlah A yang\n\f" + HEADER + "1 2 3 4\ndibuat\n\nJumlah B")
    assert [(r.indikator, r.formulasi) for r in got] == [
        ("Jumlah A", "Jumlah A yang dibuat"),
        ("Jumlah B", ""),
    ]


def test_last_line_without_newline_is_read() -> None:
    (row,) = rows("Kinerja\n\nJumlah A\n\nRumus A\n\nData A")
    assert row.sumber_data == "Data A"


def test_table_ends_at_the_signature() -> None:
    decree = parse(
        "1. JABATAN : STAF\n" + HEADER + "Kinerja\n\nJumlah A\n\nSAMARINDA, 03 JANUARI 2023\n"
        "CAMAT SAMBUTAN,\n"
    )
    assert [cells(r) for r in decree.blocks[0].rows] == [("Kinerja", "Jumlah A", "", "")]
    assert decree.tanggal == "2023-01-03"


# -- sniff -----------------------------------------------------------------------------------


def test_sniff_accepts_the_samarinda_seed() -> None:
    text = SAMARINDA.read_text(encoding="utf-8")
    assert _decree_pdf.sniff(text)
    assert not _decree_markdown.sniff(text)
    assert not _decree_tab.sniff(text)


@pytest.mark.parametrize(
    "name",
    [
        "tab-sambutan-excerpt.txt",
        "tab-wonoasih-excerpt.txt",
        "tab-kebomas-excerpt.txt",
        "iki-sungai-kunjang-2024.md",
        "iku-iki-manyar-2024.md",
    ],
)
def test_sniff_rejects_other_layouts(name: str) -> None:
    assert not _decree_pdf.sniff((FIXTURES / "decrees" / name).read_text(encoding="utf-8"))


def test_jenis_label_is_taken_off_the_title() -> None:
    decree = parse("1. JABATAN : PENGOLAH DATA (JFU)\n" + HEADER + "Kinerja\n\nJumlah A\n")
    assert (decree.blocks[0].nama, decree.blocks[0].jenis) == ("PENGOLAH DATA", "JFU")


def test_parse_decree_end_to_end() -> None:
    decree = pytest.importorskip("pokin.decree")
    text = SAMARINDA.read_text(encoding="utf-8")
    assert decree.parse(text, source=SAMARINDA.name).layout == "pdf-text"
    tree = decree.parse_decree(text, source=SAMARINDA.name)
    assert len(tree.jabatan) == 11
    assert sum(len(j.kinerja) for j in tree.jabatan) == 30
    assert sum(1 for j in tree.jabatan for _ in j.iter_indikator()) == 50


def test_page_title_and_repeated_header_inside_a_table() -> None:
    got = rows(
        "Kinerja\n\nJumlah A Jumlah A yang\n\nINDIKATOR KINERJA INDIVIDU\n\n"
        + HEADER
        + "1 2 3 4\n\ndibuat\n\nData A\n"
    )
    assert [cells(r) for r in got] == [("Kinerja", "Jumlah A", "Jumlah A yang dibuat", "Data A")]
