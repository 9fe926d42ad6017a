"""Reading what pokin is handed, within :class:`Limits` (see :mod:`pokin._files`)."""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .._text import format_decimal, format_number
from ..errors import PokinFileError
from .oserrors import os_reason

__all__ = [
    "Limits",
    "check_archive",
    "damage_reason",
    "read_bytes",
    "read_text",
    "size_text",
]

_MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much pokin reads from one input before refusing it.

    >>> Limits().file_bytes // (1 << 20), Limits().ratio
    (64, 100.0)
    """

    file_bytes: int = 64 * _MB
    """The largest input file (YAML, decree text, workbook, document)."""
    unpacked_bytes: int = 256 * _MB
    """The most an archive (``.xlsx``, ``.docx``) may unpack to, all members together; a
    larger archive may unpack to :attr:`packed_ratio` times its own size."""
    packed_ratio: float | None = 25.0
    """How many times its own size an archive may unpack to, all members together, when
    that is more than :attr:`unpacked_bytes` (pokin's own workbook of 3e5 indicators: 25 MB
    unpacking to 270 MB, 11 times). ``None`` when a planner set ``POKIN_MAX_UNPACKED_MB``:
    that limit then holds whatever the archive's size."""
    ratio: float = 100.0
    """The most a member of an archive may grow when unpacked (real workbooks: 5 to 20)."""
    members: int = 10_000
    """The most members an archive may hold."""

    @classmethod
    def current(cls) -> Limits:
        """The limits, raised (or lowered) by ``POKIN_MAX_FILE_MB``, ``POKIN_MAX_UNPACKED_MB``
        and ``POKIN_MAX_ZIP_RATIO`` when set."""
        default = cls()
        unpacked = _env("POKIN_MAX_UNPACKED_MB", default.unpacked_bytes / _MB)
        return cls(
            file_bytes=int(_env("POKIN_MAX_FILE_MB", default.file_bytes / _MB) * _MB),
            unpacked_bytes=int(unpacked * _MB),
            packed_ratio=default.packed_ratio if unpacked == default.unpacked_bytes / _MB else None,
            ratio=_env("POKIN_MAX_ZIP_RATIO", default.ratio),
        )

    def unpacked_for(self, packed: int) -> int:
        """The most an archive of ``packed`` bytes may unpack to.

        >>> mb = 1 << 20
        >>> Limits().unpacked_for(2 * mb) // mb, Limits().unpacked_for(25 * mb) // mb
        (256, 625)
        >>> Limits(unpacked_bytes=mb, packed_ratio=None).unpacked_for(25 * mb) // mb
        1
        """
        if self.packed_ratio is None:
            return self.unpacked_bytes
        return max(self.unpacked_bytes, int(self.packed_ratio * packed))


def _env(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise PokinFileError(
            f"nilai {name}={raw!r} tidak sah",
            hint=f"tulis sebuah angka di atas 0, mis. {name}={default:g}",
        )
    return value


def size_text(number: float) -> str:
    """A size the Indonesian way: ``64 MB``, ``1,5 MB``, ``3.001 MB``.

    >>> size_text(1.5 * _MB), size_text(3001 * _MB)
    ('1,5 MB', '3.001 MB')
    """
    mb = number / _MB
    text = format_number(mb) if mb >= 10 or mb == int(mb) else format_number(mb, 1)
    return f"{text} MB"


def _regular(path: Path) -> os.stat_result:
    """The status of the regular file at ``path`` (a link is followed); else an error."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise PokinFileError("berkas tidak ada", path=path, hint="periksa path-nya") from None
    except OSError as exc:
        raise PokinFileError(
            f"berkas tidak dapat dibaca: {os_reason(exc)}", path=path, hint="periksa izin berkas"
        ) from None
    if stat.S_ISDIR(status.st_mode):
        raise PokinFileError(
            "ini sebuah folder, bukan berkas", path=path, hint="sebutkan sebuah berkas di dalamnya"
        )
    if not stat.S_ISREG(status.st_mode):
        raise PokinFileError(
            "ini bukan berkas biasa (perangkat, FIFO atau soket): pokin hanya membaca berkas",
            path=path,
            hint="simpan isinya ke sebuah berkas lebih dulu, lalu baca berkas itu",
        )
    return status


def read_bytes(path: str | os.PathLike[str], *, limits: Limits | None = None) -> bytes:
    """The content of a regular file of at most ``limits.file_bytes`` bytes.

    Raises:
        PokinFileError: missing, unreadable, not a regular file, or too large.
    """
    file = Path(path)
    limit = (limits or Limits.current()).file_bytes
    if _regular(file).st_size > limit:
        raise _too_large(file, limit)
    try:
        with file.open("rb") as handle:
            raw = handle.read(limit + 1)  # a file still growing stops here too
    except OSError as exc:
        raise PokinFileError(f"berkas tidak dapat dibaca: {os_reason(exc)}", path=file) from None
    if len(raw) > limit:
        raise _too_large(file, limit)
    return raw


def _too_large(file: Path, limit: int) -> PokinFileError:
    return PokinFileError(
        f"berkas lebih besar dari batas {size_text(limit)}",
        path=file,
        hint="periksa apakah ini berkas yang benar; untuk berkas sebesar itu, naikkan "
        "batasnya: POKIN_MAX_FILE_MB=<angka>",
    )


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16's, which it starts with
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def read_text(
    path: str | os.PathLike[str],
    *,
    limits: Limits | None = None,
    error: type[PokinFileError] = PokinFileError,
    hint: str = "simpan berkas sebagai teks UTF-8",
) -> str:
    """The text of a regular file: UTF-8 (with or without BOM), UTF-16 (as Word's "Unicode
    text" saves it) or UTF-32 with its BOM. A binary file (NUL bytes without a UTF-16 BOM)
    or text in another encoding is refused with ``error``, naming the line.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     file = Path(tmp) / "k.txt"
    ...     _ = file.write_bytes("JABATAN : Camat\\n".encode("utf-16"))
    ...     read_text(file)
    'JABATAN : Camat\\n'
    """
    file = Path(path)
    try:
        raw = read_bytes(file, limits=limits)
    except PokinFileError as exc:
        raise error(exc.message, path=file, hint=exc.hint) from None
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\0" in raw[:65536]:
        encoding = _utf16_without_bom(raw[:4096]) or encoding
    if encoding == "utf-8" and b"\0" in raw[:65536]:
        raise _nul_error(raw, file, error, hint)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        windows = encoding == "utf-8" and _windows_1252(raw)
        raise error(
            f"berkas ini bukan teks {encoding.upper().replace('-SIG', '')} yang sah"
            + (" (tampaknya tersimpan sebagai Windows-1252/ANSI)" if windows else ""),
            path=file,
            line=raw[: exc.start].count(b"\n") + 1,
            hint="simpan ulang sebagai UTF-8 (Notepad: Simpan Sebagai, Encoding UTF-8)"
            if windows
            else hint,
        ) from None


def _nul_error(raw: bytes, file: Path, error: type[PokinFileError], hint: str) -> PokinFileError:
    """A binary file, or a text with a stray NUL byte or two (named at its line)."""
    line = raw[: raw.index(b"\0")].count(b"\n") + 1
    try:
        rest = raw.replace(b"\0", b"").decode("utf-8") if raw.count(b"\0") <= 3 else ""
    except UnicodeDecodeError:
        rest = ""
    stray = bool(rest) and not any(ord(c) < 32 and c not in "\t\r\n\f" for c in rest)
    if stray:
        return error(
            "baris ini memuat byte NUL (karakter kosong yang tak terlihat)",
            path=file,
            line=line,
            hint="hapus karakter itu (ketik ulang baris ini), lalu simpan sebagai teks UTF-8",
        )
    return error("ini berkas biner (memuat byte NUL), bukan teks", path=file, hint=hint)


def _windows_1252(raw: bytes) -> bool:
    """Whether ``raw`` reads as Windows-1252 ("ANSI", Notepad's old default) text."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not any(ord(c) < 32 and c not in "\t\r\n" for c in text)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` for UTF-16 text saved without its BOM: a NUL in
    (nearly) every second byte, on one side only, as Latin text in UTF-16 has.

    >>> _utf16_without_bom("JABATAN : Camat".encode("utf-16-be")), _utf16_without_bom(b"\\0\\1\\2")
    ('utf-16-be', None)
    """
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return name
    return None


def check_archive(path: str | os.PathLike[str], *, limits: Limits | None = None) -> None:
    """Refuse a zip archive (``.xlsx``, ``.docx``) too large to unpack, before unpacking it.

    Looks at the sizes the archive declares: the number of members, their unpacked total,
    and how much each member grows (a zip bomb packs gigabytes of one repeated byte into a
    few megabytes); then at the head of each XML part, for a DOCTYPE (entities: see
    :func:`_refuse_doctype`). A file that is not a zip archive is left to its reader to
    explain.

    Raises:
        PokinFileError: the file is not a regular file, too large, unpacks past a limit, or
            declares XML entities.
    """
    file = Path(path)
    limit = limits or Limits.current()
    size = _regular(file).st_size
    if size > limit.file_bytes:
        raise _too_large(file, limit.file_bytes)
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        members = archive.infolist()
        _check_sizes(file, members, limit, size)
        _refuse_doctype(file, archive, members)


def _check_sizes(file: Path, members: list[zipfile.ZipInfo], limit: Limits, size: int) -> None:
    """Refuse an archive whose declared sizes pass a limit (see :func:`check_archive`)."""
    hint = (
        "berkas ini mungkin rusak atau sengaja dibuat berbahaya (zip bomb); bila memang "
        "benar, naikkan batasnya: POKIN_MAX_UNPACKED_MB / POKIN_MAX_ZIP_RATIO"
    )
    if len(members) > limit.members:
        raise PokinFileError(
            f"arsip memuat {format_number(len(members))} bagian "
            f"(batas {format_number(limit.members)})",
            path=file,
            hint=hint,
        )
    total = sum(m.file_size for m in members)
    allowed = limit.unpacked_for(size)
    if total > allowed:
        raise PokinFileError(
            f"arsip akan membengkak menjadi {size_text(total)} saat dibuka "
            f"(batas {size_text(allowed)})",
            path=file,
            hint=hint,
        )
    for member in members:
        grows = member.file_size / max(member.compress_size, 1)
        if member.file_size > _MB and grows > limit.ratio:
            raise PokinFileError(
                f"bagian {member.filename!r} arsip membengkak {format_number(grows)} kali saat "
                f"dibuka (batas {format_decimal(limit.ratio)} kali)",
                path=file,
                hint=hint,
            )


_DOCTYPE = b"<!DOCTYPE"


def _refuse_doctype(file: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Refuse an archive an XML part of which declares a DOCTYPE: Word, Excel and
    LibreOffice never write one, and it is how entities are declared, internal ones that
    multiply ("billion laughs") or external ones that name a file or an address (XXE).
    The readers would refuse the first, leave the others unresolved and lose their text
    without a word; here the file is refused, naming the part. The declaration stands
    before the root element: the first 4 KB of each part (UTF-8 or UTF-16) are read."""
    for member in members:
        if not member.filename.casefold().endswith((".xml", ".rels")) or not member.file_size:
            continue
        try:
            with archive.open(member) as part:
                head = part.read(4096)
        except Exception:  # encrypted, damaged: its reader explains that
            continue
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
        if _DOCTYPE in head.upper():
            raise PokinFileError(
                f"bagian {member.filename!r} arsip ini memuat deklarasi DOCTYPE (entitas XML), "
                "yang tidak pernah ditulis Word, Excel atau LibreOffice",
                path=file,
                hint="berkas ini mungkin sengaja dibuat berbahaya (entitas XML eksternal, XXE); "
                "bila memang dari kantor Anda, buka di Word atau Excel lalu simpan ulang",
            )


def damage_reason(exc: BaseException) -> str:
    """What a library's exception on a damaged office file (a .docx, an .xlsx) says, in a
    planner's words: python-docx, openpyxl and lxml raise many kinds, whose English names
    tell a planner nothing.

    >>> damage_reason(zipfile.BadZipFile("File is not a zip file"))
    'bukan arsip zip'
    """
    if isinstance(exc, zipfile.BadZipFile):
        return "bukan arsip zip"
    if isinstance(exc, KeyError):
        return "bagian yang wajib ada di dalam arsipnya tidak ada"
    if type(exc).__name__ in ("XMLSyntaxError", "ParseError"):  # lxml's, ElementTree's
        return "isi XML-nya rusak, atau memakai entitas yang tidak diizinkan"
    if isinstance(exc, (ValueError, TypeError)):
        return "isi arsipnya bukan jenis yang diharapkan"
    return "isinya tidak dapat dibaca"
