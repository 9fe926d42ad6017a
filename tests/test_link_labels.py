"""Link inference and suggestions against hand labels; the lexicon a planner extends.

The labels: ``datasets/labels/`` (the bundled decrees, written by hand from the decrees)
and ``tests/fixtures/link/`` (an invented decree labelled by hand, every pattern of issue
11). The floors are the issue's goals; ``bench/bench_link.py`` prints the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pokin
from pokin.cli import main
from pokin.errors import PokinFileError
from pokin.link import load_lexicon, strip_links
from pokin.link.evaluate import load_labels, measure
from pokin.link.similarity import score
from pokin.link.text import phrase

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "link"


def test_the_invented_decree_reaches_the_goals() -> None:
    score = measure(
        pokin.load(FIXTURES / "sukamaju-2025.yaml"), FIXTURES / "sukamaju-2025-labels.yaml"
    )
    assert (score.restated, score.meaning) == (20, 7)
    # measured: 20 of 20 proposals right, 20 of 20 restated links found, 7 of 7 meaning
    # links among the top 3 suggestions and none proposed
    assert score.precision >= 0.95
    assert score.recall >= 0.9
    assert score.meaning_proposed == score.meaning_flagged  # never at the threshold
    assert score.top >= 0.7


def test_the_held_out_invented_decree() -> None:
    """mekarsari-2026 was written after the tuning, to check the mechanism is general."""
    score = measure(
        pokin.load(FIXTURES / "mekarsari-2026.yaml"), FIXTURES / "mekarsari-2026-labels.yaml"
    )
    # measured: 6 of 6 proposals right, 6 of 6 restated links found (5 of 6 before
    # numbers written as words were read: "1 hari kerja" / "satu hari kerja"), 5 of 5
    # meaning links in the top 3
    assert score.precision >= 0.95
    assert score.recall >= 0.9
    assert score.meaning_proposed == score.meaning_flagged  # never at the threshold
    assert score.top >= 0.7


def test_the_second_held_out_decree() -> None:
    """tirtamulya-2026 was written and labelled before clauses, containment and number
    words were read: purpose and means clauses, added and reordered nouns, numbers as
    words, next to generic rows held whole by many texts."""
    score = measure(
        pokin.load(FIXTURES / "tirtamulya-2026.yaml"), FIXTURES / "tirtamulya-2026-labels.yaml"
    )
    assert (score.restated, score.meaning) == (24, 7)
    # measured before: 17 of 17 proposals right, 15 of 24 restated links found; after:
    # 25 of 25 right, 22 of 24 found (missed: "Tersusunnya laporan kejadian gangguan
    # trantibum" for "Tertanganinya gangguan ...", the Kasi's verb says what is done;
    # "patroli ... dua kali seminggu" for "Jumlah patroli wilayah", the number and
    # frequency words outweigh it), meaning links in the top 3: 5 of 7, none proposed
    assert score.precision >= 0.95
    assert score.recall >= 0.9
    assert score.meaning_proposed == score.meaning_flagged  # never at the threshold
    assert score.top >= 0.7


@pytest.mark.parametrize(
    ("name", "recall"),
    # measured: Sambutan 1.000 / 0.977, Wonoasih 1.000 / 0.933, Kebomas 1.000 / 1.000
    # (Kebomas with its 14 Lurah blocks labelled: 333 of 333 proposals right, 94 of 94)
    [("sambutan-2023", 0.95), ("wonoasih-2026", 0.9), ("kebomas-2023", 0.95)],
)
def test_the_bundled_decrees_against_their_hand_labels(name: str, recall: float) -> None:
    score = measure(
        strip_links(pokin.datasets.load(name)), ROOT / "datasets" / "labels" / f"{name}.yaml"
    )
    assert score.precision >= 0.95
    assert score.recall >= recall
    assert score.meaning_proposed == score.meaning_flagged  # never at the threshold
    assert score.top >= 0.7  # measured: Wonoasih 63 of 63, Kebomas 25 of 33


def test_labels_name_only_nodes_of_their_tree() -> None:
    for labels in sorted((ROOT / "datasets" / "labels").glob("*.yaml")):
        tree = pokin.datasets.load(labels.stem)
        ids = {str(k.id) for _, k in tree.iter_kinerja()} | {
            str(i.id) for _, i in tree.iter_indikator()
        }
        ids |= {str(s.id) for s in tree.iku}
        for label in load_labels(labels).tautan:
            assert label.dari in ids, (labels.stem, label.dari)
            assert label.ke <= ids, (labels.stem, label.ke - ids)


def test_a_bad_labels_file_names_its_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text(
        "dataset: x\ncakupan: semua\ntautan:\n  - dari: a\n    ke: [b]\n    jenis: mungkin\n"
    )
    with pytest.raises(PokinFileError, match=r"x\.yaml.*jenis harus teks atau makna"):
        load_labels(bad)


# -- the lexicon -------------------------------------------------------------------------------


def test_a_planner_adds_an_abbreviation_with_a_file(tmp_path: Path) -> None:
    mine = tmp_path / "leksikon.yaml"
    mine.write_text("singkatan:\n  pju: penerangan jalan umum\nkata_ukuran: [banyak]\n")
    lexicon = load_lexicon(mine)
    assert lexicon.singkatan["pju"] == "penerangan jalan umum"
    assert lexicon.singkatan["trantibum"] == "ketenteraman dan ketertiban umum"  # kept
    assert "banyak" in lexicon.kata_ukuran
    assert "jumlah" in lexicon.kata_ukuran
    short, long = "Terpeliharanya PJU", "Jumlah penerangan jalan umum yang dipelihara"
    assert score(phrase(short, lexicon), phrase(long, lexicon), lexicon=lexicon) == 1.0
    assert score(phrase(short), phrase(long)) < 0.5  # the bundled lexicon alone


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("singkatan: [a, b]\n", "singkatan harus berupa pemetaan"),
        ("singkat:\n  a: b\n", "kunci yang tidak dikenal: singkat"),
        ("singkatan: {a: [b]}\n", "kata harus berupa teks"),
        ("singkatan: {a: b\n", "bukan YAML yang sah"),
    ],
)
def test_a_bad_lexicon_says_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "leksikon.yaml"
    bad.write_text(text)
    with pytest.raises(PokinFileError, match=message):
        load_lexicon(bad)


# -- the command line ----------------------------------------------------------------------------


def test_pokin_link_suggest_prints_three_candidates_per_unlinked_kinerja(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["link", "wonoasih-2026", "--suggest"]) == 0
    out, err = capsys.readouterr()
    assert "Saran untuk analis-sumber-daya-manusia-aparatur:" in out
    assert (
        "analis-sumber-daya-manusia-aparatur.k2 → kepala-sub-bagian-tata-usaha.k1.i1 (saran 1"
        in out
    )
    assert "kinerja belum tertaut" in err


def test_pokin_link_records_a_verdict_that_round_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.yaml"
    pair = "analis-sumber-daya-manusia-aparatur.k2=kepala-sub-bagian-tata-usaha.k1.i1"
    assert main(["link", "wonoasih-2026", "--tolak", pair, "-o", str(out)]) == 0
    capsys.readouterr()
    tree = pokin.load(out)
    (link,) = tree.get_jabatan("analis-sumber-daya-manusia-aparatur").kinerja[1].mendukung
    assert (link.ke, link.status.value) == ("kepala-sub-bagian-tata-usaha.k1.i1", "ditolak")
    assert main(["link", str(out), "--suggest"]) == 0
    assert "aparatur.k2 → kepala-sub-bagian-tata-usaha.k1.i1" not in capsys.readouterr().out
    assert main(["link", str(out), "--terima", "tanpa-sama-dengan"]) == 2
    assert "tulis DARI=KE" in capsys.readouterr().err


def test_suggestions_read_the_same_whatever_the_hash_seed() -> None:
    """Words of equal weight were listed in set order, so the report's suggestion reasons
    changed from one run to the next (PYTHONHASHSEED); `bash dev.sh demo` then rewrote the
    committed report with nothing changed."""
    import os
    import subprocess
    import sys

    def suggest(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "pokin", "link", "sambutan-2023", "--suggest"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return run.stdout

    first = suggest("1")
    assert "kata sama" in first
    assert suggest("2") == first
    assert suggest("3") == first
