"""A file read by a compiled YAML parser (yaml-rs, Rust) when it is installed
(``pip install pokin[fast]``), guarded so that it gives PyYAML's data or nothing.

libyaml's events turned into data in Python (:func:`pokin._yaml.event_data`) take about
1.4 s for a kabupaten of 1e5 indicators (23 MB); yaml-rs builds the data in about 0.4 s.
But yaml-rs reads YAML 1.2 with some 1.1 forms and forms of its own, PyYAML reads YAML
1.1: they agree on every file pokin writes and on most a planner writes, and differ on a
few scalars (``yes`` is a bool in 1.1, a text in 1.2; ``0777`` is 511 to PyYAML, 777 to
yaml-rs; ``1e3`` and ``_1`` are texts to PyYAML; ``82.50`` is a float to yaml-rs where
pokin keeps the text as written; yaml-rs reads even a quoted ``'2023-01-27'`` as a date,
so its dates stay off), on characters libyaml refuses, and on anchors, tags, merge keys
and directives. :func:`data` shows yaml-rs's data is PyYAML's, or raises
:class:`UnsureError` and PyYAML reads the file:

1. The text, by byte translations and plain searches (a regular expression run over the
   whole file costs a second): no character PyYAML refuses or breaks lines at where
   yaml-rs does not (controls, ``U+0085``, ``U+2028``, ``U+2029``, a byte order mark, a
   lone surrogate), no anchor, alias, tag, merge key (``<<``) or directive; and when the
   data holds a number (but ``pokin: 1`` on the first line), each distinct token written
   as a number other than a plain decimal (``012``, ``0o17``, ``_1``, ``.5``, ``1e3``)
   read alike by both parsers (``03`` is 3 to both). A token yaml-rs read as a text is
   the walk's to judge.
2. The data, walked once:

   - every key is a text PyYAML reads as a text;
   - every text is one PyYAML reads as a text (or a decimal, kept as written) when it is
     unquoted, or one yaml-rs would not have read as a text unquoted, so it was quoted
     (``'100'``, ``'true'``), a text for PyYAML too;
   - a whole number, ``true``/``false`` or null is the same value in both (the text
     check ruled out the forms that differ);
   - a decimal only as a link's ``skor``: pydantic reads PyYAML's text and yaml-rs's
     float as the same number; elsewhere pokin keeps the text as written, which yaml-rs
     no longer has;
   - a text that PyYAML would read as a date only as a decree's ``tanggal`` written
     YYYY-MM-DD: the model reads the date and the text as the same date.

So the data is PyYAML's but for those two (``skor`` a float, ``tanggal`` a text), and the
validated tree is the same. ``POKIN_YAML=pyyaml`` turns the compiled parser off.
"""

from __future__ import annotations

import datetime
import itertools
import math
import os
import re
from typing import Any

import yaml

try:
    import yaml_rs
except ImportError:  # pokin without the [fast] extra: PyYAML reads every file
    yaml_rs = None  # type: ignore[assignment]

__all__ = ["UnsureError", "available", "data", "token_start"]

_STR = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"
# PyYAML's implicit resolvers, by first character ('' for the empty scalar).
_RESOLVERS: dict[Any, Any] = yaml.SafeLoader.yaml_implicit_resolvers
_PLAIN = (int, bool, type(None))


class UnsureError(Exception):
    """The compiled parser cannot be shown to read this text as PyYAML does."""


def available() -> bool:
    """Whether yaml-rs is installed and not turned off (``POKIN_YAML=pyyaml``)."""
    return yaml_rs is not None and os.environ.get("POKIN_YAML", "").casefold() != "pyyaml"


def data(text: str) -> dict[str, Any]:
    """The data of ``text``, a mapping, exactly as PyYAML's events give it.

    Raises:
        UnsureError: the text holds something the two parsers may read differently, yaml-rs
            refuses it, or it is not one mapping: read it with PyYAML.
    """
    raw = text.encode("utf-8", "surrogatepass")
    if not available() or not text.endswith("\n") or _unusual_text(text, raw):
        raise UnsureError
    try:
        value = yaml_rs.loads(  # its dates would include quoted texts that look like one
            text + _END,
            parse_datetime=False,
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        )
    except Exception as exc:  # a syntax error, a duplicate key: PyYAML's reader says where
        raise UnsureError from exc
    if type(value) is not dict or list(value)[-1:] != [_END_KEY] or value.pop(_END_KEY) != 0:
        raise UnsureError  # several documents, not a mapping at the margin, ...
    if not value:
        raise UnsureError  # only comments: no document to PyYAML
    walk = _Walk()
    walk.check(value)
    if walk.numbers > _first_line_version(text, value) and _odd_numbers(raw):
        raise UnsureError  # a number written 012, _1, 1._ ... read otherwise by PyYAML
    return value


def _first_line_version(text: str, value: dict[str, Any]) -> int:
    """1 if the number read is ``pokin: 1`` on the first line, as pokin writes it (its
    token is plainly ``1``), else 0."""
    return int(text.startswith("pokin: 1\n") and type(value.get("pokin")) is int)


_END_KEY = "pokin-akhir-berkas"
_END = f"{_END_KEY}: 0\n"
"""A key added after the text's last line: yaml-rs ends a block scalar at the end of the
stream differently from PyYAML (``k: |`` last is ``'\\n'``, not ``''``), and as PyYAML where a
key follows. A text without a final line break is left to PyYAML."""


# -- the text -------------------------------------------------------------------------------

_ALLOWED = bytes([10, 13, *range(0x20, 0x7F)])  # a tab: yaml-rs takes `- \t` for null
_HIGH = bytes(range(0x80, 0x100))
# Outside ASCII, what libyaml refuses or breaks lines at, in UTF-8: the C1 controls with
# U+0085, U+2028, U+2029, a byte order mark, U+FFFE and U+FFFF, a lone surrogate.
_ODD_UTF8 = re.compile(
    rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbb\xbf|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf]"
)
# Each byte by its class: the digit 0 ('0'), 1-9 ('1'), an ASCII letter ('a'), '_', '.', a
# sign ('-'), what starts or ends a token (' ': white space, flow indicators, ':') and
# anything else ('x': '/', quotes, any other character).
_CLASSES = bytes(
    ord(
        "0"
        if c == "0"
        else "1"
        if c in "123456789"
        else "a"
        if c.isascii() and c.isalpha()
        else "-"
        if c in "-+"
        else " "
        if c in " \t\r\n[]{},:"
        else c
        if c in "._"
        else "x"
    )
    for c in map(chr, range(256))
)
# A whole token that yaml-rs may read as a number, written other than as a plain decimal:
# led by a zero, '_' or '.', or digits then a letter or '_' (012, 0o17, 0X1F, _1, .5, 1e3,
# 1_000, -08). ``050/42.1/2023``, ``'012'``, ``81.35`` or ``j1.k2`` are no such token.
_ODD_NUMBER = re.compile(rb" -?(?:[0_.][01a_.]*|1[01.]*[a_][01a_.]*)(?= )")


def _unusual_text(text: str, raw: bytes) -> bool:
    """Whether ``text`` (``raw`` in UTF-8) holds a character, an anchor, alias, tag, merge
    key or directive, which PyYAML must read (0.06 s for 23 MB)."""
    if raw.translate(None, _ALLOWED).strip(_HIGH):
        return True  # a control character
    if not text.isascii() and _ODD_UTF8.search(raw):
        return True
    if raw.startswith(b"%") or b"\n%" in raw or b"<<" in raw:
        return True
    return token_start(text, "!&*")


_BEFORE = frozenset(" \t\r\n[{,:-")
_NOT_A_NAME = frozenset(" \t\r\n,[]{}")


def token_start(text: str, marks: str) -> bool:
    """Whether one of ``marks`` starts a token (at the start, or after a white space, a
    flow indicator, ``:`` or ``-``) as an anchor, alias or tag does; for ``&`` and ``*``
    with a name after it (``&a``: ``Umum & Kepegawaian``, ``R&D`` or ``5.000*`` are texts).
    Plain searches: the file's few ``&``, ``*`` and ``!`` are looked at one by one.
    """
    for mark in marks:
        named = mark in "&*"
        at = text.find(mark)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + 1 : at + 2]
            if (before in _BEFORE or before.isspace()) and (
                not named or (after and after not in _NOT_A_NAME and not after.isspace())
            ):
                return True
            at = text.find(mark, at + 1)
    return False


def _odd_numbers(raw: bytes) -> bool:
    """Whether a token written as :data:`_ODD_NUMBER` says is a different value to PyYAML
    and to yaml-rs: ``03`` is 3 to both (``03 Januari`` in a text is harmless), ``08`` is a
    text to PyYAML and 8 to yaml-rs, ``_1`` a text and 1."""
    classes = b" " + raw.translate(_CLASSES) + b" "
    seen: set[bytes] = set()
    for found in _ODD_NUMBER.finditer(classes):
        token = raw[found.start() : found.end() - 1]  # classes[i] is raw[i - 1]
        if token not in seen:
            seen.add(token)
            if not _same_number(token.decode("ascii")):
                return True
    return False


def _same_number(token: str) -> bool:
    """Whether PyYAML (decimals kept as written) and yaml-rs read ``token`` alike; a decimal
    alike if the text is that float (the walk allows a float only as a ``skor``)."""
    try:
        pyyaml: Any = yaml.load(f"k: {token}\n", Loader=_LOADER)["k"]
        read: Any = yaml_rs.loads(f"k: {token}\n", parse_datetime=False)
        compiled = read["k"]
        if type(pyyaml) is float and type(compiled) is float:
            return float(token) == compiled
    except Exception:
        return False
    return type(pyyaml) is type(compiled) and pyyaml == compiled


_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# -- the data -------------------------------------------------------------------------------


def _plain_tag(value: str) -> str:
    """The tag PyYAML's safe resolver gives ``value`` written unquoted."""
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            return str(tag)
    return _STR


def _compiled_reads_as_text(value: str) -> bool:
    """Whether yaml-rs reads ``value``, written unquoted, as a text."""
    try:
        read = yaml_rs.loads(f"k: {value}\n", parse_datetime=False)
    except Exception:
        return True  # not even a scalar unquoted: it was quoted
    return type(read) is dict and type(read.get("k")) is str


class _Walk:
    """One pass over the data; each key, and each text that could be read as a number,
    bool, null or date, is looked at once."""

    def __init__(self) -> None:
        self.texts: dict[str, bool] = {}
        self.keys: dict[Any, bool] = {}
        self.numbers = 0  # whole and decimal numbers read: their tokens to be looked at

    def text(self, value: str) -> bool:
        """Whether PyYAML reads this text value as yaml-rs did (a text)."""
        known = self.texts.get(value)
        if known is None:
            known = _plain_tag(value) in (_STR, _FLOAT) or not _compiled_reads_as_text(value)
            self.texts[value] = known
        return known

    def key(self, key: Any) -> bool:
        """Whether PyYAML reads this key as yaml-rs did (a text: pokin's keys are words)."""
        known = self.keys.get(key)
        if known is None:
            # libyaml refuses a plain key over 1024 characters; pokin's are short
            known = (
                type(key) is str
                and len(key) < 1000
                and (_plain_tag(key) == _STR or not _compiled_reads_as_text(key))
            )
            self.keys[key] = known
        return known

    def check(self, top: dict[str, Any]) -> None:
        """Raise :class:`UnsureError` unless every key and value of ``top`` is PyYAML's too.

        One loop with the common cases inline: a kabupaten's data has a million values.
        """
        keys, texts, resolvers = self.keys, self.texts, _RESOLVERS
        stack: list[Any] = [top]
        while stack:
            node = stack.pop()
            pairs = node.items() if type(node) is dict else zip(_NO_KEYS, node, strict=False)
            for key, value in pairs:
                if key is not _NO_KEY and not (keys.get(key) or self.key(key)):
                    raise UnsureError
                kind = type(value)
                if kind is str:
                    if (
                        value[:1] in resolvers
                        and not (texts.get(value) or self.text(value))
                        and not (key == "tanggal" and _is_date(value))
                    ):
                        raise UnsureError
                elif kind is dict or kind is list:
                    stack.append(value)
                elif kind is int:
                    self.numbers += 1
                elif kind is float:
                    if key != "skor" or not math.isfinite(value):
                        raise UnsureError  # a decimal pokin keeps as written, or inf, nan
                    self.numbers += 1
                elif kind not in _PLAIN:
                    raise UnsureError  # a complex key's tuple, anything unforeseen


def _is_date(value: str) -> bool:
    """Whether a decree's ``tanggal`` is a valid YYYY-MM-DD: PyYAML's date when unquoted, a
    text when quoted, the same date to the model either way (yaml-rs no longer knows)."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False  # 2023-02-30: PyYAML refuses it unquoted, the model quoted
    return True


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NO_KEY = object()
_NO_KEYS = itertools.repeat(_NO_KEY)
