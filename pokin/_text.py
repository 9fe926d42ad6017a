"""Text keys: the one place pokin decides which differences in a text matter.

Two keys, chosen on purpose:

- :func:`fold` ignores case and spacing only. It compares names a planner typed
  (ids in references, column headers, unit names), where punctuation carries meaning:
  "No." is not "No", "S.1" is not "S1".
- :func:`words` also ignores punctuation, every run of it being a word break. It compares
  prose (kinerja and indikator texts, titles after "membantu"), where "Camat;" and "Camat"
  name the same thing and "Umum & Kepegawaian" keeps its words.

:func:`slugify` and :func:`unique` make ids from titles. :func:`format_number` and
:func:`format_percent` write numbers the Indonesian way, for everything a planner reads
(:func:`format_value` a target or realisasi typed as a bare number, :func:`format_date` a
date: "5 Januari 2026").
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

__all__ = [
    "BULAN",
    "LINE_BREAKS",
    "ONE_LINE",
    "SHOWABLE",
    "UNSHOWN",
    "fold",
    "format_date",
    "format_decimal",
    "format_moment",
    "format_number",
    "format_percent",
    "format_value",
    "markdown_cell",
    "markdown_escape",
    "slugify",
    "unique",
    "unshown",
    "words",
]

_PUNCTUATION = re.compile(r"[^\w]+")


def fold(text: Any) -> str:
    """Case and runs of whitespace ignored; punctuation kept.

    >>> fold("  Seksi   PEMERINTAHAN ")
    'seksi pemerintahan'
    >>> fold("No.") == fold("no")
    False
    """
    return " ".join(str(text).split()).casefold()


def words(text: Any) -> str:
    """Case, whitespace and punctuation ignored: the words, lower-case, one space apart.

    >>> words("Membantu CAMAT; dalam  urusan Umum & Kepegawaian.")
    'membantu camat dalam urusan umum kepegawaian'
    """
    text = str(text)
    if text.isascii():  # the same words, a byte table instead of a regex: 7 times faster
        return b" ".join(text.encode().translate(_ASCII_WORDS).split()).decode()
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


_ASCII_WORDS = bytes(
    (b + 32 if 65 <= b <= 90 else b) if chr(b).isalnum() or b == 95 else 32 for b in range(128)
) + bytes(128)
"""Each ASCII byte lower-cased when it is a word character (``\\w``: letters, digits,
``_``), a space when it is not."""


def slugify(text: str) -> str:
    """Lower-case, ASCII, dash-separated form of a title, for ids.

    >>> slugify("KASUBBAG UMUM & KEPEGAWAIAN")
    'kasubbag-umum-kepegawaian'
    >>> slugify("Plt. Lurah  Kebomas")
    'plt-lurah-kebomas'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def unique(candidate: str, taken: set[str] | set[str | None]) -> str:
    """``candidate``, or ``candidate-2``, ``-3``... the first not in ``taken`` (then taken).

    >>> taken = {"sekretaris"}
    >>> unique("sekretaris", taken), unique("sekretaris", taken), unique("camat", taken)
    ('sekretaris-2', 'sekretaris-3', 'camat')
    """
    result, n = candidate, 1
    while result in taken:
        n += 1
        result = f"{candidate}-{n}"
    taken.add(result)
    return result


def format_number(value: float, digits: int = 0) -> str:
    """A number the Indonesian way: ``.`` between thousands, ``,`` before the decimals.

    >>> format_number(1234567), format_number(87.5, 1), format_number(-0.25, 2)
    ('1.234.567', '87,5', '-0,25')
    """
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_decimal(value: float, most: int = 2) -> str:
    """A number the Indonesian way with at most ``most`` decimals, trailing zeros dropped.

    >>> format_decimal(1234.5), format_decimal(80), format_decimal(0.125, 2)
    ('1.234,5', '80', '0,12')
    """
    text = format_number(value, most)
    return text.rstrip("0").rstrip(",") if "," in text else text


def format_percent(share: float | None, digits: int = 1) -> str:
    """A share (0 to 1) as a percentage the Indonesian way; ``None`` (a share of nothing,
    0 of 0) as a dash.

    >>> format_percent(1.0), format_percent(0.6667), format_percent(0.5, 0), format_percent(None)
    ('100,0%', '66,7%', '50%', '—')
    """
    if share is None:
        return "—"
    return f"{format_number(share * 100, digits)}%"


_BARE_INTEGER = re.compile(r"-?\d+")
_BARE_DECIMAL = re.compile(r"-?\d+\.\d+")
_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")


def format_value(text: str) -> str:
    """A target or realisasi as a planner reads it: a bare number (a YAML ``1450`` or a
    spreadsheet's ``1450.5``, kept by the model as ``"1450"``, ``"1450.5"``) the Indonesian
    way, as :func:`pokin.capaian.number` reads it; any other text as it was written.

    >>> format_value("1450"), format_value("1450.5"), format_value("1.500"), format_value("80")
    ('1.450', '1.450,5', '1.500', '80')
    >>> format_value("500 surat"), format_value("81,35"), format_value("0012")
    ('500 surat', '81,35', '0012')
    """
    if _BARE_INTEGER.fullmatch(text) and not text.lstrip("-").startswith("0"):
        return format_number(int(text))
    if _BARE_DECIMAL.fullmatch(text) and not _THOUSANDS.fullmatch(text):
        whole, _, decimals = text.partition(".")
        return f"{format_number(int(whole)) if whole != '-0' else whole},{decimals}"
    return text


BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
"""The months as Indonesian writes them, January first: dates are written and read with
them (:func:`format_date`, a decree's "27 Januari 2023")."""


def format_date(day: date) -> str:
    """A date as a planner writes it.

    >>> format_date(date(2026, 1, 5))
    '5 Januari 2026'
    """
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def format_moment(value: date | time | timedelta) -> str:
    """A date, a time of day or a duration (an Excel cell holding one) as a planner writes
    it: the day as :func:`format_date`, the hour with a dot, a duration in words.

    >>> format_moment(datetime(2026, 12, 31)), format_moment(datetime(2026, 12, 31, 14, 30))
    ('31 Desember 2026', '31 Desember 2026 pukul 14.30')
    >>> format_moment(time(8, 0)), format_moment(time(7, 5, 9))
    ('08.00', '07.05.09')
    >>> format_moment(timedelta(hours=2, minutes=30)), format_moment(timedelta(days=3))
    ('2 jam 30 menit', '3 hari')
    """
    if isinstance(value, timedelta):
        days, rest = divmod(int(value.total_seconds()), 86400)
        parts = zip((days, rest // 3600, rest % 3600 // 60, rest % 60), _DURATION, strict=True)
        return " ".join(f"{n} {unit}" for n, unit in parts if n) or "0 menit"
    if isinstance(value, time):
        return value.strftime("%H.%M.%S" if value.second else "%H.%M")
    if isinstance(value, datetime) and value.time() != time(0, 0):
        return f"{format_date(value)} pukul {format_moment(value.time())}"
    return format_date(value)


_DURATION = ("hari", "jam", "menit", "detik")


# -- characters a text may not hold

_UNSHOWN_RANGES = (
    (0x0, 0x8),
    (0xB, 0x1F),
    (0x7F, 0x9F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0xFFFE, 0xFFFF),
)
"""The code points of :data:`UNSHOWN`, first and last of each run: the one list both
regular expression syntaxes (pydantic-core's, Python's) are written from."""

UNSHOWN = "".join(rf"\x{{{first:X}}}-\x{{{last:X}}}" for first, last in _UNSHOWN_RANGES)
"""The characters a text may not hold (a character class's inside, in the regular
expression syntax of pydantic-core, Rust's): the control characters but tab and line feed
(a carriage return only before a line feed), DEL and the C1 controls, the bidirectional
overrides and isolates, and the noncharacters U+FFFE / U+FFFF. None can be written to an
SVG, a workbook or a docx (XML 1.0 refuses them), and on a terminal or in a report they
rewrite the line they are in (``"Camat\\rpokin: galat: ..."``, an escape sequence, a
right-to-left override). A YAML file gets them only from an escape in a double-quoted
text (``"\\0"``, ``"\\e"``, ``"\\x1b"``), a JSON file from ``\\u0000``; the decree readers
remove them with a note."""

SHOWABLE = rf"^(?:[^{UNSHOWN}]|\r\n)*$"
"""A text holding none of :data:`UNSHOWN` (pydantic-core's syntax)."""

LINE_BREAKS = r"\n\r"
"""The line breaks a one-line text may not hold (a class's inside, as :data:`UNSHOWN`)."""

ONE_LINE = rf"^[^{UNSHOWN}{LINE_BREAKS}]*$"
"""A text on one line holding none of :data:`UNSHOWN`: a jabatan's nama, unit and eselon,
the organisasi's nama, pemerintah and periode. Each starts or heads a line of pokin's
output: a line break in a nama would print a line of its own
(``"Sekretaris\\npokin: galat: ..."``). Longer texts a decree may write over several lines
(a kinerja, a target per quarter) are shortened to one line where a finding quotes them."""


_UNSHOWN_PY = re.compile(
    "[" + "".join(rf"\U{first:08X}-\U{last:08X}" for first, last in _UNSHOWN_RANGES) + "]"
)


def unshown(text: str) -> str | None:
    """The first character of ``text`` that :data:`SHOWABLE` refuses, as ``U+001B``.

    >>> unshown("Camat\\x1b[31m"), unshown("Baris 1\\r\\nBaris 2"), unshown("a\\rb")
    ('U+001B', None, 'U+000D')
    """
    for found in _UNSHOWN_PY.finditer(text):
        if found.group() != "\r" or text[found.end() : found.end() + 1] != "\n":
            return f"U+{ord(found.group()):04X}"
    return None


# -- Markdown


def markdown_cell(text: object) -> str:
    r"""``text`` safe in a Markdown table cell (and a heading or list item): one line, no raw
    HTML, and the marks that would end the cell or make a link escaped: a pipe, the
    backslash that would undo a pipe's escape (``a\|b`` from a decree must not split the
    row), and the brackets of ``[text](javascript:...)``.

    >>> print(markdown_cell("a\\|b [klik](javascript:x) <p>"))
    a\\\|b \[klik\](javascript:x) &lt;p&gt;
    """
    return markdown_escape(" ".join(str(text).split()))


def markdown_escape(text: str) -> str:
    """:func:`markdown_cell` without joining the text's lines and spaces."""
    return (
        html.escape(text, quote=False)
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )
