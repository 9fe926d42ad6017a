"""Files a planner keeps, and files pokin is handed: read within limits, written whole.

Reading (:func:`read_bytes`, :func:`read_text`, :func:`check_archive`): pokin reads only
regular files (a device such as ``/dev/zero``, a FIFO or a folder is refused; a symbolic
link is followed to the file it names), of at most :attr:`Limits.file_bytes` bytes, and opens
a zip archive (``.xlsx``, ``.docx``) only once its *declared* sizes are within
:attr:`Limits.unpacked_bytes` (or, for a large archive, :attr:`Limits.packed_ratio` times its
own size) and :attr:`Limits.ratio` (a zip bomb is refused before a byte is unpacked; Python's
zip reader and python-calamine's both stop at the declared size, so the declaration cannot
lie); a PDF's deflated streams are counted the same way (:func:`check_streams`). A planner
raises a limit with an environment variable (read on every call)::

    POKIN_MAX_FILE_MB=500 POKIN_MAX_UNPACKED_MB=2000 POKIN_MAX_ZIP_RATIO=200 pokin check ...

Writing (:func:`atomic_write`) is the one way pokin writes a file: the text or bytes go to a
temporary file beside the target, which replaces the target only once everything was
written (:class:`AtomicFiles`: several files that replace theirs together, or none). Only
a regular file (or a new name) is written: a device, FIFO or folder is refused, and so is a
symbolic link, on purpose: replacing the link would cut it, and writing through it would
let a link planted in a shared folder aim pokin's output at any file.

The reading half is :mod:`pokin._files.reading`, the writing half :mod:`pokin._files.writing`;
both say the system's errors in Indonesian through :mod:`pokin._files.oserrors`.
"""

from .oserrors import os_reason
from .reading import Limits, check_archive, damage_reason, read_bytes, read_text
from .streams import check_streams
from .writing import AtomicFiles, atomic_write, check_writable, output_suffix

__all__ = [
    "AtomicFiles",
    "Limits",
    "atomic_write",
    "check_archive",
    "check_streams",
    "check_writable",
    "damage_reason",
    "os_reason",
    "output_suffix",
    "read_bytes",
    "read_text",
]
