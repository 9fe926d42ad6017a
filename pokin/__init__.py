"""pokin: the pohon kinerja (cascading performance tree) of an Indonesian kecamatan.

Load a tree, check it, query its cascade graph::

    >>> import pokin
    >>> tree = pokin.datasets.load("sambutan-2023")  # doctest: +SKIP
    >>> findings = pokin.check(tree)                  # doctest: +SKIP
"""

from . import datasets
from .errors import ImportDocumentError, PokinError, PokinFileError, RenderError
from .io import dumps, load, loads, save
from .models import (
    Asal,
    Dokumen,
    Indikator,
    Jabatan,
    Kinerja,
    Organisasi,
    Peran,
    PohonKinerja,
    Sasaran,
    Status,
    Tautan,
)

__version__ = "0.1.0"

__all__ = [
    "Asal",
    "Dokumen",
    "ImportDocumentError",
    "Indikator",
    "Jabatan",
    "Kinerja",
    "Organisasi",
    "Peran",
    "PohonKinerja",
    "PokinError",
    "PokinFileError",
    "RenderError",
    "Sasaran",
    "Status",
    "Tautan",
    "__version__",
    "datasets",
    "dumps",
    "load",
    "loads",
    "save",
]
