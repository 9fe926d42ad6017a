"""A cache of parsed YAML files, keyed by the SHA-256 of the file's text.

Parsing a kabupaten's YAML (1e5 indicators, 30 MB) takes seconds even with libyaml; the
same data as JSON is read ten times faster. After a file loads without a problem, its
parsed data (before validation) is kept as JSON under the hash of its text; the next load
of the same text reads that JSON instead of the YAML, then validates and resolves it
exactly as it would the YAML's (the cache saves parsing, never a check). A changed character is
a new hash, so a stale entry is never used; an entry that cannot be read or does not
validate is ignored and the YAML read again.

Only files of :data:`MIN_BYTES` or more are cached. ``POKIN_CACHE=off`` turns the cache
off; ``POKIN_CACHE_DIR`` puts it elsewhere than ``$XDG_CACHE_HOME/pokin`` (``~/.cache``).
At most :data:`MAX_ENTRIES` files are kept, the least recently written dropped first.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .._files import atomic_write

try:  # pokin[fast]: JSON written 5x and read 1.5x faster than by the json module
    import orjson
except ImportError:
    orjson = None  # type: ignore[assignment]

__all__ = ["MAX_ENTRIES", "MIN_BYTES", "Cache", "cache_for"]

MIN_BYTES = 256 * 1024
"""Files smaller than this are parsed every time (a few milliseconds)."""

MAX_ENTRIES = 32
"""How many parsed files the cache keeps."""

_FORMAT = 2  # the layout of an entry; a new one makes old entries misses (2: decimals as written)


def _folder() -> Path | None:
    if os.environ.get("POKIN_CACHE", "").strip().casefold() in ("off", "0", "no", "false"):
        return None
    if os.environ.get("POKIN_CACHE_DIR"):
        return Path(os.environ["POKIN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pokin"


class Cache:
    """The cache entry of one file's text."""

    def __init__(self, folder: Path, text: str) -> None:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self.path = folder / f"{digest}.json"

    def get(self) -> Any | None:
        """The parsed data kept for this text, or None (a miss, or an unreadable entry)."""
        try:
            raw = self.path.read_bytes()
            entry = orjson.loads(raw) if orjson is not None else json.loads(raw)
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != _FORMAT:
            return None
        return entry.get("data")

    def put(self, data: Any) -> None:
        """Keep ``data``; a cache that cannot be written (read-only home) is no error."""
        with contextlib.suppress(OSError, TypeError, ValueError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(self.path, binary=True) as handle:
                handle.write(_dumps({"format": _FORMAT, "data": data}))
            _prune(self.path.parent)

    def drop(self) -> None:
        """Forget this entry (it did not validate: it is not what pokin wrote)."""
        with contextlib.suppress(OSError):
            self.path.unlink()


def cache_for(text: str) -> Cache | None:
    """The cache entry for a file's text, or None when the file is small or caching off."""
    if len(text) < MIN_BYTES:
        return None
    folder = _folder()
    return Cache(folder, text) if folder is not None else None


def _dumps(entry: dict[str, Any]) -> bytes:
    """The entry as JSON (UTF-8): by orjson when installed (0.04 s for a kabupaten's data, the
    json module 0.22 s, on the first load of every large file). orjson writes a date as ISO
    text, as :func:`iso_date` does, and refuses what JSON cannot hold exactly (an integer beyond
    64 bits: no entry). It would write a float NaN or infinity as null, but only data that
    validated is kept, and the one float it may hold, a link's ``skor``, is from 0 to 1."""
    if orjson is None:
        text = json.dumps(entry, default=iso_date, allow_nan=True, ensure_ascii=False)
        return text.encode("utf-8", "surrogatepass")
    return orjson.dumps(entry)


def iso_date(value: Any) -> str:
    """A date in the data (``dokumen.tanggal``) as the ISO text pydantic reads back: the
    ``default`` of every ``json.dumps`` of a tree (the cache, a saved ``.json``)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
