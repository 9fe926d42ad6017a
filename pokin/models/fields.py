"""The building blocks of the model: enumerations, text and id fields, the base model."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from .._text import ONE_LINE, SHOWABLE
from .explain import planner_error

__all__ = [
    "FORMAT_VERSION",
    "ID_PATTERN",
    "Asal",
    "Baris",
    "Id",
    "Level",
    "LevelHasil",
    "Model",
    "OptBaris",
    "OptTeks",
    "Peran",
    "Status",
    "Teks",
    "number_to_text",
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


class LevelHasil(StrEnum):
    """The result level of a kinerja or indikator in the pohon kinerja (PermenPAN-RB 89/2021).

    From the organisation's goal down to the most operational condition; ordered, so a
    lower :attr:`rank` is a higher level. A child never sits higher than what it supports.
    """

    ULTIMATE_OUTCOME = "ultimate_outcome"
    INTERMEDIATE_OUTCOME = "intermediate_outcome"
    IMMEDIATE_OUTCOME = "immediate_outcome"
    OUTPUT = "output"

    @property
    def rank(self) -> int:
        """0 for the ultimate outcome, 3 for an output."""
        return _RANKS[self]

    @property
    def is_outcome(self) -> bool:
        """True for the three outcome levels."""
        return self is not LevelHasil.OUTPUT

    @property
    def label(self) -> str:
        """The level as evaluators write it: ``Intermediate Outcome``."""
        return self.value.replace("_", " ").title()


_RANKS = {level: rank for rank, level in enumerate(LevelHasil)}


def _level_text(value: Any) -> Any:
    """``Immediate Outcome`` (as evaluators write it, or a spreadsheet holds it) is
    ``immediate_outcome``."""
    if isinstance(value, str):
        return "_".join(value.strip().casefold().replace("-", " ").split()) or None
    return value


Level = Annotated[LevelHasil | None, BeforeValidator(_level_text)]
"""A ``level_hasil``: the enum's value, or the level as evaluators write it."""


class Asal(StrEnum):
    """How a cascade link was made."""

    DEKLARASI = "deklarasi"  # written by a planner (or read from the decree)
    INFERENSI = "inferensi"  # proposed by pokin's link inference


class Status(StrEnum):
    """The review state of an inferred link."""

    USULAN = "usulan"  # proposed, awaiting review
    DITERIMA = "diterima"  # confirmed by a planner
    DITOLAK = "ditolak"  # rejected: kept so it is not proposed again, never counted


def number_to_text(value: Any) -> Any:
    """Decrees write targets as text ("81,35", "500 surat"); accept bare YAML numbers too."""
    if isinstance(value, bool):
        return value  # let pydantic reject it: `target: yes` is surely a mistake
    if isinstance(value, int | float):
        return str(value)
    return value


def _none_if_empty(value: str | None) -> str | None:
    return value or None


# Decrees write targets as text ("81,35", "500 surat"); bare YAML numbers are accepted too
# (a bool is refused: `target: yes` is surely a mistake). Done by pydantic-core itself, not
# a Python function per field: validating a kabupaten calls these hundreds of thousands of
# times. Texts are stripped (the models' config); an optional text left empty is None.
# A required text may not be blank (`nama: ""`, `uraian: "   "`): it would name nothing
# and draw an empty box.
#
# A text may not hold a character no output can carry or show as written (see UNSHOWN).
Teks = Annotated[str, Field(coerce_numbers_to_str=True, min_length=1, pattern=SHOWABLE)]
Baris = Annotated[str, Field(coerce_numbers_to_str=True, min_length=1, pattern=ONE_LINE)]
"""A required text on one line (a title, a kinerja, an indicator), see ``_text.ONE_LINE``."""
OptBaris = Annotated[
    str | None,
    Field(coerce_numbers_to_str=True, pattern=ONE_LINE),
    AfterValidator(_none_if_empty),
]
"""An optional text on one line (unit, satuan, target...)."""
OptTeks = Annotated[
    str | None,
    Field(coerce_numbers_to_str=True, pattern=SHOWABLE),
    AfterValidator(_none_if_empty),
]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}")
"""What an id may hold: an ASCII letter or digit, then up to 127 letters, digits and
``. _ - : /`` (``camat.k1.i2``, ``I.K.S.1.1``, ``kasi-pem/2``). Ids travel into links of
drawings and reports, file names and spreadsheet cells: spaces, quotes, ``& < >``, ``#``
and control characters are refused where the tree is read, not escaped later."""


def _check_id(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # `ke: 12` in YAML is the id "12"
    if not isinstance(value, str):
        return value  # pydantic names the wrong type
    if not ID_PATTERN.fullmatch(value):
        bad = sorted({c for c in value if not re.fullmatch(r"[A-Za-z0-9._:/-]", c)})
        shown = " ".join(repr(c) for c in bad[:8])
        raise ValueError(
            f"id {value[:60]!r} tidak sah: "
            + (f"memuat karakter {shown}; " if bad else "")
            + "id diawali huruf atau angka, lalu hanya huruf, angka dan . _ - : / "
            "(paling panjang 128 karakter), mis. camat.k1.i2"
        )
    return value


Id = Annotated[str, BeforeValidator(_check_id)]
"""An id (see :data:`ID_PATTERN`)."""


class Model(BaseModel):
    """The base of every pokin model: no unknown keys, validated on assignment. A value
    refused when a model is built or set in Python is said in the planner's words
    (:class:`~pokin.errors.ModelError`, still pydantic's ``ValidationError``); readers
    that validate a whole tree (``model_validate``) explain their errors themselves."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=True,
        use_enum_values=False,
    )

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise planner_error(type(self), exc) from None

    # As pydantic's RootModel does: this __init__ only validates as BaseModel's does, so
    # pydantic-core need not call it for every nested model it validates (a custom
    # __init__ would make loading a tree twice as slow).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise planner_error(type(self), exc) from None
