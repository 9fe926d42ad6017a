"""A PDF bomb: compressed page streams that unpack to far more than the file.

Before, a 300 KB PDF whose page stream deflated 300 MB of spaces was unpacked whole by
pdfminer (700 MB of memory, 20 s) before pokin said it found no decree in it. Now the
deflated streams are counted piece by piece, keeping nothing, and the file is refused past
the limit (POKIN_MAX_UNPACKED_MB, set low here so the test's bomb stays small).
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from pokin import ImportDocumentError
from pokin._files import Limits, check_streams
from pokin.decree import import_decree

TEXT = b"BT /F1 12 Tf 50 800 Td (JABATAN : CAMAT RANTAU PANJANG) Tj ET\n"


def pdf(path: Path, content: bytes, *, image: bytes | None = None) -> Path:
    """A one-page PDF whose page stream is ``content`` deflated (and an image XObject
    whose deflated pixels are ``image``)."""
    packed = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]  # fmt: skip
    if image is not None:
        pixels = zlib.compress(image)
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width 1000 /Height %d /BitsPerComponent 8 "
            b"/ColorSpace /DeviceGray /Length %d /Filter /FlateDecode >>\nstream\n"
            % (len(image) // 1000, len(pixels)) + pixels + b"\nendstream"
        )  # fmt: skip
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        table,
    )
    path.write_bytes(out)
    return path


def test_a_pdf_whose_streams_unpack_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POKIN_MAX_UNPACKED_MB", "1")
    bomb = pdf(tmp_path / "rantau-panjang.pdf", TEXT + b" " * (3 << 20))
    assert bomb.stat().st_size < 20_000
    with pytest.raises(ImportDocumentError) as caught:
        import_decree(bomb)
    assert "membengkak lebih dari 1 MB" in caught.value.message
    assert caught.value.hint is not None
    assert "POKIN_MAX_UNPACKED_MB" in caught.value.hint


def test_streams_within_the_limit_and_images_are_not_refused(tmp_path: Path) -> None:
    limits = Limits(unpacked_bytes=1 << 20, packed_ratio=None)
    check_streams(pdf(tmp_path / "kecil.pdf", TEXT + b" " * 1000), limits=limits)
    scanned = pdf(tmp_path / "pindaian.pdf", TEXT, image=b"\xff" * (3 << 20))  # a white page
    check_streams(scanned, limits=limits)  # an image is never unpacked to read text
