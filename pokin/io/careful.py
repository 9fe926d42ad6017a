"""The careful reader: a pokin YAML file read with the line and column of every node.

:func:`pokin.io.loads` reads a valid file on a fast path without positions; whatever is
wrong with a file (syntax, unknown key, wrong type, duplicate key or id, dangling link,
atasan cycle) is explained here, as one :class:`~pokin.errors.PokinFileError` naming the
file, line, column and field, with a hint how to fix it.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml
from pydantic import ValidationError

from .. import _yaml
from ..errors import PokinFileError
from ..models import FORMAT_VERSION, PohonKinerja, Problem, resolve_references
from ..models.explain import Path_, data_loc, explain, field_name

__all__ = ["careful_loads", "parse", "yaml_problem"]

Marks = dict[Path_, tuple[int, int]]


def careful_loads(text: str, path: str | os.PathLike[str] | None) -> PohonKinerja:
    """:func:`loads` keeping every node's position, to explain whatever is wrong."""
    data, marks = parse(text, path)
    where = _Locator(marks, path)
    if not isinstance(data, dict):
        raise where.error(
            (),
            "puncak berkas pokin harus berupa pemetaan (pokin:, organisasi:, jabatan:)",
            "lihat contoh di docs/format.md",
        )
    version = data.get("pokin")
    if version is None:
        raise where.error(
            (), "kunci `pokin` (versi format) tidak ada", "tambahkan `pokin: 1` di baris teratas"
        )
    if version != FORMAT_VERSION:
        raise where.error(
            ("pokin",),
            f"versi format {version!r} tidak didukung",
            f"tulis `pokin: {FORMAT_VERSION}`, sebuah angka tanpa tanda petik"
            if str(version).strip() == str(FORMAT_VERSION)
            else f"pokin ini membaca versi {FORMAT_VERSION}; perbarui pokin atau perbaiki angkanya",
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
        raise PokinFileError("berkas kosong", path=path, hint="mulai dari contoh di docs/format.md")
    loader = _yaml.Loader(text)
    try:
        node = loader.get_single_node()
        marks: Marks = {}
        data = _construct(loader, node, (), marks, path) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "YAML tidak sah"
        raise PokinFileError(
            f"kesalahan sintaks YAML ({yaml_problem(str(problem))})",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint=_yaml_hint(str(problem), text.splitlines(), mark.line if mark else None),
        ) from None
    except yaml.YAMLError as exc:
        raise PokinFileError(f"kesalahan YAML ({yaml_problem(str(exc))})", path=path) from None
    finally:
        loader.dispose()
    return data, marks


_PROBLEMS = (
    (r"mapping values are not allowed", "tanda ':' tidak boleh di sini"),
    (r"block sequence entries are not allowed", "butir daftar ('-') tidak boleh di sini"),
    (
        r"(?:did not find )?expected (',' or '[]}]')(?:, but (?:got|found) '(.+)')?",
        r"tanda \1 yang diharapkan tidak ada",
    ),
    (
        r"did not find expected key|expected <block end>.*",
        "baris ini tidak sejajar dengan kunci di atasnya",
    ),
    (r"did not find expected '-' indicator", "tanda '-' butir daftar yang diharapkan tidak ada"),
    (r"did not find expected node content", "nilai yang diharapkan tidak ada"),
    (r"could not find expected ':'", "tanda ':' yang diharapkan tidak ada"),
    (r"found a tab character.*|found character '\\t'.*", "ada tab di indentasi"),
    (r"found character '(.)' that cannot start any token", r"nilai tidak boleh diawali '\1'"),
    (r"found character that cannot start any token", "ada karakter yang tak boleh mengawali nilai"),
    (r"found undefined alias(?: '(.*)')?", r"alias *\1 tidak didefinisikan"),
    (r"found unknown escape character(?: '(.*)')?", r"escape \\\1 tak dikenal di teks berpetik"),
    (r"found unexpected end of stream", "berkas berakhir sebelum teks berpetik ditutup"),
    (r"second occurrence|found duplicate anchor.*", "anchor (&) yang sama ditulis dua kali"),
    (r"found duplicate %?YAML directive", "direktif %YAML ditulis dua kali"),
    (r"failed to decode base64 data.*", "data base64 tidak sah"),
    (r"found unexpected ':'", "tanda ':' tidak terduga"),
    (
        r"exceeded maximum nesting depth.*",
        "bersarang terlalu dalam: lebih dari 1.000 tingkat, padahal berkas pokin hanya "
        "sekitar sepuluh; periksa kurung [ dan { yang tidak ditutup, atau indentasi yang "
        "terus bertambah",
    ),
    (r"found unexpected end of stream|unexpected end of.*", "berkas berakhir terlalu cepat"),
    (
        r"found invalid Unicode character escape code",
        r"escape \\u atau \\U ini menyebut karakter yang tidak ada (separuh pasangan "
        r"surrogate, mis. \\ud800)",  # doubled: re's expand() reads the backslashes
    ),
    (r"but found another document", "berkas memuat lebih dari satu dokumen YAML (baris ---)"),
    (r"could not determine a constructor for the tag '(.*)'", r"tag YAML \1 tidak didukung"),
)


def yaml_problem(problem: str) -> str:
    """libyaml's (English) words for a syntax error, in the planner's.

    >>> yaml_problem("mapping values are not allowed in this context")
    "tanda ':' tidak boleh di sini"
    >>> yaml_problem("did not find expected ',' or '}'")
    "tanda ',' atau '}' yang diharapkan tidak ada"
    >>> yaml_problem("something libyaml may say one day")
    'struktur YAML tidak sah'
    """
    for pattern, words in _PROBLEMS:
        found = re.match(pattern, problem.strip(), flags=re.S)
        if found:
            return found.expand(words).replace(" or ", " atau ")
    return "struktur YAML tidak sah"


def _yaml_hint(problem: str, lines: list[str], at: int | None) -> str:
    """How to fix a YAML syntax error, from libyaml's words and the lines around it.

    >>> _yaml_hint("found character that cannot start any token", ["a:", chr(9) + "b: 1"], 1)
    'YAML memakai spasi untuk indentasi, bukan tab: ganti tab di baris ini dengan spasi'
    >>> _yaml_hint("mapping values are not allowed here", ["nama: X", "   unit: Y"], 1)[:40]
    'baris ini menjorok lebih dalam daripada '
    """
    line = lines[at] if at is not None and 0 <= at < len(lines) else ""
    above = next((x for x in reversed(lines[:at]) if x.strip()), "") if at else ""
    if "\t" in line[: len(line) - len(line.lstrip())] or "'\\t'" in problem:
        return "YAML memakai spasi untuk indentasi, bukan tab: ganti tab di baris ini dengan spasi"
    deeper = len(line) - len(line.lstrip()) > len(above) - len(above.lstrip())
    if "mapping values" in problem and deeper and re.match(r"\s*[\w-]+:\s*\S", above):
        return (
            "baris ini menjorok lebih dalam daripada baris di atasnya, yang nilainya sudah "
            "ditulis: sejajarkan"
        )
    if "mapping values" in problem:
        return (
            "teks yang memuat ': ' harus diapit tanda petik (\"...\") atau ditulis sebagai blok (|)"
        )
    if "Unicode character escape" in problem:
        return "hapus escape itu, atau tulis karakternya langsung (berkas pokin adalah UTF-8)"
    if "another document" in problem:
        return "satu berkas pokin memuat satu dokumen: hapus baris --- ini dan isi sesudahnya"
    if "constructor for the tag" in problem:
        return (
            "hapus tag itu (kata berawalan ! atau !!): berkas pokin hanya memuat teks, angka, "
            "tanggal, daftar dan pemetaan"
        )
    if "expected <block end>" in problem or "indent" in problem:
        return "periksa indentasi baris ini terhadap baris-baris di atasnya"
    return "bandingkan baris ini dengan contoh di docs/format.md"


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
    if node.tag in _AS_WRITTEN:  # most scalars, and decimals as written: no constructor
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # a date that looks right but is not: 2023-13-45
        if node.tag == _yaml.INT:  # more digits than Python converts: the text as written
            return node.value
        raise PokinFileError(
            f"{node.value!r} bukan tanggal yang ada di kalender",
            path=file,
            line=start.line + 1,
            column=start.column + 1,
            field=field_name(path),
            hint="tulis tanggal sebagai YYYY-MM-DD; apit dengan tanda petik teks yang mirip "
            "tanggal",
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
            raise _at(file, start, "kunci harus berupa kata biasa")
        sub = (*path, key)
        if key in result:
            raise _at(
                file,
                start,
                f"kunci `{key}` muncul dua kali dalam pemetaan yang sama"
                f" (pertama di baris {marks[sub][0]})",
                "YAML diam-diam hanya menyimpan yang terakhir; gabungkan keduanya",
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
_AS_WRITTEN = frozenset({_STR, "tag:yaml.org,2002:float"})  # see pokin._yaml


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
            message, path=self.path, line=line, column=column, field=field_name(loc), hint=hint
        )

    def from_validation(self, exc: ValidationError) -> PokinFileError:
        errors = exc.errors(include_url=False)
        first = errors[0]
        loc = data_loc(first)
        message, hint = explain(first, PohonKinerja)
        key = first["type"] == "extra_forbidden"
        line, column = self.position(loc, key=key)
        if len(errors) > 1:
            message += f" (dan {len(errors) - 1} masalah lain)"
        return PokinFileError(
            message, path=self.path, line=line, column=column, field=field_name(loc), hint=hint
        )

    def from_problems(self, problems: list[Problem]) -> PokinFileError:
        first = problems[0]
        message = first.message
        if len(problems) > 1:
            others = "; ".join(
                f"baris {self.position(p.path)[0]}: {p.message}" for p in problems[1:4]
            )
            message += f" (dan {len(problems) - 1} lagi: {others}{'...' * (len(problems) > 4)})"
        return self.error(first.path, message, first.hint)
