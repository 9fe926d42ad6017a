"""PDF tables ruled by their columns only: no rule between the data rows (invented Teluk
Sebong Hulu decree).

``find_tables`` sees such a table as its header and one tall row, every indicator of the
position in one cell; the rows were imported as one indikator whose texts ran together
(«82,5 95 100 14» as its target), in silence. They are cut apart by the white space
between them (:mod:`pokin.decree.pdfrows`), the kinerja merged over its rows (set in the
middle, at the top or at the bottom of them) kept with all of them, and said.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pokin.decree import import_decree

from .decree_files import indikator_rows

STYLE = getSampleStyleSheet()["BodyText"].clone("sel", fontSize=8, leading=9.5)
HEADER = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
CAMAT = "Camat"
KINERJA = [
    ("Meningkatnya kualitas pelayanan publik di Kecamatan Teluk Sebong Hulu", [
        ("Indeks Kepuasan Masyarakat terhadap layanan kecamatan",
         "Rata-rata tertimbang nilai unsur pelayanan hasil survei x 25",
         "Laporan Survei Kepuasan Masyarakat", "indeks", "82,5"),
        ("Persentase layanan administrasi terpadu yang selesai tepat waktu",
         "Layanan PATEN selesai sesuai standar waktu / layanan PATEN yang diajukan x 100%",
         "Register PATEN", "persen", "95"),
        ("Jumlah inovasi pelayanan yang diterapkan", "Jumlah inovasi yang berjalan",
         "SK inovasi", "inovasi", "2"),
    ]),
    ("Meningkatnya ketenteraman dan ketertiban umum di wilayah pesisir", [
        ("Persentase gangguan trantibum yang ditangani",
         "Gangguan yang ditangani / gangguan yang dilaporkan x 100%",
         "Laporan Seksi Trantib", "persen", "100"),
        ("Jumlah pos kamling nelayan yang aktif",
         "Pos kamling di kampung nelayan yang meronda minimal 20 malam sebulan",
         "Laporan monitoring pos kamling", "pos", "14"),
    ]),
]  # fmt: skip


def _pdf(path: Path, rows: list[list[object]], spans: list[tuple[str, tuple[int, int],
         tuple[int, int]]], valign: str) -> Path:  # fmt: skip
    story = [Paragraph("KEPUTUSAN CAMAT TELUK SEBONG HULU"), Paragraph("JABATAN : CAMAT")]
    table = Table(rows, colWidths=[25, 150, 150, 190, 110, 55, 50])
    table.setStyle(
        TableStyle([
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
            ("LINEAFTER", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), valign),
            *spans,
        ])
    )  # fmt: skip
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([*story, table])
    return path


def _p(text: str) -> Paragraph:
    return Paragraph(text, STYLE)


@pytest.mark.parametrize("valign", ["MIDDLE", "TOP", "BOTTOM"])
def test_rows_drawn_without_rules_are_cut_apart(tmp_path: Path, valign: str) -> None:
    rows: list[list[object]] = [HEADER]
    spans = []
    for no, (kinerja, indikator) in enumerate(KINERJA, 1):
        start = len(rows)
        for i, cells in enumerate(indikator):
            lead = [f"{no}.", _p(kinerja)] if i == 0 else ["", ""]
            rows.append([*lead, *(_p(text) for text in cells[:3]), *cells[3:]])
        end = len(rows) - 1
        spans += [("SPAN", (0, start), (0, end)), ("SPAN", (1, start), (1, end))]
    result = import_decree(_pdf(tmp_path / "camat.pdf", rows, spans, valign))
    assert indikator_rows(result.tree) == [
        (CAMAT, kinerja, *cells) for kinerja, indikator in KINERJA for cells in indikator
    ]
    said = [note for _, note in result.notes if "tanpa garis pemisah" in note]
    assert said == [
        "5 baris tabel tanpa garis pemisah di antaranya (halaman 1) dipisah menurut jarak "
        "teksnya: periksa bahwa setiap indikator tetap pada barisnya"
    ]


def test_a_cell_with_two_paragraphs_beside_short_cells_stays_one_row(tmp_path: Path) -> None:
    """The white space between a cell's paragraphs, the cells beside it empty there, is
    no row's end: a part with text in too few columns is no row."""
    rows: list[list[object]] = [
        HEADER,
        ["1.", _p("Tertibnya administrasi kependudukan"), _p("Jumlah layanan adminduk"),
         _p("1. Jumlah KTP-el yang diusulkan<br/><br/><br/>2. Jumlah KK yang diterbitkan"),
         _p("Register KTP-el<br/><br/><br/>Register KK"), "layanan", "450"],
    ]  # fmt: skip
    result = import_decree(_pdf(tmp_path / "kasi.pdf", rows, [], "TOP"))
    ((_, kinerja, indikator, formulasi, sumber, satuan, target),) = indikator_rows(result.tree)
    assert (kinerja, indikator, satuan, target) == (
        "Tertibnya administrasi kependudukan",
        "Jumlah layanan adminduk",
        "layanan",
        "450",
    )
    assert formulasi == "1. Jumlah KTP-el yang diusulkan 2. Jumlah KK yang diterbitkan"
    assert sumber == "Register KTP-el Register KK"
    assert not [note for _, note in result.notes if "tanpa garis pemisah" in note]
