"""The ``pokin`` command: a thin layer over the library.

Each subcommand is one module beside this one, holding its options (``register``) next to
its handler (``run``). Exit codes: 0 all well, 1 the checks found errors, 2 the input could
not be read or the command line is wrong. Library errors are turned into one clean message
here; a traceback means a bug in pokin.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .._version import __version__
from ..errors import PokinError
from . import check, demo, diff, draw, explore, export, importing, link, report, rules, sakip, show
from .files import message
from .parser import Parser

__all__ = ["build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]

COMMANDS = (check, rules, demo, draw, report, sakip, explore, importing, link, export, diff, show)
"""The subcommand modules, in the order ``pokin --help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``pokin`` command."""
    parser = Parser(
        prog="pokin",
        description="Pohon kinerja: periksa dan gambar cascading IKU ke IKI sebuah kecamatan.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pokin {_version()}",
        help="tampilkan versi pokin lalu keluar",
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")
    for command in COMMANDS:
        command.register(sub)
    return parser


def _version() -> str:
    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``pokin`` command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    handler: Handler = args.handler
    try:
        with _stopping_raises():
            return handler(args)
    except PokinError as exc:
        print(f"pokin: galat: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`: not an error (before OSError)
        return 0
    except (ValueError, OSError) as exc:  # bad option values; a file that cannot be written
        print(f"pokin: galat: {message(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        print("pokin: dihentikan", file=sys.stderr)
        return exc.code if isinstance(exc, Stopped) else 130


class Stopped(KeyboardInterrupt):
    """A SIGTERM or SIGHUP (a closed terminal, ``kill``, a CI timeout) raised where pokin
    is, as Ctrl-C raises :class:`KeyboardInterrupt`: the file being written is removed as
    on any error (the temporary file beside its target included), never left behind."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.code = 128 + signum


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _stopping_raises() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` while a command runs (in the main thread;
    elsewhere the signals stay as they were)."""
    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        with contextlib.suppress(ValueError):  # not the main thread: left alone
            previous[number] = signal.signal(number, _stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
