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

__all__ = ["join_identity", "split_headings"]

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
