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
- a Target column takes the number that ends an indicator's cells ("Buku agenda 100%"),
  a Satuan column before it the word before that number ("Arsip persen 100");
- the rows are cut at their numbers, in order ("1. " or "1) ", then 2...); the text right
  after a number is the row's kinerja, whatever its first word, then come its indicators,
  each with the header's other cells in order; where a cell ends is read from what the
  cells say (:mod:`.flatcells`: indicator words, formula marks, source words), and a row
  no reading wins clearly is not imported but reported with its line.

What it reads goes through :mod:`.assemble` like any table.
"""

from __future__ import annotations

import re

from .assemble import assemble
from .columns import column_role, header_labels
from .document import Item, Paragraph, Table, TableRow
from .flatcells import cut_row
from .parts import ParsedDecree, Skipped

__all__ = ["parse", "sniff"]

_MARKERS = re.compile(
    r"(?=(?:\b\d{1,2}\.\s*)?\b(?i:jabatan\s*\.?\s*:|tugas\s*:|fungsi\s*:)"
    r"|\bNOMOR\s*:|\bTENTANG\b|\bMenimbang\b|\bMengingat\b|\bMEMUTUSKAN\b"
    r"|\b[A-Z][a-z]+,\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_MID_TITLE = re.compile(r"\S.*?\bJABATAN\s*\.?\s*:", re.IGNORECASE)
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z/.]+(?:\s+[A-Z][A-Z/.]+){2,}\b")
_TITLE_RUN = re.compile(r"\b[A-Z][a-z/.]+(?:\s+[A-Z][a-z/.]+){2,}\b")  # "Kinerja Indikator ..."


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
    lost: list[Skipped] = []
    for number, paragraph in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        pending = ""
        for piece in _MARKERS.split(" ".join(paragraph.split())):
            if re.fullmatch(r"\s*\d{1,2}\.\s*", piece):
                pending = piece  # the number before a marker: it belongs to it
                continue
            _piece(items, lost, number, (pending + piece).strip())
            pending = ""
    decree = assemble(items, source=source, layout="pdf-flat")
    decree.skipped = sorted([*decree.skipped, *lost], key=lambda s: s.line)
    return decree


def _piece(items: list[Item], lost: list[Skipped], line: int, text: str) -> None:
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
    cells = [role for role in roles if role not in ("no", "kinerja", "satuan", "target")]
    for number, row in enumerate(_rows(text[end:]), 1):
        reading = cut_row(row, cells, lead="kinerja" in roles, target="target" in roles)
        if reading is None:
            lost.append(Skipped(line, line, f"{number}. {row}", _UNSURE))
            continue
        for index, group in enumerate(reading.groups):
            found = dict(zip(cells, group, strict=True), kinerja=reading.kinerja * (index == 0))
            table.rows.append(TableRow(line, _place(found, roles)))
    items.append(table)


_UNSURE = (
    "teks PDF tanpa batas sel: sel baris tabel ini tidak dapat dipisahkan dengan pasti; "
    "salin barisnya dari dokumen aslinya"
)


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


_TRAILING_TARGET = re.compile(r"\s(\d+(?:[.,]\d+)?\s?%?(?:\s[a-z]+){0,2})$")
_UNIT_TARGET = re.compile(r"\s([a-z]+|%)\s(\d+(?:[.,]\d+)*\s?%?)$")


def _place(found: dict[str, str], roles: list[str]) -> list[str | None]:
    """The cells under their columns; with a Target column, a number ending the group's
    last cell ("Buku agenda 100%", "Arsip 12 laporan") is its target, and with a Satuan
    column before it, the word before the number its satuan ("Arsip persen 100")."""
    if "target" in roles:
        last = [role for role in roles if found.get(role)][-1]
        unit_first = "satuan" in roles and roles.index("satuan") < roles.index("target")
        match = (_UNIT_TARGET if unit_first else _TRAILING_TARGET).search(found[last])
        if match:
            found[last] = found[last][: match.start()].strip()
            if unit_first:
                found["satuan"], found["target"] = match.group(1), match.group(2)
            else:
                found["target"] = match.group(1)
    return [found.get(role, "") for role in roles]
