"""A PDF whose compressed streams unpack to far more than the file: refused before a PDF
library unpacks them whole (the zip bomb's cousin: 300 KB of deflated spaces, 300 MB once
read, 700 MB of memory and 20 s in pdfminer, for a page with no decree on it).

:func:`check_streams` inflates each ``/FlateDecode`` stream piece by piece, keeping
nothing, and adds up what they unpack to; past :meth:`~.reading.Limits.unpacked_for` the
file is refused. Image streams are not counted: text is read without unpacking them (a
scanned decree's pages are images, and pokin says so later).
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

from ..errors import PokinFileError
from .reading import Limits, read_bytes, size_text

__all__ = ["check_streams"]

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def check_streams(path: str | os.PathLike[str], *, limits: Limits | None = None) -> None:
    """Refuse a PDF whose deflated streams unpack past the limit (see the module).

    Raises:
        PokinFileError: the streams unpack to more than ``limits.unpacked_for(size)``.
    """
    file = Path(path)
    limit = limits or Limits.current()
    data = read_bytes(file, limits=limit)
    allowed = limit.unpacked_for(len(data))
    total = 0
    for found in _STREAM.finditer(data):
        head = data[max(0, found.start() - 400) : found.start()]
        opened = head.rfind(b"<<")
        if opened < 0 or b"/FlateDecode" not in head[opened:] or b"/Image" in head[opened:]:
            continue
        total += _inflated(data, found.end(), allowed - total + 1)
        if total > allowed:
            raise PokinFileError(
                f"aliran terkompresi PDF ini membengkak lebih dari {size_text(allowed)} saat "
                "dibuka",
                path=file,
                hint="berkas ini mungkin rusak atau sengaja dibuat berbahaya (bom dekompresi); "
                "bila memang benar, naikkan batasnya: POKIN_MAX_UNPACKED_MB",
            )


def _inflated(data: bytes, start: int, most: int) -> int:
    """How many bytes the deflate stream at ``start`` unpacks to, counted up to ``most``
    (0 for what is not a deflate stream)."""
    unpacker = zlib.decompressobj()
    count, at = 0, start
    try:
        while count < most and at < len(data) and not unpacker.eof:
            piece = unpacker.decompress(data[at : at + _CHUNK], _CHUNK)
            at += _CHUNK
            count += len(piece)
            while unpacker.unconsumed_tail and count < most:
                piece = unpacker.decompress(unpacker.unconsumed_tail, _CHUNK)
                count += len(piece)
    except zlib.error:
        pass  # not (or no longer) deflate: the PDF reader says what it makes of it
    return count
