"""A Word file whose content is an "alternative format" chunk (``w:altChunk``): what many
web applications' "Unduh Word" button writes (html-docx-js and the like). The body holds
no paragraphs or tables, only a reference to a part that is an HTML page (``.htm``) or a
web archive of one (``.mht``); Word converts it when it opens the file. pokin reads that
HTML with its HTML reader; a chunk of another kind (RTF, plain text) is refused with the
way to convert it.
"""

from __future__ import annotations

import email
import re
from email.message import Message

from ..errors import ImportDocumentError

__all__ = ["HTML_NOTE", "chunk_html"]

HTML_NOTE = (
    "isi dokumen Word ini potongan HTML (altChunk) yang disisipkan aplikasi web: dibaca "
    "dengan pembaca HTML pokin"
)

_HTML = ("text/html", "application/xhtml+xml")
_ARCHIVE = ("message/rfc822", "multipart/related")


def chunk_html(chunks: list[tuple[str, bytes]], *, path: str) -> str:
    """The HTML of a .docx's ``altChunk`` parts ``(content type, bytes)``, one after the
    other; :class:`ImportDocumentError` when a chunk is neither HTML nor a web archive."""
    pages: list[str] = []
    for kind, data in chunks:
        kind = kind.split(";")[0].strip().lower()
        if kind in _HTML:
            pages.append(_decoded(data, None))
        elif kind in _ARCHIVE or data.lstrip()[:13].lower() == b"mime-version:":
            pages.extend(_archive_pages(data))
        else:
            raise ImportDocumentError(
                f"isi dokumen Word ini potongan berformat lain ({kind or 'tidak diketahui'}, "
                "altChunk) yang disisipkan aplikasi pembuatnya; pokin tidak dapat membacanya",
                path=path,
                hint="buka di Word lalu simpan ulang sebagai 'Word Document (.docx)': Word "
                "mengubah potongan itu menjadi isi dokumen biasa",
            )
    return "\n".join(pages)


def _archive_pages(data: bytes) -> list[str]:
    """The HTML parts of a web archive (MHT, MIME multipart)."""
    message = email.message_from_bytes(data)
    return [
        _decoded(_payload(part), part.get_content_charset())
        for part in message.walk()
        if part.get_content_type() in _HTML
    ]


def _payload(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _decoded(data: bytes, charset: str | None) -> str:
    """HTML bytes as text: the charset given (or the page's own meta charset), UTF-8
    otherwise, Windows-1252 when that fails."""
    found = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    for name in (charset, found.group(1).decode("ascii") if found else None, "utf-8"):
        if not name:
            continue
        try:
            return data.decode(name).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")
