"""The datasets bundled with pokin (real kecamatan decrees, transcribed or imported).

They live in ``datasets/`` of the repository and ship inside the wheel as
``pokin/_datasets``, so they load the same from a checkout and from an installed package.

>>> "sambutan-2023" in names()
True
>>> load("sambutan-2023").organisasi.nama
'Kecamatan Sambutan'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import PokinFileError
from .models import PohonKinerja

__all__ = ["directory", "load", "names", "path"]


def directory() -> Path:
    """The folder holding the bundled ``*.yaml`` files."""
    packaged = resources.files("pokin") / "_datasets"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "datasets"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        "pokin's bundled datasets are missing from this installation; reinstall pokin"
    )


def names() -> list[str]:
    """The names of the bundled datasets, sorted (``"sambutan-2023"``, ...)."""
    return sorted(p.stem for p in directory().glob("*.yaml"))


def path(name: str) -> Path:
    """The file of the bundled dataset ``name``."""
    file = directory() / f"{name}.yaml"
    if not file.is_file():
        raise PokinFileError(
            f"tidak ada dataset bawaan bernama {name!r}",
            path=file,
            hint=f"pilih salah satu: {', '.join(names())}",
        )
    return file


def load(name: str) -> PohonKinerja:
    """Load the bundled dataset ``name``."""
    from .io import load as load_file

    return load_file(path(name))
