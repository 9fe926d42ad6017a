"""Importing IKI/IKU decrees in the tab-separated layout (pokin.decree, pokin.decree.tab).

The seed decrees are copied into tests/fixtures/seeds so the tests do not depend on
/work/shared. Tiny synthetic decrees pin each quirk; whole-document tests pin the counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pokin
from pokin import ImportDocumentError, Peran, PohonKinerja, PokinFileError
from pokin.decree import (
    LAYOUTS,
    apply_corrections,
    build_tree,
    import_decree,
    parse_decree,
    read_corrections,
    read_decree,
)
from pokin.decree import tab as tab
from pokin.decree.cells import split_items
from pokin.decree.pairing import split_target
from pokin.decree.parts import Block, ParsedDecree, Row

from .scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
CORRECTIONS = ROOT / "datasets" / "corrections"
SAMBUTAN, WONOASIH, KEBOMAS = (
    SEEDS / "iki-sambutan-2023.txt",
    SEEDS / "iki-wonoasih-2026.txt",
    SEEDS / "iku-iki-kebomas-2023.txt",
)
HEADER = "KINERJA UTAMA\tINDIKATOR KINERJA UTAMA\tFORMULASI PERHITUNGAN/ PENJELASAN\tSUMBER DATA\n"


@pytest.fixture(scope="module")
def sambutan() -> PohonKinerja:
    return read_decree(SAMBUTAN)


@pytest.fixture(scope="module")
def wonoasih() -> PohonKinerja:
    return read_decree(WONOASIH)


@pytest.fixture(scope="module")
def kebomas() -> PohonKinerja:
    return read_decree(KEBOMAS)


def rows(body: str, header: str = HEADER, title: str = "1. JABATAN : CAMAT") -> list[Row]:
    """The rows of a one-position tab decree whose table is ``header`` + ``body``."""
    decree = tab.parse(f"{title}\n2. TUGAS : Tugas.\n\n{header}{body}", source="t.txt")
    assert len(decree.blocks) == 1
    return decree.blocks[0].rows


def cells(row: Row) -> tuple[str, str, str, str]:
    return (row.kinerja, row.indikator, row.formulasi, row.sumber_data)


def counts(tree: PohonKinerja) -> tuple[int, int, int]:
    n_ind = sum(len(k.indikator) for _, k in tree.iter_kinerja())
    return len(tree.jabatan), sum(1 for _ in tree.iter_kinerja()), n_ind


# -- quirks, one tiny decree each -----------------------------------------------------------


def test_empty_kinerja_cell_joins_the_kinerja_above() -> None:
    got = rows("K1\tI1\tF1\tS1\n\tI2\tF2\tS2\n")
    assert [cells(r) for r in got] == [("K1", "I1", "F1", "S1"), ("", "I2", "F2", "S2")]


def test_row_without_kinerja_and_indikator_adds_a_formula_line() -> None:
    tree = parse_decree(f"1. JABATAN : CAMAT\n{HEADER}K\tI\tF1\tS1\n\t\tF2\tS2\n", source="t")
    (indikator,) = tree.jabatan[0].kinerja[0].indikator
    assert (indikator.formulasi, indikator.sumber_data) == ("F1\nF2", "S1\nS2")


def test_row_straddling_a_page_break_is_joined_cell_by_cell() -> None:
    got = rows(
        "Melaksanakan tugas di bidang\tJumlah tugas di\tmeliputi : 1. A 2. B\tSub Bagian\n"
        "\nINDIKATOR KINERJA INDIVIDU\n\n" + HEADER + "umum pada Kecamatan\tbidang umum\t3. C\t\n"
    )
    assert [cells(r) for r in got] == [
        (
            "Melaksanakan tugas di bidang umum pada Kecamatan",
            "Jumlah tugas di bidang umum",
            "meliputi : 1. A 2. B 3. C",
            "Sub Bagian",
        )
    ]


def test_formula_only_row_after_a_page_break_continues_the_list() -> None:
    got = rows(f"K\tI\tmeliputi :\tS\n\n{HEADER}\t\t<ol> 1. A 2. B\t\n")
    assert len(got) == 1
    assert got[0].formulasi == "meliputi :\n1. A\n2. B"


def test_new_indicator_after_a_page_break_is_not_a_continuation() -> None:
    got = rows(f"K\tI1\tF1\tS1\n\n{HEADER}\tI2\tF2\tS2\n")
    assert [r.indikator for r in got] == ["I1", "I2"]


def test_numbered_row_in_lower_case_after_a_break_is_a_new_kinerja() -> None:
    header = "No.\tRencana Kinerja\tIndikator Kinerja Individu\tFormulasi\tSumber Data\n"
    got = rows(f"4\tK4\tI4\tF\tS\n\n{header}5\tpelaksanaan K5\tI5\tF\tS\n", header=header)
    assert [r.kinerja for r in got] == ["K4", "pelaksanaan K5"]


def test_p_packed_cells_give_one_indicator_per_item() -> None:
    got = rows("K\t<p>I1</p> <p>I2 &amp; co</p>\t<p>F1</p> <p>F2</p>\t<p>S1</p> <p>S2</p>\n")
    assert [cells(r) for r in got] == [("K", "I1", "F1", "S1"), ("", "I2 & co", "F2", "S2")]


def test_p_packed_kinerja_pairs_with_indicators() -> None:
    got = rows("<p>K1</p> <p>K2</p>\t<p>I1</p> <p>I2</p>\t<p>F1</p> <p>Target 84</p>\tS\n")
    assert [(r.kinerja, r.indikator, r.formulasi, r.target) for r in got] == [
        ("K1", "I1", "F1", ""),
        ("K2", "I2", "", "84"),
    ]


def test_numbered_list_inside_a_formula_is_not_split() -> None:
    (row,) = rows("K\tI\tJumlah dokumen tersusun : 1. monografi 2. profil Kecamatan\tS\n")
    assert row.formulasi == "Jumlah dokumen tersusun : 1. monografi 2. profil Kecamatan"


def test_ol_list_after_a_p_item_stays_inside_that_item() -> None:
    got = rows(
        'K\t<p>I1</p> <p>I2</p>\t<p>Jumlah A</p> <ol style="x"> 1. a 2. b <p>Jumlah B</p>\tS\n'
    )
    assert [r.formulasi for r in got] == ["Jumlah A\n1. a\n2. b", "Jumlah B"]


def test_numbered_indicator_cell_splits_a_run_together_formula() -> None:
    got = rows(
        "K\t1. Pembinaan Salai 2. Konsolidasi Ramli\t"
        "Persentase keaktifan Salai Persentase Keaktifan Ramli\tData Salai Data Ramli\n"
    )
    assert [cells(r)[1:] for r in got] == [
        ("Pembinaan Salai", "Persentase keaktifan Salai", "Data Salai"),
        ("Konsolidasi Ramli", "Persentase Keaktifan Ramli", "Data Ramli"),
    ]


def test_numbered_targets_pair_with_numbered_indicators() -> None:
    got = rows("K\t1. Persentase A; 2. Persentase B\t1. 75 % dari undangan; 2. 25 %\tData\n")
    assert [(r.indikator, r.target, r.satuan, r.sumber_data) for r in got] == [
        ("Persentase A", "75 % dari undangan", "", "Data"),
        ("Persentase B", "25", "%", "Data"),
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("500 surat", ("500", "surat")),
        ("2 (dua) jenis", ("2", "jenis")),
        ("29 (dua puluh sembilan) jenis layanan", ("29", "jenis layanan")),
        ("4 jenis, 12 bulan", ("4 jenis, 12 bulan", "")),
        ("81,35", ("81,35", "")),
        ("Kualitas 80%", ("Kualitas 80%", "")),
        ("Target 84", ("84", "")),
        ("Jumlah pengaduan ditindaklanjuti berbanding jumlah pengaduan X 100%", None),
        ("Nilai SAKIP Kecamatan", None),
        ("ORSOSMAS", None),
    ],
)
def test_target_in_the_formula_column(cell: str, expected: tuple[str, str] | None) -> None:
    assert split_target(cell) == expected


def test_staff_target_leaves_formulasi_empty() -> None:
    (row,) = rows("K\tSurat/naskah dinas selama 1 tahun\t500 surat\tData register surat\n")
    assert (row.formulasi, row.target, row.satuan) == ("", "500", "surat")


def test_row_with_fewer_cells_is_read_as_the_last_columns() -> None:
    got = rows("K\tI1\tF1\tS1\nI2\tF2\tS2\n")
    assert cells(got[1]) == ("", "I2", "F2", "S2")
    assert "3 sel untuk 4 kolom" in got[1].catatan


def test_row_shifted_left_with_a_target_is_moved_back() -> None:
    (row,) = rows("Terlaksananya survei\t1 dokumen\tHasil SKM\t\n")
    assert (row.kinerja, row.indikator, row.target, row.satuan, row.sumber_data) == (
        "",
        "Terlaksananya survei",
        "1",
        "dokumen",
        "Hasil SKM",
    )
    assert "bergeser" in row.catatan


def test_row_shifted_under_the_no_column_is_moved_back() -> None:
    header = "No.\tRencana Kinerja\tIndikator Kinerja Individu\tFormulasi\tSumber Data\n"
    got = rows("1\tK\tI1\tF1\tS1\nI2\t\tF2\tS2\t\n", header=header)
    assert cells(got[1]) == ("", "I2", "F2", "S2")


def test_99_header_and_column_number_row_are_not_rows() -> None:
    got = rows("1\t2\t3\t4\nK\tI\tF\tS\n", header="99" + HEADER)
    assert [cells(r) for r in got] == [("K", "I", "F", "S")]


def test_last_line_without_newline_is_read() -> None:
    tree = parse_decree(f"1. JABATAN : CAMAT\n{HEADER}K\tI\tF\tS", source="t")
    assert tree.jabatan[0].kinerja[0].indikator[0].sumber_data == "S"


def test_separator_row_is_skipped_and_reported() -> None:
    decree = tab.parse(f"1. JABATAN : CAMAT\n{HEADER}K\tI\tF\tS\n---\t--\t---\t---\n", source="t")
    assert [(s.line, s.reason) for s in decree.skipped] == [
        (4, "garis pemisah (tanda hubung), bukan baris tabel")
    ]
    tree = build_tree(decree)
    assert "baris 4: garis pemisah" in str(tree.organisasi.catatan)


def test_fungsi_list_continues_across_a_page_title() -> None:
    text = (
        "1. JABATAN : KASUBBAG UMUM\n2. TUGAS : Tugas.\n3. FUNGSI :\n - a. satu;\n"
        "\nINDIKATOR KINERJA INDIVIDU\n\n- b. dua; dan\n\n" + HEADER + "K\tI\tF\tS\n"
    )
    (block,) = tab.parse(text, source="t").blocks
    assert block.fungsi == ["satu", "dua"]


def test_inline_lettered_fungsi_and_plt_ocr_fix() -> None:
    text = (
        "Jabatan:\tPit. KEPALA KELURAHAN INDRO (Struktural)\t\t\t\n"
        "Tugas:\tPenyelenggaraan urusan.\t\t\t\nFungsi:\ta. satu; b. dua; c. tiga.\t\t\t\n"
        "No.\tRencana Kinerja\tIndikator Kinerja Individu\tFormulasi\tSumber Data\n"
        "1\tK\tI\tF\tS"
    )
    (block,) = tab.parse(text, source="t").blocks
    assert (block.nama, block.jenis, block.fungsi) == (
        "Plt. KEPALA KELURAHAN INDRO",
        "Struktural",
        ["satu", "dua", "tiga"],
    )
    assert "Pit." in block.catatan


def test_cell_items() -> None:
    assert split_items("1. A; 2. B; dan") == ["A", "B"]
    assert split_items("") == []
    assert split_items("<p>only one</p>") == ["only one"]


# -- the three seed decrees -------------------------------------------------------------------

# How the counts were established, by reading each decree (and re-counted with a few lines
# of awk-like Python that share no code with the importer):
# - Sambutan: 22 "JABATAN :" blocks. Kinerja = rows with a kinerja cell (<p>-packed kinerja
#   cells count each item: Kasi Pelayanan Umum has 2) = 32. Indicators = rows with an
#   indicator cell, plus one per extra <p> / numbered item (Kasubbag Umum: 9 packed + 10
#   rows; Kasubbag Perencanaan: 3; Kasi Kebersihan: 2 numbered; Pengelola Data
#   Pemberdayaan: 2 numbered) and the shifted last row of Pengelola Data Kecamatan = 81.
#   These are exactly the counts of the hand transcription datasets/sambutan-2023.yaml.
# - Wonoasih: 36 "JABATAN :" blocks; 111 rows with a kinerja cell and 133 with an
#   indicator cell, not counting the 14 rows that continue a row across a page break
#   (lines 86, 105, 260, 263, 267, 270, 274, 303, 306, 384, 424, 485, 507, 697). Lines
#   133-134 write one kinerja twice, word for word (one per indicator): 110 kinerja.
# - Kebomas: 77 "Jabatan:" blocks; 659 rows numbered in the No. column (one kinerja each);
#   2039 rows with an indicator cell, counting the 9 rows shifted under the No. column
#   (lines 1176-1186) and not the separator line 1364.


@pytest.mark.parametrize(
    ("path", "expected"),
    [(SAMBUTAN, (22, 32, 81)), (WONOASIH, (36, 110, 133)), (KEBOMAS, (77, 659, 2039))],
)
def test_counts_per_document(path: Path, expected: tuple[int, int, int]) -> None:
    assert counts(read_decree(path)) == expected


def test_sambutan_header(sambutan: PohonKinerja) -> None:
    org = sambutan.organisasi
    assert (org.nama, org.pemerintah, org.tahun) == ("Kecamatan Sambutan", None, 2023)
    assert org.dokumen is not None
    assert str(org.dokumen.tanggal) == "2023-01-03"
    assert org.dokumen.penandatangan == "Yosua Laden, S.STP, M.Si"
    assert org.dokumen.judul == "Indikator Kinerja Individu Kecamatan Sambutan Tahun 2023"
    assert org.dokumen.nomor is None
    assert org.dokumen.sumber == "iki-sambutan-2023.txt"


def test_wonoasih_header(wonoasih: PohonKinerja) -> None:
    org = wonoasih.organisasi
    assert (org.nama, org.pemerintah, org.tahun) == ("Kecamatan Wonoasih", "Kota Probolinggo", 2026)
    assert org.dokumen is not None
    assert org.dokumen.nomor == "000.8.6.3/10/425.503/2026"
    assert str(org.dokumen.tanggal) == "2026-01-07"
    assert org.dokumen.penandatangan == "Eko Candra Wirawan, S.STP., M.M"


def test_kebomas_header_and_iku_codes(kebomas: PohonKinerja) -> None:
    org = kebomas.organisasi
    assert (org.nama, org.pemerintah, org.tahun, org.periode) == (
        "Kecamatan Kebomas",
        "Kabupaten Gresik",
        2023,
        "2021-2026",
    )
    assert org.dokumen is not None
    assert org.dokumen.nomor == "050/42.1/437.102/2023"
    assert str(org.dokumen.tanggal) == "2023-01-27"
    assert org.dokumen.penandatangan == "MOCH. JUSUF ANSYORI, S.Sos., M.M."
    assert [(s.id, [i.id for i in s.indikator]) for s in kebomas.iku] == [
        ("S.1", ["I.K.S.1.1"]),
        ("S.2", ["I.K.S.2.1"]),
    ]
    skm = kebomas.iku[0].indikator[0]
    assert skm.uraian == "Nilai Indeks Kepuasan Masyarakat pelayanan kecamatan"
    assert str(skm.formulasi).startswith("Nilai Indeks Kepuasan masyarakat pelayanan kecamatan")
    assert skm.sumber_data == "Laporan Survey Kepuasan Masyarakat"
    assert kebomas.iku[1].indikator[0].sumber_data.startswith("Laporan hasil evaluasi SPBE")  # type: ignore[union-attr]


def test_sambutan_p_packed_and_page_break_rows(sambutan: PohonKinerja) -> None:
    (kinerja,) = sambutan.get_jabatan("kasubbag-umum-kepegawaian").kinerja
    assert len(kinerja.indikator) == 19  # 9 <p> items + 10 rows after the page break
    assert kinerja.indikator[9].uraian == "Terlaksananya pengamanan Kantor Kecamatan"
    assert kinerja.indikator[9].formulasi == "Terpenuhinya honorarium petugas keamanan kantor"
    perencanaan = sambutan.get_jabatan("kasubbag-perencanaan-program-keuangan")
    assert perencanaan.kinerja[0].indikator[0].formulasi == (
        "Jumlah dokumen laporan kinerja yang dibuat\n1. Laporan Kinerja Tahunan\n"
        "2. Perjanjian Kinerja\n3. Laporan Sakip\n4. LKPJ dan LPPD"
    )


def test_sambutan_numbered_list_in_formula_and_merged_formula_rows(
    sambutan: PohonKinerja,
) -> None:
    kasi = sambutan.jabatan[4]
    assert kasi.kinerja[0].indikator[0].formulasi == (
        "Jumlah dokumen tersusun : 1. dokumen monografi 2. dokumen profil Kecamatan"
    )
    camat_i1 = sambutan.get_jabatan("camat").kinerja[0].indikator[0]
    assert str(camat_i1.formulasi).count("\n") == 2  # three formula rows, one indicator
    assert camat_i1.sumber_data == (
        "Nilai SKM\nJumlah rekomendasi yang diterbitkan\nData pengaduan masyarakat"
    )


def test_sambutan_staff_targets_and_shifted_last_row(sambutan: PohonKinerja) -> None:
    (kinerja,) = sambutan.get_jabatan("pengelola-data-kecamatan").kinerja
    first, last = kinerja.indikator[0], kinerja.indikator[-1]
    assert (first.target, first.satuan, first.formulasi) == ("500", "surat", None)
    assert (last.uraian, last.target, last.satuan) == (
        "Terlaksananya survei kepuasan masyarakat",
        "1",
        "dokumen",
    )
    assert "baris 306" in str(last.catatan)


def test_wonoasih_row_across_a_page_break(wonoasih: PohonKinerja) -> None:
    kinerja = wonoasih.get_jabatan("sekretaris-kecamatan").kinerja[0]
    assert kinerja.uraian.endswith(
        "penunjang urusan pemerintah daerah, penyediaan jasa penunjang, pemeliharaan barang "
        "milik daerah penunjang urusan pemerintahan daerah pada Kecamatan"
    )
    (indikator,) = kinerja.indikator
    assert str(indikator.formulasi).endswith(
        "4. Pengadaan Barang Milik Daerah 5. Pemeliharaan Barang Milik Daerah "
        "6. Penyediaan Jasa Penunjang"
    )
    assert wonoasih.jabatan[-1].kinerja[-1].uraian == "Menyiapkan bahan lomba kelurahan"


def test_kebomas_shifted_rows_and_skipped_separator() -> None:
    result = import_decree(KEBOMAS)
    assert [(s.line, s.text) for s in result.skipped] == [(1364, "---\t--\t---\t---\t--")]
    assert "baris 1364" in str(result.tree.organisasi.catatan)
    trantib = result.tree.get_jabatan("kepala-seksi-ketentraman-dan-ketertiban-umum")
    indikator = trantib.kinerja[0].indikator[1]
    assert (indikator.uraian, indikator.formulasi, indikator.sumber_data) == (
        "Jumlah kriteria hasil kerja untuk setiap kegiatan dalam rencana operasional kegiatan "
        "Seksi Ketentraman dan ketertiban umum",
        "Jumlah Kriteria hasil kerja",
        "DPA",
    )
    assert "sel bergeser ke kiri di bawah kolom No." in str(indikator.catatan)


# -- inferred roles, units and atasan ---------------------------------------------------------


def test_sambutan_roles_and_atasan(sambutan: PohonKinerja) -> None:
    def who(id: str) -> tuple[Peran, str | None, str | None]:
        j = sambutan.get_jabatan(id)
        return j.peran, j.atasan, j.unit

    assert who("camat") == (Peran.CAMAT, None, "Kecamatan Sambutan")
    assert who("sekretaris") == (Peran.SEKRETARIS, "camat", "Sekretariat Kecamatan")
    assert who("kasubbag-umum-kepegawaian")[:2] == (Peran.KASUBBAG, "sekretaris")
    assert who("kasi-pelayanan-umum") == (Peran.KASI, "camat", "Seksi Pelayanan Umum")
    assert who("bendahara-pengeluaran")[:2] == (
        Peran.BENDAHARA,
        "kasubbag-perencanaan-program-keuangan",
    )
    assert who("registrasi-pelayanan-umum")[:2] == (Peran.PELAKSANA, "kasi-pelayanan-umum")
    assert sambutan.get_jabatan("sekretaris").inferensi == ["peran", "atasan"]
    assert sambutan.get_jabatan("camat").inferensi == []


def test_wonoasih_without_camat_block(wonoasih: PohonKinerja) -> None:
    assert not [j for j in wonoasih.jabatan if j.peran is Peran.CAMAT]
    tops = {j.id for j in wonoasih.top}
    assert tops == {
        "sekretaris-kecamatan",
        "kepala-seksi-pemerintahan",
        "kepala-seksi-pelayanan",
        "kepala-seksi-pembangunan-dan-pemberdayaan-masyarakat",
        "kepala-seksi-ketentraman-dan-ketertiban",
        "lurah",
    }
    assert "tidak memuat blok Camat" in str(wonoasih.organisasi.catatan)
    analis = wonoasih.get_jabatan("analis-sumber-daya-manusia-aparatur")
    assert (analis.peran, analis.atasan, analis.unit) == (
        Peran.FUNGSIONAL,
        "kepala-sub-bagian-tata-usaha",
        "Sub Bagian Tata Usaha",
    )
    sekkel = wonoasih.get_jabatan("sekretaris-kelurahan")
    assert (sekkel.peran, sekkel.atasan, sekkel.unit) == (
        Peran.SEKRETARIS_KELURAHAN,
        "lurah",
        "Kelurahan",
    )
    bendahara = wonoasih.get_jabatan("bendahara-kelurahan")
    assert bendahara.atasan == "sekretaris-kelurahan"


def test_kebomas_repeated_sekretaris_kept_apart(kebomas: PohonKinerja) -> None:
    sekretaris = [j for j in kebomas.jabatan if j.nama == "Sekretaris"]
    assert len(sekretaris) == len({j.id for j in sekretaris}) == 11
    (kecamatan,) = [j for j in sekretaris if j.peran is Peran.SEKRETARIS]
    assert (kecamatan.id, kecamatan.unit, kecamatan.atasan) == (
        "sekretaris-sekretariat-kecamatan",
        "Sekretariat Kecamatan",
        "kepala-kecamatan-kebomas",
    )
    kelurahan = [j for j in sekretaris if j is not kecamatan]
    assert {(j.peran, j.unit, j.atasan) for j in kelurahan} == {
        (Peran.SEKRETARIS_KELURAHAN, "Kelurahan (tidak disebut)", None)  # a Lurah, never the Camat
    }
    assert all("tidak menyebut kelurahan jabatan ini" in str(j.catatan) for j in kelurahan)
    assert all(j.inferensi == ["peran", "unit", "atasan"] for j in kelurahan)
    assert kebomas.get_jabatan("kepala-sub-bagian-umum-dan-kepegawaian").atasan == kecamatan.id


def test_kebomas_lurah_units_and_plt(kebomas: PohonKinerja) -> None:
    lurah = [j for j in kebomas.jabatan if j.peran is Peran.LURAH]
    assert len(lurah) == 14
    assert all(j.atasan == "kepala-kecamatan-kebomas" for j in lurah)
    plt = kebomas.get_jabatan("kepala-kelurahan-gulomantung-2")  # "Pit." (OCR), acting
    assert (plt.nama, plt.unit) == ("Kepala Kelurahan Gulomantung", "Kelurahan Gulomantung")
    assert "Pit." in str(plt.catatan)
    assert "Dijabat Plt." in str(plt.catatan)
    assert kebomas.get_jabatan("kepala-kelurahan-gending-2").unit == "Kelurahan Gending"


def test_kebomas_staff_follow_the_unit_their_tugas_names(kebomas: PohonKinerja) -> None:
    staf = kebomas.get_jabatan("staf-penyusun-program-anggaran-dan-pelaporan")
    assert (staf.atasan, staf.unit) == ("kepala-seksi-pembangunan", "Seksi Pembangunan")
    pramu = kebomas.get_jabatan("staf-pramu-bakti")
    assert pramu.atasan == "sekretaris-sekretariat-kecamatan"
    assert "tidak menyebut unit" in str(pramu.catatan)


def test_no_cascade_link_is_inferred(kebomas: PohonKinerja) -> None:
    assert not [link for _, k in kebomas.iter_kinerja() for _, link in k.iter_links()]


# -- corrections ------------------------------------------------------------------------------


def test_sambutan_import_with_corrections_matches_the_hand_transcription() -> None:
    hand = pokin.load(ROOT / "datasets" / "sambutan-2023.yaml")
    imported = read_decree(SAMBUTAN, corrections=CORRECTIONS / "sambutan-2023.yaml")
    assert imported.organisasi.pemerintah == "Kota Samarinda"

    def text(value: str | None) -> str:
        return " ".join((value or "").split())

    differences: list[tuple[str | None, str]] = []
    for h, j in zip(hand.jabatan, imported.jabatan, strict=True):
        assert h.peran is j.peran
        superior = hand.get_jabatan(h.atasan).nama if h.atasan else None
        assert superior == (imported.get_jabatan(j.atasan).nama if j.atasan else None), h.id
        assert [text(f) for f in h.fungsi] == [text(f) for f in j.fungsi], h.id
        assert [text(k.uraian) for k in h.kinerja] == [text(k.uraian) for k in j.kinerja]
        for hk, jk in zip(h.kinerja, j.kinerja, strict=True):
            differences.extend(
                (hi.id, name)
                for hi, ji in zip(hk.indikator, jk.indikator, strict=True)
                for name in ("uraian", "formulasi", "sumber_data", "satuan", "target")
                if text(getattr(hi, name)) != text(getattr(ji, name))
            )
    # The one difference: the hand transcription drops a target cell reading only
    # "ORSOSMAS" (no number); the importer keeps the text as formulasi.
    assert differences == [("pengelola-data-pemberdayaan-masyarakat.k2.i1", "formulasi")]


def test_correction_marks_the_field_as_confirmed() -> None:
    tree = read_decree(SAMBUTAN, corrections=CORRECTIONS / "sambutan-2023.yaml")
    keamanan = tree.get_jabatan("petugas-keamanan")
    assert keamanan.atasan == "kasubbag-umum-kepegawaian"
    assert keamanan.inferensi == ["peran"]
    assert "atasan dikoreksi perencana: keamanan kantor" in str(keamanan.catatan)


def test_corrections_select_by_block_line(kebomas: PohonKinerja, tmp_path: Path) -> None:
    file = tmp_path / "k.yaml"
    file.write_text(
        "koreksi:\n  - {baris: 2783, field: atasan, value: kepala-sub-bagian-umum-dan-kepegawaian,"
        " alasan: rumah tangga kantor}\n",
        encoding="utf-8",
    )
    fixed = apply_corrections(kebomas, read_corrections(file))
    assert fixed.get_jabatan("staf-pramu-bakti").atasan == "kepala-sub-bagian-umum-dan-kepegawaian"
    assert (
        kebomas.get_jabatan("staf-pramu-bakti").atasan
        != fixed.get_jabatan("staf-pramu-bakti").atasan
    )  # the original tree is untouched


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "koreksi:\n  - {jabatan: nobody, field: atasan, value: camat, alasan: x}\n",
            "jabatan «nobody» tidak ada",
        ),
        ("koreksi:\n  - {jabatan: camat, field: atasan, value: camat}\n", "alasan"),
        (
            "koreksi:\n  - {jabatan: sekretaris, field: atasan, value: x, alasan: y}\n",
            "pohon hasil koreksi tidak sah",
        ),
        ("koreksi:\n  - {jabatan: camat, field: bogus, value: 1, alasan: y}\n", "bogus"),
        ("- just a list\n", "koreksi"),
    ],
)
def test_bad_corrections_are_reported(
    sambutan: PohonKinerja, tmp_path: Path, body: str, message: str
) -> None:
    file = tmp_path / "bad.yaml"
    file.write_text(body, encoding="utf-8")
    with pytest.raises(PokinFileError, match=message):
        apply_corrections(sambutan, read_corrections(file), source=str(file))


# -- errors -----------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    file = tmp_path / "kosong.txt"
    file.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(ImportDocumentError, match=r"kosong\.txt: berkas kosong"):
        read_decree(file)


def test_binary_file(tmp_path: Path) -> None:
    file = tmp_path / "scan.bin"
    file.write_bytes(b"GIF89a\n\x00\x01\x02binary")
    with pytest.raises(ImportDocumentError, match=r"scan\.bin: ini berkas biner"):
        read_decree(file)
    damaged = tmp_path / "scan.pdf"  # a PDF is read as one (see test_decree_pdffile.py)
    damaged.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    with pytest.raises(ImportDocumentError, match=r"scan\.pdf: berkas PDF ini rusak"):
        read_decree(damaged)


def test_undecodable_file(tmp_path: Path) -> None:
    # text that is not UTF-8 is read as Windows-1252 (tests/test_decree_qa.py), unless it
    # holds a byte that Windows-1252 leaves undefined (0x81): then it is no text pokin knows
    file = tmp_path / "latin1.txt"
    file.write_bytes(b"1. JABATAN : CAMAT\nKETENTERAMAN \xe9\x81\n")
    with pytest.raises(ImportDocumentError, match=r"latin1\.txt:2: berkas ini bukan teks UTF-8"):
        read_decree(file)


def test_text_that_is_not_a_decree(tmp_path: Path) -> None:
    file = tmp_path / "notulen.txt"
    file.write_text("Notulen rapat RT 03\nHadir: 12 orang\n", encoding="utf-8")
    with pytest.raises(ImportDocumentError, match="tidak ditemukan blok jabatan") as info:
        read_decree(file)
    assert "JABATAN" in str(info.value)  # says what pokin expected


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportDocumentError, match="berkas tidak ada"):
        read_decree(tmp_path / "nope.txt")


def test_parse_decree_rejects_empty_text() -> None:
    with pytest.raises(ImportDocumentError, match="<teks>: teks keputusan ini kosong"):
        parse_decree("", source="<teks>")


# -- layouts, datasets, speed -----------------------------------------------------------------


def test_tab_layout_is_registered_and_sniffs_the_seeds() -> None:
    assert LAYOUTS[0] is tab
    for path in (SAMBUTAN, WONOASIH, KEBOMAS):
        assert tab.sniff(path.read_text(encoding="utf-8"))
    assert not tab.sniff("| KINERJA | INDIKATOR |\n|---|---|\n")
    assert not tab.sniff((SEEDS / "iki-staf-samarinda.txt").read_text(encoding="utf-8"))
    assert import_decree(SAMBUTAN).layout == "tab"


def test_other_layouts_are_wired() -> None:
    markdown = (
        "1. JABATAN : CAMAT\n\n| KINERJA | INDIKATOR | FORMULASI | SUMBER DATA |\n"
        "|---|---|---|---|\n| Meningkatnya pelayanan | Nilai SKM | Hasil SKM | Laporan |\n"
    )
    tree = parse_decree(markdown, source="x.md")
    assert tree.jabatan[0].kinerja[0].indikator[0].uraian == "Nilai SKM"
    assert [getattr(m, "__name__", "") for m in LAYOUTS] == [
        "pokin.decree.tab",
        "pokin.decree.markdown",
        "pokin.decree.delimited",
        "pokin.decree.columnar",
        "pokin.decree.pdf",
        "pokin.decree.cellines",
        "pokin.decree.flat",
    ]
    assert import_decree(SEEDS / "iki-staf-samarinda.txt").layout == "pdf-text"


def test_build_tree_accepts_parts_from_any_layout() -> None:
    parts = ParsedDecree(source="x", layout="test", nama="Kecamatan X")
    parts.blocks = tab.parse(f"1. JABATAN : CAMAT\n{HEADER}K\tI\tF\tS\n", source="x").blocks
    tree = build_tree(parts)
    assert (tree.organisasi.nama, tree.jabatan[0].id) == ("Kecamatan X", "camat")


def test_units_given_by_the_layout_place_repeated_titles() -> None:
    parts = ParsedDecree(source="x", layout="test", nama="Kecamatan X")
    parts.blocks = [
        Block("CAMAT", 1),
        Block("LURAH SIDOMORO", 2),
        Block("LURAH INDRO", 3),
        Block("SEKRETARIS", 4, unit="Kelurahan Indro"),
        Block("SEKRETARIS", 5, unit="Kelurahan Sidomoro"),
        Block("PENGADMINISTRASI UMUM", 6, unit="Kelurahan Sidomoro"),
    ]
    tree = build_tree(parts)
    got = [(j.id, j.peran.value, j.unit, j.atasan) for j in tree.jabatan[3:]]
    assert got == [
        ("sekretaris-kelurahan-indro", "sekretaris_kelurahan", "Kelurahan Indro", "lurah-indro"),
        (
            "sekretaris-kelurahan-sidomoro",
            "sekretaris_kelurahan",
            "Kelurahan Sidomoro",
            "lurah-sidomoro",
        ),
        (
            "pengadministrasi-umum",
            "pelaksana",
            "Kelurahan Sidomoro",
            "sekretaris-kelurahan-sidomoro",
        ),
    ]


@pytest.mark.parametrize("name", ["wonoasih-2026", "kebomas-2023", "samarinda-staf"])
def test_generated_datasets_are_reproducible_and_checkable(name: str) -> None:
    build = load_script(ROOT / "datasets" / "build.py")
    fresh = build.text(name, build.generate(name, SEEDS))
    stored = (ROOT / "datasets" / f"{name}.yaml").read_text(encoding="utf-8")
    assert stored == fresh, "run `python datasets/build.py` to regenerate"
    tree = pokin.datasets.load(name)
    assert pokin.check(tree)


# -- items split by <br> / <ol><li> / <ul><li> in the tab layout ----------------------------


@pytest.mark.parametrize(
    "indikator",
    [
        "<ol><li>IKM</li><li>Persentase PATEN tepat waktu</li></ol>",
        "<ul><li>IKM</li><li>Persentase PATEN tepat waktu</li></ul>",
        "IKM<br>Persentase PATEN tepat waktu",
        "1. IKM<br/>2. Persentase PATEN tepat waktu",
    ],
)
def test_tab_indicator_items_split_and_pair_by_position(indikator: str) -> None:
    got = rows(f"K\t{indikator}\tHasil SKM<br>Aplikasi PATEN\tLaporan\n")
    assert [cells(r) for r in got] == [
        ("K", "IKM", "Hasil SKM", "Laporan"),
        ("", "Persentase PATEN tepat waktu", "Aplikasi PATEN", "Laporan"),
    ]


def test_tab_cells_that_cannot_be_paired_are_kept_whole_and_noted() -> None:
    got = rows("K\t<ul><li>A</li><li>B</li><li>C</li></ul>\tJumlah F1<br>Jumlah F2\tS\n")
    assert [r.formulasi for r in got] == ["Jumlah F1; Jumlah F2"] * 3
    assert all("sel FORMULASI berisi 2 butir untuk 3 indikator" in r.catatan for r in got)


def test_tab_li_list_beside_one_indicator_stays_one_text() -> None:
    (row,) = rows("K\tI\tF\t<ul><li>Agenda masuk</li><li>Agenda keluar</li></ul>\n")
    assert row.sumber_data == "Agenda masuk; Agenda keluar"


@pytest.mark.parametrize(
    "text",
    [
        "Tersusunnya rekap laporan patroli <bulanan>",
        "Pengaduan ditangani < 3x24 jam",
        "Nilai a<b",
        "Waktu tunggu <= 5 menit",
    ],
)
def test_tab_text_that_looks_like_a_tag_is_kept(text: str) -> None:
    (row,) = rows(f"{text}\t{text}\t<p>{text}</p>\tS\n")
    assert (row.kinerja, row.indikator, row.formulasi) == (text, text, text)
    tree = parse_decree(f"1. JABATAN : CAMAT\n2. TUGAS : {text}\n{HEADER}K\tI\tF\tS\n", source="t")
    assert tree.jabatan[0].tugas == text


# -- the header: judul and nomor ----------------------------------------------------------------

BLOCK = f"1. JABATAN : CAMAT\n2. TUGAS : Tugas.\n\n{HEADER}K\tI\tF\tS\n"


@pytest.mark.parametrize(
    "head",
    [
        "**INDIKATOR KINERJA INDIVIDU KECAMATAN SUKA DAMAI TAHUN 2025**\n"
        "INDIKATOR KINERJA INDIVIDU\n\n",
        "**INDIKATOR KINERJA INDIVIDU\nKECAMATAN SUKA DAMAI TAHUN 2025**\n"
        "INDIKATOR KINERJA INDIVIDU\n\n",
        "KEPUTUSAN CAMAT SUKA DAMAI\nTENTANG\nINDIKATOR KINERJA INDIVIDU\n"
        "KECAMATAN SUKA DAMAI TAHUN 2025\nINDIKATOR KINERJA INDIVIDU\n\n",
    ],
)
def test_judul_is_not_glued_to_the_page_title(head: str) -> None:
    decree = tab.parse(head + BLOCK, source="t.txt")
    assert decree.judul == "Indikator Kinerja Individu Kecamatan Suka Damai Tahun 2025"


@pytest.mark.parametrize(
    ("line", "nomor"),
    [
        ("# KEPUTUSAN CAMAT SUKA DAMAI NOMOR 800/12/2025", "800/12/2025"),
        ("# KEPUTUSAN CAMAT SUKA DAMAI NOMOR : 800/12/2025 TENTANG IKI", "800/12/2025"),
        ("NOMOR 800/12/2025", "800/12/2025"),
        ("NOMOR : 050/42.1/437.102/2023", "050/42.1/437.102/2023"),
        ("Mengingat : 1. Undang-undang Nomor 23 Tahun 2014", None),
        ("Keputusan Bupati Gresik Nomor 67 Tahun 2021 tentang IKU", None),  # a citation
    ],
)
def test_nomor_from_a_title_line(line: str, nomor: str | None) -> None:
    from pokin.decree import markdown as markdown

    text = f"{line}\n\n1. JABATAN : CAMAT\n\n| KINERJA | INDIKATOR |\n|---|---|\n| K | I |\n"
    assert markdown.parse(text, source="x.md").nomor == nomor


# -- unit and atasan from what the tugas and fungsi say -----------------------------------------

SUKA_DAMAI = Path(__file__).parent / "fixtures" / "decrees" / "tab-suka-damai-staf.txt"


@pytest.fixture(scope="module")
def suka_damai() -> PohonKinerja:
    return read_decree(SUKA_DAMAI)


def test_membantu_a_position_of_the_decree_makes_it_the_atasan(suka_damai: PohonKinerja) -> None:
    staf = suka_damai.get_jabatan("pengadministrasi-umum")
    assert (staf.unit, staf.atasan) == ("Kelurahan Suka Damai", "sekretaris-kelurahan-suka-damai")
    assert "unit" in staf.inferensi
    assert "atasan" in staf.inferensi
    assert 'Membantu Sekretaris Kelurahan Suka Damai"' in str(staf.catatan)
    sekkel = suka_damai.get_jabatan("sekretaris-kelurahan-suka-damai")
    assert (sekkel.unit, sekkel.atasan) == ("Kelurahan Suka Damai", "lurah-suka-damai")


def test_a_unit_named_without_a_head_is_used_without_atasan(suka_damai: PohonKinerja) -> None:
    staf = suka_damai.get_jabatan("pengolah-data-pemerintahan")
    assert (staf.unit, staf.atasan) == ("Seksi Pemerintahan Umum", None)
    assert "unit" in staf.inferensi
    assert "menyebut Seksi Pemerintahan Umum, yang tidak punya kepala" in str(staf.catatan)


def test_a_unit_named_in_a_fungsi_picks_its_head() -> None:
    text = SUKA_DAMAI.read_text(encoding="utf-8").replace(
        "1. JABATAN : PENGOLAH DATA PEMERINTAHAN",
        "1. JABATAN : KEPALA SEKSI PEMERINTAHAN\n2. TUGAS : Membantu Camat.\n"
        f"{HEADER}K\tI\tF\tS\n\n1. JABATAN : PENGOLAH DATA PEMERINTAHAN",
    )
    staf = parse_decree(text, source="t").get_jabatan("pengolah-data-pemerintahan")
    assert (staf.unit, staf.atasan) == ("Seksi Pemerintahan", "kepala-seksi-pemerintahan")
    assert "kepala Seksi Pemerintahan: fungsi menyebut Seksi Pemerintahan Umum" in str(staf.catatan)


def test_samarinda_staff_go_to_the_seksi_their_fungsi_names() -> None:
    tree = read_decree(SEEDS / "iki-staf-samarinda.txt")
    got = {j.id: (j.unit, j.atasan) for j in tree.jabatan}
    assert got["pengolah-data-pemerintahan"] == ("Seksi Pemerintahan Umum", None)
    assert got["pengolah-data-pelayanan-umum"] == ("Seksi Pelayanan Umum", None)
    assert got["pengolah-data-pemberdayaan-masyarakat-dan-kelembagaan"] == (
        "Seksi Pemberdayaan Masyarakat",
        None,
    )
    assert got["pengadministrasi-surat"] == ("Sekretariat Kecamatan", None)  # names no unit


# -- a kelurahan position is never placed under the Camat ---------------------------------------


def test_kelurahan_heads_without_their_lurah_have_no_atasan() -> None:
    parts = ParsedDecree(source="x", layout="test", nama="Kecamatan X")
    parts.blocks = [
        Block("CAMAT", 1),
        Block("LURAH SIDOMORO", 2),
        Block("LURAH INDRO", 3),
        Block("SEKRETARIS KELURAHAN", 4),
        Block("KASI PEMERINTAHAN KELURAHAN", 5),
        Block("SEKRETARIS", 6, unit="Kelurahan Wonokusumo"),
    ]
    tree = build_tree(parts)
    sekkel, kasi, named = tree.jabatan[3:]
    assert [(j.peran.value, j.unit, j.atasan) for j in (sekkel, kasi, named)] == [
        ("sekretaris_kelurahan", "Kelurahan (tidak disebut)", None),
        ("kasi_kelurahan", "Kelurahan (tidak disebut)", None),
        ("sekretaris_kelurahan", "Kelurahan Wonokusumo", None),
    ]
    assert sekkel.inferensi == ["unit", "atasan"]
    assert "bukan Camat" in str(sekkel.catatan)
    assert "perencana perlu mengisinya" in str(named.catatan)


def test_kebomas_kelurahan_heads_have_no_atasan_and_check_warns(kebomas: PohonKinerja) -> None:
    unknown = [j for j in kebomas.jabatan if j.unit == "Kelurahan (tidak disebut)"]
    assert len(unknown) == 22
    assert all(j.atasan is None and "atasan" in j.inferensi for j in unknown)
    assert all("perlu mengisi kelurahannya (unit) dan Lurahnya" in str(j.catatan) for j in unknown)
    findings = pokin.check(kebomas)
    several = [f for f in findings if f.code == "PK404"]
    assert len(several) == len(kebomas.top) - 1 == 22


def test_a_peran_correction_to_a_kelurahan_role_drops_the_inferred_camat() -> None:
    tree = read_decree(KEBOMAS, corrections=CORRECTIONS / "kebomas-2023.yaml")
    ekbang = [j for j in tree.jabatan if "baris 531 " in str(j.catatan)]
    assert [(j.peran, j.unit, j.atasan) for j in ekbang] == [
        (Peran.KASI_KELURAHAN, "Kelurahan (tidak disebut)", None)
    ]
    assert "Tanpa atasan setelah koreksi peran" in str(ekbang[0].catatan)
    assert len(tree.top) == 28  # the Camat and 27 kelurahan heads without their Lurah


def test_a_title_on_the_tentang_line_gives_judul_and_tahun() -> None:
    from pokin.decree.header import read_header

    head = read_header(
        [
            "# KEPUTUSAN CAMAT TANJUNG REDEB",
            "## NOMOR : 800/12/2025",
            "### TENTANG INDIKATOR KINERJA INDIVIDU KECAMATAN TANJUNG REDEB TAHUN 2025",
            "",
            "CAMAT TANJUNG REDEB,",
        ]
    )
    assert head.judul == "Indikator Kinerja Individu Kecamatan Tanjung Redeb Tahun 2025"
    assert head.tahun == 2025
    assert head.nomor == "800/12/2025"


def test_a_corrections_file_is_read_as_strictly_as_a_pokin_file(tmp_path: Path) -> None:
    from pokin.decree import read_corrections

    twice = tmp_path / "k.yaml"
    twice.write_text("koreksi:\n  - {baris: 1, field: unit, value: A, value: B, alasan: x}\n")
    with pytest.raises(pokin.PokinFileError, match=r"k\.yaml:2:.*`value` muncul dua kali"):
        read_corrections(twice)
    alias = tmp_path / "a.yaml"
    alias.write_text("koreksi:\n  - {baris: 1, field: unit, value: A, alasan: &r x}\n")
    with pytest.raises(pokin.PokinFileError, match="anchor dan alias YAML"):
        read_corrections(alias)
