"""A superior's row the whole chart repeats below it: cascade or generic row?

Invented decree texts (Kecamatan Sidorejo; none from the seeds). The generic-row guard
(:meth:`pokin.link.holds.Holds.generic`) keeps a subordinate holding a vague superior
row among words of its own ("Terlaksananya kegiatan posyandu" holding "Jumlah kegiatan
yang dilaksanakan") from being linked. These tests pin down what it must not swallow:

- a text restated down the chart for each subordinate's own unit (every Lurah carrying
  the Camat's "koordinasi pelaksanaan program" for his kelurahan) is the cascade of that
  row, not a sign that the row is generic;
- a subordinate restating the row before a clause of its own ("... agar target kinerja
  tercapai") restates it, as the same text without the clause would, however many other
  positions use its words.
"""

from __future__ import annotations

from typing import Any

from pokin import PohonKinerja
from pokin.link import infer_links

from .link_trees import indikator

KELURAHAN = ["Sumberejo", "Karanganyar", "Tegalsari", "Mojosari", "Wonorejo"]


def _ind(uraian: str) -> dict[str, Any]:
    return indikator(uraian)


def _tree(sekretaris: str, lurah: str) -> PohonKinerja:
    """A Camat whose k1 is ``Terselenggaranya koordinasi pelaksanaan program di
    lingkungan Kecamatan Sidorejo``, a Sekretaris whose k1 is ``sekretaris``, and five
    Lurah whose k1 is ``lurah`` (``{unit}``: their kelurahan), each with a row of its own."""
    lurahs = [
        {
            "id": f"lurah-{name.lower()}",
            "nama": f"Lurah {name}",
            "peran": "lurah",
            "unit": f"Kelurahan {name}",
            "atasan": "camat",
            "kinerja": [
                {
                    "uraian": lurah.format(unit=f"Kelurahan {name}", name=name),
                    "indikator": [_ind("Jumlah rapat koordinasi kelurahan")],
                },
                {
                    "uraian": "Tertibnya administrasi kependudukan warga",
                    "indikator": [_ind("Persentase warga yang memiliki KTP elektronik")],
                },
            ],
        }
        for name in KELURAHAN
    ]
    data = {
        "pokin": 1,
        "organisasi": {"nama": "Kecamatan Sidorejo", "pemerintah": "Kabupaten Contoh"},
        "jabatan": [
            {
                "id": "camat",
                "nama": "Camat Sidorejo",
                "peran": "camat",
                "unit": "Kecamatan Sidorejo",
                "kinerja": [
                    {
                        "uraian": (
                            "Terselenggaranya koordinasi pelaksanaan program di lingkungan "
                            "Kecamatan Sidorejo"
                        ),
                        "indikator": [_ind("Jumlah rapat koordinasi program")],
                    },
                    {
                        "uraian": "Meningkatnya kualitas pelayanan administrasi terpadu",
                        "indikator": [
                            _ind("Nilai indeks kepuasan masyarakat"),
                            _ind("Persentase berkas perizinan selesai tepat waktu"),
                            _ind("Persentase pengaduan yang selesai ditangani"),
                            _ind("Jumlah surat yang selesai diproses"),
                        ],
                    },
                ],
            },
            {
                "id": "sekretaris",
                "nama": "Sekretaris Kecamatan",
                "peran": "sekretaris",
                "unit": "Sekretariat Kecamatan",
                "atasan": "camat",
                "kinerja": [
                    {"uraian": sekretaris, "indikator": [_ind("Jumlah notulen rapat")]},
                    {
                        "uraian": "Tersedianya arsip surat masuk dan keluar",
                        "indikator": [_ind("Jumlah arsip yang tertata")],
                    },
                ],
            },
            *lurahs,
        ],
    }
    return PohonKinerja.model_validate(data)


ADDS_WORDS = (
    "Terselenggaranya koordinasi pelaksanaan program antar bagian di lingkungan "
    "Kecamatan Sidorejo secara terpadu"
)
"""The Camat's k1 held whole among words of the Sekretaris's own (no clause)."""


def _to_camat_k1(tree: PohonKinerja) -> list[str]:
    return [p.dari for p in infer_links(tree) if p.ke == "camat.k1"]


def test_a_row_every_lurah_restates_for_his_kelurahan_is_cascaded_not_generic() -> None:
    tree = _tree(ADDS_WORDS, "Terselenggaranya koordinasi pelaksanaan program di lingkungan {unit}")
    lurahs = [f"lurah-{name.lower()}.k1" for name in KELURAHAN]  # each for his kelurahan
    assert _to_camat_k1(tree) == ["sekretaris.k1", *lurahs]


def _lurahs_at_work_of_their_own(sekretaris: str) -> PohonKinerja:
    """:func:`_tree` where each Lurah uses the Camat's words for a program of his own."""
    topics = iter(["posyandu", "karang taruna", "bank sampah", "kampung KB", "lansia"])
    data = _tree(sekretaris, "placeholder").model_dump(mode="json", exclude_none=True)
    for jabatan in data["jabatan"]:
        if jabatan["peran"] == "lurah":
            jabatan["kinerja"][0]["uraian"] = (
                f"Terlaksananya koordinasi pelaksanaan program {next(topics)} di {jabatan['unit']}"
            )
    return PohonKinerja.model_validate(data)


def test_a_row_whose_words_other_positions_use_for_their_own_work_stays_generic() -> None:
    """The same Sekretaris text, when the Lurahs use the row's words for work of their own
    (posyandu, karang taruna...), is no evidence: the guard still holds."""
    assert _to_camat_k1(_lurahs_at_work_of_their_own(ADDS_WORDS)) == []


def test_a_row_restated_before_a_clause_is_linked_however_common_its_words() -> None:
    """The Lurahs use the row's words for work of their own (the row reads as generic),
    but the Sekretaris restates it whole before a purpose clause: judged as the same text
    without the clause would be."""
    tree = _lurahs_at_work_of_their_own(
        "Terselenggaranya koordinasi pelaksanaan program di lingkungan Kecamatan Sidorejo "
        "agar target kinerja pelayanan tercapai sesuai rencana"
    )
    assert _to_camat_k1(tree) == ["sekretaris.k1"]


# -- every block carrying its superior's row: cascade, unless the row is the managerial cycle


def _blocks(camat: list[tuple[str, list[str]]], lurah: list[tuple[str, list[str]]]) -> PohonKinerja:
    """A Camat with kinerja ``camat`` ((uraian, indicators) each), a Kasi Trantib, and five
    Lurah blocks each holding kinerja ``lurah``, word for word (the decree's Lurah table)."""

    def kinerja(rows: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
        return [{"uraian": k, "indikator": [_ind(i) for i in ind]} for k, ind in rows]

    lurahs = [
        {
            "id": f"lurah-{name.lower()}",
            "nama": f"Lurah {name}",
            "peran": "lurah",
            "unit": f"Kelurahan {name}",
            "atasan": "camat",
            "kinerja": kinerja(lurah),
        }
        for name in KELURAHAN
    ]
    kasi = {
        "id": "kasi-trantib",
        "nama": "Kasi Trantib",
        "peran": "kasi",
        "unit": "Seksi Ketenteraman dan Ketertiban Umum",
        "atasan": "camat",
        "kinerja": kinerja([("Tersosialisasinya rencana kontinjensi bencana", ["Jumlah warga"])]),
    }
    data = {
        "pokin": 1,
        "organisasi": {"nama": "Kecamatan Sidorejo", "pemerintah": "Kabupaten Contoh"},
        "jabatan": [
            {
                "id": "camat",
                "nama": "Camat Sidorejo",
                "peran": "camat",
                "unit": "Kecamatan Sidorejo",
                "kinerja": kinerja(camat),
            },
            kasi,
            *lurahs,
        ],
    }
    return PohonKinerja.model_validate(data)


BENCANA = (
    "Terlaksananya pengkoordinasian pencegahan dan penanggulangan bencana",
    ["Jumlah rencana kontinjensi bencana yang disosialisasikan", "Jumlah posko siaga bencana"],
)
LAPORAN = (  # the managerial cycle: its indicators say only that reports were made
    "Tersusunnya laporan kinerja sebagai bentuk akuntabilitas",
    ["Jumlah laporan pelaksanaan tugas bawahan", "Jumlah laporan yang disusun"],
)


def test_every_lurah_carrying_the_camat_row_word_for_word_is_linked() -> None:
    """Five Lurah blocks repeating the Camat's bencana row: five links (the cascade), not
    one template."""
    proposals = infer_links(_blocks([BENCANA, LAPORAN], [BENCANA, LAPORAN]))
    found = {(p.dari.split(".")[0], p.ke) for p in proposals if p.dari.startswith("lurah-")}
    found = {(lurah, ke) for lurah, ke in found if not ke.startswith("camat.k1.")}
    assert found == {(f"lurah-{n.lower()}", "camat.k1") for n in KELURAHAN}


def test_every_lurah_repeating_a_managerial_row_is_still_a_template() -> None:
    """The report row every block writes for itself (its indicators generic rows and rows
    about one's staff) is held back however it repeats the Camat's."""
    proposals = infer_links(_blocks([BENCANA, LAPORAN], [BENCANA, LAPORAN]))
    assert not [p for p in proposals if p.ke.startswith("camat.k2")]
    assert infer_links(_blocks([BENCANA, LAPORAN], [BENCANA, LAPORAN])).ditahan >= 5


def test_a_row_every_lurah_copies_is_still_the_kasi_s_to_carry() -> None:
    """The Camat's indicator copied by every Lurah is no template for the Kasi restating it
    (the Lurahs carry it down too)."""
    lurah = [("Terlaksananya kesiapsiagaan bencana kelurahan", BENCANA[1])]
    proposals = infer_links(_blocks([BENCANA, LAPORAN], lurah))
    assert [p.ke for p in proposals if p.dari.startswith("kasi-trantib")] == ["camat.k1.i1"]


def _skip_tree(lurah: str) -> PohonKinerja:
    """An IKU on trantib, a Camat whose only kinerja is about public service, a Lurah."""
    data = {
        "pokin": 1,
        "organisasi": {"nama": "Kecamatan Sidorejo", "pemerintah": "Kabupaten Contoh"},
        "iku": [
            {
                "id": "S.1",
                "uraian": "Terwujudnya ketenteraman dan ketertiban umum",
                "indikator": [
                    {"id": "S.1.i1", **_ind("Persentase penyelesaian gangguan ketertiban umum")}
                ],
            }
        ],
        "jabatan": [
            {
                "id": "camat",
                "nama": "Camat Sidorejo",
                "peran": "camat",
                "unit": "Kecamatan Sidorejo",
                "kinerja": [
                    {
                        "uraian": "Meningkatnya kualitas pelayanan publik",
                        "indikator": [
                            _ind("Nilai indeks kepuasan masyarakat"),
                            _ind("Persentase berkas perizinan selesai tepat waktu"),
                            _ind("Persentase pengaduan yang selesai ditangani"),
                            _ind("Jumlah surat yang selesai diproses"),
                        ],
                    }
                ],
            },
            {
                "id": "lurah",
                "nama": "Lurah Sumberejo",
                "peran": "lurah",
                "unit": "Kelurahan Sumberejo",
                "atasan": "camat",
                "kinerja": [{"uraian": lurah, "indikator": [_ind("Jumlah pos ronda aktif")]}],
            },
        ],
    }
    return PohonKinerja.model_validate(data)


def test_a_level_skip_needs_a_closer_text_than_the_atasan_step() -> None:
    """A Lurah's "Menurunnya gangguan ketertiban umum" shares two words with the IKU's
    "penyelesaian gangguan ketertiban umum" and nothing with the Camat: passing over the
    Camat on that is no link (fewer incidents is not incidents resolved); the same text
    word for word two levels up still is."""

    weak = _skip_tree("Menurunnya gangguan ketertiban umum")  # 0.73 against the IKU
    assert [p.ke for p in infer_links(weak) if p.dari.startswith("lurah")] == []
    same = _skip_tree("Meningkatnya penyelesaian gangguan ketertiban umum")
    assert [p.ke for p in infer_links(same) if p.dari.startswith("lurah")] == ["S.1.i1"]
