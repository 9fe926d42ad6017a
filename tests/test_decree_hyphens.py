"""Words broken over two lines at a hyphen (QA6 #3): the typesetter's break is joined, a
real hyphen is kept.

Two PDFs: Chromium's print of the invented Sumberjaya decree (soft hyphens in narrow
cells, real compounds broken at their own hyphen; ``fixtures/readers/make_sumberjaya.py``)
and a Word-like ruled table written here with ASCII hyphens and a soft hyphen at line ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as Text
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from pokin.decree import import_decree
from pokin.decree.cells import join_wrapped
from pokin.decree.hyphens import typeset_break

READERS = Path(__file__).parent / "fixtures" / "readers"


def _texts(path: Path) -> list[tuple[str, ...]]:
    tree = import_decree(path).tree
    return [
        (k.uraian, i.uraian, i.formulasi or "", i.sumber_data or "")
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


SUMBERJAYA = [
    (
        "Meningkatnya kualitas pelayanan administrasi terpadu kecamatan",
        "Persentase permohonan e-KTP yang selesai sehari-hari",
        "Permohonan e-KTP terselesaikan dibagi permohonan masuk x 100%",
        "Register Pelayanan",
    ),
    (
        "Meningkatnya kualitas pelayanan administrasi terpadu kecamatan",
        "Persentase pengaduan SP4N-LAPOR yang ditindaklanjuti",
        "Waktu rata-rata tindak lanjut pengaduan SP4N-LAPOR",
        "Aplikasi SP4N-LAPOR",
    ),
    (
        "Terselenggaranya pemberdayaan kader-kader posyandu",
        "Jumlah para kader-kader posyandu yang dilatih",
        "Jumlah kader-kader terlatih dalam satu tahun",
        "Laporan Pemberdayaan Masyarakat",
    ),
]


def test_chromium_pdf_read_directly_has_whole_words() -> None:
    """Chromium writes a soft hyphen as a space that takes no room ("disele saikan",
    "Mening ‐" / "katnya"); the words come back whole, and the compounds it broke at their
    own hyphen (e- / KTP, SP4N- / LAPOR, rata- / rata, kader- / kader) keep it."""
    assert _texts(READERS / "sumberjaya-2026.pdf") == SUMBERJAYA


def _word_pdf(path: Path) -> Path:
    """A ruled table whose cells break lines where a Word PDF does: ASCII hyphens at line
    ends, a soft hyphen (U+00AD) that stayed in the text (an embedded font, whose
    ToUnicode map keeps it)."""
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))  # shipped with reportlab
    cells = [
        ["No", "Kinerja", "Indikator", "Formulasi", "Sumber Data"],
        [
            "1",
            "Mening-\nkatnya ketente-\nraman umum",
            "Jumlah kader-\nkader linmas yang\nterlatih",
            "Jumlah anggota e-\nKinerja terisi",
            "Laporan Seksi\nTrantib-\nLinmas",
        ],
        [
            "2",
            "Terselesai\u00ad\nkannya administrasi",
            "Persentase surat SP4N-\nLAPOR dijawab",
            "Surat dijawab dibagi\nsurat masuk x 100%",
            "Buku Agenda",
        ],
    ]
    table = Table(cells)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), "Vera")]
    table.setStyle(TableStyle(style))
    file = path / "word.pdf"
    story = [Text("JABATAN : KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM"), table]
    SimpleDocTemplate(str(file), pagesize=A4).build(story)
    return file


def test_word_pdf_hyphens_at_line_ends(tmp_path: Path) -> None:
    assert _texts(_word_pdf(tmp_path)) == [
        (
            "Meningkatnya ketenteraman umum",
            "Jumlah kader-kader linmas yang terlatih",
            "Jumlah anggota e-Kinerja terisi",
            "Laporan Seksi Trantib-Linmas",
        ),
        (
            "Terselesaikannya administrasi",
            "Persentase surat SP4N-LAPOR dijawab",
            "Surat dijawab dibagi surat masuk x 100%",
            "Buku Agenda",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "more", "joined"),
    [
        ("Mening-", "katnya", "Meningkatnya"),
        ("Mening\u2010", "katnya", "Meningkatnya"),  # Chromium's break hyphen
        ("Mening\u00ad\u2010", "katnya", "Meningkatnya"),  # pdftotext: soft + its hyphen
        ("Rata\u00ad", "rata", "Ratarata"),  # a soft hyphen is always the typesetter's
        ("Nilai rata-", "rata", "Nilai rata-rata"),
        ("tolong-", "menolong", "tolong-menolong"),
        ("sayur-", "mayur", "sayur-mayur"),
        ("permohonan e-", "KTP", "permohonan e-KTP"),
        ("pengaduan SP4N-", "LAPOR", "pengaduan SP4N-LAPOR"),
        ("PBB-", "P2", "PBB-P2"),
        ("kunjungan ke-", "2", "kunjungan ke-2"),
        ("tingkat se-", "Kecamatan", "tingkat se-Kecamatan"),
        ("KECAMA-", "TAN", "KECAMA-TAN"),  # capitals: no sure sign, the hyphen stays
        ("Jumlah laporan -", "triwulan", "Jumlah laporan - triwulan"),  # a dash
        ("Kab/Kota-", "kota", "Kab/Kota-kota"),
    ],
)
def test_join_wrapped_hyphens(text: str, more: str, joined: str) -> None:
    assert join_wrapped(text, more) == joined


def test_typeset_break_needs_letters_on_both_sides() -> None:
    assert typeset_break("pemerin", "tahannya")
    assert not typeset_break("pemerin", "2")
    assert not typeset_break("x", "katnya")
