"""Decree reading a planner relies on, pinned with values written by hand (mutation
survivors of bench/mutation.py): extra cells kept, a stray text line reported with its
line, an IKU table coded in its "No" column, rows spanning three lines, the position
named on the row above."""

from __future__ import annotations

from pokin.decree import markdown, tab

HEADER = "KINERJA UTAMA\tINDIKATOR KINERJA UTAMA\tFORMULASI PERHITUNGAN/ PENJELASAN\tSUMBER DATA\n"


def test_tab_row_with_extra_cells_keeps_them_in_the_last_column() -> None:
    decree = tab.parse(
        f"1. JABATAN : CAMAT\n2. TUGAS : Tugas.\n\n{HEADER}"
        "K\tI\tF\tLaporan\t\tSKM\nK2\tI2\tF2\tS2\n",
        source="t.txt",
    )
    got = [
        (r.kinerja, r.indikator, r.formulasi, r.sumber_data, r.catatan)
        for r in decree.blocks[0].rows
    ]
    assert got == [
        ("K", "I", "F", "Laporan SKM", "sel berlebih digabung ke sel terakhir"),
        ("K2", "I2", "F2", "S2", ""),
    ]


def test_tab_text_line_inside_a_table_is_reported_with_its_line() -> None:
    decree = tab.parse(
        f"1. JABATAN : CAMAT\n2. TUGAS : Tugas.\n\n{HEADER}"
        "K\tI\tF\tS\nsebuah catatan lepas\nK2\tI2\tF2\tS2\n",
        source="t.txt",
    )
    assert [(s.line, s.text, s.reason) for s in decree.skipped] == [
        (6, "sebuah catatan lepas", "baris teks di dalam tabel, bukan baris tabel")
    ]
    assert [r.indikator for r in decree.blocks[0].rows] == ["I", "I2"]


def test_markdown_iku_table_coded_in_its_no_column() -> None:
    decree = markdown.parse(
        "| No | Indikator Kinerja Utama |\n|---|---|\n"
        "| S.1 | Meningkatnya kualitas pelayanan publik |\n"
        "| I.K.S.1.1 | Nilai Indeks Kepuasan Masyarakat |\n"
        "| S.2 | Meningkatnya tata kelola |\n"
        "| I.K.S.2.1 | Nilai Reformasi Birokrasi |\n",
        source="t.md",
    )
    got = [(s.kode, s.uraian, [(i.kode, i.uraian) for i in s.indikator]) for s in decree.iku]
    assert got == [
        (
            "S.1",
            "Meningkatnya kualitas pelayanan publik",
            [("I.K.S.1.1", "Nilai Indeks Kepuasan Masyarakat")],
        ),
        ("S.2", "Meningkatnya tata kelola", [("I.K.S.2.1", "Nilai Reformasi Birokrasi")]),
    ]
    assert decree.skipped == []


def test_html_cell_spanning_four_rows_fills_all_four() -> None:
    from pokin.decree.htmltable import html_rows

    html = (
        '<table><tr><td rowspan="4">K</td><td>I1</td></tr>\n'
        "<tr><td>I2</td></tr>\n<tr><td>I3</td></tr>\n<tr><td>I4</td></tr>\n"
        "<tr><td>L</td><td>I5</td></tr></table>"
    )
    assert [(line, cells) for line, cells, _ in html_rows(html)] == [
        (1, ["K", "I1"]),
        (2, ["K", "I2"]),
        (3, ["K", "I3"]),
        (4, ["K", "I4"]),
        (5, ["L", "I5"]),
    ]


def test_heading_title_ends_at_the_blank_line() -> None:
    from pokin.decree.header import read_header

    head = read_header(
        [
            "KEPUTUSAN CAMAT SUKAMAJU",
            "### TENTANG INDIKATOR KINERJA INDIVIDU",
            "",
            "KECAMATAN SUKAMAJU",
            "",
            "1. JABATAN : CAMAT",
        ]
    )
    assert (head.judul, head.nama) == ("Indikator Kinerja Individu", "Kecamatan Sukamaju")


def _units(heading: str) -> list[tuple[str, str | None]]:
    from pokin.decree.assemble import assemble
    from pokin.decree.document import Paragraph, Table, TableRow

    table = Table(
        [
            TableRow(4, ["KINERJA", "INDIKATOR", "FORMULASI", "SUMBER DATA"]),
            TableRow(5, ["K", "I", "F", "S"]),
        ]
    )
    items: list[Paragraph | Table] = [
        Paragraph(1, heading),
        Paragraph(2, "1. JABATAN : LURAH"),
        Paragraph(3, "2. TUGAS : memimpin kelurahan"),
        table,
    ]
    return [(b.nama, b.unit) for b in assemble(items, source="t", layout="docx").blocks]


def test_a_short_capitalised_kelurahan_line_heads_the_blocks_below() -> None:
    assert _units("B. KELURAHAN SUKAMAJU") == [("LURAH", "Kelurahan Sukamaju")]
    heading = "KELURAHAN SUKAMAJU MENJADI PUSAT PELAYANAN DI WILAYAH TIMUR"
    assert len(heading) == 59
    assert _units(heading) == [
        ("LURAH", "Kelurahan Sukamaju Menjadi Pusat Pelayanan di Wilayah Timur")
    ]
    sentence = "KELURAHAN SUKAMAJU MENJADI PUSAT PELAYANAN DI WILAYAH SELATAN"
    assert len(sentence) == 61
    assert _units(sentence) == [("LURAH", None)]  # 60 characters or more: a sentence
    assert _units(sentence[:60]) == [("LURAH", None)]


def test_iku_table_without_a_satuan_column_leaves_satuan_empty() -> None:
    from pokin.decree.assemble import assemble
    from pokin.decree.document import Paragraph, Table, TableRow

    table = Table(
        [
            TableRow(1, ["Sasaran Strategis", "Indikator Kinerja Utama", "Target"]),
            TableRow(2, ["Meningkatnya pelayanan publik", "Indeks kepuasan masyarakat", "82"]),
        ]
    )
    items: list[Paragraph | Table] = [Paragraph(0, "INDIKATOR KINERJA UTAMA"), table]
    decree = assemble(items, source="t", layout="docx")
    got = [(s.uraian, [(i.uraian, i.satuan, i.target) for i in s.indikator]) for s in decree.iku]
    assert got == [("Meningkatnya pelayanan publik", [("Indeks kepuasan masyarakat", "", "82")])]


def test_tab_cells_beyond_a_last_target_column_go_to_the_catatan() -> None:
    """A planner's note typed in cells after the Target column (QA7 #15), invented Cimanggu
    row: the target stays "64,5" (a number, so capaian can be counted), the note is the
    row's catatan. Before, "64,5 cek ulang | TW III" was glued into the target."""
    header = "KINERJA\tINDIKATOR KINERJA\tSATUAN\tTARGET\n"
    decree = tab.parse(
        f"1. JABATAN : CAMAT CIMANGGU\n2. TUGAS : Tugas.\n\n{header}"
        "Tertibnya arsip\tPersentase arsip tertata\tpersen\t64,5\tcek ulang\t\tTW III\n",
        source="t.txt",
    )
    [row] = decree.blocks[0].rows
    assert (row.satuan, row.target) == ("persen", "64,5")
    assert row.catatan == "sel di luar tabel, disimpan di catatan: cek ulang | TW III"
