"""``pokin render``: draw one tree (or a subtree) into a file, or trees into folders of pages."""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from .._text import format_number
from ..errors import shown_path as shown
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
from .parser import decimal

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin render`` to the command's subparsers."""
    p = sub.add_parser(
        "render",
        help="gambar diagram cascading (SVG, PNG, PDF atau DOT)",
        description="Gambar pohon kinerja FILE ke OUT, formatnya menurut akhiran (.svg, "
        ".png, .pdf, .dot). --root, --unit dan --depth menggambar sebagian "
        "pohon. Dengan --pages (atau beberapa FILE), OUT adalah folder yang "
        "berisi, per berkas, gambar utuh (atau indeks bila terlalu besar untuk "
        "satu gambar) dan satu gambar per unit.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="berkas YAML pokin atau nama dataset")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="berkas atau folder keluaran; - untuk keluaran standar",
    )
    p.add_argument(
        "--root", help="gambar yang diturunkan di bawah id jabatan, kinerja atau indikator ini"
    )
    p.add_argument("--unit", help="gambar unit ini saja (atasannya diabukan sebagai konteks)")
    p.add_argument("--depth", type=int, help="ikuti paling banyak sekian tautan ke bawah")
    p.add_argument(
        "--pages", action="store_true", help="OUT adalah folder: indeks dan halaman per unit"
    )
    p.add_argument(
        "--paper",
        type=str.upper,
        choices=list(PAPERS),
        help="cetak: PDF berukuran kertas (ikhtisar dulu, lalu pohon dibagi agar muat)",
    )
    p.add_argument("--landscape", action="store_true", help="dengan --paper: halaman mendatar")
    p.add_argument("--format", choices=FORMATS, help="format keluaran (bawaan: menurut akhiran)")
    p.add_argument("--wrap", type=int, default=32, help="patahkan teks pada lebar ini (bawaan 32)")
    p.add_argument("--no-findings", action="store_true", help="jangan tandai temuan pemeriksaan")
    p.add_argument("--no-legend", action="store_true", help="tanpa keterangan warna")
    p.add_argument("--timeout", type=decimal, default=30.0, help="detik untuk dot (bawaan 30)")
    p.add_argument("-q", "--quiet", action="store_true", help="tanpa pesan kemajuan")
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
        raise ValueError(f"--wrap {args.wrap} terlalu sempit: beri 8 karakter atau lebih")
    if not (math.isfinite(args.timeout) and args.timeout > 0):
        raise ValueError("--timeout harus jumlah detik di atas 0")
    if args.depth is not None and args.depth < 0:
        raise ValueError(f"--depth {args.depth}: beri 0 atau lebih (jumlah jenjang ke bawah)")
    if args.paper or args.landscape:
        return _print(args)
    folder_out = args.output.endswith(("/", os.sep)) or Path(args.output).is_dir()
    if args.pages or len(args.files) > 1 or folder_out:
        return _pages(args)
    suffix = Path(args.output).suffix.lower().lstrip(".")
    if args.output != STDOUT and not args.format and suffix not in FORMATS:
        raise ValueError(
            f"-o {shown(args.output)}: format gambar tidak dikenali; beri akhiran "
            f"{', '.join('.' + f for f in FORMATS)}, atau --format (folder/ menggambar halaman)"
        )
    target = guard_output(args.output, args.files, stdout=True, force=args.force)
    _, tree = load_source(args.files[0])
    if str(target) == STDOUT:  # -o -: the drawing on standard output (SVG unless --format)
        source = to_dot(tree, **options)
        sys.stdout.buffer.write(run_dot(source, format=args.format or "svg", timeout=args.timeout))
        sys.stdout.buffer.flush()
        return 0
    path = render(tree, target, format=args.format, timeout=args.timeout, **options)
    print(f"ditulis: {shown(path)}")
    return 0


def _pages(args: argparse.Namespace) -> int:
    """``--pages`` (or several files, or -o folder/): per file, the whole tree or an index,
    and one drawing per unit, into a folder."""
    if args.root or args.unit or args.depth is not None:
        raise ValueError(
            "--root, --unit dan --depth menggambar satu berkas: beri satu FILE, tanpa --pages"
        )
    if args.format:
        raise ValueError("halaman berupa berkas SVG: hilangkan --format, atau gambar satu berkas")
    folder = Path(args.output)
    if folder.is_file():
        raise ValueError(
            f"-o {shown(args.output)} adalah berkas: dengan --pages atau beberapa berkas, "
            "-o adalah folder"
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
        print(f"{shown(source)}: {format_number(len(written))} berkas di {shown(folder)}")
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
            f"--paper menulis PDF: namai berkas keluarannya .pdf (bukan {shown(args.output)!r})"
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
    print(f"ditulis: {shown(target)}: {format_number(len(pages))} halaman {args.paper}")
    return 0
