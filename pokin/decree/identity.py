"""An identity row written over several lines, joined back into one line before any reader.

Plain ``pdftotext`` writes a Word table ``JABATAN | : | CAMAT`` one cell per line ("JABATAN" /
":" / "CAMAT"), and some decrees set the value under its label ("1. NAMA JABATAN" /
": CAMAT"). Label, colon and value are consecutive cells of one identity row: they are
joined on the label's line ("JABATAN : CAMAT") and the lines they came from are left empty,
so every line keeps its number. A label letter-spaced for emphasis ("J A B A T A N") is
closed up. :func:`split_headings` names the lines of a jabatan heading still left in pieces,
for the refusal of a text where no block was found.
"""

from __future__ import annotations

import re

from .document import Item, Paragraph
from .parts import ParsedDecree

__all__ = [
    "flattened_pieces",
    "join_identity",
    "renumber",
    "split_flattened",
    "split_headings",
    "split_items",
]

# the labels of an identity row (FUNGSI is left alone: its items follow as a list)
_LABEL = re.compile(
    r"^(?:\d{1,2}\s*[.)]\s*)?(?:nama\s+)?"
    r"(?:jabatan(?:\s+atasan)?|atasan(?:\s+langsung)?|tugas(?:\s+pokok)?|unit\s+kerja)\s*\.?$",
    re.IGNORECASE,
)
_JABATAN = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?(?:nama\s+)?jabatan\s*\.?$", re.IGNORECASE)
_SPACED = re.compile(r"^(\s*(?:\d{1,2}\s*[.)]\s*)?)((?:[A-Za-z] ){3,}[A-Za-z])(?=\s*[.:]|\s*$)")


def _closed(line: str) -> str:
    """``line`` with a letter-spaced label at its start closed up, when that is a label.

    >>> _closed("J A B A T A N : CAMAT"), _closed("A B C : x")
    ('JABATAN : CAMAT', 'A B C : x')
    """
    match = _SPACED.match(line)
    if match is None:
        return line
    word = match.group(2).replace(" ", "")
    if not _LABEL.match(word):
        return line
    return match.group(1) + word + line[match.end() :]


def join_identity(text: str) -> str:
    """``text`` with each identity row written over 2-3 lines joined on its label's line.

    >>> join_identity("JABATAN\\n:\\nCAMAT\\nTUGAS\\n: Memimpin")
    'JABATAN : CAMAT\\n\\n\\nTUGAS : Memimpin\\n'
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        closed = _closed(line)
        if closed is not line:
            lines[i] = line = closed
        label = " ".join(line.split())
        if not _LABEL.match(label) or i + 1 >= len(lines):
            continue
        colon = lines[i + 1].strip()
        if not colon.startswith(":"):
            continue
        value = colon[1:].strip()
        used = [i + 1]
        if not value and i + 2 < len(lines) and lines[i + 2].strip():
            value = lines[i + 2].strip()
            used.append(i + 2)
        if not value or _LABEL.match(" ".join(value.split())):
            continue
        lines[i] = f"{label.rstrip('.')} : {value}"
        for n in used:
            lines[n] = ""
    return "\n".join(lines)


_FLAT_START = re.compile(
    r"^[*#_> ]*(?:\d{1,2}\s*[.)]\s*)?(?:nama\s+)?jabatan\s*\.?\s*:[*_\s]*[^*_\s]", re.I
)
_INLINE_LABEL = re.compile(
    r"\s+(?=[*_]*(?:jabatan\s+atasan|nama\s+jabatan|atasan(?:\s+langsung)?|"
    r"tugas(?:\s+pokok)?|fungsi|unit\s+kerja)\s*\.?\s*:)",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"\d{1,2}\s*[.)]?$")  # "... 2. TUGAS :": the flat PDF reader's


def split_flattened(text: str) -> tuple[str, list[int]]:
    """``text`` with an identity flattened onto one line ("JABATAN : X ATASAN LANGSUNG : Y
    TUGAS : Z", a PDF or an HTML page without line breaks) cut at its labels, one per line,
    and the line each new line came from (empty when nothing was cut: ``text`` as it was).
    A numbered one ("1. JABATAN : X 2. TUGAS : ...") is the flat PDF reader's; a table row
    ("|") is left whole.

    >>> split_flattened("JABATAN : LURAH X ATASAN LANGSUNG : CAMAT Y TUGAS : Memimpin\\nz")
    ('JABATAN : LURAH X\\nATASAN LANGSUNG : CAMAT Y\\nTUGAS : Memimpin\\nz', [1, 1, 1, 2])
    """
    lines = text.split("\n")
    out: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, 1):
        pieces = flattened_pieces(line)
        out.extend(pieces)
        origin.extend([number] * len(pieces))
    if len(out) == len(lines):
        return text, []
    return "\n".join(out), origin


def flattened_pieces(line: str) -> list[str]:
    """A flattened identity line cut at its labels (see :func:`split_flattened`); any
    other line alone.

    >>> flattened_pieces("**Jabatan :** Lurah X **Tugas :** Memimpin")
    ['**Jabatan :** Lurah X', '**Tugas :** Memimpin']
    """
    start = _FLAT_START.match(line)
    if "|" in line or start is None:
        return [line]
    cuts = [
        cut.span()
        for cut in _INLINE_LABEL.finditer(line, start.end())
        if not _NUMBERED.search(line, 0, cut.start())
    ]
    if not cuts:
        return [line]
    ends = [0, *(e for _, e in cuts)]
    return [line[a:b] for a, b in zip(ends, [*(s for s, _ in cuts), len(line)], strict=True)]


def split_items(items: list[Item]) -> list[Item]:
    """``items`` (a Word, PDF or HTML document's) with a paragraph holding a flattened
    identity cut into one paragraph a label, each on the paragraph's line."""
    out: list[Item] = []
    for item in items:
        pieces = flattened_pieces(item.text) if isinstance(item, Paragraph) else []
        if len(pieces) > 1 and isinstance(item, Paragraph):
            out.extend(Paragraph(item.line, p.strip(), item.level) for p in pieces)
        else:
            out.append(item)
    return out


def renumber(parsed: ParsedDecree, origin: list[int]) -> None:
    """Give every line number in ``parsed`` back as the line of the text before
    :func:`split_flattened` (``origin[n - 1]`` for line ``n``)."""

    def at(n: int) -> int:
        return origin[n - 1] if 0 < n <= len(origin) else n

    for block in parsed.blocks:
        block.line = at(block.line)
        if block.atasan_line is not None:
            block.atasan_line = at(block.atasan_line)
        for row in block.rows:
            row.line = at(row.line)
    for sasaran in parsed.iku:
        sasaran.line = at(sasaran.line)
        for indikator in sasaran.indikator:
            indikator.line = at(indikator.line)
    for skipped in parsed.skipped:
        skipped.line, skipped.end_line = at(skipped.line), at(skipped.end_line)
    parsed.notes = [(at(n), note) for n, note in parsed.notes]


def split_headings(text: str) -> list[tuple[int, list[str]]]:
    """The lines (first line number, texts) where a jabatan heading is seen in pieces that
    could not be joined: a bare "JABATAN" label and the 2 lines after it.

    >>> split_headings("x\\nJABATAN\\nCAMAT\\n")
    [(2, ['JABATAN', 'CAMAT'])]
    """
    lines = text.split("\n")
    found: list[tuple[int, list[str]]] = []
    for i, line in enumerate(lines):
        if _JABATAN.match(" ".join(line.split())):
            pieces = [" ".join(p.split()) for p in lines[i : i + 3]]
            found.append((i + 1, [p for p in pieces if p]))
    return found
