"""A heading that opens a position's part of the lampiran ("II.3. INDIKATOR KINERJA
INDIVIDU SEKRETARIS KECAMATAN", "IKI JABATAN ...", "Lampiran II.5" over "D. KEPALA
SEKSI ...") is no one's text: never the previous position's catatan, a CLI note, a lost
line or a table cell; a note the decree writes below a table stays its position's.

The invented Tanjungsari decree (tests/fixtures/readers/make_tanjungsari.py) as Chromium
printed it (pdfplumber), its ``pdftotext -layout`` text, and the same decree written in
Word, as Word "save as text" (tabs) and as markdown.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import docx
import pytest

from pokin.decree import ImportResult, import_decree

from .decree_files import Cells, add_table
from .scripts import load_script

HERE = Path(__file__).parent / "fixtures" / "readers"


def _source() -> ModuleType:
    return load_script(HERE / "make_tanjungsari.py")


SOURCE = _source()
NOTES = {
    "camat-tanjungsari": "Catatan: target menyesuaikan hasil survei tahun 2025.",
    "arsiparis-ahli-pertama": "Catatan: arsip inaktif dihitung terpisah.",
}


def _word(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("KEPUTUSAN CAMAT TANJUNGSARI NOMOR 800/14/KEC.TJS/2026")
    for headings, nama, atasan, tugas, kinerja, note in SOURCE.POSITIONS:
        for heading in headings:
            document.add_paragraph(heading)
        document.add_paragraph(f"Nama Jabatan : {nama}")
        if atasan:
            document.add_paragraph(f"Atasan Langsung : {atasan}")
        document.add_paragraph(f"Tugas : {tugas}")
        rows: list[Cells] = [list(SOURCE.HEADER)]
        for number, (uraian, indicators) in enumerate(kinerja, 1):
            rows += [[str(number), uraian, *row] for row in indicators]
        add_table(document, rows)
        if note:
            document.add_paragraph(note)
    file = path / "tanjungsari.docx"
    document.save(str(file))
    return file


def _tab_text() -> str:
    lines = ["KEPUTUSAN CAMAT TANJUNGSARI NOMOR 800/14/KEC.TJS/2026", ""]
    for headings, nama, atasan, tugas, kinerja, note in SOURCE.POSITIONS:
        lines += headings
        lines += [f"JABATAN\t:\t{nama}"]
        lines += [f"ATASAN LANGSUNG\t:\t{atasan}"] if atasan else []
        lines += [f"TUGAS\t:\t{tugas}", "\t".join(SOURCE.HEADER)]
        for number, (uraian, indicators) in enumerate(kinerja, 1):
            lines += ["\t".join([str(number), uraian, *row]) for row in indicators]
        lines += [note] if note else []
        lines.append("")
    return "\r\n".join(lines) + "\r\n"


def _markdown() -> str:
    lines = ["# KEPUTUSAN CAMAT TANJUNGSARI NOMOR 800/14/KEC.TJS/2026", ""]
    for headings, nama, atasan, tugas, kinerja, note in SOURCE.POSITIONS:
        lines += [*(f"**{heading}**" for heading in headings), ""]
        lines += [f"JABATAN : {nama}", ""]
        lines += [f"ATASAN LANGSUNG : {atasan}", ""] if atasan else []
        lines += [f"TUGAS : {tugas}", ""]
        lines += ["| " + " | ".join(SOURCE.HEADER) + " |", "|" + "---|" * len(SOURCE.HEADER)]
        for number, (uraian, indicators) in enumerate(kinerja, 1):
            lines += ["| " + " | ".join([str(number), uraian, *row]) + " |" for row in indicators]
        lines += ["", note] if note else []
        lines.append("")
    return "\n".join(lines)


def _check(result: ImportResult, *, notes_skipped: bool = False) -> None:
    """Cells as written; no heading anywhere; the notes in their positions' catatan (said
    once each), or, in tab text where a text line in a table is skipped, the skipped lines."""
    tree = result.tree
    assert [s.text for s in result.skipped] == (list(NOTES.values()) if notes_skipped else [])
    notes = {} if notes_skipped else NOTES
    assert [j.nama for j in tree.jabatan] == [p[1] for p in SOURCE.POSITIONS]
    for jabatan, position in zip(tree.jabatan, SOURCE.POSITIONS, strict=True):
        written = [
            (k.uraian, [(i.uraian, i.formulasi, i.sumber_data, i.satuan, i.target) for i in ks])
            for k, ks in ((k, k.indikator) for k in jabatan.kinerja)
        ]
        assert written == [(u, [tuple(r) for r in rows]) for u, rows in position[4]], jabatan.id
        catatan = jabatan.catatan or ""
        assert catatan.count("Teks keputusan") == (jabatan.id in notes), (jabatan.id, catatan)
        if jabatan.id in notes:
            assert notes[jabatan.id] in catatan
        for heading in (h for p in SOURCE.POSITIONS for h in p[0]):
            assert heading.split()[0] not in catatan, (jabatan.id, catatan)
    said = [note for _, note in result.notes if "bukan tugas, fungsi" in note]
    assert len(said) == len(notes), said


@pytest.mark.parametrize("name", ["tanjungsari-2026.pdf", "tanjungsari-2026.txt"])
def test_pdf_and_layout_text(name: str) -> None:
    result = import_decree(HERE / name)
    assert result.layout == {"pdf": "pdf", "txt": "pdf-layout"}[name.rsplit(".", 1)[1]]
    _check(result)


def test_word_paragraphs(tmp_path: Path) -> None:
    result = import_decree(_word(tmp_path))
    assert result.layout == "docx"
    _check(result)


def test_word_save_as_text(tmp_path: Path) -> None:
    file = tmp_path / "tanjungsari.txt"
    file.write_bytes(_tab_text().encode())
    result = import_decree(file)
    assert result.layout == "tab"
    _check(result, notes_skipped=True)


def test_markdown(tmp_path: Path) -> None:
    file = tmp_path / "tanjungsari.md"
    file.write_text(_markdown(), encoding="utf-8")
    result = import_decree(file)
    assert result.layout == "markdown"
    _check(result)


def test_a_last_note_before_a_title_is_kept() -> None:
    """Text in sentences below a table, right above the next title, stays its position's."""
    from pokin.decree.headings import heading_line

    assert not heading_line("Target disesuaikan dengan APBD Perubahan tahun berjalan.")
    assert not heading_line("Keterangan: IKM dihitung per semester")


PDF_TEXT = """KEPUTUSAN CAMAT TANJUNGSARI

1. JABATAN : PENGADMINISTRASI UMUM

2. TUGAS : Melakukan administrasi surat.

KINERJA UTAMA INDIKATOR KINERJA UTAMA FORMULASI PERHITUNGAN/ PENJELASAN SUMBER DATA

1 2 3 4

Tertibnya administrasi
surat

Jumlah surat masuk yang tercatat Jumlah surat masuk yang dicatat

Agenda Surat Masuk

{heading}

1. JABATAN : PENGOLAH DATA KEPEGAWAIAN

2. TUGAS : Mengolah data pegawai.

KINERJA UTAMA INDIKATOR KINERJA UTAMA FORMULASI PERHITUNGAN/ PENJELASAN SUMBER DATA

1 2 3 4

Mutakhirnya data
pegawai

Jumlah data pegawai yang dimutakhirkan Jumlah data pegawai yang diperbarui

Data SIMPEG
"""


@pytest.mark.parametrize(
    "heading",
    [
        "II.2. INDIKATOR KINERJA INDIVIDU PENGOLAH DATA\nKEPEGAWAIAN",
        "IKI JABATAN PENGOLAH DATA KEPEGAWAIAN",
        "LAMPIRAN II.2",
    ],
)
def test_pdf_text_cells_per_line(tmp_path: Path, heading: str) -> None:
    """PDF text with one cell per line: the heading is no cell of the table above."""
    file = tmp_path / "tanjungsari.txt"
    file.write_text(PDF_TEXT.format(heading=heading), encoding="utf-8")
    result = import_decree(file)
    assert result.layout == "pdf-text"
    assert result.skipped == []
    first, second = result.tree.jabatan
    assert [(k.uraian, [i.uraian for i in k.indikator]) for k in first.kinerja] == [
        ("Tertibnya administrasi surat", ["Jumlah surat masuk yang tercatat"])
    ]
    assert [i.uraian for _, i in result.tree.iter_indikator()][-1] == (
        "Jumlah data pegawai yang dimutakhirkan"
    )
    assert second.nama == "Pengolah Data Kepegawaian"


def test_a_heading_not_followed_by_a_title_stays_where_it_was(tmp_path: Path) -> None:
    """Held lines are given back when no position's title follows: a capitals line below
    the table, then a note, stay the block's text (its catatan), in order."""
    document = docx.Document()
    document.add_paragraph("JABATAN : PENGADMINISTRASI UMUM")
    document.add_paragraph("TUGAS : Melakukan administrasi surat.")
    add_table(
        document,
        [["No", "Kinerja", "Indikator", "Target"], ["1", "Tertibnya surat", "Jumlah surat", "100"]],
    )
    document.add_paragraph("REKAPITULASI DIISI SETIAP TRIWULAN")
    document.add_paragraph("Catatan: target menyesuaikan APBD.")
    file = tmp_path / "x.docx"
    document.save(str(file))
    catatan = import_decree(file).tree.jabatan[0].catatan or ""
    assert catatan.index("REKAPITULASI") < catatan.index("Catatan: target")
