"""Read a PDF decree with a text layer, with pdfplumber: ruled tables and the text around.

Per page, the tables drawn with ruling lines are found (``page.find_tables``) and the
text outside them is read as lines; both go into the stream top to bottom, page after
page, for :mod:`.assemble`. A cell covered by a merged cell comes out as ``None`` ("the
same as above"). Page furniture is dropped: a line that recurs on most pages (the running
head, the footer, with its page number) and bare page numbers ("- 3 -", "Halaman 3").
A table broken across pages is two tables; the second repeats the header or not, and
:mod:`.assemble` continues the block either way. A ruled row that holds several rows
drawn without a rule between them (a table ruled by its columns only) is cut into them by
the white space between (:mod:`.pdfrows`), and said in ``notes``.

A PDF that cannot be read is one clear :class:`~pokin.errors.ImportDocumentError`: a
scanned PDF (pages with no text), a password-protected one, a damaged one.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import ImportDocumentError
from .cells import MARKER, join_wrapped
from .document import Item, Paragraph, Table, TableRow
from .marks import FURNITURE
from .pdfrows import split_row

__all__ = ["layout_text", "read_items", "without_phantoms"]


def _error(path: Path, message: str, hint: str) -> ImportDocumentError:
    return ImportDocumentError(message, path=str(path), hint=hint)


def read_items(path: Path, notes: list[tuple[int, str]] | None = None) -> list[Item]:
    """The text lines and ruled tables of a PDF, in reading order; a ruled row read as
    several rows is said in ``notes`` when given."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - the extra is installed with dev
        raise _error(
            path,
            "membaca PDF memerlukan paket pdfplumber",
            "pasang dengan: pip install 'pokin[pdf]'",
        ) from None
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [_page(without_phantoms(page)) for page in pdf.pages]
    except PDFPasswordIncorrect:
        raise _encrypted(path) from None
    except ImportDocumentError:
        raise
    except PDFSyntaxError:
        raise _damaged(path) from None
    except Exception as exc:  # pdfminer raises many kinds on a damaged or locked file
        cause = " ".join(repr(arg) for arg in (exc, *exc.args))  # pdfplumber wraps pdfminer's
        if "password" in cause.lower() or "encrypt" in cause.lower():
            raise _encrypted(path) from None
        raise _damaged(path) from None
    if not any(texts or tables for texts, tables in pages):
        raise _error(
            path,
            "PDF ini tidak memiliki lapisan teks (hasil pindai/scan): tidak ada teks yang "
            "dapat dibaca",
            "jalankan OCR dulu (misalnya ocrmypdf berkas.pdf berkas-ocr.pdf) atau minta "
            "berkas asli Word/PDF digital dari penyusun keputusan, lalu impor ulang",
        )
    return _items(pages, notes if notes is not None else [])


def _encrypted(path: Path) -> ImportDocumentError:
    return _error(
        path,
        "PDF ini terkunci dengan kata sandi (terenkripsi), isinya tidak dapat dibaca",
        "buka PDF dengan kata sandinya lalu cetak/simpan ulang sebagai PDF tanpa kata "
        "sandi (qpdf --decrypt --password=... masuk.pdf keluar.pdf), lalu impor ulang",
    )


def _damaged(path: Path) -> ImportDocumentError:
    return _error(
        path,
        "berkas PDF ini rusak atau bukan PDF: strukturnya tidak dapat dibaca",
        "unduh atau ekspor ulang PDF dari sumbernya (Word: Simpan sebagai PDF), lalu impor ulang",
    )


def without_phantoms(page: Any) -> Any:
    """The page without the spaces that take no room: a space glyph whose next character
    on the line starts where the space itself starts. Chromium writes a soft hyphen
    (``&shy;``) so, inside a word ("disele saikan") and before its break hyphen ("Mening
    ‐"); read as a space it would split the word. A real space moves the next glyph on."""
    chars = page.chars
    phantoms = {
        id(char)
        for char, after in itertools.pairwise(chars)
        if char["text"] == " "
        and abs(after["top"] - char["top"]) < 1
        and after["x0"] < (char["x0"] + char["x1"]) / 2
    }
    if not phantoms:
        return page
    return page.filter(lambda obj: id(obj) not in phantoms)


_Line = tuple[float, str, bool]  # top, text, in the page's margin
_Tab = tuple[float, list[list[str | None]], bool, dict[int, int]]
"""top, rows, its last row goes on, {index of a row cut from one ruled row: rows cut}"""


def _page(page: Any) -> tuple[list[_Line], list[_Tab]]:
    tables = page.find_tables()
    closing = _open_bottoms(page, tables)
    opening = _open_top(page)
    if closing or opening:
        tables = page.find_tables({"explicit_horizontal_lines": closing + opening})
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x, top = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= top <= b[3] for b in boxes)

    text_page = page.filter(outside) if boxes else page
    margin = page.height * 0.1  # running heads and footers sit in the top and bottom tenth
    lines = [
        (line["top"], line["text"], line["top"] < margin or line["bottom"] > page.height - margin)
        for line in text_page.extract_text_lines()
    ]
    extracted: list[_Tab] = []
    for table in tables:
        rows, cut = _rows(page, table)
        broken = any(abs(table.bbox[3] - y) <= 1 for y in closing)
        extracted.append((table.bbox[1], rows, broken, cut))
    return lines, extracted


def _rows(page: Any, table: Any) -> tuple[list[list[str | None]], dict[int, int]]:
    """A table's rows, a ruled row holding several rows drawn without rules cut apart
    (``{index of its first row: how many}``)."""
    rows: list[list[str | None]] = []
    cut: dict[int, int] = {}
    chars: list[dict[str, Any]] | None = None
    for row, cells in zip(table.rows, table.extract(), strict=True):
        parts = None
        if sum("\n" in (cell or "") for cell in cells) >= 2:
            if chars is None:  # the table's characters, read once
                x0, top, x1, bottom = table.bbox
                chars = [
                    c
                    for c in page.chars
                    if x0 <= c["x1"] and c["x0"] <= x1 and top <= c["bottom"] and c["top"] <= bottom
                ]
            parts = split_row(chars, row.cells)
        if parts:
            cut[len(rows)] = len(parts)
        rows += [[_unwrap(cell) for cell in part] for part in (parts or [cells])]
    return rows, cut


def _open_bottoms(page: Any, tables: list[Any]) -> list[float]:
    """Where a table's column rules end below its last ruled line: the row a browser broke
    over a page break has no bottom border on its first page (its rules run on to the page's
    end), so without a closing line its cells would be read as loose text and the row lost.
    """
    closing: list[float] = []
    for table in tables:
        x0, _, x1, bottom = table.bbox
        runs = [
            edge
            for edge in page.edges
            if edge["orientation"] == "v"
            and x0 - 1 <= edge["x0"] <= x1 + 1
            and abs(edge["top"] - bottom) <= 2
            and edge["bottom"] > bottom + 2
        ]
        sides = {round(edge["x0"]) for edge in runs}
        if any(x <= x0 + 1 for x in sides) and any(x >= x1 - 1 for x in sides):
            closing.append(max(edge["bottom"] for edge in runs))
    return closing


def _open_top(page: Any) -> list[float]:
    """Where the column rules of the page's first table start when no ruled line closes
    them there: the rest of a row a page break cut (and no header repeated above it) has no
    top border on its page, so without that line no table is found and its cells would be
    read as loose lines. Only the first rules of the page count: below a ruled line, rules
    starting where none runs across are a merged cell's, not an open top."""
    verticals = [edge for edge in page.edges if edge["orientation"] == "v"]
    if len(verticals) < 2:
        return []
    top = min(edge["top"] for edge in verticals)
    first = sorted({round(e["x0"]) for e in verticals if abs(e["top"] - top) <= 2})
    if len(first) < 2:
        return []
    left, right = first[0], first[-1]
    closed = any(  # a ruled line above the rules, or at their top: no open top
        edge["orientation"] == "h"
        and edge["x0"] < right
        and edge["x1"] > left
        and edge["top"] <= top + 2
        for edge in page.edges
    )
    return [] if closed else [top]


def _unwrap(cell: str | None) -> str | None:
    r"""A PDF cell's lines are where the text wrapped, not items: joined, except before a
    list mark ("1.", "a.", "-", "•"), where a list item starts.

    >>> _unwrap("Meningkatnya kualitas\nPelayanan Administrasi"), _unwrap("1. Data A\n2. Data B")
    ('Meningkatnya kualitas Pelayanan Administrasi', '1. Data A\n2. Data B')
    >>> _unwrap("Aplikasi SP4N-\nLAPOR")  # a compound broken at its hyphen
    'Aplikasi SP4N-LAPOR'
    """
    if cell is None:
        return None
    text = ""
    for line in cell.split("\n"):
        line = line.strip()
        if line:
            text = f"{text}\n{line}" if text and MARKER.match(line) else join_wrapped(text, line)
    return text


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _items(pages: list[tuple[list[_Line], list[_Tab]]], notes: list[tuple[int, str]]) -> list[Item]:
    recurring = Counter(
        _key(text) for lines, _ in pages for text in {t for _, t, edge in lines if edge}
    )
    furniture = {key for key, n in recurring.items() if n >= 2 and n * 2 > len(pages)}
    items: list[Item] = []
    number = 0
    for page_no, (lines, tables) in enumerate(pages, 1):
        flow: list[tuple[float, int, Any]] = [(top, 0, (text, edge)) for top, text, edge in lines]
        flow += [(top, 1, (rows, broken, cut)) for top, rows, broken, cut in tables]
        for _, kind, content in sorted(flow, key=lambda entry: (entry[0], entry[1])):
            if kind == 0:
                number += 1
                text, edge = " ".join(content[0].split()), content[1]
                if not (edge and _key(text) in furniture) and not FURNITURE.match(text):
                    items.append(Paragraph(number, text))
                continue
            table = Table(page=page_no, broken=content[1])
            for index, cells in enumerate(content[0]):
                number += 1
                table.rows.append(TableRow(number, list(cells)))
                if index in content[2]:
                    notes.append((number, _CUT.format(content[2][index], page_no)))
            items.append(table)
    return items


_CUT = (
    "{} baris tabel tanpa garis pemisah di antaranya (halaman {}) dipisah menurut jarak "
    "teksnya: periksa bahwa setiap indikator tetap pada barisnya"
)


def layout_text(path: Path) -> str:
    """The PDF's text laid out in fixed-width columns, for a table drawn without lines.

    Words are grouped into lines by their height on the page and into pieces by the gaps
    between them (a gap wider than two character widths separates two cells); each piece
    is placed at its x position in character units, so :mod:`.columnar` can read the
    columns as it reads ``pdftotext -layout``. The unit is small enough for every piece to
    end two spaces before the next one begins, on every page: with a proportional font a
    cell holds more characters than its width in average characters, and a piece pushed
    right would land under the next column.
    """
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = [_pieces(without_phantoms(page).extract_words()) for page in pdf.pages]
    unit = _fitting_unit([row for page in pages for row in page])
    return "\n\f".join("\n".join(_place(row, unit) for row in page) for page in pages)


_Piece = tuple[float, str]  # (x0 on the page, text)


def _pieces(words: list[dict[str, Any]]) -> list[list[_Piece]]:
    """The page's lines, each as its pieces: words closer than two character widths."""
    if not words:
        return []
    unit = _median_unit(words)
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= unit * 0.6:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines: list[list[_Piece]] = []
    for row in rows:
        pieces: list[list[Any]] = []  # [x0, text, x1]
        for word in sorted(row, key=lambda w: w["x0"]):
            if pieces and word["x0"] - pieces[-1][2] < unit * 2:
                pieces[-1][1] += " " + word["text"]
                pieces[-1][2] = word["x1"]
            else:
                pieces.append([word["x0"], word["text"], word["x1"]])
        lines.append([(float(x0), str(text)) for x0, text, _ in pieces])
    return lines


def _median_unit(words: list[dict[str, Any]]) -> float:
    widths = sorted((w["x1"] - w["x0"]) / max(len(w["text"]), 1) for w in words)
    return float(widths[len(widths) // 2]) or 1.0


def _fitting_unit(rows: list[list[_Piece]]) -> float:
    """The width of one character column: the largest that leaves two spaces between any
    two pieces of a line (at least 0.3 pt, so a line stays a few thousand characters)."""
    unit = 6.0
    for row in rows:
        for (x0, text), (next_x0, _) in itertools.pairwise(row):
            unit = min(unit, (next_x0 - x0) / (len(text) + 2))
    return max(unit, 0.3)


def _place(row: list[_Piece], unit: float) -> str:
    text = ""
    for x0, piece in row:
        text += " " * max(round(x0 / unit) - len(text), 2 if text else 0) + piece
    return text
