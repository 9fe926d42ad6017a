"""Defects found by a planner's QA pass of ``pokin import``, each on an invented decree.

Every test names the general mechanism it checks (not the QA file): rows numbered with
one digit, wrapped cells, tables at other column positions, unreadable rows reported,
one cell per line, year ranges, office workbooks, one-line titles, Windows-1252 text.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from pokin import PohonKinerja
from pokin.cli import main
from pokin.decree import import_decree, read_decree
from pokin.errors import ImportDocumentError
from pokin.io import load

from .decree_files import add_table

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
        (25, "2 Persentase laporan keuangan "),  # the file's lines: a page break (form
        (26, "lengkap dan benar wajib x 100%"),  # feed) above opens a line, adds none
    ]
    sekretaris = result.tree.jabatan[1]
    assert [k.uraian for k in sekretaris.kinerja] == [
        "Tertibnya administrasi perkantoran",
        "Terkelolanya kepegawaian",
    ]


_YEARS = ["Target 2024", "Target 2025", "Target 2026"]


def _iku_docx(path: Path) -> Path:
    """An IKU page over a Renstra period (title on one line), a target column per year."""
    d = docx.Document()
    d.add_paragraph("INDIKATOR KINERJA UTAMA KECAMATAN MEKARSARI KABUPATEN CONTOH TAHUN 2022-2026")
    add_table(
        d,
        [
            ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", *_YEARS],
            ["1", "Meningkatnya tata kelola", "Nilai SAKIP", "nilai", "70", "72,5", "75"],
        ],
    )
    file = path / "iku-mekarsari.docx"
    d.save(str(file))
    return file


def _iki_docx(path: Path) -> Path:
    d = docx.Document()
    for line in ("KEPUTUSAN CAMAT MEKARSARI", "NOMOR 050/7/2025", "TENTANG"):
        d.add_paragraph(line)
    d.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN MEKARSARI TAHUN 2025")
    d.add_paragraph("JABATAN : CAMAT")
    header = ["No", "Kinerja", "Indikator Kinerja Individu", "Formulasi", "Sumber Data"]
    add_table(d, [header, ["1.", "Meningkatnya tata kelola", "Nilai SAKIP", "Nilai LHE", "LHE"]])
    file = path / "iki-mekarsari.docx"
    d.save(str(file))
    return file


def test_a_year_range_in_the_title_is_a_periode_not_a_year(tmp_path: Path) -> None:
    """QA 5: "TAHUN 2022-2026" on a long title line gave ``tahun: 2022``."""
    tree = read_decree(_iku_docx(tmp_path))
    assert (tree.organisasi.tahun, tree.organisasi.periode) == (None, "2022-2026")
    sakip = tree.iku[0].indikator[0]
    assert [(p.periode, p.target) for p in sakip.per_periode] == [
        ("2024", "70"),
        ("2025", "72,5"),
        ("2026", "75"),
    ]


def test_merge_takes_the_year_of_the_iki_decree_and_its_iku_target(tmp_path: Path) -> None:
    """QA 5: the merged tree's tahun is the IKI decree's, the IKU ``target`` that year's."""
    out = tmp_path / "mekarsari.yaml"
    iku, iki = _iku_docx(tmp_path), _iki_docx(tmp_path)
    assert main(["import", str(iku), str(iki), "-o", str(out), "--merge", "-q"]) == 0
    tree = load(out)
    assert (tree.organisasi.tahun, tree.organisasi.periode) == (2025, "2022-2026")
    sakip = tree.iku[0].indikator[0]
    assert sakip.target == "72,5"
    assert [p.periode for p in sakip.per_periode] == ["2024", "2025", "2026"]
    assert tree.organisasi.catatan is not None
    assert "tidak ada blok Camat" not in tree.organisasi.catatan
    assert "no Camat block" not in tree.organisasi.catatan


def test_a_decree_title_on_one_line_gives_its_judul_and_year(tmp_path: Path) -> None:
    """QA 15: a markdown heading holding the whole title (KEPUTUSAN ... NOMOR ... TENTANG
    ... TAHUN 2024) lost the year and the judul."""
    file = tmp_path / "sindangsari.md"
    file.write_text(
        "# KEPUTUSAN CAMAT SINDANGSARI NOMOR 061/3/2024 TENTANG INDIKATOR KINERJA "
        "INDIVIDU KECAMATAN SINDANGSARI KOTA CONTOH TAHUN 2024\n\n"
        "**JABATAN : CAMAT**\n\n"
        "| No | Sasaran | Indikator Kinerja | Cara Perhitungan | Sumber Data |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Meningkatnya pelayanan | Nilai IKM | Survei | Laporan SKM |\n",
        encoding="utf-8",
    )
    organisasi = read_decree(file).organisasi
    assert organisasi.tahun == 2024
    assert organisasi.dokumen is not None
    assert organisasi.dokumen.judul == (
        "Indikator Kinerja Individu Kecamatan Sindangsari Kota Contoh Tahun 2024"
    )
    assert organisasi.dokumen.nomor == "061/3/2024"


def _office_workbook(path: Path) -> Path:
    """Two sheets with a title row, numeric targets in three number formats, and one row
    before the header that cannot be read."""
    wb = Workbook()
    kasi = wb.active
    assert kasi is not None
    kasi.title = "Kasi Pelayanan"
    kasi.append(["INDIKATOR KINERJA INDIVIDU"])
    kasi.append(["JABATAN", ":", "KEPALA SEKSI PELAYANAN"])
    kasi.append(["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Target"])
    kasi.append([1, "Meningkatnya pelayanan", "Nilai IKM", "Survei", "Laporan SKM", 82.5])
    kasi.append([2, None, "Persentase PATEN tepat waktu", "a / b", "Register", 0.955])
    kasi.append([3, None, "Rata-rata waktu layanan", "Jumlah hari / n", "Register", 81.5])
    kasi["F5"].number_format = "0.0%"
    kasi["F6"].number_format = "0.00"
    kasi.merge_cells("B4:B6")
    staf = wb.create_sheet("Pengadministrasi")
    staf.append(["INDIKATOR KINERJA INDIVIDU"])
    staf.append(["Lampiran II", "Keputusan Camat"])
    staf.append(["JABATAN", ":", "PENGADMINISTRASI UMUM"])
    staf.append(["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Target"])
    staf.append([1, "Tertibnya arsip", "Jumlah arsip ditata", "Jumlah arsip", "Buku arsip", 1200])
    file = path / "office.xlsx"
    wb.save(file)
    return file


def test_office_workbook_numbers_read_as_the_sheet_shows_them(tmp_path: Path) -> None:
    """QA 14: 82.5 came back "82.5"; the number format and the decimal comma count."""
    tree = import_decree(_office_workbook(tmp_path)).tree
    targets = [i.target for j in tree.jabatan for k in j.kinerja for i in k.indikator]
    assert targets == ["82,5", "95,5", "81,50", "1200"]  # "95,5%": satuan "%", no Satuan column


def test_office_workbook_title_rows_are_titles_and_skips_name_their_sheet(
    tmp_path: Path,
) -> None:
    """QA 14: a title row per sheet was a lost line (exit 1), each warning "office.xlsx:1"
    without its sheet; only the row that really is not read is reported, by sheet."""
    result = import_decree(_office_workbook(tmp_path))
    assert [(s.line, s.text) for s in result.skipped] == [(2, "Lampiran II | Keputusan Camat")]
    assert "lembar «Pengadministrasi» baris 2" in result.skipped[0].reason
    assert [j.nama for j in result.tree.jabatan] == [
        "Kepala Seksi Pelayanan",
        "Pengadministrasi Umum",
    ]


_WORD_TEXT = (
    "KEPUTUSAN CAMAT TANJUNGSARI\r\nNOMOR 800/9/2025\r\n\r\n"
    "JABATAN\t:\tSEKRETARIS KECAMATAN\r\n"
    "TUGAS\t:\tMembantu Camat dalam urusan \u201cadministrasi umum\u201d.\r\n\r\n"
    "NO\tKINERJA\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\r\n"
    "1\tTertibnya administrasi\tPersentase surat diarsipkan\t"
    "Jumlah surat diarsipkan \u2013 jumlah surat masuk\tBuku agenda\r\n"
)


def test_windows_1252_text_is_read_and_said(tmp_path: Path) -> None:
    """QA 20c: Word's "save as text" on Windows (curly quotes, en dash) was refused."""
    file = tmp_path / "tanjungsari.txt"
    file.write_bytes(_WORD_TEXT.encode("cp1252"))
    result = import_decree(file)
    sekretaris = result.tree.jabatan[0]
    assert sekretaris.tugas == "Membantu Camat dalam urusan \u201cadministrasi umum\u201d."
    indikator = sekretaris.kinerja[0].indikator[0]
    assert indikator.formulasi == "Jumlah surat diarsipkan \u2013 jumlah surat masuk"
    assert [line for line, note in result.notes if "Windows-1252" in note] == [5]


def test_binary_bytes_are_still_refused(tmp_path: Path) -> None:
    """20c: only text falls back to Windows-1252; control bytes (no NUL) are binary."""
    file = tmp_path / "rusak.txt"
    file.write_bytes(b"JABATAN : CAMAT\n\x01\x02\x9c\x8b\xff\x03" * 50)
    with pytest.raises(ImportDocumentError, match="bukan teks UTF-8"):
        import_decree(file)


def test_plain_pdftotext_cells_apart_by_blank_lines() -> None:
    """QA 10: poppler's ``pdftotext`` without -layout (real output of a reportlab PDF)
    writes a cell per block of lines, bare numbers for row numbers and targets, and a
    kinerja taller than its indicators after them under its row number; it was refused
    ("tidak ditemukan blok jabatan")."""
    result = import_decree(DECREES / "pdf-raw-cempaka.txt")
    assert (result.layout, result.skipped) == ("pdf-cells", [])
    camat, kasi = result.tree.jabatan
    assert [(k.uraian, [i.uraian for i in k.indikator]) for k in camat.kinerja] == [
        (
            "Meningkatnya kinerja pelayanan administrasi terpadu kecamatan",
            [
                "Nilai IKM PATEN Kecamatan Cempaka",
                "Persentase permohonan PATEN yang selesai tepat waktu",
            ],
        ),
        (
            "Terwujudnya partisipasi masyarakat dalam pembangunan di seluruh desa wilayah "
            "kecamatan",
            ["Persentase desa yang melaksanakan musrenbang"],
        ),
    ]
    targets = [(i.satuan, i.target) for k in camat.kinerja + kasi.kinerja for i in k.indikator]
    assert targets == [
        ("indeks", "80"),
        ("persen", "100"),
        ("persen", "100"),
        ("kali", "12"),
        ("persen", "90"),
    ]
    assert camat.kinerja[0].indikator[1].formulasi == (
        "Jumlah permohonan selesai tepat waktu / jumlah permohonan x 100%"
    )
