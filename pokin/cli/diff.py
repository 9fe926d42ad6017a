"""``pokin diff``: what changed between two pohon kinerja (text, JSON, Markdown, HTML)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._text import fold
from ..diff import diff, diff_html, diff_json, diff_markdown, diff_text, resolve
from ..errors import shown_path as shown
from ..models import PohonKinerja
from .files import Subparsers, add_force, emit, guard_output

__all__ = ["mismatch", "register", "run"]

_SUFFIX = {".html": "html", ".htm": "html", ".md": "md", ".json": "json", ".txt": "text"}


def register(sub: Subparsers) -> None:
    """Add ``pokin diff`` to the command's subparsers."""
    p = sub.add_parser(
        "diff",
        help="apa yang berubah di antara dua pohon kinerja (tahun lalu dan tahun ini)",
        description="Bandingkan dua pohon pokin: jabatan yang ditambah, dihapus, diganti "
        "nama atau digabung; kinerja dan indikator yang diubah rumusannya (kata"
        " demi kata) atau targetnya; tautan; cakupan dan temuan sebelum dan "
        "sesudah. Tiap sisi adalah berkas, nama dataset bawaan, atau "
        "git:REV:path (berkas seperti pada sebuah revisi git). Sebagai difftool"
        " git: git difftool -x 'pokin diff' REV -- FILE.yaml",
    )
    p.add_argument("old", metavar="OLD", help="pohon tahun lalu (berkas, dataset, git:REV:path)")
    p.add_argument("new", metavar="NEW", help="pohon tahun ini (berkas, dataset, git:REV:path)")
    p.add_argument(
        "--format",
        choices=["text", "json", "md", "html"],
        help="format keluaran (bawaan: menurut akhiran -o, selain itu text)",
    )
    p.add_argument("-o", "--output", help="tulis ke berkas ini (.txt .json .md .html)")
    add_force(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print or write the diff; exit 0 (differences are not errors)."""
    fmt = args.format or "text"
    if args.output:
        target = guard_output(
            args.output, [s for s in (args.old, args.new) if ":" not in s], force=args.force
        )
        if target.suffix.lower() not in _SUFFIX:
            raise ValueError(
                f"-o {shown(args.output)}: beri nama berkas .txt, .json, .md atau .html, agar "
                "tidak pernah tertukar dengan (atau menimpa) berkas pokin"
            )
        fmt = args.format or _SUFFIX[Path(args.output).suffix.lower()]
    old, new = resolve(args.old)[1], resolve(args.new)[1]
    for warning in mismatch(old, new):
        print(f"pokin: peringatan: {warning}", file=sys.stderr)
    result = diff(old, new)
    render = {"text": diff_text, "json": diff_json, "md": diff_markdown, "html": diff_html}
    text = render[fmt](result)
    emit(text if text.endswith("\n") else text + "\n", args.output)
    return 0


def mismatch(old: PohonKinerja, new: PohonKinerja) -> list[str]:
    """What makes two trees a doubtful pair for a diff: another organisasi, or OLD of a
    later year than NEW (the arguments swapped). The diff is still made (a planner may
    compare two offices on purpose); these are only said, on stderr.

    >>> a = PohonKinerja.model_validate({"organisasi": {"nama": "Kecamatan A", "tahun": 2024}})
    >>> b = PohonKinerja.model_validate({"organisasi": {"nama": "Kecamatan B", "tahun": 2023}})
    >>> for line in mismatch(a, b):
    ...     print(line.split(":")[0])
    OLD (Kecamatan A) dan NEW (Kecamatan B) milik organisasi berbeda
    OLD bertahun 2024, sesudah NEW (2023)
    >>> mismatch(a, a)
    []
    """
    was, now = old.organisasi, new.organisasi
    said = []
    if fold(was.nama) != fold(now.nama):
        said.append(
            f"OLD ({was.nama}) dan NEW ({now.nama}) milik organisasi berbeda: jabatan yang "
            "dipasangkan belum tentu jabatan yang sama"
        )
    if was.tahun is not None and now.tahun is not None and was.tahun > now.tahun:
        said.append(
            f"OLD bertahun {was.tahun}, sesudah NEW ({now.tahun}): urutannya tertukar? "
            "tulis `pokin diff TAHUN_LALU TAHUN_INI`"
        )
    return said
