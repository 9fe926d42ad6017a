"""Texts in DOT: escaping for HTML-like labels and quoted attributes, wrapping lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["escape_html", "escape_quoted", "lines_html", "tip", "wrap_lines"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_html(text: str) -> str:
    r"""Escape text for an HTML-like label or one of its attributes.

    Graphviz expands escString sequences (``\N``, ``\G``, ``\\``) even inside HTML-like
    labels, so backslashes are doubled as well.

    >>> escape_html('<p>Jumlah & "mutu"</p>')
    '&lt;p&gt;Jumlah &amp; &quot;mutu&quot;&lt;/p&gt;'
    >>> print(escape_html("a\\N"))
    a\\N
    """
    text = _CONTROL.sub("", text).replace("\\", "\\\\")
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def escape_quoted(text: str) -> str:
    r"""Escape text for a double-quoted DOT attribute (an escString such as ``tooltip``).

    Backslashes are doubled, so ``\N`` stays two characters instead of the node name.

    >>> print(escape_quoted('a "b" \\N {c|d}'))
    a \"b\" \\N {c|d}
    """
    text = _CONTROL.sub("", text).replace("\\", "\\\\").replace('"', '\\"')
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def tip(text: str) -> str:
    """An HTML attribute value whose line breaks survive into the SVG tooltip."""
    return escape_html(text).replace("\r\n", "\n").replace("\n", "&#10;")


@lru_cache(maxsize=1 << 16)
def wrap_lines(text: str, width: int) -> tuple[str, ...]:
    """``text`` on lines of at most ``width`` characters; nothing is cut.

    Runs of spaces collapse; a word longer than a line is split over lines.

    >>> wrap_lines("Persentase   layanan selesai tepat waktu", 20)
    ('Persentase layanan', 'selesai tepat waktu')
    >>> wrap_lines("https://sakip.example/x", 10)
    ('https://sa', 'kip.exampl', 'e/x')
    >>> wrap_lines("", 10)
    ('',)
    """
    width = max(width, 8)
    lines: list[str] = []
    line = ""
    for word in _CONTROL.sub("", text).split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return tuple(lines)


def lines_html(lines: Sequence[str]) -> str:
    return "<BR/>".join(escape_html(line) for line in lines)
