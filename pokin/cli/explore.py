"""``pokin explore``: the whole tree in one offline HTML page to pan, zoom, search and filter."""

from __future__ import annotations

import argparse

from ..checks import check
from .files import Subparsers, add_force, guard_output, load_source

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin explore`` to the command's subparsers."""
    p = sub.add_parser(
        "explore",
        help="tulis seluruh pohon sebagai satu halaman HTML untuk dijelajahi",
        description="Tulis pohon kinerja FILE sebagai satu halaman HTML mandiri yang "
        "terbuka tanpa jaringan: setiap jabatan dalam baris per jenjang, geser "
        "dan zoom, pencarian atas semua teks, klik pada kotak menyalakan "
        "jalurnya sampai IKU dan apa yang diturunkan darinya (teks lengkap, "
        "temuan dan capaian di panel samping), unit dan jabatan yang dapat "
        "dilipat, serta saringan untuk kinerja yatim, IKU yang tidak "
        "diturunkan, lompatan jenjang, dan tautan inferensi yang menunggu "
        "tinjauan.",
    )
    p.add_argument("file", metavar="FILE", help="berkas YAML pokin atau nama dataset")
    p.add_argument("-o", "--output", required=True, help="pokin.html")
    add_force(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..explore import write_explorer

    target = guard_output(
        args.output, [args.file], suffixes=(".html", ".htm"), what="halaman", force=args.force
    )
    _, tree = load_source(args.file)
    print(f"ditulis: {write_explorer(tree, target, findings=check(tree))}")
    return 0
