"""``pokin link``: propose cascade links and suggestions; print them, or write them for review."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .._text import format_number
from ..errors import PokinError
from ..errors import shown_path as shown
from ..io import dumps, save
from ..link import (
    THRESHOLD,
    Suggestion,
    apply_links,
    infer_links,
    load_lexicon,
    review,
    suggest_links,
)
from ..models import PohonKinerja
from .files import (
    Subparsers,
    comments_of,
    expand,
    guard_output,
    load_source,
    message,
    progress,
    write_text,
)
from .parser import decimal

__all__ = ["register", "run"]


def register(sub: Subparsers) -> None:
    """Add ``pokin link`` to the command's subparsers."""
    p = sub.add_parser(
        "link",
        help="usulkan tautan cascading dari teks yang cocok; sarankan sisanya",
        description="Usulkan, untuk setiap kinerja, indikator atasan yang diturunkannya "
        "(milik atasan, lalu lebih tinggi di rantai atasan, lalu lintas unit), "
        "dari teks yang menyatakannya ulang walau berbeda ejaan, singkatan, "
        "kata kerja, atau hanya memuat satu butir daftar. Mencetak setiap "
        "usulan dengan skor dan alasannya; -o atau --write menyimpannya sebagai"
        " tautan `asal: inferensi, status: usulan` untuk dikonfirmasi atau "
        "ditolak perencana. --suggest mendaftar, untuk setiap kinerja yang "
        "belum tertaut, 3 calon terbaik di antara indikator atasannya; --terima"
        " / --tolak mencatat keputusan perencana. Beberapa berkas atau sebuah "
        "folder (satu kabupaten) diproses satu per satu: dengan --write "
        "setiap berkas ditulisi usulannya sendiri.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="berkas YAML pokin, nama dataset, atau (untuk beberapa berkas) folder",
    )
    p.add_argument("-o", "--output", help="tulis pohon beserta usulannya ke sini")
    p.add_argument(
        "--force",
        action="store_true",
        help="ganti berkas -o yang sudah ada; dengan --write, buang komentar di dalam FILE",
    )
    p.add_argument("--write", action="store_true", help="tulis usulan ke dalam FILE itu sendiri")
    p.add_argument(
        "--threshold",
        type=decimal,
        default=THRESHOLD,
        help="skor yang diperlukan, antara 0 dan 1 (mis. 0,8)",
    )
    p.add_argument("--no-crosscutting", action="store_true", help="hanya sepanjang rantai atasan")
    p.add_argument(
        "--no-indikator", action="store_true", help="tanpa tautan indikator ke indikator"
    )
    p.add_argument(
        "--templates",
        action="store_true",
        help="usulkan juga kecocokan yang teksnya berulang di 3+ unit lain (baris templat)",
    )
    p.add_argument(
        "--suggest",
        action="store_true",
        help="daftar 3 calon terbaik untuk setiap kinerja yang tidak dicapai tautan (saran)",
    )
    p.add_argument(
        "--leksikon",
        metavar="YAML",
        help="kata Anda sendiri (ejaan, singkatan, bidang...) untuk pokin/link/lexicon.yaml",
    )
    for flag, verdict in (("--terima", "terima"), ("--tolak", "tolak")):
        p.add_argument(
            flag,
            action="append",
            default=[],
            metavar="DARI=KE",
            help=f"{verdict} tautan dari kinerja/indikator DARI ke KE (boleh berulang)",
        )
    p.add_argument("-q", "--quiet", action="store_true", help="tanpa pesan kemajuan")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Propose links for each file (a folder: its pokin files); print them, and write them
    as links awaiting review when asked."""
    if len(args.files) == 1 and not Path(args.files[0]).is_dir():
        return _run_one(argparse.Namespace(**{**vars(args), "file": args.files[0]}))
    if args.output or args.terima or args.tolak:
        raise ValueError(
            "-o, --terima dan --tolak berlaku untuk satu berkas: dengan beberapa berkas atau "
            "folder, pakai --write (setiap berkas ditulisi usulannya sendiri) atau jalankan "
            "pokin link per berkas"
        )
    notes: list[str] = []
    files = expand(args.files, notes)
    for note in notes:
        print(f"pokin: catatan: {note}", file=sys.stderr)
    tick, failed = progress(files, args.quiet), 0
    for index, source in enumerate(files, 1):
        tick(index, source)
        print(f"\n== {shown(source)}")
        try:
            _run_one(argparse.Namespace(**{**vars(args), "file": source}))
        except (PokinError, ValueError, OSError) as exc:
            failed += 1
            print(f"pokin: galat: {message(exc)}", file=sys.stderr)
    if failed:
        print(
            f"pokin: {format_number(failed)} dari {format_number(len(files))} berkas tidak "
            "diproses (lihat galat di atas)",
            file=sys.stderr,
        )
        return 2
    return 0


def _run_one(args: argparse.Namespace) -> int:
    """``pokin link`` on one file (``args.file``)."""
    if args.write and args.output:
        raise ValueError("berikan --write (ke FILE) atau -o OUT.yaml, bukan keduanya")
    if args.write and not Path(args.file).is_file():
        raise ValueError(
            f"--write perlu berkas untuk ditulisi, bukan {shown(args.file)!r}: pakai -o OUT.yaml"
        )
    if not 0.0 < args.threshold <= 1.0:
        raise ValueError(
            f"--threshold {format_number(args.threshold, 2)}: skor antara 0 (tidak termasuk) "
            "dan 1, mis. --threshold 0,8"
        )
    name, tree = load_source(args.file)
    target = (
        guard_output(args.output, [name], suffixes=(".yaml", ".yml"), force=args.force)
        if args.output
        else None
    )
    tree = _reviewed(tree, args.terima, args.tolak)
    lexicon = load_lexicon(args.leksikon) if args.leksikon else None
    proposals = infer_links(
        tree,
        threshold=args.threshold,
        crosscutting=not args.no_crosscutting,
        indikator=not args.no_indikator,
        template=args.templates,
        lexicon=lexicon,
    )
    for p in proposals:
        print(f"{p.dari} → {p.ke} ({p.relasi}, skor {format_number(p.skor, 2)}): {p.alasan}")
    print(proposals.ringkasan, file=sys.stderr)
    if args.suggest:
        _print_suggestions(suggest_links(apply_links(tree, proposals), lexicon=lexicon))
    result = apply_links(tree, proposals)
    reviewed = bool(args.terima or args.tolak)
    if not proposals and not reviewed and args.write:
        print(f"tidak ada yang ditambahkan: {shown(args.file)} dibiarkan apa adanya")
    elif args.write:
        _write_into(Path(args.file), result, force=args.force)
    elif target is not None:
        save(result, target)
        print(f"ditulis: {shown(target)}: tinjau setiap `status: usulan` (diterima / ditolak)")
    elif reviewed:
        print("pokin: --terima/--tolak perlu --write atau -o untuk disimpan", file=sys.stderr)
    return 0


def _reviewed(tree: PohonKinerja, accepted: Sequence[str], rejected: Sequence[str]) -> PohonKinerja:
    for pairs, diterima in ((accepted, True), (rejected, False)):
        for pair in pairs:
            dari, sep, ke = pair.partition("=")
            if not sep or not dari.strip() or not ke.strip():
                flag = "--terima" if diterima else "--tolak"
                raise ValueError(f"{flag} {pair!r}: tulis DARI=KE, mis. staf.k1=kasi.k1.i2")
            try:
                tree = review(tree, dari.strip(), ke.strip(), diterima=diterima)
            except KeyError:
                raise ValueError(
                    f"{pair!r}: tidak ada kinerja atau indikator dengan ID {dari.strip()!r}"
                ) from None
    return tree


def _print_suggestions(suggestions: list[Suggestion]) -> None:
    current = None
    for s in suggestions:
        if s.jabatan != current:
            current = s.jabatan
            print(f"\nSaran untuk {s.jabatan}:")
        skor = format_number(s.skor, 2)
        print(f"  {s.dari} → {s.ke} (saran {s.peringkat}, skor {skor}): {s.alasan}")
    kinerja = len({s.dari for s in suggestions})
    counted = f"{format_number(kinerja)} kinerja belum tertaut"
    print(f"{counted}; {format_number(len(suggestions))} saran", file=sys.stderr)


def _write_into(file: Path, tree: PohonKinerja, *, force: bool) -> None:
    """Write ``tree`` into ``file``, keeping its heading comments. pokin writes the file
    anew, so comments further down would be lost: then it refuses, unless ``--force``."""
    header, lost = comments_of(file)
    if lost and not force:
        raise ValueError(
            f"{shown(file)} memuat {lost} baris komentar di dalam berkas yang akan hilang bila "
            "ditulis ulang (pokin hanya menyimpan komentar di kepala berkas); berkas tidak "
            "diubah: pakai -o BARU.yaml, atau --force untuk tetap menulis tanpa komentar itu"
        )
    write_text(file, header + dumps(tree))
    if lost:
        print(
            f"pokin: peringatan: {lost} baris komentar di dalam {shown(file)} tidak disimpan "
            "(--force)",
            file=sys.stderr,
        )
    print(f"ditulis: {shown(file)}: tinjau setiap `status: usulan` (diterima / ditolak)")
