"""Read a Word decree (.docx) with python-docx: paragraphs and tables in document order.

Each paragraph of the body becomes a :class:`~.document.Paragraph` (its list level from
Word's automatic numbering, whose numbers are not in the text); each table a
:class:`~.document.Table` whose cells are the texts of their paragraphs, one a line. A
vertically merged cell (``w:vMerge`` continued) is ``None``, "the same as above"; a
horizontally merged cell (``w:gridSpan``) fills every column it spans, so a merged header
names each column under it. A table nested in a cell is read as the cell's text. The
``line`` of an item counts the paragraphs and table rows from the top of the document.
Everything else - which rows are headers, blocks, kinerja - is :mod:`.assemble`'s work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ImportDocumentError
from .document import Item, Paragraph, Table, TableRow

__all__ = ["read_items"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_items(path: Path) -> list[Item]:
    """The paragraphs and tables of a .docx file, in order."""
    try:
        import docx
    except ImportError:  # pragma: no cover - the extra is installed with dev
        raise ImportDocumentError(
            "membaca berkas Word (.docx) memerlukan paket python-docx",
            path=str(path),
            hint="pasang dengan: pip install 'pokin[docx]'",
        ) from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
        raise ImportDocumentError(
            f"berkas Word ini rusak atau bukan .docx ({type(exc).__name__})",
            path=str(path),
            hint="buka di Word atau LibreOffice lalu simpan ulang sebagai 'Word Document "
            "(.docx)'; berkas .doc lama juga perlu disimpan ulang sebagai .docx",
        ) from None
    items: list[Item] = []
    _body(document.element.body, items, [0])
    return items


def _body(parent: Any, items: list[Item], counter: list[int]) -> None:
    """The paragraphs and tables under ``parent``, also inside content controls."""
    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            counter[0] += 1
            text = _text(child)
            if text.strip():
                items.append(Paragraph(counter[0], text, _level(child)))
        elif child.tag == f"{_W}tbl":
            items.append(_table(child, counter))
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            _body(child, items, counter)  # a template's content control wraps its blocks


def _text(element: Any) -> str:
    """The text of a paragraph: its runs, tabs as spaces, line breaks as newlines."""
    parts: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _level(paragraph: Any) -> int:
    ilvl = paragraph.find(f"{_W}pPr/{_W}numPr/{_W}ilvl")
    value = ilvl.get(f"{_W}val") if ilvl is not None else None
    return int(value) if value and value.isdigit() else 0


def _cell_text(tc: Any) -> str:
    lines: list[str] = []
    for paragraph in tc.iter(f"{_W}p"):
        text = _text(paragraph)
        lines.extend(line for line in text.split("\n") if line.strip())
    return "\n".join(lines)


def _table(tbl: Any, counter: list[int]) -> Table:
    table = Table()
    for tr in tbl.iterchildren(f"{_W}tr"):
        counter[0] += 1
        cells: list[str | None] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = props.find(f"{_W}gridSpan") if props is not None else None
            width = int(span.get(f"{_W}val", "1")) if span is not None else 1
            merge = props.find(f"{_W}vMerge") if props is not None else None
            continued = merge is not None and merge.get(f"{_W}val") in (None, "continue")
            text: str | None = None if continued else _cell_text(tc)
            cells.extend([text] * max(width, 1))
        table.rows.append(TableRow(counter[0], cells))
    return table
