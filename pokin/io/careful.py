"""The careful reader: a pokin YAML file read with the line and column of every node.

:func:`pokin.io.loads` reads a valid file on a fast path without positions; whatever is
wrong with a file (syntax, unknown key, wrong type, duplicate key or id, dangling link,
atasan cycle) is explained here, as one :class:`~pokin.errors.PokinFileError` naming the
file, line, column and field, with a hint how to fix it.
"""

from __future__ import annotations

import difflib
import os
import re
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .. import _yaml
from ..errors import PokinFileError
from ..models import FORMAT_VERSION, PohonKinerja, Problem, resolve_references

__all__ = ["careful_loads", "data_loc", "explain", "parse"]

Path_ = tuple[str | int, ...]
Marks = dict[Path_, tuple[int, int]]


def careful_loads(text: str, path: str | os.PathLike[str] | None) -> PohonKinerja:
    """:func:`loads` keeping every node's position, to explain whatever is wrong."""
    data, marks = parse(text, path)
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


def parse(text: str, path: str | os.PathLike[str] | None) -> tuple[Any, Marks]:
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
    """The data of ``node``, as the safe loader makes it, every position noted in ``marks``."""
    start = node.start_mark
    marks[path] = (start.line + 1, start.column + 1)
    if isinstance(node, yaml.MappingNode):
        return _mapping(loader, node, path, marks, file)
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


def _mapping(
    loader: yaml.SafeLoader,
    node: yaml.MappingNode,
    path: Path_,
    marks: Marks,
    file: str | os.PathLike[str] | None,
) -> dict[Any, Any]:
    """A mapping's data; a key that is not a word, or appears twice, is refused."""
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if type(key_node) is yaml.ScalarNode and key_node.tag == _STR:
            key = key_node.value  # what the constructor returns, without its bookkeeping
        else:
            key = loader.construct_object(key_node, deep=True)
        start = key_node.start_mark
        if not isinstance(key, str | int):
            raise _at(file, start, "keys must be plain words")
        sub = (*path, key)
        if key in result:
            raise _at(
                file,
                start,
                f"the key `{key}` appears twice in the same mapping"
                f" (first at line {marks[sub][0]})",
                "YAML would silently keep only the last one; merge the two",
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


def _at(
    file: str | os.PathLike[str] | None, mark: Any, message: str, hint: str | None = None
) -> PokinFileError:
    return PokinFileError(message, path=file, line=mark.line + 1, column=mark.column + 1, hint=hint)


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
        loc = data_loc(first)
        message, hint = explain(first)
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


def data_loc(error: ErrorDetails) -> Path_:
    # Drop the parts pydantic adds for unions and function validators.
    return tuple(
        part
        for part in error["loc"]
        if isinstance(part, int) or not (part in _PYDANTIC_PARTS or part.startswith("function-"))
    )


_PYDANTIC_PARTS = {"str", "int", "float", "bool", "none", "date", "list", "dict", "Tautan"}


def explain(error: ErrorDetails) -> tuple[str, str | None]:
    kind = error["type"]
    loc = data_loc(error)
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
    from .. import models

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
