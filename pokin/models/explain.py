"""Pydantic's validation errors told the way a planner reads them: in Indonesian, at the
path of the field (:func:`data_loc`), with what was expected and a hint how to fix it
(:func:`explain`). Every reader of a pokin tree (YAML, JSON, Excel, a decree's
corrections) explains its errors with these, and the models their own when built or set
in Python (:func:`planner_error`).
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .._text import unshown
from ..errors import ModelError

__all__ = ["Path_", "data_loc", "explain", "field_name", "planner_error"]

Path_ = tuple[str | int, ...]


def data_loc(error: ErrorDetails) -> Path_:
    # Drop the parts pydantic adds for unions and function validators.
    return tuple(
        part
        for part in error["loc"]
        if isinstance(part, int) or not (part in _PYDANTIC_PARTS or part.startswith("function-"))
    )


_PYDANTIC_PARTS = {"str", "int", "float", "bool", "none", "date", "list", "dict", "Tautan"}


_KINDS = {
    "string_type": "teks",
    "list_type": "daftar (- ...)",
    "dict_type": "pemetaan (kunci: nilai)",
    "model_type": "pemetaan (kunci: nilai)",
    "int_type": "bilangan bulat",
    "float_type": "bilangan",
    "date_type": "tanggal (YYYY-MM-DD)",
    "bool_type": "ya/tidak",
}
_TYPE_NAMES = {
    "str": "teks",
    "int": "bilangan",
    "float": "bilangan",
    "bool": "ya/tidak",
    "list": "daftar",
    "dict": "pemetaan",
    "NoneType": "nilai kosong",
    "date": "tanggal",
    "datetime": "tanggal dan jam",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "paling kecil"),
    "greater_than": ("gt", "harus lebih dari"),
    "less_than_equal": ("le", "paling besar"),
    "less_than": ("lt", "harus kurang dari"),
}


def planner_error(model: type[BaseModel], exc: ValidationError) -> ValidationError:
    """``exc``, raised building or setting a ``model`` in Python, as a
    :class:`~pokin.errors.ModelError`: its first problem in the planner's words, at the
    field's path (``Indikator.polaritas``), the others counted.

    >>> from pokin.models import Indikator
    >>> try:
    ...     Indikator(uraian="Indeks kepuasan", polaritas="atas")
    ... except ValueError as exc:
    ...     print(exc)
    Indikator.polaritas: nilai 'atas' tidak diizinkan
      saran: pakai salah satu dari: 'naik' atau 'turun'
    """
    if isinstance(exc, ModelError):
        return exc
    errors = exc.errors(include_url=False)
    try:
        error = ModelError.from_exception_data(exc.title, errors)  # type: ignore[arg-type]
    except Exception:  # an error pydantic-core cannot rebuild: pydantic's own then
        return exc
    message, hint = explain(errors[0], model)
    where = field_name(data_loc(errors[0]))
    more = f" (dan {len(errors) - 1} masalah lain)" if len(errors) > 1 else ""
    error.message = f"{model.__name__}{'.' + where if where else ''}: {message}{more}"
    error.hint = hint
    return error


def explain(error: ErrorDetails, model: type[BaseModel] | None = None) -> tuple[str, str | None]:
    """A pydantic error in the planner's words (Indonesian): the message and a hint.
    ``model`` is the model the error's path starts from (the keys it allows are listed).

    >>> explain({"type": "literal_error", "loc": ("polaritas",), "msg": "",
    ...           "input": "up", "ctx": {"expected": "'naik' or 'turun'"}})
    ("nilai 'up' tidak diizinkan", "pakai salah satu dari: 'naik' atau 'turun'")
    """
    kind = error["type"]
    loc = data_loc(error)
    name = str(loc[-1]) if loc else "puncak"
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"kunci wajib `{name}` tidak ada", f"tambahkan `{name}: ...` di sini"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1], model)
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"maksudnya `{close[0]}`? " if close else ""
        listed = "yang boleh di sini: " + ", ".join(allowed) if allowed else None
        return f"kunci `{name}` tidak dikenal", (hint + listed) if listed else None
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return f"nilai {_shown(value)} tidak diizinkan", f"pakai salah satu dari: {expected}"
    if kind in _KINDS:
        got = _TYPE_NAMES.get(type(value).__name__, type(value).__name__)
        return (
            f"harus berupa {_KINDS[kind]}, bukan {got} {_shown(value)}",
            "lihat jenis setiap kunci di docs/format.md; apit dengan tanda petik teks yang "
            "mirip angka, tanggal atau ya/tidak",
        )
    if kind == "invalid_key":  # {realisasi: 87,5}: the comma split the pair, `5` is a key
        return f"kunci `{name}` bukan teks", "di dalam {...} koma memisahkan pasangan: '87,5'"
    if kind == "string_pattern_mismatch" and isinstance(value, str) and unshown(value):
        at = value.find(chr(int(str(unshown(value))[2:], 16)))
        shown = value[max(0, at - 20) : at + 20]
        return (
            f"teks memuat karakter kendali atau tak terlihat {unshown(value)} ({shown!r}): "
            "ia tidak dapat ditampilkan atau disimpan (gambar SVG, Excel, layar)",
            "hapus karakter itu (penyunting teks sering tidak menampilkannya); ditulis sebagai "
            'escape dalam teks bertanda petik ganda ("\\0", "\\e", "\\x1b", "\\r"; di JSON '
            '"\\u0000"), hapus escape-nya',
        )
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        return (
            f"teks ini harus satu baris, tetapi memuat pergantian baris ({_shown(value)})",
            "tulis dalam satu baris (di YAML: bukan blok '|', dan tanpa \\n di teks bertanda "
            "petik); pergantian baris boleh di tugas, formulasi, sumber_data, catatan",
        )
    if kind == "string_too_short":
        return "teks ini kosong", f"isi `{name}`: teks yang hanya berisi spasi dianggap kosong"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"nilai {_shown(value)} di luar batas: {words} {ctx.get(key)}", None
    if kind in ("int_parsing", "int_parsing_size", "int_from_float", "float_parsing"):
        return f"{_shown(value)} bukan bilangan", "tulis sebuah angka, mis. 2024"
    if kind.startswith("date"):
        return f"{_shown(value)} bukan tanggal yang sah", "tulis tanggal sebagai YYYY-MM-DD"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        return message[len("Value error, ") :], None
    return f"nilai tidak sah ({message})", "lihat docs/format.md"


def _shown(value: Any) -> str:
    """A refused value as a message quotes it: its ``repr``, cut after 60 characters (a
    number of 5.000 digits or a 10 MB text must not fill the screen).

    >>> _shown("2" * 100)
    "'22222222222222222222222222222222222222222222222222222222222…' (100 karakter)"
    """
    shown = repr(str(value) if isinstance(value, date) else value)  # not datetime.datetime(...)
    if len(shown) <= 60:
        return shown
    length = f" ({len(value):,} karakter)".replace(",", ".") if isinstance(value, str) else ""
    return shown[:60] + "…" + shown[-1] * isinstance(value, str) + length


def _allowed_keys(loc: Path_, root: type[BaseModel] | None) -> list[str]:
    """The keys a mapping at ``loc`` may have, from the fields of ``root`` (the model the
    error is about: :class:`~pokin.models.PohonKinerja` for a whole file) and the models
    under it; none when the model is not known."""
    if root is None:
        return []
    named = [p for p in loc if isinstance(p, str)]
    model: type[BaseModel] = root
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


def field_name(loc: Path_) -> str | None:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or None
