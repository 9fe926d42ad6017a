"""``pokin demo``: check and draw every bundled dataset into a folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import datasets
from .._text import format_number, format_percent
from ..checks import check
from ..findings import Findings, counts_text
from ..render import MAX_NODES, box_count, render_gallery
from ..report import json_report, json_text, text_report, write_report
from .files import Subparsers, progress, write_text

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin demo`` to the command's subparsers."""
    p = sub.add_parser(
        "demo",
        help="periksa (dan gambar) setiap dataset bawaan ke dalam sebuah folder",
        description="Jalankan pokin pada setiap dataset bawaan dan tulis temuan, diagram dan "
        "laporannya ke OUT/<dataset>/. Folder itu milik demo: berkas yang ditulis demo "
        "sebelumnya di sana ditimpa tanpa --force.",
    )
    p.add_argument("--out", default="render", help="folder keluaran (bawaan: render)")
    p.add_argument("-q", "--quiet", action="store_true", help="tanpa pesan kemajuan")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check every bundled dataset; write the reports into the output folder."""
    out = Path(args.out)
    names = datasets.names()
    tick = progress(names, args.quiet)
    summary = []
    for index, name in enumerate(names, 1):
        tick(index, name)
        tree = datasets.load(name)
        findings = check(tree)
        target = out / name
        write_text(target / "findings.txt", text_report(findings))
        write_text(target / "findings.json", json_text([json_report(findings)]) + "\n")
        cascade = findings.cascade
        render_gallery(cascade, target, name=name, findings=findings)
        # <name>.svg is the whole tree when it fits one drawing: the report inlines it
        # rather than drawing it again (else the report says the tree is paginated).
        whole = box_count(cascade) <= MAX_NODES
        svg = (target / f"{name}.svg").read_text(encoding="utf-8") if whole else None
        write_report(cascade, target / "laporan.html", findings=findings, diagram=svg)
        summary.append(_summary_line(name, findings))
    print("\n".join(summary))
    print(f"ditulis: {out}/")
    return 0


def _summary_line(name: str, findings: Findings) -> str:
    counts = findings.counts()
    total = findings.coverage().total
    return (
        f"{name}: {format_number(total.jabatan)} jabatan, "
        f"{format_number(total.indikator)} indikator, "
        f"{format_percent(total.indikator_share, 0)} indikator sampai ke "
        + ("IKU; " if findings.cascade.has_iku else "jabatan puncak (tanpa IKU, PK103); ")
        + counts_text(counts)
    )
