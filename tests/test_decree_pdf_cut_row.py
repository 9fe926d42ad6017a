"""A row a page break cut, whose rest opens the next page with no header repeated above it
and no top rule (the invented Sukaraja decree, drawn here with reportlab's canvas).

Before, no table was found on that page: the rest's cells were read as loose lines, glued
across the columns into the position's catatan ("lembaga rukun dibina dalam satu tahun
Pemerintahan"), and the next position's table was taken for the rest of the cut row (a note
on a row that was never cut). Now the rules that open the page make a table of it, and its
cells join the cut row; a rest drawn with no rules at all is kept with a note naming the page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pokin.decree import import_decree

XS = [40, 70, 200, 330, 460, 555]  # the column rules
HEADER = [["No"], ["Kinerja"], ["Indikator"], ["Formulasi"], ["Sumber Data"]]
ROW = [
    ["Meningkatnya tertib", "administrasi", "kependudukan"],
    ["Persentase berkas", "kependudukan yang", "diverifikasi"],
    ["Berkas diverifikasi", "dibagi berkas masuk", "x 100%"],
    ["Register", "Kependudukan"],
]
CUT = [
    ["Terlaksananya", "pembinaan"],
    ["Jumlah rukun", "tetangga yang"],
    ["Jumlah RT", "dibina dalam"],
]
REST = [["lembaga rukun", "tetangga"], ["dibina dalam", "satu tahun"], ["satu tahun"]]
CUT_SOURCE, REST_SOURCE = ["Laporan Seksi"], ["Pemerintahan"]


def _cells(canvas: Canvas, top: float, cells: list[list[str]]) -> None:
    for x, lines in zip(XS, cells, strict=False):
        for k, line in enumerate(lines):
            canvas.drawString(x + 3, top - 11 - k * 12, line)


def _rules(canvas: Canvas, top: float, bottom: float, *, closed: bool = True) -> None:
    for x in XS:
        canvas.line(x, top, x, bottom)
    if closed:
        canvas.line(XS[0], bottom, XS[-1], bottom)


def _decree(path: Path, *, rest_ruled: bool) -> Path:
    height = A4[1]
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(40, height - 50, "JABATAN : KEPALA SEKSI PEMERINTAHAN")
    top = height - 70
    canvas.line(XS[0], top, XS[-1], top)
    _cells(canvas, top, HEADER)
    _rules(canvas, top, top - 18)
    top -= 18
    number = 0
    while top - 42 > 60:  # full rows down to the page's foot
        number += 1
        _cells(canvas, top, [[str(number)], *ROW])
        _rules(canvas, top, top - 42)
        top -= 42
    _cells(canvas, top, [[str(number + 1)], *CUT, CUT_SOURCE])
    _rules(canvas, top, 30, closed=False)  # cut: the rules run on to the page's end
    canvas.showPage()
    canvas.setFont("Helvetica", 9)
    top = height - 60  # the rest: no header, no top rule
    _cells(canvas, top, [[], *REST, REST_SOURCE])
    if rest_ruled:
        _rules(canvas, top, top - 30)
    canvas.drawString(40, top - 70, "JABATAN : KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM")
    top -= 90
    canvas.line(XS[0], top, XS[-1], top)
    _cells(canvas, top, HEADER)
    _rules(canvas, top, top - 18)
    top -= 18
    trantib = [["1"], ["Meningkatnya ketertiban", "umum"], ["Jumlah patroli", "wilayah"]]
    _cells(canvas, top, [*trantib, ["Jumlah patroli", "dalam setahun"], ["Laporan Trantibum"]])
    _rules(canvas, top, top - 30)
    canvas.save()
    return path


def test_the_rest_of_a_cut_row_with_no_top_rule_joins_it(tmp_path: Path) -> None:
    result = import_decree(_decree(tmp_path / "sukaraja.pdf", rest_ruled=True))
    pemerintahan, trantib = result.tree.jabatan
    last = pemerintahan.kinerja[-1]
    assert last.uraian == "Terlaksananya pembinaan lembaga rukun tetangga"
    assert [(i.uraian, i.formulasi, i.sumber_data) for i in last.indikator] == [
        (
            "Jumlah rukun tetangga yang dibina dalam satu tahun",
            "Jumlah RT dibina dalam satu tahun",
            "Laporan Seksi Pemerintahan",
        )
    ]
    assert "Teks keputusan" not in (pemerintahan.catatan or "")
    assert [k.uraian for k in trantib.kinerja] == ["Meningkatnya ketertiban umum"]
    assert result.notes == [(1, "nama kecamatan tidak ditemukan: isi organisasi.nama")]


def test_the_rest_of_a_cut_row_drawn_without_rules_is_kept_and_said(tmp_path: Path) -> None:
    result = import_decree(_decree(tmp_path / "sukaraja.pdf", rest_ruled=False))
    pemerintahan, trantib = result.tree.jabatan
    assert "lembaga rukun" in (pemerintahan.catatan or "")  # kept, not lost
    said = [note for _, note in result.notes if "halaman 1 terpotong" in note]
    assert len(said) == 1
    assert "tidak terbaca sebagai tabel" in said[0]
    assert not any("bernomor" in note for _, note in result.notes)  # Trantib's row is its own
    assert [k.uraian for k in trantib.kinerja] == ["Meningkatnya ketertiban umum"]
