"""A second validator of :class:`~pokin.models.PohonKinerja` for the loaders' fast path:
the same models, the same fields, every check made by pydantic-core itself.

Validating a kabupaten (1e5 indicators, 180k models) with the models' own validator spends
as much time in Python calls as in building the models: every id, optional text and level
calls a Python function (:func:`~pokin.models.fields._check_id`, ...). This validator is
built from the models' core schema with those functions replaced by pydantic-core
constraints that only *accept or refuse*, never change a value:

- an id must be a text matching :data:`~pokin.models.ID_PATTERN`, as written (a number or
  surrounding spaces are refused);
- an optional text must not be empty after stripping (instead of becoming None);
- a ``level_hasil`` must be written as the enum's value (``immediate_outcome``);
- a period must be written as the models write it (``TW II``, ``2024``; ``tw 2`` is refused);
- ``fungsi`` must be a list (one text is refused);
- a link written as a bare id is made by one call, without the link's two model validators
  (any other link goes through them, as in the models).

Texts are stripped only when they start or end with whitespace (a union: the text as it is
when a pattern says there is nothing to strip, else stripped): pydantic-core's stripping
copies every text. Measured at 1e5 (CPU time), keeping the parser's own strings in the tree
checked no slower (0,93 s both).

So whatever it accepts, the models' validator accepts too and builds the very same tree
(the unit tests compare both on every dataset and on generated trees); whatever it refuses
(``id: 12``, ``satuan: ""``, ``level_hasil: Immediate Outcome``, or a real error) the
caller gives to the models' validator, which normalises or explains it. The other
validators (links written as a dict, a period written twice, the Renstra's years) run as in
the models.

:func:`validate_fast` never resolves references: call
:func:`~pokin.models.resolve_references` on what it returns.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic_core import SchemaValidator

from .._text import LINE_BREAKS, ONE_LINE, SHOWABLE, UNSHOWN
from .fields import ID_PATTERN, _check_id, _level_text, _none_if_empty
from .parts import Tautan, _periode_name
from .tree import PohonKinerja

__all__ = ["validate_fast"]

_ID = {"type": "str", "pattern": f"^(?:{ID_PATTERN.pattern})$", "strip_whitespace": False}
_PERIODE = {
    "type": "str",
    "pattern": r"^(?:TW I|TW II|TW III|TW IV|(?:19|20)\d\d)$",
    "strip_whitespace": False,
}
"""A period as :func:`~pokin.models.parts._periode_name` writes it (``tw 2`` is refused)."""


def validate_fast(data: Any) -> PohonKinerja:
    """The tree of a file's parsed ``data``, ids and links as written (not resolved).

    Raises:
        pydantic.ValidationError: anything the models' validator would change or refuse;
            validate it with ``PohonKinerja.model_validate`` to get the tree or the error.
    """
    tree: PohonKinerja = _validator().validate_python(data)
    return tree


@functools.cache
def _validator() -> SchemaValidator:
    # _use_prebuilt=False: pydantic-core would otherwise validate each nested model with
    # that model's own (prebuilt) validator, not with the schema given here
    return SchemaValidator(_rewrite(PohonKinerja.__pydantic_core_schema__), _use_prebuilt=False)


def _rewrite(schema: Any) -> Any:
    """``schema`` with the Python steps above replaced by constraints."""
    if isinstance(schema, list):
        return [_rewrite(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    function = schema.get("function", {}).get("function") if kind else None
    name = getattr(function, "__name__", "")
    if kind == "function-before" and function is _check_id:
        return dict(_ID)
    if kind == "function-before" and function is _periode_name:
        return dict(_PERIODE)
    if kind == "function-before" and (function is _level_text or name == "_one_fungsi"):
        return _rewrite(schema["schema"])  # a list as written: a lone text is refused
    if kind == "function-after" and function is _none_if_empty:
        return _rewrite(_not_empty(schema["schema"]))
    if kind == "function-after" and name == "_references":
        return _rewrite(schema["schema"])  # references are resolved by the caller
    rewritten = {key: value if key in _AS_IS else _rewrite(value) for key, value in schema.items()}
    if kind == "function-after" and getattr(function, "__qualname__", "") == "Tautan._check":
        return _link(rewritten)
    if kind == "str" and schema.get("pattern") in _UNSTRIPPED and "strip_whitespace" not in schema:
        return _stripped(schema)
    return rewritten


def _stripped(schema: dict[str, Any]) -> dict[str, Any]:
    """A text as the models take it (stripped), without a copy of each text that has
    nothing to strip: pydantic-core's stripping makes a new string for every text (at
    1e5, a quarter of the validation); only a text that starts or ends with whitespace
    (Unicode's, as pydantic-core strips) is stripped, by the second choice."""
    return {
        "type": "union",
        "mode": "left_to_right",
        "choices": [
            {**schema, "strip_whitespace": False, "pattern": _UNSTRIPPED[schema.get("pattern")]},
            {**schema, "strip_whitespace": True},
        ],
    }


_UNSTRIPPED: dict[str | None, str] = {
    None: r"(?s)^\S(?:.*\S)?$",
    SHOWABLE: rf"^[^\s{UNSHOWN}](?:(?:[^{UNSHOWN}]|\r\n)*[^\s{UNSHOWN}])?$",
    ONE_LINE: rf"^[^\s{UNSHOWN}](?:[^{UNSHOWN}{LINE_BREAKS}]*[^\s{UNSHOWN}])?$",
}
"""By a text's pattern: the pattern of the same text with nothing to strip at either end
(:data:`~pokin._text.SHOWABLE`, :data:`~pokin._text.ONE_LINE`, or none); a text it does
not match is stripped, then checked by its own pattern."""


def _link(checked: dict[str, Any]) -> dict[str, Any]:
    """A link written as a bare id (``mendukung: [camat.k1.i2]``, what pokin writes) made
    by pydantic-core with one call to :func:`_id_link`, not two model validators; any
    other link (``{ke: ...}``, ``12``) as the models make it."""
    model = {key: value for key, value in checked["schema"].items() if key != "ref"}
    bare = {"type": "function-plain", "function": {"type": "no-info", "function": _id_link}}
    model["schema"] = {"type": "chain", "steps": [dict(_ID), bare]}
    return {"type": "union", "mode": "left_to_right", "choices": [model, checked]}


def _id_link(ke: str) -> tuple[dict[str, Any], None, set[str]]:
    """The fields of ``Tautan(ke=ke)`` as pydantic-core's model takes them: values, extra
    fields, fields set."""
    return {**_LINK, "ke": ke}, None, {"ke"}


_LINK = {name: field.default for name, field in Tautan.model_fields.items()}
"""A link's fields as their defaults."""


def _not_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """The nullable text schema of an optional text, refusing an empty text (after
    stripping) instead of making it None."""
    inner = schema["schema"]
    return {**schema, "schema": {**inner, "min_length": 1}}


_AS_IS = frozenset({"cls", "function", "metadata", "default", "default_factory", "ref"})
"""Keys of a core schema whose values are objects, not schemas."""
