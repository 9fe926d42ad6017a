"""A table written column by column: its header labels scattered among the cells.

Poppler's plain ``pdftotext`` (no ``-layout``) of some PDFs (Chromium's, with narrow
cells) writes a table one column after the other: ``No``, the row numbers, then
``Kinerja`` and the kinerja cells, ``Indikator`` / ``Kinerja`` and the indicator cells
interleaved line by line with their neighbours', ``Formulasi``, ... Read as rows, such a
text gives a tree that looks whole and is wrong. The sign: within one position's block,
three or more lines that are each a bare column label (one or two words naming a column)
outside any header the readers recognise, with cell lines between them.
"""

from __future__ import annotations

from ..errors import ImportDocumentError
from .columns import column_role, header_labels
from .marks import title_of

__all__ = ["by_columns", "scattered_labels"]

#: bare labels outside a header, in one block, from which the text is refused
_SCATTERED = 3


def scattered_labels(lines: list[str], numbers: list[int]) -> tuple[int, list[str]] | None:
    """The file line of the first label and the labels of the first position block whose
    header labels lie apart among its cells, or ``None``.

    >>> scattered_labels(["JABATAN : CAMAT X", "No", "1", "Kinerja", "Naiknya mutu layanan",
    ...     "Target", "80"], list(range(1, 8)))
    (2, ['No', 'Kinerja', 'Target'])
    >>> scattered_labels(["JABATAN : CAMAT X", "No", "Kinerja", "Indikator", "Target",
    ...     "1", "Naiknya mutu", "Indeks", "80"], list(range(1, 10))) is None
    True
    """
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if title_of(line):
            if len(found) >= _SCATTERED:
                break
            found = []
        elif column_role(line) != "lain":
            header = header_labels(lines, i)
            if header is not None and len(header[0]) >= _SCATTERED:
                i = header[1]
                continue
            if len(line.split()) <= 2:
                found.append((numbers[i], line))
        i += 1
    if len(found) < _SCATTERED:
        return None
    return found[0][0], [label for _, label in found]


def by_columns(source: str, line: int, labels: list[str]) -> ImportDocumentError:
    """The refusal of a text that writes a table column by column."""
    shown = ", ".join(f"«{label}»" for label in labels[:6])
    return ImportDocumentError(
        f"judul kolom tabel tertulis satu per satu di antara selnya ({shown}): teks PDF ini "
        "(pdftotext tanpa -layout?) menulis tabel kolom demi kolom, sehingga sel-selnya "
        "tidak dapat disusun kembali menjadi baris secara pasti",
        path=source,
        line=line,
        hint="jalankan pdftotext -layout BERKAS.pdf BERKAS.txt lalu impor BERKAS.txt, atau "
        "impor PDF-nya langsung (pokin import BERKAS.pdf)",
    )
