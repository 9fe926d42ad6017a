"""Time importing decrees as planners receive them: a 100-page PDF, a Word file, a workbook.

    .venv/bin/python bench/bench_decree.py [--pages 100] [--pathological]

Writes an invented decree (positions with a title, a TUGAS and a ruled table of about a
page each) as a PDF with reportlab, as a .docx with python-docx and as an office .xlsx,
then times ``pokin.import_decree`` on each. The floor is pdfplumber alone finding the
tables and text of the same PDF (what any import must pay): the ratio says what pokin
adds on top. ``--pathological`` also times a markdown cell of escapes, dollars, braces
and angle brackets (what would make a backtracking pattern explode) at two sizes, with
the growth exponent between them (1 is linear). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import docx
import pdfplumber
from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from pokin.decree import import_decree, markdown

HEADER = ["No", "Rencana Kinerja", "Indikator Kinerja Individu", "Formulasi", "Sumber Data"]
ROWS = 12  # rows per position: about one landscape A4 page


def _rows(n: int) -> list[list[str]]:
    return [
        [
            f"{r}.",
            f"Tertibnya administrasi layanan {r} pada unit {n}",
            f"Persentase berkas layanan {r} yang selesai tepat waktu",
            "Jumlah berkas selesai tepat waktu / jumlah berkas masuk x 100%",
            "Register layanan",
        ]
        for r in range(1, ROWS + 1)
    ]


def write_pdf(path: Path, positions: int) -> Path:
    style = getSampleStyleSheet()["BodyText"]
    story: list[object] = [Paragraph("KEPUTUSAN CAMAT BENCHMARK", style)]
    for n in range(1, positions + 1):
        data = [HEADER, *([Paragraph(c, style) for c in row] for row in _rows(n))]
        table = Table(data, repeatRows=1, colWidths=[30, 170, 200, 250, 100])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story += [
            Paragraph(f"JABATAN : PENGADMINISTRASI LAYANAN {n}", style),
            Paragraph("TUGAS : Membantu Kepala Seksi Pelayanan dalam administrasi.", style),
            table,
            PageBreak(),
        ]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    return path


def write_docx(path: Path, positions: int) -> Path:
    document = docx.Document()
    for n in range(1, positions + 1):
        document.add_paragraph(f"JABATAN : PENGADMINISTRASI LAYANAN {n}")
        rows = [HEADER, *_rows(n)]
        table = document.add_table(rows=len(rows), cols=len(HEADER))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(str(path))
    return path


def write_xlsx(path: Path, positions: int) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Jabatan", *HEADER])
    for n in range(1, positions + 1):
        for row in _rows(n):
            sheet.append([f"Pengadministrasi Layanan {n}", *row])
    workbook.save(path)
    return path


def _floor(path: Path) -> int:
    with pdfplumber.open(str(path)) as pdf:
        return sum(len(page.find_tables()) + len(page.extract_text_lines()) for page in pdf.pages)


def _seconds(label: str, fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    print(f"  {label:<40} {took:8.2f} s")
    return took


def pathological() -> None:
    """The markdown reader on one cell of n escapes, dollars, braces and brackets each."""
    took = {}
    for n in (10_000, 40_000):
        cell = "\\(" * n + "$" * n + "{" * n + "<" * n
        text = (
            "1. JABATAN : CAMAT\n\n| Kinerja | Indikator | Formulasi | Sumber Data |\n"
            f"|---|---|---|---|\n| K | {cell} | F | S |\n"
        )
        took[n] = min(_timed(partial(markdown.parse, text, source="x.md")) for _ in range(3))
        print(f"  pathological markdown cell, n = {n:>6}:  {took[n]:8.3f} s")
    print(f"  growth exponent k: {math.log(took[40_000] / took[10_000]) / math.log(4):.2f}")


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--pathological", action="store_true")
    args = parser.parse_args()
    if args.pathological:
        pathological()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf = write_pdf(folder / "keputusan.pdf", args.pages)
        with pdfplumber.open(str(pdf)) as opened:
            pages = len(opened.pages)
        print(f"decree PDF: {pages} pages, {args.pages} positions, {args.pages * ROWS} rows")
        floor = _seconds("pdfplumber alone (tables + text)", lambda: _floor(pdf))
        took = _seconds("pokin import (PDF)", lambda: import_decree(pdf))
        print(f"  {import_decree(pdf).tree.summary()}")
        print(f"  import / floor: {took / floor:.2f}x; {took / pages * 1000:.0f} ms a page")
        word = write_docx(folder / "keputusan.docx", args.pages)
        _seconds("pokin import (Word)", lambda: import_decree(word))
        xlsx = write_xlsx(folder / "keputusan.xlsx", args.pages)
        _seconds("pokin import (Excel)", lambda: import_decree(xlsx))


if __name__ == "__main__":
    main()
