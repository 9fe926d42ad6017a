"""Read and write pokin YAML files (the format of ``docs/format.md``).

:func:`load` reads with safe YAML only and keeps the line and column of every node, so any
problem (syntax, unknown key, wrong type, duplicate id, dangling link, atasan cycle) raises a
single :class:`~pokin.errors.PokinFileError` that names the file, line, column and field and
says how to fix it. :func:`save` writes the same format back atomically: the file is either
the old one or the whole new one, never half written. ``load(save(tree))`` equals ``tree``.
Comments of a hand-written file are not kept by :func:`save`.

A valid file, the common case, is read on a fast path that keeps no positions
(:func:`pokin._yaml.plain_data`); any problem at all, from a YAML error or a duplicate key to
a dangling link, makes :func:`loads` read the text again the careful way, with the line and
column of every node, to explain it.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import _yaml
from ._files import atomic_write, read_text
from .errors import PokinFileError
from .models import (
    FORMAT_VERSION,
    Asal,
    PohonKinerja,
    Problem,
    Tautan,
    ensure_sound,
    resolve_references,
)

__all__ = ["dumps", "load", "loads", "parse_yaml", "save"]

Path_ = tuple[str | int, ...]
Marks = dict[Path_, tuple[int, int]]


# -- reading --------------------------------------------------------------------------------


def load(source: str | os.PathLike[str] | IO[str]) -> PohonKinerja:
    """Load a pokin YAML file (a path or an open text file).

    Raises:
        PokinFileError: the file is missing, unreadable, not a regular file, larger than
            :class:`pokin._files.Limits` allows, or not a valid pokin file; the message
            names the file, line, column and field.
    """
    if not isinstance(source, str | os.PathLike):
        return loads(source.read(), path=getattr(source, "name", None))
    path = Path(source)
    text = read_text(
        path,
        hint="berkas pokin adalah teks YAML UTF-8; keputusan (decree) diimpor lebih dulu: "
        "pokin import DOC -o FILE.yaml",
    )
    return loads(text, path=path)


def loads(text: str, *, path: str | os.PathLike[str] | None = None) -> PohonKinerja:
    """Load a pokin tree from YAML text; ``path`` is only used in error messages."""
    _refuse_aliases(text, path)
    with _yaml.no_gc():
        try:
            return _fast_loads(text)
        except _yaml.FastPathError:
            pass  # not here: the careful reader's error would chain to this one
        return _careful_loads(text, path)


_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]")


def _refuse_aliases(text: str, path: str | os.PathLike[str] | None) -> None:
    """Refuse YAML anchors and aliases (``&a`` / ``*a``): the format has no use for them,
    and a self-referencing or exponentially nested alias would hang or crash the load.

    A cheap look at the text first; only a file that may hold one is parsed into events.
    """
    if not _MAYBE_ALIAS.search(text):
        return
    try:
        for event in yaml.parse(text, Loader=_yaml.Loader):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor is not None:
                mark = event.start_mark
                raise PokinFileError(
                    f"YAML anchors and aliases (&{anchor} / *{anchor}) are not part of the "
                    "pokin format",
                    path=path,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    hint="write the value out in full where it is needed",
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
    data = _yaml.plain_data(text)
    if not isinstance(data, dict) or data.get("pokin") is None or data["pokin"] != FORMAT_VERSION:
        raise _yaml.FastPathError
    try:
        tree = PohonKinerja.model_validate(data, context={"defer_references": True})
        problems = resolve_references(tree)
    except Exception as exc:
        raise _yaml.FastPathError from exc
    if problems:
        raise _yaml.FastPathError
    return tree


def _careful_loads(text: str, path: str | os.PathLike[str] | None) -> PohonKinerja:
    """:func:`loads` keeping every node's position, to explain whatever is wrong."""
    data, marks = _parse(text, path)
    where = _Locator(marks, path)
    if not isinstance(data, dict):
        raise where.error(
            (),
            "the top of a pokin file must be a mapping (pokin:, organisasi:, jabatan:)",
            "see docs/format.md for an example",
        )
    version = data.get("pokin")
    if version is None:
        raise where.error(
            (), "the key `pokin` (the format version) is missing", "add `pokin: 1` on top"
        )
    if version != FORMAT_VERSION:
        raise where.error(
            ("pokin",),
            f"format version {version!r} is not supported",
            f"write `pokin: {FORMAT_VERSION}`, a number without quotes"
            if str(version).strip() == str(FORMAT_VERSION)
            else f"this pokin reads version {FORMAT_VERSION}; upgrade pokin or fix the number",
        )
    try:
        tree = PohonKinerja.model_validate(data, context={"defer_references": True})
    except ValidationError as exc:
        raise where.from_validation(exc) from None
    problems = resolve_references(tree)
    if problems:
        raise where.from_problems(problems)
    return tree


def _parse(text: str, path: str | os.PathLike[str] | None) -> tuple[Any, Marks]:
    if not text.strip():
        raise PokinFileError(
            "the file is empty", path=path, hint="start from the example in docs/format.md"
        )
    loader = _yaml.Loader(text)
    try:
        node = loader.get_single_node()
        marks: Marks = {}
        data = _construct(loader, node, (), marks, path) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise PokinFileError(
            f"YAML syntax error: {problem}",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint=_yaml_hint(str(problem), text.splitlines(), mark.line if mark else None),
        ) from None
    except yaml.YAMLError as exc:
        raise PokinFileError(f"YAML error: {exc}", path=path) from None
    finally:
        loader.dispose()
    return data, marks


def _yaml_hint(problem: str, lines: list[str], at: int | None) -> str:
    """How to fix a YAML syntax error, from libyaml's words and the lines around it.

    >>> _yaml_hint("found character that cannot start any token", ["a:", chr(9) + "b: 1"], 1)
    'YAML indents with spaces, not tabs: replace the tab on this line with spaces'
    >>> _yaml_hint("mapping values are not allowed here", ["nama: X", "   unit: Y"], 1)
    'this line is indented deeper than the line above, whose value is already given: align it'
    """
    line = lines[at] if at is not None and 0 <= at < len(lines) else ""
    above = next((x for x in reversed(lines[:at]) if x.strip()), "") if at else ""
    if "\t" in line[: len(line) - len(line.lstrip())] or "'\\t'" in problem:
        return "YAML indents with spaces, not tabs: replace the tab on this line with spaces"
    deeper = len(line) - len(line.lstrip()) > len(above) - len(above.lstrip())
    if "mapping values" in problem and deeper and re.match(r"\s*[\w-]+:\s*\S", above):
        return (
            "this line is indented deeper than the line above, whose value is already "
            "given: align it"
        )
    if "mapping values" in problem:
        return "a text containing ': ' must be quoted (\"...\") or written as a block (|)"
    if "expected <block end>" in problem or "indent" in problem:
        return "check the indentation of this line against the lines above it"
    return "check the line against the examples in docs/format.md"


def _construct(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    path: Path_,
    marks: Marks,
    file: str | os.PathLike[str] | None,
) -> Any:
    start = node.start_mark
    marks[path] = (start.line + 1, start.column + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is yaml.ScalarNode and key_node.tag == _STR:
                key = key_node.value  # what the constructor returns, without its bookkeeping
            else:
                key = loader.construct_object(key_node, deep=True)
            start = key_node.start_mark
            if not isinstance(key, str | int):
                raise PokinFileError(
                    "keys must be plain words",
                    path=file,
                    line=start.line + 1,
                    column=start.column + 1,
                )
            sub = (*path, key)
            if key in result:
                raise PokinFileError(
                    f"the key `{key}` appears twice in the same mapping"
                    f" (first at line {marks[sub][0]})",
                    path=file,
                    line=start.line + 1,
                    column=start.column + 1,
                    hint="YAML would silently keep only the last one; merge the two",
                )
            if type(value_node) is yaml.ScalarNode and value_node.tag == _STR:
                value_start = value_node.start_mark  # most values: texts
                marks[sub] = (value_start.line + 1, value_start.column + 1)
                result[key] = value_node.value
            else:
                result[key] = _construct(loader, value_node, sub, marks, file)
            # Point at the key for errors about the key itself (unknown key).
            marks[(*sub, "<key>")] = (start.line + 1, start.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(loader, item, (*path, i), marks, file) for i, item in enumerate(node.value)
        ]
    if node.tag == _STR:  # most scalars: skip the constructor's bookkeeping
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:  # a date that looks right but is not: 2023-13-45
        raise PokinFileError(
            f"cannot read {node.value!r}: {exc}",
            path=file,
            line=start.line + 1,
            column=start.column + 1,
            field=_field(path),
            hint="write a date as YYYY-MM-DD; quote a text that looks like one",
        ) from None


_STR = "tag:yaml.org,2002:str"


class _Locator:
    """Turns paths into the data into file positions for error messages."""

    def __init__(self, marks: Marks, path: str | os.PathLike[str] | None) -> None:
        self.marks = marks
        self.path = path

    def position(self, loc: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
        if key and (*loc, "<key>") in self.marks:
            return self.marks[(*loc, "<key>")]
        # pydantic adds parts that are not in the data (union members, validator names):
        # keep the longest prefix that exists.
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.marks:
                return self.marks[loc[:end]]
        return None, None

    def error(self, loc: Path_, message: str, hint: str | None = None) -> PokinFileError:
        line, column = self.position(loc)
        return PokinFileError(
            message, path=self.path, line=line, column=column, field=_field(loc), hint=hint
        )

    def from_validation(self, exc: ValidationError) -> PokinFileError:
        errors = exc.errors(include_url=False)
        first = errors[0]
        loc = _data_loc(first)
        message, hint = _explain(first)
        key = first["type"] == "extra_forbidden"
        line, column = self.position(loc, key=key)
        if len(errors) > 1:
            message += f" (and {len(errors) - 1} more problem{'s' * (len(errors) > 2)})"
        return PokinFileError(
            message, path=self.path, line=line, column=column, field=_field(loc), hint=hint
        )

    def from_problems(self, problems: list[Problem]) -> PokinFileError:
        first = problems[0]
        message = first.message
        if len(problems) > 1:
            others = "; ".join(
                f"line {self.position(p.path)[0]}: {p.message}" for p in problems[1:4]
            )
            message += f" (and {len(problems) - 1} more: {others}{'...' * (len(problems) > 4)})"
        return self.error(first.path, message, first.hint)


def _data_loc(error: ErrorDetails) -> Path_:
    # Drop the parts pydantic adds for unions and function validators.
    return tuple(
        part
        for part in error["loc"]
        if isinstance(part, int) or not (part in _PYDANTIC_PARTS or part.startswith("function-"))
    )


_PYDANTIC_PARTS = {"str", "int", "float", "bool", "none", "date", "list", "dict", "Tautan"}


def _explain(error: ErrorDetails) -> tuple[str, str | None]:
    kind = error["type"]
    loc = _data_loc(error)
    name = str(loc[-1]) if loc else "top"
    if kind == "missing":
        return f"the required key `{name}` is missing", f"add `{name}: ...` here"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        return f"unknown key `{name}`", hint + "allowed here: " + ", ".join(allowed)
    if kind == "enum":
        expected = (error.get("ctx") or {}).get("expected", "")
        return f"{error['input']!r} is not allowed", f"use one of {expected}"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "int_type", "date_type"):
        return (
            f"{error['msg'].lower()}, got {type(error['input']).__name__} {error['input']!r}",
            "see docs/format.md for the type of each key; quote texts that look like "
            "numbers, dates or yes/no",
        )
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message, None


def _allowed_keys(loc: Path_) -> list[str]:
    """The keys a mapping at ``loc`` may have, from the models' fields."""
    from . import models

    named = [p for p in loc if isinstance(p, str)]
    model: type[BaseModel] = models.PohonKinerja
    for part in named:
        field = model.model_fields.get(part)
        inner = _model_of(field.annotation) if field else None
        if inner is None:
            break
        model = inner
    return list(model.model_fields)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _field(loc: Path_) -> str | None:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or None


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


def save(tree: PohonKinerja, path: str | os.PathLike[str]) -> Path:
    """Write ``tree`` to ``path`` atomically; return the path.

    The text is produced in full before the file is touched, then written to a temporary
    file beside it and moved into place: a crash leaves the old file, never half a new one.
    """
    target = Path(path)
    text = dumps(tree)
    with atomic_write(target) as handle:
        handle.write(text)
    return target
