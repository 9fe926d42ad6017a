"""Parse PDF text with one table cell per line, numbered rows and pages interleaved.

Some PDF converters write a table cell by cell, one line each, the header too - and a
header label that wrapped in its cell comes out over two or three lines::

    No
    Rencana Kinerja
    Indikator Kinerja
    Individu
    Formulasi
    Sumber Data
    1.
    Terlayaninya permohonan KTP
    Persentase permohonan KTP selesai
    Permohonan selesai / permohonan masuk x 100%
    Register pelayanan
    Jumlah berkas tervalidasi        <- a second indicator: the kinerja cell was merged
    Jumlah berkas divalidasi
    Buku register
    - 3 -                            <- the page number, the running head, the header again

The header's lines are joined into column labels by meaning (:mod:`.columns`: a line that
names no column continues the label above, "Cara" + "Perhitungan" starts one). A number
("1.", alone or before the row's first cell) in the No column starts a kinerja: the
lines up to the next number are its row
(one cell per column after the No) and then rows of one indicator each (every column but
the kinerja). A run of lines that does not divide so is reported with its lines, never
shifted. Page numbers, the running head beside them and a repeated header are dropped.
The rows go through :mod:`.assemble` like any table.

Poppler's plain ``pdftotext`` (no ``-layout``) writes the same with a blank line after
each cell and a long cell wrapped over lines: there a run of lines is one cell, a row
number is the table's next number (another bare number is a cell: a target), and a
kinerja taller than its indicators comes after them under its row number alone. With a
header over two lines it may also write some labels of a header apart from it (before the
position's JABATAN line): a label of a header seen before, found among a table's cells,
makes the text refused with its line and the advice to run ``pdftotext -layout``, since
the cells can no longer be matched to their columns for sure. A table it writes column
by column (:mod:`.scattered`: bare labels among a block's cells) is refused the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import reduce

from .assemble import assemble
from .cells import continues, join_wrapped
from .columns import INDIKATOR_WORDS, column_role, header_labels
from .document import Item, Paragraph, Table, TableRow
from .marks import FURNITURE, title_of
from .parts import ParsedDecree, Skipped
from .scattered import Scatter, by_columns, stray_labels

__all__ = ["parse", "sniff"]

_NUMBER = re.compile(r"\d{1,3}\.?")
_SECTION = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?(?:uraian\s+)?(?:tugas|fungsi)\b", re.IGNORECASE)
_CLOSING = re.compile(r"^[A-Z][A-Za-z ]+,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$")


def sniff(text: str) -> bool:
    """Whether ``text`` writes its tables one cell per line (a header over 3+ lines).

    >>> sniff("JABATAN : STAF\\nNo\\nKinerja\\nIndikator\\nSumber Data\\n1.\\nA\\nB\\nC\\n")
    True
    >>> sniff("JABATAN : STAF\\nKINERJA INDIKATOR SUMBER DATA\\n")
    False
    """
    lines = [" ".join(line.split()) for line in text[:500_000].split("\n")]
    if sum(1 for line in lines if "\t" in line or line.startswith("|")) > 2:
        return False
    if not any(title_of(line) for line in lines):
        return False
    for candidate in (lines, _cells_apart(lines)[0]):
        if any(
            column_role(line) != "lain" and header_labels(candidate, i)
            for i, line in enumerate(candidate)
        ):
            return True
    return False


def _ends_table(line: str) -> bool:
    return bool(title_of(line) or _SECTION.match(line) or _CLOSING.match(line))


def _cells_apart(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines of poppler's plain ``pdftotext`` (no ``-layout``), which writes a table
    cell by cell, a blank line after each cell and a long cell wrapped over lines: inside
    a table each run of lines is one cell (a row number alone stays apart); blank lines
    are left out. Returns the lines and their line numbers in the file."""
    kept = [i for i, line in enumerate(lines) if line]
    dense = [lines[i] for i in kept]
    out: list[str] = []
    numbers: list[int] = []
    k = 0
    table = False
    while k < len(dense):
        header = header_labels(dense, k) if column_role(dense[k]) != "lain" else None
        if header is not None:
            out += dense[k : header[1]]
            numbers += [kept[n] + 1 for n in range(k, header[1])]
            k, table = header[1], True
            continue
        table = table and not _ends_table(dense[k])
        end = k
        while table and _joins(dense, kept, end):
            end += 1
        out.append(reduce(join_wrapped, dense[k : end + 1], ""))
        numbers.append(kept[k] + 1)
        k = end + 1
    return out, numbers


def _joins(dense: list[str], kept: list[int], at: int) -> bool:
    """Whether the line after ``at`` goes on the same cell (no blank line between them)."""
    return (
        at + 1 < len(dense)
        and kept[at + 1] == kept[at] + 1
        and not _NUMBER.fullmatch(dense[at])
        and not _NUMBER.fullmatch(dense[at + 1])
        and not _ends_table(dense[at + 1])
    )


def _furniture(lines: list[str], *, bare: bool = True, breaks: set[int] | None = None) -> set[int]:
    """Indexes of page numbers and of the running head or foot that recurs beside them.

    A bare number ("3") is a page number only when ``bare`` (with cells apart by blank
    lines, row numbers and targets are bare numbers), and then only beside a page break
    (``breaks``: the lines near a form feed), or, in a text without form feeds, when it
    goes on the count of the pages before it: a target "95" or "120" on a line of its own
    is a cell. A running head recurs beside two page numbers at least."""
    numbers = _page_count(lines) if breaks is None else set(breaks)
    pages = [
        i
        for i, line in enumerate(lines)
        if line and FURNITURE.match(line) and (not line.isdigit() or (bare and i in numbers))
    ]
    near: Counter[str] = Counter()
    for i in pages:
        near.update({lines[j] for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(lines)})
    seen = Counter(lines)
    running = {text for text, n in near.items() if n >= 2 and seen[text] >= 2 and len(text) > 20}
    return set(pages) | {i for i, line in enumerate(lines) if line in running}


def _page_count(lines: list[str]) -> set[int]:
    """The bare numbers that count the pages: 1 (or 2, 3) first, then one more each time."""
    found: set[int] = set()
    expected: int | None = None
    for i, line in enumerate(lines):
        if not line.isdigit():
            continue
        value = int(line)
        if (expected is None and value <= 3) or value == expected:
            found.add(i)
            expected = value + 1
    return found


def _breaks(text: str) -> set[int] | None:
    """The indexes of the lines :func:`parse` makes that lie within two lines of a form
    feed (a page break of pdftotext), or ``None`` when the text has none."""
    if "\f" not in text:
        return None
    near: set[int] = set()
    index = 0
    for line in text.split("\n"):
        for k, _ in enumerate(line.split("\f")):
            if k:
                near.update(range(index - 2, index + 2))
            index += 1
    return near


def parse(text: str, *, source: str) -> ParsedDecree:
    """Parse one-cell-per-line text into parts (via :func:`.assemble.assemble`)."""
    lines = [" ".join(line.split()) for line in text.replace("\f", "\n").split("\n")]
    # the file's line of each: a page break (form feed) splits a line, it adds none
    numbers = [n for n, raw in enumerate(text.split("\n"), 1) for _ in raw.split("\f")]
    apart = not _has_header(lines)
    if apart:  # poppler's plain text: cells apart by blank lines
        lines, kept = _cells_apart(lines)
        numbers = [numbers[n - 1] for n in kept]
    skipped: list[Skipped] = []
    dropped = _furniture(lines, bare=not apart, breaks=_breaks(text))
    strays: list[tuple[int, str]] = []
    scatter = Scatter()
    items = _items(lines, numbers, skipped, dropped=dropped, strays=strays, scatter=scatter)
    if strays:
        raise stray_labels(source, strays)
    if (apart_labels := scatter.labels()) is not None:
        raise by_columns(source, *apart_labels)
    decree = assemble(items, source=source, layout="pdf-cells")
    decree.skipped[:0] = skipped
    return decree


def _has_header(lines: list[str]) -> bool:
    return any(
        column_role(line) != "lain" and header_labels(lines, i) for i, line in enumerate(lines)
    )


def _items(
    lines: list[str],
    numbers: list[int],
    skipped: list[Skipped],
    *,
    dropped: set[int],
    strays: list[tuple[int, str]],
    scatter: Scatter,
) -> list[Item]:
    """The paragraphs and tables of the text; a cell line that is one of the labels of a
    header seen before, without being a header there (poppler writes the labels of a
    header over two lines apart from it), goes to ``strays``; every line outside the
    headers is shown to ``scatter`` (a table written column by column)."""
    items: list[Item] = []
    known: set[str] = set()
    labels: list[str] | None = None
    cells: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        header = header_labels(lines, i) if column_role(line) != "lain" else None
        if header is None:
            scatter.line(numbers[i], line)
        if not line or i in dropped:
            i += 1
            continue
        if header is not None:
            known.update(label.casefold() for label in header[0])
            if labels != header[0]:
                _rows(items, labels, cells, skipped)
                labels, cells = header[0], []
                items.append(Table([TableRow(numbers[i], list(labels))]))
            i = header[1]  # a header repeated on the next page: the table goes on
            continue
        if labels is not None and not _ends_table(line):
            if line.casefold() in known and column_role(line) != "lain":
                strays.append((numbers[i], line))
            cells.append((numbers[i], line))
        else:
            _rows(items, labels, cells, skipped)
            labels, cells = None, []
            items.append(Paragraph(numbers[i], line))
        i += 1
    _rows(items, labels, cells, skipped)
    return items


def _rows(
    items: list[Item],
    labels: list[str] | None,
    cells: list[tuple[int, str]],
    skipped: list[Skipped],
) -> None:
    """Cut the cell lines of one table into rows: see the module's docstring."""
    if labels is None or not cells:
        return
    table = items[-1]
    assert isinstance(table, Table)
    roles = [column_role(label) for label in labels]
    numbered = roles[0] == "no"
    full = len(labels) - numbered
    kin = roles.index("kinerja") - numbered if "kinerja" in roles else None
    groups: list[list[tuple[int, str]]] = []
    expected = 1
    for line, text in _numbers_apart(cells) if numbered else cells:
        # a row number is the next one of the table; another number is a cell (a target)
        if (numbered and _NUMBER.fullmatch(text) and int(text.rstrip(".")) == expected) or (
            not groups
        ):
            expected += bool(numbered and _NUMBER.fullmatch(text))
            groups.append([])
        groups[-1].append((line, text))
    alone = False
    for group in groups:
        number = group[0][1] if numbered and _NUMBER.fullmatch(group[0][1]) else ""
        body = group[1:] if number else group
        if number and not body:
            alone = True  # the numbers are written apart from their rows (out of flow)
            continue  # a number alone: no text to lose
        sizes = _sizes(body, full, kin is not None, numbered=numbered)
        if sizes is None:  # a cell wrapped over lines after all: join the lines that go on
            body = _unwrap(body)
            sizes = _sizes(body, full, kin is not None, numbered=numbered)
        if sizes is None and alone and _out_of_flow(table, number, body, kin):
            continue
        if sizes is None:
            text = " / ".join(t for _, t in group)
            skipped.append(
                Skipped(
                    group[0][0],
                    group[-1][0],
                    text,
                    f"{len(body)} baris sel tidak terbagi rata ke {full} kolom (sel kosong "
                    "atau terbungkus?): periksa baris ini",
                )
            )
            continue
        at = 0
        for n, size in enumerate(sizes):
            row: list[str | None] = [text for _, text in body[at : at + size]]
            if size < full and kin is not None:
                row.insert(kin, "")  # the merged kinerja cell: the kinerja above
            table.rows.append(
                TableRow(body[at][0], [number if n == 0 else "", *row][(not numbered) :])
            )
            at += size


def _out_of_flow(table: Table, number: str, body: list[tuple[int, str]], kin: int | None) -> bool:
    """A kinerja written after the rows, under its row number: poppler writes a cell
    taller than its neighbours' (a kinerja over several indicators) after them, with the
    row numbers alone. Row ``number`` of the table, read with the kinerja above (merged),
    gets it."""
    data = table.rows[1:]
    if kin is None or len(body) != 1 or not number:
        return False
    at = int(number.rstrip(".")) - 1
    if not 0 < at < len(data) or data[at].cells[kin + 1]:
        return False
    data[at].cells[kin + 1] = body[0][1]
    return True


def _numbers_apart(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A row number written on the line of the row's first cell ("2. Tersusunnya ...")
    as a line of its own, when it is the next number of the table."""
    expected, result = 1, []
    for line, text in cells:
        joined = re.match(r"(\d{1,3})\.\s+(\S.*)$", text)
        if joined and int(joined.group(1)) == expected:
            result += [(line, f"{joined.group(1)}."), (line, joined.group(2))]
        else:
            result.append((line, text))
        number = joined.group(1) if joined else text.rstrip(".")
        if (joined or _NUMBER.fullmatch(text)) and number.isdigit() and int(number) == expected:
            expected += 1
    return result


def _unwrap(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    joined: list[tuple[int, str]] = []
    for line, text in body:
        if joined and continues(joined[-1][1], text):
            joined[-1] = (joined[-1][0], join_wrapped(joined[-1][1], text))
        else:
            joined.append((line, text))
    return joined


def _sizes(
    body: list[tuple[int, str]], full: int, has_kinerja: bool, *, numbered: bool
) -> list[int] | None:
    """How many cell lines each row of a group takes; without a No column, row by row: a
    row opening with an indicator word has no kinerja cell (the kinerja above)."""
    if numbered:
        merged = has_kinerja and bool(body) and body[0][1].startswith(INDIKATOR_WORDS)
        return _split(len(body), full, merged)
    sizes, at = [], 0
    while at < len(body):
        size = full - 1 if has_kinerja and body[at][1].startswith(INDIKATOR_WORDS) else full
        if at + size > len(body):
            return None
        sizes.append(size)
        at += size
    return sizes


def _split(count: int, full: int, merged: bool) -> list[int] | None:
    """Row sizes for ``count`` cell lines: a full row first, then rows without the kinerja;
    only rows without it when ``merged`` (the first line reads as an indicator)."""
    short = full - 1 if full > 2 else full
    if merged and count % short == 0 and count:
        return [short] * (count // short)
    if count >= full and (count - full) % short == 0:
        return [full] + [short] * ((count - full) // short)
    return None
