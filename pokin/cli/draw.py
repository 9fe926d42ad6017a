"""``pokin render``: draw one tree (or a subtree) into a file, or trees into folders of pages."""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from ..render import FORMATS, DotOptions, render, render_gallery, run_dot, to_dot
from ..render.paper import PAPERS, render_paper
from .files import (
    STDOUT,
    Subparsers,
    add_force,
    guard_output,
    load_source,
    output_names,
    progress,
    refuse_existing,
)

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin render`` to the command's subparsers."""
    p = sub.add_parser(
        "render",
        help="draw the cascading diagram (SVG, PNG, PDF or DOT)",
        description="Draw the pohon kinerja of FILE into OUT, its format taken from the "
        "suffix (.svg, .png, .pdf, .dot). --root, --unit and --depth draw a subtree. "
        "With --pages (or several FILEs), OUT is a folder that gets, per file, the whole "
        "drawing (or an index when it is too large for one) and one drawing per unit.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file or folder; - for stdout"
    )
    p.add_argument("--root", help="draw what cascades below this jabatan, kinerja or indikator id")
    p.add_argument("--unit", help="draw only this unit (with its superiors greyed for context)")
    p.add_argument("--depth", type=int, help="follow at most this many links down")
    p.add_argument("--pages", action="store_true", help="OUT is a folder: index and unit pages")
    p.add_argument(
        "--paper",
        type=str.upper,
        choices=list(PAPERS),
        help="print: a PDF of paper-sized pages (overview first, then the tree split to fit)",
    )
    p.add_argument("--landscape", action="store_true", help="with --paper: landscape pages")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from the suffix)")
    p.add_argument("--wrap", type=int, default=32, help="wrap texts at this width (default 32)")
    p.add_argument("--no-findings", action="store_true", help="do not mark the check findings")
    p.add_argument("--no-legend", action="store_true", help="leave out the colour key")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds for dot (default 30)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    add_force(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Draw one tree into a file, or each tree into a folder of pages (``--pages``)."""
    options: DotOptions = {
        "root": args.root,
        "unit": args.unit,
        "depth": args.depth,
        "legend": not args.no_legend,
        "wrap": args.wrap,
    }
    if args.no_findings:
        options["findings"] = None
    if not args.output.strip():
        raise ValueError("-o kosong: sebutkan nama berkas keluaran (atau folder/ untuk --pages)")
    if args.wrap < 8:
        raise ValueError(f"--wrap {args.wrap} is too narrow: give 8 or more characters")
    if not (math.isfinite(args.timeout) and args.timeout > 0):
        raise ValueError("--timeout must be a number of seconds above 0")
    if args.paper or args.landscape:
        return _print(args)
    folder_out = args.output.endswith(("/", os.sep)) or Path(args.output).is_dir()
    if args.pages or len(args.files) > 1 or folder_out:
        if args.root or args.unit or args.depth is not None:
            raise ValueError("--root, --unit and --depth draw one file: give one FILE, no --pages")
        if args.format:
            raise ValueError("pages are SVG files: leave out --format, or draw one file")
        folder = Path(args.output)
        if folder.is_file():
            raise ValueError(
                f"-o {args.output} is a file: with --pages or several files, -o is a folder"
            )
        tick = progress(args.files, args.quiet)
        stems = output_names(args.files, folder, "")
        for stem in stems if not args.force else ():
            for old in (stem.with_suffix(".svg"), stem.with_suffix(".dot")):
                refuse_existing(old)
        for index, (source, stem) in enumerate(zip(args.files, stems, strict=True), 1):
            tick(index, source)
            _, tree = load_source(source)
            written = render_gallery(
                tree,
                folder,
                name=stem.name,
                timeout=args.timeout,
                findings=None if args.no_findings else True,
                wrap=args.wrap,
                legend=not args.no_legend,
            )
            print(f"{source}: {len(written)} berkas di {folder}")
        return 0
    target = guard_output(args.output, args.files, stdout=True, force=args.force)
    _, tree = load_source(args.files[0])
    if str(target) == STDOUT:  # -o -: the drawing on standard output (SVG unless --format)
        source = to_dot(tree, **options)
        sys.stdout.buffer.write(run_dot(source, format=args.format or "svg", timeout=args.timeout))
        sys.stdout.buffer.flush()
        return 0
    path = render(tree, target, format=args.format, timeout=args.timeout, **options)
    print(f"ditulis: {path}")
    return 0


def _print(args: argparse.Namespace) -> int:
    """``--paper``: one tree into a PDF of paper-sized pages."""
    if not args.paper:
        raise ValueError("--landscape hanya berlaku bersama --paper A3 atau --paper A4")
    if args.pages or len(args.files) > 1 or args.root or args.unit or args.depth is not None:
        raise ValueError(
            "--paper mencetak satu pohon utuh: beri satu FILE, tanpa --pages, --root, "
            "--unit atau --depth"
        )
    if Path(args.output).suffix.lower() != ".pdf" or args.format not in (None, "pdf"):
        raise ValueError(
            f"--paper menulis PDF: namai berkas keluarannya .pdf (bukan {args.output!r})"
        )
    target = guard_output(args.output, args.files, suffixes=(".pdf",), force=args.force)
    _, tree = load_source(args.files[0])
    pages = render_paper(
        tree,
        target,
        paper=args.paper,
        landscape=args.landscape,
        findings=None if args.no_findings else True,
        wrap=args.wrap,
        timeout=args.timeout,
    )
    print(f"ditulis: {target}: {len(pages)} halaman {args.paper}")
    return 0
