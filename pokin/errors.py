"""Exceptions raised by pokin.

Validation *findings* (an orphan kinerja, a missing formula...) are data, not exceptions:
see :mod:`pokin.checks`. Exceptions are for input pokin cannot read at all::

    PokinError                    base of everything pokin raises on purpose
    ├── PokinFileError            a file that cannot be read: names file, line, column, field
    │   └── (also a ValueError)
    ├── ImportDocumentError       a decree text that cannot be imported
    │   └── (also a ValueError)
    └── RenderError               drawing failed (``dot`` missing, timed out, crashed)
        └── (also a RuntimeError)

Catch :class:`PokinError` to handle them all.
"""

from __future__ import annotations

import os

__all__ = ["ImportDocumentError", "PokinError", "PokinFileError", "RenderError"]


class PokinError(Exception):
    """Base class of the errors pokin raises on purpose."""


class PokinFileError(PokinError, ValueError):
    """A pokin file that cannot be loaded or saved.

    The message names the file, the line and column (1-based) and the field, then says how
    to fix it::

        datasets/x.yaml:12:9: jabatan[2].atasan: no jabatan has the id 'camat2'.
          hint: use one of: camat, sekretaris, ...
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
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ImportDocumentError(PokinError, ValueError):
    """A decree text that is not a decree pokin can import (empty, binary, no position)."""


class RenderError(PokinError, RuntimeError):
    """Drawing a diagram failed: Graphviz missing, timed out or crashed."""
