"""Each restatement pattern of issue 11, invented in the decrees' style, in one tree.

The Camat holds one indicator per pattern; a Kasi restates each in a kinerja of its own.
Every kinerja must be linked to its own indicator and to no other: the other indicators
are its distractors. Texts are made up for these tests (none comes from the seeds).
"""

from __future__ import annotations

from typing import Any

import pytest

from pokin import PohonKinerja
from pokin.link import infer_links, review, suggest_links
from pokin.link.explain import describe
from pokin.link.text import phrase

# (pattern, the Camat's indicator, the Kasi's kinerja restating it)
PATTERNS = [
    (
        "kata kerja ditambah",
        "Persentase arsip tertata sesuai klasifikasi",
        "Menata arsip sesuai klasifikasi",
    ),
    (
        "kata kerja diganti",
        "Melaksanakan pendataan penduduk rentan",
        "Menyiapkan pendataan penduduk rentan",
    ),
    (
        "bentuk jamak",
        "Jumlah dokumen-dokumen perizinan usaha mikro",
        "Terverifikasinya dokumen perizinan usaha mikro",
    ),
    (
        "Meningkatnya X",
        "Kualitas pelayanan administrasi kependudukan",
        "Meningkatnya kualitas pelayanan administrasi kependudukan",
    ),
    (
        "ejaan",
        "Terjaganya ketentraman warga pada malam hari",
        "Terjaganya ketenteraman warga pada malam hari",
    ),
    (
        "trantibum",
        "Persentase penyelesaian gangguan trantibum",
        "Terselesaikannya gangguan ketenteraman dan ketertiban umum",
    ),
    (
        "SKM",
        "Nilai SKM unit layanan terpadu",
        "Terlaksananya survei kepuasan masyarakat unit layanan terpadu",
    ),
    (
        "IKM",
        "Indeks Kepuasan Masyarakat terhadap layanan kependudukan",
        "Meningkatnya IKM layanan kependudukan",
    ),
    (
        "PATEN",
        "Jumlah berkas PATEN yang diselesaikan",
        "Diselesaikannya berkas Pelayanan Administrasi Terpadu Kecamatan",
    ),
    (
        "BUMDes",
        "Jumlah BUMDes berbadan hukum",
        "Meningkatnya badan usaha milik desa berbadan hukum",
    ),
    (
        "Musrenbang",
        "Persentase usulan musyawarah perencanaan pembangunan yang diakomodir",
        "Terakomodirnya usulan Musrenbang",
    ),
    (
        "tanpa yang",
        "Jumlah pedagang kaki lima yang ditertibkan",
        "Ditertibkannya pedagang kaki lima",
    ),
    (
        "satu butir daftar",
        "Jumlah pembinaan posyandu, lembaga adat, karang taruna dan linmas",
        "Terbinanya karang taruna",
    ),
    (
        "klausa tujuan (dalam rangka)",
        "Persentase sengketa tanah yang dimediasi",
        "Termediasinya sengketa tanah warga dalam rangka menjaga kerukunan",
    ),
    (
        "klausa cara (melalui)",
        "Jumlah kampung tangguh bencana yang terbentuk",
        "Terbentuknya kampung tangguh bencana melalui pelatihan relawan",
    ),
    (
        "klausa guna",
        "Persentase kendaraan dinas yang terawat",
        "Terawatnya kendaraan dinas guna menunjang mobilitas pegawai",
    ),
    (
        "klausa sesuai",
        "Jumlah izin reklame yang diverifikasi",
        "Terverifikasinya izin reklame sesuai peraturan bupati",
    ),
    (
        "urutan kata ditukar",
        "Jumlah pelatihan kader posbindu dan remaja masjid",
        "Terlatihnya remaja masjid dan kader posbindu",
    ),
    (
        "butir daftar ditambah",
        "Jumlah pasar desa yang direvitalisasi",
        "Terevitalisasinya pasar desa dan kios kuliner",
    ),
    (
        "angka ditulis huruf",
        "Persentase akta kelahiran terbit dalam 3 hari kerja",
        "Terbitnya akta kelahiran dalam tiga hari kerja",
    ),
    (
        "seratus persen",
        "Persentase rumah ibadah yang terdata",
        "Terdatanya seratus persen rumah ibadah",
    ),
    (
        "tempat dilepas, butir ditambah",
        "Jumlah pendampingan penyusunan profil desa di wilayah kerja kecamatan",
        "Terlaksananya verifikasi data, pendampingan dan asistensi penyusunan profil desa",
    ),
    (
        "program kerja",
        "Jumlah program sanitasi yang dievaluasi",
        "Terevaluasinya program kerja sanitasi",
    ),
]


def _ind(uraian: str) -> dict[str, Any]:
    return {"uraian": uraian, "formulasi": "jumlah", "sumber_data": "laporan", "target": "1"}


def _tree(extra: list[dict[str, Any]] | None = None) -> PohonKinerja:
    staff = [
        {  # "Jumlah laporan" copied by every staff position: weak evidence, not a link
            "id": f"staf-{n}",
            "nama": f"Pengadministrasi {n}",
            "peran": "pelaksana",
            "unit": "Seksi Pemerintahan",
            "atasan": "kasi",
            "kinerja": [
                {
                    "uraian": f"Terlaksananya tugas harian ke-{n}",
                    "indikator": [_ind("Jumlah laporan")],
                }
            ],
        }
        for n in range(1, 7)
    ]
    data = {
        "pokin": 1,
        "organisasi": {"nama": "Kecamatan Karangsari", "pemerintah": "Kabupaten Contoh"},
        "jabatan": [
            {
                "id": "camat",
                "nama": "Camat",
                "peran": "camat",
                "unit": "Kecamatan Karangsari",
                "kinerja": [
                    {
                        "uraian": "Meningkatnya kualitas penyelenggaraan pemerintahan",
                        "indikator": [_ind(parent) for _, parent, _ in PATTERNS]
                        + [_ind("Jumlah laporan")],
                    }
                ],
            },
            {
                "id": "kasi",
                "nama": "Kasi Pemerintahan",
                "peran": "kasi",
                "unit": "Seksi Pemerintahan",
                "atasan": "camat",
                "kinerja": [
                    {"uraian": child, "indikator": [_ind("Jumlah laporan")]}
                    for _, _, child in PATTERNS
                ],
            },
            *staff,
            *(extra or []),
        ],
    }
    return PohonKinerja.model_validate(data)


@pytest.mark.parametrize(("n", "pattern"), [(n, p[0]) for n, p in enumerate(PATTERNS, 1)])
def test_each_restatement_is_proposed_to_its_own_indicator_only(n: int, pattern: str) -> None:
    mine = (f"kasi.k{n}", *(f"kasi.k{n}.i{i}" for i in range(1, 3)))
    found = {p.ke for p in infer_links(_tree()) if p.dari in mine}
    assert found == {f"camat.k1.i{n}"}, pattern


def test_generic_rows_copied_everywhere_are_not_linked() -> None:
    proposals = infer_links(_tree())
    assert not [p for p in proposals if p.ke == f"camat.k1.i{len(PATTERNS) + 1}"]
    assert not [p for p in proposals if p.dari.startswith("staf-")]


def test_every_proposal_says_why_in_indonesian() -> None:
    for proposal in infer_links(_tree()):
        assert proposal.alasan.startswith(("teks sama", "mirip dengan")), proposal


def test_a_list_item_kept_is_said() -> None:
    _, parent, child = next(p for p in PATTERNS if p[0] == "satu butir daftar")
    notes = describe(phrase(child), phrase(parent))
    assert any(n.startswith("hanya sebagian daftar di sana yang dimuat") for n in notes)


def test_texts_about_ones_own_staff_are_never_linked() -> None:
    row = "Jumlah jadwal evaluasi berkala pelaksanaan tugas bawahan"
    kasubbag = {
        "id": "sekretaris",
        "nama": "Sekretaris",
        "peran": "sekretaris",
        "unit": "Sekretariat",
        "atasan": "camat",
        "kinerja": [{"uraian": "Terlaksananya evaluasi tugas bawahan", "indikator": [_ind(row)]}],
    }
    tree = _tree([kasubbag])
    data = tree.model_dump(mode="json", exclude_none=True)
    data["jabatan"][0]["kinerja"][0]["indikator"].append(_ind(row))
    proposals = infer_links(PohonKinerja.model_validate(data))
    assert not [p for p in proposals if p.dari.startswith("sekretaris")]


# -- links by meaning only ------------------------------------------------------------------

MEANING = {
    "pramu-kantor.k1": ("Tersedianya sarana kantor yang memadai", "kasi-pelayanan.k1.i2"),
    "pramu-kantor.k2": ("Terpeliharanya kebersihan ruang tunggu", "kasi-pelayanan.k1.i2"),
    "operator.k1": ("Terinputnya data penduduk pindah datang", "kasi-pelayanan.k1.i1"),
}


def _meaning_tree() -> PohonKinerja:
    staff = [
        {
            "id": jid,
            "nama": jid.title(),
            "peran": "pelaksana",
            "unit": "Seksi Pelayanan",
            "atasan": "kasi-pelayanan",
            "kinerja": [
                {"uraian": text, "indikator": [_ind("Jumlah laporan")]}
                for key, (text, _) in MEANING.items()
                if key.startswith(jid)
            ],
        }
        for jid in ("pramu-kantor", "operator")
    ]
    kasi = {
        "id": "kasi-pelayanan",
        "nama": "Kasi Pelayanan",
        "peran": "kasi",
        "unit": "Seksi Pelayanan",
        "kinerja": [
            {
                "uraian": "Meningkatnya kualitas pelayanan kependudukan",
                "indikator": [
                    _ind("Persentase dokumen kependudukan selesai dalam satu hari"),
                    _ind("Nilai kepuasan masyarakat atas pelayanan"),
                    _ind("Jumlah pengaduan pelayanan yang ditindaklanjuti"),
                    _ind("Persentase pegawai yang mengikuti pelatihan"),
                ],
            }
        ],
    }
    data = {"pokin": 1, "organisasi": {"nama": "Kecamatan Karangsari"}, "jabatan": [kasi, *staff]}
    return PohonKinerja.model_validate(data)


def test_links_by_meaning_only_are_suggested_never_proposed() -> None:
    tree = _meaning_tree()
    assert infer_links(tree) == []
    suggestions = suggest_links(tree)
    for kinerja, (_, parent) in MEANING.items():
        ranked = [s for s in suggestions if s.dari == kinerja]
        assert [s.peringkat for s in ranked] == [1, 2, 3]
        assert parent in [s.ke for s in ranked], kinerja
        assert all(s.alasan.startswith("indikator atasan «") for s in ranked)


def test_a_rejected_suggestion_is_never_suggested_nor_proposed_again() -> None:
    tree = _meaning_tree()
    (first,) = [s for s in suggest_links(tree) if s.dari == "operator.k1" and s.peringkat == 1]
    rejected = review(tree, first.dari, first.ke, diterima=False)
    again = suggest_links(rejected)
    assert first.ke not in [s.ke for s in again if s.dari == "operator.k1"]
    text = rejected.model_dump(mode="json", exclude_none=True)
    links = text["jabatan"][2]["kinerja"][0]["mendukung"]
    assert links == [{"ke": first.ke, "asal": "inferensi", "status": "ditolak"}]
    # the same pair from the kinerja's indicator is not proposed either
    data = rejected.model_dump(mode="json", exclude_none=True)
    data["jabatan"][2]["kinerja"][0]["indikator"][0]["uraian"] = (
        "Jumlah dokumen kependudukan selesai dalam satu hari"
    )
    assert not [p for p in infer_links(PohonKinerja.model_validate(data)) if p.ke == first.ke]


def test_an_accepted_suggestion_is_a_link_and_leaves_the_kinerja_alone() -> None:
    tree = review(_meaning_tree(), "operator.k1", "kasi-pelayanan.k1.i1", diterima=True)
    (link,) = tree.get_jabatan("operator").kinerja[0].mendukung
    assert (link.ke, link.status.value, link.active) == ("kasi-pelayanan.k1.i1", "diterima", True)
    assert not [s for s in suggest_links(tree) if s.dari == "operator.k1"]
    assert not [p for p in infer_links(tree) if p.dari.startswith("operator.k1")]
    with pytest.raises(KeyError, match="nowhere"):
        review(tree, "nowhere.k1", "kasi-pelayanan.k1.i1", diterima=True)


def _generic_office(topics: list[str]) -> list[dict[str, Any]]:
    """A Sekretaris whose only indicator is a generic row, and a staff position per topic
    whose kinerja holds that row's words among words of its own."""
    staff = [
        {
            "id": f"pelaksana-{n}",
            "nama": f"Pelaksana {n}",
            "peran": "pelaksana",
            "unit": "Sekretariat",
            "atasan": "sekretaris",
            "kinerja": [{"uraian": f"Terlaksananya kegiatan {topic}"}],
        }
        for n, topic in enumerate(topics, 1)
    ]
    head = {
        "id": "sekretaris",
        "nama": "Sekretaris Kecamatan",
        "peran": "sekretaris",
        "unit": "Sekretariat",
        "atasan": "camat",
        "kinerja": [
            {
                "uraian": "Tertibnya administrasi sekretariat",
                "indikator": [_ind("Jumlah kegiatan yang dilaksanakan")],
            }
        ],
    }
    return [head, *staff]


def test_a_generic_row_held_by_many_kinerja_is_not_linked(monkeypatch: Any) -> None:
    """ "Jumlah kegiatan yang dilaksanakan" is held whole by every "Terlaksananya kegiatan
    ..." below it: holding it proves nothing (pokin.link.holds.GENERIC)."""
    tree = _tree(_generic_office(["posyandu", "pemilu", "kerja bakti", "bazar"]))
    assert not [p for p in infer_links(tree) if p.ke == "sekretaris.k1.i1"]
    monkeypatch.setattr("pokin.link.holds.GENERIC", 100)  # without the guard: linked
    assert [p for p in infer_links(tree) if p.ke == "sekretaris.k1.i1"]


def test_numbers_written_as_words_read_as_digits() -> None:
    from pokin.link.lexicon import DEFAULT
    from pokin.link.numbers import numbers

    assert phrase("dalam satu hari kerja").words == phrase("dalam 1 hari kerja").words
    assert numbers(["seratus", "dua", "puluh", "lima", "rumah"], DEFAULT.bilangan)[0] == "125"
    assert numbers(["dua", "ribu", "rumah"], DEFAULT.bilangan)[0] == "2000"
    assert numbers(["dua", "belas", "rumah"], DEFAULT.bilangan)[0] == "12"
    # a number, written either way, is no word of the text (no evidence of a link)
    assert phrase("seratus dua puluh lima rumah").words == {"rumah"}


def test_a_clause_is_read_apart_and_about_the_unit_of_its_sentence() -> None:
    p = phrase("Tersusunnya rencana Subbagian Umum dengan cara menjabarkan program kerja")
    assert [sorted(part.words) for part in p.parts] == [
        ["rencana", "subbagian", "umum"],
        ["program"],  # "program kerja" is a program (the lexicon's ejaan)
    ]
    assert p.parts[1].subject == {"subbagian"}  # named in the sentence, not the clause
    assert phrase("Terselesaikannya surat dalam satu hari").parts == ()  # "dalam" alone


def test_two_words_the_lexicon_reads_as_one() -> None:
    """ "program kerja" is a program; "di wilayah kerja Kecamatan" says where, as "di wilayah
    Kecamatan" does (``ejaan`` keys of two words); "kinerja" stays content."""
    assert phrase("Terevaluasinya program kerja sanitasi").words == {"program", "sanitasi"}
    assert (
        phrase("Jumlah patroli di wilayah kerja kecamatan").words
        == phrase("Jumlah patroli di wilayah kecamatan").words
    )
    assert "kerja" in phrase("Tersusunnya laporan kinerja").words
    assert (  # PBB-P2, read as "pbb", "p", "2"
        phrase("Meningkatnya realisasi PBB-P2 Kelurahan").words
        == phrase("Realisasi Pajak Bumi dan Bangunan Perdesaan dan Perkotaan Kelurahan").words
    )
    assert phrase("Sub Bagian Umum").words == phrase("Subbagian Umum").words


def test_a_generic_row_is_suggested_below_a_specific_one() -> None:
    """ "Jumlah kegiatan yang dilaksanakan", whose words every "Terlaksananya kegiatan ..."
    below holds, ranks below the Sekretaris's specific indicator sharing a word with the
    kinerja (it was first: a short text wins a cosine)."""
    office = _generic_office(["posyandu", "pemilu", "kerja bakti", "bazar"])
    office[0]["kinerja"][0]["indikator"].append(
        _ind("Nilai kepuasan masyarakat terhadap layanan sekretariat")
    )
    office[1]["kinerja"][0]["uraian"] = "Terlaksananya kegiatan layanan keliling posyandu"
    ranked = [s.ke for s in suggest_links(_tree(office)) if s.dari == "pelaksana-1.k1"]
    generic = ranked.index("sekretaris.k1.i1") if "sekretaris.k1.i1" in ranked else len(ranked)
    assert ranked.index("sekretaris.k1.i2") < generic  # before: the generic row first


def _boilerplate_office(row: str) -> list[dict[str, Any]]:
    """A Sekretaris, a Kasi and a Kasi's staff each holding ``row`` word for word, as the
    Camat does (the Camat's row is appended by the caller)."""

    def position(jid: str, peran: str, atasan: str, kinerja: str) -> dict[str, Any]:
        return {
            "id": jid,
            "nama": jid.replace("-", " ").title(),
            "peran": peran,
            "unit": "Sekretariat" if jid == "sekretaris" else "Seksi Ekonomi",
            "atasan": atasan,
            "kinerja": [{"uraian": kinerja, "indikator": [_ind(row)]}],
        }

    return [
        position("sekretaris", "sekretaris", "camat", "Tertibnya tata naskah dinas"),
        position("kasi-ekonomi", "kasi", "camat", "Meningkatnya omzet pasar desa"),
        position("staf-ekonomi", "pelaksana", "kasi-ekonomi", "Terdatanya lapak pasar desa"),
    ]


def _with_camat_row(office: list[dict[str, Any]], row: str) -> PohonKinerja:
    tree = _tree(office)
    data = tree.model_dump(mode="json", exclude_none=True)
    camat = next(j for j in data["jabatan"] if j["id"] == "camat")
    camat["kinerja"][0]["indikator"].append(_ind(row))
    return PohonKinerja.model_validate(data)


def test_boilerplate_copied_by_every_kind_of_post_is_held_back(monkeypatch: Any) -> None:
    """ "Jumlah rapat staf yang dibuat" in the Camat's, the Sekretaris's, a Kasi's and a
    staff table is boilerplate: the copies are held back as template rows (they were
    linked by identical text), and proposed with template=True, the reason saying so.
    Too few positions stand below for the generic guard to see it."""
    row = "Jumlah rapat staf yang dilaksanakan"
    tree = _with_camat_row(_boilerplate_office(row), row)
    mine = ("sekretaris", "kasi-ekonomi", "staf-ekonomi")
    proposals = infer_links(tree)
    assert not [p for p in proposals if p.dari.startswith(mine)]
    assert proposals.ditahan == 3
    shown = [p for p in infer_links(tree, template=True) if p.dari.startswith(mine)]
    assert len(shown) == 3
    assert all("baris umum, sama persis di berbagai jenis jabatan" in p.alasan for p in shown)
    monkeypatch.setattr("pokin.link.copies.BOILERPLATE_KINDS", 5)  # the guard off: linked
    assert len([p for p in infer_links(tree) if p.dari.startswith(mine)]) == 3


def test_a_specific_row_copied_by_every_kind_of_post_stays_linked() -> None:
    """The same chart copying the Camat's specific indicator word for word: the cascade
    (DOMAIN: staff carry their superior's indicator), whatever kinds of post copy it."""
    row = "Persentase pedagang pasar desa yang memiliki izin usaha mikro"
    tree = _with_camat_row(_boilerplate_office(row), row)
    found = {(p.dari, p.ke) for p in infer_links(tree)}
    assert ("sekretaris.k1.i1", f"camat.k1.i{len(PATTERNS) + 2}") in found
    assert ("kasi-ekonomi.k1.i1", f"camat.k1.i{len(PATTERNS) + 2}") in found
    assert ("staf-ekonomi.k1.i1", "kasi-ekonomi.k1.i1") in found


def _qualified_office(staff_kinerja: str) -> list[dict[str, Any]]:
    """A Kasi measuring what is said of a noun ("... binaan yang memperoleh sertifikat"),
    and a staff position under it with ``staff_kinerja``."""
    return [
        {
            "id": "kasi-ekonomi",
            "nama": "Kasi Ekonomi",
            "peran": "kasi",
            "unit": "Seksi Ekonomi",
            "atasan": "camat",
            "kinerja": [
                {
                    "uraian": "Meningkatnya daya saing kelompok tani",
                    "indikator": [
                        _ind("Jumlah kelompok tani binaan yang memperoleh sertifikat organik")
                    ],
                }
            ],
        },
        {
            "id": "staf-ekonomi",
            "nama": "Pengelola Ekonomi",
            "peran": "pelaksana",
            "unit": "Seksi Ekonomi",
            "atasan": "kasi-ekonomi",
            "kinerja": [{"uraian": staff_kinerja}],
        },
    ]


def test_a_noun_held_without_what_the_parent_says_of_it_is_no_list_item() -> None:
    """ "kelompok tani binaan yang memperoleh sertifikat organik" is one noun phrase: a
    child holding "kelompok tani binaan" and nothing of what the parent measures of it
    keeps no item of a list (it was linked at 0.96 as "one item of the list kept")."""
    parent = phrase("Jumlah kelompok tani binaan yang memperoleh sertifikat organik")
    assert parent.qualifies == (False, True)
    tree = _tree(_qualified_office("Terdampinginya kelompok tani binaan"))
    assert not [p for p in infer_links(tree) if p.dari.startswith("staf-ekonomi")]


def test_a_noun_held_with_part_of_what_is_said_of_it_still_links() -> None:
    """The child keeping the noun and part of the clause ("... yang memperoleh
    sertifikat", the kind of certificate left out) restates the parent."""
    tree = _tree(_qualified_office("Terdatanya kelompok tani binaan yang memperoleh sertifikat"))
    found = {p.ke for p in infer_links(tree) if p.dari == "staf-ekonomi.k1"}
    assert found == {"kasi-ekonomi.k1.i1"}
