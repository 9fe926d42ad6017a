"""Running Graphviz: the one place ``dot`` is called, with a timeout and clear messages,
and the files its output is written to."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import graphviz
from graphviz.backend import dot_command, execute

from .._files import atomic_write
from ..errors import RenderError

__all__ = [
    "FORMATS",
    "LARGE_DRAWING",
    "MISSING_DOT",
    "format_of",
    "measure",
    "run_dot",
    "write_output",
]

FORMATS = ("svg", "png", "pdf", "dot")
"""The output formats :func:`render` writes (``dot`` is the DOT text itself)."""

MISSING_DOT = (
    "program `dot` dari Graphviz tidak ditemukan: pasang dengan `sudo apt-get install "
    "graphviz` (Debian/Ubuntu) atau lihat https://graphviz.org/download/"
)


def run_dot(source: str, *, format: str = "svg", timeout: float = 30.0) -> bytes:
    """Lay out DOT text with Graphviz's ``dot``; the output file's bytes.

    Runs through the ``graphviz`` package's backend (its command line and its process
    runner, which passes ``timeout`` on to :func:`subprocess.run`; the public
    ``graphviz.pipe`` takes no timeout), and turns its errors into one clear message.

    Raises:
        RenderError: ``dot`` is missing, took longer than ``timeout`` seconds, or failed.
    """
    if format == "dot":
        return source.encode("utf-8")
    if format not in FORMATS:
        raise ValueError(f"format {format!r} tidak dikenal: pilih salah satu: {', '.join(FORMATS)}")
    if not (math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"batas waktu {timeout}: beri jumlah detik di atas 0")
    command = dot_command.command("dot", format)
    try:
        done = execute.run_check(
            command, input=source.encode("utf-8"), capture_output=True, quiet=True, timeout=timeout
        )
    except graphviz.ExecutableNotFound:
        raise RenderError(MISSING_DOT) from None
    except subprocess.TimeoutExpired:
        raise RenderError(_timeout_message(source, timeout)) from None
    except graphviz.CalledProcessError as exc:
        message = (exc.stderr or b"").decode("utf-8", "replace").strip()[:800]
        raise RenderError(
            f"program `dot` dari Graphviz gagal (kode keluar {exc.returncode}): {message}"
        ) from None
    except OSError as exc:  # not executable, ...
        raise RenderError(f"{MISSING_DOT} ({exc})") from None
    output: bytes = done.stdout
    return output


def _timeout_message(source: str, timeout: float) -> str:
    """Why ``dot`` may have timed out: a large drawing, or a busy machine for a small one.

    >>> _timeout_message("a -> b", 0.5)[:64]
    'Graphviz `dot` tidak selesai dalam 0,5 detik; gambarnya kecil (1'
    """
    seconds = f"{timeout:g}".replace(".", ",")
    links = source.count(" -> ")
    head = f"Graphviz `dot` tidak selesai dalam {seconds} detik"
    if links < LARGE_DRAWING:
        return (
            f"{head}; gambarnya kecil ({links} tautan), jadi mesin mungkin sedang sibuk: "
            "coba lagi dengan --timeout yang lebih panjang"
        )
    count = f"{links:,}".replace(",", ".")
    return (
        f"{head}; gambarnya besar ({count} tautan): gambar sebagian (--root, --unit, "
        "--depth) atau per halaman (--pages), atau beri --timeout yang lebih panjang"
    )


LARGE_DRAWING = 400
"""From this many links, a ``dot`` timeout is blamed on the drawing's size."""


def measure(svg: str) -> tuple[float, float]:
    """The (width, height) of an SVG drawing, in points, from its viewBox or size.

    >>> measure('<svg width="300pt" height="100pt" viewBox="0.00 0.00 300.00 100.00">')
    (300.0, 100.0)
    >>> measure('<svg width="96px" height="2in">')
    (72.0, 144.0)
    """
    tag = re.search(r"<svg\b[^>]*>", svg, re.DOTALL)
    if tag is None:
        raise ValueError("bukan gambar SVG: tidak ada elemen <svg>")
    attrs = dict(re.findall(r'([\w:-]+)\s*=\s*"([^"]*)"', tag.group(0)))
    box = attrs.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    scale = {"": 0.75, "px": 0.75, "pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}
    size: list[float] = []
    for name in ("width", "height"):
        found = re.fullmatch(r"\s*([\d.]+)\s*([a-z]*)\s*", attrs.get(name, ""))
        if found is None or found.group(2) not in scale:
            raise ValueError(f"gambar SVG ini tidak punya {name} maupun viewBox yang terbaca")
        size.append(float(found.group(1)) * scale[found.group(2)])
    return size[0], size[1]


def format_of(path: Path, format: str | None) -> str:
    """The format to write ``path`` in: ``format``, else the suffix; they must agree."""
    suffix = path.suffix.lstrip(".").lower()
    suffix = {"gv": "dot"}.get(suffix, suffix)
    chosen = (format or suffix).lower()
    chosen = {"gv": "dot"}.get(chosen, chosen)
    if format and suffix in FORMATS and suffix != chosen:
        raise ValueError(
            f"format {chosen} tidak cocok dengan nama {path.name!r}: sebuah berkas .{suffix} "
            f"berisi {suffix.upper()}; namai berkasnya .{chosen} atau buang --format"
        )
    if chosen not in FORMATS:
        raise ValueError(
            f"format gambar {str(path)!r} tidak dikenali: beri akhiran "
            f"({', '.join('.' + f for f in FORMATS)}) atau format=... (pokin render "
            "--format; folder berakhiran / menggambar halaman)"
        )
    return chosen


def write_output(data: bytes, path: Path, fmt: str) -> Path:
    """Write ``dot``'s output atomically (text formats as UTF-8 text)."""
    if fmt in ("png", "pdf"):
        with atomic_write(path, binary=True) as handle:
            handle.write(data)
    else:
        with atomic_write(path) as handle:
            handle.write(data.decode("utf-8"))
    return path
