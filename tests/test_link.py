"""Link inference: tiny trees for each case of the cascade rule, and the Sambutan figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pokin
from pokin import Asal, Cascade, PohonKinerja, Status, check
from pokin.link import Proposal, Relasi, apply_links, infer_links, strip_links
from pokin.link.evaluate import load_labels
from pokin.link.explain import describe
from pokin.link.similarity import score
from pokin.link.text import phrase

from .conftest import _ind, jab, make


def bare(mutate: Any = None) -> PohonKinerja:
    """The fixture tree, changed by ``mutate``, without any link."""
    return strip_links(make(mutate))


def pairs(proposals: list[Proposal]) -> set[tuple[str, str]]:
    return {(p.dari, p.ke) for p in proposals}


def by_node(proposals: list[Proposal], node: str) -> list[Proposal]:
    return [p for p in proposals if p.dari == node]


def staf(
    id: str, atasan: str, kinerja: str, indikator: str = "Jumlah laporan", **extra: Any
) -> dict[str, Any]:
    return {
        "id": id,
        "nama": extra.pop("nama", id.title()),
        "peran": extra.pop("peran", "pelaksana"),
        "unit": extra.pop("unit", "Sekretariat"),
        "atasan": atasan,
        "kinerja": [{"uraian": kinerja, "indikator": [_ind(indikator)]}],
        **extra,
    }


# -- the cascade rule and its variants -------------------------------------------------------


def test_exact_text_of_the_atasan_indicator_is_proposed() -> None:
    proposals = infer_links(bare())
    assert pairs(proposals) == {
        ("sekretaris.k1", "camat.k1.i1"),
        ("kasi.k1", "camat.k1.i2"),
        ("staf.k1", "sekretaris.k1.i1"),
    }
    first = by_node(proposals, "sekretaris.k1")[0]
    assert first.relasi is Relasi.ATASAN
    assert first.skor == 1.0
    assert first.jabatan == "sekretaris"
    assert first.alasan == "teks sama dengan indikator camat.k1.i1 milik atasan (Camat)"


def test_spelling_case_punctuation_and_html_are_normalised() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "camat")["kinerja"][0]["indikator"][0]["uraian"] = (
            "Persentase kwalitas ketentraman  dan praktek analisa wilayah"
        )
        jab(data, "sekretaris")["kinerja"][0]["uraian"] = (
            "<p>PERSENTASE kualitas ketenteraman dan praktik analisis wilayah.</p>"
        )

    (proposal,) = by_node(infer_links(bare(mutate)), "sekretaris.k1")
    assert proposal.ke == "camat.k1.i1"
    assert proposal.skor == 1.0
    assert proposal.alasan.startswith(
        "teks sama dengan indikator camat.k1.i1 milik atasan (Camat) setelah ejaan diseragamkan"
    )
    assert "ketenteraman / ketentraman" in proposal.alasan


def test_a_swapped_leading_verb_is_proposed_and_said() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "camat")["kinerja"][0]["indikator"][1]["uraian"] = (
            "Melaksanakan rapat koordinasi lintas sektor tingkat kecamatan"
        )
        jab(data, "kasi")["kinerja"][0]["uraian"] = (
            "Menyiapkan rapat koordinasi lintas sektor tingkat kecamatan"
        )

    (proposal,) = by_node(infer_links(bare(mutate)), "kasi.k1")
    assert proposal.ke == "camat.k1.i2"
    assert 0.8 <= proposal.skor < 1.0
    assert "kata kerja awal berbeda: Menyiapkan → Melaksanakan" in proposal.alasan


def test_the_same_verb_in_another_form_costs_nothing() -> None:
    a = phrase("Terlaksananya pengadaan peralatan kantor")
    assert score(a, phrase("Melaksanakan pengadaan peralatan kantor")) == 1.0
    assert score(a, phrase("Pelaksanaan pengadaan peralatan kantor")) == 1.0


def test_opposite_verbs_are_never_linked() -> None:
    assert (
        score(phrase("Meningkatnya angka kemiskinan"), phrase("Menurunnya angka kemiskinan")) == 0
    )


@pytest.mark.parametrize(
    ("here", "there"),
    [
        (
            "Jumlah Rencana Program Kerja Kelurahan Kecamatan Kebomas",
            "Jumlah Rencana Program Kerja Kecamatan Kebomas",
        ),
        (
            "Tersusunnya program kerja Sekretariat Kelurahan",
            "Tersusunnya program kerja Sekretariat Kecamatan",
        ),
        ("Terlaksananya kegiatan Sub Bagian Umum", "Terlaksananya kegiatan Sekretariat Umum"),
        ("Jumlah laporan kegiatan Seksi Pemerintahan", "Jumlah laporan kegiatan Pemerintahan Desa"),
        ("Pembinaan pemerintahan desa", "Pembinaan pemerintahan kabupaten"),
    ],
)
def test_texts_about_another_unit_or_level_are_never_linked(here: str, there: str) -> None:
    a, b = phrase(here), phrase(there)
    assert score(a, b) == score(b, a) == 0
    assert describe(a, b)[0].startswith("tentang unit lain: ")


def test_unit_words_only_rule_out_texts_naming_different_units() -> None:
    no_unit = phrase("Jumlah Rencana Anggaran Kas")  # staff drop their superior's "Kecamatan"
    assert score(no_unit, phrase("Jumlah Rencana Anggaran Kas Kecamatan Kebomas")) >= 0.6
    both = phrase("Pembinaan pemerintahan desa/kelurahan")
    assert score(phrase("Pembinaan pemerintahan kelurahan"), both) > 0.6
    assert score(phrase("Kegiatan Sub Bagian Umum"), phrase("Kegiatan Subbag Umum")) == 1.0
    assert describe(phrase("Kegiatan Subbag Umum"), phrase("Kegiatan Subbagian Umum")) == [
        "ejaan subbag / subbagian"
    ]


def test_a_kelurahan_indicator_is_not_linked_to_the_kecamatan_one() -> None:
    kecamatan = "Jumlah Rencana Program Kerja Kecamatan Kebomas"

    def mutate(data: dict[str, Any]) -> None:
        jab(data, "camat")["kinerja"][0]["indikator"].append(_ind(kecamatan))
        jab(data, "sekretaris")["kinerja"][0]["indikator"].append(_ind(kecamatan))
        data["jabatan"].append(
            staf(
                "sekretaris-kelurahan",
                "camat",  # the decree does not say which kelurahan: the Camat stands in
                "Tersusunnya program kerja kelurahan",
                "Jumlah Rencana Program Kerja Kelurahan Kecamatan Kebomas",
                peran="sekretaris_kelurahan",
                unit="Kelurahan (tidak disebut)",
                nama="Sekretaris",
            )
        )

    proposals = infer_links(bare(mutate), template=True)
    assert by_node(proposals, "sekretaris-kelurahan.k1.i1") == []
    assert pairs(by_node(proposals, "sekretaris.k1.i2")) == {("sekretaris.k1.i2", "camat.k1.i3")}


def test_kinerja_repeated_a_level_down_links_to_the_atasan_kinerja() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "sekretaris")["kinerja"][0]["uraian"] = "Meningkatnya Kualitas Pelayanan Publik"

    (proposal,) = by_node(infer_links(bare(mutate)), "sekretaris.k1")
    assert proposal.ke == "camat.k1"
    assert proposal.relasi is Relasi.KINERJA_ATASAN
    assert "diulang satu jenjang di bawahnya" in proposal.alasan


def test_a_level_skip_is_proposed_and_checked_as_such() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "staf")["kinerja"][0]["uraian"] = "Indeks kepuasan masyarakat"

    tree = bare(mutate)
    (proposal,) = by_node(infer_links(tree), "staf.k1")
    assert proposal.ke == "camat.k1.i2"
    assert proposal.relasi is Relasi.LOMPAT_JENJANG
    assert "melompati jenjang Sekretaris" in proposal.alasan
    findings = check(apply_links(tree, infer_links(tree)))
    assert "PK302" in findings.codes_of("staf.k1")


def test_a_staff_indicator_copying_the_atasan_indicator_links_indicator_to_indicator() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "staf")["kinerja"][0]["uraian"] = "Tertibnya arsip surat masuk"
        jab(data, "staf")["kinerja"][0]["indikator"][0]["uraian"] = (
            "Persentase dokumen administrasi selesai"
        )

    proposals = infer_links(bare(mutate))
    assert by_node(proposals, "staf.k1") == []
    (proposal,) = by_node(proposals, "staf.k1.i1")
    assert (proposal.ke, proposal.relasi) == ("sekretaris.k1.i1", Relasi.ATASAN)


def test_an_indicator_is_not_linked_where_its_kinerja_already_is() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "staf")["kinerja"][0]["indikator"][0]["uraian"] = (
            "Persentase dokumen administrasi selesai"
        )

    proposals = infer_links(bare(mutate))
    assert pairs(by_node(proposals, "staf.k1")) == {("staf.k1", "sekretaris.k1.i1")}
    assert by_node(proposals, "staf.k1.i1") == []


def test_a_text_fitting_two_indicators_alike_is_proposed_to_both() -> None:
    def mutate(data: dict[str, Any]) -> None:
        indikator = jab(data, "camat")["kinerja"][0]["indikator"]
        indikator[0]["uraian"] = (
            "Persentase kehadiran peserta MUSRENBANG Kecamatan sesuai ketentuan"
        )
        indikator[1]["uraian"] = (
            "Persentase kehadiran peserta MUSRENBANG Kelurahan sesuai ketentuan"
        )
        jab(data, "kasi")["kinerja"][0]["uraian"] = (
            "Persentase kehadiran peserta MUSRTENBANG sesuai dengan ketentuan"
        )

    # 0.85 for both here, where every word is rare; 0.92 and 0.89 in the Sambutan decree
    # (MUSRTENBANG is read as the abbreviation MUSRENBANG, written out)
    proposals = by_node(infer_links(bare(mutate), threshold=0.75), "kasi.k1")
    assert pairs(proposals) == {("kasi.k1", "camat.k1.i1"), ("kasi.k1", "camat.k1.i2")}
    assert "salah ketik musrtenbang / musrenbang" in proposals[0].alasan


def test_a_dissimilar_text_is_not_linked() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "staf")["kinerja"][0]["uraian"] = "Terjaganya kebersihan ruangan kantor"

    proposals = infer_links(bare(mutate))
    assert by_node(proposals, "staf.k1") == []
    assert by_node(proposals, "staf.k1.i1") == []


def test_the_top_position_links_to_the_iku_table() -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["iku"] = [
            {
                "id": "S.1",
                "uraian": "Meningkatnya kualitas pelayanan publik",
                "indikator": [{"id": "I.1", "uraian": "Nilai IKM kecamatan"}],
            }
        ]

    (proposal,) = by_node(infer_links(bare(mutate)), "camat.k1")
    assert (proposal.ke, proposal.relasi) == ("S.1", Relasi.IKU)
    assert proposal.alasan == "teks sama dengan sasaran IKU S.1"


# -- crosscutting and namesakes --------------------------------------------------------------


def kelurahan(data: dict[str, Any], n: str, kasi_indikator: str, staf_kinerja: str) -> None:
    """Add a Lurah, a Kasi Kelurahan and a staff member of kelurahan ``n``."""
    unit = f"Kelurahan {n}"
    data["jabatan"] += [
        staf(
            f"lurah-{n}",
            "camat",
            f"Tertibnya administrasi kelurahan {n}",
            peran="lurah",
            unit=unit,
            nama="Lurah",
        ),
        staf(
            f"kasi-kel-{n}",
            f"lurah-{n}",
            f"Tertibnya administrasi kelurahan {n}",
            kasi_indikator,
            peran="kasi_kelurahan",
            unit=unit,
            nama="Kasi Pemerintahan",
        ),
        staf(f"staf-kel-{n}", f"kasi-kel-{n}", staf_kinerja, unit=unit, nama="Pengadministrasi"),
    ]


def test_crosscutting_support_is_proposed_and_marked() -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["jabatan"].append(
            staf("staf-kasi", "kasi", "Nilai SKM seksi pelayanan", unit="Seksi Pelayanan")
        )
        kelurahan(data, "a", "Jumlah arsip tertata", "Persentase arsip tertata")
        jab(data, "lurah-a")["kinerja"][0]["uraian"] = "Pendataan penduduk rentan kelurahan"
        jab(data, "kasi")["kinerja"][0]["indikator"].append(
            _ind("Pendataan penduduk rentan kelurahan")
        )

    tree = bare(mutate)
    (proposal,) = by_node(infer_links(tree), "lurah-a.k1")
    assert (proposal.ke, proposal.relasi) == ("kasi.k1.i2", Relasi.CROSSCUTTING)
    assert "di luar rantai atasan" in proposal.alasan
    assert by_node(infer_links(tree, crosscutting=False), "lurah-a.k1") == []
    findings = check(apply_links(tree, infer_links(tree)))
    assert "PK303" in findings.codes_of("lurah-a.k1")
    assert not findings.filter(select="PK301,PK304")


def test_namesake_positions_in_two_kelurahan_are_not_linked() -> None:
    text = "Terlaksananya pendataan penduduk rentan"

    def mutate(data: dict[str, Any]) -> None:
        kelurahan(data, "a", text, text)  # kelurahan a: staff carries its Kasi's indicator
        kelurahan(data, "b", "Jumlah arsip tertata", text)  # b: same words, other Kasi

    proposals = infer_links(bare(mutate))
    assert pairs(by_node(proposals, "staf-kel-a.k1")) == {("staf-kel-a.k1", "kasi-kel-a.k1.i1")}
    assert by_node(proposals, "staf-kel-b.k1") == []


def test_a_table_copied_from_the_kecamatan_is_not_crosscutting() -> None:
    text = "Persentase dokumen administrasi selesai"  # the sekretaris's indicator

    def mutate(data: dict[str, Any]) -> None:
        kelurahan(data, "a", "Jumlah arsip tertata", text)  # copies the kecamatan staff

    proposals = infer_links(bare(mutate))
    assert pairs(by_node(proposals, "staf.k1")) == {("staf.k1", "sekretaris.k1.i1")}
    assert by_node(proposals, "staf-kel-a.k1") == []


def test_a_text_several_units_carry_is_a_template_not_crosscutting() -> None:
    text = "Pendataan penduduk rentan kelurahan"

    def mutate(data: dict[str, Any]) -> None:
        kelurahan(data, "a", "Jumlah arsip tertata", "Persentase arsip tertata")
        jab(data, "lurah-a")["kinerja"][0]["uraian"] = text
        for atasan in ("kasi", "sekretaris"):
            jab(data, atasan)["kinerja"][0]["indikator"].append(_ind(text))
        data["jabatan"].append(staf("staf-kasi", "kasi", "Nilai SKM seksi pelayanan"))

    assert by_node(infer_links(bare(mutate)), "lurah-a.k1") == []


def test_a_reason_warns_of_a_text_recurring_in_many_units() -> None:
    # a generic row, copied by positions of every kind: every Lurah carrying a row of
    # substance of the Camat's is the cascade (tests/test_link_cascade.py)
    text = "Jumlah laporan yang disusun"

    def mutate(data: dict[str, Any]) -> None:
        for holder in ("camat", "sekretaris", "kasi"):
            jab(data, holder)["kinerja"][0]["indikator"].append(_ind(text))
        for n in "abcd":
            kelurahan(data, n, "Jumlah arsip tertata", "Persentase arsip tertata")
            jab(data, f"lurah-{n}")["kinerja"][0]["indikator"][0]["uraian"] = text

    (proposal,) = by_node(infer_links(bare(mutate), template=True), "lurah-a.k1.i1")
    assert proposal.ke == "camat.k1.i3"
    assert proposal.alasan.endswith(
        "(teks berulang di 5 unit lain: mungkin baris templat, periksa)"
    )
    assert by_node(infer_links(bare(mutate)), "lurah-a.k1.i1") == []  # left out by default


def test_namesake_blocks_filed_under_one_unit_are_a_template() -> None:
    text = "Jumlah laporan yang disusun"  # a generic row, in tables of every kind

    def mutate(data: dict[str, Any]) -> None:
        for holder in ("camat", "sekretaris", "kasi"):
            jab(data, holder)["kinerja"][0]["indikator"].append(_ind(text))
        for n in range(1, 5):  # four Sekretaris blocks of kelurahan the decree does not name
            data["jabatan"].append(
                staf(
                    f"sekretaris-kelurahan-{n}",
                    "camat",
                    "Tersusunnya program kerja",
                    text,
                    peran="sekretaris_kelurahan",
                    unit="Kelurahan (tidak disebut)",
                    nama="Sekretaris",
                )
            )

    tree = bare(mutate)
    assert by_node(infer_links(tree), "sekretaris-kelurahan-1.k1.i1") == []
    (proposal,) = by_node(infer_links(tree, template=True), "sekretaris-kelurahan-1.k1.i1")
    assert proposal.ke == "camat.k1.i3"
    assert proposal.alasan.endswith(
        "(teks berulang di 5 unit lain: mungkin baris templat, periksa)"
    )


def test_staff_of_one_unit_carrying_the_same_indicator_are_no_template() -> None:
    text = "Persentase dokumen administrasi selesai"  # the sekretaris's indicator

    def mutate(data: dict[str, Any]) -> None:
        for n in range(1, 5):  # one block: the Sekretariat, four staff under its head
            data["jabatan"].append(staf(f"staf-{n}", "sekretaris", text, nama="Pengadministrasi"))

    proposals = infer_links(bare(mutate))
    for n in range(1, 5):
        (proposal,) = by_node(proposals, f"staf-{n}.k1")
        assert proposal.ke == "sekretaris.k1.i1"
        assert "templat" not in proposal.alasan


# -- an atasan the importer guessed ---------------------------------------------------------

PATEN = "Rata-rata waktu penyelesaian layanan PATEN"


def paten(data: dict[str, Any], **staff: Any) -> None:
    """A Kasi Pelayanan Umum with a PATEN indicator and no staff of his own, and a staff
    position carrying that indicator that the importer filed under the Sekretaris."""
    kasi = staf(
        "kasi-pu",
        "camat",
        "Meningkatnya kualitas layanan PATEN",
        PATEN,
        peran="kasi",
        unit="Seksi Pelayanan Umum",
        nama="Kasi Pelayanan Umum",
    )
    data["jabatan"].append(kasi)
    fields = {"nama": "Pengadministrasi Layanan PATEN", "inferensi": ["peran", "atasan"]}
    fields.update(staff)
    data["jabatan"].append(staf("paten", "sekretaris", PATEN, "Jumlah berkas selesai", **fields))


def test_a_guessed_atasan_gives_way_to_the_one_indicator_the_text_carries() -> None:
    tree = bare(paten)
    (proposal,) = by_node(infer_links(tree), "paten.k1")
    assert (proposal.ke, proposal.relasi, proposal.skor) == (
        "kasi-pu.k1.i1",
        Relasi.CROSSCUTTING,
        1,
    )
    assert proposal.alasan == (
        "atasan hanya tebakan impor (Sekretaris), bukan dari SK; teks sama persis dengan "
        "indikator kasi-pu.k1.i1 milik Kasi Pelayanan Umum (Seksi Pelayanan Umum): "
        "periksa atasan"
    )
    assert by_node(infer_links(tree, crosscutting=False), "paten.k1") == []
    assert "PK303" in check(apply_links(tree, infer_links(tree))).codes_of("paten.k1")


def test_a_declared_atasan_keeps_every_crosscutting_guard() -> None:
    # the same decree, but the atasan is the decree's word: the Kasi has no staff, no link
    assert by_node(infer_links(bare(lambda d: paten(d, inferensi=["peran"]))), "paten.k1") == []


def test_a_guessed_atasan_does_not_open_the_door_to_namesakes_or_templates() -> None:
    def namesake(data: dict[str, Any]) -> None:  # a Kasi's text, carried by another Kasi
        paten(data, peran="kasi", nama="Kasi Pelayanan", unit="Seksi Pelayanan")

    assert by_node(infer_links(bare(namesake)), "paten.k1") == []

    def twice(data: dict[str, Any]) -> None:  # two positions hold the indicator: a template
        paten(data)
        jab(data, "kasi")["kinerja"][0]["indikator"].append(_ind(PATEN))

    assert by_node(infer_links(bare(twice)), "paten.k1") == []

    def other_kelurahan(data: dict[str, Any]) -> None:  # the text of another kelurahan's Kasi
        kelurahan(data, "a", PATEN, "Persentase arsip tertata")
        data["jabatan"].append(
            staf(
                "paten",
                "sekretaris",
                PATEN,
                unit="Kelurahan b",
                nama="Pengadministrasi",
                inferensi=["atasan"],
            )
        )

    assert by_node(infer_links(bare(other_kelurahan)), "paten.k1") == []

    def rejected(data: dict[str, Any]) -> None:
        paten(data)
        jab(data, "paten")["kinerja"][0]["mendukung"] = [
            {"ke": "kasi-pu.k1.i1", "asal": "inferensi", "skor": 1, "status": "ditolak"}
        ]

    assert by_node(infer_links(make(rejected)), "paten.k1") == []


def test_a_guessed_atasan_is_not_searched_past_a_copy_of_the_unit_table() -> None:
    def copied(data: dict[str, Any]) -> None:  # the Kasi's own staff holds the same kinerja
        paten(data, unit="Kelurahan a")
        data["jabatan"].append(staf("staf-pu", "kasi-pu", PATEN, unit="Seksi Pelayanan Umum"))

    proposals = infer_links(bare(copied))
    assert pairs(by_node(proposals, "staf-pu.k1")) == {("staf-pu.k1", "kasi-pu.k1.i1")}
    assert by_node(proposals, "paten.k1") == []


# -- abbreviations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("short", "long"),
    [
        (
            "Persentase penurunan gangguan trantibum",
            "Persentase penurunan gangguan ketentraman dan ketertiban umum",
        ),
        ("Terpeliharanya trantib wilayah", "Terpeliharanya ketenteraman dan ketertiban wilayah"),
        ("Jumlah anggota Linmas terlatih", "Jumlah anggota Perlindungan Masyarakat terlatih"),
        ("Laporan kegiatan Kesra", "Laporan kegiatan kesejahteraan rakyat"),
        ("Program Ekbang terlaksana", "Program ekonomi dan pembangunan terlaksana"),
        ("Kegiatan pemmas terlaksana", "Kegiatan pemberdayaan masyarakat terlaksana"),
        ("Nilai SKM", "Nilai survei kepuasan masyarakat"),
        ("Nilai IKM", "Nilai Indeks Kepuasan Masyarakat"),
        ("Jumlah layanan PATEN", "Jumlah layanan Pelayanan Administrasi Terpadu Kecamatan"),
        ("Peserta Musrenbang", "Peserta musyawarah perencanaan pembangunan"),
        ("Pengadaan ATK", "Pengadaan alat tulis kantor"),
        ("Jumlah SOP tersusun", "Jumlah standar operasional prosedur tersusun"),
        ("Nilai SAKIP", "Nilai sistem akuntabilitas kinerja instansi pemerintah"),
        ("Tersusunnya LKjIP", "Tersusunnya laporan kinerja instansi pemerintah"),
        ("Tersusunnya LAKIP", "Tersusunnya laporan akuntabilitas kinerja instansi pemerintah"),
        ("Tersusunnya Renstra", "Tersusunnya rencana strategis"),
    ],
)
def test_an_abbreviation_matches_its_written_out_form_both_ways(short: str, long: str) -> None:
    a, b = phrase(short), phrase(long)
    assert score(a, b) == score(b, a) == 1.0
    assert describe(a, b)[0].startswith("singkatan ")
    assert describe(b, a)[0].startswith("singkatan ")


def test_abbreviations_are_written_out_conservatively() -> None:
    assert score(phrase("Tersusunnya Renja"), phrase("Tersusunnya rencana kerja")) < 0.8
    assert score(phrase("Gangguan trantib"), phrase("Gangguan trantibum")) < 1.0


def test_the_kasi_trantib_kinerja_meets_the_camat_trantibum_indicator() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "camat")["kinerja"][0]["indikator"].append(
            _ind("Persentase penurunan gangguan trantibum")
        )
        data["jabatan"].append(
            staf(
                "kasi-trantib",
                "camat",
                "Menurunnya gangguan ketentraman dan ketertiban umum",
                peran="kasi",
                unit="Seksi Trantib",
                nama="Kasi Trantib",
            )
        )

    (proposal,) = by_node(infer_links(bare(mutate)), "kasi-trantib.k1")
    assert (proposal.ke, proposal.relasi) == ("camat.k1.i3", Relasi.ATASAN)
    assert "singkatan trantibum = ketenteraman dan ketertiban umum" in proposal.alasan
    assert "kata kerja sama, bentuk lain: Menurunnya → Penurunan" in proposal.alasan


def test_a_verbal_noun_stands_for_the_lead_verb_but_never_its_opposite() -> None:
    verb = phrase("Menurunnya angka pengangguran terbuka")
    assert score(verb, phrase("Penurunan angka pengangguran terbuka")) == 1.0
    assert score(verb, phrase("Persentase peningkatan angka pengangguran terbuka")) == 0.0


# -- existing links --------------------------------------------------------------------------


def test_declared_links_are_left_alone() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "sekretaris")["kinerja"][0]["mendukung"] = ["camat.k1.i2"]

    tree = make(mutate)
    assert infer_links(tree) == []


def test_a_rejected_link_is_never_proposed_again_and_a_confirmed_one_is_kept() -> None:
    def mutate(data: dict[str, Any]) -> None:
        jab(data, "sekretaris")["kinerja"][0]["mendukung"] = [
            {"ke": "camat.k1.i1", "asal": "inferensi", "skor": 1, "status": "ditolak"}
        ]
        jab(data, "kasi")["kinerja"][0]["mendukung"] = [
            {"ke": "camat.k1.i2", "asal": "inferensi", "skor": 1, "status": "diterima"}
        ]
        jab(data, "staf")["kinerja"][0]["mendukung"] = []

    tree = make(mutate)
    proposals = infer_links(tree)
    assert pairs(proposals) == {("staf.k1", "sekretaris.k1.i1")}
    kasi = apply_links(tree, proposals).get_jabatan("kasi").kinerja[0].mendukung
    assert [(t.ke, t.status) for t in kasi] == [("camat.k1.i2", Status.DITERIMA)]


def test_inferring_twice_proposes_nothing_new() -> None:
    tree = bare()
    once = apply_links(tree, infer_links(tree))
    assert infer_links(once) == []
    assert apply_links(once, infer_links(tree)) == once


# -- writing the proposals -------------------------------------------------------------------


def test_apply_links_writes_reviewable_links_that_round_trip() -> None:
    tree = bare()
    proposals = infer_links(tree)
    linked = apply_links(tree, proposals)
    assert all(not k.mendukung for _, k in tree.iter_kinerja())  # the input is untouched
    (link,) = linked.get_jabatan("sekretaris").kinerja[0].mendukung
    assert (link.ke, link.asal, link.status, link.skor) == (
        "camat.k1.i1",
        Asal.INFERENSI,
        Status.USULAN,
        1.0,
    )
    assert link.pending
    assert str(link.alasan).startswith("teks sama dengan")
    text = pokin.dumps(linked)
    assert "asal: inferensi" in text
    assert "status: usulan" in text
    again = pokin.loads(text)
    assert again == linked
    assert Cascade(again).path_to_iku("staf.k1") == [
        "staf.k1",
        "sekretaris.k1.i1",
        "sekretaris.k1",
        "camat.k1.i1",
    ]
    assert sorted(f.where for f in check(again, select="PK601")) == sorted(
        p.dari for p in proposals
    )


def test_apply_links_names_an_unknown_node() -> None:
    stray = Proposal("nowhere.k1", "camat.k1.i1", 1.0, "test", Relasi.ATASAN, "nowhere")
    with pytest.raises(KeyError, match=r"nowhere\.k1"):
        apply_links(bare(), [stray])


def test_thresholds_must_be_scores() -> None:
    with pytest.raises(ValueError, match="between 0"):
        infer_links(bare(), threshold=1.5)


# -- the real decree -------------------------------------------------------------------------


def test_precision_and_recall_against_the_planner_links_of_sambutan() -> None:
    tree = pokin.datasets.load("sambutan-2023")
    truth = {
        (str(holder.id), str(link.ke))
        for _, kinerja in tree.iter_kinerja()
        for holder, link in kinerja.iter_links()
    }
    assert len(truth) == 40
    got = pairs(infer_links(strip_links(tree)))
    recall = len(got & truth) / len(truth)
    # measured: 39 of 40 links found (0.975); the 3 proposals the planner did not
    # declare are links a reader finds (datasets/labels/sambutan-2023.yaml, with notes)
    assert recall >= 0.95
    labels = load_labels(Path(__file__).parent.parent / "datasets/labels/sambutan-2023.yaml")
    read = {(label.dari, target) for label in labels.tautan for target in label.ke}
    unexplained = {(d, k) for d, k in got - truth if (d, k) not in read}
    assert len(unexplained) <= 0.05 * len(got), unexplained


def test_a_purpose_clause_is_no_list_partly_kept() -> None:
    # QA4 #3: "yang" and the "dan" of trantibum's expansion made the child a list, and the
    # added "dalam rangka ..." clause read as list items the parent left out
    child = phrase(
        "Persentase gangguan trantibum yang tertangani dalam rangka mewujudkan kondusivitas wilayah"
    )
    parent = phrase("Persentase gangguan trantibum yang tertangani")
    assert describe(child, parent) == ["kata hanya di sini: kondusivitas, wilayah, mewujudkan"]
