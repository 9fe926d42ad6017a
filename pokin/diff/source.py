"""Where the two trees of a diff come from: a tree, a file, a bundled dataset, or a file
as it was in a git revision (``git:REV:path``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .. import datasets
from ..errors import PokinFileError
from ..io import load, loads
from ..models import PohonKinerja

__all__ = ["Source", "resolve"]

Source = PohonKinerja | str | os.PathLike[str]
"""What :func:`pokin.diff.diff` accepts for each side."""

_GIT_HINT = (
    "tulis git:REVISI:path, misalnya git:HEAD~1:datasets/sambutan-2023.yaml (path dihitung "
    "dari akar repositori)"
)


def resolve(source: Source) -> tuple[str, PohonKinerja]:
    """The name and tree of a source (a tree is returned as it is).

    Raises:
        PokinFileError: the file, dataset or revision cannot be read.
    """
    if isinstance(source, PohonKinerja):
        org = source.organisasi
        return org.nama + (f" {org.tahun}" if org.tahun else ""), source
    text = os.fspath(source)
    if text.startswith("git:"):
        return text, _from_git(text)
    path = Path(text)
    if not path.exists() and text in datasets.names():
        return text, datasets.load(text)
    return text, load(path)


def _from_git(spec: str) -> PohonKinerja:
    rev, sep, path = spec[len("git:") :].partition(":")
    if not sep or not rev.strip() or not path.strip() or rev.lstrip().startswith("-"):
        # a revision starting with "-" would be read by git as an option
        raise PokinFileError(f"{spec!r} bukan sumber git", hint=_GIT_HINT)
    try:
        done = subprocess.run(
            ["git", "show", f"{rev}:{path}"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except FileNotFoundError:
        raise PokinFileError("git tidak terpasang", path=spec, hint=_GIT_HINT) from None
    except subprocess.TimeoutExpired:
        raise PokinFileError("git show berjalan lebih dari 30 detik", path=spec) from None
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PokinFileError(
            f"git tidak dapat menampilkan {rev}:{path}: "
            f"{problem[-1] if problem else 'galat tak dikenal'}",
            path=spec,
            hint=_GIT_HINT,
        )
    try:
        text = done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PokinFileError("berkas bukan UTF-8 yang sah", path=spec) from None
    return loads(text, path=spec)
