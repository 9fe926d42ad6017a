"""The YAML machinery behind :mod:`pokin.io`, tuned for kabupaten-sized files.

Three things make a large file slow with plain PyYAML, and each is handled here without
changing what is read or written:

- the cyclic garbage collector runs again and again over the hundreds of thousands of nodes
  and dicts a file makes, none of them garbage (:func:`no_gc` pauses it: most of the gain);
- the implicit resolver runs for every scalar, read and written (:meth:`Loader.resolve`
  answers "text" at once for the scalars no implicit resolver could match);
- the generic constructor and representer do bookkeeping pokin never needs
  (:func:`plain_data` turns nodes into data directly, :func:`dump_text` turns data into
  the emitter's events directly).

:func:`plain_data` keeps no line or column: it is the fast path of a valid file. It gives
up (raises :class:`FastPathError`) on anything unusual, a duplicate key above all, and
:mod:`pokin.io` then reads the file again the careful way, which explains the problem.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# The scalar tags whose safe constructors only read ``node.value``.
_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
)

# libyaml's parser and emitter where PyYAML was built with it (5-10x faster), else PyYAML's.
_CLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# The safe resolver's table: first character -> [(tag, regexp)]; '' is the empty scalar.
_RESOLVERS: dict[Any, Any] = yaml.SafeLoader.yaml_implicit_resolvers
assert None not in _RESOLVERS  # no resolver for any first character
assert not yaml.SafeLoader.yaml_path_resolvers


def _resolve(self: yaml.resolver.BaseResolver, kind: type[Node], value: Any, implicit: Any) -> str:
    """PyYAML's safe resolver, answering at once for the scalars no regexp can match.

    The same tag as ``Resolver.resolve`` for every input: a quoted scalar, or a plain one
    whose first character starts no implicit resolver (most texts), is a string there too.
    """
    if kind is ScalarNode and (not implicit[0] or value[:1] not in _RESOLVERS):
        return STR
    return _full_resolve(self, kind, value, implicit)


_full_resolve: Callable[..., str] = yaml.resolver.BaseResolver.resolve


class Loader(_CLoader):  # type: ignore[valid-type,misc]
    """The safe loader, with the cheaper (identical) resolver."""

    resolve = _resolve

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Nothing to track: the safe resolver has no path resolvers (asserted above)."""

    def ascend_resolver(self) -> None:
        """Nothing to track, as :meth:`descend_resolver`."""


class Dumper(_CDumper):  # type: ignore[valid-type,misc]
    """The safe dumper, with the cheaper (identical) resolver; see :func:`dump_text`."""

    resolve = _resolve


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (reference counting still frees everything).

    Reading or writing a kabupaten makes hundreds of thousands of objects, none of them
    garbage; every collection would walk them all again. The collector is switched back on
    only if it was on (the switch is process-wide: another thread's allocations meanwhile
    are not collected either, only freed by reference counting).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class FastPathError(Exception):
    """The fast path gives up: read the text the careful way."""


FLOAT = "tag:yaml.org,2002:float"
_AS_WRITTEN = frozenset({STR, FLOAT})
"""Scalars kept as the text the planner wrote: a decimal is text in every field but a score
(``target: 1.500`` is one thousand five hundred the Indonesian way, never the float 1.5;
``82.50`` keeps its digits). The model turns the text into a number where it wants one."""


def plain_data(text: str) -> Any:
    """The data of ``text`` as the careful reader makes it, without positions.

    Raises:
        FastPathError: anything out of the ordinary (not one document, a YAML error, a
            duplicate, non-text or merge key, an unusual tag): the careful reader decides.
    """
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FastPathError
        return _data(loader, node)
    except FastPathError:
        raise
    except Exception as exc:  # YAMLError, RecursionError, ...: let the careful reader say
        raise FastPathError from exc
    finally:
        loader.dispose()


def _data(loader: yaml.SafeLoader, node: Node) -> Any:
    kind = type(node)
    if kind is ScalarNode:
        if node.tag in _AS_WRITTEN:
            return node.value
        if node.tag in _SCALARS:
            return loader.yaml_constructors[node.tag](loader, node)
        raise FastPathError
    if kind is MappingNode:
        out: dict[str, Any] = {}
        for key, value in node.value:
            if type(key) is not ScalarNode or key.tag != STR:
                raise FastPathError  # keys that are numbers, merges (<<), mappings...
            if type(value) is ScalarNode and value.tag == STR:
                out[key.value] = value.value
            else:
                out[key.value] = _data(loader, value)
        if len(out) != len(node.value):
            raise FastPathError  # a key appears twice: the careful reader refuses it
        return out
    if kind is SequenceNode:
        return [
            item.value if type(item) is ScalarNode and item.tag == STR else _data(loader, item)
            for item in node.value
        ]
    raise FastPathError


# -- writing --------------------------------------------------------------------------------


def dump_text(data: Any) -> str:
    """``yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100,
    default_flow_style=False)``, byte for byte, 2-3x faster.

    The events go straight to libyaml's emitter: no node graph for the serializer to walk
    twice (anchors, then events), no two resolver calls per text to tell whether it can be
    written plain. There is nothing to alias: every dict and list of ``data`` is a fresh
    object, and the one date of a pokin tree (``dokumen.tanggal``) appears once.
    """
    stream = io.StringIO()
    dumper = Dumper(
        stream, default_flow_style=False, width=100, allow_unicode=True, sort_keys=False
    )
    try:
        emit = dumper.emit
        emit(StreamStartEvent())
        emit(DocumentStartEvent(explicit=False))
        _emit(dumper, emit, data)
        emit(DocumentEndEvent(explicit=False))
        emit(StreamEndEvent())
    finally:
        dumper.dispose()
    return stream.getvalue()


def _emit(dumper: yaml.SafeDumper, emit: Callable[[Event], None], value: Any) -> None:
    kind = type(value)
    if kind is str:
        emit(_text_event(dumper, value))
    elif kind is dict:
        emit(MappingStartEvent(None, _MAP, True, flow_style=False))
        for key, item in value.items():
            _emit(dumper, emit, key)
            _emit(dumper, emit, item)
        emit(MappingEndEvent())
    elif kind is list:
        emit(SequenceStartEvent(None, _SEQ, True, flow_style=False))
        for item in value:
            _emit(dumper, emit, item)
        emit(SequenceEndEvent())
    elif isinstance(value, StrEnum):
        emit(_text_event(dumper, value.value))
    else:  # numbers, dates, None: the safe representer's node, as the serializer sends it
        node = dumper.represent_data(value)
        if not isinstance(node, ScalarNode):  # a pokin tree has no other values
            raise TypeError(f"cannot write {type(value).__name__} {value!r}")
        implicit = (
            node.tag == _resolve(dumper, ScalarNode, node.value, (True, False)),
            node.tag == _resolve(dumper, ScalarNode, node.value, (False, True)),
        )
        emit(ScalarEvent(None, node.tag, implicit, node.value, style=node.style))


def _text_event(dumper: yaml.SafeDumper, value: str) -> ScalarEvent:
    """A text; multi-line ones (tugas, numbered formulas) as literal blocks."""
    plain = value[:1] not in _RESOLVERS or _resolve(dumper, ScalarNode, value, (True, False)) == STR
    return ScalarEvent(None, STR, (plain, True), value, style="|" if "\n" in value else None)
