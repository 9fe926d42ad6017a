"""What a decree file is by its content, not its name: a PDF, a Word or Excel file of
Office Open XML, an OpenDocument file (.odt/.ods, LibreOffice), an old binary Office
file, another zip archive, or text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

__all__ = ["SAVE_AS", "file_kind"]


def file_kind(file: Path) -> str:
    """What the file is, by its content: "pdf", "docx", "xlsx", "odt" / "ods" / "odp"
    (OpenDocument), "ole" (.doc/.xls), "zip" (another or a damaged archive) or "text"."""
    try:
        with file.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return "text"  # _read_text says why it cannot be read
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"PK\x05\x06"):  # an empty zip archive: only its end record
        return "zip"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                mimetype = archive.open("mimetype").read(80) if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, RuntimeError):  # RuntimeError: encrypted
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return _opendocument(mimetype.decode("ascii", errors="replace"))
    return "text"


def _opendocument(mimetype: str) -> str:
    """ "odt" / "ods" / "odp" for an OpenDocument file's ``mimetype`` member, else "zip".

    >>> _opendocument("application/vnd.oasis.opendocument.text"), _opendocument("")
    ('odt', 'zip')
    """
    found = re.fullmatch(r"application/vnd\.oasis\.opendocument\.(\w+)", mimetype.strip())
    names = {"text": "odt", "spreadsheet": "ods", "presentation": "odp"}
    return names.get(found.group(1), "odp") if found else "zip"


SAVE_AS = {"odt": "Word 2007-365 (.docx)", "ods": "Excel 2007-365 (.xlsx)"}
