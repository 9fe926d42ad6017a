"""Exceptions raised by pokin.

Validation *findings* (an orphan kinerja, a missing formula...) are data, not exceptions:
see :mod:`pokin.checks`. Exceptions are for input pokin cannot read at all::

    PokinError                    base of everything pokin raises on purpose
    ├── PokinFileError            a file that cannot be read: names file, line, column, field
    │   ├── (also a ValueError)
    │   ├── ImportDocumentError   a decree text that cannot be imported
    │   └── SheetError            an Excel matrix that cannot be read: names sheet, row, column
    ├── TreeError                 a tree edited in memory whose references do not hold
    │   └── (also a ValueError)
    ├── ModelError                a value a model refuses, set in Python (a notebook)
    │   └── (also pydantic's ValidationError, so a ValueError)
    ├── PreviousYearError         a "previous year" tree of another organisasi, or not earlier
    │   └── (also a ValueError)
    ├── UnknownIdError            an id no node (or jabatan) of the tree has, asked of a cascade
    │   └── (also a KeyError)
    └── RenderError               drawing failed (``dot`` missing, timed out, crashed)
        └── (also a RuntimeError)

Catch :class:`PokinError` to handle them all.
"""

from __future__ import annotations

import os
import re

from pydantic_core import ValidationError

__all__ = [
    "ImportDocumentError",
    "ModelError",
    "PokinError",
    "PokinFileError",
    "PreviousYearError",
    "RenderError",
    "SheetError",
    "TreeError",
    "UnknownIdError",
    "shown_path",
]

# control characters, line and paragraph separators, and the bidirectional controls that
# make a name read differently from its bytes (U+202A-U+202E, U+2066-U+2069)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file name as a message shows it: a character that would break or disguise the
    line (a newline, an escape sequence, a right-to-left override) written as its escape,
    so a file named ``"x\\npokin: galat: ..."`` cannot forge a line of pokin's output.

    >>> shown_path("laporan\\npokin: galat: palsu.md")
    'laporan\\\\npokin: galat: palsu.md'
    """
    text = os.fspath(path)
    if not _UNSHOWABLE.search(text):
        return text
    return _UNSHOWABLE.sub(lambda m: repr(m.group())[1:-1], text)


class PokinError(Exception):
    """Base class of the errors pokin raises on purpose."""


class PokinFileError(PokinError, ValueError):
    """A pokin file that cannot be loaded or saved.

    The message names the file, the line and column (1-based) and the field, then says how
    to fix it::

        datasets/x.yaml:12:9: jabatan[2].atasan: tidak ada jabatan dengan id 'camat2'
          saran: pakai id jabatan yang ada, mis. camat; `atasan: null` hanya untuk ...
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.field = field
        self.hint = hint
        super().__init__(self._render())

    def _render(self) -> str:
        where = shown_path(self.path) if self.path else "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f"\n  saran: {self.hint}"
        return text


class ImportDocumentError(PokinFileError):
    """A decree that pokin cannot import (empty, binary, no position block found).

    Like :class:`PokinFileError` it carries ``path``, ``line`` and ``hint``::

        keputusan.txt: this is not an IKI/IKU decree pokin can read: no position block ...
          saran: pokin mengharapkan blok jabatan ("JABATAN : ...", lalu TUGAS, FUNGSI ...
    """


class TreeError(PokinError, ValueError):
    """A tree changed in memory (in a notebook) whose ids or links no longer hold.

    Raised before checking, drawing or saving it, naming each offending field::

        jabatan[7].kinerja[0].mendukung[1]: nothing in the file has the id 'camat.k4.i9'
          saran: ...
    """


class ModelError(ValidationError, PokinError):
    """A value a pokin model refuses when it is built or set in Python (a notebook:
    ``indikator.polaritas = None``, ``Tautan(ke="")``). Still pydantic's
    ``ValidationError`` (and so a ``ValueError``), with its :meth:`errors`; its text is
    the planner's sentence, not pydantic's English with a link::

        Indikator.polaritas: nilai None tidak diizinkan
          saran: pakai salah satu dari: 'naik' atau 'turun'

    Made by :func:`pokin.models.explain.planner_error` (``message`` and ``hint`` set there).
    """

    message: str = ""
    hint: str | None = None

    def __str__(self) -> str:
        return self.message + (f"\n  saran: {self.hint}" if self.hint else "")


class PreviousYearError(PokinError, ValueError):
    """A tree given as last year's (``previous=``, ``--previous``) that cannot be: it is of
    another organisasi, or of the same or a later year::

        pohon pembanding (tahun lalu) milik Kecamatan Kebomas, bukan Kecamatan Sambutan
          saran: ...
    """


class UnknownIdError(PokinError, KeyError):
    """An id asked of a :class:`~pokin.graph.Cascade` (``path_to_iku``, ``subtree``,
    ``node`` ...) that no kinerja, indikator or sasaran of the tree has. Still a
    ``KeyError`` for code that catches one; its text is the planner's sentence, not
    ``KeyError``'s quoted repr::

        tidak ada kinerja atau indikator ber-id «tidak-ada» (`pokin show` mencetak semua id)
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class RenderError(PokinError, RuntimeError):
    """Drawing a diagram failed: Graphviz missing, timed out or crashed."""


class SheetError(PokinFileError):
    """A workbook that cannot be read, naming the file, sheet, row and column::

        matriks.xlsx, lembar 'Matriks Cascading', baris 12, kolom L (Indikator): ...
          saran: ...

    ``line`` is the row and ``column`` the column number, as for YAML files.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike[str],
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
        header: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.sheet = sheet
        self.header = header
        super().__init__(message, path=path, line=row, column=column, hint=hint)

    @classmethod
    def uncalculated(
        cls,
        formula: str,
        *,
        path: str | os.PathLike[str],
        sheet: str | None,
        row: int | None,
        column: int | None,
        header: str | None,
    ) -> SheetError:
        """A formula cell the workbook keeps no calculated value for (written by a program
        that never calculated it): its value would be read as empty. One message for every
        workbook pokin reads (its own matrix, an office's decree tables)."""
        formula = formula.strip().removeprefix("=")
        return cls(
            "sel ini memuat rumus yang belum dihitung Excel"
            + (f" (={formula})" if formula else "")
            + ": berkasnya tidak menyimpan nilainya",
            path=path,
            sheet=sheet,
            row=row,
            column=column,
            header=header,
            hint="ketik nilainya, atau buka dan simpan berkas ini di Excel atau LibreOffice "
            "(keduanya menyimpan nilai setiap rumus)",
        )

    def _render(self) -> str:
        where = shown_path(str(self.path))
        if self.sheet is not None:
            where += f", lembar {self.sheet!r}"
        if self.line is not None:
            where += f", baris {self.line}"
        if self.column is not None:
            where += f", kolom {_column_letter(self.column)}"
            where += f" ({self.header})" if self.header else ""
        return f"{where}: {self.message}" + (f"\n  saran: {self.hint}" if self.hint else "")


def _column_letter(number: int) -> str:
    """The spreadsheet name of a 1-based column number.

    >>> _column_letter(1), _column_letter(26), _column_letter(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
