"""``pokin rules``: every check with its code, severity and rationale."""

from __future__ import annotations

import argparse

from ..checks import RULES
from .files import Subparsers

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin rules`` to the command's subparsers."""
    p = sub.add_parser(
        "rules",
        help="daftar pemeriksaan dengan kode dan alasannya",
        description="Daftar setiap pemeriksaan: kode, tingkat, nama, aturan yang "
        "ditegakkan, dan peraturan serta kriteria SAKIP (LKE / KKE) yang "
        "dilayaninya.",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    for code, rule in sorted(RULES.items()):
        print(f"{code}  {rule.severity.label:<10}  {rule.name} — {rule.judul}")
        print(f"       {rule.rationale}")
        if rule.sumber:
            print(f"       sumber: {rule.sumber}")
    return 0
