"""Root causes: the missing links high up that leave the tree below orphaned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pokin import PohonKinerja, save
from pokin.cli import main
from pokin.link import review
from pokin.link.roots import root_causes


def _tree() -> PohonKinerja:
    """A Camat whose kinerja carry no IKU, with a Kasi and 3 staff linked below him."""

    def ind(uraian: str) -> dict[str, str]:
        return {"uraian": uraian, "formulasi": "jumlah", "sumber_data": "laporan", "target": "1"}

    staff = [
        {
            "id": f"staf-{n}",
            "nama": f"Pengadministrasi {n}",
            "peran": "pelaksana",
            "unit": "Seksi Pelayanan",
            "atasan": "kasi",
            "kinerja": [
                {
                    "uraian": f"Terverifikasinya berkas layanan jenis {n}",
                    "mendukung": ["kasi.k1.i1"],
                    "indikator": [ind("Jumlah berkas")],
                }
            ],
        }
        for n in range(1, 4)
    ]
    data = {
        "pokin": 1,
        "organisasi": {"nama": "Kecamatan Karangsari"},
        "iku": [
            {
                "id": "S.1",
                "uraian": "Meningkatnya kualitas pelayanan publik",
                "indikator": [
                    {"id": "IKU.1", "uraian": "Nilai IKM pelayanan administrasi terpadu"}
                ],
            },
            {
                "id": "S.2",
                "uraian": "Meningkatnya akuntabilitas kinerja",
                "indikator": [{"id": "IKU.2", "uraian": "Nilai SAKIP kecamatan"}],
            },
        ],
        "jabatan": [
            {
                "id": "camat",
                "nama": "Camat",
                "peran": "camat",
                "unit": "Kecamatan Karangsari",
                "kinerja": [
                    {
                        "uraian": "Terselenggaranya pelayanan administrasi terpadu",
                        "indikator": [ind("Persentase berkas PATEN selesai tepat waktu")],
                    },
                    {
                        "uraian": "Terlaksananya rapat koordinasi",
                        "indikator": [ind("Jumlah rapat")],
                    },
                ],
            },
            {
                "id": "kasi",
                "nama": "Kasi Pelayanan",
                "peran": "kasi",
                "unit": "Seksi Pelayanan",
                "atasan": "camat",
                "kinerja": [
                    {
                        "uraian": "Persentase berkas PATEN selesai tepat waktu",
                        "mendukung": ["camat.k1.i1"],
                        "indikator": [ind("Jumlah berkas PATEN yang diverifikasi")],
                    }
                ],
            },
            *staff,
        ],
    }
    return PohonKinerja.model_validate(data)


def test_the_camat_leads_with_what_hangs_on_him_and_the_link_that_connects_it() -> None:
    (cause,) = root_causes(_tree())
    # below the Camat: the Kasi's kinerja and the 3 staff's (the Camat's own 2 are not
    # "below him": QA3 #11)
    assert (cause.jabatan, cause.kinerja, cause.bawah) == ("camat", 2, 4)
    assert str(cause) == (
        "Camat: 2 kinerja tidak mendukung baik IKU S.1 maupun IKU S.2: 4 kinerja di "
        "bawahnya bergantung padanya (cakupan indikator ke IKU sekarang 0,0%)"
    )
    best = cause.perbaikan[0]
    # linking camat.k1 connects it, the Kasi and the 3 staff: 5 of 6 kinerja
    assert (best.saran.dari, best.tambah, best.cakupan) == ("camat.k1", 5, 5 / 6)
    assert best.saran.ke in {"S.1", "IKU.1"}
    assert "+5 kinerja tersambung ke IKU (cakupan indikator menjadi 83,3%)" in str(best)
    assert [f.tambah for f in cause.perbaikan] == sorted(
        (f.tambah for f in cause.perbaikan), reverse=True
    )


def test_a_position_with_nothing_below_says_no_count() -> None:
    tree = review(_tree(), "camat.k1", "IKU.1", diterima=True)
    tree = review(tree, "camat.k2", "IKU.2", diterima=True)
    data = tree.model_dump(mode="json", exclude_none=True)
    data["jabatan"][1]["kinerja"][0]["mendukung"] = []  # the Kasi, without subordinates below
    data["jabatan"] = data["jabatan"][:2]
    (cause,) = root_causes(PohonKinerja.model_validate(data))
    assert (cause.jabatan, cause.bawah) == ("kasi", 0)
    assert "di bawahnya" not in str(cause)


def test_nothing_to_say_once_everything_reaches_an_iku() -> None:
    tree = review(_tree(), "camat.k1", "IKU.1", diterima=True)
    tree = review(tree, "camat.k2", "IKU.2", diterima=True)
    assert root_causes(tree) == []


def test_pokin_check_leads_with_the_root_causes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.yaml"
    save(_tree(), path)
    main(["check", str(path), "-q"])
    out = capsys.readouterr().out
    head, _, rest = out.partition("\n\n")  # the organisasi named first (QA7 #14)
    assert head.startswith("pokin check: ")
    assert rest.startswith(
        "Akar masalah: tautan yang paling banyak menyambungkan ke IKU\n\nCamat: 2"
    )
    main(["check", str(path), "-q", "--no-akar"])
    assert "Akar masalah" not in capsys.readouterr().out
    main(["check", str(path), "-q", "--format", "json"])
    (report,) = json.loads(capsys.readouterr().out)
    (cause,) = report["akar_masalah"]
    assert (cause["jabatan"], cause["bawah"], cause["perbaikan"][0]["tambah"]) == ("camat", 4, 5)


def test_the_report_leads_with_the_root_causes_and_lists_suggestions_per_unit(
    tmp_path: Path,
) -> None:
    from pokin.report import write_report

    page = write_report(_tree(), tmp_path / "r.html", diagram="<svg></svg>").read_text()
    roots = page.index('<ol id="akar-masalah">')
    assert roots < page.index('id="sakip"')  # the first section
    assert "Camat: 2 kinerja tidak mendukung baik IKU S.1 maupun IKU S.2" in page[roots:]
    saran = page.index('<h2 id="saran">Saran tautan per unit</h2>')
    assert page.index("<h3>Kecamatan Karangsari</h3>", saran)
    assert 'data-kinerja="camat.k1"' in page[saran:]
    text = write_report(_tree(), tmp_path / "r.md").read_text()
    assert "## Akar masalah: tautan yang paling banyak menyambungkan ke IKU" in text
    assert "| camat.k1 | 1. " in text
    linked = review(
        review(_tree(), "camat.k1", "IKU.1", diterima=True), "camat.k2", "IKU.2", diterima=True
    )
    quiet = write_report(linked, tmp_path / "q.html", diagram="<svg></svg>").read_text()
    assert 'id="akar-masalah"' not in quiet
    assert 'id="saran"' not in quiet


def _sekcam(kasubbag: str, sekcam: str) -> PohonKinerja:
    """A Camat linked to the IKU, a Sekcam linked to him, a Kasubbag linked to nothing."""

    def ind(uraian: str) -> dict[str, str]:
        return {"uraian": uraian, "formulasi": "jumlah", "sumber_data": "laporan", "target": "1"}

    def position(jid: str, atasan: str | None, uraian: str, up: str | None) -> dict[str, object]:
        kinerja: dict[str, object] = {"uraian": uraian, "indikator": [ind(uraian)]}
        if up:
            kinerja["mendukung"] = [up]
        peran = {"camat": "camat", "sekcam": "sekretaris"}.get(jid, "kasubbag")
        return {
            "id": jid,
            "nama": jid.title(),
            "peran": peran,
            "atasan": atasan,
            "kinerja": [kinerja],
        }

    data = {
        "pokin": 1,
        "organisasi": {"nama": "Kecamatan Karangsari"},
        "iku": [{"id": "S.1", "uraian": "Meningkatnya akuntabilitas kinerja kecamatan"}],
        "jabatan": [
            position("camat", None, "Meningkatnya akuntabilitas kinerja kecamatan", "S.1"),
            position("sekcam", "camat", sekcam, "camat.k1.i1"),
            position("kasubbag", "sekcam", kasubbag, None),
        ],
    }
    return PohonKinerja.model_validate(data)


def test_a_root_cause_offers_no_link_below_the_documented_floor() -> None:
    from pokin.link.roots import MIN_SKOR, NONE_FOUND

    # administrasi kepegawaian has nothing to do with dokumen perencanaan: only "tepat waktu"
    tree = _sekcam(
        "Persentase administrasi kepegawaian diselesaikan tepat waktu",
        "Persentase dokumen perencanaan disusun tepat waktu",
    )
    (weak,) = root_causes(tree, min_skor=0.0)[0].perbaikan
    assert weak.saran.skor < MIN_SKOR  # the candidate exists, and is weak
    (cause,) = root_causes(tree)
    assert cause.perbaikan == ()
    assert cause.tanpa_calon == ("kasubbag.k1",)
    assert cause.lines()[1:] == [f"  {NONE_FOUND}"]
    assert "perencana perlu memilih" in NONE_FOUND
    # a restated indicator clears the floor
    same = _sekcam(
        "Persentase dokumen perencanaan kecamatan disusun tepat waktu",
        "Persentase dokumen perencanaan disusun tepat waktu",
    )
    (fix,) = root_causes(same)[0].perbaikan
    assert fix.saran.skor >= MIN_SKOR


def test_the_json_root_causes_name_the_kinerja_without_a_candidate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pokin.link.roots import NONE_FOUND

    weak = tmp_path / "weak.yaml"
    save(
        _sekcam(
            "Persentase administrasi kepegawaian diselesaikan tepat waktu",
            "Persentase dokumen perencanaan disusun tepat waktu",
        ),
        weak,
    )
    main(["check", str(weak), "-q", "--format", "json"])
    (report,) = json.loads(capsys.readouterr().out)
    (cause,) = report["akar_masalah"]
    assert cause["perbaikan"] == []
    assert cause["tanpa_calon"] == ["kasubbag.k1"]
    assert cause["tanpa_calon_pesan"] == NONE_FOUND
    path = tmp_path / "t.yaml"
    save(_tree(), path)
    main(["check", str(path), "-q", "--format", "json"])
    (report,) = json.loads(capsys.readouterr().out)
    (cause,) = report["akar_masalah"]
    # camat.k1 has a fix; camat.k2 none, and the JSON says so as the text report does
    assert [f["dari"] for f in cause["perbaikan"]] == ["camat.k1"]
    assert (cause["tanpa_calon"], cause["tanpa_calon_pesan"]) == (["camat.k2"], NONE_FOUND)


def test_root_cause_coverage_is_the_coverage_table_figure() -> None:
    from pokin import datasets
    from pokin.coverage import coverage
    from pokin.graph import Cascade

    tree = datasets.load("sambutan-2023")
    causes = root_causes(tree)
    share = coverage(Cascade.of(tree)).total.indikator_share
    assert causes
    assert {c.cakupan for c in causes} == {share}
    assert "(cakupan indikator ke IKU sekarang 76,5%)" in str(causes[0])
    for fix in (f for c in causes for f in c.perbaikan if f.cakupan is not None):
        linked = review(tree, fix.saran.dari, fix.saran.ke, diterima=True)
        assert fix.cakupan == coverage(Cascade.of(linked)).total.indikator_share


def test_suggested_words_are_written_in_both_texts() -> None:
    import re

    from pokin import datasets
    from pokin.link import strip_links, suggest_links

    for name in ("sambutan-2023", "wonoasih-2026"):
        tree = strip_links(datasets.load(name))
        texts: dict[str, str] = {}
        for _, kinerja in tree.iter_kinerja():
            own = [kinerja.uraian, *(i.uraian for i in kinerja.indikator)]
            texts[str(kinerja.id)] = " ".join(own).casefold()
            for i in kinerja.indikator:
                texts[str(i.id)] = i.uraian.casefold()
        for sasaran in tree.iku:
            texts[str(sasaran.id)] = sasaran.uraian.casefold()
            for i in sasaran.indikator:
                texts[str(i.id)] = i.uraian.casefold()
        checked = 0
        for s in suggest_links(tree):
            found = re.search(r"; kata sama: ([^;]+)", s.alasan)
            for word in found.group(1).split(", ") if found else []:
                mine, _, theirs = word.split("=")[0].partition("/")
                assert mine in texts[s.dari], (s, mine)
                assert (theirs or mine) in texts[s.ke], (s, theirs or mine)
                checked += 1
        assert checked > 20


def test_check_leaves_root_causes_out_when_select_leaves_orphans_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.yaml"
    save(_tree(), path)
    for flags, shown in (
        (["--select", "PK8"], False),
        (["--select", "PK708"], False),
        (["--ignore", "PK101"], False),
        (["--select", "PK1"], True),
    ):
        main(["check", str(path), "-q", *flags])
        assert ("Akar masalah" in capsys.readouterr().out) is shown, flags
