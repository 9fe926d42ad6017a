"""``pokin export``: the cascade matrix (.xlsx) planners exchange, or the tree's tables
(Parquet or CSV) for analysts."""

from __future__ import annotations

import argparse
from pathlib import Path

from .._text import format_number
from ..errors import shown_path as shown
from .files import Subparsers, guard_output, load_source, refuse_existing

__all__ = ["register", "run"]

TABLES = ("jabatan", "kinerja", "indikator", "tautan", "findings", "coverage")


def register(sub: Subparsers) -> None:
    """Add ``pokin export`` to the command's subparsers."""
    p = sub.add_parser(
        "export",
        help="tulis matriks cascading (.xlsx), atau tabel-tabel pohon (Parquet, CSV)",
        description="Tulis matriks cascading FILE sebagai buku kerja Excel: satu baris per "
        "indikator (jenjang, jabatan, unit, kinerja, indikator, formulasi, "
        "sumber data, satuan, target, realisasi, capaian, indikator atasan yang"
        " didukung, kode temuan), dengan lembar-lembar yang membuatnya terbaca "
        "kembali tanpa kehilangan oleh pokin import. Dengan --format parquet "
        "atau csv, -o adalah folder yang berisi enam tabel (jabatan, kinerja, "
        "indikator, tautan, temuan, cakupan), tiap baris menyebut organisasi "
        "dan tahunnya, untuk menganalisis banyak kecamatan sekaligus dengan "
        "DuckDB atau Polars (perlu pip install 'pokin[pandas]').",
    )
    p.add_argument("file", metavar="FILE", help="berkas YAML pokin atau nama dataset")
    p.add_argument("-o", "--output", required=True, help="matriks.xlsx, atau folder")
    p.add_argument(
        "--format", choices=("xlsx", "parquet", "csv"), default="xlsx", help="bawaan: xlsx"
    )
    p.add_argument("--force", action="store_true", help="ganti berkas yang sudah ada")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.format != "xlsx":
        return _tables(args)
    from ..excel import export_xlsx

    target = guard_output(
        args.output, [args.file], suffixes=(".xlsx",), what="matriks", force=args.force
    )
    _, tree = load_source(args.file)
    print(f"ditulis: {export_xlsx(tree, target)}")
    return 0


def _tables(args: argparse.Namespace) -> int:
    from ..dataframes import write_tables

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise ValueError(
            f"-o {shown(args.output)} adalah berkas: dengan --format {args.format}, sebutkan folder"
        )
    if not args.force:
        for name in TABLES:
            refuse_existing(folder / f"{name}.{args.format}")
    source, tree = load_source(args.file)
    guard_output(folder / f"x.{args.format}", [source], force=True)  # never over the input
    written = write_tables(tree, folder, format=args.format)
    print(f"ditulis: {format_number(len(written))} tabel di {shown(folder)}")
    return 0
