"""``pokin check``: findings by position and coverage per unit, as text or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..checks import check
from ..errors import PokinError
from ..link.roots import RootCause, root_causes
from ..report import json_report, json_text, text_report
from .files import Subparsers, emit, guard_output, load_source, message, progress

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin check`` to the command's subparsers."""
    p = sub.add_parser(
        "check",
        help="check pokin files and print findings and coverage",
        description="Check pokin YAML files (or bundled datasets by name); print the "
        "findings grouped by position and the coverage per unit. Exits 1 when a check "
        "finds an error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("--select", help="only these codes or prefixes, comma-separated (PK1,PK502)")
    p.add_argument("--ignore", help="leave out these codes or prefixes, comma-separated")
    p.add_argument(
        "--severity",
        default="info",
        choices=["info", "warning", "error"],
        help="report findings at or above this level (default: info)",
    )
    p.add_argument(
        "--previous",
        metavar="OLD",
        help="last year's pokin file (or dataset name): also run the checks across years "
        "(PK801 IKU churn, PK802 target below last realisasi, PK803 indicators all changed)",
    )
    p.add_argument("--format", default="text", choices=["text", "json"], help="output format")
    p.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    p.add_argument(
        "--no-akar",
        dest="akar",
        action="store_false",
        help="leave out the root causes (the missing links high up that orphan the most)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check each file; a file that cannot be read is reported and the others still run."""
    if args.output is not None:
        inputs = [*args.files, *([args.previous] * bool(args.previous))]
        target = guard_output(args.output, inputs, stdout=True)
        if target.name != "-" and target.suffix.lower() in (".yaml", ".yml", ".xlsx"):
            raise ValueError(
                f"-o {args.output}: a report is text or JSON; name it .txt or .json, so it "
                "is never taken for (or written over) a pokin file"
            )
    previous = load_source(args.previous)[1] if args.previous else None
    reports = []
    texts = []
    worst = 0
    tick = progress(args.files, args.quiet)
    for index, source in enumerate(args.files, 1):
        tick(index, source)
        try:
            _, tree = load_source(source)
        except (PokinError, OSError) as exc:
            if len(args.files) == 1:
                raise
            print(f"pokin: error: {message(exc)}", file=sys.stderr)
            worst = 2
            continue
        findings = check(
            tree,
            previous=previous,
            select=args.select,
            ignore=args.ignore,
            severity=args.severity,
        )
        if findings.errors:
            worst = max(worst, 1)
        causes = root_causes(tree) if args.akar else []
        if args.format == "json":
            roots = {"akar_masalah": [_record(c) for c in causes]} if causes else {}
            reports.append({"file": source, **roots, **json_report(findings)})
        else:
            texts.append(_lead(causes) + text_report(findings))
    output = json_text(reports) + "\n" if args.format == "json" else "\n".join(texts)
    emit(output, args.output)
    return worst


def _lead(causes: list[RootCause]) -> str:
    """The root causes, leading the text report: where a planner starts linking."""
    if not causes:
        return ""
    lines = ["Akar masalah: tautan yang paling banyak menyambungkan ke IKU", ""]
    for cause in causes:
        lines += [*cause.lines(), ""]
    return "\n".join(lines) + "\n"


def _record(cause: RootCause) -> dict[str, Any]:
    return {
        "jabatan": cause.jabatan,
        "kinerja": cause.kinerja,
        "bawah": cause.bawah,
        "cakupan": round(cause.cakupan, 4),
        "pesan": str(cause),
        "perbaikan": [
            {
                "dari": fix.saran.dari,
                "ke": fix.saran.ke,
                "skor": fix.saran.skor,
                "tambah": fix.tambah,
                "cakupan": None if fix.cakupan is None else round(fix.cakupan, 4),
                "alasan": fix.saran.alasan,
            }
            for fix in cause.perbaikan
        ],
    }
