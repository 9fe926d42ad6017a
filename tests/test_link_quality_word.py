"""A lone quality is not the thing an abbreviation names (QA7 #13), in texts of my own.

Kecamatan Sidoharjo Wetan (invented): the Sekretaris' "Terwujudnya tata naskah dinas yang
tertib" is about orderly filing, and the Camat's "Persentase gangguan trantibum yang
diselesaikan" (trantibum = ketenteraman dan ketertiban umum) is about public order. Their
roots agree on "tertib" only because the abbreviation is written out; the quality word
after "yang" says how the filing is kept, not what it is about. So neither the link score,
the suggestion's shared words nor the theme map may count it, and the right parent (the
service indicator the filing supports) ranks first. A text naming public order itself
("patroli ketertiban", "gangguan ketertiban umum") still matches.
"""

from __future__ import annotations

from typing import Any

from pokin import PohonKinerja
from pokin.link import suggest_links
from pokin.link.similarity import score
from pokin.link.text import lone_qualities, phrase
from pokin.link.themes import ThemeReader

FILING = "Terwujudnya tata naskah dinas yang tertib"
ORDER = "Persentase gangguan trantibum yang diselesaikan"


def test_a_lone_quality_is_read_as_such() -> None:
    assert lone_qualities(phrase(FILING)) == {"tertib"}
    assert lone_qualities(phrase("Jumlah patroli ketertiban")) == set()
    # two words after "yang" say more than how the thing is kept: not a lone quality
    assert lone_qualities(phrase("Jumlah kasus yang tertib administrasi")) == set()


def test_a_quality_word_does_not_match_an_abbreviation_written_out() -> None:
    assert score(phrase(FILING), phrase(ORDER)) == 0.0
    assert score(phrase(ORDER), phrase(FILING)) == 0.0
    # the thing itself, written out or abbreviated, still matches
    assert score(phrase("Jumlah patroli ketertiban"), phrase(ORDER)) > 0.0
    assert score(phrase("Menurunnya gangguan ketertiban umum"), phrase(ORDER)) > 0.3
    # a quality word beside the thing itself: the thing still matches
    assert score(phrase("Terwujudnya lingkungan yang tertib dan tenteram"), phrase(ORDER)) > 0


def test_the_theme_map_leaves_a_lone_quality_out() -> None:
    themes = ThemeReader()
    assert "ketenteraman dan ketertiban" not in themes.of_text(FILING)
    assert "ketenteraman dan ketertiban" in themes.of_text(ORDER)
    assert "ketenteraman dan ketertiban" in themes.of_text("Terwujudnya ketertiban lingkungan")


def _ind(uraian: str) -> dict[str, Any]:
    return {"uraian": uraian, "satuan": "persen", "target": "90"}


def _tree() -> PohonKinerja:
    camat = {
        "id": "camat",
        "nama": "Camat Sidoharjo Wetan",
        "peran": "camat",
        "unit": "Kecamatan Sidoharjo Wetan",
        "kinerja": [
            {
                "uraian": "Meningkatnya kualitas layanan administrasi kecamatan",
                "indikator": [_ind("Persentase layanan surat yang selesai sesuai standar")],
            },
            {
                "uraian": "Meningkatnya ketenteraman dan ketertiban masyarakat",
                "indikator": [_ind(ORDER)],
            },
        ],
    }
    sekretaris = {
        "id": "sekretaris",
        "nama": "Sekretaris Kecamatan",
        "peran": "sekretaris",
        "unit": "Sekretariat Kecamatan",
        "atasan": "camat",
        "kinerja": [
            {
                "uraian": FILING,
                "indikator": [_ind("Persentase surat dinas yang diagendakan dan selesai")],
            }
        ],
    }
    data = {
        "pokin": 1,
        "organisasi": {"nama": "Kecamatan Sidoharjo Wetan", "pemerintah": "Kabupaten Contoh"},
        "jabatan": [camat, sekretaris],
    }
    return PohonKinerja.model_validate(data)


def test_the_supported_service_ranks_before_public_order() -> None:
    found = [s for s in suggest_links(_tree()) if s.dari == "sekretaris.k1"]
    assert found[0].ke == "camat.k1.i1", [str(s) for s in found]
    order = [s for s in found if s.ke == "camat.k2.i1"]
    assert not order or "tertib" not in order[0].alasan, [str(s) for s in found]
