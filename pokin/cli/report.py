"""``pokin report``: the SAKIP pre-evaluation report, HTML or Markdown."""

from __future__ import annotations

import argparse

from ..checks import check
from ..report import SUFFIXES as REPORT_SUFFIXES
from ..report import write_report
from .files import Subparsers, add_force, guard_output, load_source

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin report`` to the command's subparsers."""
    p = sub.add_parser(
        "report",
        help="write the SAKIP pre-evaluation report (HTML or Markdown)",
        description="Write the pre-evaluation report of FILE: summary figures, coverage "
        "per unit, the diagram, the findings grouped by position with hints, the inferred "
        "links awaiting confirmation and the capaian. A self-contained .html page (no "
        "network needed to open it) or .md. Exits 1 when a check finds an error.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("-o", "--output", required=True, help="report.html or report.md")
    p.add_argument("--select", help="only these codes or prefixes, comma-separated")
    p.add_argument("--ignore", help="leave out these codes or prefixes, comma-separated")
    p.add_argument(
        "--previous",
        metavar="OLD",
        help="last year's pokin file (or dataset name): add what changed and the checks "
        "across years (PK801-PK803)",
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
    print(f"ditulis: {path}")
    return 1 if findings.errors else 0
