"""Where the time of ``pokin.load`` of a ``.json`` file goes, against its floor (issue 13).

The goal was ``pokin.load(x.json)`` in at most 3x ``json.loads`` of the same text. This
script times, in one run and against ``json.loads`` measured beside each, the steps a load
cannot skip while it keeps today's public models and checks:

- parsing with pokin's duplicate-key hook (a key written twice is refused with its line);
- building the very same model classes with **no check at all** (every leaf field taken as
  it is, no stripping, no id pattern, unknown keys ignored): what pydantic-core needs only to
  make 180k instances at 1e5 indicators;
- pokin's fast validator (:mod:`pokin.models.fast`): the same models with every check;
- the one pass over the nodes that confirms ids and links (:mod:`pokin.models.whole`);
- the whole ``pokin.load``.

``floor`` is the sum of the first, second and fourth rows: no load that builds today's
models can be faster than it. CPU seconds of this process (``time.process_time``), medians;
the collector held off in every step, as the loaders hold it off.

    python bench/bench_load_json.py [--sizes 1e4,1e5] [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import kelurahan_for, synthetic

import pokin
from pokin.io import _no_repeats
from pokin.models.fast import validate_fast
from pokin.models.whole import whole

_OBJECTS = frozenset({"cls", "function", "metadata", "default", "default_factory", "ref"})
"""Keys of a core schema whose values are objects, not schemas."""


def _has_model(schema: Any) -> bool:
    if isinstance(schema, list):
        return any(_has_model(item) for item in schema)
    if not isinstance(schema, dict):
        return False
    if schema.get("type") == "model":
        return True
    return any(_has_model(value) for key, value in schema.items() if key not in _OBJECTS)


def bare(schema: Any) -> Any:
    """``schema`` (a model's core schema) building the same model classes with no check:
    every validator function dropped (but the one turning a bare-id link into ``{ke}``),
    every leaf field ``any``, nothing stripped, unknown keys ignored."""
    if isinstance(schema, list):
        return [bare(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type", "")
    if kind.startswith("function-"):
        if getattr(schema["function"].get("function"), "__name__", "") == "_from_id":
            return {**schema, "schema": bare(schema["schema"])}
        return bare(schema["schema"])
    if kind == "model":
        config = {k: v for k, v in schema.get("config", {}).items() if k != "str_strip_whitespace"}
        return {**schema, "config": config, "schema": bare(schema["schema"])}
    if kind == "model-fields":
        fields = {name: {**f, "schema": _leaf(f["schema"])} for name, f in schema["fields"].items()}
        return {**schema, "fields": fields, "extra_behavior": "ignore"}
    return {k: v if k in _OBJECTS else bare(v) for k, v in schema.items()}


def _leaf(schema: dict[str, Any]) -> dict[str, Any]:
    if _has_model(schema):
        if schema["type"] in ("default", "nullable", "list"):
            key = "items_schema" if schema["type"] == "list" else "schema"
            return {**schema, key: _leaf(schema[key])}
        result: dict[str, Any] = bare(schema)
        return result
    if schema.get("type") == "default":
        return {**schema, "schema": {"type": "any"}}
    return {"type": "any"}


def no_check() -> Any:
    """A validator of :class:`~pokin.PohonKinerja` building its models with no check."""
    from pydantic_core import SchemaValidator

    # _use_prebuilt=False: each nested model by this schema, not by its own validator
    return SchemaValidator(bare(pokin.PohonKinerja.__pydantic_core_schema__), _use_prebuilt=False)


def _cpu(fn: Callable[[], Any]) -> float:
    gc.collect()
    gc.disable()
    start = time.process_time()
    made = fn()
    took = time.process_time() - start
    del made
    gc.enable()
    return took


def run(size: int, repeat: int, folder: Path) -> None:
    tree = synthetic(kelurahan=kelurahan_for(size))
    text = json.dumps(pokin.io._clean(tree), ensure_ascii=False)  # as bench_scale.py writes it
    path = folder / f"t{size}.json"
    path.write_text(text, encoding="utf-8")
    data = json.loads(text)
    validator = no_check()
    built = validate_fast(data)
    same = validator.validate_python(data)
    assert type(same.jabatan[0].kinerja[0]) is type(built.jabatan[0].kinerja[0])
    steps: dict[str, Callable[[], Any]] = {
        "json.loads + duplicate-key hook": lambda: json.loads(text, object_pairs_hook=_no_repeats),
        "models, no check at all": lambda: validator.validate_python(data),
        "models, every check (validate_fast)": lambda: validate_fast(data),
        "ids and links, one pass (whole)": lambda: whole(built),
        "pokin.load(.json)": lambda: pokin.load(path),
    }
    floors: list[float] = []
    ratios: dict[str, list[float]] = {name: [] for name in steps}
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeat):
        floor = _cpu(lambda: json.loads(text))
        floors.append(floor)
        for name, step in steps.items():
            took = _cpu(step)
            times[name].append(took)
            ratios[name].append(took / floor)
    indikator = sum(1 for _ in tree.iter_indikator())
    print(f"\n{indikator:,} indikator, {path.stat().st_size / 1e6:.1f} MB of JSON")
    print(f"| step | CPU s | x json.loads |\n|---|---|---|\n| json.loads | {_s(floors)} | 1 |")
    for name in steps:
        print(f"| {name} | {_s(times[name])} | {statistics.median(ratios[name]):.2f} |")
    parts = (
        "json.loads + duplicate-key hook",
        "models, no check at all",
        "ids and links, one pass (whole)",
    )
    floor_ratio = [sum(ratios[name][i] for name in parts) for i in range(repeat)]
    print(f"| floor (hook + no-check models + whole) | | {statistics.median(floor_ratio):.2f} |")


def _s(values: list[float]) -> str:
    return f"{statistics.median(values):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e5", help="indicator counts, comma separated")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            run(int(float(size)), args.repeat, Path(tmp))


if __name__ == "__main__":
    main()
