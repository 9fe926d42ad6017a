"""The ``pokin`` command: a thin layer over the library.

Each subcommand is one module beside this one, holding its options (``register``) next to
its handler (``run``). Exit codes: 0 all well, 1 the checks found errors, 2 the input could
not be read or the command line is wrong. Library errors are turned into one clean message
here; a traceback means a bug in pokin.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

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
        return handler(args)
    except PokinError as exc:
        print(f"pokin: galat: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`: not an error (before OSError)
        return 0
    except (ValueError, OSError) as exc:  # bad option values; a file that cannot be written
        print(f"pokin: galat: {message(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pokin: dihentikan", file=sys.stderr)
        return 130
