"""``pokin import``: decrees and cascade matrices into pokin YAML files."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections import Counter
from pathlib import Path

from .._text import format_number
from ..decree import import_decree, merge_trees
from ..decree.xlsx import is_pokin_matrix
from ..errors import PokinError
from ..errors import shown_path as shown
from ..io import save
from ..link import apply_links, infer_links
from ..models import PohonKinerja
from .files import (
    Subparsers,
    guard_output,
    message,
    output_names,
    progress,
    refuse_existing,
)

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin import`` to the command's subparsers."""
    p = sub.add_parser(
        "import",
        help="baca keputusan (Word, PDF, Excel, teks) atau matriks .xlsx menjadi YAML pokin",
        description="Baca Keputusan Camat tentang IKI/IKU - Word .docx, PDF berlapis teks, "
        ".xlsx kantor, atau teks (dipisah tab, markdown, pdftotext) - atau "
        "matriks cascading hasil pokin export, lalu tulis berkas YAML pokin. "
        "Peran dan atasan disimpulkan dan ditandai demikian; baris yang tidak "
        "terbaca didaftar sebagai peringatan, tidak pernah dibuang diam-diam. "
        "Dengan beberapa berkas, OUT adalah folder; dengan --merge, dokumen IKU "
        "dan dokumen IKI satu organisasi menjadi satu OUT.yaml. " + EXIT_CODES,
    )
    p.add_argument("files", nargs="+", metavar="DOC", help="berkas keputusan atau matriks .xlsx")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.yaml, atau folder/")
    p.add_argument("--corrections", help="berkas YAML berisi koreksi manual yang diterapkan")
    p.add_argument(
        "--link", action="store_true", help="sekaligus usulkan tautan cascading (pokin link)"
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help="gabungkan dokumen IKU dan dokumen IKI satu organisasi menjadi satu OUT.yaml",
    )
    p.add_argument("--force", action="store_true", help="ganti OUT.yaml yang sudah ada")
    p.add_argument("-q", "--quiet", action="store_true", help="tanpa pesan kemajuan")
    p.set_defaults(handler=run)


EXIT_CODES = (
    "Kode keluar, sama untuk setiap jenis berkas: 0 bila semuanya terbaca (pesan "
    "'catatan:' hanya keterangan); 1 bila ada pesan 'peringatan:' (baris yang tidak "
    "diimpor, baris matriks yang dihapus sejak ekspor, lembar 'Isi Ekspor' yang hilang): "
    "YAML tetap ditulis, periksa peringatannya; 2 bila galat (berkas itu tidak ditulis)."
)
"""The one rule for ``pokin import``'s exit code, whatever the layout (said in --help)."""


def warned(messages: list[str]) -> int:
    """How many of an import's messages are warnings: what decides exit code 1."""
    return sum(1 for line in messages if line.startswith("peringatan:"))


def _import_one(source: Path, corrections: str | None) -> tuple[PohonKinerja, list[str], int]:
    """A decree (text) or a cascade matrix (.xlsx) as a tree, with the messages to show
    and how many of them are warnings (:func:`warned`)."""
    if source.suffix.lower() in (".xlsx", ".xlsm") and is_pokin_matrix(source):
        from ..excel import read_edited

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tree, removed = read_edited(source)  # the hidden sheet parsed once
        messages = [
            f"peringatan: {shown(source)}: {w.message}" for w in caught if w.category is UserWarning
        ]
        messages += [
            f"peringatan: {shown(source)}: {r.jenis} {r.id} dihapus (barisnya tidak ada lagi di "
            f"matriks): {r.uraian[:70]}"
            for r in removed
        ]
        if len(removed) > 1:
            counts = Counter(r.jenis for r in removed)
            listed = ", ".join(f"{format_number(n)} {jenis}" for jenis, n in counts.items())
            messages.append(f"peringatan: {shown(source)}: dihapus sejak diekspor: {listed}")
        return tree, messages, warned(messages)
    result = import_decree(source, corrections=corrections)
    messages = [
        f"peringatan: {shown(source)}:{s.line}"
        + (f"-{s.end_line}" if s.end_line != s.line else "")
        + f": tidak diimpor ({s.reason}): {s.text[:70]}"
        for s in result.skipped
    ]
    messages += [f"peringatan: {shown(source)}:{line}: {w}" for line, w in result.warnings]
    messages += [f"catatan: {shown(source)}:{line}: {note}" for line, note in result.notes]
    return result.tree, messages, warned(messages)


def _merged(args: argparse.Namespace) -> int:
    """``--merge``: the documents of one organisasi (an IKU and an IKI one) as one tree."""
    if len(args.files) < 2 or args.corrections:
        raise ValueError("--merge menggabungkan dua dokumen atau lebih (tanpa --corrections)")
    target = guard_output(
        args.output, args.files, suffixes=(".yaml", ".yml"), what="hasil impor", force=args.force
    )
    tick = progress(args.files, args.quiet)
    trees, flagged = [], 0
    for index, source in enumerate(args.files, 1):
        tick(index, source)
        tree, messages, count = _import_one(Path(source), None)
        for line in messages:
            print(f"pokin: {line}", file=sys.stderr)
        trees.append((source, tree))
        flagged += count
    tree = merge_trees(trees)
    if args.link:
        tree = apply_links(tree, infer_links(tree))
    save(tree, target)
    print(f"ditulis: {shown(target)}: {tree.summary()}")
    return 1 if flagged else 0


def run(args: argparse.Namespace) -> int:
    """Import decrees or matrices to pokin YAML; one file, or a folder for several."""
    if args.merge:
        return _merged(args)
    several = len(args.files) > 1 or args.output.endswith(("/", os.sep))
    if several and args.corrections:
        raise ValueError("--corrections milik satu keputusan: impor berkas itu sendiri")
    if several:
        folder = Path(args.output)
        if folder.suffix.lower() in (".yaml", ".yml") or folder.is_file():
            raise ValueError(
                f"-o {shown(args.output)}: dengan beberapa berkas, -o adalah folder "
                "(akhiri dengan /)"
            )
        targets = output_names(args.files, folder, ".yaml")
        for target in targets if not args.force else ():
            refuse_existing(target)
    else:
        suffixes = (".yaml", ".yml")
        targets = [
            guard_output(
                args.output, args.files, suffixes=suffixes, what="hasil impor", force=args.force
            )
        ]
    return _import_each(args, targets)


def _import_each(args: argparse.Namespace, targets: list[Path]) -> int:
    """Import each file to its target; with several, a file that cannot be read is
    reported with its name and the others are still imported (as ``pokin check`` does)."""
    tick = progress(args.files, args.quiet)
    flagged, failed = 0, 0
    for index, (source, target) in enumerate(zip(args.files, targets, strict=True), 1):
        tick(index, source)
        try:
            tree, messages, count = _import_one(Path(source), args.corrections)
            if args.link:
                tree = apply_links(tree, infer_links(tree))
            save(tree, target)
        except (PokinError, ValueError, OSError) as exc:
            if len(args.files) == 1:
                raise
            failed += 1
            print(f"pokin: galat: {_naming(source, message(exc))}", file=sys.stderr)
            continue
        for line in messages:
            print(f"pokin: {line}", file=sys.stderr)
        flagged += count
        print(f"ditulis: {shown(target)}: {tree.summary()}")
    if failed:
        print(
            f"pokin: {format_number(failed)} dari {format_number(len(args.files))} berkas "
            "tidak diimpor (lihat galat di atas)",
            file=sys.stderr,
        )
        return 2
    return 1 if flagged else 0


def _naming(source: str, text: str) -> str:
    """An error's text led by the file it is about (most already start with it)."""
    return text if text.startswith(shown(source)) else f"{shown(source)}: {text}"
