"""``pokin sakip``: the KKE worksheets and the LKE estimates of a tree."""

from __future__ import annotations

import argparse
import json

from ..errors import shown_path as shown
from ..sakip import SUFFIXES, sakip, write_sakip
from ..sakip.text import text_summary
from .files import Subparsers, add_force, emit, guard_output, load_source

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin sakip`` to the command's subparsers."""
    p = sub.add_parser(
        "sakip",
        help="nilai cascading seperti evaluator SAKIP (KKE 1, 2, 5; kriteria LKE)",
        description="Isi lembar kerja evaluator PermenPAN-RB 88/2021 dari FILE: KKE 1 "
        "(SMART dan menantang, per indikator), KKE 2 (cascading tiap indikator:"
        " 1 logis, 0,5 kurang logis, 0 tidak logis), KKE 5 (formula, komponen "
        "pembentuk, sumber data), tiap centang berdasar kode temuan; lalu "
        "perkiraan LKE 1.b.4 sampai 1.b.10 dan 2.a.2 beserta baris yang "
        "mengurangi nilai. Mencetak ringkasan, atau dengan -o menulis buku "
        "kerja Excel (satu lembar per KKE) atau JSON. Aturan dan sumbernya: "
        "docs/sakip.md.",
    )
    p.add_argument("file", metavar="FILE", help="berkas YAML pokin atau nama dataset")
    p.add_argument("-o", "--output", help="kke.xlsx (lembar kerja) atau kke.json")
    p.add_argument(
        "--previous",
        metavar="FILE",
        help="berkas pokin tahun sebelumnya: menilai KKE 1 Menantang dan LKE 1.b.6 "
        "(tanpanya keduanya 'tidak dapat dinilai')",
    )
    p.add_argument("--format", default="text", choices=["text", "json"], help="tanpa -o")
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
        print(f"ditulis: {shown(path)}")
    elif args.format == "json":
        emit(json.dumps(penilaian.to_json(), ensure_ascii=False, indent=2) + "\n", None)
    else:
        emit(text_summary(penilaian), None)
    return 0
