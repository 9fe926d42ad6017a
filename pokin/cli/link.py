"""``pokin link``: propose cascade links; print them, or write them for review."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io import dumps, save
from ..link import THRESHOLD, apply_links, infer_links
from .files import Subparsers, comments_of, guard_output, load_source, write_text

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin link`` to the command's subparsers."""
    p = sub.add_parser(
        "link",
        help="propose cascade links from matching texts",
        description="Propose, for each kinerja, the superior indicator it carries down "
        "(the atasan's, then further up the chain, then across units), from texts that "
        "match despite spelling variants, casing and a swapped leading verb. Prints each "
        "proposal with its score and reason; -o or --write saves them as links with "
        "`asal: inferensi, status: usulan` for a planner to confirm or reject.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("-o", "--output", help="write the tree with the proposals here")
    p.add_argument("--force", action="store_true", help="replace an existing -o file")
    p.add_argument("--write", action="store_true", help="write the proposals into FILE itself")
    p.add_argument("--threshold", type=float, default=THRESHOLD, help="score needed (0-1)")
    p.add_argument("--no-crosscutting", action="store_true", help="only along the atasan chain")
    p.add_argument("--no-indikator", action="store_true", help="no indicator-to-indicator links")
    p.add_argument(
        "--templates",
        action="store_true",
        help="also propose matches whose text recurs in 3+ other units (template rows)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Propose links; print them, and write them as links awaiting review when asked."""
    if args.write and args.output:
        raise ValueError("give --write (into FILE) or -o OUT.yaml, not both")
    if args.write and not Path(args.file).is_file():
        raise ValueError(f"--write needs a file to write into, not {args.file!r}: use -o OUT.yaml")
    name, tree = load_source(args.file)
    target = (
        guard_output(args.output, [name], suffixes=(".yaml", ".yml"), keep=not args.force)
        if args.output
        else None
    )
    proposals = infer_links(
        tree,
        threshold=args.threshold,
        crosscutting=not args.no_crosscutting,
        indikator=not args.no_indikator,
        template=args.templates,
    )
    for proposal in proposals:
        print(proposal)
    print(f"{len(proposals)} links proposed", file=sys.stderr)
    if not proposals and args.write:
        print(f"nothing to add: {args.file} is left as it is")
    elif args.write:
        file = Path(args.file)  # a bundled dataset's name is not a file to write into
        header, lost = comments_of(file)
        write_text(file, header + dumps(apply_links(tree, proposals)))
        if lost:
            print(
                f"pokin: warning: {lost} comment lines inside {file} were not kept (pokin "
                "writes the file anew; the comments heading it are kept); use -o to keep "
                "the original as it is",
                file=sys.stderr,
            )
        print(f"wrote {file}: review each `status: usulan` (diterima / ditolak)")
    elif target is not None:
        save(apply_links(tree, proposals), target)
        print(f"wrote {target}: review each `status: usulan` (diterima / ditolak)")
    return 0
