"""``pokin show``: a tree as stable readable lines (the textconv for ``git diff``)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from ..diff import resolve, show
from ..errors import PokinError
from .files import Subparsers, message

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin show`` to the command's subparsers."""
    p = sub.add_parser(
        "show",
        help="print a tree as readable lines (a git textconv)",
        description="Print a pokin tree one fact per line (jabatan, kinerja, indikator with "
        "formulasi, target, realisasi, periods, links), in file order. With "
        "`git config diff.pokin.textconv 'pokin show --textconv'` and `*.yaml diff=pokin` in "
        ".gitattributes, git diff shows a change of the pohon kinerja instead of YAML.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file, dataset name or git:REV:path")
    p.add_argument(
        "--textconv",
        action="store_true",
        help="never fail: print a file pokin cannot read as it is, after one line saying why "
        "(git diff must still show something)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the readable form."""
    try:
        _, tree = resolve(args.file)
    except (PokinError, OSError) as exc:
        if not args.textconv:
            raise
        sys.stdout.write(f"# pokin show: tidak terbaca sebagai pohon kinerja: {message(exc)}\n")
        with contextlib.suppress(OSError):
            sys.stdout.write(Path(args.file).read_text(encoding="utf-8", errors="replace"))
        return 0
    sys.stdout.write(show(tree))
    return 0
