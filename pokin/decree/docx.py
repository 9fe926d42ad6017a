"""Read a Word decree (.docx) with python-docx: paragraphs and tables in document order.

Each paragraph of the body becomes a :class:`~.document.Paragraph` (its list level from
Word's automatic numbering, whose numbers are not in the text); each table a
:class:`~.document.Table` whose cells are the texts of their paragraphs, one a line. A
vertically merged cell (``w:vMerge`` continued) is ``None``, "the same as above"; a
horizontally merged cell (``w:gridSpan``) fills every column it spans, so a merged header
names each column under it. A table nested in a cell is read as the cell's text, unless
the outer table is a frame laid around the decree's tables (:func:`_frames`): then each
frame row is a paragraph (its cells side by side: "JABATAN | : | CAMAT") and a cell
holding a table gives its paragraphs and tables in order. The
``line`` of an item counts the paragraphs and table rows from the top of the document.
Everything else - which rows are headers, blocks, kinerja - is :mod:`.assemble`'s work.

Text Word neither shows nor prints (``w:vanish``: on the run, or from its character
style or its paragraph's style, each through the styles it is based on; the nearer
setting wins, so a run switched back on shows) is left out and said in ``notes`` with its
line; tracked changes not yet accepted (``w:ins`` / ``w:del``)
are read as their latest version (the inserted text, not the deleted one), and ``notes``
says the decree holds such revisions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._files import damage_reason
from ..errors import ImportDocumentError
from .columns import header_roles
from .document import Item, Paragraph, Table, TableRow

__all__ = ["read_items"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WRAPPERS = (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml")
_REVISED = "dokumen memuat perubahan terlacak yang belum diterima: dibaca versi terakhirnya"
_HIDDEN = "teks tersembunyi Word (tidak tampil, tidak tercetak) dilewati: «{}»"
_PROMPT = "isian templat Word yang belum diisi (teks petunjuknya) dibaca kosong: «{}»"


@dataclass
class _Walk:
    """Where the reading is: the line counter, and what the notes will say."""

    line: int = 0
    notes: list[tuple[int, str]] = field(default_factory=list)
    revised: bool = False
    prompts: set[Any] = field(default_factory=set)  # the w:t of unfilled content controls
    hidden: dict[str, bool] = field(default_factory=dict)  # style id -> hides its text


def read_items(
    path: Path,
    notes: list[tuple[int, str]] | None = None,
    chunks: list[tuple[str, bytes]] | None = None,
) -> list[Item]:
    """The paragraphs and tables of a .docx file, in order; what was left out (hidden
    text) or read from revisions is added to ``notes`` when given, and the parts its
    body holds as ``w:altChunk`` (content type, bytes; see :mod:`.altchunk`) to
    ``chunks``."""
    try:
        import docx  # noqa: F401 - is the extra installed?
    except ImportError:  # pragma: no cover - the extra is installed with dev
        raise ImportDocumentError(
            "membaca berkas Word (.docx) memerlukan paket python-docx",
            path=str(path),
            hint="pasang dengan: pip install 'pokin[docx]'",
        ) from None
    try:
        document = _document(path, notes)
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
        raise ImportDocumentError(
            f"berkas Word ini rusak atau bukan .docx ({damage_reason(exc)})",
            path=str(path),
            hint="buka di Word atau LibreOffice lalu simpan ulang sebagai 'Word Document "
            "(.docx)'; berkas .doc lama juga perlu disimpan ulang sebagai .docx",
        ) from None
    items: list[Item] = []
    walk = _Walk(
        prompts=_prompts(document.element.body), hidden=_hiding_styles(document.styles.element)
    )
    _body(document.element.body, items, walk)
    if notes is not None:
        notes.extend(walk.notes)
    if chunks is not None:
        chunks.extend(_chunks(document))
    return items


_OTHER_MAINS = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "dokumen Word bermakro (.docm)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "templat Word bermakro "
    "(.dotm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "templat "
    "Word (.dotx)",
}
"""The main parts of Word files python-docx refuses by their content type, though their
body is a document's: macro-enabled documents and templates. pokin reads the body only: a
macro (``vbaProject.bin``) is never read nor run."""


def _document(path: Path, notes: list[tuple[int, str]] | None) -> Any:
    """python-docx's document of ``path``, also of a ``.docm`` / ``.dotx`` / ``.dotm``
    (said in ``notes``), which ``docx.Document`` refuses as "not a Word file"."""
    from docx.opc.constants import CONTENT_TYPE
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _OTHER_MAINS:  # read as the document part they are
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    part = Package.open(str(path)).main_document_part
    kind = part.content_type
    if kind != CONTENT_TYPE.WML_DOCUMENT_MAIN and kind not in _OTHER_MAINS:
        raise ValueError(f"content type {kind!r}")  # said as a damaged file
    if kind in _OTHER_MAINS and notes is not None:
        macro = "makro" in _OTHER_MAINS[kind]
        notes.append(
            (
                1,
                f"berkas ini {_OTHER_MAINS[kind]}: isinya dibaca seperti .docx"
                + ("; makronya tidak dibaca dan tidak dijalankan" if macro else ""),
            )
        )
    return part.document


def _chunks(document: Any) -> Iterator[tuple[str, bytes]]:
    """The ``w:altChunk`` parts of the body, in order: (content type, bytes)."""
    related = document.part.related_parts
    for chunk in document.element.body.iter(f"{_W}altChunk"):
        part = related.get(chunk.get(_R_ID))
        if part is not None:
            yield part.content_type, part.blob


def _body(parent: Any, items: list[Item], walk: _Walk) -> None:
    """The paragraphs and tables under ``parent``, also inside content controls."""
    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            walk.line += 1
            tabbed = _text(child, walk)
            text = tabbed.replace("\t", " ")
            if text.strip():
                laid_out = tabbed if "\t" in tabbed else ""  # two signatures side by side
                items.append(Paragraph(walk.line, text, _level(child), laid_out))
        elif child.tag == f"{_W}tbl" and _frames(child):
            _frame(child, items, walk)
        elif child.tag == f"{_W}tbl":
            items.append(_table(child, walk))
        elif child.tag in _WRAPPERS:
            _body(child, items, walk)  # a template's content control wraps its blocks


def _frames(tbl: Any) -> bool:
    """Whether ``tbl`` is a frame around the decree's tables: a table nested in one of its
    cells has a header naming the decree's columns (a borderless layout table holding a
    position's identity in its rows and its IKI table in a cell). A small table in a
    formula cell names no such columns: the outer table stays a table."""
    for nested in tbl.iter(f"{_W}tbl"):
        if nested is tbl:
            continue
        for tr in list(_within(nested, f"{_W}tr"))[:3]:
            cells = _within(tr, f"{_W}tc")
            texts = ["".join(t.text or "" for t in tc.iter(f"{_W}t")) for tc in cells]
            if header_roles(texts) is not None:
                return True
    return False


def _frame(tbl: Any, items: list[Item], walk: _Walk) -> None:
    """A frame table's content: a row whose cells hold no table is one paragraph, its
    cells' texts side by side; a row with a table in a cell gives each cell's paragraphs
    and tables, in order (a table nested deeper is read the same way)."""
    for tr in _within(tbl, f"{_W}tr"):
        cells = list(_within(tr, f"{_W}tc"))
        if any(next(tc.iter(f"{_W}tbl"), None) is not None for tc in cells):
            for tc in cells:
                _body(tc, items, walk)
            continue
        walk.line += 1
        texts = [text for tc in cells if (text := _cell_text(tc, walk).strip())]
        lines = " ".join(texts).split("\n")
        items.extend(Paragraph(walk.line, line) for line in lines if line.strip())


_REVISIONS = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")


def _vanish(props: Any) -> bool | None:
    """What run properties (``w:rPr``) say of hiding: True, False (switched off), None."""
    vanish = props.find(f"{_W}vanish") if props is not None else None
    if vanish is None:
        return None
    return vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _hiding_styles(styles: Any) -> dict[str, bool]:
    """Style id -> whether the style hides its text, through the styles it is based on;
    only the styles that say either way."""
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(f"{_W}style"):
        sid = style.get(f"{_W}styleId")
        if sid:
            own[sid] = _vanish(style.find(f"{_W}rPr"))
            parent = style.find(f"{_W}basedOn")
            if parent is not None and parent.get(f"{_W}val"):
                based[sid] = parent.get(f"{_W}val")
    found: dict[str, bool] = {}
    for sid in own:
        seen, at = set(), sid
        while at in own and at not in seen and own[at] is None:  # a loop of styles ends
            seen.add(at)
            at = based.get(at, "")
        said = own.get(at)
        if said is not None:
            found[sid] = said
    return found


def _hidden(node: Any, paragraph: Any, walk: _Walk) -> bool:
    """Whether a text node's run is hidden: by the run itself, its character style or its
    paragraph's style, the nearest that says."""
    run = node.getparent()
    props = run.find(f"{_W}rPr") if run is not None else None
    said = _vanish(props)
    if said is not None:
        return said
    if not walk.hidden:
        return False
    style = props.find(f"{_W}rStyle") if props is not None else None
    said = walk.hidden.get(style.get(f"{_W}val", "")) if style is not None else None
    if said is not None:
        return said
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style is not None and walk.hidden.get(style.get(f"{_W}val", ""), False)


def _text(element: Any, walk: _Walk) -> str:
    """The text of a paragraph: its runs, tabs, line breaks as newlines; hidden runs left
    out (and said), a tracked change noted once."""
    if not walk.revised and next(element.iter(*_REVISIONS), None) is not None:
        walk.revised = True
        walk.notes.append((walk.line, _REVISED))
    parts: list[str] = []
    hidden: list[str] = []
    prompt: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node in walk.prompts:
            prompt.append(node.text or "")
        elif _hidden(node, element, walk):
            hidden.append(node.text or " ")
        elif node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    if "".join(hidden).strip():
        walk.notes.append((walk.line, _HIDDEN.format(" ".join("".join(hidden).split()))))
    if "".join(prompt).strip():
        walk.notes.append((walk.line, _PROMPT.format(" ".join("".join(prompt).split()))))
    return "".join(parts)


def _prompts(body: Any) -> set[Any]:
    """The text nodes of content controls that still show their placeholder
    (``w:showingPlcHdr``): a form template's "Klik atau ketuk di sini untuk memasukkan
    teks." where nothing was filled in is no data."""
    found: set[Any] = set()
    for sdt in body.iter(f"{_W}sdt"):
        shown = sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr")
        if shown is None or shown.get(f"{_W}val", "true") in ("0", "false", "off"):
            continue
        content = sdt.find(f"{_W}sdtContent")
        if content is not None:
            found.update(content.iter(f"{_W}t"))
    return found


def _level(paragraph: Any) -> int:
    ilvl = paragraph.find(f"{_W}pPr/{_W}numPr/{_W}ilvl")
    value = ilvl.get(f"{_W}val") if ilvl is not None else None
    return int(value) if value and value.isdigit() else 0


def _cell_text(tc: Any, walk: _Walk) -> str:
    lines: list[str] = []
    for paragraph in tc.iter(f"{_W}p"):
        text = _text(paragraph, walk).replace("\t", " ")
        lines.extend(line for line in text.split("\n") if line.strip())
    return "\n".join(lines)


def _table(tbl: Any, walk: _Walk) -> Table:
    table = Table()
    for tr in _within(tbl, f"{_W}tr"):
        walk.line += 1
        props = tr.find(f"{_W}trPr")
        cells: list[str | None] = [None] * _grid(props, "gridBefore")
        for tc in _within(tr, f"{_W}tc"):
            cells.extend(_cell(tc, cells, walk))
        cells.extend([""] * _grid(props, "gridAfter"))
        table.rows.append(TableRow(walk.line, cells))
    return table


def _within(parent: Any, tag: str) -> Iterator[Any]:
    """The children of ``parent`` with ``tag``, also those a content control or a custom
    XML element wraps (a template's repeating section around rows, a control around a
    cell): Word's schema lets both stand between a table and its rows, a row and its
    cells."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _within(child, tag)


def _grid(props: Any, name: str) -> int:
    """The grid columns a row leaves out before its first or after its last cell
    (``w:gridBefore`` / ``w:gridAfter``: a table pasted from a web page or Excel)."""
    node = props.find(f"{_W}{name}") if props is not None else None
    value = node.get(f"{_W}val", "0") if node is not None else "0"
    return min(int(value), 64) if value.isdigit() else 0


def _cell(tc: Any, row: list[str | None], walk: _Walk) -> list[str | None]:
    """A cell's text once per grid column it spans; ``None`` when it continues the cell
    above (``w:vMerge``), the left cell's text when it continues that one (the older
    ``w:hMerge``)."""
    props = tc.find(f"{_W}tcPr")
    span = props.find(f"{_W}gridSpan") if props is not None else None
    value = span.get(f"{_W}val", "1") if span is not None else "1"
    width = max(min(int(value), 64), 1) if value.isdigit() else 1
    if _continued(props, "vMerge"):
        return [None] * width
    if _continued(props, "hMerge") and row:
        return [row[-1]] * width
    return [_cell_text(tc, walk)] * width


def _continued(props: Any, name: str) -> bool:
    merge = props.find(f"{_W}{name}") if props is not None else None
    return merge is not None and merge.get(f"{_W}val") in (None, "continue")
