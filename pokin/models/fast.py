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
- a ``level_hasil`` must be written as the enum's value (``immediate_outcome``).

Texts are still stripped, in pydantic-core, as the models do: measured at 1e5, a tree
holding the parser's own strings instead of the stripped copies (made beside each model)
checked 15 % slower, which took back most of what skipping the copies saved.

So whatever it accepts, the models' validator accepts too and builds the very same tree
(the unit tests compare both on every dataset and on generated trees); whatever it refuses
(``id: 12``, ``satuan: ""``, ``level_hasil: Immediate Outcome``, or a real error) the
caller gives to the models' validator, which normalises or explains it. The other
validators (links written as a bare id, ``fungsi`` as one text, periods, the Renstra's
years) run as in the models.

:func:`validate_fast` never resolves references: call
:func:`~pokin.models.resolve_references` on what it returns.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic_core import SchemaValidator

from .fields import ID_PATTERN, _check_id, _level_text, _none_if_empty
from .tree import PohonKinerja

__all__ = ["validate_fast"]

_ID = {"type": "str", "pattern": f"^(?:{ID_PATTERN.pattern})$", "strip_whitespace": False}


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
    if kind == "function-before" and function is _check_id:
        return dict(_ID)
    if kind == "function-before" and function is _level_text:
        return _rewrite(schema["schema"])
    if kind == "function-after" and function is _none_if_empty:
        return _rewrite(_not_empty(schema["schema"]))
    if kind == "function-after" and getattr(function, "__name__", "") == "_references":
        return _rewrite(schema["schema"])  # references are resolved by the caller
    return {key: value if key in _AS_IS else _rewrite(value) for key, value in schema.items()}


def _not_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """The nullable text schema of an optional text, refusing an empty text (after
    stripping) instead of making it None."""
    inner = schema["schema"]
    return {**schema, "schema": {**inner, "min_length": 1}}


_AS_IS = frozenset({"cls", "function", "metadata", "default", "default_factory", "ref"})
"""Keys of a core schema whose values are objects, not schemas."""
