"""Writing a file whole or not at all (see :mod:`pokin._files`)."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future

from ..errors import PokinFileError
from .oserrors import os_reason

__all__ = ["AtomicFiles", "atomic_write", "check_writable", "output_suffix"]


def _write_error(exc: OSError, target: Path) -> OSError:
    """``exc`` (of the same class) naming the output ``target``, not pokin's temporary file
    beside it or the folder it made, with the reason in Indonesian."""
    if exc.errno is None:
        return exc  # no system error: nothing to translate (its own text names it)
    where = exc.filename and Path(exc.filename)
    reason = os_reason(exc)
    if exc.errno == errno.ENOENT:
        reason = "foldernya tidak ada atau tidak menerima berkas baru"
    if where and where != target and not where.name.startswith(f".{target.name}."):
        reason = f"{where}: {reason}"  # a folder on the way: say which
        if exc.errno in (errno.EEXIST, errno.ENOTDIR):
            reason = f"{where} adalah berkas, bukan folder"
    return type(exc)(exc.errno, f"tidak dapat ditulis: {reason}", str(target))


def check_writable(target: Path) -> None:
    """Refuse to write over anything but a regular file (see the module docs)."""
    try:
        status = target.lstat()
    except FileNotFoundError:
        return
    except OSError:
        return  # the write itself names the problem
    if stat.S_ISLNK(status.st_mode):
        raise PokinFileError(
            "ini sebuah tautan simbolik (symlink): pokin tidak menulis melalui tautan",
            path=target,
            hint="sebutkan berkas aslinya, atau nama baru",
        )
    if stat.S_ISDIR(status.st_mode):
        raise PokinFileError(
            "ini sebuah folder: sebutkan sebuah berkas di dalamnya", path=target, hint=None
        )
    if not stat.S_ISREG(status.st_mode):
        raise PokinFileError(
            "ini bukan berkas biasa (perangkat, FIFO atau soket): pokin hanya menulis berkas",
            path=target,
            hint="sebutkan nama berkas; '-' menulis ke keluaran standar (stdout)",
        )


def output_suffix(target: Path, suffixes: tuple[str, ...], what: str) -> str:
    """The lower-case suffix of ``target`` when it is one of ``suffixes``.

    >>> output_suffix(Path("a/laporan.HTML"), (".html", ".htm", ".md"), "laporan")
    '.html'
    >>> output_suffix(Path("kke.csv"), (".xlsx", ".json"), "lembar kerja SAKIP")
    Traceback (most recent call last):
    ...
    ValueError: lembar kerja SAKIP tidak dapat ditulis sebagai .csv (kke.csv): namai ... .json
    >>> output_suffix(Path("matriks"), (".xlsx",), "matriks")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: matriks tidak dapat ditulis sebagai berkas tanpa akhiran (matriks): ... .xlsx

    Raises:
        ValueError: another suffix (the message says which to use, in Indonesian).
    """
    suffix = target.suffix.lower()
    if suffix not in suffixes:
        allowed = (
            suffixes[0]
            if len(suffixes) == 1
            else (f"{', '.join(suffixes[:-1])} atau {suffixes[-1]}")
        )
        raise ValueError(
            f"{what} tidak dapat ditulis sebagai {suffix or 'berkas tanpa akhiran'} "
            f"({target.name}): namai berkasnya {allowed}"
        )
    return suffix


@contextmanager
def atomic_write(target: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``target``; move it over ``target`` on success only.

    Raises:
        PokinFileError: ``target`` is a symbolic link, a folder, a device or a FIFO.
    """
    check_writable(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _write_error(exc, target) from None
    try:
        handle: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _settle(tmp, target)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _write_error(exc, target) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _settle(tmp: str, target: Path) -> None:
    """Give a written temporary file the mode of the file it replaces (0o644 for a new one)."""
    os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)


class AtomicFiles:
    """Files written as one (a gallery of drawings): every file goes whole to a temporary
    file beside its target, and they all replace their targets, flushed to disk, only when
    the ``with`` block ends without an error. Otherwise the temporary files, and the folders
    made for them, are removed and no target is touched. :meth:`write` may be called from
    several threads at once; the files are flushed (``fsync``) by threads of their own, so
    a writer never waits for the disk (a flush waits on it, not on a core).
    """

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor  # here: `import pokin` stays lean

        self._staged: list[tuple[str, Path]] = []
        self._made: list[Path] = []  # folders this batch made, deepest first
        self._lock = threading.Lock()
        self._flusher = ThreadPoolExecutor(max_workers=8, thread_name_prefix="pokin-fsync")
        self._flushes: list[Future[None]] = []

    def __enter__(self) -> AtomicFiles:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            self._flusher.shutdown(wait=True, cancel_futures=kind is not None)
            if kind is None:
                for flush in self._flushes:
                    flush.result()
                for tmp, target in self._staged:
                    os.replace(tmp, target)
                self._staged.clear()
        finally:
            self._discard()

    def write(self, target: Path, data: bytes) -> None:
        """Write ``data`` as the content of ``target`` when the block ends.

        Raises:
            PokinFileError: ``target`` is a symbolic link, a folder, a device or a FIFO.
        """
        check_writable(target)
        with self._lock:
            missing = [f for f in (target.parent, *target.parent.parents) if not f.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.extend(missing)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            self._staged.append((tmp, target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _settle(tmp, target)
        self._flushes.append(self._flusher.submit(_flush, tmp))

    def _discard(self) -> None:
        for tmp, _ in self._staged:
            Path(tmp).unlink(missing_ok=True)
        self._staged.clear()
        for folder in self._made:
            with suppress(OSError):  # not empty: something else was written there meanwhile
                folder.rmdir()


def _flush(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
