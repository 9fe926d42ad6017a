"""Many staff of one atasan carrying the same text still link (QA 9), and template rows
held back are counted and said."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import PohonKinerja, datasets, save
from pokin.cli import main
from pokin.link import infer_links, strip_links

_IKM = "Indeks Kepuasan Masyarakat terhadap pelayanan Kecamatan"


def _office(staff: int, unit: str | None = None) -> PohonKinerja:
    """A Camat and ``staff`` pengadministrasi, each carrying the Camat's indicator, all in
    ``unit`` (or in none)."""

    def ind(uraian: str) -> dict[str, str]:
        return {"uraian": uraian, "formulasi": "jumlah", "sumber_data": "buku agenda"}

    positions: list[dict[str, object]] = [
        {
            "id": "camat",
            "nama": "Camat",
            "peran": "camat",
            "unit": unit,
            "kinerja": [
                {
                    "uraian": "Meningkatnya kualitas pelayanan publik di Kecamatan Karangsari",
                    "indikator": [ind(_IKM), ind("Persentase pengaduan yang ditindaklanjuti")],
                },
                {
                    "uraian": "Meningkatnya ketertiban umum di wilayah kecamatan",
                    "indikator": [ind("Persentase gangguan trantibum yang tertangani")],
                },
            ],
        }
    ]
    positions += [
        {
            "id": f"staf-{n}",
            "nama": f"Pengadministrasi Umum {n}",
            "peran": "pelaksana",
            "unit": unit,
            "atasan": "camat",
            "kinerja": [
                {"uraian": _IKM, "indikator": [ind(f"Jumlah surat nomor {n} diagendakan")]}
            ],
        }
        for n in range(1, staff + 1)
    ]
    return PohonKinerja.model_validate(
        {"pokin": 1, "organisasi": {"nama": "Kecamatan Karangsari"}, "jabatan": positions}
    )


@pytest.mark.parametrize("unit", [None, "Kecamatan Karangsari"])
@pytest.mark.parametrize("staff", [5, 60, 80, 150])
def test_every_staff_copying_the_atasans_indicator_is_proposed(
    staff: int, unit: str | None
) -> None:
    proposals = infer_links(_office(staff, unit))
    kinerja = [p for p in proposals if p.dari.endswith(".k1")]
    assert len(kinerja) == staff
    assert {p.ke for p in kinerja} == {"camat.k1.i1"}
    assert proposals.ditahan == 0
    assert proposals.catatan == ""


def test_template_matches_held_back_are_counted_and_come_back_with_templates() -> None:
    tree = strip_links(datasets.load("kebomas-2023"))
    held = infer_links(tree)
    assert held.ditahan > 0
    assert f"{held.ditahan} tautan ditahan" in held.catatan
    assert "--templates" in held.catatan
    every = infer_links(tree, template=True)
    assert every.ditahan == 0
    assert len(every) == len(held) + held.ditahan


def test_pokin_link_says_how_many_it_held_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "k.yaml"
    save(strip_links(datasets.load("kebomas-2023")), path)
    main(["link", str(path)])
    err = capsys.readouterr().err
    assert "tautan ditahan: teksnya baris templat" in err
    main(["link", str(path), "--templates"])
    assert "ditahan" not in capsys.readouterr().err
    save(_office(80), path)
    main(["link", str(path)])
    assert "80 tautan diusulkan" in capsys.readouterr().err
