"""Table cells of a decree, whatever its layout: HTML clean-up and the items of a cell.

A decree's table cell may pack several kinerja or indicators (``<p>`` items, an ``<ul>`` /
``<ol>`` list of ``<li>``, ``<br>`` lines, a numbered list "1. ... 2. ..."), or hold one
formula that merely *contains* a numbered list ("Jumlah dokumen tersusun : 1. monografi 2.
profil"). The rule used here, the one a planner reads the tables by: the **indicator cell
decides how many items a row has**; the other cells of the row are split only when they
split into exactly that many items (paired by position); a cell with one item applies to
all; a cell with another number of items is kept whole on each item and the rows say so in
their ``catatan`` (never silently) - the pairing is :mod:`.pairing`'s. Only the tags of
:data:`HTML_TAGS` are markup: other text in angle brackets ("<bulanan>", "< 3x24 jam")
is kept.

>>> clean_cell("<p>Surat dinas</p> <p>Listrik &amp; air</p>")
'Surat dinas Listrik & air'
>>> split_items("<p>Surat dinas</p> <p>Listrik &amp; air</p>")
['Surat dinas', 'Listrik & air']
>>> split_items("1. Persentase kehadiran; 2. Persentase usulan")
['Persentase kehadiran', 'Persentase usulan']
>>> split_items("Jumlah dokumen tersusun : 1. monografi 2. profil")
['Jumlah dokumen tersusun : 1. monografi 2. profil']
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field

from .hyphens import join_wrapped

__all__ = [
    "HIDDEN_TAGS",
    "HTML_TAGS",
    "MARKER",
    "Cell",
    "clean_cell",
    "continues",
    "escape_stray_brackets",
    "join_wrapped",
    "lettered_items",
    "line_items",
    "numbered_items",
    "read_raw",
    "split_items",
    "strip_list_punctuation",
]

HIDDEN_TAGS = ("head", "title", "style", "script", "meta", "link")
"""The tags of an HTML page's head, whose text is no text of the decree."""

HTML_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "b", "i", "strong", "em", "span", "div", "sup", "sub", "u"}
    | {"table", "thead", "tbody", "tr", "td", "th", "a", "font", "caption", "tfoot", "center"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "html", "body", "header", "footer", "section"}
    | {"article", "main", "blockquote", "small", "hr", "dl", "dt", "dd", "col", "colgroup"}
    | set(HIDDEN_TAGS)
)
"""The HTML tags a converter leaves in a cell: only these are markup, removed as such.

Anything else that looks like a tag is text of the decree and stays: "laporan patroli
<bulanan>", "< 3x24 jam", "a<b", "<= 5".
"""

_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?)"""
_TAG_BODY = (
    r"/?(?:" + "|".join(sorted(HTML_TAGS, key=len, reverse=True)) + r")"
    r"(?![-\w:])" + _ATTRIBUTE + r"*\s*/?>"
)
_TAG = re.compile("<" + _TAG_BODY, re.IGNORECASE)
_STRAY_LT = re.compile(r"<(?!" + _TAG_BODY + r"|!--|!doctype\b)", re.IGNORECASE)


def lettered_items(text: str) -> list[str] | None:
    """Split a whole lettered list written on one line into its items, else ``None``.

    >>> lettered_items("a. Menyusun rencana; b) Melaksanakan kegiatan; c. Melaporkan")
    ['Menyusun rencana', 'Melaksanakan kegiatan', 'Melaporkan']
    >>> lettered_items("Menyusun rencana kerja") is None
    True
    """
    cuts, expected = [], "a"
    for match in re.finditer(r"(?:^|(?<=\s))([a-z])[.)]\s", text):
        if match.group(1) == expected:
            cuts.append((match.start(), match.end()))
            expected = chr(ord(expected) + 1)
    if len(cuts) < 2 or cuts[0][0] != 0:
        return None
    ends = [cut[0] for cut in cuts[1:]] + [len(text)]
    return [strip_list_punctuation(text[c[1] : e]) for c, e in zip(cuts, ends, strict=True)]


_P_OPEN = re.compile(r"<p(?![-\w:])" + _ATTRIBUTE + r"*\s*>", re.IGNORECASE)
_OL_OPEN = re.compile(r"<ol(?![-\w:])" + _ATTRIBUTE + r"*\s*>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LI = re.compile(r"<li(?![-\w:])" + _ATTRIBUTE + r"*\s*>", re.IGNORECASE)
_LIST_OPEN = re.compile(r"\s*<(ul|ol)(?![-\w:])" + _ATTRIBUTE + r"*\s*>", re.IGNORECASE)
_LIST = re.compile(
    r"<(ul|ol)(?![-\w:])" + _ATTRIBUTE + r"*\s*>(.*?)(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_NUMBER = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[;:]))(\d{1,2})\.\s+")


def escape_stray_brackets(text: str) -> str:
    """Escape every ``<`` that does not open one of :data:`HTML_TAGS` (or a comment).

    >>> escape_stray_brackets("patroli <bulanan> <br>a<b <= 5")
    'patroli &lt;bulanan> <br>a&lt;b &lt;= 5'
    """
    return _STRAY_LT.sub("&lt;", text)


def _li_lists_as_text(text: str) -> str:
    """Write each ``<ul>`` / ``<ol>`` list of ``<li>`` items as text: "1. a; 2. b" / "a; b"."""

    def one(match: re.Match[str]) -> str:
        body = match.group(2)
        if not _LI.search(body):
            return match.group(0)  # "<ol> 1. a 2. b": numbered by hand, read by _format_ol
        items = [clean_cell(part).replace("\n", " ") for part in _LI.split(body)[1:]]
        items = [strip_list_punctuation(item) for item in items if item]
        if match.group(1).lower() == "ol":
            items = [f"{n}. {item}" for n, item in enumerate(items, 1)]
        return " " + "; ".join(items) + " "

    return _LIST.sub(one, text)


def _format_ol(text: str) -> str:
    """Put each item of an ``<ol>`` list on its own line ("\\n1. ...\\n2. ...")."""

    def one(match: re.Match[str]) -> str:
        body = match.group(1)
        body = re.sub(r"\s*(?<![\d.])(\d{1,2})\.\s+", r"\n\1. ", body)
        return "\n" + body.strip() + "\n"

    return re.sub(r"\x00OL(.*?)(?:\x00/OL|$)", one, text, flags=re.DOTALL)


def clean_cell(raw: str) -> str:
    """The text of a cell without HTML: tags dropped, entities decoded, spaces collapsed.

    Items of an ``<ol>`` list go on lines of their own; everything else is one line.
    """
    text = _li_lists_as_text(raw) if _LI.search(raw) else raw
    text = _OL_OPEN.sub("\x00OL", text)
    text = re.sub(r"</ol\s*>", "\x00/OL", text, flags=re.IGNORECASE)
    text = _BR.sub(" ", text)
    if "\x00OL" in text:
        text = _format_ol(text)
    text = text.replace("\x00/OL", " ")
    text = html.unescape(_TAG.sub(" ", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def strip_list_punctuation(item: str) -> str:
    """Drop the list punctuation a decree ends items with ("; dan", ";", ",").

    >>> strip_list_punctuation("Penyelenggaraan urusan pemerintahan umum; dan")
    'Penyelenggaraan urusan pemerintahan umum'
    """
    return re.sub(r"\s*(?:[;,.]\s*(?:dan|atau)?|\bdan)\s*$", "", item.strip()).strip()


def numbered_items(text: str) -> list[str] | None:
    """The items of ``text`` when it *is* a numbered list "1. a 2. b", else ``None``.

    The list must start the text and number its items 1, 2, 3... in order; a text with
    a lead before "1." (a formula explaining what it counts) is not a list of items.

    >>> numbered_items("1. Terselenggaranya Pembinaan 2. Terselenggaranya Konsolidasi")
    ['Terselenggaranya Pembinaan', 'Terselenggaranya Konsolidasi']
    >>> numbered_items("3 (tiga) dokumen: 1. Laporan 2. Laporan") is None
    True
    """
    text = text.strip()
    if not re.match(r"1\.\s", text):
        return None
    cuts: list[tuple[int, int]] = []
    expected = 1
    for match in _NUMBER.finditer(text):
        if int(match.group(1)) == expected:
            cuts.append((match.start(), match.end()))
            expected += 1
    if len(cuts) < 2:
        return None
    items = []
    for (_, body_start), nxt in zip(cuts, [*cuts[1:], (len(text), len(text))], strict=True):
        items.append(strip_list_punctuation(text[body_start : nxt[0]]))
    return [item for item in items if item] if all(items) else None


MARKER = re.compile(r"^(?:[-•*▪●·]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\s+")
"""A list marker opening a line: "1." "2)" "a." "(b)" "-" "•"."""

_CONTINUES_NEXT = re.compile(  # a line ending so is continued by the next one
    r"(?:[:,/(+=×÷\-–\u00ad]|\b(?:yang|dan|atau|dengan|di|ke|dari|untuk|pada|per|berbanding|dibagi"
    r"|terhadap|serta|oleh|dalam|sebagai|bagi|antara|x))\s*$",
    re.IGNORECASE,
)
_CONTINUES_PREVIOUS = re.compile(r"^(?:[a-z(]|[xX×÷/=*+)]\s|[xX×]\d|dibagi\b|berbanding\b)")


def continues(previous: str, line: str) -> bool:
    """Whether ``line`` visibly goes on from ``previous`` (a wrapped line of one text): it
    opens in lower case or with an operator, or ``previous`` ends with a connective.

    >>> continues("Jumlah surat yang", "Dicatat"), continues("Nilai IKM", "Laporan SKM")
    (True, False)
    """
    return bool(_CONTINUES_NEXT.search(previous) or _CONTINUES_PREVIOUS.match(line))


def line_items(lines: list[str], *, merge: bool = True) -> list[str] | None:
    """The items of a cell written as lines (``<br>``), or ``None`` when they are one text.

    A line is one item unless it visibly continues the line above: it starts in lower case
    or with an operator ("X 100%"), or the line above ends with a connective ("yang",
    "berbanding", ","...). When the first line opens with a list marker ("1.", "a.", "-"),
    only marked lines start items. A lead ending with ":" ("Jumlah dokumen:") followed by
    more lines makes the cell one text (a formula listing what it counts). With
    ``merge=False`` every line is an item (short values: "indeks<br>persen").

    >>> line_items(["IKM", "Persentase PATEN tepat waktu"])
    ['IKM', 'Persentase PATEN tepat waktu']
    >>> line_items(["Jumlah surat yang", "dicatat", "X 100%"]) is None
    True
    >>> line_items(["Jumlah dokumen:", "1. LKjIP", "2. Renja"]) is None
    True
    """
    lines = [" ".join(line.split()) for line in lines]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return None
    marked = bool(MARKER.match(lines[0]))
    items = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if marked:
            new = bool(MARKER.match(line)) or not merge
        else:
            if previous.endswith(":"):
                return None
            new = (
                not merge
                or bool(MARKER.match(line))
                or not (_CONTINUES_NEXT.search(previous) or _CONTINUES_PREVIOUS.match(line))
            )
        if new:
            items.append(line)
        else:
            items[-1] = f"{items[-1]} {line}"
    items = [strip_list_punctuation(MARKER.sub("", item)) for item in items]
    items = [item for item in items if item]
    return items if len(items) >= 2 else None


def _li_items(raw: str) -> list[str] | None:
    """The items of a cell that is nothing but one ``<ul>`` / ``<ol>`` list of ``<li>``."""
    opening = _LIST_OPEN.match(raw)
    if not opening:
        return None
    body = raw[opening.end() :]
    closing = re.search(rf"</{opening.group(1)}\s*>", body, re.IGNORECASE)
    if closing:
        if clean_cell(body[closing.end() :]):
            return None  # text after the list: the list is part of a longer text
        body = body[: closing.start()]
    if re.search(r"<(?:ul|ol)\b", body, re.IGNORECASE):
        return None  # a nested list: read as one text
    parts = _LI.split(body)
    if len(parts) < 3 or clean_cell(parts[0]):
        return None
    items = [strip_list_punctuation(clean_cell(part).replace("\n", " ")) for part in parts[1:]]
    items = [item for item in items if item]
    return items if len(items) >= 2 else None


def _br_items(raw: str, *, merge: bool = True) -> list[str] | None:
    """The items of a cell written as ``<br>`` lines (see :func:`line_items`)."""
    if not _BR.search(raw):
        return None
    lines = [clean_cell(part) for part in _BR.split(raw)]
    if any("\n" in line for line in lines):
        return None  # an <ol> list inside a line: one text
    return line_items(lines, merge=merge)


def split_items(raw: str) -> list[str]:
    """Split a cell into its items: ``<p>`` paragraphs, an ``<ul>`` / ``<ol>`` list of
    ``<li>``, ``<br>`` lines (:func:`line_items`), else a leading numbered list.

    A cell with a single item (the usual case) gives a one-item list; an empty cell an
    empty list. A ``<p>`` followed by an ``<ol>`` list keeps the list inside its item.

    >>> split_items("<ol><li>IKM</li><li>PATEN tepat waktu</li></ol>")
    ['IKM', 'PATEN tepat waktu']
    >>> split_items("85<br>95%")
    ['85', '95%']
    """
    if len(_P_OPEN.findall(raw)) >= 2:
        parts = [clean_cell(part) for part in _P_OPEN.split(raw)]
        items = [part for part in parts if part]
        if len(items) >= 2:
            return items
    listed = _li_items(raw) or _br_items(raw)
    if listed:
        return listed
    text = clean_cell(raw)
    if not text:
        return []
    numbered = numbered_items(text) if "\n" not in text else None
    return numbered or [text]


@dataclass
class Cell:
    """A cell read: its whole text, and its items when it is a list of several."""

    text: str  # the whole cell (lists written "1. a; 2. b" by the markdown reader)
    items: list[str] = field(default_factory=list)  # its items, when there are several
    lines: list[str] = field(default_factory=list)  # every line an item (unmerged <br> lines)

    def split(self) -> list[str]:
        """The items of the cell: its list, a numbered list "1. a 2. b" that is the whole
        text, else its text as one item (none if empty)."""
        if len(self.items) > 1:
            return list(self.items)
        if not self.text:
            return []
        numbered = numbered_items(self.text) if "\n" not in self.text else None
        return numbered or [self.text]


def read_raw(raw: str) -> Cell:
    """A tab-layout (HTML fragment) cell as a :class:`Cell`."""
    items = split_items(raw)
    return Cell(clean_cell(raw), items if len(items) > 1 else [], _br_items(raw, merge=False) or [])
