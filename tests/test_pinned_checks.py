"""Every rule's finding pinned whole: code, place, owner, unit, message and hint.

Mutation testing (bench/mutation.py) showed the checks' tests asserting a code and a place,
rarely the words a planner reads or the owner a report groups by: a hint dropped, a
``jabatan=`` lost or a message garbled passed. Two small faulty trees written by hand
trigger most rules; the expected findings are written out in full below.
"""

from __future__ import annotations

from typing import Any

import pytest

import pokin
from pokin.checks import RULES

from .conftest import jab
from .test_checks_years import _realisasi, _replace_kasi, _target, build, last_year

Row = tuple[str, str, str | None, str | None, str, str]

FAULTY = """\
pokin: 1
organisasi:
  nama: Kecamatan Cacat
  pemerintah: Kota Contoh
  tahun: 2024
iku:
- id: S.1
  uraian: Meningkatnya kualitas pelayanan publik
  indikator:
  - id: IKU.1
    uraian: Indeks kepuasan masyarakat
    formulasi: rata-rata nilai SKM
    sumber_data: laporan SKM
    satuan: indeks
    target: '82'
  - id: IKU.2
    uraian: Jumlah kegiatan sosialisasi
jabatan:
- id: camat
  nama: Camat
  peran: camat
  eselon: III.a
  unit: Kecamatan
  kinerja:
  - uraian: Melaksanakan rapat koordinasi
    mendukung: [IKU.1]
    indikator:
    - uraian: Jumlah rapat koordinasi
      formulasi: n/a
      sumber_data: '-'
      target: banyak
    - uraian: Persentase layanan selesai tepat waktu
      formulasi: jumlah layanan tepat waktu
      sumber_data: laporan
      satuan: persen
      target: '150'
    - uraian: Persentase layanan selesai tepat waktu
      formulasi: jumlah layanan tepat waktu dibagi seluruh layanan x 100
      sumber_data: laporan
      satuan: persen
      target: '90'
- id: sekretaris
  nama: Sekretaris
  peran: sekretaris
  unit: Sekretariat
  atasan: camat
  kinerja:
  - uraian: Tersusunnya dokumen perencanaan
    indikator:
    - uraian: Persentase dokumen perencanaan tepat waktu
      formulasi: dokumen tepat waktu dibagi seluruh dokumen x 100%
      sumber_data: arsip
      satuan: persen
      target: '100'
- id: lurah
  nama: Lurah Sukamaju
  peran: lurah
  unit: Kelurahan Sukamaju
- id: kasi
  nama: Kasi Pemerintahan
  peran: kasi
  unit: Seksi Pemerintahan
  atasan: camat
  kinerja:
  - uraian: Meningkatnya tertib administrasi pemerintahan
    mendukung: [camat.k1.i3]
    indikator: []
"""

FAULTY_LINKS = """\
pokin: 1
organisasi:
  nama: Kecamatan Bersilang
  pemerintah: Kota Contoh
jabatan:
- id: sekcam
  nama: Sekretaris Kecamatan
  peran: sekretaris
  unit: Sekretariat
  kinerja:
  - uraian: Meningkatnya akuntabilitas kinerja kecamatan
    indikator:
    - uraian: Nilai SAKIP kecamatan
      formulasi: hasil evaluasi inspektorat
      sumber_data: LHE SAKIP
      satuan: nilai
      target: '70'
      mendukung: [kasubag.k1.i1]
- id: kasubag
  nama: Kasubag Umum
  peran: kasubbag
  unit: Sekretariat
  atasan: sekcam
  kinerja:
  - uraian: Tersedianya laporan kinerja tepat waktu
    mendukung: [sekcam.k1.i1]
    indikator:
    - uraian: Menyusun laporan kinerja
      formulasi: Laporan kinerja
      sumber_data: arsip
      satuan: dokumen
      target: '1'
- id: pengadm
  nama: Pengadministrasi Umum
  peran: pelaksana
  unit: Sekretariat
  atasan: kasubag
  kinerja:
  - uraian: Tertibnya arsip surat masuk
    mendukung: [sekcam.k1.i1]
    indikator:
    - uraian: Persentase surat masuk yang diarsipkan
      formulasi: surat yang diarsipkan / surat masuk x 100%
      sumber_data: buku agenda
      satuan: persen
      target: '100'
- id: kasipem
  nama: Kasi Pemerintahan
  peran: kasi
  unit: Seksi Pemerintahan
  atasan: sekcam
  kinerja:
  - uraian: Meningkatnya tertib administrasi kependudukan
    mendukung:
    - ke: kasubag.k1.i1
    - ke: sekcam.k1.i1
      asal: inferensi
      skor: 0.81
    indikator:
    - uraian: Jumlah dokumen kependudukan yang diterbitkan
      formulasi: jumlah dokumen yang diterbitkan dalam satu tahun
      sumber_data: register
      satuan: dokumen
      target: '1200'
"""

FAULTY_FINDINGS: list[Row] = [
    (
        "PK101",
        "sekretaris.k1",
        "sekretaris",
        "Sekretariat",
        "Sekretaris: kinerja «Tersusunnya dokumen perencanaan» maupun 1 indikatornya tidak "
        "mendukung indikator mana pun yang sampai ke IKU",
        "tambahkan `mendukung: [<id>]` dengan id indikator Camat (camat) yang didukungnya, "
        "atau hapus kinerja ini bila tidak menunjang sasaran apa pun",
    ),
    (
        "PK102",
        "sekretaris",
        "sekretaris",
        "Sekretariat",
        "Sekretaris: kinerjanya tidak sampai ke IKU",
        "jabatan ini sama sekali tidak menunjang sasaran organisasi; tautkan kinerjanya ke "
        "indikator atasannya",
    ),
    (
        "PK201",
        "IKU.2",
        None,
        None,
        "IKU «Jumlah kegiatan sosialisasi» belum diturunkan: tidak ada kinerja Camat yang "
        "mendukungnya",
        "jadikan kinerja jabatan yang bertanggung jawab dan tautkan (`mendukung: [IKU.2]`)",
    ),
    (
        "PK202",
        "camat.k1.i1",
        "camat",
        "Kecamatan",
        "Camat: indikator «Jumlah rapat koordinasi» belum diturunkan: tidak ada bawahan yang "
        "mendukungnya",
        "jadikan kinerja bawahan yang mengerjakannya dan tautkan (`mendukung: [camat.k1.i1]`)",
    ),
    (
        "PK202",
        "camat.k1.i2",
        "camat",
        "Kecamatan",
        "Camat: indikator «Persentase layanan selesai tepat waktu» belum diturunkan: tidak ada "
        "bawahan yang mendukungnya",
        "jadikan kinerja bawahan yang mengerjakannya dan tautkan (`mendukung: [camat.k1.i2]`)",
    ),
    (
        "PK401",
        "lurah",
        "lurah",
        "Kelurahan Sukamaju",
        "Lurah Sukamaju belum memiliki kinerja",
        "tambahkan kinerja dan indikator jabatan ini sesuai keputusan penetapannya",
    ),
    (
        "PK402",
        "kasi.k1",
        "kasi",
        "Seksi Pemerintahan",
        "Kasi Pemerintahan: kinerja «Meningkatnya tertib administrasi pemerintahan» belum "
        "memiliki indikator",
        "tambahkan sekurang-kurangnya satu indikator lengkap dengan formulasi, sumber data, "
        "dan target",
    ),
    (
        "PK403",
        "camat.k1.i3",
        "camat",
        "Kecamatan",
        "Camat: indikator «Persentase layanan selesai tepat waktu» sama dengan camat.k1.i2",
        "gabungkan keduanya, atau ubah rumusan salah satunya bila keduanya mengukur hal yang "
        "berbeda",
    ),
    (
        "PK404",
        "lurah",
        "lurah",
        "Kelurahan Sukamaju",
        "Lurah Sukamaju tidak memiliki atasan, padahal Camat sudah menjadi jabatan puncak",
        "isi `atasan:` (misalnya `atasan: camat`)",
    ),
    (
        "PK501",
        "IKU.2",
        None,
        None,
        "IKU: indikator «Jumlah kegiatan sosialisasi» belum memiliki formulasi (rumus atau "
        "penjelasan)",
        "tambahkan `formulasi:` sesuai keputusan atau perjanjian kinerja",
    ),
    (
        "PK501",
        "camat.k1.i1",
        "camat",
        "Kecamatan",
        "Camat: indikator «Jumlah rapat koordinasi» belum memiliki formulasi (rumus atau "
        "penjelasan)",
        "tambahkan `formulasi:` sesuai keputusan atau perjanjian kinerja",
    ),
    (
        "PK502",
        "IKU.2",
        None,
        None,
        "IKU: indikator «Jumlah kegiatan sosialisasi» belum memiliki sumber data",
        "tambahkan `sumber_data:` sesuai keputusan atau perjanjian kinerja",
    ),
    (
        "PK502",
        "camat.k1.i1",
        "camat",
        "Kecamatan",
        "Camat: indikator «Jumlah rapat koordinasi» belum memiliki sumber data",
        "tambahkan `sumber_data:` sesuai keputusan atau perjanjian kinerja",
    ),
    (
        "PK503",
        "IKU.2",
        None,
        None,
        "IKU: indikator «Jumlah kegiatan sosialisasi» belum memiliki satuan",
        "tambahkan `satuan:` sesuai keputusan atau perjanjian kinerja",
    ),
    (
        "PK503",
        "camat.k1.i1",
        "camat",
        "Kecamatan",
        "Camat: indikator «Jumlah rapat koordinasi» belum memiliki satuan",
        "tambahkan `satuan:` sesuai keputusan atau perjanjian kinerja",
    ),
    (
        "PK504",
        "IKU.2",
        None,
        None,
        "IKU: indikator «Jumlah kegiatan sosialisasi» belum memiliki target",
        "tambahkan `target:` sesuai keputusan atau perjanjian kinerja",
    ),
    (
        "PK505",
        "camat.k1.i1",
        "camat",
        "Kecamatan",
        "Camat: «Jumlah rapat koordinasi» menghitung kegiatan (output), padahal indikator "
        "tingkat eselon III semestinya hasil (outcome)",
        "rumuskan hasil yang dicapai (persentase, indeks, atau tingkat), dan serahkan hitungan "
        "kegiatan kepada staf yang mengerjakannya",
    ),
    (
        "PK702",
        "IKU.2",
        None,
        None,
        "IKU «Jumlah kegiatan sosialisasi» menghitung kegiatan atau produk (output), padahal "
        "IKU semestinya outcome",
        "rumuskan kondisi yang ingin dicapai organisasi (persentase, indeks, nilai, tingkat); "
        "hitungan kegiatan menjadi indikator staf yang mengerjakannya",
    ),
    (
        "PK706",
        "camat.k1.i1",
        "camat",
        "Kecamatan",
        "Camat: target «banyak» indikator «Jumlah rapat koordinasi» bukan angka dan bukan "
        "predikat yang dikenal (AA–D, WTP, Baik, Tepat Waktu ...)",
        "tuliskan satu angka (satuannya di `satuan:`), atau pecah menjadi beberapa indikator "
        "bila targetnya lebih dari satu",
    ),
    (
        "PK707",
        "camat.k1.i2",
        "camat",
        "Kecamatan",
        "Camat: target 150 untuk persentase «Persentase layanan selesai tepat waktu» tidak "
        "mungkin atau tidak bermakna",
        "tetapkan target antara 0 dan 100 persen; bila makin kecil makin baik, isi `polaritas: "
        "turun`",
    ),
    (
        "PK709",
        "camat.k1.i2",
        "camat",
        "Kecamatan",
        "Camat: indikator persentase «Persentase layanan selesai tepat waktu» berformulasi "
        "«jumlah layanan tepat waktu» tanpa pembilang dan penyebut",
        "tuliskan «(jumlah ... yang ...) / (jumlah seluruh ...) × 100%»",
    ),
    (
        "PK710",
        "camat.k1",
        "camat",
        "Kecamatan",
        "Camat: sasaran «Melaksanakan rapat koordinasi» diawali «melaksanakan»: menggambarkan "
        "kegiatan, bukan kondisi yang ingin dicapai",
        "rumuskan sebagai hasil: «Meningkatnya ...», «Terwujudnya ...», «Tersedianya ...»",
    ),
]

FAULTY_LINKS_FINDINGS: list[Row] = [
    (
        "PK103",
        "@organisasi",
        None,
        None,
        "tidak ada IKU: berkas tidak memuat tabel IKU dan tidak ada Camat di puncak; cakupan "
        "dihitung terhadap 1 jabatan tanpa atasan (Sekretaris Kecamatan), seolah-olah "
        "indikatornya adalah IKU",
        "tambahkan tabel IKU kecamatan (`iku:`), atau tambahkan Camat beserta indikatornya dan "
        "jadikan Camat sebagai `atasan` jabatan-jabatan puncak itu",
    ),
    (
        "PK301",
        "kasubag.k1",
        "kasubag",
        "Sekretariat",
        "kinerja/indikator berikut saling mendukung dan membentuk siklus: kasubag.k1, "
        "kasubag.k1.i1, sekcam.k1.i1",
        "hapus tautan yang mengarah balik ke atas di dalam siklus itu",
    ),
    (
        "PK302",
        "pengadm.k1",
        "pengadm",
        "Sekretariat",
        "Pengadministrasi Umum langsung mendukung «Nilai SAKIP kecamatan» milik Sekretaris "
        "Kecamatan, melompati jenjang atasannya (kasubag)",
        "turunkan melalui kasubag: jadikan indikator ini kinerja kasubag, lalu tautkan ke "
        "indikator kinerja itu; atau pastikan lompatan jenjang ini memang disengaja",
    ),
    (
        "PK303",
        "kasipem.k1",
        "kasipem",
        "Seksi Pemerintahan",
        "Kasi Pemerintahan (Seksi Pemerintahan) mendukung «Menyusun laporan kinerja» milik "
        "Kasubag Umum (Sekretariat), di luar garis atasannya",
        "wajar bila pekerjaan itu memang dikerjakan bersama lintas unit; bila tidak, tautkan "
        "ke indikator atasan",
    ),
    (
        "PK304",
        "sekcam.k1.i1",
        "sekcam",
        "Sekretariat",
        "Sekretaris Kecamatan: «Nilai SAKIP kecamatan» mendukung indikator kasubag.k1.i1 milik "
        "bawahannya",
        "arahkan tautan ke indikator atasan",
    ),
    (
        "PK601",
        "kasipem.k1",
        "kasipem",
        "Seksi Pemerintahan",
        "«Meningkatnya tertib administrasi kependudukan» → sekcam.k1.i1: tautan hasil "
        "inferensi (skor 0,81), menunggu pemeriksaan perencana",
        "isi `status: diterima` untuk menyetujui atau `status: ditolak` untuk menolak",
    ),
    (
        "PK703",
        "kasubag.k1.i1",
        "kasubag",
        "Sekretariat",
        "Kasubag Umum: indikator «Menyusun laporan kinerja» diawali kata kerja kegiatan "
        "«menyusun», bukan ukuran hasil",
        "rumuskan sebagai ukuran hasil: «Persentase ...», «Jumlah ... yang ...», «Indeks ...», "
        "«Nilai ...», atau «Tingkat ...»",
    ),
    (
        "PK704",
        "kasipem.k1.i1",
        "kasipem",
        "Seksi Pemerintahan",
        "Kasi Pemerintahan: «Jumlah dokumen kependudukan yang diterbitkan» menghitung kegiatan "
        "atau produk, padahal indikator ini pada level Immediate Outcome (diturunkan dari "
        "peran kasi)",
        "ukur kondisi yang dihasilkan (persentase ... yang ..., tingkat ...); hitungan produk "
        "menjadi indikator staf, atau tulis `level_hasil: output` bila jabatan ini memang "
        "pemilik output",
    ),
    (
        "PK705",
        "kasubag.k1.i1",
        "kasubag",
        "Sekretariat",
        "Kasubag Umum: formulasi «Laporan kinerja» untuk indikator «Menyusun laporan kinerja» "
        "tidak menyebut cara menghitung",
        "tuliskan rumus atau cara hitungnya, misalnya «jumlah ... yang ... / jumlah ... × "
        "100%» atau «jumlah ... yang diselesaikan dalam satu tahun»",
    ),
    (
        "PK705",
        "sekcam.k1.i1",
        "sekcam",
        "Sekretariat",
        "Sekretaris Kecamatan: formulasi «hasil evaluasi inspektorat» untuk indikator «Nilai "
        "SAKIP kecamatan» tidak menyebut cara menghitung",
        "tuliskan rumus atau cara hitungnya, misalnya «jumlah ... yang ... / jumlah ... × "
        "100%» atau «jumlah ... yang diselesaikan dalam satu tahun»",
    ),
    (
        "PK708",
        "@organisasi",
        None,
        None,
        "Kecamatan Bersilang: tahun atau periode perjanjian kinerja tidak disebut, sehingga "
        "target tidak berbatas waktu",
        "isi `organisasi.tahun:` (misalnya 2024) atau `organisasi.periode:`",
    ),
]


def rows(findings: Any) -> list[Row]:
    return sorted((f.code, f.where, f.jabatan, f.unit, f.message, f.hint) for f in findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(FAULTY, FAULTY_FINDINGS), (FAULTY_LINKS, FAULTY_LINKS_FINDINGS)],
    ids=["reach-completeness-wording", "links-levels"],
)
def test_every_finding_of_a_faulty_tree(text: str, expected: list[Row]) -> None:
    assert rows(pokin.check(pokin.loads(text))) == expected


def _iku(target: str | None = None, realisasi: str | None = None, polaritas: str = "naik") -> Any:
    def mutate(d: dict[str, Any]) -> None:
        ind = {"id": "IKU.1", "uraian": "Indeks kepuasan masyarakat", "polaritas": polaritas}
        ind.update({k: v for k, v in (("target", target), ("realisasi", realisasi)) if v})
        d["iku"] = [{"id": "S.1", "uraian": "Meningkatnya pelayanan publik", "indikator": [ind]}]
        jab(d, "camat")["kinerja"][0]["mendukung"] = ["S.1"]

    return mutate


RISING = "tetapkan target sekurang-kurangnya setara realisasi tahun lalu"
FALLING = (
    "untuk indikator yang makin kecil makin baik, tetapkan target paling tinggi setara "
    "realisasi tahun lalu"
)


def test_pk802_on_an_iku_of_the_table_has_no_owner() -> None:
    new, old = build(_iku(target="80,5")), last_year(_iku(realisasi="1.082"))
    assert rows(pokin.check(new, previous=old, select="PK802")) == [
        (
            "PK802",
            "IKU.1",
            None,
            None,
            "IKU: target «Indeks kepuasan masyarakat» 80,5 di bawah realisasi tahun lalu 1.082",
            RISING,
        )
    ]
    new, old = build(_iku("14", polaritas="turun")), last_year(_iku(None, "12", "turun"))
    assert rows(pokin.check(new, previous=old, select="PK802")) == [
        (
            "PK802",
            "IKU.1",
            None,
            None,
            "IKU: target «Indeks kepuasan masyarakat» 14 di atas realisasi tahun lalu 12",
            FALLING,
        )
    ]


def test_pk802_and_pk803_findings_whole() -> None:
    new, old = build(_target("14", "turun")), last_year(_realisasi("12"))
    assert rows(pokin.check(new, previous=old, select="PK802")) == [
        (
            "PK802",
            "sekretaris.k1.i1",
            "sekretaris",
            "Sekretariat",
            "Sekretaris: target «Persentase dokumen administrasi selesai» 14 di atas realisasi "
            "tahun lalu 12",
            FALLING,
        )
    ]
    assert rows(pokin.check(build(_replace_kasi), previous=last_year(), select="PK803")) == [
        (
            "PK803",
            "kasi",
            "kasi",
            "Seksi Pelayanan",
            "Kasi Pelayanan: tidak satu pun dari 1 indikator tahun lalu dipertahankan "
            "(1 dirumuskan ulang, 1 baru)",
            "pertahankan indikator yang masih relevan agar realisasinya dapat dibandingkan "
            "antartahun; bila memang berganti, jelaskan alasannya di `catatan`",
        )
    ]


@pytest.mark.parametrize(
    ("code", "judul", "name", "severity"),
    [
        ("PK101", "Kinerja tidak sampai ke IKU (yatim)", "orphan-kinerja", "error"),
        ("PK501", "Indikator tanpa formulasi", "no-formulasi", "warning"),
        ("PK801", "IKU berubah dalam satu periode Renstra", "iku-churn", "warning"),
        ("PK802", "Target di bawah realisasi tahun lalu", "target-below-last-realisasi", "warning"),
        ("PK803", "Semua indikator jabatan berganti", "all-indikator-changed", "warning"),
    ],
)
def test_rule_catalogue_entries(code: str, judul: str, name: str, severity: str) -> None:
    rule = RULES[code]
    assert (rule.code, rule.judul, rule.name, str(rule.severity)) == (code, judul, name, severity)
    assert (rule.compare is not None) == code.startswith("PK8")


def test_a_cycle_of_eight_members_is_listed_whole() -> None:
    ring = "pokin: 1\norganisasi: {nama: K, pemerintah: P, tahun: 2024}\njabatan:\n" + "".join(
        f"- id: j{i}\n  nama: J{i}\n  peran: kasi\n  unit: U{i}\n  kinerja:\n"
        f"  - uraian: Meningkatnya hasil {i}\n    mendukung: [j{i % 4 + 1}.k1.i1]\n"
        f"    indikator:\n    - uraian: Persentase hasil {i}\n"
        for i in range(1, 5)
    )
    (found,) = pokin.check(pokin.loads(ring), select="PK301")
    assert (found.where, found.message) == (
        "j1.k1",
        "kinerja/indikator berikut saling mendukung dan membentuk siklus: j1.k1, j1.k1.i1, "
        "j2.k1, j2.k1.i1, j3.k1, j3.k1.i1, j4.k1, j4.k1.i1",
    )


STAF_FIRST = """\
pokin: 1
organisasi: {nama: K, pemerintah: P, tahun: 2024}
iku:
- id: S.1
  uraian: Melaksanakan pelayanan administrasi terpadu
  indikator:
  - id: IKU.1
    uraian: Indeks kepuasan masyarakat
    formulasi: jumlah nilai dibagi jumlah responden
    sumber_data: SKM
    satuan: indeks
    target: '80'
jabatan:
- id: staf
  nama: Staf
  peran: pelaksana
  unit: Sekretariat
  atasan: camat
  kinerja:
  - uraian: Tertibnya arsip
    mendukung: [camat.k1.i1]
    indikator:
    - uraian: Persentase arsip tertib
      formulasi: arsip tertib dibagi seluruh arsip x 100%
      sumber_data: buku
      satuan: persen
      target: '100'
- id: camat
  nama: Camat
  peran: camat
  unit: Kecamatan
  kinerja:
  - uraian: Meningkatnya pelayanan
    mendukung: [IKU.1]
    indikator:
    - uraian: Persentase arsip kecamatan yang tertib
      formulasi: arsip tertib dibagi seluruh arsip x 100%
      sumber_data: buku
      satuan: persen
      target: '100'
    - uraian: Persentase layanan selesai tepat waktu
      formulasi: jumlah layanan yang diselesaikan tepat waktu sesuai SOP
      sumber_data: register
      satuan: persen
      target: '90'
"""


def test_staf_listed_first_an_activity_sasaran_and_a_long_formula() -> None:
    """A position without subordinates listed first does not end the PK202 search; an
    IKU sasaran worded as an activity is PK710; a long formula is cut at 40 characters."""
    findings = pokin.check(pokin.loads(STAF_FIRST), select=["PK202", "PK709", "PK710"])
    assert rows(findings) == [
        (
            "PK202",
            "camat.k1.i2",
            "camat",
            "Kecamatan",
            "Camat: indikator «Persentase layanan selesai tepat waktu» belum diturunkan: "
            "tidak ada bawahan yang mendukungnya",
            "jadikan kinerja bawahan yang mengerjakannya dan tautkan (`mendukung: [camat.k1.i2]`)",
        ),
        (
            "PK709",
            "camat.k1.i2",
            "camat",
            "Kecamatan",
            "Camat: indikator persentase «Persentase layanan selesai tepat waktu» berformulasi "
            "«jumlah layanan yang diselesaikan tepat…» tanpa pembilang dan penyebut",
            "tuliskan «(jumlah ... yang ...) / (jumlah seluruh ...) × 100%»",
        ),
        (
            "PK710",
            "S.1",
            None,
            None,
            "IKU: sasaran «Melaksanakan pelayanan administrasi terpadu» diawali «melaksanakan»: "
            "menggambarkan kegiatan, bukan kondisi yang ingin dicapai",
            "rumuskan sebagai hasil: «Meningkatnya ...», «Terwujudnya ...», «Tersedianya ...»",
        ),
    ]
