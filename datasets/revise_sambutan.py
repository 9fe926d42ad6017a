"""Write datasets/sambutan-2024.yaml: Sambutan's 2023 tree revised as a kecamatan revises its
IKI decree for the next year.

No 2024 decree of Sambutan is bundled: this revision is INVENTED, to show and test what
``pokin diff`` and the checks across years find in the changes a real revision makes. Each
edit below is one such change, with the reason a planner would have. Run it from the
repository root (``python datasets/revise_sambutan.py``); the tests fail when the stored
file differs from what it writes.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pokin import Kinerja, PohonKinerja, Tautan, dumps, load  # noqa: E402
from pokin.models import Jabatan, Periode  # noqa: E402

HEADER = """\
# Pohon kinerja dataset (pokin format version 1, see docs/format.md):
# Kecamatan Sambutan, Kota Samarinda, year 2024: an INVENTED revision of sambutan-2023.
#
# No 2024 decree of Sambutan is bundled. This file is written by
# datasets/revise_sambutan.py from sambutan-2023.yaml, applying the changes a yearly
# revision of an IKI decree makes (each one explained there): a renamed seksi, two staff
# positions merged, reworded indicators, new targets with quarterly targets and last
# year's realisasi, links that close the gaps of 2023, one position removed.
# `pokin diff sambutan-2023 sambutan-2024` lists them; `pokin check sambutan-2024
# --previous sambutan-2023` runs the checks across years. Do not edit by hand: edit the
# script and run it again.

"""


def _organisasi(tree: PohonKinerja) -> None:
    """The new year's decree, within the 2021-2026 Renstra."""
    org = tree.organisasi
    org.tahun = 2024
    org.periode = "2021-2026"
    assert org.dokumen is not None
    org.dokumen.judul = "Indikator Kinerja Individu Kecamatan Sambutan Tahun 2024"
    org.dokumen.tanggal = datetime.date(2024, 1, 5)
    org.dokumen.sumber = None
    org.catatan = (
        "An invented revision of sambutan-2023 (no 2024 decree is bundled), written by "
        "datasets/revise_sambutan.py to show pokin diff and the checks across years."
    )


def _renumber(jabatan: Jabatan) -> None:
    for n, kinerja in enumerate(jabatan.kinerja, 1):
        kinerja.id = f"{jabatan.id}.k{n}"
        for m, indikator in enumerate(kinerja.indikator, 1):
            indikator.id = f"{kinerja.id}.i{m}"


def _rename_seksi(tree: PohonKinerja) -> None:
    """The Perwali on the kecamatan's structure renamed the Seksi Kebersihan dan
    Lingkungan Hidup; the decree's import gives the Kasi a new id. Its kinerja, copies of
    its fungsi in 2023 and linked to nothing, become results that support the Camat's
    prasarana indicator, measured by the share of active Kampung Salai and Bank Ramli."""
    kasi = tree.get_jabatan("kasi-kebersihan-lh")
    kasi.id = "kasi-lingkungan-hidup-kebersihan"
    kasi.nama = "Kasi Lingkungan Hidup dan Kebersihan"
    kasi.unit = "Seksi Lingkungan Hidup dan Kebersihan"
    k1, k2 = kasi.kinerja
    k1.uraian = "Meningkatnya peran serta masyarakat dalam kebersihan dan lingkungan hidup"
    k1.mendukung = [Tautan(ke="camat.k4.i1")]
    salai, ramli = k1.indikator
    salai.uraian = "Persentase Kampung Salai yang aktif di tiap Kelurahan"
    salai.formulasi = "Jumlah Kampung Salai yang aktif / jumlah Kampung Salai x 100%"
    ramli.uraian = "Persentase Bank Ramli yang aktif"
    ramli.formulasi = "Jumlah Bank Ramli yang aktif / jumlah Bank Ramli x 100%"
    for indikator, target in zip(k1.indikator, ("80", "75"), strict=True):
        indikator.satuan, indikator.target = "persen", target
    k2.uraian = "Meningkatnya pemilahan sampah dan barang bekas di wilayah Kecamatan"
    k2.mendukung = [Tautan(ke="camat.k4.i1")]
    pilah = k2.indikator[0]
    pilah.uraian = "Persentase barang bekas yang terpilah melalui Bank Ramli"
    pilah.formulasi = "Berat barang bekas terpilah / berat barang bekas diserahkan x 100%"
    pilah.satuan, pilah.target = "persen", "70"
    _renumber(kasi)


def _merge_pemerintahan(tree: PohonKinerja) -> None:
    """The two staff of the Seksi Pemerintahan did the same work (the same kinerja, word
    for word, and counterpart indicators): one position, the Pengelola, takes both
    indicator sets; the Pengadministrasi's post is dropped."""
    keep = tree.get_jabatan("pengelola-administrasi-pemerintahan")
    gone = tree.get_jabatan("pengadministrasi-pemerintahan")
    keep.kinerja[0].indikator.append(gone.kinerja[0].indikator[0].model_copy())
    keep.kinerja[0].indikator[-1].id = None
    tree.jabatan.remove(gone)
    _renumber(keep)


def _drop_keamanan(tree: PohonKinerja) -> None:
    """Office security is contracted out in 2024: the Petugas Keamanan's post is gone."""
    tree.jabatan.remove(tree.get_jabatan("petugas-keamanan"))


def _reword(tree: PohonKinerja) -> None:
    """The SKM is reported as an index (Indeks Kepuasan Masyarakat, PermenPAN-RB 14/2017);
    two staff indicators are rewritten as results."""
    camat = tree.get_jabatan("camat")
    camat.kinerja[0].indikator[1].uraian = "Indeks Kepuasan Masyarakat Kecamatan"
    data = tree.get_jabatan("pengelola-data-kecamatan").kinerja[0].indikator[0]
    data.uraian = "Jumlah surat/naskah dinas yang diagendakan tepat waktu"
    umum = tree.get_jabatan("pengadministrasi-umum").kinerja[0].indikator[3]
    umum.uraian = "Terlaksananya survei kepuasan masyarakat setiap semester"


def _targets(tree: PohonKinerja) -> None:
    """The Camat's indicators get targets for 2024 beside last year's realisasi; staff
    counts are planned per quarter. One slip a real revision makes is kept: the Kasi
    Pelayanan Umum's SKM target stays at 84 although 2023 reached 85,2 (PK802)."""
    camat = tree.get_jabatan("camat")
    plan = {
        "camat.k1.i1": ("persen", "100", "92"),
        "camat.k1.i2": ("indeks", "82", "80,9"),
        "camat.k2.i3": ("persen", "60", "55"),
        "camat.k2.i4": ("persen", "85", "80"),
    }
    for indikator in camat.iter_indikator():
        if indikator.id in plan:
            satuan, target, last = plan[str(indikator.id)]
            indikator.satuan, indikator.target = satuan, target
            indikator.per_periode = [Periode(periode="2023", realisasi=last)]
    ikm = camat.kinerja[0].indikator[1]
    ikm.per_periode.append(Periode(periode="2025", target="83"))
    kasi = tree.get_jabatan("kasi-pelayanan-umum").kinerja[1].indikator[0]
    kasi.satuan = "indeks"
    kasi.per_periode = [Periode(periode="2023", target="84", realisasi="85,2")]
    surat = tree.get_jabatan("pengelola-data-kecamatan").kinerja[0].indikator[0]
    surat.satuan, surat.target, surat.realisasi = "surat", "600", None
    surat.akumulasi = "jumlah"
    surat.per_periode = [
        Periode(periode="TW I", target="150", realisasi="162"),
        Periode(periode="TW II", target="150", realisasi="141"),
        Periode(periode="TW III", target="150"),
        Periode(periode="TW IV", target="150"),
        Periode(periode="2023", target="500", realisasi="512"),
    ]
    skm = tree.get_jabatan("pengadministrasi-umum").kinerja[0].indikator[3]
    skm.satuan, skm.target = "indeks", "82"
    skm.per_periode = [
        Periode(periode="TW II", target="81,5", realisasi="81,8"),
        Periode(periode="TW IV", target="82"),
    ]


def _links(tree: PohonKinerja) -> None:
    """Close the gaps the 2023 check found: the Kasi's kinerja now name the Camat's
    indicator they carry down (PermenPAN-RB 89/2021)."""
    links = {
        "kasi-pemerintahan-trantib": {0: "camat.k1.i1"},
        "kasi-kesejahteraan-pemberdayaan": {0: "camat.k2.i3", 1: "camat.k2.i4"},
        "kasi-pelayanan-umum": {0: "camat.k1.i1", 1: "camat.k1.i2"},
    }
    for jabatan_id, by_kinerja in links.items():
        kinerja: list[Kinerja] = tree.get_jabatan(jabatan_id).kinerja
        for n, ke in by_kinerja.items():
            kinerja[n].mendukung = [Tautan(ke=ke)]
    # A link re-pointed: the Pengelola Data Pemberdayaan's ORSOSMAS kinerja supported the
    # Kasi's MUSRENBANG indicator; it carries the ORSOSMAS one.
    staff = tree.get_jabatan("pengelola-data-pemberdayaan-masyarakat")
    for kinerja in staff.kinerja:
        if "ORSOSMAS" in kinerja.uraian:
            kinerja.mendukung = [Tautan(ke="kasi-kesejahteraan-pemberdayaan.k2.i1")]


EDITS = (_organisasi, _rename_seksi, _merge_pemerintahan, _drop_keamanan, _reword, _targets, _links)


def revise(tree: PohonKinerja) -> PohonKinerja:
    """The 2024 tree made from the 2023 one (a copy; the argument is left as it was)."""
    tree = tree.model_copy(deep=True)
    for edit in EDITS:
        edit(tree)
    return PohonKinerja.model_validate(tree.model_dump())


def text() -> str:
    """The text of datasets/sambutan-2024.yaml."""
    return HEADER + dumps(revise(load(HERE / "sambutan-2023.yaml")))


if __name__ == "__main__":
    (HERE / "sambutan-2024.yaml").write_text(text(), encoding="utf-8")
    print("wrote datasets/sambutan-2024.yaml")
