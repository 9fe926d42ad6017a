"""A markdown (or HTML) decree's text cut into what :mod:`.markdown` reads: plain lines
and tables, each with the line numbers of the source file.

- a run of pipe-table lines is one table (``|---|`` separators left out);
- an HTML ``<table>`` ... ``</table>`` is one table, spans expanded (:mod:`.htmltable`),
  whether it opens or closes mid-line ("<p>Jabatan : X</p><table>", "</table><p>...");
  its rows a browser hides are kept apart (``Rows.hidden``), for the reader to say;
- an HTML comment is skipped;
- every other line is a plain line. HTML written on few lines (an export's "minified" page:
  a whole decree on one line) is cut at each block tag outside the tables, opening or
  closing (``<p>``, ``</p>``, ``</h3>``, ``<li>``, ``<div>``...), and after each line break
  ``<br>`` (``<br/>``): each paragraph, and each line a page shows, is a line of its own,
  as in the same page pretty-printed ("JABATAN : CAMAT<br>ATASAN LANGSUNG : BUPATI<br>TUGAS
  : ..." is three lines, as a browser draws it and as its PDF print is read). The pieces
  keep the number of the line they come from.

>>> page = "<h3>KECAMATAN X</h3><p>JABATAN : CAMAT</p><table><tr><td>a</td></tr></table>"
>>> [(p.number, p.text) if isinstance(p, Plain) else p.rows for p in pieces(page)]
[(1, '<h3>KECAMATAN X</h3>'), (1, '<p>JABATAN : CAMAT</p>'), [(1, 'a', ['a'])]]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .htmltable import hidden_classes, hidden_elements, html_rows
from .markup import read_cell
from .pipes import is_separator, is_table_line, lost_pipe, split_row

__all__ = ["Hidden", "Plain", "Rows", "pieces"]

_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_BLOCKS = (
    r"(?:p|div|h[1-6]|li|ul|ol|title|head|header|footer|section|article|blockquote|center"
    r"|dl|dt|dd)"
)
_BLOCK_END = re.compile(
    rf"(<{_BLOCKS}\b[^>]*>)|</{_BLOCKS}\s*>|<br\b[^>]*>|<(/?)table\b[^>]*>",
    re.IGNORECASE,
)
"""Where a line of an HTML page ends (a cut outside the tables: a block tag, opening or
closing, or a line break), and a table's edges."""


@dataclass
class Plain:
    """One line outside the tables, as written (markdown marks, HTML)."""

    number: int
    text: str


@dataclass
class Rows:
    """One table: ``(line number, line, cells)`` per row; ``hidden`` the rows of an HTML
    table a browser does not show, ``(line number, cells)``, left out of ``rows``."""

    rows: list[tuple[int, str, list[str]]]
    hidden: list[tuple[int, list[str]]] = field(default_factory=list)


def _cut(line: str, depth: int) -> tuple[list[str], int]:
    """``line`` cut before each opening block tag, after each closing one and after each
    line break, outside a table; a piece with no text of its own stays with the one before
    (tags only: "</head><body>"). ``depth`` is how many
    tables are open at the start of the line; returned as it is at its end."""
    cuts = [0]
    for match in _BLOCK_END.finditer(line):
        if match.group(2) is not None:  # <table> / </table>
            depth = max(0, depth + (-1 if match.group(2) else 1))
        elif depth == 0:  # before an opening tag, after a closing one or a break
            cuts.append(match.start() if match.group(1) else match.end())
    if len(cuts) == 1:
        return [line], depth
    parts = [line[a:b] for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True)]
    out: list[str] = []
    for part in parts:
        if out and (_bare(part) or _bare(out[-1])):
            out[-1] += part
        else:
            out.append(part)
    return [part for part in out if part], depth


def _bare(part: str) -> bool:
    """Whether a piece of a line is tags only ("</head><body>", "<div>"): no line of its own."""
    return not read_cell(part).text and "<table" not in part.lower()


def _lines(text: str) -> tuple[list[str], list[int]]:
    """The lines of ``text`` (paragraphs of a page written on one line cut apart) and the
    source line number of each."""
    lines: list[str] = []
    numbers: list[int] = []
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if "<" in line and not is_table_line(line):
            parts, depth = _cut(line, depth)
        else:
            parts = [line]
        lines += parts
        numbers += [number] * len(parts)
    return lines, numbers


@dataclass
class Hidden:
    """An element of an HTML page a browser does not show (outside a table's rows), left
    out of the lines: its first line and its text."""

    number: int
    text: str


_MAY_HIDE = re.compile(r"hidden|display|visibility|<template", re.IGNORECASE)


def pieces(text: str) -> Iterator[Plain | Rows | Hidden]:
    """The plain lines and tables of a markdown decree, in order (see the module); first
    the HTML elements it hides (:class:`Hidden`), blanked out of the lines."""
    classes = hidden_classes(text) if "<style" in text.lower() else frozenset()
    may_hide = "<" in text and (bool(classes) or bool(_MAY_HIDE.search(text)))
    spans = hidden_elements(text, classes) if may_hide else []
    for start, end in spans:
        yield Hidden(text.count("\n", 0, start) + 1, text[start:end])
    for start, end in reversed(spans):  # blanked, so the line numbers stay the file's
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    lines, numbers = _lines(text)
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("<!--"):  # a comment, maybe over several lines
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if is_table_line(lines[i]):
            end = i + 1
            while end < len(lines) and (is_table_line(lines[end]) or lost_pipe(lines[end])):
                end += 1
            yield Rows(
                [
                    (numbers[i + k], line, split_row(line))
                    for k, line in enumerate(lines[i:end])
                    if not is_separator(line)
                ]
            )
            i = end
            continue
        start = lines[i].lower().find("<table")
        if start > 0 and read_cell(lines[i][:start]).text:  # "<p>Jabatan : X</p><table>"
            yield Plain(numbers[i], lines[i][:start])
            lines[i] = lines[i][start:]
            continue
        if start < 0:
            yield Plain(numbers[i], lines[i])
            i += 1
            continue
        end = i
        while end < len(lines) and "</table" not in lines[end].lower():
            end += 1
        html = "\n".join([lines[i][start:], *lines[i + 1 : end + 1]])
        table = html_rows(html, classes=classes)
        yield Rows(
            [(numbers[i + k - 1], " | ".join(c), c) for k, c, shown in table if shown],
            [(numbers[i + k - 1], c) for k, c, shown in table if not shown],
        )
        rest = _CLOSE.split(lines[end], maxsplit=1)[-1] if end < len(lines) else ""
        if read_cell(rest).text or "<table" in rest.lower():  # "</table><p>Jabatan..."
            lines[end], i = rest, end
        else:
            i = end + 1
