"""The errors of a ``.json`` tree file a planner reads: the json module's English messages
in Indonesian, ``NaN``/``Infinity`` refused where they stand, and a text nested too deep to
read, each with its file, line and column."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import PokinFileError


def syntax_error(exc: json.JSONDecodeError, text: str, path: Path) -> PokinFileError:
    """The json module's syntax error, in Indonesian, at its line and column."""
    return PokinFileError(
        f"kesalahan sintaks JSON: {_message(exc.msg, text)}",
        path=path,
        line=exc.lineno,
        column=exc.colno,
        hint="periksa kurung, tanda petik dan koma di sekitar tempat ini"
        if text.strip()
        else "simpan pohon kinerja ke berkas ini lagi: pokin.save(tree, 'x.json')",
    )


_JSON_MESSAGES = {
    "Expecting value": "nilai diharapkan di sini (koma berlebih sebelum `]`, atau teks tanpa "
    "tanda petik ganda?)",
    "Expecting property name enclosed in double quotes": "nama kunci bertanda petik ganda "
    "diharapkan (koma berlebih sebelum `}`, atau kunci dengan petik tunggal?)",
    "Expecting ',' delimiter": "koma tidak ada di antara dua unsur",
    "Expecting ':' delimiter": "titik dua (:) tidak ada sesudah nama kunci",
    "Unterminated string starting at": "tanda petik tidak ditutup",
    "Invalid control character at": "karakter kendali (tab atau baris baru) di dalam teks "
    "bertanda petik: tulis \\t atau \\n",
    "Extra data": "ada teks lagi sesudah akhir data JSON",
    "Invalid \\escape": "urutan escape dengan \\ tidak sah",
    "Invalid \\uXXXX escape": "urutan \\uXXXX tidak sah",
}


def _message(message: str, text: str) -> str:
    """The json module's English message in Indonesian."""
    if not text.strip():
        return "berkas JSON kosong"
    return _JSON_MESSAGES.get(message, "tanda baca JSON tidak sah")


class NonStandardError(ValueError):
    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.token = token


def refuse_constant(token: str) -> object:
    raise NonStandardError(token)


def constant_error(text: str, path: Path, token: str) -> PokinFileError:
    """``NaN`` / ``Infinity`` are not JSON: refused where they first stand outside quotes."""
    at = 0
    for match in _CONSTANT.finditer(text):
        if not match.group().startswith('"'):
            at = match.start()
            break
    line, column = _line_column(text, at)
    return PokinFileError(
        f"{token} bukan nilai JSON yang sah",
        path=path,
        line=line,
        column=column,
        hint='tulis angkanya, atau teksnya dengan tanda petik ganda (mis. "100")',
    )


_DEEP = 100
_STRING = r'"(?:[^"\\]|\\.)*"'  # a JSON string, escapes included
_JSON_TOKEN = re.compile(_STRING + r"|[\[\]{}]")
_CONSTANT = re.compile(_STRING + r"|-?Infinity|NaN")


def _line_column(text: str, at: int) -> tuple[int, int]:
    """The line and column (both from 1) of offset ``at`` in ``text``."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def too_deep(text: str, path: Path) -> PokinFileError:
    """The error of a JSON text nested too deep to read, at the bracket that opens level
    :data:`_DEEP` (a pokin file is about ten levels deep)."""
    depth, at = 0, 0
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        if mark == "[" or mark == "{":
            depth += 1
            if depth > _DEEP:
                at = token.start()
                break
        elif mark == "]" or mark == "}":
            depth -= 1
    line, column = _line_column(text, at)
    return PokinFileError(
        f"data JSON bersarang terlalu dalam: lebih dari {_DEEP} tingkat [ atau {{",
        path=path,
        line=line,
        column=column,
        hint="berkas pokin hanya sekitar sepuluh tingkat (jabatan, kinerja, indikator, "
        "mendukung); periksa kurung [ dan { yang tidak ditutup di sekitar tempat ini",
    )
