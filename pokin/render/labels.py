"""Texts in DOT: escaping for HTML-like labels and quoted attributes, wrapping lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import quote

__all__ = [
    "LABEL_BUDGET",
    "LABEL_CHARS",
    "MORE_FINDINGS",
    "escape_html",
    "escape_quoted",
    "href",
    "lines_html",
    "shorten",
    "tip",
    "tip_with_notes",
    "wrap_lines",
]

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


LABEL_CHARS = 600
"""The most characters of one text a box shows; the tooltip holds more (see :func:`tip`)."""

LABEL_BUDGET = 12_000
"""The most characters of one tooltip once escaped. Graphviz refuses an HTML-like tag longer
than 16,384 characters (each ``<TD TOOLTIP="...">`` on its own: the cells of one box may
hold more between them, as the tests check with ``dot``), so a longer text is shortened."""


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters at a word, with an ellipsis when cut.

    >>> shorten("Persentase layanan selesai tepat waktu", 24)
    'Persentase layanan…'
    >>> shorten("pendek", 24)
    'pendek'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def tip(text: str, limit: int = LABEL_BUDGET) -> str:
    r"""An HTML attribute value whose line breaks survive into the SVG tooltip, of at most
    ``limit`` characters once escaped (the text is shortened, never the escaping cut).

    >>> tip('a "b"\nc')
    'a &quot;b&quot;&#10;c'
    >>> len(tip("&" * 5000, 1000)) <= 1000
    True
    """
    out = escape_html(text).replace("\r\n", "\n").replace("\n", "&#10;")
    size = limit
    while len(out) > limit and size > 1:
        size = size * 2 // 3
        out = escape_html(shorten(text, size)).replace("\r\n", "\n").replace("\n", "&#10;")
    return out


MORE_FINDINGS = "… dan {n} temuan lain: lihat laporan (pokin report) atau pokin check"
"""The last line of a tooltip whose findings do not all fit in the label."""

_TEXT_FLOOR = 120
"""The shortest a text line of a tooltip is cut to before findings are left out."""


def _escaped(lines: Sequence[str]) -> str:
    return escape_html("\n".join(lines)).replace("\r\n", "\n").replace("\n", "&#10;")


def tip_with_notes(lines: Sequence[str], notes: Sequence[str], limit: int = LABEL_BUDGET) -> str:
    r"""A tooltip of text ``lines`` then finding ``notes``, of at most ``limit`` characters
    once escaped, with no finding cut in the middle.

    What does not fit goes in this order: the text lines are shortened (to 120 characters
    each at the least); then findings are left out from the last, whole, and one line counts
    them (:data:`MORE_FINDINGS`); only a limit too small for that shortens everything.

    >>> tip_with_notes(["Indikator"], ["PK501: a", "PK503: b"], 100).split("&#10;")
    ['Indikator', 'PK501: a', 'PK503: b']
    >>> notes = [f"PK50{n}: " + "kata " * 20 for n in range(5)]
    >>> tip_with_notes(["Indikator"], notes, 300).split("&#10;")[-1][:20]
    '… dan 4 temuan lain:'
    """
    out = _escaped([*lines, *notes])
    if len(out) <= limit:
        return out
    size = max((len(line) for line in lines), default=0)
    short = list(lines)
    while size > _TEXT_FLOOR:
        size = max(size * 2 // 3, _TEXT_FLOOR)
        short = [shorten(line, size) for line in lines]
        out = _escaped([*short, *notes])
        if len(out) <= limit:
            return out
    for keep in range(len(notes) - 1, -1, -1):
        out = _escaped([*short, *notes[:keep], MORE_FINDINGS.format(n=len(notes) - keep)])
        if len(out) <= limit:
            return out
    if not notes:
        return tip("\n".join(short), limit)
    more = _escaped([MORE_FINDINGS.format(n=len(notes))])
    if len(more) + 6 > limit:  # not even room for the count: the texts, shortened
        return tip("\n".join(short), limit)
    return tip("\n".join(short), limit - len(more) - 5) + "&#10;" + more


def href(node_id: str) -> str:
    """The link of a box to ``#id``, percent-encoded then escaped: whatever an id holds,
    it can never close the attribute (Graphviz writes ``HREF`` into the SVG unescaped).

    >>> href('k"><img src=x onerror=alert(1)>')
    '#k%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E'
    >>> href("camat.k1.i2")
    '#camat.k1.i2'
    """
    return "#" + escape_html(quote(node_id, safe="._-:/"))


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
    """Lines of a label, escaped; a blank text a no-break space (``<B></B>`` is an error)."""
    return "<BR/>".join(escape_html(line) for line in lines) or "&#160;"
