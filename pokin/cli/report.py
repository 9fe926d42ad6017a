"""``pokin report``: the SAKIP pre-evaluation report, HTML or Markdown."""

from __future__ import annotations

import argparse

from ..checks import check
from ..errors import shown_path as shown
from ..report import SUFFIXES as REPORT_SUFFIXES
from ..report import write_report
from .files import Subparsers, add_force, guard_output, load_source

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin report`` to the command's subparsers."""
    p = sub.add_parser(
        "report",
        help="tulis laporan pra-evaluasi SAKIP (HTML atau Markdown)",
        description="Tulis laporan pra-evaluasi FILE: angka ringkasan, cakupan per unit, "
        "diagram, temuan per jabatan dengan saran, tautan hasil inferensi yang "
        "menunggu konfirmasi, dan capaian. Halaman .html mandiri (dibuka tanpa "
        "jaringan) atau .md. Keluar dengan kode 1 bila pemeriksaan menemukan "
        "galat.",
    )
    p.add_argument("file", metavar="FILE", help="berkas YAML pokin atau nama dataset")
    p.add_argument("-o", "--output", required=True, help="laporan.html atau laporan.md")
    p.add_argument("--select", help="hanya kode atau awalan ini, dipisah koma")
    p.add_argument("--ignore", help="tanpa kode atau awalan ini, dipisah koma")
    p.add_argument(
        "--previous",
        metavar="OLD",
        help="berkas pokin tahun lalu (atau nama dataset): tambahkan apa yang berubah dan "
        "pemeriksaan antartahun (PK801-PK803)",
    )
    add_force(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    inputs = [args.file, *([args.previous] if args.previous else [])]
    guard_output(args.output, inputs, suffixes=REPORT_SUFFIXES, what="laporan", force=args.force)
    _, tree = load_source(args.file)
    previous = load_source(args.previous)[1] if args.previous else None
    findings = check(tree, previous=previous, select=args.select, ignore=args.ignore)
    path = write_report(tree, args.output, findings=findings, previous=previous)
    print(f"ditulis: {shown(path)}")
    return 1 if findings.errors else 0
