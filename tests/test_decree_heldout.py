"""The held-out decrees of issue 11 (tests/fixtures/heldout) read back row for row.

Karangwangi is `pdftotext -layout` text, Pasirluhur a Word decree converted to markdown,
Tanjungrejo a Word file; all were written by hand, with their links labelled, as a hidden
test of link inference (tests/test_link_heldout.py). Importing them found two faults,
fixed here: a wrapped line whose every cell opens with a capital ("Musrenbang Kecamatan")
was read as a new row, and a converted letterhead "## KECAMATAN X" gave every position the
kecamatan as unit.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from pokin.decree import import_decree

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"


def test_karangwangi_reads_every_row() -> None:
    result = import_decree(HELDOUT / "karangwangi-2026.txt")
    tree = result.tree
    assert result.layout == "pdf-layout"
    assert result.skipped == []
    kinerja = [k for _, k in tree.iter_kinerja()]
    assert (len(tree.jabatan), len(kinerja), sum(len(k.indikator) for k in kinerja)) == (19, 57, 82)
    assert [len(s.indikator) for s in tree.iku] == [2, 1, 2, 1]
    pmd = tree.get_jabatan("kepala-seksi-pemberdayaan-masyarakat-dan-desa")
    assert [k.uraian for k in pmd.kinerja] == [
        "Terakomodasinya usulan Musrenbang Kecamatan dalam RKPD",
        "Meningkatnya jumlah Badan Usaha Milik Desa maju",
        "Meningkatnya keaktifan kader PKK dan Posyandu",
        "Terlaksananya lomba desa tingkat Kecamatan",
    ]
    first = pmd.kinerja[0].indikator
    assert [(i.uraian, i.satuan, i.target) for i in first] == [
        ("Jumlah usulan prioritas hasil Musrenbang Kecamatan", "usulan", "25"),
        ("Persentase keterwakilan perempuan dalam Musrenbang Kecamatan", "persen", "30"),
    ]
    atasan = {str(j.id): str(j.atasan) for j in tree.jabatan}
    assert atasan["pengadministrasi-umum-kelurahan-sidorejo"] == "lurah-sidorejo"
    assert atasan["bendahara-pengeluaran"] == "kepala-sub-bagian-perencanaan-dan-keuangan"


def test_a_wrapped_line_opening_with_capitals_goes_on_its_row(tmp_path: Path) -> None:
    """Each cell of the second line opens with a capital, under full cells: a new row by
    the look of it, but it has no target where the row above has one."""
    text = textwrap.dedent(
        """\
        JABATAN : KEPALA SEKSI PELAYANAN
        NO   KINERJA                     INDIKATOR KINERJA             SUMBER DATA          TARGET

        1.   Meningkatnya nilai Indeks   Jumlah responden Survei       Laporan hasil        400
             Kepuasan Masyarakat         Kepuasan Masyarakat           SKM
                                         Persentase saran SKM yang     Laporan hasil        100
                                         ditindaklanjuti               SKM
        2.   Tersedianya ruang tunggu    Jumlah kursi tunggu           Laporan aset         40
        """
    )
    path = tmp_path / "kasi.txt"
    path.write_text(text, encoding="utf-8")
    (kasi,) = import_decree(path).tree.jabatan
    assert [k.uraian for k in kasi.kinerja] == [
        "Meningkatnya nilai Indeks Kepuasan Masyarakat",
        "Tersedianya ruang tunggu",
    ]
    assert [i.uraian for i in kasi.kinerja[0].indikator] == [
        "Jumlah responden Survei Kepuasan Masyarakat",
        "Persentase saran SKM yang ditindaklanjuti",
    ]


def test_pasirluhur_reads_every_row_and_unit() -> None:
    result = import_decree(HELDOUT / "pasirluhur-2025.md")
    tree = result.tree
    assert result.layout == "markdown"
    kinerja = [k for _, k in tree.iter_kinerja()]
    assert (len(tree.jabatan), len(kinerja), sum(len(k.indikator) for k in kinerja)) == (20, 50, 66)
    unit = {str(j.id): j.unit for j in tree.jabatan}
    assert unit["lurah-bojongsari"] == "Kelurahan Bojongsari"
    assert unit["kepala-seksi-kesejahteraan-sosial"] == "Seksi Kesejahteraan Sosial"
    assert unit["pengadministrasi-pelayanan-kelurahan-ciherang"] == "Kelurahan Ciherang"
    atasan = {str(j.id): str(j.atasan) for j in tree.jabatan}
    assert atasan["pengadministrasi-pelayanan-kelurahan-ciherang"] == "lurah-ciherang"
    assert atasan["analis-kebijakan"] == "kepala-sub-bagian-program-dan-keuangan"


def test_a_letterhead_naming_the_kecamatan_is_not_every_position_s_unit(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text(
        "# PEMERINTAH KOTA CONTOH\n## KECAMATAN SUKAWENANG\n\n"
        "**Jabatan : CAMAT SUKAWENANG**\n\n"
        "| No | Sasaran | Indikator Kinerja | Target |\n|---|---|---|---|\n"
        "| 1 | Meningkatnya pelayanan | Nilai IKM | 82 |\n\n"
        "**Jabatan : LURAH CIBEUREUM**\n\n"
        "| No | Sasaran | Indikator Kinerja | Target |\n|---|---|---|---|\n"
        "| 1 | Meningkatnya pelayanan kelurahan | Nilai IKM kelurahan | 80 |\n\n"
        "## KELURAHAN CIBEUREUM\n\n"
        "**Jabatan : PENGADMINISTRASI UMUM**\n\n"
        "| No | Sasaran | Indikator Kinerja | Target |\n|---|---|---|---|\n"
        "| 1 | Tertibnya surat | Jumlah surat | 100 |\n",
        encoding="utf-8",
    )
    tree = import_decree(path).tree
    assert [(j.nama, j.unit) for j in tree.jabatan] == [
        ("Camat Sukawenang", "Kecamatan Sukawenang"),
        ("Lurah Cibeureum", "Kelurahan Cibeureum"),
        ("Pengadministrasi Umum", "Kelurahan Cibeureum"),  # a kelurahan heading still places
    ]


def test_tanjungrejo_reads_every_row() -> None:
    """Word tables: kinerja cells merged over their indicators, JABATAN / TUGAS as a
    key-value table or as paragraphs, the Camat's table continued after "Lanjutan"."""
    result = import_decree(HELDOUT / "tanjungrejo-2026.docx")
    tree = result.tree
    assert result.skipped == []
    kinerja = [k for _, k in tree.iter_kinerja()]
    assert (len(tree.jabatan), len(kinerja), sum(len(k.indikator) for k in kinerja)) == (16, 40, 52)
    camat = tree.jabatan[0]
    assert [len(k.indikator) for k in camat.kinerja] == [2, 2, 3, 2]
    assert camat.kinerja[2].uraian == "Meningkatnya kualitas kesehatan lingkungan masyarakat"
    atasan = {str(j.id): str(j.atasan) for j in tree.jabatan}
    assert atasan["pengadministrasi-pemerintahan"] == "kepala-seksi-pemerintahan"  # its tugas
    assert atasan["bendahara-pengeluaran"] == "kepala-sub-bagian-umum-kepegawaian-dan-keuangan"


def test_a_staff_title_naming_its_kelurahan_goes_to_that_lurah(tmp_path: Path) -> None:
    """Pasirluhur's kelurahan staff read as text with no "Atasan Langsung" line and a tugas
    naming nobody: "PENGADMINISTRASI PELAYANAN PADA KELURAHAN CIHERANG" went to the
    Sekretaris Kecamatan (two kelurahan, and the title's kelurahan was not looked at)."""
    row = "| 1 | Terselesaikannya surat | Jumlah surat | 10 |\n"
    table = "| No | Sasaran | Indikator Kinerja | Target |\n|---|---|---|---|\n" + row
    blocks = [
        "CAMAT SUKAWENANG",
        "SEKRETARIS KECAMATAN",
        "LURAH CIBEUREUM",
        "LURAH CIHERANG",
        "PENGADMINISTRASI PELAYANAN PADA KELURAHAN CIHERANG",
        "PENGADMINISTRASI PELAYANAN PADA KELURAHAN CIBEUREUM",
    ]
    path = tmp_path / "d.md"
    path.write_text(
        "".join(
            f"**Jabatan : {b}**\n\n**Tugas :** Membantu pelayanan administrasi.\n\n{table}\n"
            for b in blocks
        ),
        encoding="utf-8",
    )
    tree = import_decree(path).tree
    placed = {j.nama: (j.unit, str(j.atasan)) for j in tree.jabatan}
    assert placed["Pengadministrasi Pelayanan pada Kelurahan Ciherang"] == (
        "Kelurahan Ciherang",
        "lurah-ciherang",
    )
    assert placed["Pengadministrasi Pelayanan pada Kelurahan Cibeureum"] == (
        "Kelurahan Cibeureum",
        "lurah-cibeureum",
    )
