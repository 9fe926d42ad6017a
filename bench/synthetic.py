"""A synthetic pohon kinerja of any size, for benchmarks (not real data).

The shape follows a real kecamatan: Camat → Sekretaris, Kasi, Lurah → Kasubbag,
Sekretaris/Kasi Kelurahan → staff; each position has kinerja linked to an indicator of
its atasan, a few orphans and missing fields, so every check has work to do.
"""

from __future__ import annotations

from typing import Any

from pokin import PohonKinerja


def synthetic(*, kelurahan: int = 10, staf: int = 4, indikator: int = 3) -> PohonKinerja:
    """A tree with ``(kelurahan * (4 + 3 * staf) + 7 + 5 * staf) * 2 * indikator`` indicators."""
    return PohonKinerja.model_validate(
        synthetic_data(kelurahan=kelurahan, staf=staf, indikator=indikator)
    )


def kelurahan_for(indicators: int, *, staf: int = 4, indikator: int = 3) -> int:
    """How many kelurahan make a tree of about ``indicators`` indicators."""
    per_jabatan = 2 * indikator
    return max(1, round((indicators / per_jabatan - 7 - 5 * staf) / (4 + 3 * staf)))


def synthetic_data(*, kelurahan: int = 10, staf: int = 4, indikator: int = 3) -> dict[str, Any]:
    """The plain data of :func:`synthetic`, as a file holds it."""
    jabatan: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    counter = 0

    def add(nama: str, peran: str, unit: str, atasan: str | None) -> str:
        nonlocal counter
        counter += 1
        jid = f"j{counter}"
        parent = by_id.get(atasan) if atasan else None
        kinerja = []
        for k in range(2):
            links: list[str] = []
            if parent is not None and counter % 17:  # every 17th position is an orphan
                links = [f"{atasan}.k{k % 2 + 1}.i{(counter + k) % indikator + 1}"]
            kinerja.append(
                {
                    "id": f"{jid}.k{k + 1}",
                    "uraian": f"Meningkatnya kinerja {nama} {k + 1}",
                    "mendukung": links,
                    "indikator": [
                        {
                            "id": f"{jid}.k{k + 1}.i{i + 1}",
                            "uraian": f"Persentase capaian {nama} {k + 1}.{i + 1}",
                            "formulasi": "realisasi / rencana x 100%" if i else None,
                            "sumber_data": "laporan bulanan",
                            "target": "100",
                        }
                        for i in range(indikator)
                    ],
                }
            )
        by_id[jid] = {
            "id": jid,
            "nama": nama,
            "peran": peran,
            "unit": unit,
            "atasan": atasan,
            "kinerja": kinerja,
        }
        jabatan.append(by_id[jid])
        return jid

    camat = add("Camat", "camat", "Kecamatan", None)
    sekretaris = add("Sekretaris", "sekretaris", "Sekretariat", camat)
    for sub in ("Umum", "Keuangan"):
        kasubbag = add(f"Kasubbag {sub}", "kasubbag", f"Subbagian {sub}", sekretaris)
        for s in range(staf):
            add(f"Staf {sub} {s}", "pelaksana", f"Subbagian {sub}", kasubbag)
    for seksi in ("Pemerintahan", "Trantib", "Pelayanan"):
        kasi = add(f"Kasi {seksi}", "kasi", f"Seksi {seksi}", camat)
        for s in range(staf):
            add(f"Staf {seksi} {s}", "pelaksana", f"Seksi {seksi}", kasi)
    for n in range(kelurahan):
        unit = f"Kelurahan {n}"
        lurah = add(f"Lurah {n}", "lurah", unit, camat)
        sek = add(f"Sekretaris Kelurahan {n}", "sekretaris_kelurahan", unit, lurah)
        for seksi in ("Pemerintahan", "Pemberdayaan"):
            kasi = add(f"Kasi {seksi} Kel {n}", "kasi_kelurahan", unit, lurah)
            for s in range(staf):
                add(f"Staf {seksi} Kel {n} {s}", "pelaksana", unit, kasi)
        for s in range(staf):
            add(f"Staf Sekretariat Kel {n} {s}", "pelaksana", unit, sek)
    return {"pokin": 1, "organisasi": {"nama": "Kabupaten Sintetis"}, "jabatan": jabatan}
