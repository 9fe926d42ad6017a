"""An argument parser that speaks to a planner in Indonesian.

argparse writes its own words (``usage:``, ``options:``, ``invalid choice``...) in English;
:class:`Parser` puts them in Indonesian, both in ``--help`` and in its errors, without
touching the :mod:`argparse` module itself (other parsers in the process keep theirs).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

__all__ = ["Parser", "decimal", "translate"]

_HELP = (
    ("usage: ", "cara pakai: "),
    ("positional arguments:", "argumen:"),
    ("options:", "opsi:"),
    ("optional arguments:", "opsi:"),
    ("show this help message and exit", "tampilkan bantuan ini lalu keluar"),
    ("show program's version number and exit", "tampilkan versi pokin lalu keluar"),
)

_TYPES = {"int": "bilangan bulat", "float": "angka"}

_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$"),
        r"argumen \1: \2 bukan pilihan yang ada (pilih salah satu: \3)",
    ),
    (re.compile(r"^argument (\S+): expected one argument$"), r"argumen \1 perlu satu nilai"),
    (
        re.compile(r"^argument (\S+): not allowed with argument (\S+)$"),
        r"argumen \1 tidak boleh bersama \2",
    ),
    (re.compile(r"^the following arguments are required: (.*)$"), r"argumen ini wajib: \1"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"argumen tidak dikenal: \1"),
    (
        re.compile(r"^argument (\S+): ignored explicit argument (.*)$"),
        r"argumen \1 tidak menerima nilai \2",
    ),
)
_INVALID = re.compile(r"^argument (\S+): invalid (\w+) value: (.*)$")
_OWN = re.compile(r"^argument (\S+): (.*)$")  # an ArgumentTypeError raised by a type below
_DECIMAL = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def decimal(text: str) -> float:
    """A number as a planner types it on the command line: ``0,8`` or ``0.8``.

    Indonesian writes the decimal comma; a thousands separator has no place in a score or a
    number of seconds, so one comma or one point is read as the decimal mark.

    >>> decimal("0,8"), decimal("0.75"), decimal("30")
    (0.8, 0.75, 30.0)
    >>> decimal("1.000,5")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '1.000,5' bukan angka: tulis mis. 0,8 (atau 0.8)
    """
    cleaned = text.strip()
    if not _DECIMAL.fullmatch(cleaned):
        raise argparse.ArgumentTypeError(f"{text!r} bukan angka: tulis mis. 0,8 (atau 0.8)")
    return float(cleaned.replace(",", "."))


def translate(message: str) -> str:
    """argparse's error ``message`` in Indonesian (left as it is when not recognised).

    >>> translate("argument --threshold: invalid float value: 'x'")
    "argumen --threshold: 'x' bukan angka yang sah"
    >>> translate("the following arguments are required: -o/--output")
    'argumen ini wajib: -o/--output'
    """
    invalid = _INVALID.match(message)
    if invalid:
        kind = _TYPES.get(invalid[2], invalid[2])
        return f"argumen {invalid[1]}: {invalid[3]} bukan {kind} yang sah"
    for pattern, replacement in _ERRORS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    own = _OWN.match(message)
    return f"argumen {own[1]}: {own[2]}" if own else message


class Parser(argparse.ArgumentParser):
    """:class:`argparse.ArgumentParser` with its own words in Indonesian."""

    def format_usage(self) -> str:
        return _indonesian(super().format_usage())

    def format_help(self) -> str:
        return _indonesian(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {translate(message)}\n")


def _indonesian(text: str) -> str:
    for english, indonesian in _HELP:
        text = text.replace(english, indonesian)
    return text
