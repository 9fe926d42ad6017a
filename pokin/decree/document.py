"""A decree as a file reader sees it: paragraphs and tables, in document order.

The readers of Word (:mod:`.docx`), PDF (:mod:`.pdffile`) and office Excel workbooks
(:mod:`.xlsx`) and the text layouts whose table grid has to be recovered first
(fixed-width columns, one cell per line, flattened paragraphs) all produce this stream;
:func:`pokin.decree.assemble.assemble` turns it into the layout-free
:class:`~.parts.ParsedDecree`. A cell is its text (lines joined by ``"\\n"``, one per
paragraph or wrapped line of the cell), or ``None`` when it is covered by the cell above
(a vertically merged cell: "the same as above"). ``line`` numbers what a planner can find:
the line of a text file, the row of a sheet, or, in a Word or PDF file, the paragraph or
table row counted from the top.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Item", "Paragraph", "Table", "TableRow"]


@dataclass
class Paragraph:
    """A paragraph outside the tables."""

    line: int
    text: str
    level: int = 0  # the list level of Word's automatic numbering (0 = top)
    laid_out: str = ""  # the text with its tabs kept, when it has any: parts side by side


@dataclass
class TableRow:
    line: int
    cells: list[str | None]  # None: merged with the cell above


@dataclass
class Table:
    """One table; a table broken across pages is several, each maybe repeating the header."""

    rows: list[TableRow] = field(default_factory=list)
    page: int | None = None  # the PDF page it is on
    fresh: bool = False  # it starts a context of its own (a sheet): nothing above goes on
    sheet: str | None = None  # the workbook sheet it is (its rows' lines are sheet rows)
    broken: bool = False  # its last row goes on in the next table (no rule under it: PDF)


Item = Paragraph | Table
