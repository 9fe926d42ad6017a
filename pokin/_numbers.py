"""A number as a spreadsheet cell shows it, with the Indonesian decimal comma.

Shared by every reader of Excel workbooks (pokin's own matrix in :mod:`pokin.excel`, an
office's decree tables in :mod:`pokin.decree.xlsx`): a cell stores a number and a *number
format*, and a planner means what the sheet shows. See :mod:`pokin.excel.cells` for the
rules (percent, fixed decimals, General).

>>> number_text(82.5, "General"), number_text(0.955, "0.0%"), number_text(81.5, "0.00")
('82,5', '95,5%', '81,50')
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = ["number_text"]

# The parts of a number format that do not change the number shown: texts in quotes,
# escaped characters, spacing (_x) and fill (*x), colours and conditions ([Red], [<100]).
_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
_FORMAT_SCALE = re.compile(r"[0#?](,+)(?![,0#?])")  # 0.0,, shows millions


def number_text(value: int | float, number_format: str | None) -> str:
    """A number as a cell with this number format shows it (see the module docstring)."""
    spec = _number_format(number_format or "General")
    if spec is None:
        if isinstance(value, int) or value.is_integer():
            return str(int(value))
        return f"{value:.15g}".replace(".", ",")  # Excel shows 15 digits: 79,5 not 79,4999...
    percent, scale, shown, kept = spec
    number = Decimal(value if isinstance(value, int) else repr(value))
    number = number.scaleb(2 * percent - 3 * scale)
    with localcontext(prec=400):  # a float has at most 309 digits before the point
        number = number.quantize(Decimal(1).scaleb(-kept), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0.00"
    text = f"{number:f}"
    if kept > shown:  # 0.0# shows 85.5 as 85.5 and 85.25 as 85.25, never 85.50
        whole, _, decimals = text.partition(".")
        decimals = decimals.rstrip("0").ljust(shown, "0")
        text = f"{whole}.{decimals}" if decimals else whole
    return text.replace(".", ",") + "%" * percent  # the Indonesian decimal comma


def _number_format(number_format: str) -> tuple[bool, int, int, int] | None:
    """(percent, thousands scaled away, decimals always shown, decimals shown at most) of
    the format's first section, or ``None`` for General and the formats read as General."""
    section = _FORMAT_LITERAL.sub("", number_format).split(";")[0]
    if re.search(r"[A-Za-z@/]", section) or not re.search(r"[0#?]", section):
        return None  # General, text, dates (read as dates), scientific, fractions
    found = _FORMAT_SCALE.search(section)
    scale = len(found.group(1)) if found else 0
    _, dot, decimals = section.partition(".")
    shown = decimals.count("0") if dot else 0
    kept = sum(decimals.count(c) for c in "0#?") if dot else 0
    return "%" in section, scale, shown, kept
