"""The ``pokin`` command: a thin layer over the library.

Exit codes: 0 all well, 1 the checks found errors, 2 the input could not be read or the
command line is wrong. Library errors are turned into one clean message here; a traceback
means a bug in pokin.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import datasets
from ..checks import RULES, Findings, check
from ..decree import import_decree
from ..errors import PokinError
from ..io import atomic_write, dumps, save
from ..link import THRESHOLD, apply_links, infer_links
from ..models import PohonKinerja
from ..render import FORMATS, MAX_NODES, DotOptions, box_count, render, render_gallery
from ..report.document import SUFFIXES as REPORT_SUFFIXES
from ..report.document import write_report
from ..report.findings import json_report, json_text, text_report
from .files import (
    comments_of,
    guard_output,
    load_source,
    output_names,
    progress,
    refuse_existing,
)

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _cmd_check(args: argparse.Namespace) -> int:
    """Check each file; a file that cannot be read is reported and the others still run."""
    if args.output:
        target = guard_output(args.output, args.files)
        if target.suffix.lower() in (".yaml", ".yml", ".xlsx"):
            raise ValueError(
                f"-o {args.output}: a report is text or JSON; name it .txt or .json, so it "
                "is never taken for (or written over) a pokin file"
            )
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
            print(f"pokin: error: {_message(exc)}", file=sys.stderr)
            worst = 2
            continue
        findings = check(tree, select=args.select, ignore=args.ignore, severity=args.severity)
        if findings.errors:
            worst = max(worst, 1)
        if args.format == "json":
            reports.append({"file": source, **json_report(findings)})
        else:
            texts.append(text_report(findings))
    output = json_text(reports) + "\n" if args.format == "json" else "\n".join(texts)
    _emit(output, args.output)
    return worst


def _emit(text: str, output: str | None) -> None:
    if output:
        _write(Path(output), text)
    else:
        sys.stdout.write(text)


def _cmd_rules(args: argparse.Namespace) -> int:
    for code, rule in sorted(RULES.items()):
        print(f"{code}  {rule.severity!s:<7}  {rule.name} — {rule.judul}")
        print(f"       {rule.rationale}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
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
        _write(target / "findings.txt", text_report(findings))
        _write(target / "findings.json", json_text([json_report(findings)]) + "\n")
        cascade = findings.cascade
        render_gallery(cascade, target, name=name, findings=findings)
        # <name>.svg is the whole tree when it fits one drawing: the report inlines it
        # rather than drawing it again (else the report says the tree is paginated).
        whole = box_count(cascade) <= MAX_NODES
        svg = (target / f"{name}.svg").read_text(encoding="utf-8") if whole else None
        write_report(cascade, target / "laporan.html", findings=findings, diagram=svg)
        summary.append(_summary_line(name, findings))
    print("\n".join(summary))
    print(f"wrote {out}/")
    return 0


def _cmd_render(args: argparse.Namespace) -> int:
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
    if args.wrap < 8:
        raise ValueError(f"--wrap {args.wrap} is too narrow: give 8 or more characters")
    if not (math.isfinite(args.timeout) and args.timeout > 0):
        raise ValueError("--timeout must be a number of seconds above 0")
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
            print(f"{source}: {len(written)} files in {folder}")
        return 0
    target = guard_output(args.output, args.files)
    _, tree = load_source(args.files[0])
    path = render(tree, target, format=args.format, timeout=args.timeout, **options)
    print(f"wrote {path}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    guard_output(args.output, [args.file], suffixes=REPORT_SUFFIXES, what="the report")
    _, tree = load_source(args.file)
    findings = check(tree, select=args.select, ignore=args.ignore)
    path = write_report(tree, args.output, findings=findings)
    print(f"wrote {path}")
    return 1 if findings.errors else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from ..excel import export_xlsx

    target = guard_output(
        args.output, [args.file], suffixes=(".xlsx",), what="the matrix", keep=not args.force
    )
    _, tree = load_source(args.file)
    print(f"wrote {export_xlsx(tree, target)}")
    return 0


def _import_one(source: Path, corrections: str | None) -> tuple[PohonKinerja, list[str], int]:
    """A decree (text) or a cascade matrix (.xlsx) as a tree, with the messages to show
    and how many of them are lines left out."""
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        from ..excel import read_xlsx

        return read_xlsx(source), [], 0
    result = import_decree(source, corrections=corrections)
    messages = [
        f"warning: {source}:{s.line}"
        + (f"-{s.end_line}" if s.end_line != s.line else "")
        + f": not imported ({s.reason}): {s.text[:70]}"
        for s in result.skipped
    ]
    messages += [f"note: {source}:{line}: {note}" for line, note in result.notes]
    return result.tree, messages, len(result.skipped)


def _cmd_import(args: argparse.Namespace) -> int:
    """Import decrees or matrices to pokin YAML; one file, or a folder for several."""
    several = len(args.files) > 1 or args.output.endswith(("/", os.sep))
    if several and args.corrections:
        raise ValueError("--corrections belongs to one decree: import that file alone")
    if several:
        folder = Path(args.output)
        if folder.suffix.lower() in (".yaml", ".yml") or folder.is_file():
            raise ValueError(
                f"-o {args.output}: with several files, -o is a folder (end it with /)"
            )
        targets = output_names(args.files, folder, ".yaml")
        for target in targets if not args.force else ():
            refuse_existing(target)
    else:
        suffixes = (".yaml", ".yml")
        targets = [
            guard_output(
                args.output, args.files, suffixes=suffixes, what="the import", keep=not args.force
            )
        ]
    tick = progress(args.files, args.quiet)
    skipped = 0
    for index, (source, target) in enumerate(zip(args.files, targets, strict=True), 1):
        tick(index, source)
        tree, messages, left_out = _import_one(Path(source), args.corrections)
        if args.link:
            tree = apply_links(tree, infer_links(tree))
        save(tree, target)
        for message in messages:
            print(f"pokin: {message}", file=sys.stderr)
        skipped += left_out
        print(f"wrote {target}: {tree.summary()}")
    return 1 if skipped else 0


def _cmd_link(args: argparse.Namespace) -> int:
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
        _write(file, header + dumps(apply_links(tree, proposals)))
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


def _write(path: Path, text: str) -> None:
    with atomic_write(path) as handle:
        handle.write(text)


def _summary_line(name: str, findings: Findings) -> str:
    counts = findings.counts()
    total = findings.coverage().total
    return (
        f"{name}: {total.jabatan} jabatan, {total.indikator} indikator, "
        f"{total.indikator_share * 100:.0f}% of indikator reach "
        + ("an IKU; " if findings.cascade.has_iku else "a top position (no IKU, PK103); ")
        + f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info"
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

    p = sub.add_parser(
        "render",
        help="draw the cascading diagram (SVG, PNG, PDF or DOT)",
        description="Draw the pohon kinerja of FILE into OUT, its format taken from the "
        "suffix (.svg, .png, .pdf, .dot). --root, --unit and --depth draw a subtree. "
        "With --pages (or several FILEs), OUT is a folder that gets, per file, the whole "
        "drawing (or an index when it is too large for one) and one drawing per unit.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file or folder")
    p.add_argument("--root", help="draw what cascades below this jabatan, kinerja or indikator id")
    p.add_argument("--unit", help="draw only this unit (with its superiors greyed for context)")
    p.add_argument("--depth", type=int, help="follow at most this many links down")
    p.add_argument("--pages", action="store_true", help="OUT is a folder: index and unit pages")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from the suffix)")
    p.add_argument("--wrap", type=int, default=32, help="wrap texts at this width (default 32)")
    p.add_argument("--no-findings", action="store_true", help="do not mark the check findings")
    p.add_argument("--no-legend", action="store_true", help="leave out the colour key")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds for dot (default 30)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    p.set_defaults(handler=_cmd_render)

    p = sub.add_parser(
        "report",
        help="write the SAKIP pre-evaluation report (HTML or Markdown)",
        description="Write the pre-evaluation report of FILE: summary figures, coverage "
        "per unit, the diagram, the findings grouped by position with hints, the inferred "
        "links awaiting confirmation and the capaian. A self-contained .html page (no "
        "network needed to open it) or .md. Exits 1 when a check finds an error.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("-o", "--output", required=True, help="report.html or report.md")
    p.add_argument("--select", help="only these codes or prefixes, comma-separated")
    p.add_argument("--ignore", help="leave out these codes or prefixes, comma-separated")
    p.set_defaults(handler=_cmd_report)

    p = sub.add_parser(
        "import",
        help="read decrees (text) or cascade matrices (.xlsx) into pokin YAML",
        description="Read a Keputusan Camat on IKI/IKU converted to text (tab-separated, "
        "markdown or PDF-text layout) or a cascade matrix written by pokin export, and "
        "write a pokin YAML file. Roles and atasan are inferred and marked as such; lines "
        "that could not be read are listed as warnings (exit code 1), never dropped "
        "silently. With several files, OUT is a folder.",
    )
    p.add_argument("files", nargs="+", metavar="DOC", help="decree text file or .xlsx matrix")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.yaml, or a folder/")
    p.add_argument("--corrections", help="a YAML file of human corrections to apply")
    p.add_argument("--link", action="store_true", help="also propose cascade links (pokin link)")
    p.add_argument("--force", action="store_true", help="replace an existing OUT.yaml")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    p.set_defaults(handler=_cmd_import)

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
    p.set_defaults(handler=_cmd_link)

    p = sub.add_parser(
        "export",
        help="write the cascade matrix (.xlsx) planners exchange",
        description="Write the cascade matrix of FILE as an Excel workbook: one row per "
        "indicator (level, jabatan, unit, kinerja, indikator, formulasi, sumber data, "
        "satuan, target, realisasi, capaian, the supported parent indicator, finding "
        "codes), with sheets that make it read back losslessly with pokin import.",
    )
    p.add_argument("file", metavar="FILE", help="pokin YAML file or dataset name")
    p.add_argument("-o", "--output", required=True, help="matrix.xlsx")
    p.add_argument("--force", action="store_true", help="replace an existing matrix.xlsx")
    p.set_defaults(handler=_cmd_export)

    return parser


def _version() -> str:
    from .. import __version__

    return __version__


def _message(exc: BaseException) -> str:
    """One line for an error: an OSError names its file and what the system said."""
    if isinstance(exc, OSError) and not isinstance(exc, PokinError):
        where = exc.filename or ""
        reason = exc.strerror or str(exc)
        hint = {
            "IsADirectoryError": "name a file, not a folder",
            "PermissionError": "choose a folder you may write to",
            "FileNotFoundError": "check the path",
        }.get(type(exc).__name__, "check the path")
        return f"{where}: {reason}\n  hint: {hint}" if where else f"{reason}\n  hint: {hint}"
    return str(exc)


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
    except BrokenPipeError:  # output piped into `head`: not an error (before OSError)
        return 0
    except (ValueError, OSError) as exc:  # bad option values; a file that cannot be written
        print(f"pokin: error: {_message(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pokin: interrupted", file=sys.stderr)
        return 130
