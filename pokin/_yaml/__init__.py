"""The YAML machinery behind :mod:`pokin.io`, tuned for kabupaten-sized files.

Three things make a large file slow with plain PyYAML, and each is handled here without
changing what is read or written:

- the cyclic garbage collector runs again and again over the hundreds of thousands of nodes
  and dicts a file makes, none of them garbage (:func:`no_gc` pauses it: most of the gain);
- the implicit resolver runs for every scalar, read and written (:meth:`Loader.resolve`
  answers "text" at once for the scalars no implicit resolver could match);
- the generic constructor and representer do bookkeeping pokin never needs
  (:func:`plain_data` turns the parser's events into data directly, with no node tree;
  :func:`dump_text` turns data into the emitter's events directly).

:func:`plain_data` keeps no line or column: it is the fast path of a valid file. It gives
up (raises :class:`FastPathError`) on anything unusual, a duplicate key above all, and
:mod:`pokin.io` then reads the file again the careful way, which explains the problem.
"""

from __future__ import annotations

import io
from collections.abc import Callable
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
from yaml.nodes import Node, ScalarNode

from .._gc import collector_paused
from . import compiled
from .compiled import token_start as token_start

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


no_gc = collector_paused
"""The collector held off while a large file is read or written (see :mod:`pokin._gc`)."""


class FastPathError(Exception):
    """The fast path gives up: read the text the careful way."""


FLOAT = "tag:yaml.org,2002:float"
INT = "tag:yaml.org,2002:int"
_AS_WRITTEN = frozenset({STR, FLOAT})
"""Scalars kept as the text the planner wrote: a decimal is text in every field but a score
(``target: 1.500`` is one thousand five hundred the Indonesian way, never the float 1.5;
``82.50`` keeps its digits). The model turns the text into a number where it wants one."""


def plain_data(text: str) -> Any:
    """The data of ``text`` as the careful reader makes it, without positions: read by
    yaml-rs when it is installed and can be shown to agree with PyYAML on this text
    (:mod:`pokin._yaml.compiled`), else from libyaml's events (:func:`event_data`).

    Raises:
        FastPathError: anything out of the ordinary (not one document, a YAML error, a
            duplicate, non-text or merge key, an anchor, an unusual tag): the careful
            reader decides.
    """
    try:
        return compiled.data(text)
    except compiled.UnsureError:
        return event_data(text)


def event_data(text: str) -> Any:
    """The data of ``text`` as the careful reader makes it, without positions, from
    libyaml's events.

    Built straight from the parser's events: no node tree is composed, so the memory a
    large file needs is its data's, not five times that (each node keeps two marks).

    Raises:
        FastPathError: as :func:`plain_data`.
    """
    loader = Loader(text)
    try:
        loader.get_event()  # the stream starts
        if loader.check_event(StreamEndEvent):
            raise FastPathError  # no document at all
        loader.get_event()  # the document starts
        data = _data(loader)
        loader.get_event()  # the document ends
        if not loader.check_event(StreamEndEvent):
            raise FastPathError  # a second document
        return data
    except FastPathError:
        raise
    except Exception as exc:  # YAMLError, ...: let the careful reader say
        raise FastPathError from exc
    finally:
        loader.dispose()


def _data(loader: yaml.SafeLoader) -> Any:
    """The value of the document's events: scalars resolved and constructed as PyYAML's
    composer and safe constructor would, for the tags of :data:`_SCALARS` only."""
    outer: list[Any] = []  # the lists and dicts around the one being filled
    top: Any = None  # the list or dict being filled (None: the document itself)
    in_map = False  # whether ``top`` is a dict
    key: str | None = None  # in a dict, the key waiting for its value
    next_event: Callable[[], Any] = loader.get_event
    resolvers = _RESOLVERS
    while True:
        event = next_event()
        kind = type(event)
        if kind is ScalarEvent:
            value = event.value
            # a plain text no implicit resolver matches, or a quoted one: the common case
            if (
                event.tag is not None
                or event.anchor is not None
                or (event.implicit[0] and value[:1] in resolvers)
            ):
                tag = _tag(loader, event)
                if not in_map or key is not None:
                    value = _value(loader, tag, value)
                elif tag != STR:
                    raise FastPathError  # keys that are numbers, merges (<<)...
            if top is None:
                return value  # a document of one scalar
            if not in_map:
                top.append(value)
            elif key is not None:
                top[key] = value
                key = None
            elif value in top:
                raise FastPathError  # a key appears twice: the careful reader refuses it
            else:
                key = value
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise FastPathError
            new: Any = {} if kind is MappingStartEvent else []
            if top is not None:
                if not in_map:
                    top.append(new)
                elif key is None:
                    raise FastPathError  # a mapping or a list as a key
                else:
                    top[key] = new
                    key = None
                outer.append(top)
            top, in_map = new, kind is MappingStartEvent
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            if not outer:
                return top
            top = outer.pop()
            in_map = type(top) is dict
        else:
            raise FastPathError  # an alias, or anything unforeseen


def _tag(loader: yaml.SafeLoader, event: ScalarEvent) -> str:
    if event.anchor is not None:
        raise FastPathError
    tag: str | None = event.tag
    if tag is None or tag == "!":
        return _resolve(loader, ScalarNode, event.value, event.implicit)
    return tag


def _value(loader: yaml.SafeLoader, tag: str, value: str) -> Any:
    if tag in _AS_WRITTEN:
        return value
    if tag in _SCALARS:
        try:
            return loader.yaml_constructors[tag](loader, ScalarNode(tag, value))
        except ValueError:  # a date not in the calendar, an int of too many digits
            raise FastPathError from None
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
