"""Read and write pokin YAML files (the format of ``docs/format.md``).

:func:`load` reads with safe YAML only and keeps the line and column of every node, so any
problem (syntax, unknown key, wrong type, duplicate id, dangling link, atasan cycle) raises a
single :class:`~pokin.errors.PokinFileError` that names the file, line, column and field and
says how to fix it. :func:`save` writes the same format back atomically: the file is either
the old one or the whole new one, never half written. ``load(save(tree))`` equals ``tree``.
Comments of a hand-written file are not kept by :func:`save`. A ``.json`` file holding the
same data loads too (JSON is YAML too: its errors are explained the same way).

A valid file, the common case, is read on a fast path that keeps no positions
(:func:`pokin._yaml.plain_data`); any problem at all, from a YAML error or a duplicate key to
a dangling link, makes :func:`loads` read the text again the careful way
(:mod:`pokin.io.careful`), with the line and column of every node, to explain it. A large
file's parsed data is kept in a cache keyed by its bytes' hash (:mod:`pokin.io.cache`): the
next load of the same bytes skips the YAML parser, never the validation.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import BaseModel, ValidationError

from .. import _yaml
from .._files import Limits, atomic_write, read_text
from ..errors import PokinFileError
from ..models import FORMAT_VERSION, Asal, PohonKinerja, Tautan, ensure_sound, resolve_references
from ..models.fast import validate_fast
from .cache import MIN_BYTES, Cache, cache_for, iso_date
from .careful import careful_loads as _careful_loads
from .careful import parse as _parse
from .jsonerrors import NonStandardError, constant_error, refuse_constant, syntax_error, too_deep

__all__ = ["atomic_write", "dumps", "load", "loads", "parse_yaml", "save"]


# -- reading --------------------------------------------------------------------------------


def load(source: str | os.PathLike[str] | IO[str]) -> PohonKinerja:
    """Load a pokin YAML file (a path or an open text file), or a ``.json`` file.

    Raises:
        PokinFileError: the file is missing, unreadable or not a valid pokin file; the
            message names the file, line, column and field.
    """
    if not isinstance(source, str | os.PathLike):
        return loads(source.read(), path=getattr(source, "name", None))
    path = Path(source)
    text = read_text(
        path,
        limits=_tree_limits(),
        hint="berkas pokin adalah teks YAML UTF-8; keputusan (decree) diimpor lebih dulu: "
        "pokin import DOC -o FILE.yaml",
    )
    if path.suffix.casefold() == ".json":
        return _load_json(text, path)
    cache = cache_for(text)
    if cache is not None:
        cached = _from_cache(cache)
        if cached is not None:
            return cached
    return _loads(text, path, cache)


TREE_FILE_BYTES = 1 << 30
"""The largest pokin file read unless ``POKIN_MAX_FILE_MB`` says otherwise: pokin's own
format takes about 230 bytes an indicator, so a kabupaten of 1e6 indicators is 230 MB,
beyond the 64 MB every other input (decree, workbook) is allowed."""


def _tree_limits() -> Limits:
    limits = Limits.current()
    if os.environ.get("POKIN_MAX_FILE_MB"):
        return limits
    return dataclasses.replace(limits, file_bytes=max(limits.file_bytes, TREE_FILE_BYTES))


def loads(text: str, *, path: str | os.PathLike[str] | None = None) -> PohonKinerja:
    """Load a pokin tree from YAML text; ``path`` is only used in error messages."""
    try:
        return _loads(text, path, None)
    except UnicodeEncodeError as exc:  # a lone surrogate: a text no file can hold
        raise PokinFileError(
            f"teks memuat karakter yang tidak sah (U+{ord(text[exc.start]):04X})",
            path=path,
            line=text.count("\n", 0, exc.start) + 1,
            hint="hapus karakter itu; ia tidak dapat disimpan dalam berkas UTF-8",
        ) from None


def _loads(text: str, path: str | os.PathLike[str] | None, cache: Cache | None) -> PohonKinerja:
    _refuse_aliases(text, path)
    with _building(len(text)):
        try:
            data = _yaml.plain_data(text)
            tree = _tree(data)
        except _yaml.FastPathError:
            pass  # not here: the careful reader's error would chain to this one
        else:
            if cache is not None:
                cache.put(data)
            return tree
        return _careful_loads(text, path)


def _from_cache(cache: Cache) -> PohonKinerja | None:
    """The tree of the cached data, validated and resolved as the YAML's would be."""
    with _yaml.no_gc():  # a kabupaten's entry is a million objects: no collector passes
        data = cache.get()
    if data is None:
        return None
    with _building(MIN_BYTES):
        try:
            return _tree(data)
        except _yaml.FastPathError:
            cache.drop()  # not what pokin wrote: read the YAML again
            return None


def _load_json(text: str, path: Path) -> PohonKinerja:
    """A ``.json`` file: parsed by the json module, validated as a YAML file's data."""
    with _building(len(text)):
        try:
            data = json.loads(
                text,
                object_pairs_hook=_no_repeats,
                parse_constant=refuse_constant,
                parse_int=_json_int,
            )
        except json.JSONDecodeError as exc:
            raise syntax_error(exc, text, path) from None
        except NonStandardError as exc:
            raise constant_error(text, path, exc.token) from None
        except RecursionError:  # nested deeper than the json module can go
            raise too_deep(text, path) from None
        except _yaml.FastPathError:
            data = None  # a key twice: the careful reader says where
        if data is not None:
            try:
                return _tree(data)
            except _yaml.FastPathError:
                pass
        return _careful_loads(text, path)  # JSON is YAML: it finds the line and field


@contextlib.contextmanager
def _building(size: int) -> Iterator[None]:
    """The cyclic collector held off while a tree is built; a large tree's objects then
    kept out of its reach.

    The collector's first pass after a large tree is built walks all of its millions of
    objects (about a second for a kabupaten of 1e5 indicators, as long as the whole load
    without it). None is garbage, and a tree has no reference cycles: reference counting
    frees it when it is dropped. So for a file of :data:`~pokin.io.cache.MIN_BYTES` or more,
    the objects that exist when the tree is built are moved to the collector's permanent
    generation (:func:`gc.freeze`), which later passes skip; a reference cycle that was
    already garbage at that moment is not collected (``gc.unfreeze()`` gives them back).
    """
    with _yaml.no_gc():
        yield
        if size >= MIN_BYTES:
            gc.freeze()


def _json_int(text: str) -> int | str:
    """A JSON integer; one of more digits than Python converts (4.300) is kept as written,
    as the YAML reader keeps it (a ``target`` is text; a ``tahun`` is then refused)."""
    try:
        return int(text)
    except ValueError:
        return text


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _yaml.FastPathError
    return mapping


_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]")


def _refuse_aliases(text: str, path: str | os.PathLike[str] | None) -> None:
    """Refuse YAML anchors and aliases (``&a`` / ``*a``): the format has no use for them,
    and a self-referencing or exponentially nested alias would hang or crash the load.

    A cheap look at the text first (plain searches for ``&`` and ``*``, then a regular
    expression: over a kabupaten's 23 MB it alone took a second); only a file that may
    hold one is parsed into events.
    """
    if not _yaml.token_start(text, "&*") or not _MAYBE_ALIAS.search(text):
        return
    try:
        for event in yaml.parse(text, Loader=_yaml.Loader):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor is not None:
                mark = event.start_mark
                raise PokinFileError(
                    f"anchor dan alias YAML (&{anchor} / *{anchor}) bukan bagian format pokin",
                    path=path,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    hint="tulis nilainya lengkap di setiap tempat yang memerlukannya",
                )
    except yaml.YAMLError:
        return  # a syntax error: the readers below explain it with its position


def parse_yaml(text: str, path: str | os.PathLike[str] | None = None) -> Any:
    """Any YAML file pokin reads besides a tree (corrections, ...), read as strictly: safe
    YAML, no duplicate keys, no anchors or aliases, errors with their line and column.

    >>> parse_yaml("koreksi: []")
    {'koreksi': []}
    """
    _refuse_aliases(text, path)
    data, _ = _parse(text, path)
    return data


def _fast_loads(text: str) -> PohonKinerja:
    """The tree of a valid ``text``, without positions.

    Raises:
        FastPathError: anything is wrong or unusual; the careful reader must decide.
    """
    return _tree(_yaml.plain_data(text))


def _tree(data: Any) -> PohonKinerja:
    """The tree of a valid file's data (validated, ids given, references resolved).

    Raises:
        FastPathError: anything is wrong; the careful reader must explain it.
    """
    if not isinstance(data, dict) or data.get("pokin") is None or data["pokin"] != FORMAT_VERSION:
        raise _yaml.FastPathError
    try:
        try:
            tree = validate_fast(data)  # a file as pokin writes it: half the time
        except ValidationError:  # something to normalise (or an error): the models decide
            tree = PohonKinerja.model_validate(data, context={"defer_references": True})
        problems = resolve_references(tree)
    except Exception as exc:
        raise _yaml.FastPathError from exc
    if problems:
        raise _yaml.FastPathError
    return tree


# -- writing --------------------------------------------------------------------------------


def _clean(value: Any) -> Any:
    """Model dump without empty values and defaults, links in their short form."""
    if isinstance(value, Tautan):
        return _link(value)
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        for name in type(value).model_fields:
            item = getattr(value, name)
            if item is None or item == [] or _DEFAULTS.get(name, ...) == item:
                continue
            if name == "pokin":
                item = FORMAT_VERSION
            out[name] = _clean(item)
        return out
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


_DEFAULTS = {"polaritas": "naik", "akumulasi": "kumulatif"}
"""Keys left out of a saved file when they hold their default."""


def _link(link: Tautan) -> Any:
    short = link.model_dump(mode="json", exclude_none=True)
    if link.asal is Asal.DEKLARASI:
        del short["asal"]
    if set(short) == {"ke"}:
        return short["ke"]
    return short


def dumps(tree: PohonKinerja) -> str:
    """The YAML text of ``tree`` in the pokin format, every id written out.

    libyaml's emitter where available; lists come out "indentless" (`jabatan:` then
    `- id: ...` at the same indentation), which is valid YAML.
    """
    ensure_sound(tree)  # never write a file that would not load back
    with _yaml.no_gc():
        return _yaml.dump_text(_clean(tree))


def dumps_json(tree: PohonKinerja) -> str:
    """The JSON text of ``tree``: the same data as :func:`dumps`, which :func:`load` reads
    back from a ``.json`` file."""
    ensure_sound(tree)
    text = json.dumps(_clean(tree), ensure_ascii=False, indent=1, allow_nan=False, default=iso_date)
    return text + "\n"


def _special(target: Path) -> bool:
    return target.exists() and not target.is_file()


def save(tree: PohonKinerja, path: str | os.PathLike[str]) -> Path:
    """Write ``tree`` to ``path`` atomically; return the path.

    ``.yaml``/``.yml`` get YAML (:func:`dumps`), ``.json`` gets JSON (:func:`dumps_json`);
    any other suffix raises :class:`~pokin.errors.PokinFileError` before anything is written.

    The text is produced in full before the file is touched, then written to a temporary
    file beside it and moved into place: a crash leaves the old file, never half a new one.
    """
    target = Path(path)
    suffix = target.suffix.casefold()
    if suffix == ".json":
        text = dumps_json(tree)
    elif suffix in (".yaml", ".yml") or target.is_symlink() or _special(target):
        text = dumps(tree)  # an existing folder, device or link: atomic_write says why not
    else:
        raise PokinFileError(
            f"akhiran {target.suffix or '(tanpa akhiran)'} tidak dikenal untuk berkas pokin",
            path=target,
            hint="simpan sebagai .yaml, .yml atau .json (yang dapat dibaca pokin.load)",
        )
    with atomic_write(target) as handle:
        handle.write(text)
    return target
