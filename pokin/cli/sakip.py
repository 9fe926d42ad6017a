"""``pokin sakip``: the KKE worksheets and the LKE estimates of a tree."""

from __future__ import annotations

import argparse
import json

from ..sakip import SUFFIXES, sakip, write_sakip
from ..sakip.text import text_summary
from .files import Subparsers, add_force, emit, guard_output, load_source

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin sakip`` to the command's subparsers."""
    p = sub.add_parser(
        "sakip",
        help="score the cascade as the SAKIP evaluator will (KKE 1, 2, 5; LKE criteria)",
        description="Fill the evaluator's worksheets of PermenPAN-RB 88/2021 from FILE: KKE 1 "
        "(SMART and challenging, per indicator), KKE 2 (each indicator's cascade: 1 logis, "
        "0,5 kurang logis, 0 tidak logis), KKE 5 (formula, komponen pembentuk, sumber data), "
        "each tick backed by finding codes; then estimate LKE 1.b.4 to 1.b.10 and 2.a.2 with "
        "the rows that cost points. Prints a summary, or writes an Excel workbook (one sheet "
        "per KKE) or JSON with -o. Rules and sources: docs/sakip.md.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("-o", "--output", help="kke.xlsx (the worksheets) or kke.json")
    p.add_argument(
        "--previous",
        metavar="FILE",
        help="the previous year's pokin file: scores KKE 1 Menantang and LKE 1.b.6 "
        "(without it they are 'tidak dapat dinilai')",
    )
    p.add_argument("--format", default="text", choices=["text", "json"], help="without -o")
    add_force(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    inputs = [args.file, *([args.previous] if args.previous else [])]
    if args.output:
        guard_output(
            args.output, inputs, suffixes=SUFFIXES, what="lembar kerja SAKIP", force=args.force
        )
    _, tree = load_source(args.file)
    previous = load_source(args.previous)[1] if args.previous else None
    penilaian = sakip(tree, previous=previous)
    if args.output:
        path = write_sakip(penilaian, args.output)
        print(f"ditulis: {path}")
    elif args.format == "json":
        emit(json.dumps(penilaian.to_json(), ensure_ascii=False, indent=2) + "\n", None)
    else:
        emit(text_summary(penilaian), None)
    return 0
