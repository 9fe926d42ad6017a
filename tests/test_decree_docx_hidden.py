"""Word text that is not shown (hidden runs) is left out, and tracked changes not yet
accepted are read as their latest version, with a note (QA7 #17). Invented decree."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pokin.decree import import_decree

from .decree_files import add_table


def _revise(paragraph: object, old: str, new: str) -> None:
    """Replace the paragraph's text by a tracked change: ``old`` deleted, ``new`` inserted."""
    p = paragraph._p  # type: ignore[attr-defined]
    for run in list(p.iterchildren(qn("w:r"))):
        p.remove(run)
    for tag, text_tag, text in (("w:del", "w:delText", old), ("w:ins", "w:t", new)):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:del" else "2")
        change.set(qn("w:author"), "Operator")
        run = OxmlElement("w:r")
        node = OxmlElement(text_tag)
        node.text = text
        run.append(node)
        change.append(run)
        p.append(change)


def test_hidden_runs_are_left_out_and_revisions_said(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("JABATAN : KEPALA SEKSI PEMBERDAYAAN MASYARAKAT")
    add_table(
        d,
        [
            ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Target"],
            ["1.", "Meningkatnya swadaya warga", "Jumlah kelompok swadaya", "Hitungan", "12"],
        ],
    )
    table = d.tables[0]
    formula = table.cell(1, 3).paragraphs[0]
    hidden = formula.add_run(" (cek ulang dengan PKK)")
    hidden.font.hidden = True
    _revise(table.cell(1, 4).paragraphs[0], "12", "15")
    path = tmp_path / "pemberdayaan.docx"
    d.save(str(path))
    result = import_decree(path)
    (indikator,) = result.tree.jabatan[0].kinerja[0].indikator
    assert indikator.formulasi == "Hitungan"
    assert str(indikator.target) == "15"
    notes = [note for _, note in result.notes]
    assert (
        notes.count(
            "dokumen memuat perubahan terlacak yang belum diterima: dibaca versi terakhirnya"
        )
        == 1
    )
    assert any("dilewati: «(cek ulang dengan PKK)»" in note for note in notes)


def test_text_hidden_by_a_style_is_left_out(tmp_path: Path) -> None:
    """Hiding set on a character style, on a style it is based on, or on the paragraph's
    style hides the text as a hidden run does; a run switched back on shows."""
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    note = d.styles.add_style("Catatan Operator", WD_STYLE_TYPE.CHARACTER)
    note.font.hidden = True
    draft = d.styles.add_style("Catatan Draf", WD_STYLE_TYPE.CHARACTER)
    draft.base_style = note  # hides through the style it is based on
    internal = d.styles.add_style("Paragraf Internal", WD_STYLE_TYPE.PARAGRAPH)
    internal.font.hidden = True
    d.add_paragraph("JABATAN : KEPALA SEKSI KESEJAHTERAAN SOSIAL")
    add_table(
        d,
        [
            ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Target"],
            ["1.", "Meningkatnya layanan sosial", "Jumlah warga terlayani", "Hitungan", "40"],
        ],
    )
    cell = d.tables[0].cell(1, 3)
    cell.paragraphs[0].add_run(" (usul Kasi)").style = note
    cell.paragraphs[0].add_run(" (versi lama)").style = draft
    shown = cell.paragraphs[0].add_run(" per tahun")
    shown.style = note
    shown.font.hidden = False  # the run's own setting wins over its style
    cell.add_paragraph("Bahan rapat internal, jangan dicetak").style = internal
    path = tmp_path / "kesos.docx"
    d.save(str(path))
    result = import_decree(path)
    (indikator,) = result.tree.jabatan[0].kinerja[0].indikator
    assert indikator.formulasi == "Hitungan per tahun"
    notes = " ".join(note for _, note in result.notes)
    for text in ("(usul Kasi)", "(versi lama)", "Bahan rapat internal, jangan dicetak"):
        assert f"«{text}»" in notes or text in notes, notes
