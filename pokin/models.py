"""The pokin data model: organisasi, IKU, jabatan, kinerja, indikator and cascade links.

The models are pydantic v2 models that mirror the file format (``docs/format.md``) one to
one, so what a planner writes by hand, what an importer produces and what a notebook edits
are the same objects. They are mutable on purpose (a planner fixes a link in a notebook and
checks again); derived things (the graph, the findings) are computed from them, never stored.

>>> tree = PohonKinerja.model_validate({
...     "pokin": 1,
...     "organisasi": {"nama": "Kecamatan Contoh"},
...     "jabatan": [
...         {"nama": "Camat", "peran": "camat", "kinerja": [
...             {"uraian": "Meningkatnya pelayanan", "indikator": [{"uraian": "Nilai SKM"}]}]},
...         {"nama": "Sekretaris", "peran": "sekretaris", "atasan": "camat", "kinerja": [
...             {"uraian": "Nilai SKM", "mendukung": [{"teks": "nilai skm"}]}]},
...     ],
... })
>>> [j.id for j in tree.jabatan]
['camat', 'sekretaris']
>>> tree.jabatan[1].kinerja[0].mendukung[0].ke
'camat.k1.i1'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

__all__ = [
    "FORMAT_VERSION",
    "Asal",
    "Dokumen",
    "Indikator",
    "Jabatan",
    "Kinerja",
    "Organisasi",
    "Peran",
    "PohonKinerja",
    "Problem",
    "Sasaran",
    "Status",
    "Tautan",
    "resolve_references",
    "slugify",
]

FORMAT_VERSION: Literal[1] = 1


class Peran(StrEnum):
    """The role of a jabatan in the kecamatan structure."""

    CAMAT = "camat"
    SEKRETARIS = "sekretaris"
    KASUBBAG = "kasubbag"
    KASI = "kasi"
    LURAH = "lurah"
    SEKRETARIS_KELURAHAN = "sekretaris_kelurahan"
    KASI_KELURAHAN = "kasi_kelurahan"
    BENDAHARA = "bendahara"
    PELAKSANA = "pelaksana"
    FUNGSIONAL = "fungsional"

    @property
    def is_pimpinan(self) -> bool:
        """True for the camat and sekretaris (eselon III): their indicators are outcomes."""
        return self in (Peran.CAMAT, Peran.SEKRETARIS)

    @property
    def is_staf(self) -> bool:
        """True for staff positions (pelaksana, fungsional, bendahara)."""
        return self in (Peran.PELAKSANA, Peran.FUNGSIONAL, Peran.BENDAHARA)


class Asal(StrEnum):
    """How a cascade link was made."""

    DEKLARASI = "deklarasi"  # written by a planner (or read from the decree)
    INFERENSI = "inferensi"  # proposed by pokin's link inference


class Status(StrEnum):
    """The review state of an inferred link."""

    USULAN = "usulan"  # proposed, awaiting review
    DITERIMA = "diterima"  # confirmed by a planner
    DITOLAK = "ditolak"  # rejected: kept so it is not proposed again, never counted


def _number_to_text(value: Any) -> Any:
    """Decrees write targets as text ("81,35", "500 surat"); accept bare YAML numbers too."""
    if isinstance(value, bool):
        return value  # let pydantic reject it: `target: yes` is surely a mistake
    if isinstance(value, int | float):
        return str(value)
    return value


def _clean_text(value: Any) -> Any:
    value = _number_to_text(value)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


Teks = Annotated[str, BeforeValidator(_number_to_text)]
OptTeks = Annotated[str | None, BeforeValidator(_clean_text)]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=True,
        use_enum_values=False,
    )


class Tautan(_Model):
    """A cascade link: the kinerja (or indikator) holding it supports the node ``ke``.

    Written as a bare id, ``{ke: id}`` or ``{teks: "exact text"}``; a text is resolved to
    the id when the tree is validated.
    """

    ke: str | None = None
    teks: OptTeks = None
    asal: Asal = Asal.DEKLARASI
    skor: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    alasan: OptTeks = None
    status: Status | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return {"ke": str(value)}
        return value

    @model_validator(mode="after")
    def _check(self) -> Tautan:
        if (self.ke is None) == (self.teks is None):
            raise ValueError("a link needs exactly one of `ke` (an id) or `teks` (a text)")
        if self.asal is Asal.INFERENSI and self.status is None:
            object.__setattr__(self, "status", Status.USULAN)
        if self.asal is Asal.DEKLARASI and self.status is not None:
            raise ValueError("`status` is for inferred links (asal: inferensi) only")
        return self

    @property
    def active(self) -> bool:
        """Whether the link counts: every link but a rejected proposal."""
        return self.status is not Status.DITOLAK

    @property
    def pending(self) -> bool:
        """Whether the link is an inferred proposal nobody has reviewed yet."""
        return self.asal is Asal.INFERENSI and self.status is Status.USULAN


class Indikator(_Model):
    """An indicator: how a kinerja (or an IKU sasaran) is measured."""

    id: str | None = None
    uraian: Teks
    formulasi: OptTeks = None
    sumber_data: OptTeks = None
    satuan: OptTeks = None
    target: OptTeks = None
    realisasi: OptTeks = None
    polaritas: Literal["naik", "turun"] = "naik"
    mendukung: list[Tautan] = Field(default_factory=list)
    catatan: OptTeks = None


class Kinerja(_Model):
    """A kinerja (sasaran / result) of a jabatan, with its indicators."""

    id: str | None = None
    uraian: Teks
    indikator: list[Indikator] = Field(default_factory=list)
    mendukung: list[Tautan] = Field(default_factory=list)
    catatan: OptTeks = None

    def iter_links(self) -> Iterator[tuple[Kinerja | Indikator, Tautan]]:
        """Every link of this kinerja and of its indicators, with the node holding it."""
        for link in self.mendukung:
            yield self, link
        for indikator in self.indikator:
            for link in indikator.mendukung:
                yield indikator, link


class Sasaran(_Model):
    """A sasaran of the organisation's IKU table (``S.1``) with its coded indicators."""

    id: str | None = None
    uraian: Teks
    indikator: list[Indikator] = Field(default_factory=list)


class Jabatan(_Model):
    """A position (jabatan) and what it is accountable for."""

    id: str | None = None
    nama: Teks
    peran: Peran
    eselon: OptTeks = None
    unit: OptTeks = None
    atasan: str | None = None
    tugas: OptTeks = None
    fungsi: list[Teks] = Field(default_factory=list)
    kinerja: list[Kinerja] = Field(default_factory=list)
    catatan: OptTeks = None
    inferensi: list[str] = Field(default_factory=list)

    @field_validator("fungsi", mode="before")
    @classmethod
    def _one_fungsi(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [value]
        return [] if value is None else value

    def iter_indikator(self) -> Iterator[Indikator]:
        """Every indicator of this position, kinerja by kinerja."""
        for kinerja in self.kinerja:
            yield from kinerja.indikator


class Dokumen(_Model):
    """The decree the data comes from."""

    judul: OptTeks = None
    nomor: OptTeks = None
    tanggal: date | None = None
    penandatangan: OptTeks = None
    sumber: OptTeks = None


class Organisasi(_Model):
    """The organisation: a kecamatan, within its kota or kabupaten."""

    nama: Teks
    pemerintah: OptTeks = None
    tahun: int | None = None
    periode: OptTeks = None
    dokumen: Dokumen | None = None
    catatan: OptTeks = None


@dataclass(frozen=True, slots=True)
class Problem:
    """A reference that does not hold, at a path into the file (``("jabatan", 2, "atasan")``)."""

    path: tuple[str | int, ...]
    message: str
    hint: str | None = None


class PohonKinerja(_Model):
    """A whole pohon kinerja: one organisasi, its IKU table and its positions.

    Validation fills in missing ids (see ``docs/format.md``), resolves links given by text,
    and checks every reference: unique ids, an existing ``atasan`` without cycles, links
    that point at something. Pass ``context={"defer_references": True}`` to
    ``model_validate`` to get the problems from :func:`resolve_references` yourself.
    """

    pokin: Literal[1] = FORMAT_VERSION
    organisasi: Organisasi
    iku: list[Sasaran] = Field(default_factory=list)
    jabatan: list[Jabatan] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> PohonKinerja:
        assign_ids(self)
        if info.context and info.context.get("defer_references"):
            return self
        problems = resolve_references(self)
        if problems:
            raise ValueError(
                "; ".join(f"{_dotted(p.path)}: {p.message}" for p in problems[:5])
                + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
            )
        return self

    # -- navigation ------------------------------------------------------------------------

    def iter_kinerja(self) -> Iterator[tuple[Jabatan, Kinerja]]:
        """Every (jabatan, kinerja) pair, in file order."""
        for jabatan in self.jabatan:
            for kinerja in jabatan.kinerja:
                yield jabatan, kinerja

    def iter_indikator(self) -> Iterator[tuple[Jabatan | None, Indikator]]:
        """Every (owner, indikator) pair; the owner is ``None`` for IKU indicators."""
        for sasaran in self.iku:
            for indikator in sasaran.indikator:
                yield None, indikator
        for jabatan in self.jabatan:
            for indikator in jabatan.iter_indikator():
                yield jabatan, indikator

    def get_jabatan(self, id: str) -> Jabatan:
        """The jabatan with this id; ``KeyError`` naming the known ids otherwise."""
        for jabatan in self.jabatan:
            if jabatan.id == id:
                return jabatan
        known = ", ".join(str(j.id) for j in self.jabatan[:12])
        raise KeyError(f"no jabatan has the id {id!r} (known: {known}...)")

    @property
    def top(self) -> list[Jabatan]:
        """The positions without atasan (normally just the Camat)."""
        return [j for j in self.jabatan if j.atasan is None]

    def _repr_svg_(self) -> str:
        """The whole tree as a diagram in Jupyter (a short message instead if too large)."""
        from .render import tree_svg  # imported late: render imports models

        return tree_svg(self)

    def __repr__(self) -> str:
        n_ind = sum(1 for _ in self.iter_indikator())
        return (
            f"<PohonKinerja {self.organisasi.nama!r}: {len(self.jabatan)} jabatan, "
            f"{sum(len(j.kinerja) for j in self.jabatan)} kinerja, {n_ind} indikator>"
        )


# -- ids ------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    """Lower-case, ASCII, dash-separated form of a title, for ids.

    >>> slugify("KASUBBAG UMUM & KEPEGAWAIAN")
    'kasubbag-umum-kepegawaian'
    >>> slugify("Plt. Lurah  Kebomas")
    'plt-lurah-kebomas'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def assign_ids(tree: PohonKinerja) -> None:
    """Give every jabatan, kinerja and indikator without an id a stable generated one."""
    taken: set[str | None] = {j.id for j in tree.jabatan if j.id}
    taken.update(s.id for s in tree.iku if s.id)
    taken.update(k.id for _, k in tree.iter_kinerja() if k.id)
    taken.update(i.id for _, i in tree.iter_indikator() if i.id)

    missing = [j for j in tree.jabatan if not j.id]
    base = {id(j): slugify(j.nama) for j in missing}
    repeats = Counter(base.values())
    for jabatan in missing:
        slug = base[id(jabatan)]
        if repeats[slug] > 1 and jabatan.unit:
            slug = slugify(f"{jabatan.nama} {jabatan.unit}")
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        object.__setattr__(jabatan, "id", candidate)

    for s_no, sasaran in enumerate(tree.iku, 1):
        if not sasaran.id:
            object.__setattr__(sasaran, "id", _free(f"S.{s_no}", taken))
        for i_no, indikator in enumerate(sasaran.indikator, 1):
            if not indikator.id:
                object.__setattr__(indikator, "id", _free(f"{sasaran.id}.i{i_no}", taken))
    for jabatan in tree.jabatan:
        for k_no, kinerja in enumerate(jabatan.kinerja, 1):
            if not kinerja.id:
                object.__setattr__(kinerja, "id", _free(f"{jabatan.id}.k{k_no}", taken))
            for i_no, indikator in enumerate(kinerja.indikator, 1):
                if not indikator.id:
                    object.__setattr__(indikator, "id", _free(f"{kinerja.id}.i{i_no}", taken))


def _free(candidate: str, taken: set[str | None]) -> str:
    result, n = candidate, 1
    while result in taken:
        n += 1
        result = f"{candidate}-{n}"
    taken.add(result)
    return result


# -- references -----------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def resolve_references(tree: PohonKinerja) -> list[Problem]:
    """Check every id and reference of ``tree``; resolve links given by text to ids.

    Returns the problems found (empty when the tree is sound), each with the path of the
    offending field. Links resolved from text keep the id in ``ke`` and drop the text.
    """
    problems: list[Problem] = []
    owner: dict[str, tuple[str | int, ...]] = {}

    def claim(node_id: str | None, path: tuple[str | int, ...]) -> None:
        if node_id is None:
            return
        if node_id in owner:
            problems.append(
                Problem(
                    (*path, "id"),
                    f"the id {node_id!r} is already used at {_dotted(owner[node_id])}",
                    "every id must be unique in the file; rename one, or delete it to "
                    "have pokin generate one",
                )
            )
        else:
            owner[node_id] = path

    for s_no, sasaran in enumerate(tree.iku):
        claim(sasaran.id, ("iku", s_no))
        for i_no, indikator in enumerate(sasaran.indikator):
            claim(indikator.id, ("iku", s_no, "indikator", i_no))
    for j_no, jabatan in enumerate(tree.jabatan):
        claim(jabatan.id, ("jabatan", j_no))
        for k_no, kinerja in enumerate(jabatan.kinerja):
            claim(kinerja.id, ("jabatan", j_no, "kinerja", k_no))
            for i_no, indikator in enumerate(kinerja.indikator):
                claim(indikator.id, ("jabatan", j_no, "kinerja", k_no, "indikator", i_no))

    by_id = {j.id: j for j in tree.jabatan}
    problems.extend(_atasan_problems(tree, by_id))
    if problems:
        return problems  # text links need a sound atasan chain to search along

    linkable: dict[str, str] = {}  # id -> kind, for messages
    for sasaran in tree.iku:
        linkable[str(sasaran.id)] = "sasaran"
    for _, kinerja in tree.iter_kinerja():
        linkable[str(kinerja.id)] = "kinerja"
    for _, indikator in tree.iter_indikator():
        linkable[str(indikator.id)] = "indikator"

    by_text: dict[str, list[tuple[Jabatan | None, Indikator]]] = {}
    for pair in tree.iter_indikator():
        by_text.setdefault(_norm(pair[1].uraian), []).append(pair)

    for j_no, jabatan in enumerate(tree.jabatan):
        chain = _chain(jabatan, by_id)
        for k_no, kinerja in enumerate(jabatan.kinerja):
            base: tuple[str | int, ...] = ("jabatan", j_no, "kinerja", k_no)
            sources: list[tuple[tuple[str | int, ...], list[Tautan], str]] = [
                (base, kinerja.mendukung, str(kinerja.id))
            ]
            for i_no, indikator in enumerate(kinerja.indikator):
                sources.append(((*base, "indikator", i_no), indikator.mendukung, str(indikator.id)))
            for path, links, self_id in sources:
                for l_no, link in enumerate(links):
                    where = (*path, "mendukung", l_no)
                    problem = _resolve_link(link, where, self_id, chain, by_text, linkable)
                    if problem:
                        problems.append(problem)
    return problems


def _atasan_problems(tree: PohonKinerja, by_id: dict[str | None, Jabatan]) -> list[Problem]:
    problems: list[Problem] = []
    for j_no, jabatan in enumerate(tree.jabatan):
        if jabatan.atasan is None:
            continue
        if jabatan.atasan == jabatan.id:
            problems.append(
                Problem(("jabatan", j_no, "atasan"), "a jabatan cannot be its own atasan")
            )
        elif jabatan.atasan not in by_id:
            close = [str(j.id) for j in tree.jabatan if j.id and jabatan.atasan in j.id]
            problems.append(
                Problem(
                    ("jabatan", j_no, "atasan"),
                    f"no jabatan has the id {jabatan.atasan!r}",
                    "use the id of an existing jabatan"
                    + (f", e.g. {', '.join(close[:5])}" if close else "")
                    + "; `atasan: null` only for the top of the tree",
                )
            )
    if problems:
        return problems
    reported: set[str | None] = set()
    for j_no, jabatan in enumerate(tree.jabatan):
        seen: list[str | None] = []
        current: Jabatan | None = jabatan
        while current is not None and current.id not in seen:
            seen.append(current.id)
            current = by_id.get(current.atasan) if current.atasan else None
        if current is not None and current.id == jabatan.id and jabatan.id not in reported:
            reported.update(seen)
            loop = " -> ".join(str(s) for s in [*seen, jabatan.id])
            problems.append(
                Problem(
                    ("jabatan", j_no, "atasan"),
                    f"the atasan chain goes round in a circle: {loop}",
                    "one of these positions must report to a position outside the circle",
                )
            )
    return problems


def _chain(jabatan: Jabatan, by_id: dict[str | None, Jabatan]) -> list[Jabatan]:
    """The atasan of ``jabatan``, then theirs, up to the top (the chain is acyclic)."""
    chain: list[Jabatan] = []
    current = by_id.get(jabatan.atasan) if jabatan.atasan else None
    while current is not None:
        chain.append(current)
        current = by_id.get(current.atasan) if current.atasan else None
    return chain


def _resolve_link(
    link: Tautan,
    where: tuple[str | int, ...],
    self_id: str,
    chain: list[Jabatan],
    by_text: dict[str, list[tuple[Jabatan | None, Indikator]]],
    linkable: dict[str, str],
) -> Problem | None:
    if link.ke is not None:
        if link.ke == self_id:
            return Problem((*where, "ke"), "a node cannot support itself")
        if link.ke not in linkable:
            return Problem(
                (*where, "ke"),
                f"nothing in the file has the id {link.ke!r}",
                "point `ke` at the id of an indikator (or a kinerja / IKU sasaran), "
                "or write the indicator's exact text as `teks: ...`",
            )
        return None
    text = str(link.teks)
    candidates = by_text.get(_norm(text), [])
    if not candidates:
        return Problem(
            (*where, "teks"),
            f"no indikator has the text {text!r}",
            "copy the superior indicator's text exactly (case and spaces may differ), "
            "or link by id with `ke: ...`",
        )
    chosen = candidates
    for superior in chain:  # nearest superior first
        mine = [c for c in candidates if c[0] is superior]
        if mine:
            chosen = mine
            break
    if len(chosen) > 1:
        ids = ", ".join(str(c[1].id) for c in chosen[:6])
        return Problem(
            (*where, "teks"),
            f"the text {text!r} matches {len(chosen)} indikator: {ids}",
            "link by id instead: `ke: <one of those ids>`",
        )
    object.__setattr__(link, "ke", chosen[0][1].id)
    object.__setattr__(link, "teks", None)
    return None
