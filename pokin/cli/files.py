"""The files the ``pokin`` command reads and writes: sources, guarded outputs, progress.

Kept apart from :mod:`pokin.cli` (which parses options and calls the library) so the rules
that protect a planner's files are in one place: an output never overwrites an input, has
the suffix its format needs, and several inputs never write to the same output name.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias

import yaml

from .. import datasets
from .._files import atomic_write, check_writable, os_reason, output_suffix
from .._text import format_number, unique
from ..errors import PokinError
from ..errors import shown_path as shown
from ..io import load
from ..models import PohonKinerja

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What each subcommand module's ``register`` adds its parser to."""

__all__ = [
    "STDOUT",
    "Subparsers",
    "add_force",
    "comments_of",
    "emit",
    "expand",
    "guard_output",
    "load_source",
    "message",
    "output_names",
    "progress",
    "refuse_existing",
    "write_text",
]


def load_source(source: str) -> tuple[str, PohonKinerja]:
    """A file path, or the name of a bundled dataset: its path and its tree."""
    path = Path(source)
    if not path.exists() and source in datasets.names():
        path = datasets.path(source)
    return str(path), load(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:  # pragma: no cover - a path that cannot be resolved is not the input
        return False


def guard_output(
    output: str | Path,
    inputs: Sequence[str | Path] = (),
    *,
    suffixes: Sequence[str] = (),
    what: str = "keluaran",
    force: bool = False,
    stdout: bool = False,
) -> Path:
    """``output`` as a path, refused when it is one of ``inputs`` or has a wrong suffix.

    The one overwrite rule of every writing command: an existing file is replaced only with
    ``force`` (the command's ``--force``), never silently.

    Only a regular file (or a new name) is written: an empty name, a folder, a device, a
    FIFO and a symbolic link are refused (see :mod:`pokin._files`). ``-`` is standard
    output, for the commands that can write there (``stdout=True``), and refused otherwise.

    >>> guard_output("matriks.xlsx", ["pokin.yaml"], suffixes=[".xlsx"]).name
    'matriks.xlsx'
    >>> guard_output("pokin.yaml", ["pokin.yaml"], force=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: -o pokin.yaml adalah masukan perintah ini: menulisinya akan merusaknya; ...
    """
    if not str(output).strip():
        raise ValueError("-o kosong: sebutkan nama berkas keluaran")
    if str(output) == STDOUT:
        if not stdout:
            raise ValueError(
                "-o -: perintah ini tidak menulis ke keluaran standar; sebutkan nama berkas"
            )
        return Path(STDOUT)
    target = Path(output)
    for source in inputs:
        if _same_file(target, Path(source)):
            raise ValueError(
                f"-o {shown(output)} adalah masukan perintah ini: menulisinya akan merusaknya; "
                "sebutkan berkas lain"
            )
    if target.is_dir():
        raise ValueError(f"-o {shown(output)} adalah folder: sebutkan sebuah berkas di dalamnya")
    if suffixes:
        output_suffix(target, tuple(suffixes), what)
    check_writable(target)
    if not force:
        refuse_existing(target)
    return target


def refuse_existing(target: Path) -> None:
    """Refuse to replace ``target``: an existing file (perhaps edited by a planner: links
    reviewed, realisasi typed, a worksheet filled) is replaced only with ``--force``."""
    if target.exists():
        raise ValueError(
            f"{shown(target)} sudah ada (mungkin berisi suntingan perencana): pokin tidak "
            "menimpanya; sebutkan berkas baru, atau tambahkan --force untuk menggantinya"
        )


def add_force(parser: argparse.ArgumentParser) -> None:
    """The ``--force`` option every writing command has (see :func:`guard_output`)."""
    parser.add_argument(
        "--force",
        action="store_true",
        help="ganti berkas keluaran yang sudah ada (tanpa ini pokin menolak menimpanya)",
    )


def output_names(sources: Sequence[str | Path], folder: Path, suffix: str) -> list[Path]:
    """One output file in ``folder`` per source, named after it, never twice the same.

    Two sources with the same name are told apart by what differs: their kind
    (``k.docx``, ``k.md``: ``k-docx``, ``k-md``), else their folder (``a/k.txt``,
    ``b/k.txt``: ``k-a``, ``k-b``).

    >>> [p.name for p in output_names(["a/k.txt", "b/k.txt", "c.txt"], Path("out"), ".yaml")]
    ['k-a.yaml', 'k-b.yaml', 'c.yaml']
    >>> [p.name for p in output_names(["x/k.docx", "x/k.md", "a/k.md"], Path("o"), ".yaml")]
    ['k-docx.yaml', 'k-md-x.yaml', 'k-md-a.yaml']
    """
    paths = [Path(s) for s in sources]
    names: list[Path] = []
    taken: set[str] = set()
    for path in paths:
        same = [p for p in paths if p.stem == path.stem]
        name = path.stem
        if len(same) > 1:
            kind = path.suffix.lower().lstrip(".")
            kinds = [p.suffix.lower().lstrip(".") for p in same]
            if kind and len(set(kinds)) > 1:
                name = f"{name}-{kind}"
            if kinds.count(kind) > 1:
                name = f"{name}-{_folder_name(path)}"
        names.append(folder / f"{unique(name, taken)}{suffix}")
    return names


def _folder_name(path: Path) -> str:
    """The name of the folder holding ``path`` (the working folder's for a bare name)."""
    return path.parent.name or Path.cwd().name or "berkas"


SUFFIXES = (".yaml", ".yml", ".json")
"""The files a folder given to ``pokin check`` contributes."""


def expand(sources: list[str], notes: list[str] | None = None) -> list[str]:
    """The sources, each folder replaced by its pokin files (sorted by name), each file
    once; ``notes`` gets what was left out (a file named twice, subfolders, other files).

    Raises:
        ValueError: a folder holds no pokin file.
    """
    said = notes if notes is not None else []
    files: list[str] = []
    for source in sources:
        folder = Path(source)
        if not folder.is_dir():
            files.append(source)
            continue
        entries = sorted(folder.iterdir())
        # not only regular files: a FIFO, a device or a broken link named like a pokin file
        # is read, and refused by name, rather than left out in silence
        found = [str(p) for p in entries if p.suffix.lower() in SUFFIXES and not p.is_dir()]
        if not found:
            raise ValueError(
                f"folder {shown(source)} tidak memuat berkas pokin (.yaml, .yml, .json): sebutkan "
                "berkasnya, atau impor keputusannya lebih dulu (pokin import)"
            )
        files.extend(found)
        said.extend(_left_out(source, entries))
    return _distinct(files, said)


def _left_out(source: str, entries: list[Path]) -> list[str]:
    """What a folder holds besides pokin files, said once (a subfolder is not entered)."""
    folders = [shown(p.name) for p in entries if p.is_dir()]
    others = [shown(p.name) for p in entries if p.is_file() and p.suffix.lower() not in SUFFIXES]
    notes = []
    if folders:
        notes.append(
            f"folder {shown(source)}: {format_number(len(folders))} subfolder dilewati "
            f"({', '.join(folders[:5])}{', …' * (len(folders) > 5)}): sebutkan foldernya "
            "bila isinya perlu diperiksa"
        )
    if others:
        notes.append(
            f"folder {shown(source)}: {format_number(len(others))} berkas bukan berkas pokin "
            f"dilewati ({', '.join(others[:5])}{', …' * (len(others) > 5)}); keputusan "
            ".docx/.pdf/.txt "
            "diimpor lebih dulu dengan pokin import"
        )
    return notes


def _distinct(files: list[str], notes: list[str]) -> list[str]:
    """Each file once, in order: a file named twice (or in a folder also given) is checked
    and counted once."""
    seen: dict[str, str] = {}
    out = []
    for name in files:
        key = _real(name)
        if key in seen:
            notes.append(f"{shown(name)} disebut lebih dari sekali: diperiksa dan dihitung sekali")
            continue
        seen[key] = name
        out.append(name)
    return out


def _real(name: str) -> str:
    try:
        return str(Path(name).resolve()) if Path(name).exists() else name
    except OSError:  # pragma: no cover - a path that cannot be resolved is its name
        return name


_COMMENT = re.compile(r"^\s*#")


def comments_of(path: Path) -> tuple[str, int]:
    """The comment lines heading a YAML file, and how many comments follow them.

    pokin writes a file anew (its writer keeps no comments), so a command rewriting a
    planner's file keeps the header and says how many other comments are lost.
    """
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    head = 0
    while head < len(lines) and (_COMMENT.match(lines[head]) or not lines[head].strip()):
        head += 1
    header = "".join(f"{line}\n" for line in lines[:head] if line.strip())
    others = sum(1 for line in lines[head:] if _COMMENT.match(line))
    return header, others + _trailing_comments(text, lines)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TRAILING = re.compile(r"(?<=\S)[ \t]+#")


def _trailing_comments(text: str, lines: list[str]) -> int:
    r"""How many lines end in a comment (``target: 82,5  # RPJMD``).

    A `` #`` inside a quoted or block text is the text's own; the YAML scanner tells
    where each text starts and ends, and only a `` #`` outside them all is a comment.
    Files without a candidate are not scanned (pokin's own output has none).

    >>> _trailing_comments("a: 1  # satu\nb: 'x # y'\nc: |\n  z # w\n", [])
    1
    """
    lines = lines or text.splitlines()
    candidates: dict[int, list[int]] = {}
    for n, line in enumerate(lines):
        for match in _TRAILING.finditer(line):
            candidates.setdefault(n, []).append(match.end() - 1)
    if not candidates:
        return 0
    try:
        tokens = yaml.scan(text, Loader=_LOADER)
        comments = dict(candidates)
        for token in tokens:
            if not isinstance(token, yaml.ScalarToken):
                continue
            start, end = token.start_mark, token.end_mark
            for n in range(start.line, end.line + 1):
                kept = [
                    c
                    for c in comments.get(n, ())
                    if not (start.line, start.column) <= (n, c) < (end.line, end.column)
                ]
                if n in comments:
                    comments[n] = kept
    except yaml.YAMLError:
        return 0  # not YAML: the load that follows names the problem
    return sum(1 for columns in comments.values() if columns)


def progress(items: Sequence[str], quiet: bool) -> Callable[[int, str], None]:
    """A ``report(index, label)`` printing ``[i/n] label`` to stderr for multi-item runs.

    On a terminal the line is rewritten in place; in a log, one line per item.
    """
    tty = sys.stderr.isatty()

    def report(index: int, label: str) -> None:
        if quiet or len(items) < 2:
            return
        line = f"[{index}/{len(items)}] {shown(label)}"
        if tty:
            end = "\n" if index == len(items) else ""
            print(f"\r\033[K{line}", end=end, file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    return report


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_write(path) as handle:
        handle.write(text)


STDOUT = "-"
"""``-o -``: write to standard output."""


def emit(text: str, output: str | None) -> None:
    """``text`` into the file ``output``, or on standard output when there is none (or -)."""
    if output and output != STDOUT:
        write_text(Path(output), text)
    else:
        sys.stdout.write(text)


def message(exc: BaseException) -> str:
    """One line for an error: an OSError names its file and what the system said."""
    if isinstance(exc, OSError) and not isinstance(exc, PokinError):
        where = shown(exc.filename) if exc.filename else ""
        reason = os_reason(exc)
        hint = {
            "IsADirectoryError": "sebutkan sebuah berkas, bukan folder",
            "PermissionError": "pilih folder yang boleh Anda tulisi",
            "FileNotFoundError": "periksa path-nya",
            "FileExistsError": "sebuah berkas menghalangi folder di path ini: pilih path lain",
        }.get(type(exc).__name__, "periksa path-nya")
        return f"{where}: {reason}\n  saran: {hint}" if where else f"{reason}\n  saran: {hint}"
    return str(exc)
