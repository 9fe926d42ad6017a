"""``pokin check``: findings by position and coverage per unit, as text or JSON."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .._text import fold
from ..checks import check
from ..errors import PokinError
from ..errors import shown_path as shown
from ..findings import Severity
from ..link.roots import NONE_FOUND, RootCause, root_causes
from ..models import PohonKinerja
from ..report import json_report, json_text, text_report
from ..report.summary import Ringkasan, summary_row, summary_text
from .files import (
    STDOUT,
    Subparsers,
    add_force,
    emit,
    expand,
    guard_output,
    load_source,
    message,
    progress,
)

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin check`` to the command's subparsers."""
    p = sub.add_parser(
        "check",
        help="periksa berkas pokin; cetak temuan dan cakupan",
        description="Periksa berkas YAML pokin (atau dataset bawaan menurut namanya); cetak"
        " temuan per jabatan dan cakupan per unit. Sebuah folder (berkas "
        "organisasi sebuah kabupaten) memeriksa setiap berkas .yaml, .yml dan "
        ".json di dalamnya, paralel di semua inti bila berkasnya besar, lalu "
        "satu baris ringkasan per organisasi. Keluar dengan kode 1 bila "
        "pemeriksaan menemukan galat.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="berkas YAML pokin, folder, atau nama dataset"
    )
    p.add_argument("--select", help="hanya kode atau awalan ini, dipisah koma (PK1,PK502)")
    p.add_argument("--ignore", help="tanpa kode atau awalan ini, dipisah koma")
    p.add_argument(
        "--severity",
        default="info",
        type=_severity,
        metavar="{info,peringatan,galat}",
        help="laporkan temuan pada tingkat ini atau di atasnya (bawaan: info; warning dan "
        "error juga diterima)",
    )
    p.add_argument(
        "--previous",
        metavar="OLD",
        help="berkas pokin tahun lalu (atau nama dataset): jalankan juga pemeriksaan antartahun "
        "(PK801 IKU berganti, PK802 target di bawah realisasi lalu, PK803 indikator berubah semua)",
    )
    p.add_argument("--format", default="text", choices=["text", "json"], help="format keluaran")
    p.add_argument("-o", "--output", help="tulis laporan ke berkas ini, bukan ke keluaran standar")
    p.add_argument("-q", "--quiet", action="store_true", help="tanpa pesan kemajuan")
    p.add_argument(
        "--no-akar",
        dest="akar",
        action="store_false",
        help="tanpa akar masalah (tautan hilang di jenjang atas yang paling banyak membuat yatim)",
    )
    add_force(p)
    p.set_defaults(handler=run)


def _severity(text: str) -> str:
    """A severity as the report names it (galat, peringatan, info) or by its key."""
    try:
        return str(Severity.parse(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tingkat {text!r} tidak dikenal: pilih info, peringatan atau galat"
        ) from None


def run(args: argparse.Namespace) -> int:
    """Check each file; a file that cannot be read is reported and the others still run."""
    notes: list[str] = []
    files = expand(args.files, notes)
    for note in notes:
        print(f"pokin: catatan: {note}", file=sys.stderr)
    if args.output is not None:
        inputs = [*files, *([args.previous] * bool(args.previous))]
        target = guard_output(args.output, inputs, stdout=True, force=args.force)
        if target.name != "-" and target.suffix.lower() in (".yaml", ".yml", ".xlsx"):
            raise ValueError(
                f"-o {shown(args.output)}: laporan temuan berupa teks atau JSON; beri nama "
                ".txt atau .json, agar tidak pernah tertukar dengan (atau menimpa) berkas pokin"
            )
    if args.previous:
        load_source(args.previous)  # a broken OLD file stops the run before any work
    options = _Options(
        args.previous, args.select, args.ignore, args.severity, args.format, args.akar
    )
    reports: list[dict[str, Any]] = []
    texts: list[str] = []
    rows: list[Ringkasan] = []
    worst = 0
    tick = progress(files, args.quiet)
    for index, (source, result) in enumerate(zip(files, _results(files, options), strict=True)):
        tick(index + 1, source)
        if isinstance(result, Exception):
            if len(files) == 1:
                raise result
            print(f"pokin: galat: {message(result)}", file=sys.stderr)
            rows.append(Ringkasan(source, tidak_terbaca=message(result)))
            reports.append({"file": source, "galat": message(result)})
            worst = 2
            continue
        report, row = result
        row = _once(row, rows)
        rows.append(row)
        if row.error:
            worst = max(worst, 1)
        if isinstance(report, dict):
            reports.append({"file": source, **report})
        else:
            texts.append(report)
    if args.format == "json" and len(files) > 1:  # each entry carries its summary row
        for entry, row in zip(reports, rows, strict=True):
            entry["ringkasan"] = row.to_record()
    if args.format == "json":  # each file's entry carries its counts and coverage
        output = json_text(reports) + "\n"
    else:
        to_file = bool(args.output) and args.output != STDOUT  # else stderr said why, once
        summary = [summary_text(rows, reasons=to_file) + "\n"] if len(files) > 1 else []
        output = "\n".join([*texts, *summary])
    emit(output, args.output)
    return worst


def _once(row: Ringkasan, rows: list[Ringkasan]) -> Ringkasan:
    """``row`` marked when an earlier file holds the same organisasi and year (said once)."""
    key = (fold(row.organisasi), row.tahun)
    for first in rows:
        if first.tidak_terbaca is None and (fold(first.organisasi), first.tahun) == key:
            year = f" tahun {row.tahun}" if row.tahun else ""
            print(
                f"pokin: peringatan: {row.berkas}: organisasi «{row.organisasi}»{year} sudah "
                f"diperiksa dari {first.berkas}: dihitung sekali dalam Jumlah; periksa apakah "
                "salah satunya salinan",
                file=sys.stderr,
            )
            return replace(row, sama_dengan=first.berkas)
    return row


@dataclass(frozen=True)
class _Options:
    previous: str | None
    select: str | None
    ignore: str | None
    severity: str
    format: str
    akar: bool = True


PARALLEL_BYTES = 4 << 20
"""Files together at least this large are checked in parallel, one process per core: below
it, starting the processes costs more than it saves."""

_Result = tuple[dict[str, Any] | str, Ringkasan] | Exception


def _results(files: list[str], options: _Options) -> Iterator[_Result]:
    """Each file's report and summary line (or the error reading it), in order."""
    workers = min(len(files), os.cpu_count() or 1)
    if workers > 1 and _size(files) >= PARALLEL_BYTES:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(_check_in_worker, files, [options] * len(files))
    else:
        previous = load_source(options.previous)[1] if options.previous else None
        for source in files:
            yield _check_one(source, options, previous)


def _size(files: list[str]) -> int:
    try:
        return sum(Path(f).stat().st_size for f in files)
    except OSError:
        return 0  # a dataset name or a missing file: no need for processes


class _WorkerError(Exception):
    """A file a worker process could not read: its message, which pickles as plain text."""


def _check_in_worker(source: str, options: _Options) -> _Result:
    result = _check_one(source, options)
    return _WorkerError(message(result)) if isinstance(result, Exception) else result


def _check_one(source: str, options: _Options, previous: PohonKinerja | None = None) -> _Result:
    """Load and check one file (in a worker process, or here); never raises."""
    try:
        _, tree = load_source(source)
        if previous is None and options.previous:
            previous = load_source(options.previous)[1]
        findings = check(
            tree,
            previous=previous,
            select=options.select,
            ignore=options.ignore,
            severity=options.severity,
        )
        causes = (
            root_causes(tree, select=options.select, ignore=options.ignore) if options.akar else []
        )
    except (PokinError, OSError) as exc:
        return exc
    report: dict[str, Any] | str
    if options.format == "json":
        roots = {"akar_masalah": [_record(c) for c in causes]} if causes else {}
        report = {**roots, **json_report(findings)}
    else:
        report = text_report(findings, lead=_lead(causes))
    return report, summary_row(source, findings)


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
        "tanpa_calon": list(cause.tanpa_calon),  # loose kinerja no candidate reaches
        "tanpa_calon_pesan": NONE_FOUND if cause.tanpa_calon else "",
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
