"""Invisible and control characters dropped from a decree's text before any reader sees it.

Word and web pages leave zero-width spaces and joiners (U+200B-U+200D, U+2060, U+FEFF),
soft hyphens (U+00AD) and stray control bytes (a DOS Ctrl-Z, U+001A) in the text; kept, they
split words the checks and link inference match ("Jum\\u200blah") and print as garbage. The
typesetter's hyphens U+2010/U+2011 become the ASCII ``-`` the readers already join broken
words with. A soft hyphen ending a word (where its line, or its cell's line, ends; maybe
drawn with a U+2010) is kept as one U+00AD: it says the word goes on in the next line
without a hyphen, which :func:`.hyphens.join_wrapped` reads (the policy is there). Every
removal is reported as a note naming the line, so nothing changes silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from .document import Item, Paragraph, TableRow
from .hyphens import SOFT_HYPHEN, shown_breaks
from .parts import ParsedDecree

_KEEP = frozenset("\t\n\r\f")
_SOFT_END = re.compile(r"\u00ad[\u2010\u2011]?$")
"""A soft hyphen ending a word, maybe with the hyphen a typesetter draws for it."""
_WORD = re.compile(r"[^ \t\n\r\f]+")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_PLAIN = re.compile(r"[\t\n\r\f\x20-\x7e]*")
"""Printable ASCII and the kept controls: nothing in it to drop or to turn into "-"."""


def _dropped(char: str) -> bool:
    category = unicodedata.category(char)
    return (category == "Cf" or category == "Cc") and char not in _KEEP


def clean_line(line: str, *, places: bool = False) -> tuple[str, Counter[str]]:
    """``line`` without invisible/control characters, and how many of each were dropped.

    With ``places``, a word that loses characters is padded with as many spaces after it,
    so the text after it keeps its place: in ``pdftotext -layout`` text, its column.

    >>> clean_line("Jum\u200blah berkas\x1a")
    ('Jumlah berkas', Counter({'U+200B': 1, 'U+001A': 1}))
    >>> clean_line("Mening\u00ad\u2010")[0], clean_line("disele\u00adsaikan  x", places=True)[0]
    ('Mening\xad', 'diselesaikan   x')
    """
    if _PLAIN.fullmatch(line):
        return line, Counter()
    dropped: Counter[str] = Counter()

    def word(match: re.Match[str]) -> str:
        raw = match.group()
        soft = _SOFT_END.search(raw)
        text = (raw[: soft.start()] if soft else raw).translate(_HYPHENS)
        gone = [c for c in text if _dropped(c)]
        if gone:
            dropped.update(f"U+{ord(c):04X}" for c in gone)
            text = "".join(c for c in text if not _dropped(c))
        text += SOFT_HYPHEN if soft else ""
        return text + " " * (len(raw) - len(text)) if places else text

    return _WORD.sub(word, line), dropped


def _note(line: int, dropped: Counter[str]) -> tuple[int, str]:
    named = ", ".join(f"{code} ×{count}" for code, count in sorted(dropped.items()))
    return (
        line,
        f"karakter tak terlihat atau kendali dihapus ({named}): periksa kata di baris ini",
    )


def clean_text(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text of a decree cleaned line by line, with a note for each line changed."""
    if _PLAIN.fullmatch(text):  # most decrees: one scan in C, no line read in Python
        return text, []
    lines = text.split("\n")
    notes: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        lines[number], dropped = clean_line(line, places=True)
        if dropped:
            notes.append(_note(number + 1, dropped))
    return "\n".join(lines), notes


def clean_items(items: list[Item]) -> tuple[list[Item], list[tuple[int, str]]]:
    """The paragraphs and table cells of a Word/PDF/Excel decree cleaned the same way."""
    notes: list[tuple[int, str]] = []
    out: list[Item] = []
    for item in items:
        if isinstance(item, Paragraph):
            text, dropped = clean_line(item.text)
            if dropped:
                notes.append(_note(item.line, dropped))
            out.append(replace(item, text=text))
        else:
            out.append(replace(item, rows=[_clean_row(row, notes) for row in item.rows]))
    return out, notes


def _clean_row(row: TableRow, notes: list[tuple[int, str]]) -> TableRow:
    cells: list[str | None] = []
    total: Counter[str] = Counter()
    for cell in row.cells:
        if cell is None:
            cells.append(None)
            continue
        text, dropped = clean_line(cell)
        total += dropped
        cells.append(text)
    if total:
        notes.append(_note(row.line, total))
    return replace(row, cells=cells)


def settle_soft_hyphens(parsed: ParsedDecree) -> None:
    """Write as "-" the soft hyphens :func:`clean_line` kept at word ends that no reader
    joined to a next line, in every text of ``parsed`` (see :mod:`.hyphens`)."""
    parsed.notes = [(line, shown_breaks(note)) for line, note in parsed.notes]
    for skipped in parsed.skipped:
        _settle(skipped)
    for block in parsed.blocks:
        _settle(block)
        block.fungsi = [shown_breaks(text) for text in block.fungsi]
        for row in block.rows:
            _settle(row)
    for sasaran in parsed.iku:
        _settle(sasaran)
        for indikator in sasaran.indikator:
            _settle(indikator)


def _settle(part: object) -> None:
    for name, value in vars(part).items():
        if isinstance(value, str) and SOFT_HYPHEN in value:
            setattr(part, name, shown_breaks(value))
