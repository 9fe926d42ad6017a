"""The exact words of the errors a planner reads on bad input, pinned whole.

Mutation testing (bench/mutation.py) showed tests matching one word of an error: a hint
dropped, a message garbled or the file's name lost survived. Each case below is bad input
written by hand and the whole message pokin must print for it (file, line, column, field,
what is wrong, ``saran:`` how to fix it).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import pokin
from pokin._files import Limits, check_archive
from pokin.errors import PokinFileError

HEAD = "organisasi:\n  nama: K\n  pemerintah: P\n  tahun: 2024\njabatan: []\n"


def _jabatan(n: int) -> str:
    return "".join(
        f"- id: j{i}\n  nama: J{i}\n  peran: kasi\n  unit: U\n  atasan: hilang{i}\n"
        for i in range(n)
    )


CASES = {
    "no-version": (
        HEAD,
        "<input>:1:1: kunci `pokin` (versi format) tidak ada\n"
        "  saran: tambahkan `pokin: 1` di baris teratas",
    ),
    "version-as-text": (
        "pokin: '1'\n" + HEAD,
        "<input>:1:8: pokin: versi format '1' tidak didukung\n"
        "  saran: tulis `pokin: 1`, sebuah angka tanpa tanda petik",
    ),
    "version-2": (
        "pokin: 2\n" + HEAD,
        "<input>:1:8: pokin: versi format 2 tidak didukung\n"
        "  saran: pokin ini membaca versi 1; perbarui pokin atau perbaiki angkanya",
    ),
    "lone-surrogate": (
        "pokin: 1\n" + HEAD.replace("nama: K", 'nama: "K\ud800"'),
        "<input>:3: teks memuat karakter yang tidak sah (U+D800)\n"
        "  saran: hapus karakter itu; ia tidak dapat disimpan dalam berkas UTF-8",
    ),
    "bad-date": (
        "pokin: 1\n"
        + HEAD.replace("tahun: 2024", "tahun: 2024\n  dokumen:\n    tanggal: 2024-13-45"),
        "<input>:7:14: organisasi.dokumen.tanggal: '2024-13-45' bukan tanggal yang ada di "
        "kalender\n"
        "  saran: tulis tanggal sebagai YYYY-MM-DD; apit dengan tanda petik teks yang mirip "
        "tanggal",
    ),
    "list-as-key": ("pokin: 1\n? [a]\n: b\n" + HEAD, "<input>:2:3: kunci harus berupa kata biasa"),
    "key-twice": (
        "pokin: 1\n" + HEAD.replace("pemerintah: P", "pemerintah: P\n  nama: L"),
        "<input>:5:3: kunci `nama` muncul dua kali dalam pemetaan yang sama (pertama di baris 3)\n"
        "  saran: YAML diam-diam hanya menyimpan yang terakhir; gabungkan keduanya",
    ),
    "four-bad-atasan": (
        "pokin: 1\n" + HEAD.replace("jabatan: []", "jabatan:\n" + _jabatan(4)),
        "<input>:11:11: jabatan[0].atasan: tidak ada jabatan dengan id 'hilang0' (dan 3 lagi: "
        "baris 16: tidak ada jabatan dengan id 'hilang1'; baris 21: tidak ada jabatan dengan id "
        "'hilang2'; baris 26: tidak ada jabatan dengan id 'hilang3')\n"
        "  saran: pakai id jabatan yang ada; `atasan: null` hanya untuk puncak pohon",
    ),
    "five-bad-atasan": (  # three shown, then "..."
        "pokin: 1\n" + HEAD.replace("jabatan: []", "jabatan:\n" + _jabatan(5)),
        "<input>:11:11: jabatan[0].atasan: tidak ada jabatan dengan id 'hilang0' (dan 4 lagi: "
        "baris 16: tidak ada jabatan dengan id 'hilang1'; baris 21: tidak ada jabatan dengan id "
        "'hilang2'; baris 26: tidak ada jabatan dengan id 'hilang3'...)\n"
        "  saran: pakai id jabatan yang ada; `atasan: null` hanya untuk puncak pohon",
    ),
    "misspelt-key": (
        "pokin: 1\n" + HEAD.replace("pemerintah: P", "pemerintah: P\n  periodee: 2021-2026"),
        "<input>:5:3: organisasi.periodee: kunci `periodee` tidak dikenal\n"
        "  saran: maksudnya `periode`? yang boleh di sini: nama, pemerintah, tahun, periode, "
        "dokumen, catatan",
    ),
    "date-for-a-number": (
        "pokin: 1\n" + HEAD.replace("tahun: 2024", "tahun: 2024-01-01"),
        "<input>:5:10: organisasi.tahun: harus berupa bilangan bulat, bukan tanggal "
        "'2024-01-01'\n"
        "  saran: lihat jenis setiap kunci di docs/format.md; apit dengan tanda petik teks yang "
        "mirip angka, tanggal atau ya/tidak",
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_load_error_whole(text: str, expected: str) -> None:
    with pytest.raises(PokinFileError) as caught:
        pokin.loads(text)
    assert str(caught.value) == expected


def test_a_syntax_error_below_blank_lines_only() -> None:
    with pytest.raises(PokinFileError) as caught:
        pokin.loads("\n\n  - x\nkey: [")
    assert caught.value.line == 4
    assert "kesalahan sintaks YAML" in caught.value.message


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


BOMB_HINT = (
    "berkas ini mungkin rusak atau sengaja dibuat berbahaya (zip bomb); bila memang benar, "
    "naikkan batasnya: POKIN_MAX_UNPACKED_MB / POKIN_MAX_ZIP_RATIO"
)


def test_archive_with_too_many_members(tmp_path: Path) -> None:
    path = _zip(tmp_path / "banyak.xlsx", {f"m{i}.xml": b"" for i in range(1234)})
    with pytest.raises(PokinFileError) as caught:
        check_archive(path, limits=Limits(members=1000))
    error = caught.value
    assert (error.message, error.path, error.hint) == (
        "arsip memuat 1.234 bagian (batas 1.000)",
        str(path),
        BOMB_HINT,
    )


def test_archive_unpacking_past_the_limit(tmp_path: Path) -> None:
    path = _zip(tmp_path / "besar.docx", {"a.xml": b"x" * (3 << 20)})
    with pytest.raises(PokinFileError) as caught:
        check_archive(path, limits=Limits(unpacked_bytes=2 << 20, ratio=1e9))
    error = caught.value
    assert (error.message, error.path, error.hint) == (
        "arsip akan membengkak menjadi 3 MB saat dibuka (batas 2 MB)",
        str(path),
        BOMB_HINT,
    )


def test_archive_member_growing_past_the_ratio(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bom.xlsx", {"sheet.xml": b"\0" * (2 << 20)})
    with pytest.raises(PokinFileError) as caught:
        check_archive(path, limits=Limits(ratio=50))
    error = caught.value
    assert error.message.startswith("bagian 'sheet.xml' arsip membengkak ")
    assert error.message.endswith(" kali saat dibuka (batas 50 kali)")
    assert (error.path, error.hint) == (str(path), BOMB_HINT)
    check_archive(path, limits=Limits(ratio=1e6))  # raised by the planner: read


def test_a_tab_below_blank_lines_only() -> None:
    with pytest.raises(PokinFileError) as caught:
        pokin.loads("\n\n\tkey: x\n")
    assert str(caught.value) == (
        "<input>:3:1: kesalahan sintaks YAML (ada karakter yang tak boleh mengawali nilai)\n"
        "  saran: YAML memakai spasi untuk indentasi, bukan tab: ganti tab di baris ini dengan "
        "spasi"
    )
