"""PDF decrees with a text layer (pdfplumber): ruled tables over pages, furniture, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pokin import ImportDocumentError
from pokin.decree import import_decree

STYLE = getSampleStyleSheet()["BodyText"]
HEADER = ["No", "Sasaran", "Indikator Kinerja Individu", "Formulasi", "Sumber Data", "Target"]


def _furniture(c: canvas.Canvas, doc: object) -> None:
    c.setFont("Helvetica", 8)
    c.drawString(40, 570, "LAMPIRAN KEPUTUSAN CAMAT MEKARSARI NOMOR 050/3/2025")
    c.drawCentredString(420, 20, f"- {c.getPageNumber()} -")


def cell(text: str) -> Paragraph:
    return Paragraph(text, STYLE)


def mekarsari(path: Path, *, staff: int = 2, rows_per_staff: int = 14) -> Path:
    """A decree PDF: a title, then per position its title and TUGAS as text and a ruled
    table long enough to break across pages (header row repeated)."""
    story: list[object] = [cell("KEPUTUSAN CAMAT MEKARSARI"), cell("KECAMATAN MEKARSARI")]
    for n in range(1, staff + 1):
        story += [
            cell(f"JABATAN : PENGADMINISTRASI UMUM {n}"),
            cell("TUGAS : Membantu Kepala Sub Bagian Umum dalam administrasi surat."),
            Spacer(1, 6),
        ]
        data: list[list[object]] = [HEADER]
        data += [
            [
                f"{r}.",
                cell(f"Tertibnya administrasi surat ke-{r} unit {n}"),
                cell(f"Persentase surat ke-{r} yang diagendakan tepat waktu"),
                cell("Jumlah surat diagendakan / jumlah surat masuk x 100%"),
                cell("Buku agenda"),
                "100%",
            ]
            for r in range(1, rows_per_staff + 1)
        ]
        table = Table(data, repeatRows=1, colWidths=[30, 150, 170, 200, 100, 60])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story += [table, Spacer(1, 12)]
    file = path / "mekarsari.pdf"
    doc = SimpleDocTemplate(str(file), pagesize=landscape(A4))
    doc.build(story, onFirstPage=_furniture, onLaterPages=_furniture)
    return file


def test_a_ruled_table_over_pages(tmp_path: Path) -> None:
    result = import_decree(mekarsari(tmp_path))
    tree = result.tree
    assert result.layout == "pdf"
    assert result.skipped == []
    assert tree.summary().startswith("2 jabatan, 28 kinerja, 28 indikator")
    first = tree.jabatan[0]
    assert first.nama == "Pengadministrasi Umum 1"
    assert first.tugas == "Membantu Kepala Sub Bagian Umum dalam administrasi surat."
    assert [k.uraian for k in first.kinerja][-1] == "Tertibnya administrasi surat ke-14 unit 1"
    last = tree.jabatan[1].kinerja[-1].indikator[0]
    assert (last.uraian, last.formulasi, last.sumber_data, last.target) == (
        "Persentase surat ke-14 yang diagendakan tepat waktu",
        "Jumlah surat diagendakan / jumlah surat masuk x 100%",
        "Buku agenda",
        "100",  # "100%" without a Satuan column: satuan "%"
    )


def test_a_scanned_pdf_says_run_ocr(tmp_path: Path) -> None:
    file = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(file))
    c.rect(50, 50, 400, 600, fill=1)  # an image of a page: no text
    c.showPage()
    c.save()
    with pytest.raises(ImportDocumentError, match="OCR") as info:
        import_decree(file)
    assert "lapisan teks" in info.value.message


def test_an_encrypted_pdf_says_remove_the_password(tmp_path: Path) -> None:
    file = tmp_path / "kunci.pdf"
    c = canvas.Canvas(str(file), encrypt="rahasia")
    c.drawString(50, 800, "JABATAN : CAMAT")
    c.save()
    with pytest.raises(ImportDocumentError, match="kata sandi"):
        import_decree(file)


def test_a_damaged_pdf_is_one_clear_error(tmp_path: Path) -> None:
    file = tmp_path / "rusak.pdf"
    file.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%garbage")
    with pytest.raises(ImportDocumentError, match="rusak"):
        import_decree(file)


def test_a_table_drawn_without_lines_is_read_from_the_words_positions(tmp_path: Path) -> None:
    header = ["NO", "KINERJA", "INDIKATOR KINERJA", "FORMULASI", "SUMBER DATA"]
    rows = [
        ["1.", cell("Meningkatnya kualitas layanan"), cell("Persentase layanan tepat waktu"),
         cell("Selesai / masuk x 100%"), "Register"],
        ["", "", cell("Nilai IKM"), cell("Hasil survei"), "Laporan SKM"],
        ["2.", cell("Tertibnya arsip"), cell("Jumlah arsip tertata"), cell("Jumlah arsip"),
         "Buku arsip"],
    ]  # fmt: skip
    table = Table([header, *rows], colWidths=[30, 170, 200, 200, 100])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))  # no grid at all
    file = tmp_path / "tanpa-garis.pdf"
    story = [cell("JABATAN : KEPALA SEKSI PELAYANAN"), cell("TUGAS : Membantu Camat."), table]
    SimpleDocTemplate(str(file), pagesize=landscape(A4)).build(story)
    result = import_decree(file)
    assert result.layout == "pdf (pdf-layout)"
    kasi = result.tree.jabatan[0]
    assert [(i.uraian, i.formulasi, i.sumber_data) for i in kasi.kinerja[0].indikator] == [
        ("Persentase layanan tepat waktu", "Selesai / masuk x 100%", "Register"),
        ("Nilai IKM", "Hasil survei", "Laporan SKM"),
    ]
    assert kasi.kinerja[1].indikator[0].uraian == "Jumlah arsip tertata"


def test_the_cli_refuses_a_scanned_pdf_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pokin.cli import main

    file = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(file))
    c.rect(50, 50, 400, 600, fill=1)
    c.save()
    assert main(["import", str(file), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "OCR" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_a_two_page_decree_drops_its_running_head(tmp_path: Path) -> None:
    from reportlab.platypus import PageBreak

    table = Table([HEADER, ["1.", cell("Tertibnya surat"), cell("Jumlah surat"), "Jumlah",
                            "Agenda", "12"]])  # fmt: skip
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        cell("JABATAN : PENGADMINISTRASI UMUM"),
        cell("TUGAS : Membantu Kepala Sub Bagian Umum dalam administrasi surat."),
        PageBreak(),  # the table on the next page, under its running head
        table,
    ]
    file = tmp_path / "dua-halaman.pdf"
    SimpleDocTemplate(str(file), pagesize=landscape(A4)).build(
        story, onFirstPage=_furniture, onLaterPages=_furniture
    )
    (staf,) = import_decree(file).tree.jabatan
    assert staf.tugas == "Membantu Kepala Sub Bagian Umum dalam administrasi surat."
    assert [k.uraian for k in staf.kinerja] == ["Tertibnya surat"]
