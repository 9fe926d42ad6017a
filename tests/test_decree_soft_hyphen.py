"""A soft hyphen (U+00AD) is an invisible hyphenation point inside a word: a line ending in
one is a word broken there, joined without a hyphen, in every path a decree takes.

Before, :mod:`pokin.decree.hygiene` turned it into "-" for the text readers, whose join then
kept the hyphen when the halves looked like a compound ("penan-" / "ganan" shares "an"), while
the PDF reader joined the same cell without one. The invented Cikadu decree is read here as
a PDF (reportlab, a font whose text keeps the soft hyphen), as ``pdftotext -layout`` text and
as text with one cell per line; all three must give the same words.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as Text
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from pokin.decree import import_decree, parse_decree
from pokin.decree.hygiene import clean_line
from pokin.decree.hyphens import join_wrapped
from pokin.models import Jabatan

SOFT = "\u00ad"
HEADER = ["No", "Kinerja", "Indikator", "Formulasi", "Sumber Data"]
ROWS = [  # each cell as the lines it wraps into; "penan­" / "ganan" shares "an", "nan"
    [
        ["1"],
        ["Meningkatnya", "kualitas penan" + SOFT, "ganan pengaduan"],
        ["Persentase", "pengaduan yang", "ditangani"],
        ["Pengaduan", "ditangani dibagi", "pengaduan masuk"],
        ["Rekap Kanal", "Pengaduan"],
    ],
    [
        ["2"],
        ["Terlaksananya", "pembinaan kader" + SOFT, "kader posyandu"],
        ["Jumlah kader", "posyandu yang", "dibina"],
        ["Jumlah kader", "dibina dalam", "satu tahun"],
        ["Laporan Seksi", "Kesos"],
    ],
]
WORDS = [
    (
        "Meningkatnya kualitas penanganan pengaduan",
        "Persentase pengaduan yang ditangani",
        "Pengaduan ditangani dibagi pengaduan masuk",
        "Rekap Kanal Pengaduan",
    ),
    (
        "Terlaksananya pembinaan kaderkader posyandu",  # a soft hyphen is never a real one
        "Jumlah kader posyandu yang dibina",
        "Jumlah kader dibina dalam satu tahun",
        "Laporan Seksi Kesos",
    ),
]
TITLE = "JABATAN : KEPALA SEKSI KESEJAHTERAAN SOSIAL"


def _texts(tree_jabatan: list[Jabatan]) -> list[tuple[str, ...]]:
    return [
        (k.uraian, i.uraian, i.formulasi or "", i.sumber_data or "")
        for j in tree_jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


def _pdf(path: Path) -> Path:
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))  # shipped with reportlab
    table = Table([HEADER, *[["\n".join(cell) for cell in row] for row in ROWS]])
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), "Vera")]
    table.setStyle(TableStyle(style))
    file = path / "cikadu.pdf"
    SimpleDocTemplate(str(file), pagesize=A4).build([Text(TITLE), table])
    return file


def _layout_text() -> str:
    """The table as ``pdftotext -layout`` writes it: fixed-width columns, the soft hyphen
    drawn with its U+2010 at the line end."""
    widths = [6, 22, 20, 22, 16]
    header = "".join(label.ljust(w) for label, w in zip(HEADER, widths, strict=True))
    lines = [TITLE, "", header.rstrip()]
    for row in ROWS:
        for k in range(max(len(cell) for cell in row)):
            parts = [
                (cell[k].replace(SOFT, SOFT + "\u2010") if k < len(cell) else "").ljust(w)
                for cell, w in zip(row, widths, strict=True)
            ]
            lines.append("".join(parts).rstrip())
        lines.append("")
    return "\n".join(lines) + "\n"


def _cell_lines_text() -> str:
    """The table as plain ``pdftotext`` writes it: one cell line a line, cells apart."""
    lines = [TITLE]
    for cell in [[label] for label in HEADER] + [cell for row in ROWS for cell in row]:
        lines += [*cell, ""]
    return "\n".join(lines)


def test_a_soft_hyphen_is_the_same_break_in_the_pdf_and_its_texts(tmp_path: Path) -> None:
    pdf = _texts(import_decree(_pdf(tmp_path)).tree.jabatan)
    layout = _texts(parse_decree(_layout_text(), source="cikadu-layout.txt").jabatan)
    lines = _texts(parse_decree(_cell_lines_text(), source="cikadu.txt").jabatan)
    assert pdf == WORDS
    assert layout == WORDS
    assert lines == WORDS


def test_hygiene_keeps_the_break_for_the_join() -> None:
    """The text path cleans a line before any reader joins it: the soft hyphen (and the
    U+2010 drawn for it) stays one mark, and the join reads it as the PDF reader does."""
    for drawn in (SOFT, SOFT + "\u2010"):
        cleaned, dropped = clean_line(f"penan{drawn}")
        assert cleaned == "penan" + SOFT
        assert not dropped
        assert join_wrapped(cleaned, "ganan") == join_wrapped(f"penan{SOFT}", "ganan")
        assert join_wrapped(cleaned, "ganan") == "penanganan"
    assert clean_line(f"disele{SOFT}saikan")[0] == "diselesaikan"  # inside a word: dropped


def test_a_soft_hyphen_no_line_followed_shows_as_the_page_shows_it() -> None:
    text = _cell_lines_text().replace("Pengaduan\n\n", f"Penga{SOFT}\u2010\n\n", 1)
    texts = _texts(parse_decree(text, source="cikadu.txt").jabatan)
    assert texts[0][3] == "Rekap Kanal Penga-"
    assert all(SOFT not in part for row in texts for part in row)
