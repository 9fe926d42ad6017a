"""Abbreviations a tree defines or spells out itself (issue 11, pokin.link.learn).

Invented in the decrees' style: the IKU writes an abbreviation out with it in parentheses
("Tempat Pengolahan Sampah Terpadu (TPST)"), the Camat's indicator uses the abbreviation
alone, and the Kasi writes it out again; or no row defines it, but one writes it out
word for word (Pendaftaran Tanah Sistematis Lengkap) and another uses its capitals (PTSL).
Neither abbreviation is in the bundled lexicon. The Kasi's kinerja must reach the Camat's
indicator, not skip a level to the IKU that writes it out as he does.
"""

from __future__ import annotations

from typing import Any

import pytest

from pokin import PohonKinerja
from pokin.link import infer_links
from pokin.link.learn import learned
from pokin.link.lexicon import DEFAULT

from .link_trees import build_tree, indikator, position


def _ind(id_: str, uraian: str) -> dict[str, Any]:
    return indikator(uraian, id_, target=None)


def _tree(camat: str, kasi: str, iku: str) -> PohonKinerja:
    sasaran = {
        "id": "S.1",
        "uraian": "Meningkatnya kualitas lingkungan hidup",
        "indikator": [_ind("S.1.i1", iku)],
    }
    kinerja = {
        "uraian": "Meningkatnya kualitas pengelolaan lingkungan kecamatan",
        "mendukung": ["S.1.i1"],
        "indikator": [
            _ind("camat.i1", camat),
            _ind("camat.i2", "Jumlah rapat koordinasi lintas sektor"),
        ],
    }
    kasi_kinerja = [{"uraian": kasi, "indikator": [_ind("kasi.i1", "Jumlah laporan")]}]
    return build_tree(
        [
            position("camat", "Camat", "camat", "Kecamatan Sukarame", [kinerja]),
            position(
                "kasi",
                "Kasi Ekonomi dan Pembangunan",
                "kasi",
                "Seksi Ekonomi dan Pembangunan",
                kasi_kinerja,
                atasan="camat",
            ),
        ],
        iku=[sasaran],
    )


CASES = [
    (  # defined in parentheses by the IKU
        "Persentase desa yang memiliki TPST",
        "Meningkatnya desa yang memiliki Tempat Pengolahan Sampah Terpadu",
        "Persentase desa yang memiliki Tempat Pengolahan Sampah Terpadu (TPST)",
    ),
    (  # spelled by initials, defined nowhere
        "Jumlah bidang tanah yang terdaftar melalui PTSL",
        "Meningkatnya bidang tanah yang terdaftar melalui Pendaftaran Tanah Sistematis Lengkap",
        "Persentase bidang tanah yang terdaftar melalui Pendaftaran Tanah Sistematis Lengkap",
    ),
]


@pytest.mark.parametrize(("camat", "kasi", "iku"), CASES)
def test_a_written_out_abbreviation_reaches_the_atasan_not_the_iku(
    camat: str, kasi: str, iku: str
) -> None:
    found = {(p.dari, p.ke) for p in infer_links(_tree(camat, kasi, iku))}
    from_kasi = {ke for dari, ke in found if dari.startswith("kasi.k")}
    assert from_kasi == {"camat.i1"}, found


def test_definitions_and_initials_are_learned_once_and_guarded() -> None:
    lexicon = learned(
        [
            "Jumlah Kartu Identitas Anak (KIA) yang diterbitkan",
            "Cakupan KIA",
            "Tingkat kepuasan atas SLA layanan",  # no run of words spells SLA
            "Jumlah warga (baik) yang hadir",  # a remark in parentheses
            "Jumlah data yang valid dan aktual DYV",  # a run with a function word
        ]
    )
    assert lexicon.singkatan["kia"] == "kartu identitas anak"
    assert "sla" not in lexicon.singkatan
    assert "baik" not in lexicon.singkatan
    assert "dyv" not in lexicon.singkatan
    assert learned(["Jumlah laporan", "Nilai SAKIP"]) is DEFAULT  # nothing new: same cache


def test_two_runs_spelling_the_same_capitals_leave_them_unread() -> None:
    lexicon = learned(["Nilai BPK", "Badan Pengawas Keuangan", "Bina Pemuda Kreatif"])
    assert "bpk" not in lexicon.singkatan


def test_an_indicator_does_not_skip_past_the_row_its_atasan_target_restates() -> None:
    # the Kasi's kinerja supports the Camat's indicator, which restates the IKU's; the
    # Kasi's indicator, too far from the Camat's to link, must not skip to the IKU's
    tree = _tree(
        "Persentase desa dan kelurahan yang berstatus STBM",
        "Meningkatnya desa-desa yang berstatus STBM",
        "Persentase desa dan kelurahan STBM (Sanitasi Total Berbasis Masyarakat)",
    )
    kasi = tree.jabatan[1].kinerja[0]
    kasi.indikator[0].uraian = "Jumlah desa yang mendeklarasikan STBM"
    found = {(p.dari, p.ke) for p in infer_links(tree)}
    assert ("kasi.k1", "camat.i1") in found
    assert not any(ke == "S.1.i1" for dari, ke in found if dari.startswith("kasi")), found
