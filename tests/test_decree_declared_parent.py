"""QA9 #11: a declared "Indikator Atasan yang Didukung" cell names an IKU code, or a result
of a position the builder did not guess as the atasan.

Invented decree (Kecamatan Tanjung Sari, 2027) as tab text: an IKU table coded "IKU.1", no
"Atasan Langsung" lines, every block's rows naming the superior result they support. The
Camat's rows name the IKU by its code; a staff position whose name gives no unit (the
builder guesses the Sekretaris) names the Kasi Pemerintahan's indicator.
"""

from __future__ import annotations

from pathlib import Path

from pokin.decree import import_decree

HEAD = "No\tSasaran Kinerja\tIndikator Kinerja\tSatuan\tTarget\tIndikator Atasan yang Didukung"
DECREE = "\n".join(
    [
        "KODE\tINDIKATOR KINERJA UTAMA",
        "S.1\tMeningkatnya tertib administrasi pemerintahan",
        "IKU.1\tPersentase desa dengan administrasi pemerintahan tertib",
        "",
        "1. JABATAN : CAMAT TANJUNG SARI",
        HEAD,
        "1\tMeningkatnya tertib administrasi pemerintahan desa\t"
        "Persentase desa tertib administrasi\t%\t90\tIKU.1",
        "",
        "2. JABATAN : SEKRETARIS KECAMATAN",
        HEAD,
        "1\tTersusunnya laporan kinerja kecamatan\tJumlah laporan kinerja\tdokumen\t4\t"
        "Persentase desa tertib administrasi",
        "",
        "3. JABATAN : KEPALA SEKSI PEMERINTAHAN",
        HEAD,
        "1\tTertibnya administrasi pemerintahan desa\tPersentase register desa yang "
        "dimutakhirkan\t%\t95\tPersentase desa tertib administrasi",
        "",
        "4. JABATAN : PENGOLAH DATA",
        HEAD,
        "1\tTermutakhirkannya register desa\tJumlah register yang diolah\tregister\t12\t"
        "Persentase register desa yang dimutakhirkan",
        "",
    ]
)


def test_an_iku_code_and_an_off_chain_parent_are_linked(tmp_path: Path) -> None:
    path = tmp_path / "tanjungsari.txt"
    path.write_text(DECREE, encoding="utf-8")
    result = import_decree(path)
    tree = result.tree
    by_name = {j.nama.casefold(): j for j in tree.jabatan}
    camat = next(j for n, j in by_name.items() if n.startswith("camat"))
    kasi = next(j for n, j in by_name.items() if "pemerintahan" in n)
    staff = next(j for n, j in by_name.items() if n.startswith("pengolah"))
    # the IKU code names the IKU indicator
    assert [t.ke for t in camat.kinerja[0].mendukung] == ["IKU.1"]
    assert "tidak ditemukan" not in (camat.kinerja[0].catatan or "")
    # the declared parent wins over the guessed atasan, and says so
    assert "atasan" in staff.inferensi
    assert staff.atasan == kasi.id
    assert [t.ke for t in staff.kinerja[0].mendukung] == [kasi.kinerja[0].indikator[0].id]
    assert "periksa atasan" in (staff.catatan or "")
    assert "Atasan disimpulkan: Sekretaris" not in (staff.catatan or "")  # the guess's note
    assert any("periksa atasan" in text for _, text in result.notes)
