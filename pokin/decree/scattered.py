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

from dataclasses import dataclass, field

from ..errors import ImportDocumentError
from .columns import column_role
from .marks import title_of

__all__ = ["Scatter", "by_columns", "stray_labels", "without_layout"]

#: bare labels outside a header, in one block, from which the text is refused
_SCATTERED = 3


@dataclass
class Scatter:
    """The bare column labels met outside any header, per position block, as
    :mod:`.cellines` walks the lines (the header lines it skips are never shown)."""

    found: list[tuple[int, str]] = field(default_factory=list)
    first: tuple[int, list[str]] | None = None

    def line(self, number: int, line: str) -> None:
        """One line outside the headers: a position's title closes a block (the first one
        with labels enough is kept); a label of two words at most is counted.

        >>> scatter = Scatter()
        >>> for n, line in enumerate(["JABATAN : CAMAT X", "No", "1", "Kinerja",
        ...         "Naiknya mutu layanan", "Target", "80"], 1):
        ...     scatter.line(n, line)
        >>> scatter.labels()
        (2, ['No', 'Kinerja', 'Target'])
        """
        if self.first is not None:
            return
        if title_of(line):
            self.first = self.labels()
            self.found = []
        elif column_role(line) != "lain" and len(line.split()) <= 2:
            self.found.append((number, line))

    def labels(self) -> tuple[int, list[str]] | None:
        """The file line of the first label and the labels of the first block whose header
        labels lie apart among its cells, or ``None``."""
        if self.first is not None:
            return self.first
        if len(self.found) < _SCATTERED:
            return None
        return self.found[0][0], [label for _, label in self.found]


def by_columns(source: str, line: int, labels: list[str]) -> ImportDocumentError:
    """The refusal of a text that writes a table column by column."""
    shown = ", ".join(f"«{label}»" for label in labels[:6])
    return without_layout(
        source,
        line,
        f"judul kolom tabel tertulis satu per satu di antara selnya ({shown}): teks PDF ini "
        "(pdftotext tanpa -layout?) menulis tabel kolom demi kolom, sehingga sel-selnya "
        "tidak dapat disusun kembali menjadi baris secara pasti",
    )


def stray_labels(source: str, strays: list[tuple[int, str]]) -> ImportDocumentError:
    """The refusal of a text whose header labels stray among the table's cells."""
    line, label = strays[0]
    more = f" (dan {len(strays) - 1} judul kolom lain)" if len(strays) > 1 else ""
    return without_layout(
        source,
        line,
        f"judul kolom «{label}» tertulis di antara sel tabel, di luar kepala tabelnya{more}: "
        "teks PDF ini (pdftotext tanpa -layout?) memecah kepala tabel, sehingga sel-selnya "
        "tidak dapat dipasangkan dengan kolomnya secara pasti",
    )


def without_layout(source: str, line: int, message: str) -> ImportDocumentError:
    """A refusal of PDF text whose table cannot be put back into rows: the way out is the
    same whatever the sign was (``pdftotext -layout``, or the PDF itself)."""
    return ImportDocumentError(
        message,
        path=source,
        line=line,
        hint="impor berkas PDF-nya langsung: pokin import BERKAS.pdf; bila hanya ada teksnya, "
        "buat ulang dengan pdftotext -layout BERKAS.pdf BERKAS.txt lalu impor BERKAS.txt "
        "(periksa hasilnya: kolom yang rapat dapat terbaca salah)",
    )
