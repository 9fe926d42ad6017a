"""The ``pokin`` command: a thin layer over the library.

Exit codes: 0 all well, 1 the checks found errors, 2 the input could not be read or the
command line is wrong. Library errors are turned into one clean message here; a traceback
means a bug in pokin.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import datasets
from .checks import RULES, Findings, check
from .errors import PokinError
from .io import atomic_write, load
from .models import PohonKinerja
from .report import json_report, json_text, text_report

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _load(source: str) -> tuple[str, PohonKinerja]:
    """A file path, or the name of a bundled dataset."""
    path = Path(source)
    if not path.exists() and source in datasets.names():
        path = datasets.path(source)
    return str(path), load(path)


def _progress(items: Sequence[str], quiet: bool) -> Callable[[int, str], None]:
    def report(index: int, label: str) -> None:
        if not quiet and len(items) > 1 and sys.stderr.isatty():
            print(f"[{index}/{len(items)}] {label}", file=sys.stderr)

    return report


def _cmd_check(args: argparse.Namespace) -> int:
    reports = []
    texts = []
    worst = 0
    tick = _progress(args.files, args.quiet)
    for index, source in enumerate(args.files, 1):
        tick(index, source)
        _, tree = _load(source)
        findings = check(tree, select=args.select, ignore=args.ignore, severity=args.severity)
        if findings.errors:
            worst = 1
        if args.format == "json":
            reports.append({"file": source, **json_report(findings)})
        else:
            texts.append(text_report(findings))
    output = json_text(reports) + "\n" if args.format == "json" else "\n".join(texts)
    _emit(output, args.output)
    return worst


def _emit(text: str, output: str | None, stream: TextIO | None = None) -> None:
    if output:
        with atomic_write(Path(output)) as handle:
            handle.write(text)
    else:
        (stream or sys.stdout).write(text)


def _cmd_rules(args: argparse.Namespace) -> int:
    for code, rule in sorted(RULES.items()):
        print(f"{code}  {rule.severity!s:<7}  {rule.name}")
        print(f"       {rule.rationale}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    """Check every bundled dataset; write the reports into the output folder."""
    out = Path(args.out)
    names = datasets.names()
    tick = _progress(names, args.quiet)
    summary = []
    for index, name in enumerate(names, 1):
        tick(index, name)
        tree = datasets.load(name)
        findings = check(tree)
        target = out / name
        _write(target / "findings.txt", text_report(findings))
        _write(target / "findings.json", json_text([json_report(findings)]) + "\n")
        summary.append(_summary_line(name, findings))
    print("\n".join(summary))
    print(f"wrote {out}/")
    return 0


def _write(path: Path, text: str) -> None:
    with atomic_write(path) as handle:
        handle.write(text)


def _summary_line(name: str, findings: Findings) -> str:
    counts = findings.counts()
    total = findings.coverage().total
    return (
        f"{name}: {total.jabatan} jabatan, {total.indikator} indikator, "
        f"{total.indikator_share * 100:.0f}% of indikator reach an IKU; "
        f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``pokin`` command."""
    parser = argparse.ArgumentParser(
        prog="pokin",
        description="Pohon kinerja: check and draw the IKU-to-IKI cascade of a kecamatan.",
    )
    parser.add_argument("--version", action="version", version=f"pokin {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    p.add_argument("--format", default="text", choices=["text", "json"], help="output format")
    p.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    p.set_defaults(handler=_cmd_check)

    p = sub.add_parser(
        "rules",
        help="list the checks with their codes and rationale",
        description="List every check: code, severity, name and the rule it enforces.",
    )
    p.set_defaults(handler=_cmd_rules)

    p = sub.add_parser(
        "demo",
        help="check (and draw) every bundled dataset into a folder",
        description="Run pokin on every bundled dataset and write its findings, "
        "diagrams and reports into OUT/<dataset>/.",
    )
    p.add_argument("--out", default="render", help="output folder (default: render)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    p.set_defaults(handler=_cmd_demo)

    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``pokin`` command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    handler: Handler = args.handler
    try:
        return handler(args)
    except PokinError as exc:
        print(f"pokin: error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # bad option values (an unknown check code, severity)
        print(f"pokin: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pokin: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
