"""The system's reasons for a failed read or write, said in Indonesian."""

from __future__ import annotations

import errno
import os

__all__ = ["os_reason"]

_OS_REASONS = {
    errno.ENOENT: "tidak ada",
    errno.EACCES: "izin ditolak",
    errno.EPERM: "tidak diizinkan",
    errno.EEXIST: "sudah ada",
    errno.EISDIR: "ini sebuah folder",
    errno.ENOTDIR: "salah satu bagian path-nya berkas, bukan folder",
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "sistem berkas hanya dapat dibaca",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.EXDEV: "tidak dapat dipindah ke perangkat lain",
    errno.EIO: "galat baca/tulis perangkat",
}


def os_reason(exc: OSError) -> str:
    """What the system said, in Indonesian for the usual reasons (the system's own words,
    in English, for a rare one).

    >>> os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    'tidak ada'
    >>> os_reason(FileNotFoundError(errno.ENOENT, "tidak dapat ditulis: tidak ada"))
    'tidak dapat ditulis: tidak ada'
    """
    said = exc.strerror
    if said and exc.errno is not None and said != os.strerror(exc.errno):
        return said  # pokin's own words already (see _write_error)
    return _OS_REASONS.get(exc.errno or 0, said or str(exc))
