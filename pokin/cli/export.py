"""``pokin export``: the cascade matrix (.xlsx) planners exchange."""

from __future__ import annotations

import argparse

from .files import Subparsers, guard_output, load_source

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin export`` to the command's subparsers."""
    p = sub.add_parser(
        "export",
        help="write the cascade matrix (.xlsx) planners exchange",
        description="Write the cascade matrix of FILE as an Excel workbook: one row per "
        "indicator (level, jabatan, unit, kinerja, indikator, formulasi, sumber data, "
        "satuan, target, realisasi, capaian, the supported parent indicator, finding "
        "codes), with sheets that make it read back losslessly with pokin import.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("-o", "--output", required=True, help="matrix.xlsx")
    p.add_argument("--force", action="store_true", help="replace an existing matrix.xlsx")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..excel import export_xlsx

    target = guard_output(
        args.output, [args.file], suffixes=(".xlsx",), what="the matrix", keep=not args.force
    )
    _, tree = load_source(args.file)
    print(f"wrote {export_xlsx(tree, target)}")
    return 0
