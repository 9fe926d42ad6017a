"""The character set a decree's text file declares for itself: an HTML page's ``<meta>``.

Word's "Web Page, Filtered" (.htm) writes ``<meta http-equiv=Content-Type content="text/html;
charset=windows-1252">`` and its bytes in that code page; other tools declare
``<meta charset="iso-8859-1">``. A page that says what it is, is read as it says, without the
note a guessed Windows-1252 text gets. A declaration is looked for in the page's first
8 KB (the ``<head>``), as browsers do; a name Python does not know, or a UTF-16/32 one
(whose bytes a byte-order mark or NUL bytes tell), is no declaration.

>>> declared_charset(b'<html><head><meta http-equiv=Content-Type content="text/html; '
...                  b'charset=windows-1252"></head>')
'cp1252'
>>> declared_charset(b"<meta charset='ISO-8859-1'>"), declared_charset(b"<meta charset=x-klingon>")
('iso8859-1', None)
>>> declared_charset(b"JABATAN : CAMAT; charset=cp1252") is None  # not in a <meta> tag
True
"""

from __future__ import annotations

import codecs
import re

__all__ = ["declared_charset"]

_META = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9][-\w.:]*)""", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The codec (Python's name) the ``<meta>`` of an HTML page in ``raw`` declares, or
    ``None`` (no declaration, an unknown name, UTF-16/32)."""
    match = _META.search(raw[:8192])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name
