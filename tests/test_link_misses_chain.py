"""Wrong links blind3 showed, as general patterns, in texts of my own.

- A **level skip through the chain**: a staff indicator restating the Sekretaris's
  indicator while its kinerja carries the Kasubbag's indicator, whose kinerja restates
  that same Sekretaris indicator. The staff row reaches it through the Kasubbag; a skip
  past him is no link of its own.
- **Boilerplate restated in other words**: "Tersusunnya laporan pelaksanaan kegiatan"
  under "Jumlah laporan kegiatan yang tersusun", a row of no content every kind of post
  copies: held back like a word-for-word copy of it.
- An **e- application** ("e-SAKIP", "e-Kinerja") is one word, not its thing written out:
  data sent to e-SAKIP restates no SAKIP score (e-KTP stays the KTP, by ``ejaan``).

Controls: a staff indicator copying a Sekretaris row its Kasubbag does not carry is still a
level skip, and a thin text restating a row only one position holds is still a link.
"""

from __future__ import annotations

from typing import Any

from pokin import PohonKinerja
from pokin.link import infer_links
from pokin.link.similarity import score
from pokin.link.text import phrase
from tests.link_trees import build_tree, indikator, position

BOILER_K = "Tersusunnya laporan pelaksanaan kegiatan"
BOILER_I = "Jumlah laporan kegiatan yang tersusun"


def _k(uraian: str, *indicators: str) -> dict[str, Any]:
    return {"uraian": uraian, "indikator": [indikator(i) for i in indicators]}


def _tree() -> PohonKinerja:
    boiler = _k(BOILER_K, BOILER_I)
    camat = position(
        "camat", "Camat", "camat", "Kecamatan Sidoarum", [_k("Meningkatnya akuntabilitas kinerja")]
    )
    sekretaris = position(
        "sekretaris",
        "Sekretaris Kecamatan",
        "sekretaris",
        "Sekretariat",
        [
            _k(
                "Meningkatnya kualitas pengelolaan keuangan",
                "Persentase dokumen anggaran dan pelaporan keuangan yang tersusun tepat waktu",
                "Persentase aset tetap yang tercatat dalam kartu inventaris barang",
                "Jumlah laporan rapat staf yang tersusun",
            ),
            boiler,
        ],
        atasan="camat",
    )
    kasubbag = position(
        "kasubbag",
        "Kepala Sub Bagian Keuangan",
        "kasubbag",
        "Sub Bagian Keuangan",
        [
            _k(
                "Tersusunnya dokumen anggaran dan pelaporan keuangan tepat waktu",
                "Jumlah dokumen anggaran (DPA, RKA, anggaran kas) yang tersusun",
            ),
            _k(
                "Meningkatnya realisasi anggaran belanja",
                "Jumlah laporan realisasi anggaran semesteran",
            ),
        ],
        atasan="sekretaris",
    )
    kasi = position(
        "kasi", "Kasi Pemerintahan", "kasi", "Seksi Pemerintahan", [boiler], atasan="camat"
    )
    staf = position(
        "staf",
        "Pengelola Keuangan",
        "pelaksana",
        "Sub Bagian Keuangan",
        [
            _k(
                "Tersusunnya dokumen anggaran (DPA, RKA dan anggaran kas)",
                "Jumlah dokumen anggaran yang tersusun tepat waktu",
            ),
            _k(
                "Tersusunnya laporan realisasi anggaran semesteran",
                "Persentase aset tetap yang tercatat dalam kartu inventaris barang",
            ),
            _k(BOILER_K, BOILER_I),
            _k("Tersusunnya laporan rapat staf", "Jumlah notula rapat"),
        ],
        atasan="kasubbag",
    )
    return build_tree([camat, sekretaris, kasubbag, kasi, staf])


def _proposals() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for p in infer_links(_tree()):
        found.setdefault(p.dari, set()).add(p.ke)
    return found


def test_a_staff_indicator_does_not_skip_to_what_its_chain_carries() -> None:
    found = _proposals()
    assert found.get("staf.k1") == {"kasubbag.k1.i1"}
    assert found.get("kasubbag.k1") == {"sekretaris.k1.i1"}
    assert "staf.k1.i1" not in found  # reached through kasubbag.k1


def test_a_staff_indicator_copying_a_row_its_chain_does_not_carry_still_skips() -> None:
    found = _proposals()
    assert found.get("staf.k2") == {"kasubbag.k2.i1"}
    assert found.get("staf.k2.i1") == {"sekretaris.k1.i2"}


def test_boilerplate_restated_in_other_words_is_held_back() -> None:
    found = _proposals()
    assert "staf.k3" not in found
    assert "staf.k3.i1" not in found


def test_a_thin_text_restating_a_row_one_position_holds_is_a_link() -> None:
    assert _proposals().get("staf.k4") == {"sekretaris.k1.i3"}


def test_an_e_application_is_a_word_of_its_own() -> None:
    # data put into e-SAKIP (the application) restates no SAKIP score up the chart
    camat = position(
        "camat",
        "Camat",
        "camat",
        "Kecamatan Sidoarum",
        [_k("Meningkatnya akuntabilitas kinerja kecamatan", "Nilai SAKIP Kecamatan")],
    )
    sekretaris = position(
        "sekretaris",
        "Sekretaris Kecamatan",
        "sekretaris",
        "Sekretariat",
        [_k("Meningkatnya nilai SAKIP kecamatan", "Nilai komponen perencanaan kinerja")],
        atasan="camat",
    )
    staf = position(
        "staf",
        "Pengolah Data",
        "pelaksana",
        "Sekretariat",
        [
            _k(
                "Tersedianya data kinerja bulanan",
                "Jumlah data capaian kinerja bulanan yang diinput ke e-SAKIP",
                "Jumlah laporan kinerja yang diunggah melalui aplikasi e-Kinerja",
            )
        ],
        atasan="sekretaris",
    )
    found = {p.dari: p.ke for p in infer_links(build_tree([camat, sekretaris, staf]))}
    assert found.get("sekretaris.k1") == "camat.k1.i1"  # SAKIP itself: still a link
    assert "staf.k1.i1" not in found
    assert "staf.k1.i2" not in found


def test_e_ktp_reads_as_ktp() -> None:
    assert (
        phrase("Persentase e-KTP yang tercetak").words
        == phrase("Persentase KTP yang tercetak").words
    )


def test_e_sakip_is_not_the_sakip_written_out() -> None:
    child = phrase("Jumlah laporan realisasi kinerja semesteran yang dikirim ke e-SAKIP")
    assert "e-sakip" in child.words
    assert "akuntabilitas" not in child.words  # SAKIP's words: the system, not the app
    assert score(child, phrase("Nilai SAKIP Kecamatan")) < 0.2
