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
        help="cetak pohon sebagai baris yang mudah dibaca (textconv git)",
        description="Cetak pohon pokin satu fakta per baris (jabatan, kinerja, indikator "
        "dengan formulasi, target, realisasi, periode, tautan), menurut urutan "
        "berkas. Dengan `git config diff.pokin.textconv 'pokin show "
        "--textconv'` dan `*.yaml diff=pokin` di .gitattributes, git diff "
        "menampilkan perubahan pohon kinerja, bukan YAML.",
    )
    p.add_argument("file", metavar="FILE", help="berkas YAML pokin, nama dataset atau git:REV:path")
    p.add_argument(
        "--textconv",
        action="store_true",
        help="jangan pernah gagal: cetak berkas yang tak terbaca pokin apa adanya, setelah satu "
        "baris alasannya (git diff tetap harus menampilkan sesuatu)",
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
