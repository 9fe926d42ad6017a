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
        help="write the whole tree as one HTML page to explore (pan, zoom, search, filter)",
        description="Write the pohon kinerja of FILE as one self-contained HTML page that "
        "opens offline: every position in rows by level, pan and zoom, search over every "
        "text, a click on a box lights its path up to the IKU and what cascades from it "
        "(full texts, findings and capaian in a side panel), collapsible units and "
        "positions, and filters for orphans, uncascaded IKU, level skips and inferred "
        "links awaiting review.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file or dataset name")
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
