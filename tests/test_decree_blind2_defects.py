"""Reader defects the blind2 helper found writing new blind decrees (notes/blind2.md,
"Import defects found" 1, 4, 5), each on an invented decree (Kecamatan Sukamanah):

1. Word, one long table with each position's "JABATAN : / ATASAN LANGSUNG : / TUGAS :"
   merged across it: the "ATASAN LANGSUNG : X" row opened a position of that name (and the
   JABATAN row right under the header was skipped as a row before the first JABATAN).
4. ``pdftotext -layout``: the "INDIKATOR KINERJA INDIVIDU" heading between two positions
   was appended to the indicator of the last row above, silently.
5. ``pdftotext -layout``: a word broken after its hyphen at a line's end ("SP4N-" /
   "LAPOR") was joined with a space ("SP4N- LAPOR").
"""

from __future__ import annotations

from pathlib import Path

import docx

from pokin.decree import import_decree

from .decree_files import Cells, add_table

DECREES = Path(__file__).parent / "fixtures" / "decrees"
HEAD = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Target"]
BLOCKS = [
    (
        "SEKRETARIS KECAMATAN",
        "CAMAT SUKAMANAH",
        "Mengoordinasikan urusan umum.",
        ["1", "Tertibnya administrasi keuangan", "Persentase SPJ tepat waktu", "SPJ / SPJ", "95"],
    ),
    (
        "PENGELOLA KEUANGAN",
        "SEKRETARIS KECAMATAN",
        "Mengelola keuangan kecamatan.",
        ["1", "Tersusunnya laporan keuangan", "Jumlah laporan disusun", "Jumlah laporan", "12"],
    ),
]


def test_labelled_rows_merged_across_one_long_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN SUKAMANAH TAHUN 2026")
    rows: list[Cells] = [HEAD]
    for nama, atasan, tugas, row in BLOCKS:
        rows += [[f"JABATAN : {nama}", "<", "<", "<", "<"]]
        rows += [[f"ATASAN LANGSUNG : {atasan}", "<", "<", "<", "<"]]
        rows += [[f"TUGAS : {tugas}", "<", "<", "<", "<"], row]
    add_table(document, rows)
    path = tmp_path / "iki.docx"
    document.save(str(path))
    result = import_decree(path)
    sekretaris, pengelola = result.tree.jabatan
    assert (sekretaris.id, pengelola.id) == ("sekretaris-kecamatan", "pengelola-keuangan")
    assert pengelola.atasan == "sekretaris-kecamatan"
    assert [sekretaris.tugas, pengelola.tugas] == [b[2] for b in BLOCKS]
    assert [[k.uraian for k in j.kinerja] for j in result.tree.jabatan] == [
        [b[3][1]] for b in BLOCKS
    ]
    assert not result.skipped


def test_the_iki_heading_between_layout_tables_is_no_cell() -> None:
    result = import_decree(DECREES / "pdf-layout-sukamanah-heading.txt")
    indikator = [i.uraian for _, i in result.tree.iter_indikator()]
    assert indikator == [
        "Indeks kepuasan masyarakat",
        "Persentase gangguan trantibum yang tertangani",
        "Persentase SPJ tepat waktu",
    ]
    assert [j.nama for j in result.tree.jabatan] == ["Camat Sukamanah", "Sekretaris Kecamatan"]


def test_a_word_broken_after_its_hyphen_is_joined_whole() -> None:
    result = import_decree(DECREES / "pdf-layout-sukamanah-hyphen.txt")
    indikator = [i.uraian for _, i in result.tree.iter_indikator()]
    assert indikator == [
        "Persentase pengaduan SP4N-LAPOR yang ditindaklanjuti",
        "Jumlah pelatihan-pelatihan yang terlaksana",
    ]
