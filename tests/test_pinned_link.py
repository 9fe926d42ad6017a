"""Link matching a planner relies on, pinned with values written by hand (mutation
survivors of bench/mutation.py): affixes cut from words the stemmer lacks, general
verbs standing for each other, list items without the lead verb, a planner's
``bidang`` in an extra lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.link.lexicon import load_lexicon
from pokin.link.text import phrase, stem


def test_confix_of_a_word_the_stemmer_lacks_is_cut_but_not_a_loanword_si() -> None:
    assert stem("ditindaklanjuti") == "tindak lanjut"  # a compound: both its roots
    assert stem("ditindaklanjutinya") == "tindak lanjut"
    assert stem("diverifikasi") == "verifikasi"


def test_general_verbs_stand_for_each_other() -> None:
    held = phrase("Terselenggaranya rapat koordinasi").roots
    assert {"selenggara", "laksana"} <= held
    assert phrase("Terlaksananya rapat koordinasi").roots == held
    assert phrase("Menyusun laporan").roots == frozenset({"susun"})


def test_list_items_without_the_lead_verb() -> None:
    got = phrase("Terlaksananya rapat koordinasi, sosialisasi dan pembinaan")
    assert got.lead == "terlaksananya"
    assert got.chunks == (
        frozenset({"rapat", "koordinasi"}),
        frozenset({"sosialisasi"}),
        frozenset({"bina"}),
    )


def test_an_extra_lexicon_adds_its_bidang(tmp_path: Path) -> None:
    path = tmp_path / "leksikon.yaml"
    path.write_text("bidang:\n  Kebersihan: [Sampah, TPS]\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    assert lexicon.bidang["kebersihan"] == ("sampah", "tps")
    assert "kepegawaian" in lexicon.bidang  # the bundled fields stay


def test_an_extra_lexicon_of_the_wrong_shape_says_how_to_write_it(tmp_path: Path) -> None:
    from pokin.errors import PokinFileError

    path = tmp_path / "leksikon.yaml"
    path.write_text("bidang: [a]\n", encoding="utf-8")
    with pytest.raises(PokinFileError) as caught:
        load_lexicon(path)
    assert str(caught.value) == (
        f"{path}: leksikon: bidang harus berupa pemetaan\n"
        "  saran: tulis bidang seperti di pokin/link/lexicon.yaml"
    )


def test_idf_of_three_texts() -> None:
    from pokin.link.similarity import idf

    got = idf([phrase("arsip surat"), phrase("arsip dokumen"), phrase("arsip pegawai")])
    assert got.keys() == {"arsip", "surat", "dokumen", "pegawai"}
    assert got["arsip"] == 1.0  # in every text: 1 + ln(4 / 4)
    assert abs(got["surat"] - 1.6931471805599454) < 1e-12  # in one of three: 1 + ln(4 / 2)
