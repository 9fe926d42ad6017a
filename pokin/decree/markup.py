r"""The markup inside a markdown decree's cells: HTML lists and breaks, LaTeX, escapes.

:func:`read_cell` turns one pipe-table cell (or one line of text) into a :class:`Cell`:
the whole text on one line, and its items when the cell *is* a list of items (an ``<ul>``
or ``<ol>``, several ``<p>``, ``<br>`` lines each opening with "1." / "a." / "-"). Math
(``$...$``, ``$$...$$``, ``\(...\)``, ``\[...\]``) becomes readable text first, keeping
its content (:func:`latex_to_text`). Everything is read in linear time: a hand-written
scanner for LaTeX, the standard library's HTML parser for the tags.

>>> cell = read_cell("Jumlah dokumen:<ol><li>LKjIP</li><li>Renja</li></ol>")
>>> cell.text, cell.items
('Jumlah dokumen: 1. LKjIP; 2. Renja', [])
>>> read_cell("<ul><li>Nilai SKM</li><li>**Nilai** SAKIP</li></ul>").items
['Nilai SKM', 'Nilai SAKIP']
>>> read_cell(r"$\frac{a}{b} \times 100\%$ \| total").text
'a / b × 100% | total'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .cells import (
    HIDDEN_TAGS,
    MARKER,
    Cell,
    escape_stray_brackets,
    line_items,
    strip_list_punctuation,
)

__all__ = ["MARKER", "Cell", "latex_to_text", "read_cell"]

# -- LaTeX ----------------------------------------------------------------------------------

_LATEX_SYMBOLS = {
    "times": " × ", "cdot": " · ", "div": " ÷ ", "pm": " ± ", "le": " ≤ ", "leq": " ≤ ",
    "ge": " ≥ ", "geq": " ≥ ", "ne": " ≠ ", "neq": " ≠ ", "approx": " ≈ ", "lt": " < ",
    "gt": " > ", "sum": "Σ ", "infty": "∞", "to": " → ", "rightarrow": " → ",
    "ldots": "…", "dots": "…", "cdots": "…", "quad": " ", "qquad": " ", "left": "",
    "right": "", "displaystyle": "", "textstyle": "", "%": "%", "&": "&", "_": "_",
    "{": "{", "}": "}", "$": "$", "#": "#", ",": " ", ";": " ", ":": " ", "!": "",
    " ": " ", "\\": " ",
}  # fmt: skip
_LATEX_TEXT = frozenset(
    {"text", "textrm", "textbf", "textit", "mathrm", "mathbf", "mathit", "mathsf", "mbox"}
)
_LATEX_FRACTIONS = frozenset({"frac", "dfrac", "tfrac", "cfrac"})
_MAX_DEPTH = 32  # braces nested deeper than this are read as plain characters


def latex_to_text(source: str) -> str:
    r"""A LaTeX formula as readable plain text, keeping its content.

    >>> latex_to_text(r"\frac{\text{Jumlah surat tercatat}}{\text{Jumlah surat}} \times 100\%")
    'Jumlah surat tercatat / Jumlah surat × 100%'
    >>> latex_to_text(r"\left(\frac{a+b}{c}\right) \geq 75")
    '((a+b) / c) ≥ 75'
    """
    text, _ = _latex_run(source, 0, 0, inside_braces=False)
    return " ".join(text.split()).replace("( ", "(").replace(" )", ")")


def _latex_run(s: str, i: int, depth: int, *, inside_braces: bool) -> tuple[str, int]:
    """Convert ``s`` from ``i`` to the closing brace (or the end): text and next index."""
    out: list[str] = []
    while i < len(s):
        ch = s[i]
        if ch == "}":
            i += 1
            if inside_braces:
                return "".join(out), i
        elif ch == "{":
            if depth < _MAX_DEPTH:
                inner, i = _latex_run(s, i + 1, depth + 1, inside_braces=True)
                out.append(inner)
            else:
                i += 1
        elif ch == "\\":
            name, i = _latex_name(s, i + 1)
            if name in _LATEX_FRACTIONS:
                numerator, i = _latex_argument(s, i, depth)
                denominator, i = _latex_argument(s, i, depth)
                out.append(f" {_wrap(numerator)} / {_wrap(denominator)} ")
            elif name == "sqrt":
                argument, i = _latex_argument(s, i, depth)
                out.append(f"√({argument.strip()})")
            elif name in _LATEX_TEXT:
                argument, i = _latex_argument(s, i, depth)
                out.append(argument)
            else:  # a known symbol, else the command's name (\alpha -> alpha)
                out.append(_LATEX_SYMBOLS.get(name, name))
        else:
            out.append(" " if ch == "~" else ch)
            i += 1
    return "".join(out), i


def _latex_name(s: str, i: int) -> tuple[str, int]:
    end = i
    while end < len(s) and s[end].isascii() and s[end].isalpha():
        end += 1
    if end == i:
        end = min(i + 1, len(s))  # a one-character command: \% \, \{
    return s[i:end], end


def _latex_argument(s: str, i: int, depth: int) -> tuple[str, int]:
    while i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] == "{" and depth < _MAX_DEPTH:
        return _latex_run(s, i + 1, depth + 1, inside_braces=True)
    if i < len(s) and s[i] == "\\":
        name, end = _latex_name(s, i + 1)
        return _LATEX_SYMBOLS.get(name, name), end
    return s[i : i + 1], i + 1


def _wrap(part: str) -> str:
    part = " ".join(part.split())
    if any(op in part for op in ("+", "×", "÷", "/", "·", " - ", "−")):
        return f"({part})"
    return part


_MATH = (("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), ("$", "$"))


def _replace_math(text: str) -> str:
    """Replace every ``$...$``, ``$$...$$``, ``\\(...\\)`` and ``\\[...\\]`` by plain text."""
    out: list[str] = []
    unclosed: set[str] = set()  # openers with no closer left: never searched again
    i = 0
    while i < len(text):
        if text[i] == "\\" and text[i + 1 : i + 2] not in ("(", "["):
            out.append(text[i : i + 2])  # an escaped character (\$, \*) stays for later
            i += 2
            continue
        for opener, closer in _MATH:
            if opener in unclosed or not text.startswith(opener, i):
                continue
            end = text.find(closer, i + len(opener))
            if end == -1:
                unclosed.add(opener)
                continue
            out.append(" " + latex_to_text(text[i + len(opener) : end]) + " ")
            i = end + len(closer)
            break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


# -- cells ----------------------------------------------------------------------------------

_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+)(?<=\S)\*(?![\w*])")


def _clean(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    text = _MD_ESCAPE.sub(r"\1", _ITALIC.sub(r"\1", text))
    return " ".join(text.split())


_HIDING = frozenset(HIDDEN_TAGS) - {"meta", "link"}  # the ones with content


class _CellHtml(HTMLParser):
    """Collects a cell's pieces: ``("text" | "p" | "ul" | "ol", text)``; ``<br>`` is "\\n"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, str]] = []
        self._buffer: list[str] = []
        self._kind = "text"
        self._lists: list[str] = []
        self._hidden = 0  # inside a page's <head>, <title>, <style>: no text of the decree

    def _flush(self, kind_after: str) -> None:
        text = "".join(self._buffer)
        if text.strip():
            self.pieces.append((self._kind, text))
        self._buffer, self._kind = [], kind_after

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDING:
            self._hidden += 1
        elif tag == "br":
            self._buffer.append("\n")
        elif tag in ("ul", "ol"):
            if not self._lists:
                self._flush("text")
            self._lists.append(tag)
        elif tag == "li":
            if len(self._lists) <= 1:
                self._flush(self._lists[-1] if self._lists else "ul")
            else:
                self._buffer.append("; ")  # a nested list stays inside its item
        elif tag in ("p", "div") and not self._lists:
            self._flush("p")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDING:
            self._hidden = max(0, self._hidden - 1)
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
            if not self._lists:
                self._flush("text")
        elif (tag == "li" and len(self._lists) <= 1) or (tag in ("p", "div") and not self._lists):
            self._flush("text")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush("text")


def read_cell(raw: str) -> Cell:
    """Read a markdown cell (or line): math, HTML lists and breaks, escapes, bold."""
    parser = _CellHtml()
    parser.feed(escape_stray_brackets(_replace_math(raw)))
    parser.close()
    pieces: list[tuple[str, list[str]]] = []
    for kind, text in parser.pieces:
        lines = [_clean(line) for line in text.split("\n")]
        pieces.append((kind, [line for line in lines if line]))
    pieces = [(kind, lines) for kind, lines in pieces if lines]
    parts: list[str] = []
    number = 0
    for kind, lines in pieces:
        number = number + 1 if kind == "ol" else 0
        part = " ".join(lines)
        parts.append(f"{number}. {part}" if kind == "ol" else part)
    whole = ""
    for part in parts:
        whole = f"{whole}{' ' if not whole or whole.endswith(':') else '; '}{part}"
    kinds = {kind for kind, _ in pieces}
    items: list[str] = []
    one_a_line: list[str] = []
    if (pieces and kinds <= {"ul", "ol"}) or (len(pieces) > 1 and kinds == {"p"}):
        items = [" ".join(piece) for _, piece in pieces]
        items = [strip_list_punctuation(MARKER.sub("", item)) for item in items]
    elif len(pieces) == 1 and len(pieces[0][1]) > 1:  # <br> lines: items, or one text
        items = line_items(pieces[0][1]) or []
        one_a_line = line_items(pieces[0][1], merge=False) or []
    return Cell(whole.strip(), [item for item in items if item], one_a_line)
