"""Rows that are the second line of a table's header, not an indicator.

A header whose labels wrap over two lines ("Indikator" over "Kinerja", "Sumber" over
"Data") may be read, in a ``pdftotext -layout`` text with narrow gutters, as the header
and then a row holding the labels' second words: a kinerja "(kinerja tidak tertulis)"
with the indicator "Kinerja" and the sumber "Data" (QA6 #2). Such a row is left out of
the tree and listed as a skipped line (a warning, exit 1) so that the table is looked at.
"""

from __future__ import annotations

from .columns import column_role
from .parts import ParsedDecree, Row, Skipped

__all__ = ["drop_label_rows"]


def _label_row(row: Row) -> bool:
    """Whether ``row`` holds only words of column labels, one of them naming a column.

    >>> _label_row(Row(9, "", "Kinerja", sumber_data="Data"))
    True
    >>> _label_row(Row(9, "", "Kinerja pelayanan", target="90"))
    False
    """
    cells = [row.indikator, row.formulasi, row.sumber_data, row.satuan, row.target]
    written = [cell for cell in cells if cell]
    return (
        not row.kinerja
        and column_role(row.indikator) != "lain"
        and all(len(cell.split()) <= 2 and not any(c.isdigit() for c in cell) for cell in written)
    )


def drop_label_rows(parsed: ParsedDecree) -> None:
    """Move the rows that are the rest of a header from ``parsed``'s blocks to its
    skipped lines (PDF text only: there a header's second line can pass for a row)."""
    if not parsed.layout.startswith("pdf"):
        return
    for block in parsed.blocks:
        for row in [row for row in block.rows if _label_row(row)]:
            block.rows.remove(row)
            text = " / ".join(c for c in (row.indikator, row.sumber_data, row.formulasi) if c)
            parsed.skipped.append(
                Skipped(
                    row.line,
                    row.line,
                    text,
                    f"baris di blok {block.nama} hanya berisi kata judul kolom (kepala tabel "
                    "dua baris?), bukan indikator; kolom tabel ini mungkin terbaca keliru: "
                    "periksa baris-barisnya, atau impor PDF-nya langsung",
                )
            )
