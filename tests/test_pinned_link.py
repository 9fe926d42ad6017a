"""Link matching a planner relies on, pinned with values written by hand (mutation
survivors of bench/mutation.py): affixes cut from words the stemmer lacks, general
verbs standing for each other, list items without the lead verb, a planner's
``bidang`` in an extra lexicon."""

from __future__ import annotations

from pathlib import Path

from pokin.link.lexicon import load_lexicon
from pokin.link.text import phrase, stem


def test_confix_of_a_word_the_stemmer_lacks_is_cut_but_not_a_loanword_si() -> None:
    assert stem("ditindaklanjuti") == "tindaklanjut"
    assert stem("ditindaklanjutinya") == "tindaklanjut"
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
