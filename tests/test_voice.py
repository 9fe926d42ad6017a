"""One voice: everything the ``pokin`` command shows a planner is Indonesian, with numbers
the Indonesian way (issue 12, QA #11, #13).

Not a list of known messages: every command runs over bundled datasets, the seed decrees and
a set of bad inputs (missing file, YAML syntax error, wrong enum, bad corrections, unknown
``--unit``/``--root``, an empty tree, a folder with an unreadable file...), and all it
prints, plus the planner-facing text of what it writes (the check report, the Markdown
report, the DOT labels and tooltips, the ``catatan`` of an imported file), goes through one
deny-list of English words and one test for decimal points. A new English message anywhere
on these paths fails here without anyone listing it.

The Excel reader's message bodies are issue 13x's and are not exercised here.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest

from pokin import datasets, save
from pokin.cli import main
from pokin.io import load
from pokin.models import Jabatan, Kinerja, Organisasi, PohonKinerja

from .conftest import make

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

ENGLISH = re.compile(
    r"\b(the|of|and|is|are|was|not|no|with|without|from|into|must|should|cannot|can't|"
    r"see|line|file|files|found|missing|invalid|expected|unknown|inferred|imported|block|"
    r"which|has|have|this|that|there|by|for|to|on|at|be|or|if|does|do|it|its|"
    r"error|errors|warning|warnings|write|wrote|read|value|values|field|mapping|list|"
    r"allowed|context|corrected|hand|such|name|names|exactly|each|every|needs|need|"
    r"fit|hold|holds|tree|position|positions|standard|structure|layout|after|again)\b",
    re.IGNORECASE,
)
"""English words no Indonesian planner text holds (case-insensitive, whole words)."""

DECIMAL_POINT = re.compile(r"(?<![\w.])\d+\.(?:\d{1,2}|\d{4,})(?![\w.])")
"""A decimal point (``0.88``, ``87.5``); ``1.234`` (thousands) and ``2.a.2`` pass."""

# What is not prose and may hold anything: paths, ids, options, code spans, quoted source
# texts (the decree's own words, which pokin shows as written).
_NOT_PROSE = re.compile(
    r"(?:/|\b[A-Za-z]:\\)[^\s:;,)»\"']+"  # a path
    r"|`[^`]*`"  # a code span
    r"|«[^»]*»"  # a quoted source text
    r"|--?[a-z][\w-]*"  # an option
    r"|\b\w+\[\d+\](?:\.\w+)*"  # a place in a file: koreksi[0].value
    r"|^No(?= )|\bkolom No\b"  # the number column of a table
    r"|\b(?=[\w-]*[A-Za-z])[\w-]+(?:\.[\w-]+)+\b"  # an id (camat.k1.i1), a file (x.yaml)
    r"|\b\w+\.(?:yaml|yml|json|txt|md|html|svg|dot|xlsx|docx|pdf)\b",
    re.MULTILINE,
)


def _prose(text: str, *, source_texts: Collection[str] = ()) -> str:
    for source in sorted(source_texts, key=len, reverse=True):
        if not source.isdigit():  # a bare number holds no English; cut out of "4.432" it
            text = text.replace(source, " ")  # would leave "4.4", a false decimal point
    return _NOT_PROSE.sub(" ", text)


def english_in(text: str, *, source_texts: Collection[str] = ()) -> list[str]:
    """The English words and decimal-point numbers left in ``text``'s prose."""
    prose = _prose(text, source_texts=source_texts)
    hits = [m.group(0) for m in ENGLISH.finditer(prose)]
    hits += [m.group(0) for m in DECIMAL_POINT.finditer(prose)]
    return hits


def _context(text: str, word: str) -> str:
    at = text.find(word)
    return text[max(0, at - 80) : at + 80].replace("\n", " | ")


def test_the_deny_list_catches_english_and_decimal_points() -> None:
    """The detector itself: English prose and `0.88` are caught; Indonesian, paths, ids,
    quoted decree text and `1.234` are not."""
    assert english_in("no such corrections file") == ["no", "such", "file"]
    assert english_in("Atasan inferred: the Camat.") == ["inferred", "the"]
    assert english_in("skor 0.88") == ["0.88"]
    assert english_in("capaian 87.5%") == ["87.5"]
    assert (
        english_in(
            "berkas /tmp/the-file.yaml baris 3, kolom 2: `mendukung: [camat.k1.i1]` "
            "«Meningkatnya kualitas pelayanan to the public» skor 0,88, 1.234 indikator, "
            "kriteria 2.a.2, --force"
        )
        == []
    )


def _texts_of(tree: PohonKinerja) -> set[str]:
    """Every text a decree wrote (shown as written, so not judged)."""
    texts: set[str] = {tree.organisasi.nama}
    for jabatan in tree.jabatan:
        texts.update(t for t in (jabatan.nama, jabatan.unit, jabatan.tugas) if t)
        texts.update(jabatan.fungsi)
        for kinerja in jabatan.kinerja:
            texts.add(kinerja.uraian)
            for indikator in kinerja.indikator:
                texts.update(
                    str(t)
                    for t in (
                        indikator.uraian,
                        indikator.formulasi,
                        indikator.sumber_data,
                        indikator.satuan,
                        indikator.target,
                        indikator.realisasi,
                    )
                    if t is not None
                )
    return {t for t in texts if t.strip()}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


DECREES = Path(__file__).parent / "fixtures" / "decrees"


def _bad_inputs(folder: Path) -> dict[str, Path]:
    """Files a planner gets wrong, one fault each."""
    good = save(make(), folder / "good.yaml")
    text = good.read_text(encoding="utf-8")
    files = {
        "syntax": "pokin: 1\norganisasi: {nama: X\njabatan: [\n",
        "mapping": "pokin: 1\norganisasi:\n  nama: X\n   tahun: 2024\njabatan: []\n",
        "enum": text.replace("peran: kasi", "peran: kepala"),
        "unknown-key": text.replace("peran: kasi", "peran: kasi\n  jabatanku: x", 1),
        "missing": "pokin: 1\njabatan: []\n",
        "dangling": text.replace("atasan: camat", "atasan: nobody", 1),
        "arah": text.replace("satuan: persen", "satuan: persen\n      arah: atas", 1),
        "not-a-tree": "- 1\n- 2\n",
        "binary": "\x00\x01\x02 garbage",
        "empty-decree.txt": "KEPUTUSAN CAMAT\n\nTidak ada tabel.\n",
        "corr-not-mapping.yaml": "- 1\n",
        "corr-no-alasan.yaml": "koreksi:\n  - jabatan: camat\n    field: unit\n    value: X\n",
        "corr-two.yaml": "koreksi:\n  - jabatan: camat\n    kinerja: camat.k1\n    alasan: y\n",
        "corr-no-value.yaml": "koreksi:\n  - jabatan: camat\n    field: unit\n    alasan: y\n",
        "corr-item.yaml": "koreksi:\n  - 5\n",
        "corr-unknown-id.yaml": "koreksi:\n  - jabatan: nobody\n    field: unit\n"
        "    value: X\n    alasan: karena\n",
        "corr-bad-field.yaml": "koreksi:\n  - jabatan: camat\n    field: warna\n"
        "    value: X\n    alasan: karena\n",
        "corr-bad-value.yaml": "koreksi:\n  - jabatan: camat\n    field: peran\n"
        "    value: raja\n    alasan: karena\n",
        "corr-breaks-tree.yaml": "koreksi:\n  - jabatan: camat\n    field: atasan\n"
        "    value: camat\n    alasan: karena\n",
    }
    paths = {"good": good}
    for name, body in files.items():
        path = folder / (name if "." in name else f"{name}.yaml")
        path.write_text(body, encoding="utf-8")
        paths[name] = path
    empty = PohonKinerja(organisasi=Organisasi(nama="Kecamatan Kosong", tahun=2024), jabatan=[])
    paths["empty"] = save(empty, folder / "empty.yaml")
    lonely = PohonKinerja(
        organisasi=Organisasi(nama="Kecamatan Sepi", tahun=2024),
        jabatan=[
            Jabatan(id="staf", nama="Staf", peran="pelaksana", kinerja=[Kinerja(uraian="Kerja")])
        ],
    )
    paths["lonely"] = save(lonely, folder / "lonely.yaml")
    (folder / "mixed").mkdir()
    shutil.copy(good, folder / "mixed" / "a.yaml")
    (folder / "mixed" / "b.yaml").write_text("pokin: 1\njabatan: [\n", encoding="utf-8")
    paths["mixed"] = folder / "mixed"
    return paths


def _scenarios(tmp: Path) -> Iterator[tuple[list[str], list[Path]]]:
    """Every command, over good and bad inputs: its argv and the files it writes."""
    bad = _bad_inputs(tmp)
    out = tmp / "out"
    out.mkdir()
    n = iter(range(10_000))

    def o(suffix: str) -> Path:
        return out / f"{next(n)}{suffix}"

    trees = [
        "sambutan-2023",
        "samarinda-staf",
        str(bad["good"]),
        str(bad["empty"]),
        str(bad["lonely"]),
    ]
    for tree in trees:
        for argv, written in (
            (["check", tree], []),
            (["check", tree, "-o", str(p := o(".txt"))], [p]),
            (["show", tree], []),
            (["report", tree, "-o", str(p := o(".md"))], [p]),
            (["render", tree, "-o", str(p := o(".dot"))], [p]),
            (["link", tree, "--suggest"], []),
            (["sakip", tree], []),
        ):
            yield argv, written
    proposed = tmp / "usulan.yaml"  # inferred links carry a skor: diagrams and reports show it
    shutil.copy(datasets.path("sambutan-2023"), proposed)
    yield ["link", str(proposed), "--write", "--force"], []
    yield ["link", str(proposed), "--terima", "kasi-pelayanan-umum.k1=camat.k1.i1"], []
    for argv, written in (
        (["check", str(proposed)], []),
        (["render", str(proposed), "-o", str(p := o(".dot"))], [p]),
        (["report", str(proposed), "-o", str(p := o(".md"))], [p]),
        (["sakip", str(proposed)], []),
    ):
        yield argv, written
    yield ["check", "sambutan-2024", "--previous", "sambutan-2023"], []
    yield ["check", "sambutan-2023", "--previous", "samarinda-staf"], []
    yield ["check", "sambutan-2023", "--select", "PK999"], []
    yield ["check", "sambutan-2023", "--select", ","], []
    yield ["link", "sambutan-2023", "--terima", "nope=camat.k1.i1"], []
    yield ["link", "sambutan-2023", "--tolak", "x"], []
    yield ["explore", "sambutan-2023", "-o", str(o(".html"))], []
    yield ["show", str(tmp / "no-such.yaml")], []
    yield ["diff", "sambutan-2023", "sambutan-2024"], []
    yield ["rules"], []
    yield ["demo", "--out", str(tmp / "demo"), "-q"], []
    yield ["check", str(bad["mixed"])], []
    for name, path in bad.items():
        if name.startswith("corr-"):
            seed = str(DECREES / "tab-sambutan-excerpt.txt")
            yield ["import", seed, "-o", str(o(".yaml")), "--corrections", str(path)], []
        elif name not in ("good", "empty", "lonely", "mixed"):
            yield ["check", str(path)], []
            yield ["render", str(path), "-o", str(o(".dot"))], []
    yield ["check", str(tmp / "no-such.yaml")], []
    for option in ("--unit", "--root"):
        yield ["render", "sambutan-2023", "-o", str(o(".dot")), option, "Seksi Bulan"], []
        yield ["render", "sambutan-2023", "-o", str(o(".dot")), option, "camat.k9"], []
    yield ["render", "sambutan-2023", "-o", str(o(".dot")), "--unit", "Seksi Pelayanan Umum"], []
    yield ["render", "sambutan-2023", "-o", str(o(".dot")), "--root", "camat.k1.i2"], []
    for decree in sorted(SEEDS.glob("*.txt")) + sorted(DECREES.glob("*")):
        if "kebomas" in decree.name and decree.parent == SEEDS:
            continue  # 77 positions: the excerpt in DECREES covers its layout
        yield ["import", str(decree), "-o", str(p := o(".yaml"))], [p]


def _dot_texts(dot: str) -> str:
    """What a planner reads in a drawing: its labels and tooltips (not layout numbers)."""
    found = re.findall(
        r'(?:label|tooltip|xlabel)=(?:"((?:[^"\\]|\\.)*)"|<(.*?)>\s*[,\]])', dot, re.I
    )
    texts = [quoted or html for quoted, html in found]
    html = "\n".join(texts)
    tips = re.findall(r'TOOLTIP="([^"]*)"', html, re.I)
    return re.sub(r"<[^>]+>", " ", "\n".join([html, *tips])).replace("&#10;", "\n")


def _rules_without_rationale(text: str) -> str:
    """``pokin rules`` minus what stays English on purpose: the rationale lines (the
    brief: rule rationales in English) and the rule names (identifiers)."""
    lines = [
        line
        for line in text.splitlines()
        if not line.startswith("       ") or line.lstrip().startswith("sumber:")
    ]
    return re.sub(r"^(PK\d+\s+\S+\s+)[a-z0-9-]+ — ", r"\1", "\n".join(lines), flags=re.M)


def _source_texts() -> set[str]:
    texts: set[str] = set()
    for name in ("sambutan-2023", "sambutan-2024", "samarinda-staf"):
        texts |= _texts_of(datasets.load(name))
    return texts


def test_every_command_speaks_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = _source_texts()
    left: list[str] = []
    ran = 0
    for argv, written in _scenarios(tmp_path):
        code, said = _run(argv, capsys)
        ran += 1
        assert "Traceback" not in said, (argv, said)
        texts = [("", said)]
        for path in written:
            if not path.exists():
                continue
            if path.suffix == ".yaml" and argv[0] == "import":
                tree = load(path)
                sources |= _texts_of(tree)
                notes = [tree.organisasi.catatan or ""] + [j.catatan or "" for j in tree.jabatan]
                texts.append((path.name, "\n".join(notes)))
            elif path.suffix == ".dot":
                texts.append((path.name, _dot_texts(path.read_text(encoding="utf-8"))))
            else:
                texts.append((path.name, path.read_text(encoding="utf-8")))
        if argv[0] == "rules":
            texts = [("", _rules_without_rationale(said))]
        command = " ".join(argv[:2])
        for name, text in texts:
            left.extend(
                f"{command} {name} [{code}]: {word!r} in …{_context(text, word)}…"
                for word in english_in(text, source_texts=sources)
            )
    assert ran > 80
    assert not left, "\n".join(sorted(set(left)))


@pytest.mark.parametrize("name", ["kebomas-2023", "samarinda-staf", "wonoasih-2026"])
def test_the_catatan_of_imported_datasets_are_indonesian(name: str) -> None:
    """The datasets built from the seed decrees (datasets/build.py) carry what pokin and the
    corrections' `alasan` wrote into them; a planner reads it in `pokin show` and Excel."""
    tree = datasets.load(name)
    notes = [tree.organisasi.catatan or ""] + [j.catatan or "" for j in tree.jabatan]
    notes += [k.catatan or "" for _, k in tree.iter_kinerja()]
    notes += [i.catatan or "" for _, i in tree.iter_indikator()]
    left = {word for note in notes for word in english_in(note, source_texts=_texts_of(tree))}
    assert not left, sorted(left)
