"""Defects of the fifth QA pass on the decree importer (numbers from notes/qa5.md).

Every fixture is invented ("Kecamatan Bukit Sentosa"), in the decrees' style, not a copy of
the QA inputs: decrees in layouts the earlier passes had not tried.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from pokin import ImportDocumentError
from pokin.cli import main
from pokin.decree import import_decree
from pokin.models import PohonKinerja

TITLE = "INDIKATOR KINERJA INDIVIDU KECAMATAN BUKIT SENTOSA TAHUN 2025"
# (jabatan, tugas, [(kinerja, indikator, formulasi, sumber, satuan, target 2025, target 2026)])
BLOCKS = [
    (
        "CAMAT",
        "Memimpin penyelenggaraan pemerintahan kecamatan.",
        [
            (
                "Meningkatnya pelayanan publik",
                "Indeks Kepuasan Masyarakat",
                "Rata-rata nilai unsur",
                "Laporan SKM",
                "indeks",
                "81,5",
                "83",
            ),
            (
                "Meningkatnya pelayanan publik",
                "Persentase izin selesai tepat waktu",
                "Izin tepat waktu ÷ izin × 100%",
                "Register izin",
                "%",
                "95",
                "96",
            ),
        ],
    ),
    (
        "KEPALA SEKSI PELAYANAN",
        "Membantu Camat menyiapkan bahan pelayanan.",
        [
            (
                "Persentase izin selesai tepat waktu",
                "Jumlah berkas izin yang diverifikasi",
                "Jumlah berkas diverifikasi",
                "Register verifikasi",
                "berkas",
                "1.250",
                "1.300",
            ),
        ],
    ),
]


def _rows(tree: PohonKinerja) -> list[tuple[str, str, str, str | None, str | None]]:
    return [
        (j.nama, k.uraian, i.uraian, i.formulasi, None if i.target is None else str(i.target))
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


EXPECTED = [
    (
        "Camat",
        "Meningkatnya pelayanan publik",
        "Indeks Kepuasan Masyarakat",
        "Rata-rata nilai unsur",
        "81,5",
    ),
    (
        "Camat",
        "Meningkatnya pelayanan publik",
        "Persentase izin selesai tepat waktu",
        "Izin tepat waktu ÷ izin × 100%",
        "95",
    ),
    (
        "Kepala Seksi Pelayanan",
        "Persentase izin selesai tepat waktu",
        "Jumlah berkas izin yang diverifikasi",
        "Jumlah berkas diverifikasi",
        "1.250",
    ),
]


# -- #1: markdown whose only tables are HTML, header over two rows ------------------------


def _html_decree() -> str:
    out = [f"# {TITLE}", ""]
    for nama, tugas, rows in BLOCKS:
        out += [f"**JABATAN : {nama}**", "", f"**TUGAS :** {tugas}", "", "<table>"]
        heads = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan"]
        out.append(
            "<tr>"
            + "".join(f'<th rowspan="2">{h}</th>' for h in heads)
            + '<th colspan="2">Target</th></tr>'
        )
        out.append("<tr><th>2025</th><th>2026</th></tr>")
        for n, row in enumerate(rows, 1):
            out.append("<tr>" + "".join(f"<td>{v}</td>" for v in (n, *row)) + "</tr>")
        out += ["</table>", ""]
    return "\n".join(out)


def test_markdown_with_only_html_tables_is_read_as_markdown(tmp_path: Path) -> None:
    """QA5 #1: with no pipe table the file went to the flattened-PDF reader: 0 kinerja,
    every table's HTML in a tugas, exit 0."""
    path = tmp_path / "iki.md"
    path.write_text(_html_decree(), encoding="utf-8")
    result = import_decree(path)
    assert result.layout == "markdown"
    assert _rows(result.tree) == EXPECTED
    camat = result.tree.jabatan[0]
    assert camat.tugas == "Memimpin penyelenggaraan pemerintahan kecamatan."
    periods = camat.kinerja[0].indikator[0].per_periode
    assert [(p.periode, p.target) for p in periods] == [("2025", "81,5"), ("2026", "83")]
    assert not result.skipped


def test_blocks_without_one_readable_row_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA5 #1: a decree whose tables are not recognised at all gave a tree of empty
    positions and exit 0; it is refused, naming the first block's line."""
    path = tmp_path / "iki.md"
    path.write_text(_html_decree().replace("<table>", "<div>"), encoding="utf-8")
    with pytest.raises(ImportDocumentError, match="tidak satu pun baris tabel") as info:
        import_decree(path)
    assert info.value.line == 3
    out = tmp_path / "x.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 2
    assert "2 blok jabatan ditemukan" in capsys.readouterr().err
    assert not out.exists()


# -- #2: Word "save as text" with the label's number in a cell of its own ------------------


def _tab_decree() -> str:
    out = [TITLE, ""]
    for nama, tugas, rows in BLOCKS:
        out += [f"1.\tJABATAN\t:\t{nama}", f"2.\tTUGAS\t:\t{tugas}", ""]
        out.append("No\tKinerja\tIndikator Kinerja\tFormulasi\tSumber Data\tSatuan\tTarget")
        for n, row in enumerate(rows, 1):
            out.append("\t".join([str(n), *row[:6]]))
        out.append("")
    return "\r\n".join(out)


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8"])
def test_numbered_label_in_its_own_cell(tmp_path: Path, encoding: str) -> None:
    """QA5 #2: "1.<tab>JABATAN<tab>:<tab>CAMAT" (a numbered list saved as text) was "not a
    decree: no jabatan block", in every encoding."""
    path = tmp_path / "iki.txt"
    path.write_bytes(_tab_decree().encode(encoding))
    result = import_decree(path)
    assert _rows(result.tree) == EXPECTED
    assert result.tree.jabatan[0].tugas == "Memimpin penyelenggaraan pemerintahan kecamatan."
    assert result.tree.jabatan[1].atasan == "camat"


# -- #3: a header over two lines, "Target" written once over "2025 | 2026" ----------------


def _split_header_text(sep: str, pipes: bool) -> str:
    top = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
    below = ["", "", "", "", "", "", "2025", "2026"]

    def line(cells: list[str]) -> str:
        return f"| {' | '.join(cells)} |" if pipes else sep.join(cells)

    out = [TITLE, ""]
    for nama, tugas, rows in BLOCKS:
        out += [f"JABATAN : {nama}", "", f"TUGAS : {tugas}", ""]
        out += [line(top), line(below)]
        if pipes:
            out.append("|" + "---|" * 8)
        out += [line([str(n), *row]) for n, row in enumerate(rows, 1)]
        out.append("")
    return "\n".join(out)


@pytest.mark.parametrize(("name", "pipes"), [("iki.txt", False), ("iki.md", True)])
def test_target_over_two_years_written_once(tmp_path: Path, name: str, pipes: bool) -> None:
    """QA5 #3: in tab text the years' line became a row "(kinerja tidak tertulis)" with
    target "2025 2026" and the two targets one text ("81,5 83"), exit 0; the pipe table
    with the years' row above its separator was "not a decree"."""
    path = tmp_path / name
    path.write_text(_split_header_text("\t", pipes), encoding="utf-8")
    result = import_decree(path)
    assert _rows(result.tree) == EXPECTED
    ikm = result.tree.jabatan[0].kinerja[0].indikator[0]
    assert [(p.periode, p.target) for p in ikm.per_periode] == [("2025", "81,5"), ("2026", "83")]
    assert not result.skipped
    assert not result.notes


# -- #4: a PDF table drawn without lines, proportional font, long cells --------------------


def _unruled_pdf(path: Path, *, years: bool) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    style.fontSize, style.leading = 8, 9.5
    heads = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
    story: list[object] = [Paragraph(TITLE, style)]
    for nama, tugas, rows in BLOCKS * 3:  # long enough to go over a page
        story += [Paragraph(f"JABATAN : {nama}", style), Paragraph(f"TUGAS : {tugas}", style)]
        data: list[list[object]] = [[*heads, ""]] if years else [list[object](heads)]
        if years:
            data.append(["", "", "", "", "", "", "2025", "2026"])
        for n, row in enumerate(rows * 2, 1):
            cells = row if years else row[:6]
            data.append([str(n), *(Paragraph(f"{v} {v}" if k < 3 else v, style)
                                   for k, v in enumerate(cells))])  # fmt: skip
        widths = [28, 140, 150, 170, 90, 45] + ([45, 45] if years else [45])
        table = Table(data, colWidths=widths, repeatRows=1)  # the years are not repeated
        spans = [("SPAN", (6, 0), (7, 0))] if years else []
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]))
        story += [table, Spacer(1, 10)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    return path


def _doubled(rows: list[tuple[str, str, str, str, str]]) -> list[object]:
    return [(j, f"{k} {k}", f"{i} {i}", f"{f} {f}", t) for j, k, i, f, t in rows]


@pytest.mark.parametrize("years", [False, True])
def test_unruled_pdf_with_long_cells_keeps_its_columns(tmp_path: Path, years: bool) -> None:
    """QA5 #4: with a proportional font a long cell pushed the next ones right, under the
    next column: the rows were scrambled (13 of 14 wrong) and only the first reported; the
    years under "Target" became a row of their own, and the repeated header (without its
    years) joined the two targets."""
    result = import_decree(_unruled_pdf(tmp_path / "iki.pdf", years=years))
    assert result.layout == "pdf (pdf-layout)"
    assert not result.skipped
    rows = _rows(result.tree)
    assert len(rows) == 3 * 2 * 3
    expected = _doubled(EXPECTED)
    assert rows[:2] == expected[:2]  # the Camat's two rows (its kinerja merged)
    assert rows[4:6] == [expected[2], expected[2]]
    assert set(rows) == set(expected)
    if years:
        for jabatan in result.tree.jabatan:
            for kinerja in jabatan.kinerja:
                for indikator in kinerja.indikator:
                    assert [p.periode for p in indikator.per_periode] == ["2025", "2026"]


# -- #5: an office workbook, title merged across the sheet, header further down -----------


def test_workbook_title_merged_across_the_row(tmp_path: Path) -> None:
    """QA5 #5: a title merged over A1:H1 was copied into every cell it spans: the judul
    was the title 8 times, and each title row "tidak diimpor" (exit 1 for a sound file)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "LAMPIRAN KEPUTUSAN CAMAT BUKIT SENTOSA"
    sheet["A2"] = TITLE
    sheet["A3"] = "NOMOR 800/7/BS/2025"
    for line in (1, 2, 3):
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=8)
    head = ["No", "Jabatan", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data"]
    sheet.append([])
    sheet.append([*head, "Satuan", "Target"])
    number = 0
    for nama, _, rows in BLOCKS:
        for row in rows:
            number += 1
            sheet.append([number, nama, *row[:6]])
    path = tmp_path / "iki.xlsx"
    book.save(path)
    result = import_decree(path)
    assert _rows(result.tree) == EXPECTED
    dokumen = result.tree.organisasi.dokumen
    assert dokumen is not None
    assert dokumen.judul == "Indikator Kinerja Individu Kecamatan Bukit Sentosa Tahun 2025"
    assert dokumen.nomor == "800/7/BS/2025"
    assert not result.skipped
    assert main(["import", str(path), "-o", str(tmp_path / "x.yaml")]) == 0


# -- #6: a workbook that is a zip bomb ---------------------------------------------------


def test_a_workbook_zip_bomb_is_refused_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA5 #6: the .docx bomb was refused as a zip bomb, the .xlsx one was unpacked by
    openpyxl (to tell pokin's matrix apart) and said "rusak (OSError)"."""
    import zipfile

    monkeypatch.setenv("POKIN_MAX_UNPACKED_MB", "2")
    path = tmp_path / "iki.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook>" + " " * 5_000_000 + "</workbook>")
    with pytest.raises(ImportDocumentError, match="membengkak"):
        import_decree(path)
    assert main(["import", str(path), "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "zip bomb" in err
    assert "Error)" not in err


# -- #7: Word, each kinerja a paragraph above a table of its indicators -------------------


@pytest.mark.parametrize("label", ["Kinerja", "Sasaran", "Rencana Kinerja", "2. Hasil Kerja"])
def test_kinerja_paragraph_above_an_indicator_table(tmp_path: Path, label: str) -> None:
    """QA5 #7: "Kinerja: X" above a table "Indikator | Target" was dropped without a word:
    every kinerja "(kinerja tidak tertulis)", a position's kinerja run together, exit 0."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    for nama, tugas, rows in BLOCKS:
        document.add_paragraph(f"JABATAN : {nama}")
        document.add_paragraph(f"TUGAS : {tugas}")
        for kinerja in dict.fromkeys(row[0] for row in rows):
            document.add_paragraph(f"{label} : {kinerja}")
            table = document.add_table(rows=1, cols=3)
            heads = ["Indikator", "Formulasi", "Target"]
            for cell, text in zip(table.rows[0].cells, heads, strict=True):
                cell.text = text
            for row in rows:
                if row[0] == kinerja:
                    cells = table.add_row().cells
                    for cell, text in zip(cells, [row[1], row[2], row[5]], strict=True):
                        cell.text = text
    path = tmp_path / "iki.docx"
    document.save(str(path))
    result = import_decree(path)
    assert _rows(result.tree) == EXPECTED
    assert [len(j.kinerja) for j in result.tree.jabatan] == [1, 1]
    assert not result.skipped


# -- #4b: the same as PDF text: pdftotext -layout, and one cell per line ---------------------


def _layout_block(
    nama: str, rows: Sequence[tuple[str, ...]], *, indent: int, years: bool
) -> list[str]:
    cols = [0, 5, 45, 90, 125, 145, 155, 165]  # No, Kinerja ... Satuan, 2025, 2026
    heads = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]

    def line(cells: list[str]) -> str:
        text = ""
        for at, cell in zip(cols, cells, strict=False):
            text += " " * max(indent + at - len(text), 2 if text else 0) + cell
        return text.rstrip()

    out = [f"JABATAN : {nama}", line(heads)]
    if years:
        out += ["", line([""] * 6 + ["2025", "2026"]), ""]
    for n, row in enumerate(rows, 1):
        out.append(line([str(n), *row]))
    return [*out, ""]


def test_layout_text_years_under_target_and_header_repeated_without_them(tmp_path: Path) -> None:
    """QA5 #4: in ``pdftotext -layout`` text the years' line became a row, and a header
    repeated on the next page (another indent, no years line) joined the two targets."""
    camat, kasi = BLOCKS[0], BLOCKS[1]
    text = [TITLE, "", *_layout_block(camat[0], camat[2], indent=3, years=True), "\f"]
    text += _layout_block(kasi[0], kasi[2], indent=14, years=False)
    path = tmp_path / "iki.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    result = import_decree(path)
    assert result.layout == "pdf-layout"
    assert _rows(result.tree) == EXPECTED
    for _, indikator in result.tree.iter_indikator():
        assert len(indikator.per_periode) == 2, indikator.uraian


def test_cell_per_line_text_with_target_written_before_its_years(tmp_path: Path) -> None:
    """QA5 #4: plain pdftotext writes the merged "Target" cell first, then the other
    labels, then the years: every row was read one column off, exit 0."""
    lines = [TITLE, ""]
    for nama, tugas, rows in BLOCKS:
        lines += [f"JABATAN : {nama}", f"TUGAS : {tugas}", "Target", "No", "Kinerja"]
        lines += ["Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "2025", "2026"]
        for n, row in enumerate(rows, 1):
            lines += [f"{n}.", *row]
    path = tmp_path / "iki.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = import_decree(path)
    assert result.layout == "pdf-cells"
    assert _rows(result.tree) == EXPECTED
    assert not result.skipped


def test_cell_per_line_text_keeps_bare_number_targets(tmp_path: Path) -> None:
    """QA5 #12: in one-cell-per-line text a target on a line of its own ("95", "120") was
    taken for a page number and dropped; the rows no longer divided into the columns and
    the whole table was lost."""
    lines = ["KEPUTUSAN CAMAT BUKIT SENTOSA", "JABATAN : KEPALA SEKSI PELAYANAN"]
    lines += ["TUGAS : Membantu Camat.", "No", "Kinerja", "Indikator Kinerja", "Formulasi"]
    lines += ["Satuan", "Target", "1.", "Meningkatnya pelayanan", "Persentase izin selesai"]
    lines += ["Izin selesai / izin x 100%", "persen", "95", "2.", "Tertibnya arsip"]
    lines += ["Jumlah arsip tertata", "Jumlah arsip", "berkas", "120", "- 2 -"]
    path = tmp_path / "iki.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = import_decree(path)
    targets = [i.target for _, i in result.tree.iter_indikator()]
    assert targets == ["95", "120"]
    assert not result.skipped


# -- #13: damaged Word files ---------------------------------------------------------------

_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


@pytest.mark.parametrize(
    "members",
    [
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document>"},
        {"[Content_Types].xml": _TYPES, "word/document.xml": "<w:document><w:body><w:p>"},
        {},
    ],
    ids=["types-without-namespace", "document-cut-short", "empty-zip"],
)
def test_a_damaged_word_file_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], members: dict[str, str]
) -> None:
    """QA5 #13: a .docx whose XML is cut short or malformed ended in a traceback
    (AttributeError, XMLSyntaxError from python-docx/lxml); an empty zip was "not text"."""
    import zipfile

    path = tmp_path / "keputusan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    with pytest.raises(ImportDocumentError, match="rusak"):
        import_decree(path)
    assert main(["import", str(path), "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "simpan ulang" in err
    # the reason in a planner's words, no Python class name (QA9 #7: "(XMLSyntaxError)")
    assert not re.search(r"\((?:[A-Z][a-z]+){2,}\)", err), err
    assert not (tmp_path / "x.yaml").exists()


# -- #14: one long table, each position a row merged across it --------------------------------


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_position_rows_merged_across_one_long_table(tmp_path: Path, kind: str) -> None:
    """QA5 #14: one table for the whole decree, each position's name in a row merged
    across the table above its rows: refused as "tidak ditemukan blok jabatan"."""
    heads = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
    body: list[list[str] | str] = []
    for nama, _, rows in BLOCKS:
        body.append(nama)
        body += [[str(n), *row[:6]] for n, row in enumerate(rows, 1)]
    path = tmp_path / f"iki.{kind}"
    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph(TITLE)
        table = document.add_table(rows=1 + len(body), cols=len(heads))
        for cell, text in zip(table.rows[0].cells, heads, strict=True):
            cell.text = text
        for at, entry in enumerate(body, 1):
            if isinstance(entry, str):
                table.cell(at, 0).merge(table.cell(at, len(heads) - 1)).text = entry
            else:
                for cell, text in zip(table.rows[at].cells, entry, strict=True):
                    cell.text = text
        document.save(str(path))
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append([TITLE])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
        sheet.append(heads)
        for entry in body:
            sheet.append([entry] if isinstance(entry, str) else entry)
            if isinstance(entry, str):
                row = sheet.max_row
                sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        book.save(path)
    result = import_decree(path)
    assert _rows(result.tree) == EXPECTED
    assert result.tree.jabatan[1].atasan == "camat"
    assert not result.skipped


# -- #16: quarterly targets as columns; a Word decree of which no row could be read ----------

QUARTERS = ["TW I", "TW II", "TW III", "TW IV"]


@pytest.mark.parametrize("kind", ["docx", "xlsx", "txt"])
def test_quarterly_target_columns(tmp_path: Path, kind: str) -> None:
    """QA5 #16: "Target | TW I | TW II | TW III | TW IV" was no header (4 unknown columns
    of 10): every row "tidak diimpor", and the .docx gave a tree of empty positions."""
    heads = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Target", *QUARTERS]
    rows = [
        [str(n), row[0], row[1], row[2], row[5], "25", "50", "75", row[5]]
        for _, _, block_rows in BLOCKS
        for n, row in enumerate(block_rows, 1)
    ]
    path = tmp_path / f"iki.{kind}"
    blocks = [(BLOCKS[0][0], rows[:2]), (BLOCKS[1][0], rows[2:])]
    if kind == "docx":
        import docx

        document = docx.Document()
        for nama, part in blocks:
            document.add_paragraph(f"JABATAN : {nama}")
            table = document.add_table(rows=1, cols=len(heads))
            for cells, texts in [(table.rows[0].cells, heads)] + [
                (table.add_row().cells, row) for row in part
            ]:
                for cell, text in zip(cells, texts, strict=True):
                    cell.text = text
        document.save(str(path))
    elif kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["No", "Jabatan", *heads[1:]])
        for nama, part in blocks:
            for row in part:
                sheet.append([row[0], nama, *row[1:]])
        book.save(path)
    else:
        lines = []
        for nama, part in blocks:
            lines += [f"JABATAN : {nama}", "\t".join(heads), *("\t".join(r) for r in part), ""]
        path.write_text("\n".join(lines), encoding="utf-8")
    result = import_decree(path)
    got = [(j, k, i, t) for j, k, i, _, t in _rows(result.tree)]
    assert got == [(j, k, i, t) for j, k, i, _, t in EXPECTED]
    for _, indikator in result.tree.iter_indikator():
        periods = [(p.periode, p.target) for p in indikator.per_periode]
        assert periods == list(zip(QUARTERS, ["25", "50", "75", indikator.target], strict=True))
    assert not result.skipped


def test_word_decree_with_no_readable_row_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA5 #16: blocks whose tables pokin cannot read gave a tree of empty positions from a
    .docx (the text readers already refused it), exit 1 with every row listed."""
    import docx

    document = docx.Document()
    document.add_paragraph("JABATAN : CAMAT")
    table = document.add_table(rows=2, cols=5)
    for cells, texts in [
        (table.rows[0].cells, ["No", "Uraian", "Keterangan", "Bobot", "Nilai"]),
        (table.rows[1].cells, ["1", "a", "b", "c", "d"]),
    ]:
        for cell, text in zip(cells, texts, strict=True):
            cell.text = text
    path = tmp_path / "iki.docx"
    document.save(str(path))
    out = tmp_path / "x.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "tidak satu pun baris tabel" in err
    assert "2 baris tidak terbaca" in err
    assert not out.exists()


# -- #17: a "Realisasi" column -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["txt", "md", "xlsx"])
def test_realisasi_column_is_read(tmp_path: Path, kind: str) -> None:
    """QA5 #17: a decree re-issued with its results ("Target | Realisasi | Capaian") lost
    the realisasi without a word (exit 0)."""
    heads = ["No", "Kinerja", "Indikator Kinerja", "Satuan", "Target", "Realisasi"]
    rows = [
        ["1", "Meningkatnya pelayanan", "Nilai SKM", "indeks", "80", "82,5"],
        ["2", "Meningkatnya pelayanan", "Persentase izin tepat waktu", "%", "95", "90"],
    ]
    path = tmp_path / f"iki.{kind}"
    if kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["JABATAN", ":", "CAMAT"])
        sheet.append(heads)
        for row in rows:
            sheet.append([int(row[0]), *row[1:4], int(row[4]), 82.5 if row[5] == "82,5" else 90])
        book.save(path)
    else:
        line = (lambda c: f"| {' | '.join(c)} |") if kind == "md" else "\t".join
        sep = ["|" + "---|" * len(heads)] if kind == "md" else []
        text = ["JABATAN : CAMAT", "", line(heads), *sep, *(line(r) for r in rows)]
        path.write_text("\n".join(text), encoding="utf-8")
    result = import_decree(path)
    got = [(i.uraian, i.target, i.realisasi) for _, i in result.tree.iter_indikator()]
    assert got == [("Nilai SKM", "80", "82,5"), ("Persentase izin tepat waktu", "95", "90")]


def test_layout_text_header_spaced_unlike_its_rows(tmp_path: Path) -> None:
    """QA5 #18: pdftotext -layout of a ruled table spaced the header line unlike the rows
    ("Kinerja" at column 4, its cells at 8; "Sumber Data" right of its cells): every
    kinerja was read as the indicator, every indicator as the formulasi (exit 0)."""
    heads = "No  Kinerja              Indikator Kinerja     Formulasi                 Sumber Data"
    lines = [TITLE, "", "JABATAN : CAMAT", heads]
    cols = [0, 8, 45, 85, 125]
    for n, (kinerja, indikator, formulasi, sumber, *_) in enumerate(BLOCKS[0][2], 1):
        text = ""
        for at, cell in zip(cols, [str(n), kinerja, indikator, formulasi, sumber], strict=True):
            text += " " * max(at - len(text), 2 if text else 0) + cell
        lines.append(text)
    path = tmp_path / "iki.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = import_decree(path)
    assert result.layout == "pdf-layout"
    got = [
        (k.uraian, i.uraian, i.formulasi, i.sumber_data)
        for k in result.tree.jabatan[0].kinerja
        for i in k.indikator
    ]
    assert got == [(r[0], r[1], r[2], r[3]) for r in BLOCKS[0][2]]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_its_bom(tmp_path: Path, encoding: str) -> None:
    """QA5 #19: UTF-16 saved without a BOM was "berkas biner (memuat byte NUL)", with the
    hint to save it as UTF-16."""
    path = tmp_path / "iki.txt"
    path.write_bytes(_tab_decree().encode(encoding))
    assert _rows(import_decree(path).tree) == EXPECTED
