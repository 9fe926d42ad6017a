"""Parse PDF text flattened into long paragraphs: blocks and table rows run inside them.

Some PDF extractions lose every line break of a page: "1. JABATAN. : KEPALA SEKSI
PEMERINTAHAN 2. TUGAS : Membantu Camat ... 3. FUNGSI : a. ...; b. ... KINERJA INDIKATOR
FORMULASI SUMBER DATA 1. Meningkatnya ... Persentase ... Jumlah ... x 100% Agenda surat
2. ...". The paragraph is cut back into what it was:

- before each ``JABATAN :`` (also ``JABATAN. :``), ``TUGAS :``, ``FUNGSI :`` and the
  decree's own markers (``NOMOR :``, ``TENTANG``, ``Menimbang``, a place and date);
- the table header is the first run of column words in capitals (else in title case)
  after them, read into
  labels by meaning (:func:`.columns.header_labels`);
- a Target column takes the number that ends a row ("Buku agenda 100%");
- the rows are cut at their numbers, in order ("1. " or "1) ", then 2...); a row's text is cut
  into cells where a word opens an indicator ("Persentase", "Jumlah"...), a data source
  ("Laporan", "Agenda", "Buku"...; a piece with a formula's operators is the formula),
  or, after an indicator, where a capitalised word follows a lower-case one (a formula
  "Usulan terverifikasi / ..."); the cells fill the
  columns kinerja, then indicator, formula and source, a second indicator starting a new
  row of the same kinerja.

Best effort by nature; what it reads goes through :mod:`.assemble` like any table, and
rows whose cells it cannot place are reported with their line.
"""

from __future__ import annotations

import re

from .assemble import assemble
from .columns import INDIKATOR_WORDS, SUMBER_WORDS, column_role, header_labels
from .document import Item, Paragraph, Table, TableRow
from .parts import ParsedDecree

__all__ = ["parse", "sniff"]

_MARKERS = re.compile(
    r"(?=(?:\b\d{1,2}\.\s*)?\b(?i:jabatan\s*\.?\s*:|tugas\s*:|fungsi\s*:)"
    r"|\bNOMOR\s*:|\bTENTANG\b|\bMenimbang\b|\bMengingat\b|\bMEMUTUSKAN\b"
    r"|\b[A-Z][a-z]+,\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_MID_TITLE = re.compile(r"\S.*?\bJABATAN\s*\.?\s*:", re.IGNORECASE)
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z/.]+(?:\s+[A-Z][A-Z/.]+){2,}\b")
_TITLE_RUN = re.compile(r"\b[A-Z][a-z/.]+(?:\s+[A-Z][a-z/.]+){2,}\b")  # "Kinerja Indikator ..."
_FORMULA = re.compile(r"\s[/x×:÷=]\s|\bdibagi\b|\bberbanding\b|[x×]\s?100")
_CUE = re.compile(rf"\b(?:{'|'.join(INDIKATOR_WORDS + SUMBER_WORDS)})\b")


def sniff(text: str) -> bool:
    """Whether ``text`` is flattened: a ``JABATAN :`` inside a line, or on one line with
    its ``TUGAS :``.

    >>> sniff("... pemerintahan. 1. JABATAN. : KEPALA SEKSI X 2. TUGAS : ...")
    True
    >>> sniff("1. JABATAN : KEPALA SEKSI X\\n2. TUGAS : ...")
    False
    >>> sniff("1. JABATAN : KEPALA SEKSI X 2. TUGAS : ...")
    True
    """
    head = text[:500_000]
    if "\t" in head or "\n|" in head:
        return False
    return any(
        (_MID_TITLE.match(line) and not re.match(r"\s*(?:\d{1,2}\.\s*)?jabatan", line, re.I))
        or (re.search(r"\bjabatan\s*\.?\s*:", line, re.I) and re.search(r"\btugas\s*:", line, re.I))
        for line in head.split("\n")
    )


def parse(text: str, *, source: str) -> ParsedDecree:
    """Parse flattened PDF text into parts (via :func:`.assemble.assemble`)."""
    items: list[Item] = []
    for number, paragraph in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        pending = ""
        for piece in _MARKERS.split(" ".join(paragraph.split())):
            if re.fullmatch(r"\s*\d{1,2}\.\s*", piece):
                pending = piece  # the number before a marker: it belongs to it
                continue
            _piece(items, number, (pending + piece).strip())
            pending = ""
    return assemble(items, source=source, layout="pdf-flat")


def _piece(items: list[Item], line: int, text: str) -> None:
    """One marked piece: a block's title or tugas, or a fungsi that runs into a table."""
    if not text:
        return
    fungsi = re.match(r"(?:\d{1,2}\.\s*)?fungsi\s*:", text, re.IGNORECASE)
    if not fungsi and not items_table_follows(text):
        items.append(Paragraph(line, re.sub(r"^\d{1,2}\.\s*(?=[A-Za-z]+\s*\.?\s*:)", "", text)))
        return
    header = _header(text)
    if header is None:
        items.append(Paragraph(line, re.sub(r"^\d{1,2}\.\s*", "", text)))
        return
    start, end, labels = header
    before = re.sub(r"^\d{1,2}\.\s*", "", text[:start]).strip()
    if before:
        items.append(Paragraph(line, before))
    table = Table([TableRow(line, list(labels))])
    roles = [column_role(label) for label in labels]
    for row in _rows(text[end:]):
        table.rows.extend(TableRow(line, _place(cells, roles)) for cells in _cells(row))
    items.append(table)


def items_table_follows(text: str) -> bool:
    return _header(text) is not None


def _header(text: str) -> tuple[int, int, list[str]] | None:
    """Where the table header is (start, end) and its labels: the first run of column
    words, in capitals, else in title case, from any word of a run on."""
    for match in [*_CAPS_RUN.finditer(text), *_TITLE_RUN.finditer(text)]:
        words = [(m.start() + match.start(), m.group(0)) for m in re.finditer(r"\S+", match[0])]
        for first in range(len(words)):
            found = header_labels([word for _, word in words], first)
            if found is not None:
                labels, used = found
                start, (at, last) = words[first][0], words[used - 1]
                return start, at + len(last), labels
    return None


def _rows(text: str) -> list[str]:
    """The table's text cut at its row numbers "1. ", "2. "... in order."""
    cuts: list[tuple[int, int]] = []
    expected = 1
    for match in re.finditer(r"(?:^|\s)(\d{1,2})[.)]\s+(?=[A-Z])", text):
        if int(match.group(1)) == expected:
            cuts.append((match.start(), match.end()))
            expected += 1
    ends = [start for start, _ in cuts[1:]] + [len(text)]
    return [text[body:end].strip() for (_, body), end in zip(cuts, ends, strict=True)]


def _cells(row: str) -> list[list[str]]:
    """A row's text as rows of (kinerja, indikator, formulasi, sumber_data) cells."""
    pieces = _split(row)
    rows: list[list[str]] = []
    current = ["", "", "", ""]
    expect = 0  # 0 kinerja, 1 indikator, 2 formulasi, 3 sumber
    for piece in pieces:
        if expect == 0:
            current[0] = piece
            expect = 1
            if piece.startswith(INDIKATOR_WORDS):
                current[0], current[1], expect = "", piece, 2
            continue
        sumber = piece.startswith(SUMBER_WORDS) and not _FORMULA.search(piece)
        if sumber and expect >= 2:
            current[3], expect = f"{current[3]} {piece}".strip(), 3
        elif expect == 1 or (expect == 3 and not sumber):
            if current[1]:
                rows.append(current)
                current = ["", "", "", ""]
            current[1], expect = piece, 2
        else:
            current[2], expect = piece, 3
    rows.append(current)
    return rows


def _split(row: str) -> list[str]:
    """Cut a row's text before each cue word, and a formula off the indicator before it."""
    starts = sorted({0, *(m.start() for m in _CUE.finditer(row))})
    pieces = [row[a:b].strip() for a, b in zip(starts, [*starts[1:], len(row)], strict=True)]
    result: list[str] = []
    for piece in pieces:
        if (piece.startswith(INDIKATOR_WORDS) and not result) or (
            piece.startswith(INDIKATOR_WORDS) and not result[-1].startswith(INDIKATOR_WORDS)
        ):
            formula = re.search(r"(?<=[a-z]) (?=[A-Z][a-z]+\b)", piece)
            if formula:
                result += [piece[: formula.start()], piece[formula.end() :]]
                continue
        result.append(piece)
    return [piece for piece in result if piece]


_TRAILING_TARGET = re.compile(r"\s(\d+(?:[.,]\d+)?\s?%?(?:\s[a-z]+){0,2})$")


def _place(cells: list[str], roles: list[str]) -> list[str | None]:
    """The cells under their columns; with a Target column, a number ending the row's last
    cell ("Buku agenda 100%", "Arsip 12 laporan") is its target."""
    by_role = dict(zip(("kinerja", "indikator", "formulasi", "sumber_data"), cells, strict=True))
    if "target" in roles:
        last = "sumber_data" if by_role["sumber_data"] else "formulasi"
        found = _TRAILING_TARGET.search(by_role[last])
        if found:
            by_role[last] = by_role[last][: found.start()].strip()
            by_role["target"] = found.group(1)
    return [by_role.get(role, "") for role in roles]
