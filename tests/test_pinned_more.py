"""More behaviour pinned with values written by hand, from the survivors of a sampled
mutation run (bench/mutation.py): file refusals, percentages, rule findings whole, load
errors whole, numeric ids, generated ids of repeated positions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import pokin
from pokin._files import Limits, read_bytes
from pokin._text import format_percent
from pokin.errors import PokinFileError

from .conftest import jab, make
from .test_checks_years import QUARTERS, _periods, build

HEAD = "pokin: 1\norganisasi:\n  nama: K\n  pemerintah: P\n  tahun: 2024\njabatan:\n"
CAMAT = "- id: 12\n  nama: Camat\n  peran: camat\n  unit: Kecamatan\n"


def _error(call: Any) -> PokinFileError:
    with pytest.raises(PokinFileError) as caught:
        call()
    return caught.value


def test_a_fifo_is_refused_with_what_to_do(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.yaml"
    os.mkfifo(fifo)
    assert str(_error(lambda: pokin.load(fifo))) == (
        f"{fifo}: ini bukan berkas biasa (perangkat, FIFO atau soket): pokin hanya membaca "
        "berkas\n  saran: simpan isinya ke sebuah berkas lebih dulu, lalu baca berkas itu"
    )


def test_saving_onto_a_folder_is_refused(tmp_path: Path) -> None:
    assert str(_error(lambda: pokin.save(make(), tmp_path))) == (
        f"{tmp_path}: ini sebuah folder: sebutkan sebuah berkas di dalamnya"
    )


def test_a_file_over_the_limit_is_named(tmp_path: Path) -> None:
    big = tmp_path / "besar.bin"
    big.write_bytes(b"x" * (2 << 20))
    error = _error(lambda: read_bytes(big, limits=Limits(file_bytes=1 << 20)))
    assert (error.path, error.message) == (str(big), "berkas lebih besar dari batas 1 MB")


def test_percentages_have_one_decimal_by_default() -> None:
    assert [format_percent(0.875), format_percent(1 / 3), format_percent(1.0)] == [
        "87,5%",
        "33,3%",
        "100,0%",
    ]
    assert format_percent(None) == "—"


def test_findings_repr_counts_by_severity() -> None:
    assert repr(pokin.check(make())) == "<Findings: 0 galat, 0 peringatan, 0 info>"
    findings = pokin.check(make(lambda d: jab(d, "kasi")["kinerja"][0].update(indikator=[])))
    assert repr(findings) == "<Findings: 1 galat, 0 peringatan, 0 info>"  # PK402


def _row(f: Any) -> tuple[Any, ...]:
    return (f.code, f.where, f.jabatan, f.unit, f.message, f.hint)


def test_pk811_finding_whole() -> None:
    tree = build(_periods(list(zip(QUARTERS, ("25", "50", "75", "90"), strict=True))))
    assert [_row(f) for f in pokin.check(tree, select="PK811")] == [
        (
            "PK811",
            "sekretaris.k1.i1",
            "sekretaris",
            "Sekretariat",
            "Sekretaris: indikator «Persentase dokumen administrasi selesai»: target TW IV 90 "
            "tidak sama dengan target tahunan 100",
            "samakan target triwulan dengan target tahunan, atau ubah `akumulasi:` "
            "(kumulatif: TW IV = target tahunan; jumlah: TW I–IV dijumlahkan)",
        )
    ]


def test_a_target_written_with_percent_is_a_percentage() -> None:
    def mutate(d: dict[str, Any]) -> None:
        ind = jab(d, "sekretaris")["kinerja"][0]["indikator"][0]
        ind.update(uraian="Tingkat dokumen administrasi selesai", satuan="dokumen", target="150%")

    assert [_row(f) for f in pokin.check(make(mutate), select="PK707")] == [
        (
            "PK707",
            "sekretaris.k1.i1",
            "sekretaris",
            "Sekretariat",
            "Sekretaris: target 150% untuk persentase «Tingkat dokumen administrasi selesai» "
            "tidak mungkin atau tidak bermakna",
            "tetapkan target antara 0 dan 100 persen; bila makin kecil makin baik, isi "
            "`polaritas: turun`",
        )
    ]


LOAD_ERRORS = {
    "a-list-on-top": (
        "- a\n- b\n",
        "<input>:1:1: puncak berkas pokin harus berupa pemetaan (pokin:, organisasi:, "
        "jabatan:)\n  saran: lihat contoh di docs/format.md",
    ),
    "unknown-peran": (
        HEAD + CAMAT.replace("peran: camat", "peran: camatt"),
        "<input>:9:10: jabatan[0].peran: nilai 'camatt' tidak diizinkan\n"
        "  saran: pakai salah satu dari: 'camat', 'sekretaris', 'kasubbag', 'kasi', 'lurah', "
        "'sekretaris_kelurahan', 'kasi_kelurahan', 'bendahara', 'pelaksana' atau "
        "'fungsional'",
    ),
    "bad-id": (
        HEAD + CAMAT.replace("id: 12", "id: 'a b<'"),
        "<input>:7:7: jabatan[0].id: id 'a b<' tidak sah: memuat karakter ' ' '<'; id diawali "
        "huruf atau angka, lalu hanya huruf, angka dan . _ - : / (paling panjang 128 "
        "karakter), mis. camat.k1.i2",
    ),
}


@pytest.mark.parametrize(("text", "expected"), LOAD_ERRORS.values(), ids=LOAD_ERRORS.keys())
def test_load_error_whole(text: str, expected: str) -> None:
    assert str(_error(lambda: pokin.loads(text))) == expected


def test_a_numeric_id_is_read_as_text() -> None:
    assert [j.id for j in pokin.loads(HEAD + CAMAT).jabatan] == ["12"]


def test_two_positions_of_the_same_id_are_refused() -> None:
    second = CAMAT.replace("nama: Camat", "nama: Camat Dua")
    error = _error(lambda: pokin.loads(HEAD + CAMAT + second))
    assert (error.line, error.field) == (11, "jabatan[1].id")
    assert "12" in error.message


def test_generated_ids_add_the_unit_only_to_repeated_names() -> None:
    text = HEAD + (
        "- nama: Kasi Pelayanan\n  peran: kasi\n  unit: Kelurahan Satu\n"
        "- nama: Kasi Pelayanan\n  peran: kasi\n  unit: Kelurahan Dua\n"
        "- nama: Lurah Satu\n  peran: lurah\n  unit: Kelurahan Satu\n"
    )
    assert [j.id for j in pokin.loads(text).jabatan] == [
        "kasi-pelayanan-kelurahan-satu",
        "kasi-pelayanan-kelurahan-dua",
        "lurah-satu",
    ]


def _six(d: dict[str, Any]) -> None:
    for n in (1, 2):
        d["jabatan"].append(
            {"id": f"staf{n}", "nama": f"Staf {n}", "peran": "pelaksana", "unit": "Sekretariat"}
        )


def test_a_tree_broken_in_memory_lists_five_problems_then_counts_the_rest() -> None:
    from pokin.errors import TreeError
    from pokin.models.references import ensure_sound

    tree = make(_six)
    for jabatan in tree.jabatan[:5]:
        jabatan.atasan = "hilang"
    with pytest.raises(TreeError) as five:
        ensure_sound(tree)
    assert str(five.value).count("tidak ada jabatan dengan id 'hilang'") == 5
    assert "lagi)" not in str(five.value)
    tree.jabatan[5].atasan = "hilang"
    with pytest.raises(TreeError) as six:
        ensure_sound(tree)
    assert str(six.value).count("tidak ada jabatan dengan id 'hilang'") == 5
    assert str(six.value).endswith("\n(dan 1 lagi)")


def test_reading_a_pdf_without_pdfplumber_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from pokin.decree.pdffile import read_items
    from pokin.errors import ImportDocumentError

    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber: ImportError
    path = tmp_path / "keputusan.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ImportDocumentError) as caught:
        read_items(path)
    assert str(caught.value) == (
        f"{path}: membaca PDF memerlukan paket pdfplumber\n"
        "  saran: pasang dengan: pip install 'pokin[pdf]'"
    )


def test_a_file_that_cannot_be_opened_says_to_check_its_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.yaml"

    def refused(self: Path, **_: Any) -> os.stat_result:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "stat", refused)  # as root, chmod 000 would still be read
    assert str(_error(lambda: pokin.load(path))) == (
        f"{path}: berkas tidak dapat dibaca: izin ditolak\n  saran: periksa izin berkas"
    )


def _ring(n: int) -> str:
    return HEAD + "".join(
        f"- id: j{i}\n  nama: J{i}\n  peran: kasi\n  unit: U\n  atasan: j{i % n + 1}\n"
        for i in range(1, n + 1)
    )


def test_an_atasan_circle_is_shown_whole_up_to_eight_then_by_its_ends() -> None:
    hint = "\n  saran: salah satu jabatan ini harus melapor ke jabatan di luar lingkaran itu"
    assert str(_error(lambda: pokin.loads(_ring(8)))) == (
        "<input>:11:11: jabatan[0].atasan: rantai atasan berputar melingkar: "
        "j1 -> j2 -> j3 -> j4 -> j5 -> j6 -> j7 -> j8 -> j1" + hint
    )
    assert str(_error(lambda: pokin.loads(_ring(9)))) == (
        "<input>:11:11: jabatan[0].atasan: rantai atasan berputar melingkar: "
        "j1 -> j2 -> j3 -> j4 -> ... 3 lagi ... -> j8 -> j9 -> j1" + hint
    )


def test_an_unknown_atasan_suggests_at_most_five_ids() -> None:
    words = ["satu", "dua", "tiga", "empat", "lima", "enam"]
    text = HEAD + "".join(
        f"- id: kasi-pelayanan-kelurahan-{w}\n  nama: Kasi {w}\n  peran: kasi\n  unit: U\n"
        for w in words
    )
    text += "- id: staf\n  nama: Staf\n  peran: pelaksana\n  unit: U\n  atasan: kasi\n"
    error = _error(lambda: pokin.loads(text))
    assert (error.line, error.field) == (35, "jabatan[6].atasan")
    assert error.hint == (
        "pakai id jabatan yang ada, mis. kasi-pelayanan-kelurahan-satu, "
        "kasi-pelayanan-kelurahan-dua, kasi-pelayanan-kelurahan-tiga, "
        "kasi-pelayanan-kelurahan-empat, kasi-pelayanan-kelurahan-lima; `atasan: null` hanya "
        "untuk puncak pohon"
    )
