r"""The markdown decree layout: pipe tables with HTML lists, LaTeX and merged cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import markdown as markdown
from pokin.decree import parse_decree
from pokin.decree import pdf as _decree_pdf
from pokin.decree import tab as _decree_tab
from pokin.decree.markup import latex_to_text, read_cell
from pokin.decree.parts import ParsedDecree, Row

FIXTURES = Path(__file__).parent / "fixtures"
DECREES = FIXTURES / "decrees"
HEADER = "| KINERJA | INDIKATOR | FORMULASI | SUMBER DATA |\n|---|---|---|---|\n"


def parse(text: str) -> ParsedDecree:
    return markdown.parse(text, source="test.md")


def rows(body: str, header: str = HEADER) -> list[Row]:
    """The rows of a one-position decree whose table is ``header`` + ``body``."""
    decree = parse("1. JABATAN : CAMAT\n\n" + header + body)
    assert len(decree.blocks) == 1
    return decree.blocks[0].rows


def cells(row: Row) -> tuple[str, str, str, str]:
    return (row.kinerja, row.indikator, row.formulasi, row.sumber_data)


# -- quirks, one tiny input each -------------------------------------------------------------


def test_escaped_pipe_stays_in_its_cell() -> None:
    (row,) = rows(r"| K | Rapat RT \| RW | Jumlah rapat | Notulen |" + "\n")
    assert cells(row) == ("K", "Rapat RT | RW", "Jumlah rapat", "Notulen")


def test_ul_list_in_indicator_cell_gives_several_indicators() -> None:
    got = rows("| K | <ul><li>Nilai SKM</li><li>Nilai SAKIP</li></ul> | F | S |\n")
    assert [cells(r) for r in got] == [("K", "Nilai SKM", "F", "S"), ("", "Nilai SAKIP", "F", "S")]


def test_list_in_companion_cell_pairs_when_counts_match() -> None:
    got = rows("| K | <ul><li>A</li><li>B</li></ul> | <ol><li>fa</li><li>fb</li></ol> | S |\n")
    assert [r.formulasi for r in got] == ["fa", "fb"]


def test_ol_inside_formula_stays_one_formula() -> None:
    (row,) = rows(
        "| K | Jumlah dokumen | Jumlah dokumen:<ol><li>LKjIP</li><li>Renja</li></ol> | S |"
    )
    assert row.formulasi == "Jumlah dokumen: 1. LKjIP; 2. Renja"


def test_ul_list_in_sumber_with_one_indicator_stays_one_text() -> None:
    (row,) = rows("| K | I | F | <ul><li>Agenda masuk</li><li>Agenda keluar</li></ul> |")
    assert row.sumber_data == "Agenda masuk; Agenda keluar"


def test_p_fragments_are_separate_indicators() -> None:
    got = rows("| K | <p>Persentase A</p><p>Persentase B</p> | F | S |")
    assert [r.indikator for r in got] == ["Persentase A", "Persentase B"]


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (r"$\frac{a}{b} \times 100\%$", "a / b × 100%"),
        (r"\(\dfrac{\text{Jumlah surat}}{\text{Total}}\)", "Jumlah surat / Total"),
        (r"$$\frac{\frac{a}{b}}{c}$$", "(a / b) / c"),
        (r"Nilai $\geq 75$ dan $\sum x_{i}$", "Nilai ≥ 75 dan Σ x_i"),
        (r"\(\sqrt{x} \cdot y\)", "√(x) · y"),
        (r"harga \$5 tanpa rumus", "harga $5 tanpa rumus"),
        (r"satu $ tanpa penutup", "satu $ tanpa penutup"),
    ],
)
def test_latex_becomes_readable_text(cell: str, text: str) -> None:
    assert read_cell(cell).text == text


def test_latex_in_a_table_formula() -> None:
    (row,) = rows(r"| K | I | $\frac{\text{A}}{\text{B}} \times 100\%$ | S |")
    assert row.formulasi == "A / B × 100%"


def test_latex_keeps_unknown_commands_and_stray_braces() -> None:
    assert latex_to_text(r"\alpha + {b}} \unknown{c}") == "alpha + b unknownc"


def test_br_joins_lines_of_one_formula() -> None:
    (row,) = rows("| K | I | Jumlah A<br>berbanding jumlah B<br/>X 100% | S |")
    assert row.formulasi == "Jumlah A berbanding jumlah B X 100%"


def test_numbered_br_lines_in_indicator_cell_are_items() -> None:
    got = rows("| K | 1. Nilai A<br>2. Nilai B | F | S |")
    assert [r.indikator for r in got] == ["Nilai A", "Nilai B"]


def test_bold_italic_and_entities_are_dropped() -> None:
    (row,) = rows("| **Meningkatnya** *mutu* | Surat &amp; arsip | F | S |")
    assert (row.kinerja, row.indikator) == ("Meningkatnya mutu", "Surat & arsip")


def test_empty_kinerja_cell_means_same_as_above() -> None:
    got = rows("| K | A | F | S |\n|  | B | F | S |\n")
    assert [(r.kinerja, r.indikator) for r in got] == [("K", "A"), ("", "B")]


def test_repeated_kinerja_text_means_same_as_above() -> None:
    got = rows("| K | A | F | S |\n| k  | B | F | S |\n")
    assert [r.kinerja for r in got] == ["K", ""]


def test_empty_or_repeated_indicator_cell_continues_the_indicator_above() -> None:
    got = rows("| K | A | Jumlah x | S1 |\n| | | Jumlah y | S2 |\n| | a | Jumlah z | S1 |\n")
    assert [cells(r) for r in got] == [
        ("K", "A", "Jumlah x", "S1"),
        ("", "", "Jumlah y", "S2"),  # empty: the indicator above (the builder merges it)
        ("", "", "Jumlah z", "S1"),  # repeated: the same
    ]


def test_repeated_header_after_page_break_continues_the_block() -> None:
    body = "| K | A | F | S |\n\n<!-- page break -->\n\n" + HEADER + "| | B | F | S |\n"
    decree = parse("1. JABATAN : CAMAT\n\n" + HEADER + body)
    assert [(r.kinerja, r.indikator) for r in decree.blocks[0].rows] == [("K", "A"), ("", "B")]
    assert decree.skipped == []


def test_header_row_repeated_inside_a_table_body_is_not_a_row() -> None:
    got = rows(
        "| K | A | F | S |\n| KINERJA | INDIKATOR | FORMULASI | SUMBER DATA |\n| | B | F | S |"
    )
    assert [r.indikator for r in got] == ["A", "B"]


def test_last_line_without_newline_is_read() -> None:
    got = rows("| K | A | F | S |\n| | B | F | S |")
    assert [r.indikator for r in got] == ["A", "B"]


def test_table_without_target_column() -> None:
    (row,) = rows("| K | A | Jumlah A dibagi B | S |")
    assert (row.satuan, row.target) == ("", "")


def test_target_written_in_formula_column_of_table_without_target() -> None:
    (row,) = rows("| K | Jumlah surat | 500 surat | S |")
    assert (row.formulasi, row.target, row.satuan) == ("", "500", "surat")


def test_no_satuan_and_target_columns_and_column_numbers() -> None:
    header = "| No | KINERJA | INDIKATOR | FORMULASI | SUMBER DATA | SATUAN | TARGET |\n"
    header += "|---|---|---|---|---|---|---|\n| (1) | (2) | (3) | (4) | (5) | (6) | (7) |\n"
    (row,) = rows("| 1 | K | A | F | S | persen | 100 |", header)
    assert (row.line, row.kinerja, row.satuan, row.target) == (6, "K", "persen", "100")


def test_row_with_extra_cells_is_skipped_with_its_line() -> None:
    decree = parse(
        "1. JABATAN : CAMAT\n" + HEADER + "| K | A | F | S | extra |\n| K2 | B | F | S |"
    )
    assert [r.indikator for r in decree.blocks[0].rows] == ["B"]
    (skipped,) = decree.skipped
    assert (skipped.line, skipped.end_line) == (4, 4)
    assert "5 sel untuk 4 kolom" in skipped.reason


def test_table_before_any_jabatan_is_skipped() -> None:
    decree = parse(HEADER + "| K | A | F | S |\n")
    assert decree.blocks == []
    assert [(s.line, s.reason) for s in decree.skipped] == [
        (3, "baris tabel sebelum JABATAN pertama")
    ]


def test_tugas_fungsi_and_unit_heading() -> None:
    decree = parse(
        "## KELURAHAN SIDOMULYO\n\n**1. JABATAN : LURAH SIDOMULYO**\n\n"
        "**2. TUGAS :** Penyelenggaraan urusan\npemerintahan kelurahan.\n\n"
        "**3. FUNGSI :**\n\n- a. pelaksanaan kegiatan;\n  dan pembangunan;\n- b. pembinaan; dan\n"
    )
    (block,) = decree.blocks
    assert (block.nama, block.unit, block.line) == ("LURAH SIDOMULYO", "Kelurahan Sidomulyo", 3)
    assert block.tugas == "Penyelenggaraan urusan pemerintahan kelurahan."
    assert block.fungsi == ["pelaksanaan kegiatan dan pembangunan", "pembinaan"]


def test_pathological_input_is_parsed_whole() -> None:
    """Escapes, dollars, braces and angle brackets by the ten thousand (what would make a
    backtracking pattern explode) are read into their cell whole. That the time grows
    linearly is a figure, not an assertion: ``bench/bench_decree.py --pathological``
    times it at two sizes (unit tests time nothing)."""
    n = 20_000
    evil = "| K | " + "\\(" * n + "$" * n + "{" * n + "<" * n + " | F | S |"
    (row,) = rows(evil)
    kinerja, indikator, formulasi, sumber = cells(row)
    assert (kinerja, formulasi, sumber) == ("K", "F", "S")
    assert indikator.count("(") == n
    assert indikator.count("{") == n
    assert indikator.count("<") == n


# -- sniff -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["iki-sungai-kunjang-2024.md", "iku-iki-manyar-2024.md"])
def test_sniff_accepts_markdown_fixtures(name: str) -> None:
    text = (DECREES / name).read_text(encoding="utf-8")
    assert markdown.sniff(text)
    assert not _decree_pdf.sniff(text)
    assert not _decree_tab.sniff(text)


@pytest.mark.parametrize(
    "path",
    [
        DECREES / "tab-sambutan-excerpt.txt",
        DECREES / "tab-wonoasih-excerpt.txt",
        DECREES / "tab-kebomas-excerpt.txt",
        FIXTURES / "seeds" / "iki-staf-samarinda.txt",
    ],
)
def test_sniff_rejects_other_layouts(path: Path) -> None:
    assert not markdown.sniff(path.read_text(encoding="utf-8"))


# -- the fixtures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sungai_kunjang() -> ParsedDecree:
    name = "iki-sungai-kunjang-2024.md"
    return markdown.parse((DECREES / name).read_text(encoding="utf-8"), source=name)


@pytest.fixture(scope="module")
def manyar() -> ParsedDecree:
    name = "iku-iki-manyar-2024.md"
    return markdown.parse((DECREES / name).read_text(encoding="utf-8"), source=name)


def test_sungai_kunjang_header(sungai_kunjang: ParsedDecree) -> None:
    d = sungai_kunjang
    assert (d.layout, d.source) == ("markdown", "iki-sungai-kunjang-2024.md")
    assert (d.pemerintah, d.tahun, d.nomor) == ("Kota Samarinda", 2024, "800/015/100.17/2024")
    assert d.judul == "Indikator Kinerja Individu Kecamatan Sungai Kunjang Tahun 2024"
    assert (d.tanggal, d.penandatangan) == ("2024-01-05", "Dr. H. Ahmad Fauzi, S.STP., M.Si")


def test_sungai_kunjang_two_word_name(sungai_kunjang: ParsedDecree) -> None:
    assert sungai_kunjang.nama == "Kecamatan Sungai Kunjang"


def test_sungai_kunjang_blocks(sungai_kunjang: ParsedDecree) -> None:
    blocks = sungai_kunjang.blocks
    assert [(b.nama, len(b.rows), len(b.fungsi)) for b in blocks] == [
        ("CAMAT", 3, 4),
        ("SEKRETARIS", 3, 3),
        ("KASUBBAG UMUM & KEPEGAWAIAN", 3, 3),
        ("PENGADMINISTRASI UMUM", 2, 2),
    ]
    assert sungai_kunjang.skipped == []
    camat, sekretaris, kasubbag, staf = blocks
    assert (
        camat.rows[0].formulasi
        == "Jumlah kelurahan dengan nilai SKM ≥ 75 / Jumlah kelurahan × 100%"
    )
    assert [cells(r)[:2] for r in camat.rows[:2]] == [
        (
            "Meningkatnya kualitas Pelayanan Administrasi wilayah Kecamatan Sungai Kunjang",
            "Persentase Kelurahan yang memiliki kualitas pelayanan yang baik",
        ),
        ("", "Nilai Survei Kepuasan Masyarakat Kecamatan"),
    ]
    assert camat.rows[2].formulasi == "Jumlah Pos Kamling aktif / Jumlah seluruh Pos Kamling × 100%"
    assert (
        camat.fungsi[2] == "Pengoordinasian upaya penyelenggaraan ketenteraman dan ketertiban umum"
    )
    assert [(r.kinerja, r.indikator, r.sumber_data) for r in sekretaris.rows] == [
        (
            "Persentase Kelurahan yang memiliki kualitas pelayanan yang baik",
            "Meningkatnya Pelayanan Administrasi Kesekretariatan",  # from a <p> fragment
            "Data kebutuhan administrasi",
        ),
        ("", "", "Data prasarana dan sarana kantor"),  # empty cells: same as above
        ("", "Nilai SAKIP Kecamatan", "LHE SAKIP Inspektorat"),  # kinerja repeated
    ]
    assert sekretaris.rows[0].formulasi == (
        "Jumlah kebutuhan administrasi yang terealisasi berbanding jumlah kebutuhan "
        "administrasi yang direncanakan X 100%"  # joined across <br>
    )
    assert sekretaris.rows[2].formulasi == (
        "Nilai hasil evaluasi SAKIP oleh Inspektorat (skala 0 | 100)"
    )
    assert [(r.line, r.kinerja != "") for r in kasubbag.rows] == [
        (81, True),
        (81, False),
        (87, False),
    ]
    assert kasubbag.fungsi[0] == "menyelenggarakan administrasi kepegawaian"
    assert staf.rows[0].formulasi == (
        "Jumlah surat yang dicatat di buku register: 1. surat masuk; 2. surat keluar"
    )
    assert (staf.rows[1].indikator, staf.rows[1].target) == (
        "Jumlah arsip surat yang dikelola & disimpan",
        "500",
    )


def test_manyar_header(manyar: ParsedDecree) -> None:
    assert (manyar.nama, manyar.pemerintah, manyar.tahun) == (
        "Kecamatan Manyar",
        "Kabupaten Gresik",
        2024,
    )
    assert (manyar.nomor, manyar.tanggal) == ("050/17/437.103/2024", "2024-02-12")
    assert manyar.penandatangan == "SITI AMINAH, S.Sos., M.M."


def test_manyar_iku_table(manyar: ParsedDecree) -> None:
    got = [
        (s.kode, s.uraian, [(i.kode, i.satuan, i.target) for i in s.indikator]) for s in manyar.iku
    ]
    assert got == [
        (
            "S.1",
            "Meningkatnya kualitas pelayanan publik di tingkat kecamatan",
            [("I.K.S.1.1", "indeks", "82")],
        ),
        (
            "S.2",
            "Meningkatnya tata kelola pemerintahan berbasis good and clean governance",
            [("I.K.S.2.1", "nilai", "75"), ("I.K.S.2.2", "nilai", "70")],
        ),
    ]
    assert manyar.iku[1].indikator[1].formulasi == "Σ nilai komponen LKE"
    assert (
        manyar.iku[0].indikator[0].uraian == "Nilai Indeks Kepuasan Masyarakat pelayanan kecamatan"
    )


def test_manyar_blocks(manyar: ParsedDecree) -> None:
    assert [(b.nama, b.unit, b.jenis, len(b.rows)) for b in manyar.blocks] == [
        ("CAMAT MANYAR", None, "Struktural", 4),
        ("KEPALA SEKSI PEMERINTAHAN", None, "Struktural", 2),
        ("LURAH SUKOMULYO", "Kelurahan Sukomulyo", "Struktural", 1),
        ("SEKRETARIS KELURAHAN SUKOMULYO", "Kelurahan Sukomulyo", "Struktural", 1),
    ]
    assert manyar.skipped == []
    camat = manyar.blocks[0]
    assert camat.rows[0].formulasi == "Σ nilai per unsur / jumlah unsur × 25"
    assert [(r.indikator, r.formulasi, r.sumber_data) for r in camat.rows[1:3]] == [
        ("Nilai Reformasi Birokrasi Kecamatan", "Nilai hasil evaluasi RB", "Laporan evaluasi RB"),
        ("Nilai SAKIP Kecamatan", "Nilai LHE SAKIP", "LHE SAKIP"),
    ]
    assert camat.rows[3].line == 51  # after the header row repeated inside the table
    assert camat.fungsi == [
        "pengkoordinasian penyelenggaraan kegiatan Pemerintahan di tingkat Kecamatan",
        "pembinaan penyelenggaraan Pemerintahan desa dan/atau kelurahan",
        "pelaksanaan pelayanan masyarakat",
    ]
    lurah = manyar.blocks[2]
    assert lurah.rows[0].indikator == "Jumlah rapat koordinasi dengan Ketua RT | RW"


def test_jabatan_and_tugas_rows_inside_a_table_start_a_block() -> None:
    decree = parse(
        "| No. | Rencana Kinerja | Indikator Kinerja Individu | Formulasi | Sumber Data |\n"
        "|---|---|---|---|---|\n"
        "| Jabatan: | KEPALA KELURAHAN INDRO (Struktural) | | | |\n"
        "| Tugas: | Penyelenggaraan urusan pemerintahan kelurahan | | | |\n"
        "| 1 | Terlaksananya program kerja | Jumlah program kerja | Jumlah program | DPA |\n"
        "| Jabatan: | KEPALA SEKSI PEMERINTAHAN | | | |\n"
        "| 1 | Terlaksananya pelayanan | Jumlah pelayanan | Jumlah | Laporan |\n"
    )
    assert [(b.nama, b.jenis, b.line, len(b.rows)) for b in decree.blocks] == [
        ("KEPALA KELURAHAN INDRO", "Struktural", 3, 1),
        ("KEPALA SEKSI PEMERINTAHAN", None, 6, 1),
    ]
    assert decree.blocks[0].tugas == "Penyelenggaraan urusan pemerintahan kelurahan"
    assert decree.skipped == []


# -- end to end, through pokin.decree (the other layouts' entry point) ----------------------


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("iki-sungai-kunjang-2024.md", (4, 5, 10, 0)),
        ("iku-iki-manyar-2024.md", (4, 6, 8, 3)),
    ],
)
def test_parse_decree_end_to_end(name: str, counts: tuple[int, int, int, int]) -> None:
    decree = pytest.importorskip("pokin.decree")
    text = (DECREES / name).read_text(encoding="utf-8")
    assert decree.parse(text, source=name).layout == "markdown"
    tree = decree.parse_decree(text, source=name)
    n_iku = sum(len(s.indikator) for s in tree.iku)
    n_kinerja = sum(len(j.kinerja) for j in tree.jabatan)
    n_indikator = sum(1 for j in tree.jabatan for _ in j.iter_indikator())
    assert (len(tree.jabatan), n_kinerja, n_indikator, n_iku) == counts


def test_multi_line_comment_is_not_fungsi() -> None:
    decree = parse("1. JABATAN : CAMAT\n3. FUNGSI :\n- a. pembinaan\n<!-- catatan\nhalaman 2 -->\n")
    assert decree.blocks[0].fungsi == ["pembinaan"]


def test_two_column_coded_iku_table_with_explanation_rows() -> None:
    decree = parse(
        "| Kode | Indikator Kinerja Utama |\n|---|---|\n"
        "| S.1 | Meningkatnya kualitas pelayanan publik |\n"
        "| I.K.S.1.1 | Nilai Indeks Kepuasan Masyarakat |\n"
        "| | Hasil pengukuran Survei Kepuasan Masyarakat |\n"
        "| | Sumber Data |\n| | Laporan SKM |\n"
        "| S.2 | Meningkatnya tata kelola |\n| I.K.S.2.1 | Nilai Reformasi Birokrasi |\n"
    )
    assert [(s.kode, s.uraian, len(s.indikator)) for s in decree.iku] == [
        ("S.1", "Meningkatnya kualitas pelayanan publik", 1),
        ("S.2", "Meningkatnya tata kelola", 1),
    ]
    first = decree.iku[0].indikator[0]
    assert (first.kode, first.uraian, first.formulasi, first.sumber_data) == (
        "I.K.S.1.1",
        "Nilai Indeks Kepuasan Masyarakat",
        "Hasil pengukuran Survei Kepuasan Masyarakat",
        "Laporan SKM",
    )
    assert decree.iku[1].indikator[0].sumber_data == ""


def test_a_third_converter_style_reads_end_to_end() -> None:
    # Bold "1. JABATAN :" lines, display LaTeX with \text{}, a list in the formula column
    # that pairs with the indicators, a place-and-date line in mixed case before the signer.
    tree = parse_decree(
        (DECREES / "iki-palaran-2025.md").read_text(encoding="utf-8"), source="palaran.md"
    )
    org = tree.organisasi
    assert (org.nama, org.pemerintah, org.tahun) == ("Kecamatan Palaran", "Kota Samarinda", 2025)
    assert org.dokumen is not None
    assert (
        org.dokumen.judul == "Indikator Kinerja Individu di Lingkungan Kecamatan Palaran Tahun 2025"
    )
    assert (org.dokumen.nomor, str(org.dokumen.tanggal)) == ("050/123/300.12", "2025-01-02")
    assert org.dokumen.penandatangan == "Drs. H. Contoh, M.Si"
    camat, kasi = tree.jabatan
    assert [i.formulasi for i in camat.kinerja[0].indikator] == [
        "Hasil SKM",
        "pengaduan ditindaklanjuti / jumlah pengaduan × 100%",
    ]
    assert kasi.atasan == "camat"
    assert [i.uraian for i in kasi.kinerja[0].indikator] == [
        "Jumlah patroli wilayah yang dilaksanakan",
        "Persentase Perda yang ditegakkan",
    ]


# -- items split by <br>, <ol>, <ul>, <p>, paired by position --------------------------------

HEADER_TARGET = (
    "| KINERJA | INDIKATOR | FORMULASI | SUMBER DATA | TARGET |\n|---|---|---|---|---|\n"
)


def fields(row: Row) -> tuple[str, str, str, str]:
    return (row.indikator, row.formulasi, row.sumber_data, row.target)


def test_ul_indicators_pair_with_br_lines_of_the_other_cells() -> None:
    got = rows(
        "| K | <ul><li>Indeks Kepuasan Masyarakat</li><li>Persentase layanan PATEN selesai "
        "tepat waktu</li></ul> | F | Hasil SKM<br>Aplikasi PATEN | 85<br>95% |",
        HEADER_TARGET,
    )
    assert [fields(r) for r in got] == [
        ("Indeks Kepuasan Masyarakat", "F", "Hasil SKM", "85"),
        ("Persentase layanan PATEN selesai tepat waktu", "F", "Aplikasi PATEN", "95"),  # satuan %
    ]
    assert [r.catatan for r in got] == ["", ""]


@pytest.mark.parametrize(
    "indikator",
    [
        "IKM<br>Persentase PATEN tepat waktu",
        "1. IKM<br>2. Persentase PATEN tepat waktu",
        "<ol><li>IKM</li><li>Persentase PATEN tepat waktu</li></ol>",
        "<p>IKM</p><p>Persentase PATEN tepat waktu</p>",
    ],
)
def test_indicator_items_of_every_kind_pair_with_br_targets(indikator: str) -> None:
    got = rows(f"| K | {indikator} | F | S | 85<br>95% |", HEADER_TARGET)
    assert [(r.kinerja, r.indikator, r.target) for r in got] == [
        ("K", "IKM", "85"),
        ("", "Persentase PATEN tepat waktu", "95"),  # satuan "%": no Satuan column
    ]


def test_br_kinerja_pairs_with_br_indicators() -> None:
    got = rows("| Meningkatnya A<br>Meningkatnya B | Nilai A<br>Nilai B | F | S |")
    assert [(r.kinerja, r.indikator) for r in got] == [
        ("Meningkatnya A", "Nilai A"),
        ("Meningkatnya B", "Nilai B"),
    ]


def test_short_lower_case_values_one_a_line_pair_too() -> None:
    header = "| KINERJA | INDIKATOR | SATUAN | TARGET |\n|---|---|---|---|\n"
    got = rows("| K | Nilai IKM<br>Persentase PATEN | indeks<br>persen | 85<br>95 |", header)
    assert [(r.satuan, r.target) for r in got] == [("indeks", "85"), ("persen", "95")]


def test_wrapped_br_lines_are_one_item() -> None:
    (row,) = rows("| K | Persentase kelurahan yang<br>memiliki kualitas pelayanan | F | S |")
    assert row.indikator == "Persentase kelurahan yang memiliki kualitas pelayanan"
    got = rows("| K | Nilai A<br>Nilai B | Jumlah surat yang<br>dicatat<br>X 100% | S |")
    assert [r.formulasi for r in got] == ["Jumlah surat yang dicatat X 100%"] * 2
    assert [r.catatan for r in got] == ["", ""]  # one formula shared: nothing to pair


def test_a_lead_with_a_list_in_a_formula_stays_one_formula_beside_several_indicators() -> None:
    got = rows("| K | Nilai A<br>Nilai B | Jumlah dokumen:<br>1. LKjIP<br>2. Renja | S |")
    assert [r.formulasi for r in got] == ["Jumlah dokumen: 1. LKjIP 2. Renja"] * 2
    got = rows(
        "| K | Nilai A<br>Nilai B | Jumlah dokumen:<ol><li>LKjIP</li><li>Renja</li></ol> | S |"
    )
    assert [r.formulasi for r in got] == ["Jumlah dokumen: 1. LKjIP; 2. Renja"] * 2


def test_cells_that_cannot_be_paired_are_kept_whole_and_noted() -> None:
    body = "| K | <ul><li>A</li><li>B</li><li>C</li></ul> | F1<br>F2 | S | 85 |"
    got = rows(body, HEADER_TARGET)
    assert [fields(r) for r in got] == [
        ("A", "F1; F2", "S", "85"),
        ("B", "F1; F2", "S", "85"),
        ("C", "F1; F2", "S", "85"),
    ]
    assert all("sel FORMULASI berisi 2 butir untuk 3 indikator" in r.catatan for r in got)
    tree = parse_decree("1. JABATAN : CAMAT\n\n" + HEADER_TARGET + body, source="x.md")
    notes = [str(i.catatan) for i in tree.jabatan[0].iter_indikator()]
    assert all(note.startswith("baris 5: sel FORMULASI berisi 2 butir") for note in notes)
    assert "tidak dapat dipasangkan butir demi butir (1): baris 5;" in str(tree.organisasi.catatan)


def test_several_kinerja_for_another_number_of_indicators_are_noted() -> None:
    got = rows("| <p>K1</p><p>K2</p> | <ul><li>A</li><li>B</li><li>C</li></ul> | F | S |")
    assert [(r.kinerja, r.indikator) for r in got] == [("K1; K2", "A"), ("", "B"), ("", "C")]
    assert "sel KINERJA berisi 2 butir untuk 3 indikator" in got[0].catatan


def test_iku_rows_pair_br_lines_too() -> None:
    decree = parse(
        "## INDIKATOR KINERJA UTAMA\n\n"
        "| Kode | Sasaran | Indikator | Target |\n|---|---|---|---|\n"
        "| S.1 | Meningkatnya pelayanan | IKM<br>PATEN tepat waktu | 85<br>95% |\n"
    )
    assert [(i.uraian, i.target, i.satuan) for i in decree.iku[0].indikator] == [
        ("IKM", "85", ""),
        ("PATEN tepat waktu", "95", "%"),  # no Satuan column: the unit is the satuan
    ]


# -- text that looks like a tag is text ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tersusunnya rekap laporan patroli <bulanan>",
        "Pengaduan ditangani < 3x24 jam",
        "Nilai a<b",
        "Waktu tunggu <= 5 menit",
        "Laporan <Bulanan> dan </bulanan> <!x",
    ],
)
def test_text_that_looks_like_a_tag_is_kept(text: str) -> None:
    assert read_cell(text).text == text
    (row,) = rows(f"| {text} | {text} | F | S |")
    assert (row.kinerja, row.indikator) == (text, text)


def test_real_html_tags_are_still_removed() -> None:
    cell = '<span class="x">Nilai</span> <font color=red>SKM</font> <b>a</b><sup>2</sup><u>x</u>'
    assert read_cell(cell).text == "Nilai SKM a2x"


def test_numbered_items_on_one_line_are_items() -> None:
    got = rows("| K | 1. Nilai A; 2. Nilai B | 1. Hasil A 2. Hasil B | S |")
    assert [(r.indikator, r.formulasi) for r in got] == [
        ("Nilai A", "Hasil A"),
        ("Nilai B", "Hasil B"),
    ]
